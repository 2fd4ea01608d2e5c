/**
 * Symmetric metarationality (SMR): like GMR, but the sanction must hold even
 * after i's counter-response: for every s1 ∈ R_i^+(s) some s2 ∈ R_{N\i}(s1) has
 * s ⪰_i s2 and s ⪰_i s3 for every s3 ∈ R_i(s2). (Fang, Hipel & Kilgour 1993.)
 * The value of s2 as a sanction is max(pref_i(s2), max over R_i(s2)).
 */
import { coalitionMoves, deterredEverywhere, opponents, type StabilityContext } from "./context.js";
import { bestOverMoves, deterredImplicit } from "./implicit.js";
import { movesReachMin } from "./product-reach.js";
import { reachMin } from "./reach.js";

export function smrStable(ctx: StabilityContext, i: number): Uint8Array {
  const pref = ctx.model.pref[i];
  if (ctx.implicit) {
    const bestEscape = bestOverMoves(ctx.model, i, pref);
    return deterredImplicit(ctx.model, i, movesReachMin(ctx.model, opponents(ctx, i), bestEscape));
  }
  const { offsets, targets } = ctx.moves[i];
  const afterEscape = new Int32Array(pref.length);
  for (let s = 0; s < pref.length; s++) {
    let best = pref[s];
    for (let e = offsets[s]; e < offsets[s + 1]; e++) if (pref[targets[e]] > best) best = pref[targets[e]];
    afterEscape[s] = best;
  }
  const worst = reachMin(coalitionMoves(ctx, opponents(ctx, i)), afterEscape);
  return deterredEverywhere(ctx, i, worst);
}
