/**
 * The views of the command line's extensions in the workbench: limited-move /
 * non-myopic stability (`parley foresight`), hypergames (`parley hypergame`)
 * and unknown preferences (`parley unknown`). Each carries the command's text
 * (its tables left out) and a small table of states by number and name.
 */
import type { Concept } from "../../../src/index.js";

/** A state as the deeper views list it: its number, its name (the options taken, stable under edits), pattern and words. */
export interface StateRefView {
  id: number;
  name: string;
  pattern: string;
  words: string;
}

export interface ForesightView {
  version: number;
  /** "L_2", "NM". */
  concept: string;
  variant: string;
  horizon: number;
  focus: StateRefView;
  isStatusQuo: boolean;
  equilibria: StateRefView[];
  /** Per decision maker at the focus: stays or moves, and where the play it anticipates ends (null: NM has no limit there). */
  plays: { dm: number; name: string; stable: boolean | null; result: StateRefView | null }[];
  /** The command's text without its table of every state. */
  text: string;
}

export interface HypergameView {
  version: number;
  view: string;
  misperception: boolean;
  /** Where the perceptions come from: the scenario's own fields, or another file for one party. */
  source: string;
  concepts: { concept: Concept; plain: number; hyper: number; gained: StateRefView[]; lost: StateRefView[] }[];
  text: string;
}

export interface UnknownView {
  version: number;
  /** Pairs of states some decision maker cannot compare. */
  unknownPairs: number;
  today: StateRefView;
  /** One row per concept: the plain count of equilibria and each variant's, and whether today is an equilibrium under each. */
  rows: { concept: string; plain: number; variants: { variant: string; count: number; today: boolean }[] }[];
  text: string;
}

export type ExtensionRequest =
  | { type: "foresight"; variant: string; horizon: number; nm: boolean; state: number }
  | { type: "hypergame"; view: string; perception?: { dm: number; file: string; text: string } }
  | { type: "unknown" };
