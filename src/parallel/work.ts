/**
 * The work a parallel run hands out, and how one worker does it. Pure: the
 * same module runs in a Node worker thread and in a browser Web Worker. A
 * worker receives the compiled model once (typed arrays copy cheaply; nothing
 * is recompiled; a new model replaces it), then independent tasks: one
 * (concept, DM) pass, or the equilibria of one preference profile of a
 * robustness run.
 */
import { profileEquilibria } from "../analysis/robustness.js";
import type { Model } from "../model/compile.js";
import { createContext, SOLVERS, type BaseConcept, type Concept } from "../stability/analyze.js";
import type { StabilityContext } from "../stability/context.js";

export type Task =
  | { kind: "model"; model: Model }
  | { kind: "solve"; concept: BaseConcept; dm: number }
  | { kind: "profile"; concepts: Concept[]; levels: Int32Array[] };

export type TaskResult = Uint8Array | Uint8Array[];

export interface WorkState {
  context?: StabilityContext;
}

/** Do one task; also names the buffers to transfer back instead of copying. */
export function runTask(state: WorkState, task: Task): { result: TaskResult; transfer: ArrayBuffer[] } {
  if (task.kind === "model") {
    state.context = createContext(task.model);
    return { result: new Uint8Array(0), transfer: [] };
  }
  if (!state.context) throw new Error("no model loaded");
  if (task.kind === "solve") {
    const result = SOLVERS[task.concept](state.context, task.dm);
    return { result, transfer: [result.buffer as ArrayBuffer] };
  }
  const result = profileEquilibria(state.context, task.concepts, task.levels);
  return { result, transfer: result.map((r) => r.buffer as ArrayBuffer) };
}

/** Message from the pool to a worker, and the worker's answer. */
export type TaskMessage = { id: number; task: Task };
export type ResultMessage = { id: number; result: TaskResult } | { id: number; error: string };

/** The (concept, DM) passes of an analysis, the costliest concepts first so the workers finish together. */
export function solveTasks(nDMs: number, base: readonly BaseConcept[]): Task[] {
  const cost: Record<BaseConcept, number> = { SMR: 5, GMR: 4, SEQ: 3, SIM: 2, Nash: 1 };
  const tasks: Task[] = [];
  for (const concept of [...base].sort((a, b) => cost[b] - cost[a])) for (let dm = 0; dm < nDMs; dm++) tasks.push({ kind: "solve", concept, dm });
  return tasks;
}
