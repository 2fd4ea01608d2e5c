/** The engine worker's scheduler, run in Node with a clock on which every step outlasts a slice. */
import { EngineSession } from "../../web/src/workers/engine/session.js";
import { Scheduler } from "../../web/src/workers/engine/scheduler.js";
import type { FromWorker } from "../../web/src/protocol/engine.js";

/**
 * A scheduler over a fresh session whose messages land in `posted`; at each
 * yield between slices `between(turn, scheduler)` runs (turn 1, 2, …), where a
 * test sends what the page would send while a long request runs.
 */
export function slowScheduler(posted: FromWorker[], between: (turn: number, scheduler: Scheduler) => void): Scheduler {
  let turns = 0;
  let t = 0;
  const scheduler: Scheduler = new Scheduler(
    new EngineSession(),
    (m) => posted.push(m),
    async () => between(++turns, scheduler),
    () => (t += 50), // every step takes longer than a slice
  );
  return scheduler;
}
