/**
 * What every spatial bargaining model reads and returns. An issue is a line
 * segment [min, max]; each actor has a position on it, a salience (0..1: how
 * much the issue matters to it) and a capability (>= 0: its clout).
 */
import { BARGAINING_MODELS } from "../format/bargaining-spec.js";

export interface BargainingActor {
  id: string;
  position: number;
  salience: number;
  capability: number;
}

export interface BargainingIssue {
  min: number;
  max: number;
  /** Today's value, when known (used by the Nash bargaining solution's disagreement point). */
  statusQuo?: number;
  actors: BargainingActor[];
}

/** One round of a dynamic model: the positions after it and the forecast they give. */
export interface RoundRecord {
  /** 0 is the starting point, before any move. */
  round: number;
  /** Actor id -> position, in the input's order. */
  positions: number[];
  forecast: number;
  /** What happened in the round, one line per move (dynamic models only). */
  events?: RoundEvent[];
  /** Expected utility model: each actor's risk exponent r_i used in the round. */
  risk?: number[];
}

export interface RoundEvent {
  /** Index of the actor that moved, and of the one it gave way to. */
  actor: number;
  towards: number;
  kind: "conflict" | "compromise" | "capitulation" | "best-response";
  from: number;
  to: number;
}

export interface ModelResult {
  forecast: number;
  /** Dynamic models: round 0 (the start) and every round played. */
  rounds?: RoundRecord[];
}

export const MODELS = BARGAINING_MODELS;
export type BargainingModel = (typeof MODELS)[number];

export const MODEL_TITLES: Record<BargainingModel, string> = {
  mean: "Weighted mean",
  median: "Weighted median (median voter)",
  nash: "Nash bargaining solution",
  "expected-utility": "Expected utility (Bueno de Mesquita, after Scholz et al. 2011)",
  smp: "Spatial model of politics (in the style of KTAB's SMP)",
};

/** The weight an actor brings to a collective choice: capability × salience (Bueno de Mesquita 1994). */
export function weight(a: BargainingActor): number {
  return a.capability * a.salience;
}
