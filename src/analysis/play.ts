/**
 * A stochastic model of play on the graph: how likely each outcome is, from
 * today, if the decision makers keep moving until the conflict settles.
 *
 * The model (Parley's own, documented in docs/forecast.md):
 * - The conflict is at a state s. If s is an equilibrium under the chosen
 *   stability concept C, play stops there: no one has a move that the
 *   concept says it would make.
 * - Otherwise one decision maker moves. Those who may move are the ones with
 *   at least one move the behaviour rule allows; the mover is drawn with
 *   probability proportional to its rate (by default every rate is 1).
 * - The mover picks one of its allowed moves:
 *   `uniform`: any unilateral improvement, each equally likely;
 *   `gain`: any unilateral improvement, with probability proportional to how
 *     many places it climbs in the mover's ranking (a myopic, greedy player);
 *   `undeterred`: only improvements that no sanction deters under C (a
 *     player who reads the others' credible replies), each equally likely.
 *   Under every rule a state that is not a C-equilibrium has someone to move:
 *   a decision maker unstable there has an improvement that nothing deters.
 * - Play ends when an equilibrium is reached or after `horizon` moves; the
 *   state it is in then is the outcome ("unsettled" when not an equilibrium).
 *
 * The behaviour rule is uncertain too: each trajectory follows one rule,
 * drawn with the stated weights; preferences follow the scenario's
 * `probability` statements and weighted `alternatives` (one profile per
 * trajectory, as in robustness). Where the profiles are few and the states
 * reachable from today are few, the result is exact (forward iteration of the
 * absorbing Markov chain, mixed over rules and profiles by their weights);
 * otherwise it is Monte Carlo over trajectories, each with its own seeded
 * stream (seed, trajectory number), so a run gives the same numbers however
 * it is split.
 */
import type { Model } from "../model/compile.js";
import { analyze, variantContext, type Concept } from "../stability/analyze.js";
import { opponents, type StabilityContext } from "../stability/context.js";
import { explainState } from "../stability/explain.js";
import { reachMinImplicit } from "../stability/implicit.js";
import { allDraws, bump, drawSeed, type Counts, type Draws } from "./draws.js";
import { seededRandom } from "./random.js";
import { likeliestProfiles, type ProfileLimit } from "./profile-budget.js";
import { planRobustness, type PreferenceUncertainty, type RobustnessPlan } from "./robustness.js";

export const MOVE_RULES = ["uniform", "gain", "undeterred"] as const;
export type MoveRule = (typeof MOVE_RULES)[number];

export const MOVE_RULE_NAMES: Record<MoveRule, string> = {
  uniform: "any improvement, each equally likely",
  gain: "any improvement, weighted by how far it climbs the mover's ranking",
  undeterred: "only improvements no credible sanction deters, each equally likely",
};

export interface PlayOptions {
  /** Play stops at equilibria of this concept; `undeterred` judges sanctions under it. */
  concept: Concept;
  /** Behaviour rules with weights (normalised); one is drawn per trajectory. */
  rules: { rule: MoveRule; weight: number }[];
  /** At most this many moves. */
  horizon: number;
  /** Per decision maker: relative rate of moves (who moves next is drawn in proportion). Default 1 each. */
  rates?: readonly number[];
  /** The starting state (default: the status quo). */
  from?: number;
  /** Exact when at most this many states are reachable from the start under every profile (default 20,000). */
  exactStates?: number;
  /** Exact when at most this many preference profiles (default 4,096, as robustness). */
  exactProfiles?: number;
  /** `auto` (default): exact where the limits allow, else sampled; `sample`: always Monte Carlo. */
  method?: "auto" | "sample";
  /** Trajectories when sampling (default 20,000). */
  samples?: number;
  seed?: number;
  /** Profiles prepared by `preparePlay` for the same concept (shared between calls). */
  prepared?: PreparedPlay;
  /** Where the sampled courses are run (default: all here; a shard's share, or a merge: src/analysis/draws.ts). */
  draws?: Draws;
}

export interface Outcome {
  state: number;
  probability: number;
  /** Standard error of the probability (0 when exact). */
  stderr: number;
  /** The part of `probability` where play stopped there at an equilibrium (the rest: still moving at the horizon). */
  settledProbability: number;
}

export interface PlayResult {
  from: number;
  concept: Concept;
  exact: boolean;
  /** Trajectories drawn (0 when exact). */
  samples: number;
  horizon: number;
  /** Every state with positive probability, most probable first. */
  outcomes: Outcome[];
  /** Probability that play has reached an equilibrium within the horizon. */
  settled: number;
  /** Expected number of moves made (up to the horizon). */
  expectedMoves: number;
  /** settledBy[k]: probability of having settled after at most k moves (k = 0..horizon). */
  settledBy: number[];
}

/** The moves out of one state under one rule: targets and their probabilities (empty when play stops there). */
export interface Step {
  to: number[];
  p: number[];
  /** The total rate of the decision makers who have a move (0 where play stops). */
  rate: number;
}

/** What a trajectory needs to know about one preference profile. */
export interface Profile {
  ctx: StabilityContext;
  stop: Uint8Array;
  /** Per DM: each state's place in its ranking (0 = least preferred; ties share a place). */
  place: Int32Array[];
  /** Per rule: the step out of each state, computed on first use (indexed by state). */
  cache: (Step | undefined)[][];
  /** Per DM, for GMR and SEQ: the worst value its opponents can reach from each state (their sanction), built on first use. */
  worst: (Int32Array | undefined)[];
}

export function profileOf(base: StabilityContext, levels: Int32Array[], concept: Concept): Profile {
  const model: Model = { ...base.model, pref: levels };
  const ctx = variantContext(base, model);
  const stop = new Uint8Array(model.states.length);
  for (const s of analyze(model, { concepts: [concept], context: ctx }).equilibria[concept]!) stop[s] = 1;
  const place = levels.map((lv) => {
    const distinct = [...new Set(lv)].sort((a, b) => a - b);
    const at = new Map(distinct.map((v, k) => [v, k]));
    return Int32Array.from(lv, (v) => at.get(v)!);
  });
  return { ctx, stop, place, cache: MOVE_RULES.map(() => new Array<Step | undefined>(model.states.length)), worst: levels.map(() => undefined) };
}

/** The allowed moves of decision maker i at s under the rule, with the weight of each. */
export function allowedMoves(p: Profile, concept: Concept, rule: MoveRule, i: number, s: number): { to: number[]; w: number[] } {
  const { ctx } = p;
  if (rule === "undeterred" && (concept === "Nash" || concept === "GMR" || concept === "SEQ")) {
    // One pass per DM gives every state's worst reachable sanction (as the solvers compute it): a move is undeterred when that is still better than staying.
    const pref = ctx.model.pref[i];
    let worst: Int32Array | undefined;
    if (concept !== "Nash") {
      worst = p.worst[i];
      if (!worst) {
        p.worst[i] = worst = reachMinImplicit(ctx.model, opponents(ctx, i), concept === "SEQ", pref);
      }
    }
    const { offsets, targets } = ctx.moves[i];
    const to: number[] = [];
    for (let e = offsets[s]; e < offsets[s + 1]; e++) {
      const t = targets[e];
      if (pref[t] > pref[s] && (worst === undefined || worst[t] > pref[s])) to.push(t);
    }
    return { to, w: to.map(() => 1) };
  }
  if (rule === "undeterred") {
    const ex = explainState(ctx, s, i, [concept]);
    const to = ex.improvements.filter((imp) => imp.sanctions[concept] == null).map((imp) => imp.to);
    return { to, w: to.map(() => 1) };
  }
  const pref = ctx.model.pref[i];
  const { offsets, targets } = ctx.moves[i];
  const to: number[] = [];
  const w: number[] = [];
  for (let e = offsets[s]; e < offsets[s + 1]; e++) {
    const t = targets[e];
    if (pref[t] <= pref[s]) continue;
    to.push(t);
    w.push(rule === "gain" ? p.place[i][t] - p.place[i][s] : 1);
  }
  return { to, w };
}

/** The step out of s: first a mover (by rate, among those with an allowed move), then one of its moves (by weight). */
export function stepFrom(p: Profile, concept: Concept, rule: MoveRule, rates: readonly number[], s: number): Step {
  const cache = p.cache[MOVE_RULES.indexOf(rule)];
  const hit = cache[s];
  if (hit) return hit;
  const step: Step = { to: [], p: [], rate: 0 };
  if (!p.stop[s]) {
    const movers: { rate: number; to: number[]; w: number[] }[] = [];
    for (let i = 0; i < p.ctx.model.nDMs; i++) {
      if (!(rates[i] > 0)) continue;
      const m = allowedMoves(p, concept, rule, i, s);
      if (m.to.length) movers.push({ rate: rates[i], ...m });
    }
    const totalRate = movers.reduce((a, m) => a + m.rate, 0);
    step.rate = totalRate;
    const merged = new Map<number, number>();
    for (const m of movers) {
      const totalW = m.w.reduce((a, x) => a + x, 0);
      m.to.forEach((t, k) => merged.set(t, (merged.get(t) ?? 0) + (m.rate / totalRate) * (m.w[k] / totalW)));
    }
    for (const [t, q] of [...merged].sort((a, b) => a[0] - b[0])) {
      step.to.push(t);
      step.p.push(q);
    }
  }
  cache[s] = step;
  return step;
}

/** The states reachable from `from` under the rule, or undefined when more than `limit`. */
function reachable(p: Profile, concept: Concept, rule: MoveRule, rates: readonly number[], from: number, limit: number): number[] | undefined {
  const seen = new Set([from]);
  const queue = [from];
  for (let k = 0; k < queue.length; k++) {
    for (const t of stepFrom(p, concept, rule, rates, queue[k]).to)
      if (!seen.has(t)) {
        if (seen.size >= limit) return undefined;
        seen.add(t);
        queue.push(t);
      }
  }
  return queue;
}

/** Accumulates outcome mass over rules and profiles. */
class Tally {
  readonly mass = new Map<number, number>();
  readonly settledMass = new Map<number, number>();
  readonly settledBy: Float64Array;
  moves = 0;
  constructor(horizon: number) {
    this.settledBy = new Float64Array(horizon + 1);
  }
}

/** Exact forward iteration of one chain over `horizon` moves, added to the tally with weight w. */
function iterate(p: Profile, concept: Concept, rule: MoveRule, rates: readonly number[], from: number, horizon: number, w: number, tally: Tally): void {
  let dist = new Map<number, number>([[from, 1]]);
  let settledMass = 0;
  for (let k = 0; k <= horizon; k++) {
    const next = new Map<number, number>();
    let moving = 0;
    for (const [s, q] of dist) {
      if (p.stop[s]) {
        settledMass += q;
        tally.mass.set(s, (tally.mass.get(s) ?? 0) + w * q);
        tally.settledMass.set(s, (tally.settledMass.get(s) ?? 0) + w * q);
        continue;
      }
      const step = stepFrom(p, concept, rule, rates, s);
      if (k === horizon || step.to.length === 0) {
        // Still moving at the horizon (or stuck with no allowed move): the outcome is where it is.
        tally.mass.set(s, (tally.mass.get(s) ?? 0) + w * q);
        continue;
      }
      moving += q;
      step.to.forEach((t, j) => next.set(t, (next.get(t) ?? 0) + q * step.p[j]));
    }
    tally.settledBy[k] += w * settledMass;
    if (k < horizon) tally.moves += w * moving;
    dist = next;
    if (dist.size === 0) {
      for (let j = k + 1; j <= horizon; j++) tally.settledBy[j] += w * settledMass;
      break;
    }
  }
}

/**
 * The preference profiles of a run (as robustness plans them) with their
 * equilibria and step caches, built on first use: one preparation serves
 * every `play` and `questionTimeline` call on the same scenario and concept
 * (a forecast and its signposts).
 */
export interface PreparedPlay {
  concept: Concept;
  plan: RobustnessPlan;
  profile(k: number): Profile;
  /** Present when `maxProfiles` left readings out: the likeliest `kept` of `of`, holding `weight` of the probability. */
  limited?: ProfileLimit;
}

export function preparePlay(
  base: StabilityContext,
  u: PreferenceUncertainty,
  opts: { concept: Concept; exactProfiles?: number; samples?: number; seed?: number; maxProfiles?: number },
): PreparedPlay {
  const full = planRobustness(base.model, u, {
    concepts: [opts.concept],
    exactLimit: opts.exactProfiles ?? 4096,
    samples: opts.samples ?? 20_000,
    seed: opts.seed,
  });
  // Every profile costs an analysis of the whole model: a budget keeps the likeliest.
  const { plan, limited } = likeliestProfiles(full, opts.maxProfiles ?? Number.POSITIVE_INFINITY);
  const profiles = new Map<number, Profile>();
  return {
    concept: opts.concept,
    plan,
    ...(limited ? { limited } : {}),
    profile(k: number) {
      let p = profiles.get(k);
      if (!p) profiles.set(k, (p = profileOf(base, plan.levels(k), opts.concept)));
      return p;
    },
  };
}

/** Probabilities of the outcomes of play from today (or `opts.from`). */
export function play(base: StabilityContext, u: PreferenceUncertainty, opts: PlayOptions): PlayResult {
  const { model } = base;
  const concept = opts.concept;
  const from = opts.from ?? model.statusQuo;
  const horizon = Math.max(0, Math.floor(opts.horizon));
  const rates = opts.rates ?? Array.from({ length: model.nDMs }, () => 1);
  const rules = normaliseRules(opts.rules);

  const { plan, profile } = opts.prepared ?? preparePlay(base, u, { concept, exactProfiles: opts.exactProfiles, samples: opts.samples, seed: opts.seed });

  const tally = new Tally(horizon);
  const exactStates = opts.exactStates ?? 20_000;
  const exact =
    opts.method !== "sample" &&
    plan.exact &&
    plan.profiles.every(
      (_, k) => plan.probability[k] === 0 || rules.every((r) => reachable(profile(k), concept, r.rule, rates, from, exactStates) !== undefined),
    );

  let samples = 0;
  if (exact) {
    plan.profiles.forEach((_, k) => {
      if (plan.probability[k] === 0) return;
      for (const r of rules) iterate(profile(k), concept, r.rule, rates, from, horizon, plan.probability[k] * r.weight, tally);
    });
  } else {
    samples = opts.samples ?? 20_000;
    const seed = opts.seed ?? 1;
    // Counts: [0] the moves made, [1 + k] courses settled after k moves, [at + 2s] courses ending at s, [at + 2s + 1] those settled there.
    const at = horizon + 2;
    const counts = (opts.draws ?? allDraws).counts(samples, (lo, hi) => {
      const c: Counts = new Map();
      for (let j = lo; j < hi; j++) {
        const { rng, profile: k, rule } = drawCourse(plan, rules, seed, j);
        const p = profile(k);
        let s = from;
        let made = 0;
        while (made < horizon && !p.stop[s]) {
          const step = stepFrom(p, concept, rule, rates, s);
          if (step.to.length === 0) break;
          s = step.to[pick(step.p, rng())];
          made++;
        }
        bump(c, 0, made);
        bump(c, at + 2 * s);
        if (p.stop[s]) {
          bump(c, 1 + made);
          bump(c, at + 2 * s + 1);
        }
      }
      return c;
    });
    for (const [i, c] of counts) {
      if (i < at) continue;
      const s = Math.floor((i - at) / 2);
      ((i - at) % 2 === 0 ? tally.mass : tally.settledMass).set(s, c / samples);
    }
    let cum = 0;
    for (let k = 0; k <= horizon; k++) tally.settledBy[k] = (cum += counts.get(1 + k) ?? 0) / samples;
    tally.moves = (counts.get(0) ?? 0) / samples;
  }

  const outcomes: Outcome[] = [...tally.mass]
    .filter(([, q]) => q > 0)
    .map(([state, probability]) => ({
      state,
      probability,
      stderr: exact ? 0 : Math.sqrt((probability * (1 - probability)) / samples),
      settledProbability: tally.settledMass.get(state) ?? 0,
    }))
    .sort((a, b) => b.probability - a.probability || a.state - b.state);
  return {
    from,
    concept,
    exact,
    samples,
    horizon,
    outcomes,
    settled: tally.settledBy[horizon],
    expectedMoves: tally.moves,
    settledBy: Array.from(tally.settledBy),
  };
}

/** Behaviour rules with positive weight, their weights normalised to sum to 1. */
export function normaliseRules(rules: readonly { rule: MoveRule; weight: number }[]): { rule: MoveRule; weight: number }[] {
  const total = rules.reduce((a, r) => a + Math.max(0, r.weight), 0);
  if (!(total > 0)) throw new Error("the behaviour rules need a positive total weight");
  return rules.filter((r) => r.weight > 0).map((r) => ({ rule: r.rule, weight: r.weight / total }));
}

/**
 * Course n of a simulation: its own random stream (from the seed and n, so a
 * run gives the same numbers however it is split), then its preference
 * profile and its behaviour rule, drawn from that stream in this order.
 */
export function drawCourse(
  plan: RobustnessPlan,
  rules: readonly { rule: MoveRule; weight: number }[],
  seed: number,
  n: number,
): { rng: () => number; profile: number; rule: MoveRule } {
  const rng = seededRandom(drawSeed(seed, n));
  const profile = plan.exact ? pick(plan.probability, rng()) : plan.drawProfile[n % plan.drawProfile.length];
  const rule =
    rules[
      pick(
        rules.map((r) => r.weight),
        rng(),
      )
    ].rule;
  return { rng, profile, rule };
}

/** Index drawn with probability proportional to its weight, from a uniform number u in [0, 1). */
export function pick(weights: ArrayLike<number>, u: number): number {
  let total = 0;
  for (let k = 0; k < weights.length; k++) total += weights[k];
  let acc = 0;
  const target = u * total;
  for (let k = 0; k < weights.length; k++) {
    acc += weights[k];
    if (target < acc) return k;
  }
  return weights.length - 1;
}
