/**
 * Unilateral moves R_d(s): the feasible states decision maker d reaches from s
 * by changing any non-empty combination of its own options, where no option
 * moves against its allowed direction (an irreversible option cannot be undone).
 * Stored as compact adjacency (offsets + targets) per DM for the modules that
 * walk move lists; analyze() enumerates moves on the fly instead (implicit.ts),
 * and createContext builds these lists only on first access to `moves`.
 */
import type { Model } from "../model/compile.js";

export interface Adjacency {
  /** Moves of state s are targets[offsets[s] .. offsets[s+1]). */
  offsets: Int32Array;
  targets: Int32Array;
}

/** Whether flipping the options in m from state mask s respects irreversibility. */
export function moveAllowed(model: Model, s: number, m: number): boolean {
  return (m & model.fwdMask & s) === 0 && (m & model.backMask & ~s) === 0;
}

let built = 0;
/** How many DM move lists unilateralMoves has built in this process (tests check analyze() builds none). */
export function moveListsBuilt(): number {
  return built;
}

export function unilateralMoves(model: Model, d: number): Adjacency {
  built++;
  const { states, indexOf } = model;
  const masks = model.moveMasks[d];
  const fwd = model.fwdMask;
  const back = model.backMask;
  const offsets = new Int32Array(states.length + 1);
  let buf = new Int32Array(Math.max(16, states.length * Math.min(masks.length, 8)));
  let len = 0;
  for (let s = 0; s < states.length; s++) {
    offsets[s] = len;
    const x = states[s];
    for (let k = 0; k < masks.length; k++) {
      const m = masks[k];
      if ((m & fwd & x) !== 0 || (m & back & ~x) !== 0) continue;
      const t = indexOf[x ^ m];
      if (t < 0) continue;
      if (len === buf.length) {
        const bigger = new Int32Array(buf.length * 2);
        bigger.set(buf);
        buf = bigger;
      }
      buf[len++] = t;
    }
  }
  offsets[states.length] = len;
  return { offsets, targets: buf.slice(0, len) };
}

/** Moves of every decision maker, in DM order. */
export function allMoves(model: Model): Adjacency[] {
  return Array.from({ length: model.nDMs }, (_, d) => unilateralMoves(model, d));
}

/** R_d^+(s) as a list of state indices. */
export function improvementsOf(model: Model, adj: Adjacency, d: number, s: number): number[] {
  const out: number[] = [];
  const pref = model.pref[d];
  for (let e = adj.offsets[s]; e < adj.offsets[s + 1]; e++) if (pref[adj.targets[e]] > pref[s]) out.push(adj.targets[e]);
  return out;
}
