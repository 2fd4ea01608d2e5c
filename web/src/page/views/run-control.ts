/**
 * What the deeper analyses share: running a request in the worker with its
 * own progress bar and Stop button (a long request then answers with what it
 * has so far), and the note that a result belongs to an earlier version of
 * the scenario.
 */
import { Cancelled, type Job } from "../clients/engine-client.js";
import { clear, h } from "../widgets/dom.js";
import type { Concept, Progress, Request, ResultOf } from "../../protocol/engine.js";

export type RunFn = <R extends Request>(request: R, onProgress: (p: Progress) => void) => Job<ResultOf[R["type"]]>;

export class RunControl {
  readonly el: HTMLElement;
  private readonly bar: HTMLProgressElement;
  private readonly text: HTMLElement;
  private readonly stopButton: HTMLButtonElement;
  private job: Job<unknown> | null = null;

  constructor(
    private readonly what: string,
    stopLabel = "Stop",
  ) {
    this.bar = h("progress", { max: 1, value: 0, "aria-label": `Progress of the ${what}` });
    this.text = h("span", { class: "muted" });
    this.stopButton = h("button", { type: "button", title: "Stop and show the result so far", onclick: () => this.job?.stop() }, stopLabel);
    this.el = h("span", { class: "run-control", role: "status", "aria-live": "polite", hidden: true }, this.bar, this.text, this.stopButton);
  }

  get running(): boolean {
    return this.job !== null;
  }

  /**
   * Run `request`; resolves with its result, or null when it was cancelled
   * (the top bar's Cancel) or failed (`failed` gets the message).
   */
  async run<R extends Request>(run: RunFn, request: R, failed: (message: string) => void): Promise<ResultOf[R["type"]] | null> {
    const job = run(request, (p) => this.progress(p));
    this.job = job;
    this.el.hidden = false;
    this.bar.removeAttribute("value");
    this.text.textContent = "Starting…";
    try {
      return await job.promise;
    } catch (e) {
      failed(e instanceof Cancelled ? `The ${this.what} was cancelled.` : `The ${this.what} failed: ${(e as Error).message}`);
      return null;
    } finally {
      if (this.job === job) {
        this.job = null;
        this.el.hidden = true;
      }
    }
  }

  private progress(p: Progress): void {
    this.text.textContent = p.phase.charAt(0).toUpperCase() + p.phase.slice(1);
    if (p.total) {
      this.bar.max = p.total;
      this.bar.value = p.done ?? 0;
    }
  }
}

/** "Computed for an earlier version of the scenario. [Run again]" — or nothing when the result is current. */
export function staleNote(box: HTMLElement, stale: boolean, again: () => void): void {
  if (!stale) {
    clear(box);
    box.hidden = true;
    return;
  }
  box.hidden = false;
  clear(box, "The scenario has changed since this was computed. ", h("button", { type: "button", class: "link", onclick: again }, "Run it again"));
}

/** A concept list for a new model: the user's choice if the model still has it, else SEQ, else the first. */
export function fillConcepts(select: HTMLSelectElement, concepts: readonly Concept[]): void {
  const prev = select.value as Concept;
  clear(select, ...concepts.map((c) => h("option", { value: c }, c)));
  select.value = concepts.includes(prev) ? prev : concepts.includes("SEQ") ? "SEQ" : concepts[0];
}

/** 0.754 -> "0.75". */
export function fixed2(x: number): string {
  return x.toFixed(2);
}
