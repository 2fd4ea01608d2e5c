/**
 * What the worker keeps between requests: the last scenario that loaded, with
 * its analysis, so clicking a state or drawing the graph does not analyse
 * again. Requests after a failed load use the last good version (the views
 * keep showing it, marked out of date).
 *
 * Every request is a generator that yields progress and returns its result:
 * short ones yield once, long ones (robustness, inverse GMCR) after every
 * slice of work, so the worker can answer other requests in between and stop
 * them early with the result so far. A long request works on the version that
 * was current when it started, whatever loads meanwhile.
 */
import {
  analysisOutput,
  analyze,
  bargainOutput,
  bottomLineBlocks,
  bottomLineSteps,
  buildReport,
  loadModel,
  render,
  reportDocument,
  type Analysis,
  type Model,
} from "./engine.js";
import { awaitWork, coalitionsView, importScenario, inverseJob, NEVER_STOP, robustnessJob, type Control, type Step } from "./deeper.js";
import { forecastView, lintView, todayUtc } from "./forecast.js";
import { foresightView, hypergameView, unknownView } from "./extensions.js";
import { graphView } from "./graph.js";
import { analyzeParallel, ANALYSIS_THREADS_FROM, type WorkerPool } from "../../../../src/api/parallel.js";
import { runBargaining } from "../../../../src/index.js";
import type { BargainJson } from "../../../../src/api/present.js";
import { compareView, explainView, issuesOf, modelView } from "./views.js";
import type { Progress, Request, ResultOf } from "../../protocol/engine.js";

export type { Control };

interface Current {
  text: string;
  file: string;
  model: Model;
  analysis: Analysis;
  version: number;
}

export class EngineSession {
  private current?: Current;
  private loads = 0;
  private workers?: WorkerPool;

  /**
   * `makePool` starts the pool of workers that large analyses and robustness
   * runs use (once, when first needed); `analysisThreadsFrom`: the model size
   * from which an analysis goes to the pool.
   */
  constructor(
    private readonly makePool?: () => WorkerPool | undefined,
    private readonly analysisThreadsFrom = ANALYSIS_THREADS_FROM,
  ) {}

  private pool = (): WorkerPool | undefined => (this.workers ??= this.makePool?.());

  /** Run a request to the end, reporting each phase. */
  handle<R extends Request>(request: R, progress: (phase: string) => void, control: Control = NEVER_STOP): ResultOf[R["type"]] {
    const run = this.steps(request, control);
    for (;;) {
      const step = run.next();
      if (step.done) return step.value;
      progress(step.value.phase);
    }
  }

  /** A request as a generator: progress as it goes, the result at the end. */
  steps<R extends Request>(request: R, control: Control = NEVER_STOP): Generator<Step, ResultOf[R["type"]]> {
    return this.dispatch(request, control) as Generator<Step, ResultOf[R["type"]]>;
  }

  private *dispatch(request: Request, control: Control): Generator<Step, ResultOf[Request["type"]]> {
    switch (request.type) {
      case "load":
        return yield* this.load(request.text, request.file);
      case "graph":
        yield { phase: "laying out the states" };
        return graphView(this.need().analysis, request.graph);
      case "explain":
        yield { phase: `explaining state ${request.state}` };
        return explainView(this.need().analysis, request.state);
      case "report": {
        const cur = this.need();
        const { whatIfs, skipped } = whatIfModels(cur.model, request.related);
        yield { phase: `writing the report${whatIfs.length ? ` (with ${whatIfs.length} what-if${whatIfs.length > 1 ? "s" : ""})` : ""}` };
        // The bottom line is dated the day the page computes it (the browser's clock, UTC), as the CLI's is.
        const data = buildReport(cur.model, whatIfs, { today: todayUtc() });
        // The page scrolls: the workbench shows the whole report, appendix included.
        const doc = reportDocument(data, { appendix: true });
        return { html: render(doc, "html"), markdown: render(doc, "md"), skipped };
      }
      case "headline": {
        // The report's bottom line alone, a piece at a time (a long request: other requests are answered in between).
        const cur = this.need();
        const { whatIfs, skipped } = whatIfModels(cur.model, request.related);
        const run = bottomLineSteps(cur.model, whatIfs, { today: todayUtc(), analysis: cur.analysis });
        for (;;) {
          if (control.shouldStop()) return { version: cur.version, blocks: [], skipped, stopped: true };
          const step = run.next();
          if (step.done) return { version: cur.version, blocks: bottomLineBlocks(step.value), skipped, stopped: false };
          yield step.value;
        }
      }
      case "compare": {
        const cur = this.need();
        yield { phase: `reading ${request.file}` };
        let other: Model;
        try {
          other = loadModel(request.text, request.file);
        } catch (e) {
          return { issues: issuesOf(e) };
        }
        yield { phase: `comparing ${cur.file} with ${request.file}` };
        return compareView(cur.model, cur.file, other, request.file);
      }
      case "csv": {
        const cur = this.need();
        return [...analysisOutput.csvChunks!({ analysis: cur.analysis })].join("");
      }
      case "import":
        yield { phase: `importing ${request.name}` };
        return importScenario(request.text, request.name);
      case "robustness": {
        const cur = this.need();
        yield { phase: "weighing preference profiles" };
        return yield* robustnessJob(cur.analysis, request, cur.version, control, this.pool);
      }
      case "inverse": {
        const cur = this.need();
        return yield* inverseJob(cur.analysis, request, cur.version, control);
      }
      case "coalitions": {
        const cur = this.need();
        yield { phase: `looking for coalitions at state ${request.state}` };
        return coalitionsView(cur.analysis, request.state, cur.version, request.maxSize);
      }
      case "bargain": {
        const cur = this.need();
        yield { phase: "forecasting the bargaining issues" };
        const run = runBargaining(cur.model.scenario, request.samples > 0 ? { samples: request.samples, seed: request.seed } : {});
        return { ...(bargainOutput.toJson({ model: cur.model, run }) as BargainJson), version: cur.version };
      }
      case "forecast": {
        const cur = this.need();
        yield { phase: "forecasting: the chances of each outcome and question" };
        return forecastView(cur.analysis, cur.text, cur.version, todayUtc(), { signposts: request.signposts });
      }
      case "lint": {
        const cur = this.need();
        yield { phase: "checking the model" };
        return lintView(cur.analysis, cur.text, cur.version);
      }
      case "foresight": {
        const cur = this.need();
        yield { phase: request.nm ? "following ever longer horizons (non-myopic stability)" : `looking ${request.horizon} moves ahead` };
        return foresightView(cur.analysis, request, cur.version);
      }
      case "hypergame": {
        const cur = this.need();
        yield { phase: "judging each party in the game it perceives" };
        return hypergameView(cur.model, cur, request, cur.version);
      }
      case "unknown": {
        const cur = this.need();
        yield { phase: "checking stability with unknown preferences" };
        return unknownView(cur.analysis, cur.version);
      }
    }
  }

  private *load(text: string, file: string): Generator<Progress, ResultOf["load"]> {
    const t0 = Date.now();
    yield { phase: "reading the scenario" };
    let model: Model;
    try {
      model = loadModel(text, file);
    } catch (e) {
      return { ok: false, issues: issuesOf(e) };
    }
    const states = model.states.length.toLocaleString("en");
    yield { phase: `analysing ${states} states` };
    // A large model's (concept, DM) passes go to the pool of workers, when there is one.
    const pool = model.states.length >= this.analysisThreadsFrom ? this.pool() : undefined;
    const analysis = pool
      ? yield* awaitWork(
          (progress) => analyzeParallel(model, pool, { onProgress: progress }).then((a) => a!),
          (_done, _total, label) => `analysing ${states} states on ${pool.size} workers${label ? `: ${label} done` : ""}`,
        )
      : analyze(model);
    yield { phase: "describing the results" };
    const version = ++this.loads;
    this.current = { text, file, model, analysis, version };
    return { ok: true, model: modelView(file, analysis, Date.now() - t0, version) };
  }

  private need(): Current {
    if (!this.current) throw new Error("no scenario has been analysed yet");
    return this.current;
  }
}

/** The scenario's what-ifs among the files the page read (`related`), loaded; those not found or not valid are skipped. */
function whatIfModels(
  model: Model,
  related: { file: string; text: string }[],
): { whatIfs: { title: string; file: string; note?: string; model: Model }[]; skipped: string[] } {
  const skipped: string[] = [];
  const whatIfs: { title: string; file: string; note?: string; model: Model }[] = [];
  for (const w of model.scenario.whatIfs ?? []) {
    const found = related.find((r) => r.file === w.file);
    if (!found) {
      skipped.push(w.file);
      continue;
    }
    try {
      whatIfs.push({ title: w.title ?? w.file, file: w.file, ...(w.note ? { note: w.note } : {}), model: loadModel(found.text, w.file) });
    } catch {
      skipped.push(w.file);
    }
  }
  return { whatIfs, skipped };
}
