/**
 * A validated scenario: names resolved to indices, statements parsed and
 * compiled to cubes. The engine takes this and never re-checks it.
 */
import type { Cube } from "./cubes.js";
import type { Expr } from "./expr.js";
import type { BargainingSpec } from "./bargaining-spec.js";

export type { Provenance } from "./provenance.js";
import type { Provenance } from "./provenance.js";

/** both: free; fwd: may only be taken (N->Y); back: may only be withdrawn (Y->N). */
export type Direction = "both" | "fwd" | "back";

export interface OptionSpec extends Provenance {
  id: string;
  label: string;
  /** Index of the controlling decision maker. */
  dm: number;
  direction: Direction;
  /** Report phrases for a state where the option is taken / not taken. */
  whenTaken?: string;
  whenNotTaken?: string;
  /** What withdrawing the option means, as an action ("lift the new sanctions"); absent: `withdraw "label"`. */
  withdrawLabel?: string;
}

export interface DecisionMakerSpec extends Provenance {
  id: string;
  name: string;
  /** Global option indices (bit positions), contiguous and in declaration order. */
  options: number[];
  /** Hypergames: the states this DM does not know exist (absent: it perceives every state). */
  misperceives?: MisperceptionSpec[];
  /** First-level hypergames: what this DM believes other DMs prefer (absent: their true preferences). */
  perceivedPreferences?: PerceivedPreferenceSpec[];
  /** Forecasts by date: how often it makes a decisive move (absent: once a month). */
  rate?: { perMonth: number } & Provenance;
}

/** A fact the scenario cites by id. */
export interface FactSpec {
  id: string;
  fact: string;
  quote?: string;
  source?: string;
  date?: string;
}

/** A forecast question: the states where it is answered yes, and its date. */
export interface QuestionSpec extends Provenance {
  id: string;
  question: string;
  /** The condition as written. */
  condition: string;
  /** YYYY-MM-DD. */
  by: string;
  resolution?: string;
  /** A state answers yes when it matches any cube. */
  cubes: Cube[];
}

/** How parley forecast models play. */
export interface ForecastSpec extends Provenance {
  concept?: "Nash" | "GMR" | "SMR" | "SEQ" | "SIM" | "SEQ+SIM";
  rules?: ({ rule: "uniform" | "gain" | "undeterred"; weight: number } & Provenance)[];
  horizon?: number;
}

/** One `misperceives` entry: a state matching any cube is unknown to the DM. */
export interface MisperceptionSpec extends Provenance {
  kind: "condition" | "pattern";
  /** The entry as the user would read it. */
  text: string;
  cubes: Cube[];
}

/** One `perceivedPreferences` entry: the preferences a DM attributes to another DM. */
export interface PerceivedPreferenceSpec {
  /** Index of the DM whose preferences are misjudged. */
  dm: number;
  preferences: PreferenceSpec;
  /** Path in the file, for errors found when states are known. */
  path: (string | number)[];
}

export type ConstraintKind = "condition" | "pattern" | "mutuallyExclusive" | "atLeastOneOf";

export interface ConstraintSpec extends Provenance {
  kind: ConstraintKind;
  /** The constraint as the user would read it. */
  text: string;
  /** A state matching any cube is infeasible. */
  infeasible: Cube[];
}

export interface StatementSpec extends Provenance {
  text: string;
  /** Preference uncertainty: the probability that the DM holds the statement (absent = 1). */
  probability?: number;
  expr: Expr;
  /** The statement holds in a state matching any cube. */
  cubes: Cube[];
}

export type PreferenceSpec =
  | ({ kind: "statements"; statements: StatementSpec[]; alternatives?: AlternativeSpec[]; unknown?: UnknownPreferenceSpec[] } & Provenance)
  | ({ kind: "ranking"; items: RankItemSpec[]; alternatives?: AlternativeSpec[]; unknown?: UnknownPreferenceSpec[] } & Provenance);

/** A set of states written as a condition or a Y/N/- pattern: a state matching any cube belongs to it. */
export interface StateSetSpec {
  kind: "condition" | "pattern";
  /** As the user would read it. */
  text: string;
  cubes: Cube[];
}

/**
 * Unknown preferences (Li, Hipel, Kilgour & Fang 2004): the DM's preference
 * between any state of `between` and any other state of `and` is unknown,
 * whatever its statements or ranking say. Only `parley unknown` uses it.
 */
export interface UnknownPreferenceSpec extends Provenance {
  between: StateSetSpec;
  and: StateSetSpec;
  /** Path in the file, for errors found when states are known. */
  path: (string | number)[];
}

/** Preference uncertainty: another ordering the DM may hold, with its probability. */
export interface AlternativeSpec extends Provenance {
  weight: number;
  label: string;
  preference: PreferenceSpec;
}

export interface RankItemSpec {
  /** As written: one pattern, or several that tie. */
  patterns: string[];
  cubes: Cube[];
  /** Path in the file, for errors found when states are known. */
  path: (string | number)[];
}

export interface Scenario extends Provenance {
  name: string;
  description?: string;
  decisionMakers: DecisionMakerSpec[];
  options: OptionSpec[];
  constraints: ConstraintSpec[];
  statusQuo: number;
  statusQuoProvenance?: Provenance;
  /** One per decision maker, in order. */
  preferences: PreferenceSpec[];
  asOf?: string;
  limitations?: string[];
  whatIfs?: { file: string; title?: string; note?: string }[];
  /** Outcomes the reader cares about; reports say what it would take for each to hold. */
  goals?: { title: string; condition: string; note?: string }[];
  /** Spatial bargaining issues (parley bargain); the graph model ignores them. */
  bargaining?: BargainingSpec;
  facts?: FactSpec[];
  questions?: QuestionSpec[];
  forecast?: ForecastSpec;
}
