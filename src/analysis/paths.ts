/**
 * Status quo analysis: how the conflict can move from a starting state (by
 * default the status quo) by unilateral improvements, each DM moving when it
 * gains and no DM twice in a row. Gives the states reachable, the equilibria
 * among them, and a shortest path to each (Li, Hipel, Kilgour & Fang 2004,
 * "Status quo analysis of the Flathead River conflict", Water Resources
 * Research 40; Li, Kilgour & Hipel 2005, J. Operational Research Society 56).
 */
import type { Concept, Analysis } from "../stability/analyze.js";
import { coalitionReach } from "../extensions/coalition-reach.js";
import type { MoveStep } from "../stability/explain.js";

export interface ReachableEquilibrium {
  state: number;
  /** Concepts under which the state is an equilibrium. */
  concepts: Concept[];
  /** A shortest sequence of unilateral improvements from the start; empty when it is the start. */
  path: MoveStep[];
}

export interface StatusQuoAnalysis {
  from: number;
  /** Every state reachable by one or more unilateral improvements, ascending (the start included only if it can be reached again). */
  reachable: number[];
  /** The improvement moves among the start and the reachable states (the graph a workbench draws). */
  edges: MoveStep[];
  /** Equilibria (under any concept analysed) that are the start or reachable from it, nearest first. */
  equilibria: ReachableEquilibrium[];
  /** Equilibria that cannot be reached from the start by unilateral improvements. */
  unreachable: { state: number; concepts: Concept[] }[];
}

export function statusQuoAnalysis(analysis: Analysis, from = analysis.model.statusQuo): StatusQuoAnalysis {
  const { model, context } = analysis;
  const everyone = Array.from({ length: model.nDMs }, (_, d) => d);
  const reach = coalitionReach(context, everyone, from, true);
  const inGraph = new Set([from, ...reach.states]);

  const edges: MoveStep[] = [];
  for (const v of [...inGraph].sort((a, b) => a - b))
    for (const d of everyone) {
      const { offsets, targets } = context.moves[d];
      const pref = model.pref[d];
      for (let e = offsets[v]; e < offsets[v + 1]; e++) if (pref[targets[e]] > pref[v]) edges.push({ dm: d, from: v, to: targets[e] });
    }

  const conceptsOf = new Map<number, Concept[]>();
  for (const c of analysis.concepts) for (const s of analysis.equilibria[c]!) conceptsOf.set(s, [...(conceptsOf.get(s) ?? []), c]);

  const equilibria: ReachableEquilibrium[] = [];
  const unreachable: { state: number; concepts: Concept[] }[] = [];
  for (const [state, concepts] of [...conceptsOf.entries()].sort((a, b) => a[0] - b[0])) {
    if (state === from) equilibria.push({ state, concepts, path: [] });
    else if (inGraph.has(state)) equilibria.push({ state, concepts, path: reach.pathTo(state) });
    else unreachable.push({ state, concepts });
  }
  equilibria.sort((a, b) => a.path.length - b.path.length || a.state - b.state);
  return { from, reachable: reach.states, edges, equilibria, unreachable };
}
