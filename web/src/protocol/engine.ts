/**
 * Messages between the page and the engine worker, and the views the worker
 * computes. Views are plain data in words and 1-based state ids (as the CLI
 * prints them), ready to render; the page never sees the engine's objects.
 */
import type { Concept } from "../../../src/index.js";
import type { BargainJson, Block } from "../../../src/api/present.js";

export type { Concept };
export type { ForecastFamilyView, ForecastQuestionView, ForecastView, LintResultView, LintView, SignpostView } from "./forecast.js";
import type { ForecastView, LintResultView } from "./forecast.js";
import type { ExtensionRequest, ForesightView, HypergameView, UnknownView } from "./extensions.js";
export type { ExtensionRequest, ForesightView, HypergameView, StateRefView, UnknownView } from "./extensions.js";
import type { GraphRequest, GraphView } from "./graph.js";
export type { GraphEdge, GraphMode, GraphNode, GraphRequest, GraphView } from "./graph.js";

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
 * `page/views/states.ts` turns one into a StateRow.
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
  /** The name of the state moved to (the options taken): it stays when states are renumbered. */
  toName: string;
  /** What the mover does, e.g. "impose the new sanctions put on hold". */
  action: string;
  rankFrom: number;
  rankTo: number;
}

export interface FamilyView {
  words: string;
  count: number;
  example: number;
  /** The example's name (the options taken). */
  exampleName: string;
  concepts: Concept[];
}

export interface PathsView {
  from: number;
  fromName: string;
  fromWords: string;
  /** States reachable from today by improvements (today not counted unless it can be reached again). */
  reachable: number;
  equilibria: { id: number; name: string; words: string; concepts: Concept[]; steps: StepView[] }[];
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
  /** Which load of the worker this is (1, 2, …): results of the deeper analyses carry the version they were computed for. */
  version: number;
}

export type LoadResult = { ok: true; model: ModelView } | { ok: false; issues: IssueView[] };

export interface SanctionView {
  concept: Concept;
  /** Null: nothing deters the move under this concept. */
  how: string | null;
}

export interface ImprovementView {
  to: number;
  toName: string;
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
  /** The state's name, which stays when states are renumbered: the options taken. */
  name: string;
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

/**
 * The report's bottom line, for the first screen: the blocks the report's
 * document opens with (the same code writes both), for the version analysed.
 */
export interface HeadlineView {
  version: number;
  blocks: Block[];
  /** What-if files that could not be read or analysed. */
  skipped: string[];
  /** Stopped before the end (a newer version came): no blocks. */
  stopped: boolean;
}

export interface CompareSide {
  file: string;
  name: string;
  states: number;
  options: number;
  today: string;
  equilibria: { concept: Concept; count: number; families: FamilyView[] }[];
  /** Where play can go from this version's today (as the From today view says it). */
  paths: PathsView;
}

export interface StabilityChangeView {
  pattern: string;
  /** The state's name (the options taken), when it is one state of a side. */
  name?: string;
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

// ---------------------------------------------------------------- deeper analyses

export interface ProbabilityView {
  p: number;
  /** The 95% interval (equal to p when the profiles were enumerated exactly). */
  low: number;
  high: number;
}

/** A row of the robustness chart: one state, or a family of states with the same probability, described together. */
export interface RobustRowView {
  /** The state the row's link explains (the first of the family). */
  example: number;
  /** The example's name (the options taken). */
  name: string;
  count: number;
  words: string;
  includesToday: boolean;
  probability: ProbabilityView;
}

export interface InfluenceView {
  dm: number;
  dmName: string;
  kind: "statement" | "alternative";
  label: string;
  /** The largest change of any state's probability of being an equilibrium between "holds" and "does not hold". */
  shift: number;
  state: number;
  name: string;
  words: string;
  concept: Concept;
  whenHolds: number;
  whenNot: number;
}

export interface RobustnessView {
  version: number;
  exact: boolean;
  /** Profiles enumerated or sampled; fewer than asked when stopped. */
  done: number;
  asked: number;
  interrupted: boolean;
  distinctProfiles: number;
  seed: number;
  uncertainStatements: number;
  alternatives: number;
  concepts: Concept[];
  /** States that are an equilibrium under some concept with a positive probability. */
  positive: number;
  /** Per concept: the most probable states, most probable first, families of states with equal probability in one row. */
  top: Partial<Record<Concept, RobustRowView[]>>;
  /** The uncertain preferences that move some probability by half a point or more, most first. */
  influence: InfluenceView[];
  /** The same for each concept alone (what the chart of that concept shows). */
  influenceByConcept: Partial<Record<Concept, InfluenceView[]>>;
  markdown: string;
  ms: number;
}

export interface InverseView {
  version: number;
  target: number;
  name: string;
  pattern: string;
  words: string;
  concept: Concept;
  /** States the target text selects (1 for a state number or pattern). */
  candidates: number;
  found: boolean;
  exhaustive: boolean;
  /** Stopped before every candidate was searched. */
  interrupted: boolean;
  evaluated: number;
  totalDistance: number;
  /** The nearest change, one sentence per edit (as `parley inverse` says it). */
  changes: string[];
  /** Parties whose priorities need not change. */
  unchanged: string[];
}

export interface CoalitionStepView {
  dm: number;
  dmName: string;
  action: string;
  to: number;
  toName: string;
}

export interface CoalitionSanctionView {
  concepts: Concept[];
  /** Null: nothing deters the joint move under these concepts. */
  how: string | null;
}

export interface CoalitionView {
  members: number[];
  name: string;
  /** Concepts under which this coalition breaks the state, and those under which its moves are deterred. */
  breaks: Concept[];
  deterred: Concept[];
  moves: number;
  /** The joint move shown: the hardest to deter, then the most attractive to every member. */
  example: {
    to: number;
    toName: string;
    words: string;
    steps: CoalitionStepView[];
    gains: { dm: number; name: string; from: number; to: number }[];
    sanctions: CoalitionSanctionView[];
  };
  /** The other states the coalition can reach and all its members prefer, and their names. */
  alsoTo: number[];
  alsoToNames: string[];
}

export interface CoalitionsView {
  version: number;
  state: number;
  name: string;
  pattern: string;
  words: string;
  isStatusQuo: boolean;
  /** The coalition concepts examined: those under which the state is an equilibrium, or all when it is none. */
  concepts: Concept[];
  equilibriumUnder: Concept[];
  /** Per concept examined: whether the state holds against every coalition. */
  holds: Partial<Record<Concept, boolean>>;
  maxSize: number;
  coalitionCount: number;
  /**
   * Groups that could leave the state only by moves some of their members
   * need not take part in (the smaller group's moves): not listed, but named
   * with the concepts under which such a move breaks the state.
   */
  leftOut: { name: string; breaks: Concept[] }[];
  coalitions: CoalitionView[];
}

/** The spatial bargaining forecasts of the loaded scenario (the JSON of `parley bargain`), for the version analysed. */
export type BargainView = BargainJson & { version: number };

/** `notes`: what the conversion decided that the file did not say (the status quo it took), as sentences. */
export type ImportResult = { ok: true; yaml: string; states: number; notes: string[] } | { ok: false; issues: IssueView[] };

/** Requests the page sends; each gets one reply with the same id. */
export type Request =
  | { type: "load"; text: string; file: string }
  | { type: "graph"; graph: GraphRequest }
  | { type: "explain"; state: number }
  | { type: "report"; related: { file: string; text: string }[] }
  | { type: "headline"; related: { file: string; text: string }[] }
  | { type: "compare"; text: string; file: string }
  | { type: "csv" }
  | { type: "import"; text: string; name: string }
  | { type: "robustness"; samples: number; seed: number; exactLimit: number; top: number }
  | { type: "inverse"; target: string; concept: Concept; maxEvaluations: number }
  | { type: "coalitions"; state: number; maxSize?: number }
  | { type: "bargain"; samples: number; seed: number }
  | { type: "forecast"; signposts: number }
  | { type: "lint" }
  | ExtensionRequest;

/** Requests that run a long time: the worker runs them in slices, answering other requests in between. */
export const LONG_REQUESTS: readonly Request["type"][] = ["robustness", "inverse", "headline"];

export interface ResultOf {
  load: LoadResult;
  graph: GraphView;
  explain: ExplainView;
  report: ReportView;
  headline: HeadlineView;
  compare: CompareView | { issues: IssueView[] };
  csv: string;
  import: ImportResult;
  robustness: RobustnessView;
  inverse: InverseView | { issues: IssueView[] };
  coalitions: CoalitionsView;
  bargain: BargainView;
  forecast: ForecastView;
  lint: LintResultView;
  foresight: ForesightView;
  hypergame: HypergameView;
  unknown: UnknownView;
}

export interface Progress {
  phase: string;
  done?: number;
  total?: number;
}

/** A request, or a request to stop a long one early and answer with what it has so far. */
export type ToWorker = { id: number; request: Request } | { stop: number };

export type FromWorker =
  | ({ id: number; kind: "progress" } & Progress)
  | { id: number; kind: "done"; result: unknown }
  | { id: number; kind: "failed"; message: string };
