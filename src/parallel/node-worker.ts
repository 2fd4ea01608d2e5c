/** Entry of a Node worker thread: a model, then tasks on it (see work.ts). */
import { parentPort } from "node:worker_threads";
import { runTask, type ResultMessage, type TaskMessage, type WorkState } from "./work.js";

const state: WorkState = {};
parentPort!.on("message", ({ id, task }: TaskMessage) => {
  try {
    const { result, transfer } = runTask(state, task);
    parentPort!.postMessage({ id, result } satisfies ResultMessage, transfer);
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies ResultMessage);
  }
});
