/**
 * Share by link: the top bar's Share button puts the open scenario into a
 * link (share-link.ts: compressed, in the fragment, which no server sees),
 * shown in a dialog to copy; a scenario too large for a link is offered as a
 * file instead. A page opened on such a link (or given one in its address)
 * opens the scenario as a new draft under its name, not saved anywhere yet.
 */
import { ask } from "../widgets/dialog.js";
import { byId, h } from "../widgets/dom.js";
import type { DocState } from "./doc.js";
import type { DiskFiles } from "./disk.js";
import type { FileController } from "./files.js";
import { isShareFragment, MAX_LINK_LENGTH, readShareFragment, shareLink } from "./share-link.js";
import type { StatusLine } from "./status.js";

export class ShareLinks {
  constructor(
    private readonly doc: DocState,
    private readonly text: () => string,
    private readonly status: StatusLine,
    private readonly disk: DiskFiles,
  ) {
    byId("share-btn").addEventListener("click", () => void this.share());
  }

  /** Whether the address carries a shared scenario. */
  inAddress(): boolean {
    return isShareFragment(location.hash);
  }

  /** Open the scenario of the address's link as a new draft; false (and a message) when the link cannot be read. */
  async openFromAddress(files: FileController): Promise<boolean> {
    const r = await readShareFragment(location.hash);
    if ("error" in r) {
      history.replaceState(null, "", location.pathname + location.search);
      this.status.set(`Could not open the shared link: ${r.error}`, "error");
      return false;
    }
    return files.openNew(r.name, r.text, `Opened ${r.name} from a shared link: not saved yet — use Save as… to keep it in ${files.place}.`);
  }

  async share(): Promise<void> {
    const name = (this.doc.path ?? this.doc.untitled ?? "scenario.yaml").split("/").pop()!;
    const made = await shareLink(location.href, name, this.text());
    if ("tooLong" in made) {
      const answer = await ask(
        "Too large for a link",
        `${name} makes a link of ${made.tooLong.toLocaleString("en-US")} characters, more than the ${MAX_LINK_LENGTH.toLocaleString("en-US")} a link can safely carry (mail and chat programs cut longer ones). Send it as a file instead: Save to disk… writes it, and Open… opens it on the other side.`,
        [
          { value: "file", label: "Save to disk…", primary: true },
          { value: "cancel", label: "Cancel" },
        ],
        "cancel",
      );
      if (answer === "file") await this.disk.save();
      return;
    }
    const field = h("input", { id: "share-link", readonly: true, value: made.link, "aria-label": "Link to this scenario", spellcheck: "false" });
    const copied = h("span", { class: "share-copied", role: "status" });
    const copy = h(
      "button",
      {
        type: "button",
        onclick: async () => {
          field.select();
          try {
            await navigator.clipboard.writeText(made.link);
            copied.textContent = "Copied";
          } catch {
            copied.textContent = "Press Ctrl+C to copy";
          }
        },
      },
      "Copy",
    );
    setTimeout(() => field.select(), 0);
    await ask(
      "Share this scenario",
      h(
        "div",
        { class: "share" },
        h(
          "p",
          {},
          `The link carries ${name} as it is in the editor (${made.link.length.toLocaleString("en-US")} characters), inside the part after #, which browsers never send to a server. Whoever opens it gets the scenario as a new draft of their own.`,
        ),
        h("p", { class: "share-row" }, field, copy, copied),
      ),
      [{ value: "done", label: "Done", primary: true }],
      "done",
    );
  }
}
