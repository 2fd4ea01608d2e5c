/**
 * The deeper analyses as the workbench's views: robustness to uncertain
 * preferences, inverse GMCR (the nearest priorities that make a state
 * stable), coalitions that could leave a state; and a gmcr-py file turned into
 * a scenario. Pure functions and generators over a compiled model and its
 * analysis: the worker runs the generators in slices (so it can answer other
 * requests, report progress and stop early), tests run them to the end.
 */
import { stringify } from "yaml";
import {
  allDeterred,
  changeLines,
  coalitionAnalysis,
  coalitionCount,
  COALITION_CONCEPTS,
  describeChange,
  describeFamily,
  describeMove,
  describeState,
  inverseForTargets,
  loadModel,
  MAX_COALITIONS,
  movesByEveryMember,
  parseGmcrPyText,
  ParleyError,
  rankOf,
  readGmcrPy,
  render,
  robustnessOutput,
  robustnessSteps,
  statePattern,
  stateFamilies,
  parseStateSet,
  stateOfId,
  uncertaintyOf,
  type Analysis,
  type CoalitionConcept,
  type CoalitionSanction,
  type Concept,
  type InverseResult,
  type Model,
  type RobustnessResult,
  type StateRobustness,
  stateId,
  stateName,
} from "./engine.js";
import { robustnessParallel, robustnessWorthThreads, type WorkerPool } from "../../../../src/api/parallel.js";
import type { PreferenceUncertainty, RobustnessOptions } from "../../../../src/index.js";
import { issuesOf } from "./views.js";
import type {
  CoalitionSanctionView,
  CoalitionsView,
  ImportResult,
  InfluenceView,
  InverseView,
  IssueView,
  Progress,
  RobustnessView,
  RobustRowView,
} from "../../protocol/engine.js";

/** Polled between slices of work: true asks for the result so far. */
export interface Control {
  shouldStop(): boolean;
}

export const NEVER_STOP: Control = { shouldStop: () => false };

// ---------------------------------------------------------------- robustness

export interface RobustnessParams {
  samples: number;
  seed: number;
  exactLimit: number;
  /** States charted per concept. */
  top: number;
}

/**
 * How likely each state is an equilibrium when some preferences are uncertain,
 * and which uncertainty matters most. Given a pool of workers, large runs
 * spread their profiles over it (same result as here); the job then yields a
 * `wait` promise for the scheduler to sleep on instead of spinning.
 */
export function* robustnessJob(
  analysis: Analysis,
  params: RobustnessParams,
  version: number,
  control: Control = NEVER_STOP,
  pool?: () => WorkerPool | undefined,
): Generator<Step, RobustnessView> {
  const m = analysis.model;
  const concepts = analysis.concepts;
  const u = uncertaintyOf(m);
  const opts = { concepts, samples: params.samples, seed: params.seed, exactLimit: params.exactLimit, shouldStop: () => control.shouldStop() };
  const phase = (done: number, total: number) =>
    `${total === params.samples && total !== done ? "sampling" : "weighing"} preference profiles: ${done.toLocaleString("en")} of ${total.toLocaleString("en")}`;
  const workers = robustnessWorthThreads(m, opts) ? pool?.() : undefined;
  let r: RobustnessResult;
  if (workers) r = yield* robustnessOnPool(m, u, opts, workers, phase);
  else {
    const run = robustnessSteps(analysis.context, u, opts);
    for (;;) {
      const step = run.next();
      if (step.done) {
        r = step.value;
        break;
      }
      const { done, total } = step.value;
      yield { phase: phase(done, total), done, total };
    }
  }
  const top: RobustnessView["top"] = {};
  for (const c of concepts) top[c] = chartRows(m, r, c, params.top);
  const influenceView = (list: RobustnessResult["influence"]): InfluenceView[] =>
    list
      .filter((i) => i.shift >= 0.005)
      .map((i) => ({
        dm: i.element.dm,
        dmName: m.scenario.decisionMakers[i.element.dm].name,
        kind: i.element.kind,
        label: i.element.label,
        shift: i.shift,
        state: stateId(i.state),
        name: stateName(m, i.state),
        words: describeState(m, i.state),
        concept: i.concept,
        whenHolds: i.whenHolds,
        whenNot: i.whenNot,
      }));
  const influence = influenceView(r.influence);
  const influenceByConcept: RobustnessView["influenceByConcept"] = {};
  for (const c of concepts) influenceByConcept[c] = influenceView(r.influenceByConcept[c] ?? []);
  return {
    version,
    exact: r.exact,
    done: r.done,
    asked: r.asked,
    interrupted: r.interrupted,
    distinctProfiles: r.distinctProfiles,
    seed: params.seed,
    uncertainStatements: u.statements.length,
    alternatives: u.alternatives.reduce((a, x) => a + x.length, 0),
    concepts: [...concepts],
    positive: r.states.length,
    top,
    influence,
    influenceByConcept,
    markdown: render(robustnessOutput.toDocument({ model: m, uncertainty: u, result: r, concepts, seed: params.seed }, { top: 15 }), "md"),
    ms: Math.round(r.elapsedMs),
  };
}

/** Progress, and optionally a promise the scheduler sleeps on until there is more to do. */
export interface Step extends Progress {
  wait?: Promise<void>;
}

/** The run on the pool, as a generator: each step waits for the next profile to come back. */
function robustnessOnPool(
  m: Model,
  u: PreferenceUncertainty,
  opts: RobustnessOptions,
  pool: WorkerPool,
  phase: (done: number, total: number) => string,
): Generator<Step, RobustnessResult> {
  return awaitWork(
    (onProgress) => robustnessParallel(m, u, pool, { ...opts, onProgress }),
    (done, total) => `${phase(done, total)} on ${pool.size} workers`,
  );
}

/**
 * Work that runs elsewhere (a pool of workers), as a generator for the
 * scheduler: each step carries a promise that settles at the next progress
 * report or at the end, so the scheduler sleeps instead of spinning.
 */
export function* awaitWork<T>(
  start: (progress: (done: number, total: number, label?: string) => void) => Promise<T>,
  phase: (done: number, total: number, label?: string) => string,
): Generator<Step, T> {
  let outcome: { value: T } | undefined;
  let failure: unknown;
  let done = 0;
  let total = 0;
  let label: string | undefined;
  let wake = () => {};
  start((d, t, l) => {
    done = d;
    total = t;
    label = l;
    wake();
  }).then(
    (value) => {
      outcome = { value };
      wake();
    },
    (e: unknown) => {
      failure = e ?? new Error("a worker failed");
      wake();
    },
  );
  for (;;) {
    if (failure) throw failure;
    if (outcome) return outcome.value;
    const wait = new Promise<void>((resolve) => (wake = resolve));
    yield { phase: phase(done, total, label), ...(total > 0 ? { done, total } : {}), wait };
  }
}

/**
 * The chart's rows for a concept: states by probability, most probable first;
 * states with the same probability go together, as families described in
 * words ("a ceasefire holds; with or without: …"), so a dozen rows say more
 * than a dozen look-alike states.
 */
export function chartRows(m: Model, r: RobustnessResult, c: Concept, limit: number): RobustRowView[] {
  const groups = new Map<number, StateRobustness[]>();
  for (const x of r.states) {
    const p = x.probability[c]?.p ?? 0;
    if (p <= 0) continue;
    const g = groups.get(p);
    if (g) g.push(x);
    else groups.set(p, [x]);
  }
  const rows: RobustRowView[] = [];
  for (const p of [...groups.keys()].sort((a, b) => b - a)) {
    const group = groups.get(p)!;
    const probability = group[0].probability[c]!;
    const families =
      group.length > 1 && group.length <= 4096
        ? stateFamilies(
            m,
            group.map((x) => x.state),
          ).map((f) => ({ states: f.states, words: describeFamily(m, f.states, f.care) }))
        : group.map((x) => ({ states: [x.state], words: describeState(m, x.state) }));
    for (const f of families) {
      rows.push({
        example: stateId(f.states[0]),
        name: stateName(m, f.states[0]),
        count: f.states.length,
        words: f.words,
        includesToday: f.states.includes(m.statusQuo),
        probability,
      });
      if (rows.length >= limit) return rows;
    }
  }
  return rows;
}

// ---------------------------------------------------------------- inverse GMCR

/** The states a target names: a state number, a Y/N pattern, or a condition over option ids (0-based). */
export function targetStates(m: Model, text: string): number[] {
  return parseStateSet(m, text);
}

export interface InverseParams {
  target: string;
  concept: Concept;
  maxEvaluations: number;
}

/**
 * The nearest priorities under which the target (or, for a condition, the
 * matching state nearest to stability) is an equilibrium: `inverseForTargets`
 * one candidate state at a time, sharing the evaluation limit as it does, so
 * the search reports progress and can stop with the best found so far.
 */
export function* inverseJob(
  analysis: Analysis,
  params: InverseParams,
  version: number,
  control: Control = NEVER_STOP,
): Generator<Progress, InverseView | { issues: IssueView[] }> {
  const m = analysis.model;
  let targets: number[];
  try {
    targets = targetStates(m, params.target);
  } catch (e) {
    return { issues: issuesOf(e) };
  }
  let best: InverseResult | undefined;
  let budget = params.maxEvaluations;
  let exhaustive = true;
  let evaluated = 0;
  let interrupted = false;
  for (let k = 0; k < targets.length; k++) {
    if (budget <= 0) {
      exhaustive = false;
      break;
    }
    yield { phase: `searching nearer priorities: state ${k + 1} of ${targets.length.toLocaleString("en")}`, done: k, total: targets.length };
    if (k > 0 && control.shouldStop()) {
      interrupted = true;
      exhaustive = false;
      break;
    }
    const r = inverseForTargets(analysis.context, [targets[k]], params.concept, { maxEvaluations: budget });
    budget -= r.evaluated;
    evaluated += r.evaluated;
    if (!r.found && !r.exhaustive) exhaustive = false;
    if (r.found && (!best || r.totalDistance < best.totalDistance)) best = r;
    if (best?.totalDistance === 0) break;
  }
  const r: InverseResult = best ?? { target: targets[0], concept: params.concept, found: false, exhaustive, evaluated, changes: [], totalDistance: 0 };
  return {
    version,
    target: stateId(r.target),
    name: stateName(m, r.target),
    pattern: statePattern(m, r.target),
    words: describeState(m, r.target),
    concept: params.concept,
    candidates: targets.length,
    found: r.found,
    exhaustive: r.found ? false : exhaustive,
    interrupted,
    evaluated,
    totalDistance: r.totalDistance,
    changes: r.found ? changeLines(m, r) : [],
    unchanged: r.found && r.totalDistance > 0 ? r.changes.filter((c) => c.distance === 0).map((c) => m.scenario.decisionMakers[c.dm].name) : [],
  };
}

// ---------------------------------------------------------------- coalitions

/** The largest coalition size up to `wanted` whose coalitions the engine agrees to enumerate. */
export function coalitionSizeFor(nDMs: number, wanted = nDMs): number {
  let size = Math.min(nDMs, Math.max(2, wanted));
  while (size > 2 && coalitionCount(nDMs, 2, size) > MAX_COALITIONS) size--;
  return size;
}

/** Which groups of parties could leave a state together, by what joint move, and whether the others deter them. */
export function coalitionsView(analysis: Analysis, state: number, version: number, maxSize?: number): CoalitionsView {
  const m = analysis.model;
  const s = stateOfId(m, state);
  const all = COALITION_CONCEPTS.filter((c) => analysis.concepts.includes(c));
  const size = coalitionSizeFor(m.nDMs, maxSize);
  const ca = coalitionAnalysis(analysis, { concepts: all, maxSize: size, states: [s] });
  const st = ca.states[0];
  const shown: CoalitionConcept[] = st.equilibriumUnder.length ? st.equilibriumUnder : all;
  const name = (d: number) => m.scenario.decisionMakers[d].name;
  const holds: CoalitionsView["holds"] = {};
  for (const c of st.equilibriumUnder) holds[c] = st.stable[c] ?? false;
  return {
    version,
    state,
    name: stateName(m, s),
    pattern: statePattern(m, s),
    words: describeState(m, s),
    isStatusQuo: s === m.statusQuo,
    concepts: shown,
    equilibriumUnder: st.equilibriumUnder,
    holds,
    maxSize: size,
    coalitionCount: ca.coalitionCount,
    // A group whose joint moves all leave a member idle is the smaller group's move, not a joint one: it is left out (and counted).
    leftOut: st.coalitions
      .filter((co) => movesByEveryMember(co).length === 0)
      .map((co) => ({ name: co.coalition.map(name).join(" + "), breaks: shown.filter((c) => !co.stable[c]) })),
    coalitions: st.coalitions.flatMap((co) => {
      const joint = movesByEveryMember(co);
      if (joint.length === 0) return [];
      const first = joint[0];
      const groups: CoalitionSanctionView[] = [];
      for (const c of shown) {
        const sn = first.sanctions[c] ?? null;
        const how = sn ? sanctionWords(m, sn, s) : null;
        const same = groups.find((g) => g.how === how);
        if (same) same.concepts.push(c);
        else groups.push({ concepts: [c], how });
      }
      // What breaks the state first, then what deters.
      groups.sort((a, b) => Number(a.how !== null) - Number(b.how !== null));
      // Judged on the moves shown: deterred when every one of them is (the engine's verdict when none was left out).
      const deterred = (c: CoalitionConcept) => (joint.length === co.moves.length ? (co.stable[c] ?? false) : allDeterred(joint, c));
      return {
        members: [...co.coalition],
        name: co.coalition.map(name).join(" + "),
        breaks: shown.filter((c) => !deterred(c)),
        deterred: shown.filter((c) => deterred(c)),
        moves: joint.length,
        example: {
          to: stateId(first.to),
          toName: stateName(m, first.to),
          words: describeState(m, first.to),
          steps: first.path.map((p) => ({
            dm: p.dm,
            dmName: name(p.dm),
            action: describeChange(m, p.from, p.to),
            to: stateId(p.to),
            toName: stateName(m, p.to),
          })),
          gains: co.coalition.map((d) => ({ dm: d, name: name(d), from: rankOf(m, d, s), to: rankOf(m, d, first.to) })),
          sanctions: groups,
        },
        ...alsoReached(
          m,
          joint.slice(1).map((x) => x.to),
        ),
      };
    }),
  };
}

/** The other states a coalition reaches, in number order, with their names. */
function alsoReached(m: Model, states: number[]): { alsoTo: number[]; alsoToNames: string[] } {
  const sorted = [...states].sort((a, b) => a - b);
  return { alsoTo: sorted.map(stateId), alsoToNames: sorted.map((s) => stateName(m, s)) };
}

/** A coalition's joint moves in which every member moves, in the engine's order. */
function sanctionWords(m: Model, sn: CoalitionSanction, s: number): string {
  const steps = sn.moves.map((x) => describeMove(m, x.dm, x.from, x.to)).join("; then ");
  const who = m.scenario.decisionMakers[sn.member].name;
  return `then ${steps} → state ${stateId(sn.result)} (${stateName(m, sn.result)}), which leaves ${who} no better off than at state ${stateId(s)} (ranked ${rankOf(m, sn.member, sn.result)}; was ${rankOf(m, sn.member, s)})`;
}

// ---------------------------------------------------------------- gmcr-py import

/** A gmcr-py / GMCR+ JSON file as a Parley scenario in YAML, as `parley import` writes it. */
export function importScenario(text: string, fileName: string): ImportResult {
  const base = fileName.replace(/^.*[\\/]/, "");
  const fail = (message: string): ImportResult => ({ ok: false, issues: [{ line: 1, column: 1, message, code: "bad-gmcr-py", located: false }] });
  try {
    const { data, statusQuo, notes } = readGmcrPy(
      parseGmcrPyText(text, "save it in the folder and open it from the file list"),
      base.replace(/\.[^.]+$/, "") || "Imported from gmcr-py",
    );
    const yaml = `# Imported from ${base} (gmcr-py) in the Parley workbench.\n` + stringify(data, { lineWidth: 0 });
    const model = loadModel(yaml, base);
    // gmcr-py files record no status quo: say which state was taken, as `parley import` does.
    const chosen =
      statusQuo.from === "first-feasible"
        ? [
            `gmcr-py files record no status quo: today's state is state 1 (${statusQuo.pattern}), the first feasible one; change statusQuo in the editor to choose another`,
          ]
        : [];
    return { ok: true, yaml, states: model.states.length, notes: [...chosen, ...notes] };
  } catch (e) {
    if (e instanceof ParleyError) return { ok: false, issues: issuesOf(e).map((i) => ({ ...i, located: false, line: 1, column: 1 })) };
    return fail(`${base} could not be read as a gmcr-py file: ${(e as Error).message}`);
  }
}
