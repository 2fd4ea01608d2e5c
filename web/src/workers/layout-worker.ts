/**
 * The Graph view's layouts in a Web Worker of their own (charts/graph-layout.ts),
 * so that laying out hundreds of states never freezes the page: progress
 * messages while it runs, the positions at the end. The page cancels a
 * layout by terminating this worker.
 */
import { layout } from "./layout/graph-layout.js";
import type { LayoutReply, LayoutRequest } from "../protocol/layout.js";

const scope = self as unknown as { postMessage(message: LayoutReply, transfer?: Transferable[]): void };

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, input } = event.data;
  try {
    const positions = layout(input, (done, total) => scope.postMessage({ id, kind: "progress", done, total }));
    scope.postMessage({ id, kind: "done", positions }, [positions.buffer]);
  } catch (e) {
    scope.postMessage({ id, kind: "failed", message: (e as Error).message });
  }
};
