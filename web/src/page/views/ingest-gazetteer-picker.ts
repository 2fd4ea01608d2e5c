/**
 * The Ingest view's choice of gazetteer: the built-in one alone, a
 * `*.gazetteer.yaml` of the workspace, or a file opened from disk, on top of
 * the built-in one (as `parley ingest --gazetteer FILE`). A gazetteer is
 * checked when chosen; its problems are listed with their line and column and
 * the one in use stays.
 */
import type { GazetteerInfo, UserGazetteer } from "../../protocol/ingest.js";
import { IngestFailed } from "../clients/ingest-client.js";
import { clear, h, plural } from "../widgets/dom.js";
import { gazetteerSummary, isGazetteerFile, MAX_BYTES } from "./ingest-gazetteer.js";

export interface GazetteerHooks {
  /** The workspace's gazetteer files (paths), and reading one. */
  gazetteerFiles(): Promise<string[]>;
  readFile(path: string): Promise<string>;
  /** Read a user gazetteer on top of the built-in one: what it adds, or an IngestFailed with its problems. */
  checkGazetteer(g: UserGazetteer): Promise<GazetteerInfo>;
  /** Another gazetteer is in use (the article read already is read again). */
  changed(): Promise<void>;
}

/** The choice of "no user gazetteer" in the list. */
const BUILT_IN = "";
/** Values of gazetteers opened from disk in the list (their text is kept in the page). */
const FROM_DISK = "disk:";

export class GazetteerPicker {
  /** The toolbar: the list, "Open a gazetteer…" and what is in use (or what is wrong). */
  readonly element: HTMLElement;
  /** The user gazetteer in use (none: the built-in one alone), and those opened from disk this session. */
  private using: (UserGazetteer & { value: string; info: GazetteerInfo }) | null = null;
  private readonly fromDisk = new Map<string, string>();
  private workspaceGazetteers: string[] = [];
  private readonly select: HTMLSelectElement;
  private readonly file: HTMLInputElement;
  private readonly status = h("div", { class: "ing-gaz-status muted", role: "status", "aria-live": "polite", "data-testid": "ingest-gazetteer" });

  constructor(private readonly hooks: GazetteerHooks) {
    this.select = h("select", { id: "ingest-gazetteer", "aria-label": "The gazetteer", onchange: () => void this.choose(this.select.value) });
    this.file = h("input", { type: "file", hidden: true, accept: ".yaml,.yml,application/yaml,text/yaml", "aria-label": "Gazetteer file" });
    this.file.addEventListener("change", () => {
      const f = this.file.files?.[0];
      this.file.value = "";
      if (f) void this.openFile(f);
    });
    this.render();
    this.element = h(
      "div",
      { class: "toolbar ing-gaz" },
      h(
        "label",
        {
          for: "ingest-gazetteer",
          title: "Actors, people and topics the reader knows: the built-in gazetteer, or a file of yours on top of it (as parley ingest --gazetteer)",
        },
        "Gazetteer",
      ),
      this.select,
      h(
        "button",
        { type: "button", onclick: () => this.file.click(), title: "Open a gazetteer file (YAML, format parley-gazetteer/1) from this computer" },
        "Open a gazetteer…",
      ),
      this.file,
      this.status,
    );
  }

  /** The user gazetteer to read with, if any. */
  get current(): UserGazetteer | null {
    return this.using ? { text: this.using.text, file: this.using.file } : null;
  }

  /** A reading failed: if on the gazetteer in use, list its problems and go back to the built-in one. */
  readFailed(e: unknown): void {
    if (e instanceof IngestFailed && e.issues?.length && this.using && e.file === this.using.file) {
      this.using = null;
      this.failed(e);
      this.render();
    }
  }

  /** The workspace's gazetteer files, for the list (a server that does not answer leaves the list as it was). */
  async list(): Promise<void> {
    try {
      this.workspaceGazetteers = (await this.hooks.gazetteerFiles()).filter(isGazetteerFile);
    } catch {
      return;
    }
    this.render();
  }

  private render(): void {
    const value = this.using?.value ?? BUILT_IN;
    const paths = [...this.workspaceGazetteers];
    if (this.using && !this.using.value.startsWith(FROM_DISK) && !paths.includes(this.using.value)) paths.push(this.using.value);
    clear(
      this.select,
      h("option", { value: BUILT_IN }, "built-in only"),
      ...paths.map((p) => h("option", { value: p }, p)),
      ...[...this.fromDisk.keys()].map((name) => h("option", { value: FROM_DISK + name }, `${name} (from disk)`)),
    );
    this.select.value = value;
    if (!this.status.classList.contains("error"))
      this.status.textContent = this.using ? `In use: ${gazetteerSummary(this.using.info)}` : "In use: the built-in gazetteer";
  }

  private async openFile(f: File): Promise<void> {
    if (f.size > MAX_BYTES) {
      this.error(`Not used: ${f.name} is larger than 5 MB.`);
      return;
    }
    this.fromDisk.set(f.name, await f.text());
    await this.choose(FROM_DISK + f.name);
  }

  /** Use a gazetteer (a workspace path, a file from disk, or none); then tell the panel. */
  async choose(value: string): Promise<void> {
    if (value === (this.using?.value ?? BUILT_IN)) {
      this.render();
      return;
    }
    if (value === BUILT_IN) this.using = null;
    else {
      const disk = value.startsWith(FROM_DISK);
      const file = disk ? value.slice(FROM_DISK.length) : value;
      this.status.className = "ing-gaz-status muted";
      this.status.textContent = `Reading ${file}…`;
      try {
        const text = disk ? this.fromDisk.get(file)! : await this.hooks.readFile(file);
        const info = await this.hooks.checkGazetteer({ text, file });
        this.using = { value, text, file, info };
      } catch (e) {
        if (e instanceof IngestFailed && e.issues?.length) this.failed(e);
        else this.error(`${file} is not used: ${(e as Error).message}`);
        this.render();
        return;
      }
    }
    this.status.className = "ing-gaz-status muted";
    this.render();
    await this.hooks.changed();
  }

  /** A gazetteer's problems, each with its line and column, as the scenario's problems are listed. */
  private failed(e: IngestFailed): void {
    const issues = e.issues!;
    this.status.className = "ing-gaz-status error";
    clear(
      this.status,
      h("strong", {}, `${e.file} is not used: ${plural(issues.length, "problem")}`),
      h(
        "ul",
        { class: "ing-gaz-issues" },
        ...issues.map((i) =>
          h(
            "li",
            {},
            i.line !== undefined ? `Line ${i.line}, column ${i.column ?? 1}` : (e.file ?? "The file"),
            `: ${i.message}`,
            i.at ? h("span", { class: "muted" }, ` (at ${i.at})`) : null,
          ),
        ),
      ),
      h("div", { class: "muted" }, `In use: ${this.using ? gazetteerSummary(this.using.info) : "the built-in gazetteer"}`),
    );
  }

  private error(text: string): void {
    this.status.className = "ing-gaz-status error";
    this.status.textContent = text;
  }
}
