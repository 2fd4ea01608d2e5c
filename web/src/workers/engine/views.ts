/**
 * The engine's results as the workbench's views: plain data, in words, with
 * 1-based state ids. Pure functions over a compiled model and its analysis,
 * so they run in the worker and in tests alike.
 */
import {
  analyze,
  compareModels,
  describeChange,
  describeFamily,
  describeMove,
  describeState,
  displayRanks,
  explainState,
  ParleyError,
  rankCount,
  rankOf,
  comparisonOutput,
  render,
  stateName,
  statePattern,
  stateFamilies,
  statusQuoAnalysis,
  type Analysis,
  type Concept,
  type Model,
  type Sanction,
  stateOfId,
  stateId,
} from "./engine.js";
import type {
  CompareSide,
  CompareView,
  ExplainView,
  FamilyView,
  IssueView,
  ModelView,
  PathsView,
  StabilityChangeView,
  StepView,
} from "../../protocol/engine.js";

/** Every problem of a failed load, each at a line and column (line 1 when the engine could not say). */
export function issuesOf(e: unknown): IssueView[] {
  if (e instanceof ParleyError)
    return e.issues.map((i) => ({
      line: i.line ?? 1,
      column: i.column ?? 1,
      message: i.message,
      code: i.code,
      located: i.line !== undefined,
    }));
  throw e;
}

export function modelView(file: string, analysis: Analysis, ms: number, version = 0): ModelView {
  const m = analysis.model;
  const sc = m.scenario;
  const n = m.states.length;
  const equilibria: ModelView["equilibria"] = {};
  const eq = new Int32Array(n);
  const stable: ModelView["states"]["stable"] = {};
  analysis.concepts.forEach((c, ci) => {
    equilibria[c] = analysis.equilibria[c]!.map(stateId);
    for (const s of analysis.equilibria[c]!) eq[s] |= 1 << ci;
    const bits = new Int32Array(n);
    analysis.stable[c]!.forEach((perState, d) => {
      for (let s = 0; s < n; s++) if (perState[s]) bits[s] |= 1 << d;
    });
    stable[c] = bits;
  });
  return {
    file,
    name: sc.name,
    ...(sc.asOf !== undefined ? { asOf: sc.asOf } : {}),
    ...(sc.description !== undefined ? { description: sc.description.trim() } : {}),
    dms: sc.decisionMakers.map((d) => ({ id: d.id, name: d.name })),
    options: sc.options.map((o) => ({
      id: o.id,
      label: o.label,
      dm: o.dm,
      irreversible: o.direction === "fwd" ? "taking" : o.direction === "back" ? "withdrawal" : false,
      taken: o.whenTaken ?? o.label,
      ...(o.whenNotTaken ? { notTaken: o.whenNotTaken } : {}),
    })),
    concepts: analysis.concepts,
    statusQuo: stateId(m.statusQuo),
    candidateStates: 2 ** m.nOptions,
    states: {
      count: n,
      masks: Int32Array.from(m.states),
      ranks: sc.decisionMakers.map((_, d) => Int32Array.from(displayRanks(m.pref[d]))),
      stable,
      eq,
    },
    rankCounts: sc.decisionMakers.map((_, d) => rankCount(m, d)),
    equilibria,
    whatIfs: (sc.whatIfs ?? []).map((w) => ({ file: w.file, title: w.title ?? w.file })),
    paths: pathsView(analysis),
    ms,
    version,
  };
}

function stepView(m: Model, step: { dm: number; from: number; to: number }): StepView {
  return {
    dm: step.dm,
    dmName: m.scenario.decisionMakers[step.dm].name,
    from: stateId(step.from),
    to: stateId(step.to),
    toName: stateName(m, step.to),
    action: describeChange(m, step.from, step.to),
    rankFrom: rankOf(m, step.dm, step.from),
    rankTo: rankOf(m, step.dm, step.to),
  };
}

/** Where play can go from today by moves that each leave the mover better off. */
export function pathsView(analysis: Analysis): PathsView {
  const m = analysis.model;
  const sq = statusQuoAnalysis(analysis);
  return {
    from: stateId(sq.from),
    fromName: stateName(m, sq.from),
    fromWords: describeState(m, sq.from),
    reachable: sq.reachable.length,
    equilibria: sq.equilibria.map((e) => ({
      id: stateId(e.state),
      name: stateName(m, e.state),
      words: describeState(m, e.state),
      concepts: e.concepts,
      steps: e.path.map((st) => stepView(m, st)),
    })),
    unreachable: {
      count: sq.unreachable.length,
      families: familiesOf(
        m,
        sq.unreachable.map((u) => u.state),
        new Map(sq.unreachable.map((u) => [u.state, u.concepts])),
        8,
      ),
    },
  };
}

/** A set of states as a few families in words, largest first. */
function familiesOf(m: Model, states: number[], conceptsOf: Map<number, Concept[]> | undefined, limit: number): FamilyView[] {
  if (states.length === 0) return [];
  return stateFamilies(m, states)
    .slice(0, limit)
    .map((f) => {
      const concepts = conceptsOf ? [...new Set(f.states.flatMap((s) => conceptsOf.get(s) ?? []))] : [];
      return {
        words: describeFamily(m, f.states, f.care),
        count: f.states.length,
        example: stateId(f.states[0]),
        exampleName: stateName(m, f.states[0]),
        concepts,
      };
    });
}

/** Why a state is stable or not for each decision maker, in words. */
export function explainView(analysis: Analysis, state: number): ExplainView {
  const m = analysis.model;
  const s = stateOfId(m, state);
  const concepts = analysis.concepts;
  const eq = concepts.filter((c) => analysis.equilibria[c]!.includes(s));
  return {
    id: state,
    name: stateName(m, s),
    pattern: statePattern(m, s),
    words: describeState(m, s),
    isStatusQuo: s === m.statusQuo,
    eq,
    dms: m.scenario.decisionMakers.map((dm, d) => {
      const ex = explainState(analysis.context, s, d, concepts);
      return {
        dm: d,
        name: dm.name,
        rank: rankOf(m, d, s),
        rankCount: rankCount(m, d),
        stable: concepts.filter((c) => ex.stable[c]),
        unstable: concepts.filter((c) => !ex.stable[c]),
        improvements: ex.improvements.map((imp) => ({
          to: stateId(imp.to),
          toName: stateName(m, imp.to),
          toWords: describeState(m, imp.to),
          action: describeChange(m, s, imp.to),
          rankTo: rankOf(m, d, imp.to),
          sanctions: concepts.map((c) => ({ concept: c, how: imp.sanctions[c] ? sanctionWords(m, imp.sanctions[c]!, s, d) : null })),
        })),
      };
    }),
  };
}

function sanctionWords(m: Model, sn: Sanction, s: number, i: number): string {
  const steps = sn.moves.map((mv) => describeMove(m, mv.dm, mv.from, mv.to));
  const moves = sn.simultaneous ? `at the same time ${steps.join("; while ")}` : `then ${steps.join("; then ")}`;
  return `${moves} → state ${stateId(sn.result)} (${stateName(m, sn.result)}), which ${m.scenario.decisionMakers[i].name} ranks ${rankOf(m, i, sn.result)}, no better than staying (${rankOf(m, i, s)})`;
}

function compareSide(file: string, analysis: Analysis): CompareSide {
  const m = analysis.model;
  return {
    file,
    name: m.scenario.name,
    states: m.states.length,
    options: m.nOptions,
    today: describeState(m, m.statusQuo),
    equilibria: analysis.concepts.map((c) => ({
      concept: c,
      count: analysis.equilibria[c]!.length,
      families: familiesOf(m, analysis.equilibria[c]!, undefined, 4),
    })),
    paths: pathsView(analysis),
  };
}

/** Two scenarios side by side: each one's equilibria, what changed in the model, and which equilibria came and went, and why. */
export function compareView(a: Model, fileA: string, b: Model, fileB: string): CompareView {
  const A = analyze(a);
  const B = analyze(b);
  const cmp = compareModels(a, b);
  const changeView = (model: Model, list: (typeof cmp.concepts)[number]["gained"], side: "stateA" | "stateB"): StabilityChangeView[] => {
    // One entry per family of states, explained by its first member, as `parley compare` does.
    const byState = new Map(list.filter((x) => x[side] !== undefined).map((x) => [x[side]!, x]));
    const out: StabilityChangeView[] = stateFamilies(model, [...byState.keys()]).map((f) => {
      const ex = byState.get(f.states[0])!;
      const n = f.states.length;
      return {
        pattern: ex.key,
        ...(n === 1 ? { name: stateName(model, f.states[0]) } : {}),
        words: `${describeFamily(model, f.states, f.care)} (${n > 1 ? `${n} states` : `state ${stateId(f.states[0])}, ${stateName(model, f.states[0])}`})`,
        ...(ex.stateA !== undefined ? { stateA: stateId(ex.stateA) } : {}),
        ...(ex.stateB !== undefined ? { stateB: stateId(ex.stateB) } : {}),
        why: ex.dms.map((d) => ({ ...d, dm: model.scenario.decisionMakers.find((x) => x.id === d.dm)?.name ?? d.dm })),
      };
    });
    for (const x of list.filter((y) => y[side] === undefined)) out.push({ pattern: x.key, words: `${x.key} (only in the other version)`, why: [] });
    return out;
  };
  return {
    a: compareSide(fileA, A),
    b: compareSide(fileB, B),
    changes: cmp.changes,
    sameOptions: cmp.sameOptions,
    sharedOptions: cmp.sharedOptions,
    concepts: cmp.concepts.map((c) => ({ concept: c.concept, gained: changeView(b, c.gained, "stateB"), lost: changeView(a, c.lost, "stateA") })),
    markdown: render(comparisonOutput.toDocument({ a, b, fileA, fileB, cmp }, undefined), "md"),
  };
}
