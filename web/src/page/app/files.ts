/**
 * The scenario files of the store (the served folder, or the browser's own
 * storage on the static site): the list in the top bar, opening one, Save
 * (Ctrl+S, asking first when the file changed since it was opened), Save
 * as…, a new scenario not saved yet (an import, a file from the disk, a
 * shared link), and the copy of unsaved edits kept in the browser (offered
 * back when the file is opened again).
 */
import { type FileEntry, type ScenarioStore, StoreError } from "../storage/store.js";
import { ask } from "../widgets/dialog.js";
import { baseName, byId, clear, h, plural } from "../widgets/dom.js";
import { Drafts } from "./drafts.js";
import type { ScenarioEditor } from "../../editor/editor.js";
import type { DocState } from "./doc.js";
import type { StatusLine } from "./status.js";
import { isGazetteerFile } from "../views/ingest-gazetteer.js";

export interface FileHooks {
  /** Another scenario is in the editor: forget what belonged to the last one. */
  opened(): void;
  /** The scenario was saved under another name (views name their downloads after it). */
  renamed(): void;
  /** The address changed: a shared link in it was opened (true), or it names a file (false). */
  linkOpened?(): boolean;
}

/** How often the list of a folder that others change is read again while the page is shown. */
const POLL_MS = 3000;

export class FileController {
  files: FileEntry[] = [];
  private drafts: Drafts | null = null;
  private draftTimer: number | undefined;
  private readonly select = byId<HTMLSelectElement>("file-select");

  constructor(
    private readonly store: ScenarioStore,
    private readonly doc: DocState,
    private readonly editor: ScenarioEditor,
    private readonly status: StatusLine,
    private readonly hooks: FileHooks,
  ) {
    this.select.addEventListener("change", () => {
      if (this.select.value !== "") void this.open(this.select.value);
    });
    byId("save-btn").addEventListener("click", () => void this.save());
    byId("save-as-btn").addEventListener("click", () => void this.saveAs());
    window.addEventListener("hashchange", () => {
      if (this.hooks.linkOpened?.()) return;
      const path = decodeURIComponent(location.hash.slice(1));
      if (path && path !== this.doc.path && this.files.some((f) => f.path === path)) void this.open(path);
    });
    window.addEventListener("beforeunload", (e) => {
      if (this.doc.untitled !== null) {
        // A scenario that exists only in this page: the browser asks before leaving.
        e.preventDefault();
        e.returnValue = "";
      } else if (this.dirty()) this.saveDraft();
    });
  }

  /** Open the store, then `first` (a shared link) when given and it opens, else the file named in the address, or the default scenario. */
  async start(first?: () => Promise<boolean>): Promise<void> {
    this.drafts = new Drafts(this.store.id);
    await this.refresh();
    if (first && (await first())) return;
    const fromHash = decodeURIComponent(location.hash.slice(1));
    const path = this.files.some((f) => f.path === fromHash) ? fromHash : (this.store.defaultFile ?? this.files[0]?.path);
    if (path) await this.open(path);
    else
      this.openUntitled(
        "my-scenario.yaml",
        "format: parley/1\nname: My conflict\ndecisionMakers: []\n",
        `${this.store.description} has no scenario files (.yaml, .yml, .json). Write one in the editor and use Save as.`,
      );
  }

  /** Where Save as keeps a file, in words ("the folder", "this browser"). */
  get place(): string {
    return this.store.words.place;
  }

  dirty(): boolean {
    return this.doc.dirty(this.editor.text);
  }

  /** The editor's text changed: the status line, and a copy in the browser soon. */
  textChanged(): void {
    this.updateStatus();
    window.clearTimeout(this.draftTimer);
    this.draftTimer = window.setTimeout(() => this.saveDraft(), 400);
  }

  private saveDraft(): void {
    window.clearTimeout(this.draftTimer);
    const path = this.doc.path;
    if (!path || !this.drafts || this.doc.untitled !== null) return;
    if (!this.dirty()) this.drafts.drop(path);
    else if (!this.drafts.put(path, { text: this.editor.text, baseEtag: this.doc.etag, savedAt: Date.now() }))
      this.status.set("Unsaved changes — this browser could not back them up; save soon.", "warn");
  }

  /** `onlyIfChanged`: leave the list alone unless the folder changed (the focus watcher). */
  async refresh(onlyIfChanged = false): Promise<void> {
    // Gazetteers (for the Ingest view) are YAML too, but not scenarios.
    const files = (await this.store.files()).filter((f) => !isGazetteerFile(f.path));
    // Redrawn only when the folder changed: redrawing the list under a user who is choosing from it would close it.
    const same = files.length === this.files.length && files.every((f, k) => f.path === this.files[k].path);
    this.files = files;
    if (!same || !onlyIfChanged) this.renderList();
  }

  /**
   * Files added to (or removed from) the folder by other programs show up
   * when the page gets the focus back and, where other programs change the
   * files (the served folder), within a few seconds while the page is shown:
   * the list is read again every POLL_MS, or ten times as long as the last
   * reading took when that is longer (a huge folder is not read over and over).
   */
  watchFolder(): void {
    const again = () => {
      if (document.visibilityState === "visible") void this.refresh(true).catch(() => {});
    };
    window.addEventListener("focus", again);
    document.addEventListener("visibilitychange", again);
    if (!this.store.changedByOthers) return;
    const tick = async () => {
      let wait = POLL_MS;
      if (document.visibilityState === "visible") {
        const started = performance.now();
        await this.refresh(true).catch(() => {});
        wait = Math.max(POLL_MS, 10 * (performance.now() - started));
      }
      window.setTimeout(() => void tick(), wait);
    };
    window.setTimeout(() => void tick(), POLL_MS);
  }

  private renderList(): void {
    const { path, untitled } = this.doc;
    clear(this.select, ...this.files.map((f) => h("option", { value: f.path }, f.path)));
    if (untitled !== null) this.select.append(h("option", { value: "" }, `${untitled} (not saved yet)`));
    else if (path && !this.files.some((f) => f.path === path)) this.select.append(h("option", { value: path }, path));
    this.select.value = untitled !== null ? "" : (path ?? "");
  }

  /** A scenario that is not saved anywhere is about to be replaced: ask first. */
  private async mayLeaveUntitled(): Promise<boolean> {
    if (this.doc.untitled === null) return true;
    const answer = await ask(
      `${this.doc.untitled} is not saved`,
      "This scenario exists only in this page. Open another file and lose it?",
      [
        { value: "keep", label: "Keep it open", primary: true },
        { value: "discard", label: "Discard it" },
      ],
      "keep",
    );
    return answer === "discard";
  }

  async open(path: string): Promise<void> {
    if (!(await this.mayLeaveUntitled())) {
      this.renderList();
      return;
    }
    if (this.doc.path) this.saveDraft();
    let file;
    try {
      file = await this.store.read(path);
    } catch (e) {
      this.status.set(`Could not open ${path}: ${(e as Error).message}`, "error");
      this.renderList();
      return;
    }
    Object.assign(this.doc, { path: file.path, untitled: null, diskText: file.text, etag: file.etag, model: null });
    this.hooks.opened();
    history.replaceState(null, "", `#${encodeURIComponent(file.path)}`);
    this.renderList();
    this.editor.load(file.text);
    this.offerDraft(file.text, file.etag);
    this.updateStatus();
  }

  /** Put a new scenario in the editor, not saved in the store until Save as. */
  async openNew(name: string, text: string, note: string): Promise<boolean> {
    if (!(await this.mayLeaveUntitled())) return false;
    if (this.doc.path) this.saveDraft();
    this.openUntitled(name, text, note);
    return true;
  }

  private openUntitled(name: string, text: string, note: string): void {
    Object.assign(this.doc, { path: null, untitled: name, diskText: "", etag: null, model: null });
    this.hooks.opened();
    byId("draft-banner").hidden = true;
    history.replaceState(null, "", location.pathname + location.search);
    this.renderList();
    this.editor.load(text);
    this.updateStatus();
    this.status.set(note, "warn");
  }

  private offerDraft(diskText: string, etag: string): void {
    const banner = byId("draft-banner");
    banner.hidden = true;
    const path = this.doc.path!;
    const drafts = this.drafts!;
    const draft = drafts.get(path);
    if (!draft || draft.text === diskText) {
      if (draft) drafts.drop(path);
      return;
    }
    const when = new Date(draft.savedAt).toLocaleString();
    byId("draft-text").textContent =
      `You have unsaved edits to ${path} from ${when}, kept in this browser.` +
      (draft.baseEtag && draft.baseEtag !== etag ? ` The file has changed ${this.store.words.changedWhere} since then.` : "");
    banner.hidden = false;
    byId("draft-restore").onclick = () => {
      banner.hidden = true;
      this.editor.replaceText(draft.text, "input.restore");
      this.status.set(`Your edits are restored; save to keep them in the file (Ctrl+Z goes back to ${this.store.words.saved}).`, "warn");
    };
    byId("draft-discard").onclick = () => {
      banner.hidden = true;
      drafts.drop(path);
    };
    byId<HTMLButtonElement>("draft-restore").focus();
  }

  updateStatus(): void {
    if (this.doc.saving) return;
    const dirty = this.dirty();
    if (this.doc.untitled !== null) this.status.set(`Not saved yet: use Save as… to keep it in ${this.store.words.place}`, "warn");
    else if (!this.doc.path) this.status.set("");
    else if (dirty) this.status.set("Unsaved changes (kept in this browser)", "warn");
    else this.status.set("Saved", "ok");
    const name = this.doc.path ? baseName(this.doc.path) : this.doc.untitled ? baseName(this.doc.untitled) : "";
    document.title = `${dirty ? "• " : ""}${name ? name + " — " : ""}Parley workbench`;
  }

  async save(overwrite = false): Promise<void> {
    const doc = this.doc;
    if (!doc.path) return this.saveAs();
    if (doc.saving) return;
    const text = this.editor.text;
    const path = doc.path;
    doc.saving = true;
    this.status.set("Saving…");
    try {
      const r = await this.store.write(path, text, overwrite ? { overwrite: true } : doc.etag ? { baseEtag: doc.etag } : {});
      doc.saving = false;
      if (doc.path !== path) return;
      doc.diskText = text;
      doc.etag = r.etag;
      this.drafts?.drop(path);
      this.updateStatus();
      const problems = doc.issues.length;
      this.status.set(
        `Saved at ${new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}${problems ? ` (with ${plural(problems, "problem")})` : ""}${this.dirty() ? "; newer edits unsaved" : ""}`,
        problems || this.dirty() ? "warn" : "ok",
      );
      void this.refresh();
    } catch (e) {
      doc.saving = false;
      if (e instanceof StoreError && (e.code === "changed-on-disk" || e.code === "deleted-on-disk" || e.code === "exists")) {
        const deleted = e.code === "deleted-on-disk";
        const where = this.store.words.changedWhere;
        const what = deleted ? `was deleted ${where}` : `changed ${where}`;
        const answer = await ask(
          `${path} ${what}`,
          `Someone or something ${deleted ? "deleted" : "changed"} ${path} since you opened it. Saving now replaces that version with yours.`,
          [
            { value: "overwrite", label: "Save mine anyway", primary: true },
            { value: "cancel", label: "Cancel" },
          ],
          "cancel",
        );
        if (answer === "overwrite") return this.save(true);
        this.status.set(`Not saved: ${this.store.words.saved} is different (your edits are kept in this browser)`, "warn");
        return;
      }
      this.status.set(`Not saved: ${(e as Error).message}`, "error");
    }
  }

  async saveAs(): Promise<void> {
    const doc = this.doc;
    const suggested = doc.untitled ?? (doc.path ? doc.path.replace(/(\.ya?ml|\.json)$/i, "-copy$1") : "my-scenario.yaml");
    const input = h("input", { id: "save-as-path", value: suggested, autocomplete: "off" });
    const form = h("p", {}, h("label", { for: "save-as-path" }, `File name in ${this.store.words.place} (.yaml, .yml or .json)`), h("br"), input);
    setTimeout(() => input.select(), 0);
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") (input.closest("dialog")?.querySelector("button.primary") as HTMLButtonElement | null)?.click();
    });
    const answer = await ask(
      "Save as",
      form,
      [
        { value: "save", label: "Save", primary: true },
        { value: "cancel", label: "Cancel" },
      ],
      "cancel",
    );
    const path = input.value.trim();
    if (answer !== "save" || !path) return;
    const text = this.editor.text;
    let r;
    try {
      r = await this.store.write(path, text);
    } catch (e) {
      if (e instanceof StoreError && e.code === "exists") {
        const again = await ask(
          `${path} exists`,
          `Replace ${path} with this scenario?`,
          [
            { value: "yes", label: "Replace it", primary: true },
            { value: "no", label: "Cancel" },
          ],
          "no",
        );
        if (again !== "yes") return;
        try {
          r = await this.store.write(path, text, { overwrite: true });
        } catch (e2) {
          this.status.set(`Not saved: ${(e2 as Error).message}`, "error");
          return;
        }
      } else {
        this.status.set(`Not saved: ${(e as Error).message}`, "error");
        return;
      }
    }
    if (doc.path) this.drafts?.drop(doc.path);
    const renamed = doc.path !== r.path;
    Object.assign(doc, { path: r.path, untitled: null, diskText: text, etag: r.etag });
    if (renamed) this.hooks.renamed();
    history.replaceState(null, "", `#${encodeURIComponent(r.path)}`);
    await this.refresh();
    this.updateStatus();
    this.status.set(`Saved as ${r.path}`, "ok");
  }
}
