/**
 * First-level hypergames: the preference levels a decision maker attributes
 * to other decision makers (`perceivedPreferences`), computed like true
 * preferences (ranks.ts). Rankings are checked against the feasible states
 * here, with messages that name the view, not the true preferences.
 */
import { ParleyError, type Issue } from "../format/errors.js";
import type { DecisionMakerSpec, Scenario } from "../format/scenario.js";
import { preferenceLevels } from "./ranks.js";

/** Levels per entry of `dm.perceivedPreferences`, in its order. Throws ParleyError with located paths. */
export function perceivedPreferenceLevels(scenario: Scenario, dm: DecisionMakerSpec, states: Int32Array, nOptions: number): Int32Array[] {
  return (dm.perceivedPreferences ?? []).map((pp) => {
    const whom = scenario.decisionMakers[pp.dm].id;
    const token = `\u0000${whom}\u0000`;
    try {
      return preferenceLevels(pp.preferences, states, nOptions, token);
    } catch (e) {
      if (!(e instanceof ParleyError)) throw e;
      const issues: Issue[] = e.issues.map((issue) => ({
        ...issue,
        message: issue.message.replace(`the ranking of '${token}'`, `the ranking '${dm.id}' attributes to '${whom}'`),
        ...(issue.code === "ranking-incomplete" ? { path: [...pp.path, "ranking"] } : {}),
      }));
      throw new ParleyError(issues);
    }
  });
}
