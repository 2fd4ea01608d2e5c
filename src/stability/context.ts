/** What every stability concept needs: the model and each DM's moves. */
import type { Model } from "../model/compile.js";
import type { Adjacency } from "./moves.js";
import type { Successors } from "./reach.js";

export interface StabilityContext {
  model: Model;
  moves: Adjacency[];
}

/** Decision makers other than i: the opponents who may sanction i. */
export function opponents(ctx: StabilityContext, i: number): number[] {
  return Array.from({ length: ctx.model.nDMs }, (_, d) => d).filter((d) => d !== i);
}

/** Successors in the union of the coalition's unilateral moves (R_H). */
export function coalitionMoves(ctx: StabilityContext, coalition: readonly number[]): Successors {
  const adj = coalition.map((d) => ctx.moves[d]);
  return (v, emit) => {
    for (let h = 0; h < adj.length; h++) {
      const { offsets, targets } = adj[h];
      for (let e = offsets[v]; e < offsets[v + 1]; e++) emit(targets[e]);
    }
  };
}

/** Successors in the union of the coalition's unilateral improvements (R_H^+). */
export function coalitionImprovements(ctx: StabilityContext, coalition: readonly number[]): Successors {
  const adj = coalition.map((d) => ctx.moves[d]);
  const prefs = coalition.map((d) => ctx.model.pref[d]);
  return (v, emit) => {
    for (let h = 0; h < adj.length; h++) {
      const { offsets, targets } = adj[h];
      const pref = prefs[h];
      const here = pref[v];
      for (let e = offsets[v]; e < offsets[v + 1]; e++) if (pref[targets[e]] > here) emit(targets[e]);
    }
  };
}

/**
 * Stable for i when every unilateral improvement s1 of i from s has
 * sanction[s1] <= pref_i[s], i.e. the best reachable response leaves i no better off.
 */
export function deterredEverywhere(ctx: StabilityContext, i: number, sanction: Int32Array): Uint8Array {
  const pref = ctx.model.pref[i];
  const { offsets, targets } = ctx.moves[i];
  const n = pref.length;
  const stable = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    let ok = 1;
    for (let e = offsets[s]; e < offsets[s + 1]; e++) {
      const t = targets[e];
      if (pref[t] > pref[s] && sanction[t] > pref[s]) {
        ok = 0;
        break;
      }
    }
    stable[s] = ok;
  }
  return stable;
}
