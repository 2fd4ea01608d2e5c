/**
 * reachMin over a coalition's unilateral moves (GMR, SMR) when every
 * candidate state is feasible. Then the state space is the product of the
 * options, a move of DM j flips options of j only, and whether it is allowed
 * depends on those options alone (an irreversible option may only be taken,
 * or only withdrawn). So the states reachable from t by any sequence of the
 * coalition's moves are a box: t's value on every other option, and on each
 * option of the coalition either value (a reversible option), or t's value
 * and the one the option may move to (an irreversible one). One move reaches
 * the whole box (flip every option that differs at once), and no sequence
 * leaves it (an irreversible option never moves back), so a DM moving twice
 * in a row or not changes nothing.
 *
 * The least value over every state's box is then taken one option at a time,
 * as a sum over subsets is: sweeping option b over all pairs of states that
 * differ only there, each state keeps the lesser of the pair's values where
 * it may move to the other. After every option of the coalition, each state
 * holds the minimum over its box, which is reachMin's result (the state
 * itself included). O(S · options of the coalition) sequential work instead
 * of a Tarjan pass over S · Σ_j (2^k_j − 1) moves.
 */
import type { Model } from "../model/compile.js";
import { reachMinImplicit } from "./implicit.js";

/** Whether productReachMin applies: every candidate state feasible (state index = option mask). */
export function productApplies(model: Model): boolean {
  return model.states.length === 2 ** model.nOptions;
}

/**
 * reachMin over the coalition's moves with implicit adjacency: by blocks when
 * productApplies, else one graph pass (whose result, in the model's shared
 * scratch arrays, is valid until the next pass: consume it at once).
 */
export function movesReachMin(model: Model, coalition: readonly number[], value: Int32Array): Int32Array {
  return productApplies(model) ? productReachMin(model, coalition, value) : reachMinImplicit(model, coalition, false, value, true);
}

/** For every state t: the least `value` over t and the states the coalition's moves reach from t (see the header). */
export function productReachMin(model: Model, coalition: readonly number[], value: Int32Array): Int32Array {
  const { fwdMask: fwd, backMask: back } = model;
  const n = value.length;
  const out = value.slice();
  for (const j of coalition)
    for (let b = 0; b < model.nOptions; b++) {
      const bit = 1 << b;
      if ((model.dmMask[j] & bit) === 0) continue;
      // Pairs (x without the option, x with it): a free option lets each reach the other,
      // one that may only be taken lets x reach x | bit, one that may only be withdrawn the reverse.
      const up = (back & bit) === 0; // x may take it
      const down = (fwd & bit) === 0; // x | bit may withdraw it
      for (let x = 0; x < n; x++) {
        if ((x & bit) !== 0) continue;
        const a = out[x];
        const c = out[x | bit];
        if (up && c < a) out[x] = c;
        else if (down && a < c) out[x | bit] = a;
      }
    }
  return out;
}
