/** A pool of in-process workers: each answers on a later turn of the event loop, as a Web Worker or worker thread would. */
import { WorkerPool, type WorkerPort } from "../../src/parallel/pool.js";
import { runTask, type ResultMessage, type WorkState } from "../../src/parallel/work.js";

export function inProcessPool(size: number): WorkerPool {
  const port = (): WorkerPort => {
    const state: WorkState = {};
    let handler: (m: ResultMessage) => void = () => {};
    return {
      post: (m) => setTimeout(() => handler({ id: m.id, result: runTask(state, m.task).result })),
      onMessage: (h) => void (handler = h),
      onError: () => {},
      terminate: () => {},
    };
  };
  return new WorkerPool(Array.from({ length: size }, port));
}
