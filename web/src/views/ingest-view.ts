/**
 * Ingest: from a news article to elements of the scenario (issue 7, docs/
 * workbench.md#ingest). Paste an article or drop a file (text, Markdown,
 * HTML); it is read in a worker of its own by the same pipeline as `parley
 * ingest`. The article is shown with its actors and the verbs of its coded
 * events highlighted (hover or focus one for the event: PLOVER category,
 * CAMEO code, modality, negation, confidence), beside the proposed elements
 * of a draft: parties, options, preference statements, constraints. Each can
 * be accepted into the scenario in the editor (one undoable edit, with its
 * sources) or rejected; clicking an element marks the sentences it came from.
 * Options the article says are taken today are offered as status-quo
 * elements. A user gazetteer (a `*.gazetteer.yaml` of the workspace, or a
 * file opened from disk) goes on top of the built-in one, as `parley ingest
 * --gazetteer FILE` does; its errors are listed with their line and column.
 */
import { clear, h, plural } from "../dom.js";
import { IngestFailed } from "../ingest-client.js";
import { gazetteerSummary, isGazetteerFile } from "../ingest-gazetteer.js";
import { acceptElement, isPresent, type AcceptContext } from "../ingest-edits.js";
import type { ElementKind, ElementView, EventView, GazetteerInfo, IngestRequest, IngestView, MentionView, UserGazetteer } from "../ingest-protocol.js";
import { DM_COLORS } from "../colors.js";
import { detectFormat } from "../../../src/api/ingest.js";

export interface IngestHooks {
  ingest(req: Omit<IngestRequest, "id">): Promise<IngestView>;
  /** Read an HTML page's article in the page (DOMParser + Readability). */
  readHtml(html: string): { title?: string; blocks: string[] } | null;
  scenario(): { text: string; file: string };
  /** Replace the editor's text (one undo step). */
  edit(next: string): void;
  /** Open a scenario that is not saved yet. */
  openNew(name: string, yaml: string, note: string): Promise<boolean>;
  /** The workspace's gazetteer files (paths), and reading one. */
  gazetteerFiles(): Promise<string[]>;
  readFile(path: string): Promise<string>;
  /** Read a user gazetteer on top of the built-in one: what it adds, or an IngestFailed with its problems. */
  checkGazetteer(g: UserGazetteer): Promise<GazetteerInfo>;
}

/** Files larger than this are refused before reading (a long news page is well under 1 MB). */
const MAX_BYTES = 5 * 1024 * 1024;

const GROUPS: { kind: ElementKind; title: string }[] = [
  { kind: "decisionMaker", title: "Decision makers" },
  { kind: "option", title: "Options" },
  { kind: "preference", title: "Preference statements" },
  { kind: "constraint", title: "Constraints" },
  { kind: "statusQuo", title: "Today (status quo)" },
];

/** The choice of "no user gazetteer" in the list. */
const BUILT_IN = "";
/** Values of gazetteers opened from disk in the list (their text is kept in the page). */
const FROM_DISK = "disk:";

type Mark = { start: number; end: number; mention?: MentionView; events?: EventView[] };

export class IngestPanel {
  private view: IngestView | null = null;
  private readonly rejected = new Set<string>();
  private selected: string | null = null;
  private reading = false;
  private readAgain = false;
  private visible = false;
  private readonly input: HTMLTextAreaElement;
  private readonly name: HTMLInputElement;
  private readonly file: HTMLInputElement;
  private readonly message = h("p", { class: "ing-message", role: "status", "aria-live": "polite", "data-testid": "ingest-message" });
  private readonly article = h("div", { class: "ing-article", "data-testid": "ingest-article", "aria-label": "The article, actors and events highlighted" });
  private readonly elements = h("div", { class: "ing-elements", "data-testid": "ingest-elements" });
  private readonly facts = h("p", { class: "ing-facts muted" });
  private readonly result = h("div", { class: "ing-result", hidden: true });
  private readonly tip = h("div", { class: "ing-tip", role: "tooltip", id: "ingest-tip", hidden: true, "data-testid": "ingest-tip" });
  private readonly inputBox: HTMLElement;
  private readonly editArticle: HTMLButtonElement;
  /** The user gazetteer in use (none: the built-in one alone), and those opened from disk this session. */
  private gazetteer: (UserGazetteer & { value: string; info: GazetteerInfo }) | null = null;
  private readonly fromDisk = new Map<string, string>();
  private workspaceGazetteers: string[] = [];
  private readonly gazSelect: HTMLSelectElement;
  private readonly gazFile: HTMLInputElement;
  private readonly gazStatus = h("div", { class: "ing-gaz-status muted", role: "status", "aria-live": "polite", "data-testid": "ingest-gazetteer" });

  constructor(
    private readonly root: HTMLElement,
    private readonly hooks: IngestHooks,
  ) {
    this.input = h("textarea", {
      id: "ingest-input",
      class: "ing-input",
      rows: 12,
      spellcheck: false,
      placeholder: "Paste a news article here (plain text, Markdown or HTML), or drop a file on this page.",
      "aria-label": "The article",
    });
    this.name = h("input", { id: "ingest-name", class: "narrow", value: "article.txt", "aria-label": "The article's name in sources" });
    this.file = h("input", {
      type: "file",
      hidden: true,
      accept: ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html",
      "aria-label": "Article file",
    });
    this.file.addEventListener("change", () => {
      const f = this.file.files?.[0];
      this.file.value = "";
      if (f) void this.loadFile(f);
    });
    this.editArticle = h("button", { type: "button", hidden: true, onclick: () => this.showInput(true) }, "Edit the text");
    this.gazSelect = h("select", { id: "ingest-gazetteer", "aria-label": "The gazetteer", onchange: () => void this.chooseGazetteer(this.gazSelect.value) });
    this.gazFile = h("input", { type: "file", hidden: true, accept: ".yaml,.yml,application/yaml,text/yaml", "aria-label": "Gazetteer file" });
    this.gazFile.addEventListener("change", () => {
      const f = this.gazFile.files?.[0];
      this.gazFile.value = "";
      if (f) void this.openGazetteerFile(f);
    });
    this.renderGazetteers();
    this.inputBox = h("div", { class: "ing-input-box" }, this.input);
    root.append(
      h(
        "div",
        { class: "toolbar" },
        h("button", { type: "button", class: "primary", id: "ingest-read", onclick: () => void this.read() }, "Read the article"),
        h("button", { type: "button", onclick: () => this.file.click(), title: "Open a .txt, .md or .html file" }, "Open a file…"),
        this.file,
        h("span", { class: "ctl" }, h("label", { for: "ingest-name", title: "The article's name in the sources of accepted elements" }, "cited as"), this.name),
        this.editArticle,
        h("span", { class: "spacer" }),
        h(
          "button",
          { type: "button", id: "ingest-new", onclick: () => void this.newScenario(false), title: "Accept elements into a new, empty scenario" },
          "New scenario",
        ),
        h(
          "button",
          { type: "button", id: "ingest-whole", onclick: () => void this.newScenario(true), title: "Open the whole draft as a new scenario" },
          "Whole draft",
        ),
      ),
      h(
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
        this.gazSelect,
        h(
          "button",
          { type: "button", onclick: () => this.gazFile.click(), title: "Open a gazetteer file (YAML, format parley-gazetteer/1) from this computer" },
          "Open a gazetteer…",
        ),
        this.gazFile,
        this.gazStatus,
      ),
      this.inputBox,
      this.message,
      this.result,
      this.tip,
    );
    this.result.append(
      this.facts,
      h(
        "div",
        { class: "ing-columns" },
        h("section", { class: "ing-col", "aria-label": "Article" }, this.article),
        h("section", { class: "ing-col", "aria-label": "Proposed elements" }, this.elements),
      ),
    );
    this.article.addEventListener("mouseover", (e) => this.hover(e.target));
    this.article.addEventListener("focusin", (e) => this.hover(e.target));
    this.article.addEventListener("mouseout", () => this.hideTip());
    this.article.addEventListener("focusout", () => this.hideTip());
    // Drop a file anywhere on the panel.
    root.addEventListener("dragover", (e) => {
      if (e.dataTransfer?.types.includes("Files")) {
        e.preventDefault();
        root.classList.add("ing-drop");
      }
    });
    root.addEventListener("dragleave", () => root.classList.remove("ing-drop"));
    root.addEventListener("drop", (e) => {
      root.classList.remove("ing-drop");
      const f = e.dataTransfer?.files[0];
      if (!f) return;
      e.preventDefault();
      void this.loadFile(f, true);
    });
    this.setMessage(
      "Paste an article (or drop a .txt, .md or .html file), then Read the article. The first reading loads the English language model (a few seconds).",
    );
  }

  show(): void {
    this.visible = true;
    this.refresh();
    void this.listGazetteers();
  }

  hide(): void {
    this.visible = false;
    this.hideTip();
  }

  /** The editor's text changed: which elements it holds now. */
  scenarioChanged(): void {
    if (this.visible && this.view) this.renderElements();
  }

  private setMessage(text: string, kind: "" | "error" | "ok" = ""): void {
    this.message.textContent = text;
    this.message.className = `ing-message ${kind}`;
    this.message.hidden = text === "";
  }

  private showInput(on: boolean): void {
    this.inputBox.hidden = !on;
    this.editArticle.hidden = on || !this.view;
    if (on) this.input.focus();
  }

  private async loadFile(f: File, readNow = false): Promise<void> {
    if (f.size > MAX_BYTES) {
      this.setMessage(`Not read: ${f.name} is larger than 5 MB.`, "error");
      return;
    }
    this.input.value = await f.text();
    this.name.value = f.name;
    this.showInput(true);
    if (readNow) void this.read();
    else this.setMessage(`${f.name} loaded: Read the article when ready.`);
  }

  async read(): Promise<void> {
    // A reading asked for while one is under way (a new gazetteer, then Read) comes after it, with what is there then.
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    const text = this.input.value;
    const name = this.name.value.trim() || "article.txt";
    this.reading = true;
    this.setMessage("Reading the article…");
    try {
      const html = detectFormat(text, name) === "html" ? { html: this.hooks.readHtml(text) } : {};
      const gaz = this.gazetteer ? { gazetteer: { text: this.gazetteer.text, file: this.gazetteer.file } } : {};
      const view = await this.hooks.ingest({ text, name, ...html, scenario: this.hooks.scenario(), ...gaz });
      this.view = view;
      this.rejected.clear();
      this.selected = null;
      this.setMessage("");
      this.render();
      this.showInput(false);
    } catch (e) {
      if (e instanceof IngestFailed && e.issues?.length && this.gazetteer && e.file === this.gazetteer.file) {
        this.gazetteer = null;
        this.gazetteerFailed(e);
        this.renderGazetteers();
      }
      this.setMessage(`Not read: ${(e as Error).message}`, "error");
    } finally {
      this.reading = false;
    }
    if (this.readAgain) {
      this.readAgain = false;
      await this.read();
    }
  }

  // ---------------------------------------------------------------- the gazetteer

  /** The workspace's gazetteer files, for the list (a server that does not answer leaves the list as it was). */
  private async listGazetteers(): Promise<void> {
    try {
      this.workspaceGazetteers = (await this.hooks.gazetteerFiles()).filter(isGazetteerFile);
    } catch {
      return;
    }
    this.renderGazetteers();
  }

  private renderGazetteers(): void {
    const value = this.gazetteer?.value ?? BUILT_IN;
    const paths = [...this.workspaceGazetteers];
    if (this.gazetteer && !this.gazetteer.value.startsWith(FROM_DISK) && !paths.includes(this.gazetteer.value)) paths.push(this.gazetteer.value);
    clear(
      this.gazSelect,
      h("option", { value: BUILT_IN }, "built-in only"),
      ...paths.map((p) => h("option", { value: p }, p)),
      ...[...this.fromDisk.keys()].map((name) => h("option", { value: FROM_DISK + name }, `${name} (from disk)`)),
    );
    this.gazSelect.value = value;
    if (!this.gazStatus.classList.contains("error"))
      this.gazStatus.textContent = this.gazetteer ? `In use: ${gazetteerSummary(this.gazetteer.info)}` : "In use: the built-in gazetteer";
  }

  private async openGazetteerFile(f: File): Promise<void> {
    if (f.size > MAX_BYTES) {
      this.gazetteerError(`Not used: ${f.name} is larger than 5 MB.`);
      return;
    }
    this.fromDisk.set(f.name, await f.text());
    await this.chooseGazetteer(FROM_DISK + f.name);
  }

  /** Use a gazetteer (a workspace path, a file from disk, or none); read again an article already read. */
  async chooseGazetteer(value: string): Promise<void> {
    if (value === (this.gazetteer?.value ?? BUILT_IN)) {
      this.renderGazetteers();
      return;
    }
    if (value === BUILT_IN) this.gazetteer = null;
    else {
      const disk = value.startsWith(FROM_DISK);
      const file = disk ? value.slice(FROM_DISK.length) : value;
      this.gazStatus.className = "ing-gaz-status muted";
      this.gazStatus.textContent = `Reading ${file}…`;
      try {
        const text = disk ? this.fromDisk.get(file)! : await this.hooks.readFile(file);
        const info = await this.hooks.checkGazetteer({ text, file });
        this.gazetteer = { value, text, file, info };
      } catch (e) {
        if (e instanceof IngestFailed && e.issues?.length) this.gazetteerFailed(e);
        else this.gazetteerError(`${file} is not used: ${(e as Error).message}`);
        this.renderGazetteers();
        return;
      }
    }
    this.gazStatus.className = "ing-gaz-status muted";
    this.renderGazetteers();
    if (this.view) await this.read();
  }

  /** A gazetteer's problems, each with its line and column, as the scenario's problems are listed. */
  private gazetteerFailed(e: IngestFailed): void {
    const issues = e.issues!;
    this.gazStatus.className = "ing-gaz-status error";
    clear(
      this.gazStatus,
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
      h("div", { class: "muted" }, `In use: ${this.gazetteer ? gazetteerSummary(this.gazetteer.info) : "the built-in gazetteer"}`),
    );
  }

  private gazetteerError(text: string): void {
    this.gazStatus.className = "ing-gaz-status error";
    this.gazStatus.textContent = text;
  }

  private async newScenario(whole: boolean): Promise<void> {
    const v = this.view;
    if (!v) {
      this.setMessage("Read an article first.", "error");
      return;
    }
    const base = v.name.replace(/\.[^.]+$/, "") || "article";
    const yaml = whole
      ? v.yaml
      : `format: parley/1\nname: ${JSON.stringify(v.title ?? `From ${v.name}`)}\ndescription: ${JSON.stringify(`Built from ${v.name} with the workbench's Ingest view: accept the elements you want.`)}\ndecisionMakers: []\nstatusQuo: {}\npreferences: {}\n`;
    const opened = await this.hooks.openNew(
      `${base}${whole ? "-draft" : ""}.yaml`,
      yaml,
      whole ? `The draft from ${v.name}: not saved yet — use Save as… to keep it` : `A new scenario for ${v.name}: accept elements into it, then Save as…`,
    );
    if (opened) this.refresh();
  }

  private refresh(): void {
    if (this.view) this.renderElements();
  }

  // ---------------------------------------------------------------- the article

  private render(): void {
    const v = this.view!;
    this.result.hidden = false;
    const events = v.events.length;
    clear(
      this.facts,
      `${v.title ? `“${v.title}”: ` : ""}${plural(v.sentences.length, "sentence")} (${v.format}), ${plural(v.actors.length, "actor")}, ${plural(events, "event")} coded`,
      v.dropped ? `; ${plural(v.dropped, "repeated block")} left out` : "",
      `. Gazetteer: ${v.gazetteer}. Read in ${v.ms} ms.`,
    );
    this.renderArticle();
    this.renderElements();
  }

  private renderArticle(): void {
    const v = this.view!;
    const colours = new Map(v.actors.map((a, i) => [a.id, DM_COLORS[i % DM_COLORS.length]]));
    const marks = this.marks(v);
    const out: Node[] = [];
    let at = 0;
    let m = 0;
    const pushText = (from: number, to: number, into: Node[]) => {
      // Marks inside [from, to).
      let p = from;
      while (m < marks.length && marks[m].start < to) {
        const k = marks[m++];
        if (k.start < p) continue;
        if (k.start > p) into.push(document.createTextNode(v.text.slice(p, k.start)));
        into.push(this.markNode(v, k, colours));
        p = k.end;
      }
      if (p < to) into.push(document.createTextNode(v.text.slice(p, to)));
    };
    v.sentences.forEach((s, i) => {
      if (s.start > at) pushText(at, s.start, out);
      const inner: Node[] = [];
      pushText(Math.max(at, s.start), s.end, inner);
      out.push(h("span", { class: "ing-sent", "data-s": i, title: `Sentence ${i + 1}` }, ...inner));
      at = Math.max(at, s.end);
    });
    if (at < v.text.length) pushText(at, v.text.length, out);
    clear(this.article, ...out);
    this.markSelected();
  }

  /** Mentions and event triggers, in order, without overlaps (an event's verb wins over a mention). */
  private marks(v: IngestView): Mark[] {
    const byPlace = new Map<string, Mark>();
    for (const e of v.events) {
      const key = `${e.start}:${e.end}`;
      const m = byPlace.get(key) ?? { start: e.start, end: e.end, events: [] };
      m.events!.push(e);
      byPlace.set(key, m);
    }
    const mentions: Mark[] = v.mentions.map((x) => ({ start: x.start, end: x.end, mention: x }));
    const all: Mark[] = [...byPlace.values(), ...mentions].sort((a, b) => a.start - b.start || (a.events ? -1 : 1));
    const out: Mark[] = [];
    for (const x of all) if (!out.length || x.start >= out[out.length - 1].end) out.push(x);
    return out;
  }

  private markNode(v: IngestView, k: Mark, colours: Map<string, string>): HTMLElement {
    const text = v.text.slice(k.start, k.end);
    if (k.events) {
      const e = k.events[0];
      return h(
        "mark",
        {
          class: `ing-event${e.negated ? " negated" : ""}`,
          tabindex: 0,
          "data-events": `${k.start}:${k.end}`,
          "aria-describedby": "ingest-tip",
          "data-testid": "ingest-event",
        },
        text,
      );
    }
    const m = k.mention!;
    return h(
      "mark",
      {
        class: "ing-actor",
        tabindex: 0,
        "data-mention": `${k.start}`,
        style: `--actor: ${colours.get(m.actor) ?? "#666"}`,
        "aria-describedby": "ingest-tip",
        "data-testid": "ingest-actor",
      },
      text,
    );
  }

  private hover(target: EventTarget | null): void {
    const el = target instanceof HTMLElement ? target.closest<HTMLElement>("mark") : null;
    const v = this.view;
    if (!el || !v) return;
    let content: Node[];
    if (el.dataset.events) {
      const [a, b] = el.dataset.events.split(":").map(Number);
      content = v.events.filter((e) => e.start === a && e.end === b).map((e) => eventCard(e));
    } else {
      const start = Number(el.dataset.mention);
      const m = v.mentions.find((x) => x.start === start);
      if (!m) return;
      content = [
        h("strong", {}, m.actorName),
        h("div", {}, `${MENTION_KIND[m.kind] ?? m.kind}${m.person ? `: ${m.person}` : ""}`),
        h("div", { class: "muted" }, `confidence ${m.confidence.toFixed(2)}`),
      ];
    }
    clear(this.tip, ...content);
    this.tip.hidden = false;
    const r = el.getBoundingClientRect();
    const box = this.root.getBoundingClientRect();
    this.tip.style.left = `${Math.max(0, Math.min(r.left - box.left, box.width - 300))}px`;
    this.tip.style.top = `${r.bottom - box.top + 4}px`;
  }

  private hideTip(): void {
    this.tip.hidden = true;
  }

  // ---------------------------------------------------------------- the elements

  private context(): AcceptContext {
    const v = this.view!;
    return { dms: v.dms, dmMap: v.dmMap, optionMap: v.optionMap };
  }

  private renderElements(): void {
    const v = this.view!;
    const text = this.hooks.scenario().text;
    const ctx = this.context();
    const sections: Node[] = [
      h(
        "p",
        { class: "muted intro" },
        `Accept an element to add it to ${this.hooks.scenario().file} (with its sources), or reject it. Click one to mark its sentences in the article.`,
      ),
    ];
    for (const g of GROUPS) {
      const list = v.elements.filter((e) => e.kind === g.kind);
      if (!list.length) continue;
      sections.push(
        h("h4", {}, `${g.title} `, h("span", { class: "muted" }, `(${list.length})`)),
        h("ul", { class: "ing-list", "aria-label": g.title }, ...list.map((e) => this.elementRow(e, isPresent(text, ctx, e)))),
      );
    }
    if (v.warnings.length)
      sections.push(
        h("details", { class: "ing-warnings" }, h("summary", {}, plural(v.warnings.length, "note")), h("ul", {}, ...v.warnings.map((w) => h("li", {}, w)))),
      );
    clear(this.elements, ...sections);
  }

  private elementRow(e: ElementView, present: boolean): HTMLElement {
    const rejected = this.rejected.has(e.key);
    const state = present ? "in the scenario" : rejected ? "rejected" : "";
    const sentences = e.sentences.map((s) => s + 1).join(", ");
    const row = h(
      "li",
      {
        class: `ing-el${present ? " present" : ""}${rejected ? " rejected" : ""}${this.selected === e.key ? " selected" : ""}`,
        "data-key": e.key,
        "data-testid": "ingest-element",
      },
      h(
        "button",
        {
          type: "button",
          class: "ing-el-text link",
          title: "Mark its sentences in the article",
          "aria-pressed": String(this.selected === e.key),
          onclick: () => this.select(e.key),
        },
        e.text,
      ),
      h("span", { class: "ing-el-meta muted" }, `${e.sentences.length > 1 ? "sentences" : "sentence"} ${sentences} · confidence ${e.confidence.toFixed(2)}`),
      state ? h("span", { class: `ing-state ${present ? "ok" : ""}` }, present ? "✓ in the scenario" : "rejected") : null,
      h(
        "span",
        { class: "ing-el-buttons" },
        h("button", { type: "button", class: "primary small", disabled: present, onclick: () => this.accept(e), "aria-label": `Accept ${e.text}` }, "Accept"),
        rejected
          ? h("button", { type: "button", class: "small", onclick: () => this.reject(e, false), "aria-label": `Restore ${e.text}` }, "Restore")
          : h("button", { type: "button", class: "small", disabled: present, onclick: () => this.reject(e, true), "aria-label": `Reject ${e.text}` }, "Reject"),
      ),
    );
    return row;
  }

  private accept(e: ElementView): void {
    const { text, file } = this.hooks.scenario();
    try {
      const r = acceptElement(text, this.context(), e);
      if (r.text !== text) this.hooks.edit(r.text);
      this.rejected.delete(e.key);
      this.setMessage(r.added.length ? `Added to ${file}: ${r.added.join("; ")}.` : `${file} has it already.`, "ok");
    } catch (err) {
      this.setMessage(`Not accepted: ${(err as Error).message}`, "error");
    }
    this.renderElements();
  }

  private reject(e: ElementView, on: boolean): void {
    if (on) this.rejected.add(e.key);
    else this.rejected.delete(e.key);
    this.renderElements();
  }

  /** Mark the sentences an element came from (a second click clears the marks). */
  private select(key: string): void {
    this.selected = this.selected === key ? null : key;
    this.markSelected();
    this.renderElements();
  }

  private markSelected(): void {
    const v = this.view;
    const el = v?.elements.find((e) => e.key === this.selected);
    const wanted = new Set(el?.sentences ?? []);
    let first: HTMLElement | null = null;
    for (const s of this.article.querySelectorAll<HTMLElement>(".ing-sent")) {
      const on = wanted.has(Number(s.dataset.s));
      s.classList.toggle("prov", on);
      if (on && !first) first = s;
    }
    first?.scrollIntoView({ block: "nearest" });
  }
}

const MENTION_KIND: Record<string, string> = {
  name: "named",
  alias: "another name",
  person: "a person who acts for it",
  title: "a title",
  adjective: "an adjective",
  pronoun: "a pronoun",
  speaker: "the speaker of a quotation",
  "unknown-name": "a name the gazetteer does not know",
};

function eventCard(e: EventView): HTMLElement {
  const row = (k: string, v: string) => h("tr", {}, h("th", { scope: "row" }, k), h("td", {}, v));
  return h(
    "div",
    { class: "ing-card" },
    h("strong", {}, `${e.sourceName} — ${e.negated ? "not " : ""}${e.kind}`),
    h(
      "table",
      {},
      h(
        "tbody",
        {},
        row("topic", `${e.inverse ? "against: " : ""}${e.topicLabel}`),
        row("PLOVER", e.plover ?? "— (a stated aim)"),
        row("CAMEO", `${e.cameo.code} ${e.cameo.name}`),
        row("modality", e.modality),
        row("negation", e.negated ? "negated" : "no"),
        row("confidence", e.confidence.toFixed(2)),
        row("trigger", `“${e.trigger}”${e.quoted ? " (quoted)" : ""}`),
        e.targetName ? row("towards", e.targetName) : null,
        e.condition ? row("condition", e.condition) : null,
      ),
    ),
  );
}
