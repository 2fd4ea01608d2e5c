/** What every stability concept needs: the model and each DM's moves. */
import type { Model } from "../model/compile.js";
import type { Adjacency } from "./moves.js";

export interface StabilityContext {
  model: Model;
  /** Each DM's moves as stored lists; createContext builds them lazily, on first use. */
  moves: Adjacency[];
  /**
   * True when `moves` are exactly the model's unilateral moves (createContext),
   * so the solvers compute them on the fly from the submasks instead of reading
   * (and building) the stored lists; absent for restricted moves (hypergames).
   */
  implicit?: boolean;
}

/** Decision makers other than i: the opponents who may sanction i. */
export function opponents(ctx: StabilityContext, i: number): number[] {
  return Array.from({ length: ctx.model.nDMs }, (_, d) => d).filter((d) => d !== i);
}

/** Union graphs of plain moves depend on the moves only: shared by GMR, SMR and every preference variant. */
const moveUnions = new WeakMap<Adjacency[], Map<string, Adjacency>>();

/** The union of the coalition's unilateral moves (R_H), as one adjacency. */
export function coalitionMoves(ctx: StabilityContext, coalition: readonly number[]): Adjacency {
  let cache = moveUnions.get(ctx.moves);
  if (!cache) moveUnions.set(ctx.moves, (cache = new Map()));
  const key = coalition.join(",");
  let graph = cache.get(key);
  if (!graph) cache.set(key, (graph = unionGraph(ctx, coalition, false)));
  return graph;
}

/** The union of the coalition's unilateral improvements (R_H^+), as one adjacency. */
export function coalitionImprovements(ctx: StabilityContext, coalition: readonly number[]): Adjacency {
  return unionGraph(ctx, coalition, true);
}

function unionGraph(ctx: StabilityContext, coalition: readonly number[], improving: boolean): Adjacency {
  const n = ctx.model.states.length;
  const adj = coalition.map((d) => ctx.moves[d]);
  const prefs = coalition.map((d) => ctx.model.pref[d]);
  let total = 0;
  for (const a of adj) total += a.targets.length;
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(total);
  let len = 0;
  for (let v = 0; v < n; v++) {
    offsets[v] = len;
    for (let h = 0; h < adj.length; h++) {
      const { offsets: o, targets: t } = adj[h];
      if (improving) {
        const pref = prefs[h];
        const here = pref[v];
        for (let e = o[v]; e < o[v + 1]; e++) if (pref[t[e]] > here) targets[len++] = t[e];
      } else for (let e = o[v]; e < o[v + 1]; e++) targets[len++] = t[e];
    }
  }
  offsets[n] = len;
  return { offsets, targets: improving ? targets.slice(0, len) : targets };
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
