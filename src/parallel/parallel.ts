/**
 * Analyses spread over a pool of workers, with results identical to the
 * single-threaded run: every (concept, DM) pass and every robustness profile
 * is independent, and the results are assembled in the same order as there.
 */
import { planRobustness, summariseRobustness, type PreferenceUncertainty, type RobustnessOptions, type RobustnessResult } from "../analysis/robustness.js";
import type { Model } from "../model/compile.js";
import { assembleAnalysis, baseConcepts, createContext, CONCEPTS, type Analysis, type BaseConcept, type Concept } from "../stability/analyze.js";
import type { WorkerPool } from "./pool.js";
import { solveTasks, type Task } from "./work.js";

/** From this many states an analysis is worth spreading over workers (their start and the model's copy cost tens of ms). */
export const ANALYSIS_THREADS_FROM = 100_000;

export interface ParallelAnalysisOptions {
  concepts?: readonly Concept[];
  onProgress?: (done: number, total: number, label: string) => void;
  /** Polled after each pass: true stops the run, which then returns undefined. */
  shouldStop?: () => boolean;
}

export async function analyzeParallel(model: Model, pool: WorkerPool, opts: ParallelAnalysisOptions = {}): Promise<Analysis | undefined> {
  const concepts = [...(opts.concepts ?? CONCEPTS)];
  await pool.load(model);
  const tasks = solveTasks(model.nDMs, baseConcepts(concepts));
  let done = 0;
  const results = await pool.run(tasks, {
    onResult: (i) => {
      const t = tasks[i] as Extract<Task, { kind: "solve" }>;
      opts.onProgress?.(++done, tasks.length, `${t.concept} for ${model.scenario.decisionMakers[t.dm].name}`);
    },
    shouldStop: opts.shouldStop,
  });
  if (results.includes(undefined)) return undefined; // stopped (holes count as undefined here)
  const byKey = new Map<string, Uint8Array>();
  tasks.forEach((t, i) => t.kind === "solve" && byKey.set(`${t.concept}:${t.dm}`, results[i] as Uint8Array));
  return assembleAnalysis(model, createContext(model), concepts, (c: BaseConcept, i) => byKey.get(`${c}:${i}`)!);
}

/**
 * Worker threads pay for their start and for copying each profile's levels:
 * worth it once states × profiles (samples, or enumerated profiles) reach this.
 */
export const ROBUSTNESS_THREADS_FROM = 20_000_000;

export function robustnessWorthThreads(model: Model, opts: { samples?: number; exactLimit?: number }): boolean {
  return model.states.length * Math.max(opts.samples ?? 10_000, opts.exactLimit ?? 4096) >= ROBUSTNESS_THREADS_FROM;
}

/**
 * Robustness with the profiles analysed by the pool. Interrupted, it keeps the
 * longest run of profiles analysed in plan order, as the sequential run does.
 */
export async function robustnessParallel(model: Model, u: PreferenceUncertainty, pool: WorkerPool, opts: RobustnessOptions): Promise<RobustnessResult> {
  const t0 = performance.now();
  const plan = planRobustness(model, u, opts);
  opts.onProgress?.(0, plan.asked);
  await pool.load(model);
  const tasks: Task[] = plan.profiles.map((_, k) => ({ kind: "profile", concepts: plan.concepts, levels: plan.levels(k) }));
  let prefix = 0;
  const finished = new Uint8Array(tasks.length);
  let stop = false;
  const results = await pool.run(tasks, {
    onResult: (k) => {
      finished[k] = 1;
      while (prefix < tasks.length && finished[prefix]) prefix++;
      opts.onProgress?.(plan.coveredBy(prefix), plan.asked);
    },
    shouldStop: () => (stop ||= opts.shouldStop?.() ?? false),
  });
  const analysed = results.slice(0, prefix) as Uint8Array[][];
  return summariseRobustness(plan, analysed, prefix < tasks.length, performance.now() - t0);
}

/**
 * The equilibria of variants of a model that differ only in preferences
 * (sensitivity changes), one task per variant; in variant order. Undefined
 * when `shouldStop` stopped it (polled after each variant). `timeUp`, polled
 * the same way, ends the work early but keeps it: the result is then the
 * variants finished, a prefix of the list (tasks are handed out in order and
 * those running finish).
 */
export async function variantEquilibriaParallel(
  model: Model,
  pool: WorkerPool,
  concepts: readonly Concept[],
  variantLevels: readonly Int32Array[][],
  onProgress?: (done: number, total: number) => void,
  shouldStop?: () => boolean,
  timeUp?: () => boolean,
): Promise<Partial<Record<Concept, number[]>>[] | undefined> {
  await pool.load(model);
  const tasks: Task[] = variantLevels.map((levels) => ({ kind: "profile", concepts: [...concepts], levels }));
  let done = 0;
  const results = await pool.run(tasks, {
    onResult: () => onProgress?.(++done, tasks.length),
    shouldStop: () => (shouldStop?.() ?? false) || (timeUp?.() ?? false),
  });
  if (shouldStop?.()) return undefined;
  // The results are a sparse array: the first hole ends the prefix of finished variants.
  let finished = 0;
  while (finished < results.length && results[finished] !== undefined) finished++;
  if (finished < results.length && !timeUp) return undefined;
  return results.slice(0, finished).map((marks) => {
    const out: Partial<Record<Concept, number[]>> = {};
    concepts.forEach((c, k) => {
      const list: number[] = [];
      const mark = (marks as Uint8Array[])[k];
      for (let s = 0; s < mark.length; s++) if (mark[s]) list.push(s);
      out[c] = list;
    });
    return out;
  });
}
