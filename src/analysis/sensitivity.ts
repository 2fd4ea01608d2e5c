/**
 * Which preference assumptions the answer depends on: change one thing at a
 * time in one decision maker's preferences (swap two neighbouring statements
 * or ranking items, or drop a statement), re-run the analysis, and record the
 * equilibria gained and lost under each concept. Moves do not depend on
 * preferences, so each variant reuses them.
 *
 * In proportion. Every change costs a whole analysis of the model, so on a
 * large model the phase has a budget: at most so many analyses (by default
 * as many as fit in `SENSITIVITY_STATE_BUDGET` states analysed, so a small
 * model tries every change) and, where the caller keeps a clock, a time cap
 * (`stop`, polled before each analysis: the engine reads no clock). What was
 * tried, what was skipped and why are part of the result.
 *
 * What is tried first. The budget goes to the changes that can matter,
 * decided from the base analysis alone, cheaply (no re-analysis):
 * 1. A change that leaves the decision maker's ranking of every state as it
 *    was (it swaps two statements that never decide a comparison between
 *    them, or drops one that decides none) cannot change any result: it is
 *    settled without an analysis and costs nothing from the budget.
 * 2. The others by what they touch. A change touches a state s when the
 *    decision maker's set of improvements from s (its moves to states it
 *    ranks above s) is not the same after it: that set is what every
 *    stability concept asks first of the decision maker at s (Nash stability
 *    is exactly its emptiness), and what it answers with when it sanctions
 *    others (SEQ). A change that touches no state can still change a result,
 *    through a party's comparison of a state with the end of a sanction,
 *    which need not be a move away (GMR, SMR); the counts below do not see
 *    that, and such changes come last: the gamble of the ordering (on the
 *    default scenario, half the changes that move some equilibrium are of
 *    that kind, and none of them changes the outlook from today). In order:
 *    - first, those that touch today's state: they decide whether today is
 *      stable for the party and the first moves of every path from today,
 *      the report's headline;
 *    - then by how many states reachable from today by improvements they
 *      touch (where play from today can go, and the sanctions against
 *      leaving today under SEQ, since a sanction is a sequence of
 *      improvements from a state reached from today);
 *    - then by how many of the base's equilibria they touch (an equilibrium
 *      the party gains an improvement at is one it may leave);
 *    - then by how many states they touch anywhere, in an even sample of
 *      the states (where the party loses its improvements it may gain an
 *      equilibrium);
 *    - ties in the order of the scenario (party by party, swaps then drops).
 * The result lists the changes tried in the scenario's order whatever the
 * budget, so a budget that covers every change gives the same result as no
 * budget at all.
 */
import type { Model } from "../model/compile.js";
import type { PreferenceSpec } from "../format/scenario.js";
import { preferenceLevels } from "../preferences/ranks.js";
import { analyze, variantContext, type Analysis, type Concept } from "../stability/analyze.js";

export type PreferenceChange = { kind: "swap"; dm: number; first: number; second: number } | { kind: "drop"; dm: number; index: number };

export interface ChangeEffect {
  change: PreferenceChange;
  /** Per concept: equilibria (state indices) the change adds and removes. */
  effects: Partial<Record<Concept, { gained: number[]; lost: number[] }>>;
  /** Number of equilibrium changes, summed over concepts: how much the answer moves. */
  weight: number;
  /** Equilibria reachable from the status quo by unilateral improvements (any concept) gained and lost. */
  fromStatusQuo: { gained: number[]; lost: number[] };
}

/** Why a change was not tried: beyond the count budget, or the time cap was reached first. */
export type SkipReason = "count" | "time";

export interface Sensitivity {
  changes: ChangeEffect[];
  /** Per concept: equilibria that survive every single change tried. */
  robust: Partial<Record<Concept, number[]>>;
  /** Changes whose effect is known (analysed, or settled without an analysis). */
  tried: number;
  /** Every single change there is. */
  candidates: number;
  /** Changes settled without an analysis: the decision maker's ranking of every state stays as it was. */
  sameRanking: number;
  /** Changes analysed again. */
  analysed: number;
  /** The changes analysed, in the order they were tried (those that can matter first). */
  analysedInOrder: PreferenceChange[];
  /** The count budget: at most this many analyses (Infinity: none). */
  maxChanges: number;
  /** Changes not tried, in the order they would have been, each with the reason. */
  skipped: { change: PreferenceChange; why: SkipReason }[];
}

/** The report's default work for the sensitivity phase: changes analysed × feasible states, at most. */
export const SENSITIVITY_STATE_BUDGET = 3_000_000;
/** However large the model, the default budget analyses at least this many changes. */
export const MIN_SENSITIVITY_CHANGES = 2;

/** The default count budget for a model of this many states: every change of a small model. */
export function defaultChangeBudget(states: number): number {
  return Math.max(MIN_SENSITIVITY_CHANGES, Math.floor(SENSITIVITY_STATE_BUDGET / Math.max(1, states)));
}

export interface SensitivityBudget {
  /** At most this many changes analysed (default: all). */
  maxChanges?: number;
  /** Polled before each analysis: true stops the phase (a time cap kept by the caller). */
  stop?: () => boolean;
}

/** One single change with its variant of the model (same states and moves). */
export interface Variant {
  change: PreferenceChange;
  model: Model;
  /** The decision maker's ranking of every state is the base's: nothing can change, no analysis needed. */
  sameRanking: boolean;
}

export interface SensitivityPlan {
  /** Every single change, in the scenario's order (party by party, swaps then drops). */
  variants: Variant[];
  /** Indices into `variants` of the changes to analyse, those that can matter first, within the count budget. */
  analyse: number[];
  /** Indices of the changes that need an analysis but are beyond the count budget, in the same order. */
  beyond: number[];
  maxChanges: number;
}

/** Every single change to the preferences, with its effect; those that move the answer first. */
export function preferenceSensitivity(base: Analysis, budget: SensitivityBudget = {}): Sensitivity {
  const plan = planSensitivity(base, budget.maxChanges);
  const equilibria: Partial<Record<Concept, number[]>>[] = [];
  for (const k of plan.analyse) {
    if (budget.stop?.()) break;
    const { model } = plan.variants[k];
    equilibria.push(analyze(model, { concepts: base.concepts, context: variantContext(base.context, model) }).equilibria);
  }
  return sensitivityOf(base, plan, equilibria);
}

/** The changes, which of them to analyse and in what order (see the module's header). */
export function planSensitivity(base: Analysis, maxChanges = Number.POSITIVE_INFINITY): SensitivityPlan {
  const { model } = base;
  const variants: Variant[] = model.scenario.preferences.flatMap((pref, dm) =>
    candidateChanges(pref, dm).map((change) => {
      const variant = withPreference(model, dm, applyChange(pref, change));
      return { change, model: variant, sameRanking: sameLevels(model.pref[dm], variant.pref[dm]) };
    }),
  );
  const open = variants.flatMap((v, k) => (v.sameRanking ? [] : [k]));
  const scores = changeScores(
    base,
    open.map((k) => variants[k]),
  );
  const score = new Map(open.map((k, j) => [k, scores[j]]));
  const order = [...open].sort((a, b) => {
    const x = score.get(a)!;
    const y = score.get(b)!;
    return y[0] - x[0] || y[1] - x[1] || y[2] - x[2] || y[3] - x[3] || a - b;
  });
  const n = Math.max(0, Math.floor(maxChanges));
  return { variants, analyse: order.slice(0, n), beyond: order.slice(n), maxChanges };
}

/**
 * The effects of the changes analysed, from their equilibria (computed here
 * or on worker threads: each variant is independent). `equilibria[j]` belongs
 * to `plan.analyse[j]`; a shorter list means the phase stopped on time.
 */
export function sensitivityOf(base: Analysis, plan: SensitivityPlan, equilibria: readonly Partial<Record<Concept, number[]>>[]): Sensitivity {
  const done = new Map<number, Partial<Record<Concept, number[]>>>();
  plan.analyse.forEach((k, j) => {
    if (j < equilibria.length) done.set(k, equilibria[j]);
  });
  const baseSets = new Map(base.concepts.map((c) => [c, new Set(base.equilibria[c])]));
  const survive = new Map(base.concepts.map((c) => [c, new Set(base.equilibria[c])]));
  const baseReached = reachedEquilibria(base);
  const changes: ChangeEffect[] = [];
  // In the scenario's order, whatever order they were analysed in (the sort below is stable).
  plan.variants.forEach(({ change, model: variant, sameRanking }, k) => {
    if (sameRanking) {
      changes.push({ change, effects: {}, weight: 0, fromStatusQuo: { gained: [], lost: [] } });
      return;
    }
    const eq = done.get(k);
    if (!eq) return;
    const a: Analysis = { model: variant, context: variantContext(base.context, variant), concepts: base.concepts, stable: {}, equilibria: eq };
    const effects: ChangeEffect["effects"] = {};
    let weight = 0;
    for (const c of base.concepts) {
      const before = baseSets.get(c)!;
      const after = new Set(eq[c]);
      const gained = eq[c]!.filter((s) => !before.has(s));
      const lost = base.equilibria[c]!.filter((s) => !after.has(s));
      for (const s of lost) survive.get(c)!.delete(s);
      if (gained.length || lost.length) effects[c] = { gained, lost };
      weight += gained.length + lost.length;
    }
    const reached = reachedEquilibria(a);
    const fromStatusQuo = {
      gained: [...reached].filter((x) => !baseReached.has(x)).sort((x, y) => x - y),
      lost: [...baseReached].filter((x) => !reached.has(x)).sort((x, y) => x - y),
    };
    changes.push({ change, effects, weight, fromStatusQuo });
  });
  // What changes the outlook from today first, then what moves the most equilibria.
  const today = (c: ChangeEffect) => c.fromStatusQuo.gained.length + c.fromStatusQuo.lost.length;
  changes.sort((a, b) => today(b) - today(a) || b.weight - a.weight);
  const robust: Sensitivity["robust"] = {};
  for (const [c, set] of survive) robust[c] = [...set].sort((a, b) => a - b);
  const ran = Math.min(equilibria.length, plan.analyse.length);
  const skipped = [
    ...plan.analyse.slice(ran).map((k) => ({ change: plan.variants[k].change, why: "time" as const })),
    ...plan.beyond.map((k) => ({ change: plan.variants[k].change, why: "count" as const })),
  ];
  const sameRanking = plan.variants.filter((v) => v.sameRanking).length;
  return {
    changes,
    robust,
    tried: changes.length,
    candidates: plan.variants.length,
    sameRanking,
    analysed: ran,
    analysedInOrder: plan.analyse.slice(0, ran).map((k) => plan.variants[k].change),
    maxChanges: plan.maxChanges,
    skipped,
  };
}

/**
 * The equilibria (under any concept of the analysis) that today's state
 * reaches by unilateral improvements, itself included when it is one: the
 * equilibria of `statusQuoAnalysis`, found by a search from today alone
 * (no graph of the whole model).
 */
function reachedEquilibria(a: Analysis): Set<number> {
  const { model, context } = a;
  const any = new Set<number>();
  for (const c of a.concepts) for (const s of a.equilibria[c]!) any.add(s);
  const out = new Set<number>();
  for (const s of reachableFromToday(model, context.moves, model.pref, Number.POSITIVE_INFINITY)) if (any.has(s)) out.add(s);
  return out;
}

/** Today's state and the states it reaches by unilateral improvements, nearest first, at most `limit`. */
function reachableFromToday(model: Model, moves: Analysis["context"]["moves"], pref: readonly Int32Array[], limit: number): number[] {
  const seen = new Uint8Array(model.states.length);
  const queue = [model.statusQuo];
  seen[model.statusQuo] = 1;
  for (let q = 0; q < queue.length && queue.length < limit; q++) {
    const v = queue[q];
    for (let d = 0; d < model.nDMs; d++) {
      const { offsets, targets } = moves[d];
      const p = pref[d];
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const t = targets[e];
        if (!seen[t] && p[t] > p[v]) {
          seen[t] = 1;
          queue.push(t);
        }
      }
    }
  }
  return queue.slice(0, limit);
}

/** States looked at per tier when ordering the changes (the nearest from today; the first equilibria by number; every k-th state). */
const FOCUS_STATES = 20_000;

/**
 * Per change: [touches today's state (0 or 1), states reachable from today it
 * touches, base equilibria it touches, states of an even sample of all it
 * touches], where a change touches a state when the decision maker's set of
 * improvements from it is not the same after it.
 */
function changeScores(base: Analysis, variants: readonly Variant[]): [number, number, number, number][] {
  if (!variants.length) return [];
  const { model, context } = base;
  const near = reachableFromToday(model, context.moves, model.pref, FOCUS_STATES + 1).slice(1);
  const any = new Set<number>();
  for (const c of base.concepts) for (const s of base.equilibria[c]!) any.add(s);
  const equilibria = [...any].sort((a, b) => a - b).slice(0, FOCUS_STATES);
  const stride = Math.ceil(model.states.length / FOCUS_STATES);
  const sample = Array.from({ length: Math.ceil(model.states.length / stride) }, (_, k) => k * stride);
  return variants.map(({ change, model: variant }) => {
    const d = change.dm;
    const { offsets, targets } = context.moves[d];
    const before = model.pref[d];
    const after = variant.pref[d];
    const touches = (s: number) => {
      for (let e = offsets[s]; e < offsets[s + 1]; e++) if (before[targets[e]] > before[s] !== after[targets[e]] > after[s]) return true;
      return false;
    };
    const count = (states: readonly number[]) => states.reduce((n, s) => n + (touches(s) ? 1 : 0), 0);
    return [touches(model.statusQuo) ? 1 : 0, count(near), count(equilibria), count(sample)];
  });
}

function sameLevels(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let s = 0; s < a.length; s++) if (a[s] !== b[s]) return false;
  return true;
}

function candidateChanges(pref: PreferenceSpec, dm: number): PreferenceChange[] {
  const out: PreferenceChange[] = [];
  const n = pref.kind === "statements" ? pref.statements.length : pref.items.length;
  for (let j = 0; j + 1 < n; j++) out.push({ kind: "swap", dm, first: j, second: j + 1 });
  if (pref.kind === "statements" && n > 1) for (let j = 0; j < n; j++) out.push({ kind: "drop", dm, index: j });
  return out;
}

export function applyChange(pref: PreferenceSpec, change: PreferenceChange): PreferenceSpec {
  if (pref.kind === "statements") {
    const statements = [...pref.statements];
    if (change.kind === "swap") [statements[change.first], statements[change.second]] = [statements[change.second], statements[change.first]];
    else statements.splice(change.index, 1);
    return { ...pref, statements };
  }
  const items = [...pref.items];
  if (change.kind === "swap") [items[change.first], items[change.second]] = [items[change.second], items[change.first]];
  return { ...pref, items };
}

/** The model with one decision maker's preferences replaced (same states and moves). */
export function withPreference(model: Model, dm: number, pref: PreferenceSpec): Model {
  const preferences = [...model.scenario.preferences];
  preferences[dm] = pref;
  const levels = preferenceLevels(pref, model.states, model.nOptions, model.scenario.decisionMakers[dm].id);
  const prefArrays = [...model.pref];
  prefArrays[dm] = levels;
  return { ...model, scenario: { ...model.scenario, preferences }, pref: prefArrays };
}
