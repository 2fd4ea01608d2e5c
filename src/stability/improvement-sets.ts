/**
 * A decision maker's unilateral improvements from every state, as a bitset
 * per state over its moves: bit c is set when the move that flips the DM's
 * options of code c (the mask of its options, its k options numbered from the
 * lowest bit: c = gather(move mask)) is allowed from the state (no
 * irreversible option undone), lands on a feasible state and is preferred by
 * the DM. For a DM with at most five options (32 move codes, one word per
 * state).
 *
 * Computed fibre by fibre: the states that differ only in the DM's options
 * (at most 32) are read once, and each member's set is the members the DM
 * ranks higher, relabelled by the XOR of the two codes: O(S · 2^k) register
 * work and one read of each state's index and level, instead of a random read
 * per (state, move). Cached per preference array and feasible set (the
 * passes of one analysis share them: SIM reads every opponent's sets).
 */
import type { Model } from "../model/compile.js";

/** Options of a DM whose sets fit in one 32-bit word per state. */
export const SET_OPTIONS = 5;

export const popcount = (m: number): number => {
  let c = 0;
  for (let v = m; v !== 0; v &= v - 1) c++;
  return c;
};

/** The DM's option mask of each code c: bit k of c placed on the DM's k-th option. */
export function codeMasks(own: number): Int32Array {
  const bits: number[] = [];
  for (let p = 0; p < 31; p++) if (own & (1 << p)) bits.push(p);
  return Int32Array.from({ length: 2 ** bits.length }, (_, c) => bits.reduce((m, p, k) => (c & (1 << k) ? m | (1 << p) : m), 0));
}

const cache = new WeakMap<Int32Array, { indexOf: Int32Array; states: Int32Array; sets: Int32Array }>();

/** DM d's improvement sets (d has at most SET_OPTIONS options), from the cache when this model's were computed. */
export function improvementSets(model: Model, d: number): Int32Array {
  const pref = model.pref[d];
  const hit = cache.get(pref);
  if (hit && hit.indexOf === model.indexOf && hit.states === model.states) return hit.sets;
  const sets = computeSets(model, d);
  cache.set(pref, { indexOf: model.indexOf, states: model.states, sets });
  return sets;
}

function computeSets(model: Model, d: number): Int32Array {
  const { states, indexOf, fwdMask: fwd, backMask: back } = model;
  const pref = model.pref[d];
  const own = model.dmMask[d];
  const dep = codeMasks(own);
  const size = dep.length;
  if (size > 2 ** SET_OPTIONS) throw new Error(`improvementSets: DM ${d} has more than ${SET_OPTIONS} options`);
  // allowed[v]: the codes c that may be flipped from the DM's options v (irreversible options respected).
  const allowed = new Int32Array(size);
  for (let v = 0; v < size; v++) for (let c = 1; c < size; c++) if ((dep[c] & fwd & dep[v]) === 0 && (dep[c] & back & ~dep[v]) === 0) allowed[v] |= 1 << c;
  const n = states.length;
  const sets = new Int32Array(n);
  const seen = new Uint8Array(n);
  const member = new Int32Array(size);
  const level = new Int32Array(size);
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    const rest = states[s] & ~own;
    for (let v = 0; v < size; v++) {
      const u = indexOf[rest | dep[v]];
      member[v] = u;
      if (u >= 0) {
        seen[u] = 1;
        level[v] = pref[u];
      }
    }
    for (let v = 0; v < size; v++) {
      if (member[v] < 0) continue;
      const here = level[v];
      let set = 0;
      for (let w = 0; w < size; w++) if (member[w] >= 0 && level[w] > here) set |= 1 << (w ^ v);
      sets[member[v]] = set & allowed[v];
    }
  }
  return sets;
}
