/**
 * A budget of preference profiles: each profile of a forecast costs an
 * analysis of the whole model, so on a large model only the likeliest are
 * weighed (a robustness run, which samples, stops after so many). Kept apart
 * from robustness.ts, whose plans it trims.
 */
import type { RobustnessPlan } from "./robustness.js";

/** The report's budget for the analyses of preference profiles (its forecast's, its robustness run's): profiles × feasible states, at most. */
export const PROFILE_STATE_BUDGET = 1_000_000;

/** How many preference profiles the report analyses on a model of this many states, for each of its forecast and its robustness run (at least one). */
export function profileBudget(states: number): number {
  return Math.max(1, Math.floor(PROFILE_STATE_BUDGET / Math.max(1, states)));
}

/**
 * A budget of preference profiles kept its likeliest ones: `kept` of the `of`
 * there are (exact) or that the samples drew, which held `weight` of the
 * probability (exact) or of the draws, before the kept ones were reweighted to 1.
 */
export interface ProfileLimit {
  kept: number;
  of: number;
  weight: number;
}

/**
 * The plan restricted to its `max` likeliest profiles (by probability, or by
 * how often the samples drew them; ties by first use), reweighted to sum to 1
 * and enumerated exactly; the plan itself when it has no more than `max`.
 */
export function likeliestProfiles(plan: RobustnessPlan, max: number): { plan: RobustnessPlan; limited?: ProfileLimit } {
  const n = plan.profiles.length;
  const keep = Math.max(1, Math.floor(max));
  if (n <= keep) return { plan };
  const weight = plan.exact ? Float64Array.from(plan.probability) : new Float64Array(n);
  if (!plan.exact) for (const k of plan.drawProfile) weight[k] += 1 / plan.drawProfile.length;
  const kept = Array.from({ length: n }, (_, k) => k)
    .sort((a, b) => weight[b] - weight[a] || a - b)
    .slice(0, keep);
  const total = kept.reduce((a, k) => a + weight[k], 0);
  return {
    plan: {
      ...plan,
      exact: true,
      asked: kept.length,
      profiles: kept.map((k) => plan.profiles[k]),
      probability: Float64Array.from(kept, (k) => weight[k] / total),
      drawProfile: new Int32Array(0),
      coveredBy: (k) => Math.min(k, kept.length),
      levels: (k) => plan.levels(kept[k]),
    },
    limited: { kept: kept.length, of: n, weight: total },
  };
}
