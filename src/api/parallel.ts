/**
 * `parley-gmcr/parallel`: analyses split over workers. The pool talks to any
 * message port (a Web Worker in the browser; `startNodePool` in
 * `parley-gmcr/node` makes one of Node worker threads); a worker runs
 * `runTask` on the messages it receives. The results equal the single-thread
 * ones for any number of workers.
 *
 * @packageDocumentation
 */
export { WorkerPool, type RunOptions, type WorkerPort } from "../parallel/pool.js";
export { runTask, type ResultMessage, type Task, type TaskMessage, type TaskResult, type WorkState } from "../parallel/work.js";
export {
  ANALYSIS_THREADS_FROM,
  ROBUSTNESS_THREADS_FROM,
  analyzeParallel,
  robustnessParallel,
  robustnessWorthThreads,
  type ParallelAnalysisOptions,
} from "../parallel/parallel.js";

// Types that the exported ones refer to (TypeDoc documents them; users can name them).
export type { BaseConcept } from "../stability/analyze.js";
