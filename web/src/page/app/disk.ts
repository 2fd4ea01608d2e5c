/**
 * Scenarios between the workbench and the disk: Open… reads a scenario
 * from the disk into the editor as a new scenario (saved where the workbench
 * keeps its files with Save as…), or hands a gmcr-py / GMCR+ file to the
 * import; Save to disk… writes the editor's text to a file. With the File System Access API (Chromium browsers) the system's
 * file dialogs do it; elsewhere a file input and a download.
 */
import { byId, download } from "../widgets/dom.js";
import { MAX_FILE_BYTES } from "../storage/paths.js";
import type { DocState } from "./doc.js";
import type { FileController } from "./files.js";
import type { StatusLine } from "./status.js";

/** The File System Access API's pickers, where the browser has them (not in the DOM library's types). */
interface PickerWindow {
  showOpenFilePicker?(options: object): Promise<{ getFile(): Promise<File> }[]>;
  showSaveFilePicker?(options: object): Promise<{ createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }> }>;
}

const TYPES = [{ description: "Parley scenario", accept: { "application/yaml": [".yaml", ".yml"], "application/json": [".json"] } }];
const OPEN_TYPES = [...TYPES, { description: "gmcr-py or GMCR+ file", accept: { "application/octet-stream": [".gmcr"] } }];

/** A gmcr-py / GMCR+ file rather than a Parley scenario: a .gmcr, or JSON without Parley's format tag near its start. */
export function isGmcrFile(name: string, text: string): boolean {
  if (/\.gmcr$/i.test(name)) return true;
  return /\.json$/i.test(name) && !/"format"\s*:\s*"parley\//.test(text.slice(0, 4096));
}

export class DiskFiles {
  private readonly input = byId<HTMLInputElement>("open-file");
  private readonly pickers = window as unknown as PickerWindow;

  constructor(
    private readonly doc: DocState,
    private readonly text: () => string,
    private readonly files: FileController,
    private readonly status: StatusLine,
    private readonly importGmcr: (file: File) => Promise<void>,
  ) {
    byId("open-btn").addEventListener("click", () => void this.open());
    byId("save-disk-btn").addEventListener("click", () => void this.save());
    this.input.addEventListener("change", () => {
      const file = this.input.files?.[0];
      this.input.value = "";
      if (file) void this.read(file);
    });
  }

  async open(): Promise<void> {
    if (!this.pickers.showOpenFilePicker) return this.input.click();
    let handles;
    try {
      handles = await this.pickers.showOpenFilePicker({ types: OPEN_TYPES, multiple: false });
    } catch {
      return; // the user closed the dialog
    }
    if (handles[0]) await this.read(await handles[0].getFile());
  }

  async read(file: File): Promise<void> {
    if (/\.gmcr$/i.test(file.name)) return this.importGmcr(file);
    if (file.size > MAX_FILE_BYTES) {
      this.status.set(
        `Not opened: ${file.name} is ${file.size.toLocaleString("en-US")} bytes, over the ${MAX_FILE_BYTES.toLocaleString("en-US")} a scenario file may have`,
        "error",
      );
      return;
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      this.status.set(`Not opened: ${file.name} is not UTF-8 text`, "error");
      return;
    }
    if (isGmcrFile(file.name, text)) return this.importGmcr(file);
    const name = /\.(ya?ml|json)$/i.test(file.name) ? file.name : `${file.name.replace(/\.[^.]*$/, "") || "scenario"}.yaml`;
    await this.files.openNew(name, text, `Opened ${file.name} from the disk: not saved yet — use Save as… to keep it in ${this.files.place}.`);
  }

  /** The file name Save to disk suggests: the open file's own name. */
  private name(): string {
    const path = this.doc.path ?? this.doc.untitled ?? "scenario.yaml";
    return path.split("/").pop() || "scenario.yaml";
  }

  async save(): Promise<void> {
    const name = this.name();
    const text = this.text();
    if (!this.pickers.showSaveFilePicker) {
      download(name, text, "application/yaml;charset=utf-8");
      this.status.set(`Downloaded ${name}: the browser put it in its downloads folder`, "ok");
      return;
    }
    let handle;
    try {
      handle = await this.pickers.showSaveFilePicker({ suggestedName: name, types: TYPES });
    } catch {
      return; // closed without choosing
    }
    try {
      const out = await handle.createWritable();
      await out.write(text);
      await out.close();
      this.status.set(`Wrote ${name} to the disk`, "ok");
    } catch (e) {
      this.status.set(`Not written to the disk: ${(e as Error).message}`, "error");
    }
  }
}
