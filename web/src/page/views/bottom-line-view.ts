/**
 * The first thing the analysis says: the report's bottom line (the likeliest
 * outcomes, what would change them, the news to watch for, the questions),
 * above the views. The worker writes it with the report's own code, a piece at
 * a time, a moment after a version loads; an older one still running is
 * stopped. The section folds to its title (remembered in the browser).
 */
import { blocksToDom } from "../widgets/blocks.js";
import { clear, h } from "../widgets/dom.js";
import type { HeadlineView, ModelView, Progress } from "../../protocol/engine.js";
import type { Block } from "../../../../src/api/present.js";
import type { Job } from "../clients/engine-client.js";

export interface BottomLineHooks {
  run(model: ModelView, onProgress: (p: Progress) => void): Promise<Job<HeadlineView>>;
}

const FOLDED = "parley.bottomLine.folded";
/** How long after a version loads the bottom line is asked for (typing goes on meanwhile). */
const DELAY_MS = 600;

export class BottomLinePanel {
  private model: ModelView | null = null;
  private job: Job<HeadlineView> | null = null;
  private timer = 0;
  private shown: number | null = null;
  private readonly toggle: HTMLButtonElement;
  private readonly title: HTMLElement;
  private readonly body: HTMLElement;
  private readonly note: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly hooks: BottomLineHooks,
  ) {
    this.title = h("span", {}, "Bottom line");
    this.toggle = h(
      "button",
      { type: "button", class: "fold", "aria-expanded": "true", "aria-controls": "bottom-line-body", onclick: () => this.fold(!this.folded) },
      h("span", { class: "caret", "aria-hidden": "true" }, "▾"),
      this.title,
    );
    this.note = h("span", { class: "muted", role: "status", "data-testid": "bottom-line-note" });
    this.body = h("div", { id: "bottom-line-body", class: "bottom-line-body" });
    root.append(h("h2", { class: "bottom-line-head", id: "bottom-line-title" }, this.toggle, this.note), this.body);
    this.fold(localStorage.getItem(FOLDED) === "1");
  }

  private get folded(): boolean {
    return this.toggle.getAttribute("aria-expanded") === "false";
  }

  private fold(folded: boolean): void {
    this.toggle.setAttribute("aria-expanded", String(!folded));
    this.toggle.querySelector(".caret")!.textContent = folded ? "▸" : "▾";
    this.body.hidden = folded;
    this.root.classList.toggle("folded", folded);
    try {
      localStorage.setItem(FOLDED, folded ? "1" : "0");
    } catch {}
  }

  setModel(model: ModelView): void {
    // Another file: its bottom line is not this one's. Until it comes, the section keeps its room, so nothing below it moves when it does.
    if (this.shown !== null && model.file !== this.model?.file) {
      this.shown = null;
      clear(this.body);
    }
    this.model = model;
    this.root.hidden = false;
    this.root.classList.toggle("pending", this.shown === null);
    this.job?.stop();
    this.job = null;
    window.clearTimeout(this.timer);
    if (this.shown !== null) this.note.textContent = "updating…";
    this.timer = window.setTimeout(() => void this.refresh(model), DELAY_MS);
  }

  private async refresh(model: ModelView): Promise<void> {
    if (this.model !== model) return;
    if (this.shown === null) this.note.textContent = "working it out…";
    let result: HeadlineView;
    try {
      const job = await this.hooks.run(model, (p) => {
        if (this.model === model) this.note.textContent = `${p.phase}${p.total ? ` (${p.done ?? 0} of ${p.total})` : ""}…`;
      });
      if (this.model !== model) job.stop();
      else this.job = job;
      result = await job.promise;
    } catch (e) {
      if (this.model === model) this.note.textContent = (e as Error).name === "Cancelled" ? "cancelled" : `could not be written: ${(e as Error).message}`;
      return;
    }
    if (this.model !== model || result.stopped) return;
    this.job = null;
    this.shown = result.version;
    this.root.classList.remove("pending");
    const [first, ...rest] = result.blocks;
    // The report's heading ("Bottom line, computed 7 December 2026") is the section's title.
    this.title.textContent = first?.kind === "heading" ? textOf(first.text) : "Bottom line";
    clear(this.body, ...blocksToDom(firstThingsFirst(first?.kind === "heading" ? rest : result.blocks), 1));
    this.note.textContent = result.skipped.length ? `what-ifs left out (not found or not valid): ${result.skipped.join(", ")}` : "";
  }
}

/** The points read first on a short screen, by their label in the report: the likeliest outcomes and the news to watch for. */
const FIRST = ["Most likely", "Watch for", "What would change this"];

/**
 * The same blocks with the points of FIRST (each a top-level item and the
 * items under it) moved to the top, in that order; the rest as the report has it.
 */
function firstThingsFirst(blocks: readonly Block[]): Block[] {
  const points: Block[][] = [];
  for (const b of blocks) {
    if (b.kind === "item" && b.level === 1) points.push([b]);
    else if (b.kind === "item" && b.level > 1 && points.length) points.at(-1)!.push(b);
    else break;
  }
  const n = points.reduce((a, p) => a + p.length, 0);
  const label = (p: Block[]) => {
    const text = (p[0] as { text: unknown }).text;
    const head = Array.isArray(text) ? text[0] : text;
    return head && typeof head === "object" && "strong" in head ? textOf(head.strong) : "";
  };
  const rank = (p: Block[]) => {
    const k = FIRST.indexOf(label(p));
    return k < 0 ? FIRST.length : k;
  };
  return [...points.sort((a, b) => rank(a) - rank(b)).flat(), ...blocks.slice(n)];
}

function textOf(x: unknown): string {
  if (typeof x === "string") return x;
  if (Array.isArray(x)) return x.map(textOf).join("");
  if (x && typeof x === "object") return textOf(Object.values(x)[0]);
  return "";
}
