/**
 * The report's outlook: where play can go from today's state (paths of
 * improving moves to the equilibria it reaches, each step with the mover's
 * reason) and the equilibria it cannot reach.
 */
import { stateFamilies } from "../analysis/families.js";
import { statusQuoAnalysis } from "../analysis/paths.js";
import { SHARED, describeChange, describeFamily, describeState, rankOf } from "../model/describe.js";
import { statePattern, type Model } from "../model/compile.js";
import { preferenceReason } from "../preferences/why.js";
import type { Analysis, Concept } from "../stability/analyze.js";
import { cite, type Cited } from "./cited.js";
import { stateId, stateIds } from "../model/states.js";

export interface StepReport {
  mover: string;
  moverName: string;
  from: number;
  to: number;
  action: string;
  /** Why the mover gains, in its own terms. */
  reason: Cited;
  rankBefore: number;
  rankAfter: number;
}

export interface PathReport {
  state: number;
  pattern: string;
  words: string;
  concepts: Concept[];
  steps: StepReport[];
}

export interface OutlookReport {
  from: number;
  fromPattern: string;
  fromWords: string;
  /** Concepts under which today's state is itself an equilibrium. */
  todayStableUnder: Concept[];
  reachableStates: number;
  paths: PathReport[];
  /** The largest families of equilibria not reachable from today. */
  unreachable: { words: string; states: number[]; concepts: Concept[] }[];
  /** How many equilibrium states (any concept) are not reachable from today. */
  unreachableCount: number;
}

export function outlookOf(analysis: Analysis, maxPaths: number): OutlookReport {
  const { model } = analysis;
  const sq = statusQuoAnalysis(analysis);
  const todayStableUnder = analysis.concepts.filter((c) => analysis.equilibria[c]!.includes(sq.from));
  const paths = sq.equilibria.slice(0, maxPaths).map((e) => ({
    state: stateId(e.state),
    pattern: statePattern(model, e.state),
    words: describeState(model, e.state),
    concepts: e.concepts,
    steps: e.path.map((st) => stepReport(model, st.dm, st.from, st.to)),
  }));
  const unreachableStates = sq.unreachable.map((u) => u.state);
  const unreachable = stateFamilies(model, unreachableStates)
    .slice(0, 4)
    .map((f) => {
      const concepts = analysis.concepts.filter((c) => f.states.some((s) => analysis.equilibria[c]!.includes(s)));
      return { words: describeFamily(model, f.states, f.care, SHARED), states: stateIds(f.states), concepts };
    });
  return {
    from: stateId(sq.from),
    fromPattern: statePattern(model, sq.from),
    fromWords: describeState(model, sq.from),
    todayStableUnder,
    reachableStates: sq.reachable.length,
    paths,
    unreachable,
    unreachableCount: unreachableStates.length,
  };
}

function stepReport(model: Model, dm: number, from: number, to: number): StepReport {
  const why = preferenceReason(model, dm, to, from);
  const st = why.statement;
  const reason: Cited = st
    ? { text: st.note ?? `it wants ${st.text}`, ...cite(st) }
    : { text: `it ranks the new state ${rankOf(model, dm, to)} instead of ${rankOf(model, dm, from)}` };
  return {
    mover: model.scenario.decisionMakers[dm].id,
    moverName: model.scenario.decisionMakers[dm].name,
    from: stateId(from),
    to: stateId(to),
    action: describeChange(model, from, to),
    reason,
    rankBefore: rankOf(model, dm, from),
    rankAfter: rankOf(model, dm, to),
  };
}
