/**
 * Import a gmcr-py / GMCR+ file: Open… in the top bar (disk.ts) hands it
 * over when it is not a Parley scenario, the engine converts it (as `parley
 * import` does) and the result opens as a new scenario, not saved until Save
 * as…. The file input #import-file takes one directly too.
 */
import { ask } from "../widgets/dialog.js";
import { byId, h } from "../widgets/dom.js";
import { Cancelled, type EngineClient } from "../clients/engine-client.js";
import type { FileController } from "./files.js";
import type { StatusLine } from "./status.js";

/** Larger files are refused before reading (gmcr-py files are a few kilobytes). */
const MAX_BYTES = 5 * 1024 * 1024;

export class GmcrImport {
  private readonly input = byId<HTMLInputElement>("import-file");

  constructor(
    private readonly engine: EngineClient,
    private readonly files: FileController,
    private readonly status: StatusLine,
  ) {
    this.input.addEventListener("change", () => {
      const file = this.input.files?.[0];
      this.input.value = "";
      if (file) void this.import(file);
    });
  }

  async import(file: File): Promise<void> {
    if (file.size > MAX_BYTES) {
      this.status.set(`Not imported: ${file.name} is larger than 5 MB`, "error");
      return;
    }
    let result;
    try {
      result = await this.engine.request({ type: "import", text: await file.text(), name: file.name });
    } catch (e) {
      if (!(e instanceof Cancelled)) this.status.set(`Not imported: ${(e as Error).message}`, "error");
      return;
    }
    if (!result.ok) {
      await ask(
        `${file.name} cannot be imported`,
        h("div", {}, h("p", {}, "It is not a gmcr-py or GMCR+ file Parley can read:"), h("ul", {}, ...result.issues.map((i) => h("li", {}, i.message)))),
        [{ value: "ok", label: "OK", primary: true }],
        "ok",
      );
      return;
    }
    const name = `${file.name.replace(/\.[^.]+$/, "") || "imported"}.yaml`;
    // What the conversion decided (the status quo it took), as sentences; gmcr-py stays lower-case.
    const notes = result.notes.map((n) => ` ${n}.`).join("");
    await this.files.openNew(
      name,
      result.yaml,
      `Imported ${file.name} (${result.states.toLocaleString("en")} states): not saved yet — use Save as… to keep it in ${this.files.place}.${notes}`,
    );
  }
}
