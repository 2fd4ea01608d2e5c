/**
 * Robustness split over machines: the plan (which profiles, with which
 * weights) is cheap and made whole by every shard, the same every time; the
 * analyses of its distinct profiles are the work, and they are what the
 * shards divide (profile k's equilibria are the same wherever it is
 * analysed). The summary then adds them in plan order, as one run does, so a
 * merged result equals one run's bit for bit.
 */
import type { Concept } from "../stability/analyze.js";
import type { StabilityContext } from "../stability/context.js";
import { allDraws, type Draws } from "./draws.js";
import {
  planRobustness,
  profileEquilibria,
  summariseRobustness,
  type PreferenceUncertainty,
  type RobustnessOptions,
  type RobustnessPlan,
  type RobustnessResult,
} from "./robustness.js";

/** Each concept's equilibria of one profile as a list of states (what a partial result keeps). */
export function equilibriumLists(marks: readonly Uint8Array[]): number[][] {
  return marks.map((mark) => {
    const list: number[] = [];
    for (let s = 0; s < mark.length; s++) if (mark[s]) list.push(s);
    return list;
  });
}

/** The equilibria of the plan's profiles from..to-1, as lists per concept. */
export function profileLists(ctx: StabilityContext, plan: RobustnessPlan, from: number, to: number): number[][][] {
  const out: number[][][] = [];
  for (let k = from; k < to; k++) out.push(equilibriumLists(profileEquilibria(ctx, plan.concepts, plan.levels(k))));
  return out;
}

/** The result from the equilibria of every profile of the plan, in plan order. */
export function robustnessFromLists(plan: RobustnessPlan, lists: readonly (readonly (readonly number[])[])[], elapsedMs = 0): RobustnessResult {
  const S = plan.model.states.length;
  const results = lists.map((perConcept) =>
    perConcept.map((list) => {
      const mark = new Uint8Array(S);
      for (const s of list) mark[s] = 1;
      return mark;
    }),
  );
  return summariseRobustness(plan, results, false, elapsedMs);
}

/**
 * Robustness with its profiles analysed where `draws` says (a "draw" here is
 * one distinct profile of the plan): all here (as `robustness`), one shard's
 * share, or none, their equilibria taken from the shards' partial results.
 */
export function robustnessWith(
  ctx: StabilityContext,
  u: PreferenceUncertainty,
  opts: RobustnessOptions & { concepts: readonly Concept[] },
  draws: Draws = allDraws,
): RobustnessResult {
  const t0 = performance.now();
  const plan = planRobustness(ctx.model, u, opts);
  const lists = draws.each(plan.profiles.length, (from, to) => profileLists(ctx, plan, from, to));
  return robustnessFromLists(plan, lists, performance.now() - t0);
}
