/**
 * From the editor's text to the views: a moment after the last keystroke the
 * text goes to the engine; a scenario that loads goes to every view, one
 * that does not goes to the problems list (the views keep the last version
 * that loaded). An older analysis that has run for a while is abandoned for
 * the newer text.
 */
import { Cancelled, type EngineClient } from "../clients/engine-client.js";
import type { IssueView, ModelView } from "../../protocol/engine.js";
import type { DocState } from "./doc.js";

export interface AnalysisHooks {
  /** A new version loaded and was analysed. */
  loaded(model: ModelView): void;
  problems(issues: IssueView[]): void;
  /** The summary needs redrawing (after a result, a problem or a cancel). */
  summary(state?: "cancelled"): void;
}

export class Analyser {
  private timer: number | undefined;
  private ticket = 0;

  constructor(
    private readonly engine: EngineClient,
    private readonly doc: DocState,
    private readonly text: () => string,
    private readonly hooks: AnalysisHooks,
  ) {}

  /** Analyse soon (typing goes on). */
  schedule(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.run(), 250);
  }

  async run(): Promise<void> {
    window.clearTimeout(this.timer);
    const text = this.text();
    const file = this.doc.path ?? this.doc.untitled ?? "scenario.yaml";
    // An analysis of an older text that has run for a while is not worth finishing.
    if (this.engine.loadRunningLongerThan(700)) this.engine.cancel();
    const ticket = ++this.ticket;
    let result;
    try {
      result = await this.engine.request({ type: "load", text, file });
    } catch (e) {
      if (ticket !== this.ticket) return;
      if (e instanceof Cancelled) this.hooks.summary("cancelled");
      else this.problems([{ line: 1, column: 1, message: `the engine failed: ${(e as Error).message}`, code: "internal", located: false }]);
      return;
    }
    if (ticket !== this.ticket) return;
    if (!result.ok) {
      this.problems(result.issues);
      this.hooks.summary();
      return;
    }
    this.problems([]);
    this.doc.model = result.model;
    this.hooks.summary();
    this.hooks.loaded(result.model);
  }

  private problems(issues: IssueView[]): void {
    this.doc.issues = issues;
    this.hooks.problems(issues);
  }
}
