/**
 * The engine in a Web Worker, so a long analysis never freezes the page. One
 * request at a time, in order; each gets progress messages and one reply.
 * The page cancels a request by terminating this worker and starting another.
 */
import { EngineSession } from "./engine/session.js";
import type { FromWorker, ToWorker } from "./protocol.js";

const session = new EngineSession();
const scope = self as unknown as { postMessage(message: FromWorker): void };

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const { id, request } = event.data;
  try {
    const result = session.handle(request, (phase) => scope.postMessage({ id, kind: "progress", phase }));
    scope.postMessage({ id, kind: "done", result });
  } catch (e) {
    scope.postMessage({ id, kind: "failed", message: e instanceof Error ? e.message : String(e) });
  }
};
