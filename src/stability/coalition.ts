/**
 * Coalition reachability, exactly as defined: R_H(s) is the set of states a
 * coalition H reaches from s by a sequence of one or more unilateral moves of
 * its members in which no DM moves twice in a row; R_H^+(s) the same where each
 * step is a unilateral improvement for the DM making it (Kilgour & Hipel 2005).
 * A breadth-first search over (state, last mover) pairs: O(|H| · (S + E)).
 */
import type { StabilityContext } from "./context.js";

export interface CoalitionReach {
  /** Reachable state indices, ascending. */
  states: number[];
  /** For each reachable state, one shortest legal sequence of moves that gets there. */
  pathTo(t: number): { dm: number; from: number; to: number }[];
}

export function coalitionReach(ctx: StabilityContext, coalition: readonly number[], s: number, improving = false): CoalitionReach {
  const { model, moves } = ctx;
  const h = coalition.length;
  const n = model.states.length;
  // Node (t, k): at state t, last moved by coalition[k]; parents for path recovery.
  const parent = new Int32Array(n * h).fill(-1);
  const seen = new Uint8Array(n * h);
  const reached = new Uint8Array(n);
  const queue: number[] = [];
  const expand = (t: number, lastK: number, from: number) => {
    for (let k = 0; k < h; k++) {
      if (k === lastK) continue;
      const d = coalition[k];
      const { offsets, targets } = moves[d];
      const pref = model.pref[d];
      for (let e = offsets[t]; e < offsets[t + 1]; e++) {
        const u = targets[e];
        if (improving && pref[u] <= pref[t]) continue;
        const node = u * h + k;
        if (seen[node]) continue;
        seen[node] = 1;
        parent[node] = from;
        reached[u] = 1;
        queue.push(node);
      }
    }
  };
  expand(s, -1, -1);
  for (let q = 0; q < queue.length; q++) expand(Math.floor(queue[q] / h), queue[q] % h, queue[q]);
  const states: number[] = [];
  for (let t = 0; t < n; t++) if (reached[t]) states.push(t);
  // The first node reached for each state lies on a shortest path.
  const firstNode = new Map<number, number>();
  for (const node of queue) {
    const t = Math.floor(node / h);
    if (!firstNode.has(t)) firstNode.set(t, node);
  }
  return {
    states,
    pathTo(t) {
      const out: { dm: number; from: number; to: number }[] = [];
      let node = firstNode.get(t);
      if (node === undefined) return out;
      while (node !== -1) {
        const p: number = parent[node];
        const to = Math.floor(node / h);
        out.unshift({ dm: coalition[node % h], from: p === -1 ? s : Math.floor(p / h), to });
        node = p;
      }
      return out;
    },
  };
}
