/**
 * The validated `bargaining` section of a scenario: issues on a numeric scale
 * and, per actor, a position, a salience and a capability (each possibly with
 * a range for uncertainty). The spatial bargaining models (src/bargaining/)
 * read it; the graph model ignores it.
 */
import type { Provenance } from "./provenance.js";

/** One number with its optional uncertainty range [min, max] and provenance. */
export interface RangedValue extends Provenance {
  value: number;
  min?: number;
  max?: number;
}

export interface BargainingActorSpec extends Provenance {
  id: string;
  name: string;
  /** Index of the decision maker it stands for, when it is one. */
  dm?: number;
}

export interface IssuePositionSpec extends Provenance {
  /** Index into BargainingSpec.actors. */
  actor: number;
  position: RangedValue;
  /** How much the issue matters to the actor, 0..1. */
  salience: RangedValue;
  /** Clout on the issue, any non-negative number (only ratios matter). */
  capability: RangedValue;
}

/** Link to the graph model: the option is on the table only when the forecast lies in [atLeast, atMost]. */
export interface IssueLinkSpec extends Provenance {
  /** Global option index. */
  option: number;
  atLeast?: number;
  atMost?: number;
}

export interface IssueSpec extends Provenance {
  id: string;
  title: string;
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
  unit?: string;
  /** Today's value on the scale, when known (the disagreement point of the Nash bargaining solution). */
  statusQuo?: RangedValue;
  positions: IssuePositionSpec[];
  links: IssueLinkSpec[];
}

/** The bargaining models, by name (src/bargaining implements them). */
export const BARGAINING_MODELS = ["mean", "median", "nash", "expected-utility", "smp"] as const;
export type BargainingModelName = (typeof BARGAINING_MODELS)[number];

export interface BargainingSpec extends Provenance {
  actors: BargainingActorSpec[];
  issues: IssueSpec[];
  /** The model whose forecast decides which graph-model options are on the table (`parley bargain`'s default `--link-model`), with the reason for it. */
  linkModel?: { model: BargainingModelName } & Provenance;
}
