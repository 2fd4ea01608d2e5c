/**
 * The graph of moves the workbench draws: a subset of the states (all of
 * them, the neighbourhood of one state, where play goes from today, or the
 * equilibria) and every unilateral move among them, one edge per pair of
 * states and decision maker, marked when the move improves things for its mover.
 */
import { describeState, statePattern, statusQuoAnalysis, type Analysis, stateId, stateIndex } from "./engine.js";
import type { GraphEdge, GraphRequest, GraphView } from "../../protocol/engine.js";

export function graphView(analysis: Analysis, req: GraphRequest): GraphView {
  const m = analysis.model;
  const n = m.states.length;
  const focus = Math.min(Math.max(stateIndex(req.focus), 0), n - 1);
  const eqSet = new Set(analysis.equilibria[req.concept] ?? []);
  const chosen = chooseStates(analysis, req, focus, eqSet);
  const total = chosen.length;
  const kept = chosen.slice(0, Math.max(1, req.cap));
  const inView = new Set(kept);

  const edges: GraphEdge[] = [];
  const seenPair = new Map<string, number>();
  for (let d = 0; d < m.nDMs; d++) {
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
          edges.push({ source: stateId(s), target: stateId(t), dm: d, improving });
        } else if (improving) edges[at] = { source: stateId(s), target: stateId(t), dm: d, improving };
      }
  }
  return {
    nodes: kept.map((s) => ({
      id: stateId(s),
      pattern: statePattern(m, s),
      words: describeState(m, s),
      eq: eqSet.has(s),
      sq: s === m.statusQuo,
      focus: s === focus && req.mode === "neighbourhood",
    })),
    edges,
    total,
    truncated: kept.length < total,
  };
}

/** The states of the view, most relevant first (so a cap keeps the nearest). */
function chooseStates(analysis: Analysis, req: GraphRequest, focus: number, eqSet: Set<number>): number[] {
  const m = analysis.model;
  switch (req.mode) {
    case "all":
      return Array.from(m.states, (_, s) => s);
    case "equilibria": {
      const out = [m.statusQuo, ...[...eqSet].filter((s) => s !== m.statusQuo)];
      return out;
    }
    case "today": {
      const sq = statusQuoAnalysis(analysis);
      return [sq.from, ...sq.reachable.filter((s) => s !== sq.from)];
    }
    case "neighbourhood": {
      // Breadth-first over every decision maker's moves, up to `depth` moves away.
      const dist = new Map<number, number>([[focus, 0]]);
      const order = [focus];
      for (let q = 0; q < order.length; q++) {
        const v = order[q];
        const dv = dist.get(v)!;
        if (dv >= req.depth) continue;
        for (let d = 0; d < m.nDMs; d++) {
          const { offsets, targets } = analysis.context.moves[d];
          for (let e = offsets[v]; e < offsets[v + 1]; e++) {
            const t = targets[e];
            if (dist.has(t)) continue;
            dist.set(t, dv + 1);
            order.push(t);
          }
        }
      }
      return order;
    }
  }
}
