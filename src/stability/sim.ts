/**
 * Simultaneous stability (SIM), in option form: s is SIM for DM i when every
 * unilateral improvement of i is deterred by what the opponents could do at
 * the same moment: some non-empty group of opponents, each making one of its
 * own unilateral improvements from s, turns i's move into a feasible state
 * that i does not prefer to s. Moves combine by applying every mover's option
 * changes at once. (Fang, Hipel & Kilgour 1993, simultaneous sanctioning.)
 */
import { opponents, type StabilityContext } from "./context.js";
import { simultaneousResponsesImplicit } from "./implicit.js";

/** The opponents' joint improvements from s, as XOR masks over their options (each non-empty). */
export function simultaneousResponses(ctx: StabilityContext, i: number, s: number): number[] {
  const { model } = ctx;
  if (ctx.implicit) return simultaneousResponsesImplicit(model, opponents(ctx, i), s);
  const x = model.states[s];
  let combos = [0];
  for (const j of opponents(ctx, i)) {
    const pref = model.pref[j];
    const { offsets, targets } = ctx.moves[j];
    const own: number[] = [];
    for (let e = offsets[s]; e < offsets[s + 1]; e++) if (pref[targets[e]] > pref[s]) own.push(model.states[targets[e]] ^ x);
    if (own.length === 0) continue;
    const next = combos.slice();
    for (const c of combos) for (const m of own) next.push(c ^ m);
    combos = next;
  }
  return combos.slice(1); // drop the empty response
}

export function simStable(ctx: StabilityContext, i: number): Uint8Array {
  const { model } = ctx;
  if (ctx.implicit) return simStableImplicit(ctx, i);
  const pref = model.pref[i];
  const { offsets, targets } = ctx.moves[i];
  const stable = new Uint8Array(pref.length);
  for (let s = 0; s < pref.length; s++) {
    let responses: number[] | undefined;
    let ok = 1;
    for (let e = offsets[s]; e < offsets[s + 1] && ok; e++) {
      const t = targets[e];
      if (pref[t] <= pref[s]) continue;
      responses ??= simultaneousResponses(ctx, i, s);
      if (!deterredAtOnce(model.indexOf, pref, responses, model.states[t], pref[s])) ok = 0;
    }
    stable[s] = ok;
  }
  return stable;
}

/**
 * simStable over i's moves enumerated from its submasks (implicit adjacency).
 * The joint responses are never listed: for each improvement a depth-first
 * walk over the opponents (each: no move, or one of its improvements from s)
 * stops at the first deterring combination, so a state costs the opponents'
 * improvement lists (found once per state) and no allocation per response.
 */
function simStableImplicit(ctx: StabilityContext, i: number): Uint8Array {
  const { model } = ctx;
  const { indexOf, states, fwdMask: fwd, backMask: back } = model;
  const pref = model.pref[i];
  const masks = model.moveMasks[i];
  const others = opponents(ctx, i);
  const nO = others.length;
  const stable = new Uint8Array(pref.length);
  // Per opponent: its improvements from the current state, as XOR masks.
  const own = others.map((j) => new Int32Array(model.moveMasks[j].length));
  const count = new Int32Array(nO);
  let moved = 0;
  let bar = 0;
  const deters = (level: number, acc: number, any: boolean): boolean => {
    if (level === nO) {
      if (!any) return false;
      const q = indexOf[moved ^ acc];
      return q >= 0 && pref[q] <= bar;
    }
    if (deters(level + 1, acc, any)) return true;
    const list = own[level];
    for (let k = 0; k < count[level]; k++) if (deters(level + 1, acc ^ list[k], true)) return true;
    return false;
  };
  for (let s = 0; s < pref.length; s++) {
    const x = states[s];
    let listed = false;
    let ok = 1;
    for (let k = 0; k < masks.length && ok; k++) {
      const mv = masks[k];
      if ((mv & fwd & x) !== 0 || (mv & back & ~x) !== 0) continue;
      const t = indexOf[x ^ mv];
      if (t < 0 || pref[t] <= pref[s]) continue;
      if (!listed) {
        listed = true;
        for (let o = 0; o < nO; o++) {
          const j = others[o];
          const pj = model.pref[j];
          const jm = model.moveMasks[j];
          let c = 0;
          for (let h = 0; h < jm.length; h++) {
            const m = jm[h];
            if ((m & fwd & x) !== 0 || (m & back & ~x) !== 0) continue;
            const u = indexOf[x ^ m];
            if (u >= 0 && pj[u] > pj[s]) own[o][c++] = m;
          }
          count[o] = c;
        }
      }
      moved = x ^ mv;
      bar = pref[s];
      if (!deters(0, 0, false)) ok = 0;
    }
    stable[s] = ok;
  }
  return stable;
}

/** Whether some joint response, applied together with the move to `moved`, lands on a feasible state the DM ranks no higher than `bar`. */
function deterredAtOnce(indexOf: Int32Array, pref: Int32Array, responses: readonly number[], moved: number, bar: number): boolean {
  for (const r of responses) {
    const q = indexOf[moved ^ r];
    if (q >= 0 && pref[q] <= bar) return true;
  }
  return false;
}
