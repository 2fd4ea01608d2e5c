/** The default thread count, apart from the pool so that choosing it loads no worker code. */
import { availableParallelism } from "node:os";

/** Threads to use when the user does not say: every core, at most 8. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}
