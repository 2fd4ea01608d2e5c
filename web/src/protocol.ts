/**
 * Messages between the page and the engine worker, and the views the worker
 * computes. Views are plain data in words and 1-based state ids (as the CLI
 * prints them), ready to render; the page never sees the engine's objects.
 */
import type { Concept } from "../../src/index.js";

export type { Concept };

/** A problem in the scenario text, at a 1-based line and column. */
export interface IssueView {
  line: number;
  column: number;
  message: string;
  code: string;
  /** False when the engine could not say where (shown at line 1). */
  located: boolean;
}

export interface OptionView {
  id: string;
  label: string;
  dm: number;
  irreversible: false | "taking" | "withdrawal";
  /** How a state where it is taken / not taken is described (whenTaken or the label; whenNotTaken). */
  taken: string;
  notTaken?: string;
}

/**
 * Every feasible state, column by column (typed arrays: a model of 65,536
 * states crosses from the worker in milliseconds). Index s is state s + 1.
 * `states.ts` turns one into a StateRow.
 */
export interface StatesView {
  count: number;
  /** Bit k set when option k is taken. */
  masks: Int32Array;
  /** Per decision maker: the rank of each state (1 = most preferred; ties share a rank). */
  ranks: Int32Array[];
  /** Per concept: bit d set when the state is stable for decision maker d. */
  stable: Partial<Record<Concept, Int32Array>>;
  /** Bit c set when the state is an equilibrium under concepts[c]. */
  eq: Int32Array;
}

/** One state, ready to show. */
export interface StateRow {
  id: number;
  pattern: string;
  /** The state in words, from the options' whenTaken / whenNotTaken phrases. */
  words: string;
  /** Rank per decision maker (1 = most preferred; ties share a rank). */
  ranks: number[];
  /** Per concept, bit d set when the state is stable for decision maker d. */
  stable: Partial<Record<Concept, number>>;
  /** Concepts under which the state is an equilibrium. */
  eq: Concept[];
}

export interface StepView {
  dm: number;
  dmName: string;
  from: number;
  to: number;
  /** What the mover does, e.g. "impose the new sanctions put on hold". */
  action: string;
  rankFrom: number;
  rankTo: number;
}

export interface FamilyView {
  words: string;
  count: number;
  example: number;
  concepts: Concept[];
}

export interface PathsView {
  from: number;
  fromWords: string;
  /** States reachable from today by improvements (today not counted unless it can be reached again). */
  reachable: number;
  equilibria: { id: number; words: string; concepts: Concept[]; steps: StepView[] }[];
  unreachable: { count: number; families: FamilyView[] };
}

export interface ModelView {
  file: string;
  name: string;
  asOf?: string;
  description?: string;
  dms: { id: string; name: string }[];
  options: OptionView[];
  concepts: Concept[];
  statusQuo: number;
  candidateStates: number;
  states: StatesView;
  rankCounts: number[];
  equilibria: Partial<Record<Concept, number[]>>;
  whatIfs: { file: string; title: string }[];
  paths: PathsView;
  ms: number;
}

export type LoadResult = { ok: true; model: ModelView } | { ok: false; issues: IssueView[] };

export type GraphMode = "neighbourhood" | "today" | "equilibria" | "all";

export interface GraphRequest {
  mode: GraphMode;
  /** The state at the centre of a neighbourhood (1-based id). */
  focus: number;
  /** Moves away from the focus (neighbourhood). */
  depth: number;
  /** Concept whose equilibria are marked (and shown, in "equilibria" mode). */
  concept: Concept;
  /** Most states drawn. */
  cap: number;
}

export interface GraphNode {
  id: number;
  pattern: string;
  words: string;
  eq: boolean;
  sq: boolean;
  focus: boolean;
}

/** One edge per pair of states a decision maker moves between. */
export interface GraphEdge {
  source: number;
  target: number;
  dm: number;
  /** The move source -> target leaves its mover better off. */
  improving: boolean;
}

export interface GraphView {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** States that would be in the view without the cap. */
  total: number;
  truncated: boolean;
}

export interface SanctionView {
  concept: Concept;
  /** Null: nothing deters the move under this concept. */
  how: string | null;
}

export interface ImprovementView {
  to: number;
  toWords: string;
  action: string;
  rankTo: number;
  sanctions: SanctionView[];
}

export interface DmExplanation {
  dm: number;
  name: string;
  rank: number;
  rankCount: number;
  stable: Concept[];
  unstable: Concept[];
  improvements: ImprovementView[];
}

export interface ExplainView {
  id: number;
  pattern: string;
  words: string;
  isStatusQuo: boolean;
  eq: Concept[];
  dms: DmExplanation[];
}

export interface ReportView {
  html: string;
  markdown: string;
  /** What-if files that could not be read or analysed. */
  skipped: string[];
}

export interface CompareSide {
  file: string;
  name: string;
  states: number;
  options: number;
  today: string;
  equilibria: { concept: Concept; count: number; families: FamilyView[] }[];
}

export interface StabilityChangeView {
  pattern: string;
  words: string;
  stateA?: number;
  stateB?: number;
  why: { dm: string; before: boolean; after: boolean; why: string }[];
}

export interface CompareView {
  a: CompareSide;
  b: CompareSide;
  changes: string[];
  sameOptions: boolean;
  sharedOptions: string[];
  concepts: { concept: Concept; gained: StabilityChangeView[]; lost: StabilityChangeView[] }[];
  markdown: string;
}

/** Requests the page sends; each gets one reply with the same id. */
export type Request =
  | { type: "load"; text: string; file: string }
  | { type: "graph"; graph: GraphRequest }
  | { type: "explain"; state: number }
  | { type: "report"; related: { file: string; text: string }[] }
  | { type: "compare"; text: string; file: string }
  | { type: "csv" };

export interface ResultOf {
  load: LoadResult;
  graph: GraphView;
  explain: ExplainView;
  report: ReportView;
  compare: CompareView | { issues: IssueView[] };
  csv: string;
}

export type ToWorker = { id: number; request: Request };

export type FromWorker =
  | { id: number; kind: "progress"; phase: string }
  | { id: number; kind: "done"; result: unknown }
  | { id: number; kind: "failed"; message: string };
