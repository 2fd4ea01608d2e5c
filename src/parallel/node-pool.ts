/** Worker threads for a pool (Node adapter). */
import { Worker } from "node:worker_threads";
import { WorkerPool, type WorkerPort } from "./pool.js";
import type { ResultMessage } from "./work.js";

// In a module of its own: the CLI's options need it without loading the pool.
export { defaultThreads } from "./node-threads.js";

export function startNodePool(threads: number): WorkerPool {
  // From the sources (tests, tsx) the worker is TypeScript and needs the same loader.
  const fromSource = import.meta.url.endsWith(".ts");
  const entry = new URL(fromSource ? "./node-worker.ts" : "./node-worker.js", import.meta.url);
  const ports = Array.from({ length: Math.max(1, threads) }, (): WorkerPort => {
    const worker = fromSource
      ? // tsx's loader registered inside the worker, then the TypeScript entry.
        new Worker(`import("tsx/esm/api").then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); });`, { eval: true })
      : new Worker(entry);
    return {
      post: (m) => worker.postMessage(m),
      onMessage: (h) => worker.on("message", (m: ResultMessage) => h(m)),
      onError: (h) => worker.on("error", h),
      terminate: () => void worker.terminate(),
    };
  });
  return new WorkerPool(ports);
}
