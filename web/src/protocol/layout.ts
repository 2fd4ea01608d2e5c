/** Messages between the Graph view and its layout worker (workers/layout-worker.ts). */

export type LayoutName = "rings" | "layered" | "force" | "grid";

export interface LayoutInput {
  layout: LayoutName;
  /** Number of states; they are 0 … n-1 here. */
  n: number;
  /** Moves as pairs of node indices (direction does not matter). */
  edges: [number, number][];
  /** The node the rings and layers start from. */
  root: number;
  /** Width over height of the drawing area, to shape the layout like it. */
  aspect: number;
}

/** x0, y0, x1, y1, … */
export type Positions = Float64Array;

export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

export type LayoutReply =
  | { id: number; kind: "progress"; done: number; total: number }
  | { id: number; kind: "done"; positions: Positions }
  | { id: number; kind: "failed"; message: string };
