/**
 * Coalition reachability: R_H(s) is the set of states a coalition H reaches
 * from s by a sequence of one or more unilateral moves of its members in which
 * no DM moves twice in a row; R_H^+(s) the same where each step is a
 * unilateral improvement for the DM making it (Kilgour & Hipel 2005).
 *
 * Computed as plain breadth-first reachability over the union of the members'
 * moves, which gives the same states and legal shortest paths: two moves of one
 * DM in a row, x → a → b, are one move x → b of that DM (the options it
 * changes twice return to their values, the others keep their direction, so
 * irreversibility holds; for R_H^+ the merged move is an improvement too), and
 * a shortest path repeats no state, so it never has two moves of one DM in a
 * row. The one difference, s itself (reachable back only through other DMs),
 * is dropped: no caller counts s as reached from itself.
 * O(S + E) per call in the worst case, O(reached) in time and no allocation
 * of the model's size: the search arrays are kept per union graph.
 */
import { coalitionImprovements, coalitionMoves, type StabilityContext } from "../stability/context.js";
import type { Adjacency } from "../stability/moves.js";

export interface CoalitionReach {
  /** Reachable state indices, ascending. */
  states: number[];
  /** For each reachable state, one shortest legal sequence of moves that gets there. */
  pathTo(t: number): { dm: number; from: number; to: number }[];
}

interface Search {
  /** Generation at which each state was last reached (0 = never). */
  stamp: Uint32Array;
  parent: Int32Array;
  generation: number;
}
const searches = new WeakMap<Adjacency, Search>();

/** Improvement unions depend on the preferences, so each context keeps its own. */
const improvementUnions = new WeakMap<StabilityContext, Map<string, Adjacency>>();

function improvementUnion(ctx: StabilityContext, coalition: readonly number[]): Adjacency {
  let cache = improvementUnions.get(ctx);
  if (!cache) improvementUnions.set(ctx, (cache = new Map()));
  const key = coalition.join(",");
  let g = cache.get(key);
  if (!g) cache.set(key, (g = coalitionImprovements(ctx, coalition)));
  return g;
}

export function coalitionReach(ctx: StabilityContext, coalition: readonly number[], s: number, improving = false): CoalitionReach {
  const { model } = ctx;
  const graph = improving ? improvementUnion(ctx, coalition) : coalitionMoves(ctx, coalition);
  const n = model.states.length;
  let search = searches.get(graph);
  if (!search) searches.set(graph, (search = { stamp: new Uint32Array(n), parent: new Int32Array(n), generation: 0 }));
  const gen = ++search.generation;
  const { stamp, parent } = search;
  const { offsets, targets } = graph;
  stamp[s] = gen;
  parent[s] = -1;
  const order: number[] = [s];
  for (let q = 0; q < order.length; q++) {
    const v = order[q];
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const t = targets[e];
      if (stamp[t] === gen) continue;
      stamp[t] = gen;
      parent[t] = v;
      order.push(t);
    }
  }
  // Ascending: a scan of the stamps when much was reached, else a numeric sort.
  let states: number[];
  if (order.length * 8 > n) {
    states = [];
    for (let t = 0; t < n; t++) if (stamp[t] === gen && t !== s) states.push(t);
  } else states = Array.from(Int32Array.from(order.slice(1)).sort());
  // The parents live in arrays shared by the next search: pathTo keeps a copy.
  const parentOf = parent.slice();
  const moverOf = (from: number, to: number) => {
    const changed = model.states[from] ^ model.states[to];
    return coalition.find((d) => (model.dmMask[d] & changed) === changed)!;
  };
  return {
    states,
    pathTo(t) {
      const out: { dm: number; from: number; to: number }[] = [];
      if (!isReached(states, t)) return out;
      for (let x = t; x !== s; x = parentOf[x]) {
        const from = parentOf[x];
        out.unshift({ dm: moverOf(from, x), from, to: x });
      }
      return out;
    },
  };
}

/** Binary search in the ascending reached states. */
function isReached(states: readonly number[], t: number): boolean {
  let lo = 0;
  let hi = states.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (states[mid] === t) return true;
    if (states[mid] < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
