/**
 * The graph of moves the workbench draws: a subset of the states (all of
 * them, the neighbourhood of one state, the tree of states reachable from one
 * (by any move or by improvements only), where play goes from today, or the equilibria) and the
 * unilateral moves among them of the decision makers asked for, one edge per
 * pair of states and decision maker, marked when the move improves things for
 * its mover and labelled by the options it changes.
 */
import { describeChange, describeState, stateName, statePattern, statusQuoAnalysis, type Analysis, type Model, stateId, stateIndex } from "./engine.js";
import type { GraphEdge, GraphRequest, GraphView } from "../../protocol/engine.js";

/** "+us_sanctions, −ru_ceasefire": the options a move from a to b takes (+) and withdraws (−), by id. */
export function changeLabel(m: Model, a: number, b: number): string {
  const from = m.states[a];
  const to = m.states[b];
  const out: string[] = [];
  m.scenario.options.forEach((o, k) => {
    const bit = 1 << k;
    if ((from ^ to) & bit) out.push(`${to & bit ? "+" : "\u2212"}${o.id}`);
  });
  return out.join(", ");
}

interface Chosen {
  /** States in view order, most relevant first (so a cap keeps the nearest). */
  order: number[];
  /** Moves from the focus (or today), where known. */
  depth: Map<number, number>;
  /** The tree's edges, child -> parent (tree mode only). */
  parent?: Map<number, number>;
}

export function graphView(analysis: Analysis, req: GraphRequest): GraphView {
  const m = analysis.model;
  const n = m.states.length;
  const focus = Math.min(Math.max(stateIndex(req.focus), 0), n - 1);
  const eqSet = new Set(analysis.equilibria[req.concept] ?? []);
  const movers = (req.movers ?? Array.from({ length: m.nDMs }, (_, d) => d)).filter((d) => d >= 0 && d < m.nDMs);
  const chosen = chooseStates(analysis, req, focus, eqSet, movers);
  const total = chosen.order.length;
  const kept = chosen.order.slice(0, Math.max(1, req.cap));
  const inView = new Set(kept);

  const edge = (d: number, s: number, t: number, improving: boolean): GraphEdge => ({
    source: stateId(s),
    target: stateId(t),
    dm: d,
    improving,
    change: changeLabel(m, s, t),
    words: describeChange(m, s, t),
  });
  const edges: GraphEdge[] = [];
  if (chosen.parent) {
    // The tree: each state once, reached from its parent by an improvement of the mover.
    for (const t of kept) {
      const s = chosen.parent.get(t);
      if (s === undefined || !inView.has(s)) continue;
      const d = moverOf(analysis, s, t, movers);
      edges.push(edge(d, s, t, m.pref[d][t] > m.pref[d][s]));
    }
  } else {
    const seenPair = new Map<string, number>();
    for (const d of movers) {
      const { offsets, targets } = analysis.context.moves[d];
      const pref = m.pref[d];
      for (const s of kept)
        for (let e = offsets[s]; e < offsets[s + 1]; e++) {
          const t = targets[e];
          if (!inView.has(t)) continue;
          const key = `${d}:${Math.min(s, t)}:${Math.max(s, t)}`;
          const improving = pref[t] > pref[s];
          const at = seenPair.get(key);
          if (at === undefined) {
            seenPair.set(key, edges.length);
            edges.push(edge(d, s, t, improving));
          } else if (improving) edges[at] = edge(d, s, t, improving);
        }
    }
  }
  const movesTotal = edges.length;
  if (req.maxMoves !== undefined && edges.length > req.maxMoves) {
    // The moves that leave their mover better off first: they are where play can go.
    const order = edges.map((e, k) => [e.improving ? 0 : 1, k]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const keep = new Set(order.slice(0, Math.max(0, req.maxMoves)).map(([, k]) => k));
    const left = edges.filter((_, k) => keep.has(k));
    edges.length = 0;
    edges.push(...left);
  }
  return {
    movesTotal,
    nodes: kept.map((s) => ({
      id: stateId(s),
      pattern: statePattern(m, s),
      name: stateName(m, s),
      words: describeState(m, s),
      eq: eqSet.has(s),
      sq: s === m.statusQuo,
      focus: s === focus && (req.mode === "neighbourhood" || req.mode === "tree"),
      depth: chosen.depth.get(s) ?? -1,
    })),
    edges,
    total,
    truncated: kept.length < total,
  };
}

/** The decision maker (of those drawn) with a move from s to t: one that it improves things for, if any. */
function moverOf(analysis: Analysis, s: number, t: number, movers: number[]): number {
  let any = -1;
  for (const d of movers) {
    const { offsets, targets } = analysis.context.moves[d];
    for (let e = offsets[s]; e < offsets[s + 1]; e++)
      if (targets[e] === t) {
        if (analysis.model.pref[d][t] > analysis.model.pref[d][s]) return d;
        any = d;
      }
  }
  return any >= 0 ? any : (movers[0] ?? 0);
}

/** Breadth first from `from`, following the moves of `movers` (only the improving ones when asked), up to `depth` moves. */
function breadthFirst(
  analysis: Analysis,
  from: number,
  depth: number,
  movers: number[],
  improvingOnly: boolean,
): { order: number[]; depth: Map<number, number>; parent: Map<number, number> } {
  const m = analysis.model;
  const dist = new Map<number, number>([[from, 0]]);
  const parent = new Map<number, number>();
  const order = [from];
  for (let q = 0; q < order.length; q++) {
    const v = order[q];
    const dv = dist.get(v)!;
    if (dv >= depth) continue;
    for (const d of movers) {
      const { offsets, targets } = analysis.context.moves[d];
      const pref = m.pref[d];
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const t = targets[e];
        if (dist.has(t) || (improvingOnly && !(pref[t] > pref[v]))) continue;
        dist.set(t, dv + 1);
        parent.set(t, v);
        order.push(t);
      }
    }
  }
  return { order, depth: dist, parent };
}

function chooseStates(analysis: Analysis, req: GraphRequest, focus: number, eqSet: Set<number>, movers: number[]): Chosen {
  const m = analysis.model;
  switch (req.mode) {
    case "all": {
      // Nearest to today first (so a cap keeps today's surroundings), then any state no move reaches.
      const near = breadthFirst(analysis, m.statusQuo, Number.MAX_SAFE_INTEGER, movers, false);
      const rest = Array.from(m.states, (_, s) => s).filter((s) => !near.depth.has(s));
      return { order: [...near.order, ...rest], depth: near.depth };
    }
    case "equilibria":
      return { order: [m.statusQuo, ...[...eqSet].filter((s) => s !== m.statusQuo)], depth: new Map([[m.statusQuo, 0]]) };
    case "today": {
      const sq = statusQuoAnalysis(analysis);
      return { order: [sq.from, ...sq.reachable.filter((s) => s !== sq.from)], depth: new Map([[sq.from, 0]]) };
    }
    case "tree":
      return breadthFirst(analysis, focus, req.depth, movers, req.improving === true);
    case "neighbourhood": {
      const { order, depth } = breadthFirst(analysis, focus, req.depth, movers, false);
      return { order, depth };
    }
  }
}
