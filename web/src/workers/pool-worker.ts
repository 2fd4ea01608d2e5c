/**
 * A worker of the engine's pool (started by the engine worker for large
 * robustness runs): a model, then independent tasks, as in src/parallel/work.ts.
 */
import { runTask, type ResultMessage, type TaskMessage, type WorkState } from "../../../src/api/parallel.js";

const scope = self as unknown as { postMessage(message: ResultMessage, transfer: Transferable[]): void };
const state: WorkState = {};

self.onmessage = (event: MessageEvent<TaskMessage>) => {
  const { id, task } = event.data;
  try {
    const { result, transfer } = runTask(state, task);
    scope.postMessage({ id, result }, transfer);
  } catch (e) {
    scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) }, []);
  }
};
