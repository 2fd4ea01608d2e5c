/**
 * General metarationality (GMR): s is GMR for DM i when every unilateral
 * improvement s1 ∈ R_i^+(s) is sanctioned: some s2 ∈ R_{N\i}(s1), reachable by
 * the opponents' moves (no DM twice in a row), has s ⪰_i s2.
 * (Fang, Hipel & Kilgour 1993; n-DM form in Kilgour & Hipel 2005.)
 */
import { coalitionMoves, deterredEverywhere, opponents, type StabilityContext } from "./context.js";
import { deterredImplicit } from "./implicit.js";
import { movesReachMin } from "./product-reach.js";
import { reachMin } from "./reach.js";

export function gmrStable(ctx: StabilityContext, i: number): Uint8Array {
  const pref = ctx.model.pref[i];
  if (ctx.implicit) return deterredImplicit(ctx.model, i, movesReachMin(ctx.model, opponents(ctx, i), pref));
  const worst = reachMin(coalitionMoves(ctx, opponents(ctx, i)), pref);
  return deterredEverywhere(ctx, i, worst);
}
