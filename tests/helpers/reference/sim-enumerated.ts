/**
 * The SIM solver as it was before issue 18 (src/stability/sim.ts at commit
 * 5b4e5ea), kept as the reference the current one is property-tested against:
 * for every improvement of i it lists (stored lists) or walks depth-first
 * (implicit adjacency) the opponents' joint simultaneous improvements, up to
 * the product of their improvement counts per move.
 */
import type { Model } from "../../../src/model/compile.js";
import { opponents, type StabilityContext } from "../../../src/stability/context.js";
import { forEachMove } from "../../../src/stability/implicit.js";

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

function simultaneousResponsesImplicit(model: Model, others: readonly number[], s: number): number[] {
  const x = model.states[s];
  let combos = [0];
  for (const j of others) {
    const pref = model.pref[j];
    const own: number[] = [];
    forEachMove(model, j, s, (t) => {
      if (pref[t] > pref[s]) own.push(model.states[t] ^ x);
    });
    if (own.length === 0) continue;
    const next = combos.slice();
    for (const c of combos) for (const m of own) next.push(c ^ m);
    combos = next;
  }
  return combos.slice(1);
}

export function simStableEnumerated(ctx: StabilityContext, i: number): Uint8Array {
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

function simStableImplicit(ctx: StabilityContext, i: number): Uint8Array {
  const { model } = ctx;
  const { indexOf, states, fwdMask: fwd, backMask: back } = model;
  const pref = model.pref[i];
  const masks = model.moveMasks[i];
  const others = opponents(ctx, i);
  const nO = others.length;
  const stable = new Uint8Array(pref.length);
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

function deterredAtOnce(indexOf: Int32Array, pref: Int32Array, responses: readonly number[], moved: number, bar: number): boolean {
  for (const r of responses) {
    const q = indexOf[moved ^ r];
    if (q >= 0 && pref[q] <= bar) return true;
  }
  return false;
}
