/**
 * The engine in a Web Worker, so a long analysis never freezes the page.
 * Requests are answered in order; each gets progress messages and one reply.
 * A long request (robustness, inverse GMCR) runs in slices of a few dozen
 * milliseconds in the background: between slices the worker answers the
 * requests that came in meanwhile (a new load as the user types, a click on a
 * state) and reads `stop` messages, which end the long request early with the
 * result so far. The page cancels everything by terminating this worker.
 */
import { EngineSession } from "./engine/session.js";
import { Scheduler } from "./engine/scheduler.js";
import type { FromWorker, ToWorker } from "../protocol/engine.js";
import { WorkerPool, type ResultMessage, type WorkerPort } from "../../../src/api/parallel.js";

const scope = self as unknown as { postMessage(message: FromWorker): void };

// A turn of the event loop without setTimeout's clamping: a message to ourselves queues behind the page's messages.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const pause = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

/** Large robustness runs spread over Web Workers: one per core, at most four; none where workers cannot nest. */
function startPool(): WorkerPool | undefined {
  if (typeof Worker === "undefined") return undefined;
  const size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
  const ports = Array.from({ length: size }, (): WorkerPort => {
    const worker = new Worker(new URL("./pool-worker.ts", import.meta.url), { type: "module" });
    return {
      post: (m) => worker.postMessage(m),
      onMessage: (h) => worker.addEventListener("message", (e: MessageEvent<ResultMessage>) => h(e.data)),
      onError: (h) => worker.addEventListener("error", (e) => h(new Error(e.message || "a pool worker failed"))),
      terminate: () => worker.terminate(),
    };
  });
  return new WorkerPool(ports);
}

const scheduler = new Scheduler(new EngineSession(startPool), (msg) => scope.postMessage(msg), pause);

self.onmessage = (event: MessageEvent<ToWorker>) => scheduler.receive(event.data);
