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
 *
 * This module is the panel, the reading and the list of elements; the
 * article is drawn by ingest-article.ts, the gazetteer chosen in
 * ingest-gazetteer-picker.ts.
 */
import { clear, h, plural } from "../widgets/dom.js";
import { MAX_BYTES } from "./ingest-gazetteer.js";
import { acceptElement, isPresent, type AcceptContext } from "../../editor/ingest-edits.js";
import type { ElementKind, ElementView, IngestRequest, IngestView } from "../../protocol/ingest.js";
import { detectFormat } from "../../../../src/api/ingest.js";
import { ArticleView } from "./ingest-article.js";
import { GazetteerPicker, type GazetteerHooks } from "./ingest-gazetteer-picker.js";

export interface IngestHooks extends Omit<GazetteerHooks, "changed"> {
  ingest(req: Omit<IngestRequest, "id">): Promise<IngestView>;
  /** Read an HTML page's article in the page (DOMParser + Readability). */
  readHtml(html: string): { title?: string; blocks: string[] } | null;
  scenario(): { text: string; file: string };
  /** Replace the editor's text (one undo step). */
  edit(next: string): void;
  /** Open a scenario that is not saved yet. */
  openNew(name: string, yaml: string, note: string): Promise<boolean>;
}

const GROUPS: { kind: ElementKind; title: string }[] = [
  { kind: "decisionMaker", title: "Decision makers" },
  { kind: "option", title: "Options" },
  { kind: "preference", title: "Preference statements" },
  { kind: "constraint", title: "Constraints" },
  { kind: "statusQuo", title: "Today (status quo)" },
];

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
  private readonly article: ArticleView;
  private readonly gazetteer: GazetteerPicker;
  private readonly elements = h("div", { class: "ing-elements", "data-testid": "ingest-elements" });
  private readonly facts = h("p", { class: "ing-facts muted" });
  private readonly result = h("div", { class: "ing-result", hidden: true });
  private readonly inputBox: HTMLElement;
  private readonly editArticle: HTMLButtonElement;

  constructor(
    root: HTMLElement,
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
    this.article = new ArticleView(root);
    // Another gazetteer: read again an article already read.
    this.gazetteer = new GazetteerPicker({
      gazetteerFiles: () => hooks.gazetteerFiles(),
      readFile: (path) => hooks.readFile(path),
      checkGazetteer: (g) => hooks.checkGazetteer(g),
      changed: () => (this.view ? this.read() : Promise.resolve()),
    });
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
      this.gazetteer.element,
      this.inputBox,
      this.message,
      this.result,
      this.article.tip,
    );
    this.result.append(
      this.facts,
      h(
        "div",
        { class: "ing-columns" },
        h("section", { class: "ing-col", "aria-label": "Article" }, this.article.element),
        h("section", { class: "ing-col", "aria-label": "Proposed elements" }, this.elements),
      ),
    );
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
    void this.gazetteer.list();
  }

  hide(): void {
    this.visible = false;
    this.article.hideTip();
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
      const user = this.gazetteer.current;
      const gaz = user ? { gazetteer: user } : {};
      const view = await this.hooks.ingest({ text, name, ...html, scenario: this.hooks.scenario(), ...gaz });
      this.view = view;
      this.rejected.clear();
      this.selected = null;
      this.setMessage("");
      this.render();
      this.showInput(false);
    } catch (e) {
      this.gazetteer.readFailed(e);
      this.setMessage(`Not read: ${(e as Error).message}`, "error");
    } finally {
      this.reading = false;
    }
    if (this.readAgain) {
      this.readAgain = false;
      await this.read();
    }
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
    this.article.render(v, this.selectedSentences());
    this.renderElements();
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
    this.article.markSentences(this.selectedSentences());
    this.renderElements();
  }

  private selectedSentences(): number[] {
    return this.view?.elements.find((e) => e.key === this.selected)?.sentences ?? [];
  }
}
