/**
 * Nash stability (rationality, R): s is Nash stable for DM i when i has no
 * unilateral improvement from s, R_i^+(s) = ∅. (Fang, Hipel & Kilgour 1993, Def. 3.1.)
 */
import type { StabilityContext } from "./context.js";
import { deterredImplicit } from "./implicit.js";

export function nashStable(ctx: StabilityContext, i: number): Uint8Array {
  if (ctx.implicit) return deterredImplicit(ctx.model, i);
  const pref = ctx.model.pref[i];
  const { offsets, targets } = ctx.moves[i];
  const stable = new Uint8Array(pref.length);
  for (let s = 0; s < pref.length; s++) {
    let ok = 1;
    for (let e = offsets[s]; e < offsets[s + 1]; e++)
      if (pref[targets[e]] > pref[s]) {
        ok = 0;
        break;
      }
    stable[s] = ok;
  }
  return stable;
}
