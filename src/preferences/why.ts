/**
 * Why a decision maker prefers one state to another, in its own terms: with
 * option prioritization, the most important statement on which the two states
 * differ decides (it holds in the preferred one); with a ranking, the ranks.
 */
import { cubesHold } from "../format/cubes.js";
import type { Scenario, StatementSpec } from "../format/scenario.js";

export interface PreferenceReason {
  /** The deciding statement (prioritization), with its position (0 = most important). */
  statement?: StatementSpec;
  index?: number;
  /** True when the statement holds in `better` (always so when better is strictly preferred). */
  holdsInBetter?: boolean;
}

/** What the reason needs of a compiled model (preferences sit below compile, so not the Model type itself). */
export interface StatesOfScenario {
  scenario: Scenario;
  /** Feasible state masks; index = state index. */
  states: Int32Array;
}

export function preferenceReason(model: StatesOfScenario, dm: number, better: number, worse: number): PreferenceReason {
  const pref = model.scenario.preferences[dm];
  if (pref.kind !== "statements") return {};
  const a = model.states[better];
  const b = model.states[worse];
  for (let j = 0; j < pref.statements.length; j++) {
    const st = pref.statements[j];
    const inA = cubesHold(st.cubes, a);
    if (inA !== cubesHold(st.cubes, b)) return { statement: st, index: j, holdsInBetter: inA };
  }
  return {};
}
