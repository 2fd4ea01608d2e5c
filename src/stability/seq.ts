/**
 * Sequential stability (SEQ): sanctions must be credible. s is SEQ for DM i
 * when every s1 ∈ R_i^+(s) has some s2 ∈ R^+_{N\i}(s1), reachable by a sequence
 * of the opponents' unilateral improvements, with s ⪰_i s2.
 * (Fraser & Hipel 1984; graph form in Fang, Hipel & Kilgour 1993.)
 */
import { coalitionImprovements, deterredEverywhere, opponents, type StabilityContext } from "./context.js";
import { deterredImplicit, reachMinImplicit } from "./implicit.js";
import { improvingApplies, reachMinImproving } from "./improvement-reach.js";
import { reachMin } from "./reach.js";

export function seqStable(ctx: StabilityContext, i: number): Uint8Array {
  const pref = ctx.model.pref[i];
  if (ctx.implicit) {
    const others = opponents(ctx, i);
    const worst = improvingApplies(ctx.model, others) ? reachMinImproving(ctx.model, others, pref) : reachMinImplicit(ctx.model, others, true, pref, true);
    return deterredImplicit(ctx.model, i, worst);
  }
  const worst = reachMin(coalitionImprovements(ctx, opponents(ctx, i)), pref);
  return deterredEverywhere(ctx, i, worst);
}
