/**
 * Implicit adjacency: a decision maker's moves from state s computed on the
 * fly as `s ^ m` over its precomputed submasks m (model.moveMasks), skipping
 * a mask that moves an irreversible option against its direction
 * (fwdMask/backMask) or lands on an infeasible state (indexOf < 0). Nothing
 * per move is stored, so the concepts analyze() runs take O(states) memory
 * instead of O(states × moves).
 *
 * Used by the solvers when the context says its moves are exactly the
 * model's unilateral moves (`ctx.implicit`, set by createContext); a context
 * that carries restricted moves (hypergames) keeps the stored lists.
 */
import type { Model } from "../model/compile.js";
import { codeMasks, improvementSets, popcount, SET_OPTIONS } from "./improvement-sets.js";

/**
 * The submasks of several decision makers, concatenated, with the owner of
 * each: an edge cursor is one index into `masks`, i.e. a (DM, submask) pair.
 */
export interface MaskTable {
  masks: Int32Array;
  owner: Int32Array;
}

export function maskTable(model: Model, dms: readonly number[]): MaskTable {
  let total = 0;
  for (const d of dms) total += model.moveMasks[d].length;
  const masks = new Int32Array(total);
  const owner = new Int32Array(total);
  let k = 0;
  for (const d of dms) {
    const own = model.moveMasks[d];
    masks.set(own, k);
    owner.fill(d, k, k + own.length);
    k += own.length;
  }
  return { masks, owner };
}

/** Calls f(t) for every unilateral move s -> t of DM d (t a state index), in submask order. */
export function forEachMove(model: Model, d: number, s: number, f: (t: number) => void): void {
  const { indexOf, fwdMask: fwd, backMask: back } = model;
  const masks = model.moveMasks[d];
  const x = model.states[s];
  for (let k = 0; k < masks.length; k++) {
    const m = masks[k];
    if ((m & fwd & x) !== 0 || (m & back & ~x) !== 0) continue;
    const t = indexOf[x ^ m];
    if (t >= 0) f(t);
  }
}

/**
 * For every state: the highest of `value` over the state and its unilateral
 * moves by d (with value = pref_d, the best d can do from there; SMR's escape).
 */
export function bestOverMoves(model: Model, d: number, value: Int32Array): Int32Array {
  if (value === model.pref[d] && popcount(model.dmMask[d]) <= SET_OPTIONS) return bestOverImprovements(model, d);
  const { indexOf, states, fwdMask: fwd, backMask: back } = model;
  const masks = model.moveMasks[d];
  const n = states.length;
  const out = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const x = states[s];
    let best = value[s];
    for (let k = 0; k < masks.length; k++) {
      const m = masks[k];
      if ((m & fwd & x) !== 0 || (m & back & ~x) !== 0) continue;
      const t = indexOf[x ^ m];
      if (t >= 0 && value[t] > best) best = value[t];
    }
    out[s] = best;
  }
  return out;
}

/** bestOverMoves of d's own levels: the best of its improvements (improvement sets), or its level where it has none. */
function bestOverImprovements(model: Model, d: number): Int32Array {
  const { indexOf, states } = model;
  const pref = model.pref[d];
  const sets = improvementSets(model, d);
  const dep = codeMasks(model.dmMask[d]);
  const out = pref.slice();
  for (let s = 0; s < states.length; s++) {
    const x = states[s];
    let best = out[s];
    for (let set = sets[s]; set !== 0; set &= set - 1) {
      const v = pref[indexOf[x ^ dep[31 - Math.clz32(set & -set)]]];
      if (v > best) best = v;
    }
    out[s] = best;
  }
  return out;
}

/**
 * Stable for i when no unilateral improvement s -> t of i has
 * sanction[t] > pref_i[s]; with sanction undefined, when i has no improvement at all (Nash).
 */
export function deterredImplicit(model: Model, i: number, sanction?: Int32Array): Uint8Array {
  if (popcount(model.dmMask[i]) <= SET_OPTIONS) return deterredBySets(model, i, sanction);
  const { indexOf, states, fwdMask: fwd, backMask: back } = model;
  const pref = model.pref[i];
  const masks = model.moveMasks[i];
  const n = states.length;
  const stable = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    const x = states[s];
    const here = pref[s];
    let ok = 1;
    for (let k = 0; k < masks.length; k++) {
      const m = masks[k];
      if ((m & fwd & x) !== 0 || (m & back & ~x) !== 0) continue;
      const t = indexOf[x ^ m];
      if (t >= 0 && pref[t] > here && (sanction === undefined || sanction[t] > here)) {
        ok = 0;
        break;
      }
    }
    stable[s] = ok;
  }
  return stable;
}

/** deterredImplicit from i's improvement sets (improvement-sets.ts, shared with SIM): only the improvements are looked up. */
function deterredBySets(model: Model, i: number, sanction?: Int32Array): Uint8Array {
  const { indexOf, states } = model;
  const sets = improvementSets(model, i);
  const dep = codeMasks(model.dmMask[i]);
  const pref = model.pref[i];
  const n = states.length;
  const stable = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    let set = sets[s];
    if (set !== 0 && sanction !== undefined) {
      const x = states[s];
      const here = pref[s];
      for (; set !== 0; set &= set - 1) if (sanction[indexOf[x ^ dep[31 - Math.clz32(set & -set)]]] > here) break;
    }
    stable[s] = set === 0 ? 1 : 0;
  }
  return stable;
}

/**
 * reachMin (see reach.ts) over the union of the coalition's unilateral moves,
 * or of their unilateral improvements when `improving`, enumerated on the fly.
 * Iterative Tarjan whose per-frame edge cursor is an index into the
 * coalition's mask table; a node's running minimum folds in the value of every
 * finished component it points to as the edge is met (or the child returns), so
 * the component's minimum is known when it is popped without a second edge pass.
 * Memory: 25 bytes per state (six Int32Arrays and one byte flag). With
 * `reuse`, they are the model's scratch arrays, shared by every pass (so an
 * analysis allocates them once), and the result is valid only until the next
 * such call: the solvers consume it at once.
 */
export function reachMinImplicit(model: Model, coalition: readonly number[], improving: boolean, value: Int32Array, reuse = false): Int32Array {
  const { indexOf, states, fwdMask: fwd, backMask: back } = model;
  const { masks, owner } = maskTable(model, coalition);
  const prefs = model.pref;
  /** End of the owner's segment, for every position of the mask table. */
  const segEnd = new Int32Array(masks.length);
  for (let k = masks.length - 1; k >= 0; k--) segEnd[k] = k + 1 < masks.length && owner[k + 1] === owner[k] ? segEnd[k + 1] : k + 1;
  const nMasks = masks.length;
  const n = states.length;
  /** out: running minimum while open; the component's minimum once finished. */
  const scratch = reuse ? scratchOf(states) : newScratch(n);
  const { index, low, out, sccStack, onStack, frameNode, framePos } = scratch;
  index.fill(-1);
  let sccTop = 0;
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    index[root] = low[root] = counter++;
    out[root] = value[root];
    sccStack[sccTop++] = root;
    onStack[root] = 1;
    frameNode[0] = root;
    framePos[0] = 0;
    let depth = 1;
    while (depth > 0) {
      const f = depth - 1;
      const v = frameNode[f];
      const x = states[v];
      let pos = framePos[f];
      let w = -1;
      // Cursor = (DM, submask): one DM's segment of the mask table at a time,
      // so its preference array and the level of v are loaded once per segment.
      while (pos < nMasks && w < 0) {
        const end = segEnd[pos];
        const p = prefs[owner[pos]];
        const pv = improving ? p[v] : 0;
        for (; pos < end; pos++) {
          const m = masks[pos];
          if ((m & fwd & x) !== 0 || (m & back & ~x) !== 0) continue;
          const t = indexOf[x ^ m];
          if (t < 0 || (improving && p[t] <= pv)) continue;
          if (index[t] < 0) {
            w = t;
            pos++;
            break;
          }
          if (onStack[t] === 1) {
            if (index[t] < low[v]) low[v] = index[t];
          } else if (out[t] < out[v]) out[v] = out[t]; // a finished component
        }
      }
      framePos[f] = pos;
      if (w >= 0) {
        index[w] = low[w] = counter++;
        out[w] = value[w];
        sccStack[sccTop++] = w;
        onStack[w] = 1;
        frameNode[depth] = w;
        framePos[depth] = 0;
        depth++;
        continue;
      }
      depth--;
      sccTop = finishVertex(scratch, v, depth, sccTop);
    }
  }
  return out;
}

/**
 * Tarjan's step after vertex v's last edge, with `depth` frames left below it:
 * when v is its component's root, pops the component and gives every member
 * the component's minimum `out`; then passes v's low (v still on the stack) or
 * its finished minimum to the parent frame. Returns the new top of sccStack.
 * Shared by the passes that differ only in how they walk a vertex's edges.
 */
export function finishVertex(s: TarjanScratch, v: number, depth: number, sccTop: number): number {
  const { index, low, out, sccStack, onStack, frameNode } = s;
  if (low[v] === index[v]) {
    let m = 0x7fffffff;
    let top = sccTop;
    do {
      const u = sccStack[--top];
      onStack[u] = 0;
      if (out[u] < m) m = out[u];
    } while (sccStack[top] !== v);
    for (let k = top; k < sccTop; k++) out[sccStack[k]] = m;
    sccTop = top;
  }
  if (depth > 0) {
    const parent = frameNode[depth - 1];
    if (onStack[v] === 1) {
      if (low[v] < low[parent]) low[parent] = low[v];
    } else if (out[v] < out[parent]) out[parent] = out[v];
  }
  return sccTop;
}

export interface TarjanScratch {
  index: Int32Array;
  low: Int32Array;
  out: Int32Array;
  sccStack: Int32Array;
  onStack: Uint8Array;
  frameNode: Int32Array;
  framePos: Int32Array;
}

function newScratch(n: number): TarjanScratch {
  const i32 = () => new Int32Array(n);
  return { index: i32(), low: i32(), out: i32(), sccStack: i32(), onStack: new Uint8Array(n), frameNode: i32(), framePos: i32() };
}

/** Keyed by the model's state array, which its preference variants share; freed with the model. */
const scratches = new WeakMap<Int32Array, TarjanScratch>();

export function scratchOf(states: Int32Array): TarjanScratch {
  let s = scratches.get(states);
  if (!s) scratches.set(states, (s = newScratch(states.length)));
  return s;
}

/** The opponents' joint improvements from s as XOR masks (each non-empty), computed from the masks. */
export function simultaneousResponsesImplicit(model: Model, others: readonly number[], s: number): number[] {
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
