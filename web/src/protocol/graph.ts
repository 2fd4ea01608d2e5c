/** The graph of moves: what the page asks the engine worker to draw, and what it gets back (re-exported by engine.ts). */
import type { Concept } from "../../../src/index.js";

/**
 * What the graph shows: the states around one (every move, up to `depth`
 * moves away), the tree of states reachable from one by improvements, where
 * play goes from today, the equilibria with today, or every state.
 */
export type GraphMode = "neighbourhood" | "tree" | "today" | "equilibria" | "all";

export interface GraphRequest {
  mode: GraphMode;
  /** The state at the centre of a neighbourhood or the root of a tree (1-based id). */
  focus: number;
  /** Moves away from the focus (neighbourhood, tree). */
  depth: number;
  /** Concept whose equilibria are marked (and shown, in "equilibria" mode). */
  concept: Concept;
  /** Most states drawn. */
  cap: number;
  /** Most moves drawn (the improving ones first); all when left out. */
  maxMoves?: number;
  /** The tree follows only moves that leave their mover better off. */
  improving?: boolean;
  /** The decision makers whose moves are drawn (and followed, around a state and in the tree); all when left out. */
  movers?: number[];
}

export interface GraphNode {
  id: number;
  pattern: string;
  /** The state's stable name (the options taken), which stays when states are renumbered. */
  name: string;
  words: string;
  eq: boolean;
  sq: boolean;
  focus: boolean;
  /** Moves from the focus (neighbourhood, tree) or from today (otherwise); -1 when not reached. */
  depth: number;
}

/** One edge per pair of states a decision maker moves between. */
export interface GraphEdge {
  source: number;
  target: number;
  dm: number;
  /** The move source -> target leaves its mover better off. */
  improving: boolean;
  /** The options the move changes, by id: "+id" taken, "−id" withdrawn, joined by ", ". */
  change: string;
  /** The move in words ("impose the new sanctions put on hold"). */
  words: string;
}

export interface GraphView {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** States that would be in the view without the cap. */
  total: number;
  truncated: boolean;
  /** Moves among the states drawn, before maxMoves left some out. */
  movesTotal: number;
}
