/**
 * Time in the model of play (src/analysis/play.ts): each decision maker moves
 * at a rate (for example about one decisive move a month, an assumption the
 * scenario states with its reason), so play is a continuous-time Markov chain:
 * at a state where play goes on, the next move comes after an exponential
 * wait with the total rate of the decision makers who have a move, and it is
 * theirs in proportion to their rates (as in `play`). Equilibria of the
 * concept are never left.
 *
 * For a question ("is there a ceasefire?", a condition on the options), the
 * probability that it resolves yes by time t is the probability that play
 * has reached a state where the condition holds at some moment up to t: the
 * question's states are made absorbing and the chain is solved by
 * uniformization (Jensen's method: with Λ at least every state's total rate,
 * P(t) = Σ_k Poisson(k; Λt) · P̂^k with P̂ = I + Q/Λ), truncated where the
 * Poisson tail is below 1e-12. Mixed over behaviour rules and preference
 * profiles by their weights; Monte Carlo (exponential waits drawn per move,
 * one seeded stream per trajectory) where the exact method's limits are passed.
 */
import type { Concept } from "../stability/analyze.js";
import type { StabilityContext } from "../stability/context.js";
import { pick, preparePlay, stepFrom, type MoveRule, type PreparedPlay, type Profile, type Step } from "./play.js";
import { seededRandom } from "./random.js";
import type { PreferenceUncertainty } from "./robustness.js";

export interface TimelineQuestion {
  id: string;
  /** 1 for each state where the question's condition holds. */
  holds: Uint8Array;
}

export interface TimelineOptions {
  concept: Concept;
  rules: { rule: MoveRule; weight: number }[];
  /** Per decision maker: moves per unit of time (the unit is the caller's: months, say). */
  rates: readonly number[];
  /** The times at which to report, in the same unit, ascending. */
  times: readonly number[];
  from?: number;
  exactStates?: number;
  exactProfiles?: number;
  method?: "auto" | "sample";
  samples?: number;
  seed?: number;
  /** Profiles prepared by `preparePlay` for the same concept (shared between calls). */
  prepared?: PreparedPlay;
  /** Also compute the chance of having settled by each time (default true). */
  settled?: boolean;
}

export interface QuestionTimeline {
  id: string;
  /** probability[k]: that the condition has held at some moment by times[k]. */
  probability: number[];
  /** Standard errors (0 when exact). */
  stderr: number[];
}

export interface TimelineResult {
  exact: boolean;
  samples: number;
  times: number[];
  questions: QuestionTimeline[];
  /** settled[k]: probability that play has reached an equilibrium by times[k]. */
  settled: number[];
}

/** The chance that each question resolves yes by each time. */
export function questionTimeline(
  base: StabilityContext,
  u: PreferenceUncertainty,
  questions: readonly TimelineQuestion[],
  opts: TimelineOptions,
): TimelineResult {
  const { model } = base;
  const from = opts.from ?? model.statusQuo;
  const concept = opts.concept;
  const times = [...opts.times];
  const ruleWeight = opts.rules.reduce((a, r) => a + Math.max(0, r.weight), 0);
  if (!(ruleWeight > 0)) throw new Error("timeline: the behaviour rules need a positive total weight");
  const rules = opts.rules.filter((r) => r.weight > 0).map((r) => ({ rule: r.rule, weight: r.weight / ruleWeight }));
  const rates = opts.rates;
  const stepAt = (p: Profile, rule: MoveRule, s: number) => stepFrom(p, concept, rule, rates, s);

  const { plan, profile } = opts.prepared ?? preparePlay(base, u, { concept, exactProfiles: opts.exactProfiles, samples: opts.samples, seed: opts.seed });

  const hit = questions.map(() => new Float64Array(times.length));
  const settled = new Float64Array(times.length);
  const exactStates = opts.exactStates ?? 20_000;
  // Exact unless asked to sample, the profiles are too many, or some chain reaches too many states.
  const exact =
    opts.method !== "sample" &&
    plan.exact &&
    plan.profiles.every((_, k) => {
      if (plan.probability[k] === 0) return true;
      const p = profile(k);
      return rules.every((r) => {
        const w = plan.probability[k] * r.weight;
        const curves = [...questions.map((q) => q.holds), ...(opts.settled === false ? [] : [p.stop])].map((target) =>
          absorbedBy((s) => stepAt(p, r.rule, s), from, times, target, exactStates),
        );
        if (curves.some((c) => c === undefined)) return false;
        questions.forEach((_, j) => curves[j]!.forEach((x, t) => (hit[j][t] += w * x)));
        if (opts.settled !== false) curves[questions.length]!.forEach((x, t) => (settled[t] += w * x));
        return true;
      });
    });
  let samples = 0;

  if (!exact) {
    for (const h of [...hit, settled]) h.fill(0);
    samples = opts.samples ?? 20_000;
    const seed = opts.seed ?? 1;
    const horizon = times.length ? times[times.length - 1] : 0;
    for (let n = 0; n < samples; n++) {
      const rng = seededRandom((Math.imul(seed, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b)) >>> 0);
      const k = plan.exact ? pick(Array.from(plan.probability), rng()) : plan.drawProfile[n % plan.drawProfile.length];
      const rule =
        rules[
          pick(
            rules.map((r) => r.weight),
            rng(),
          )
        ].rule;
      const p = profile(k);
      const first = questions.map((q) => (q.holds[from] ? 0 : Number.POSITIVE_INFINITY));
      let settledAt = p.stop[from] ? 0 : Number.POSITIVE_INFINITY;
      let s = from;
      let t = 0;
      while (t <= horizon && !p.stop[s]) {
        const step = stepAt(p, rule, s);
        if (!step.to.length) break;
        t += -Math.log(1 - rng()) / step.rate;
        s = step.to[pick(step.p, rng())];
        questions.forEach((q, j) => {
          if (q.holds[s] && first[j] === Number.POSITIVE_INFINITY) first[j] = t;
        });
        if (p.stop[s]) settledAt = t;
      }
      times.forEach((time, x) => {
        first.forEach((f, j) => {
          if (f <= time) hit[j][x]++;
        });
        if (settledAt <= time) settled[x]++;
      });
    }
    for (const h of hit) for (let x = 0; x < h.length; x++) h[x] /= samples;
    for (let x = 0; x < settled.length; x++) settled[x] /= samples;
  }

  const se = (p: number) => (exact ? 0 : Math.sqrt((p * (1 - p)) / samples));
  return {
    exact,
    samples,
    times,
    questions: questions.map((q, j) => ({ id: q.id, probability: Array.from(hit[j]), stderr: Array.from(hit[j], se) })),
    settled: Array.from(settled),
  };
}

/**
 * Probability that the chain from `from`, with the states marked in `target`
 * made absorbing, is absorbed in them by each time (uniformization over the
 * states reachable before absorption).
 */
function absorbedBy(stepAt: (s: number) => Step, from: number, times: readonly number[], target: Uint8Array, limit: number): number[] | undefined {
  if (target[from]) return times.map(() => 1);
  // The transient states: reachable from `from` without entering the target.
  const index = new Map<number, number>([[from, 0]]);
  const order = [from];
  for (let k = 0; k < order.length; k++) {
    const s = order[k];
    if (target[s]) continue;
    for (const t of stepAt(s).to)
      if (!index.has(t)) {
        if (order.length >= limit) return undefined;
        index.set(t, order.length);
        order.push(t);
      }
  }
  const n = order.length;
  let lambda = 1e-12;
  for (const s of order) if (!target[s]) lambda = Math.max(lambda, stepAt(s).rate);
  const out: number[] = [];
  // v: probability over the states after k uniformized steps; absorbed mass accumulates in the target states.
  let v = new Float64Array(n);
  v[0] = 1;
  const absorbedMass = (x: Float64Array) => order.reduce((a, s, i) => a + (target[s] ? x[i] : 0), 0);
  const maxT = times.length ? times[times.length - 1] : 0;
  const K = Math.ceil(lambda * maxT + 12 * Math.sqrt(lambda * maxT + 1) + 30);
  const absorbedAfter: number[] = [absorbedMass(v)];
  for (let k = 1; k <= K; k++) {
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const q = v[i];
      if (q === 0) continue;
      const s = order[i];
      if (target[s]) {
        next[i] += q;
        continue;
      }
      const step = stepAt(s);
      const move = step.rate / lambda;
      next[i] += q * (1 - move);
      if (move > 0) {
        step.to.forEach((t, j) => (next[index.get(t)!] += q * move * step.p[j]));
      }
    }
    v = next;
    absorbedAfter.push(absorbedMass(v));
  }
  for (const t of times) {
    // Σ_k Poisson(k; Λt) · absorbed after k steps.
    const m = lambda * t;
    let weight = Math.exp(-m);
    let sum = 0;
    let mass = 0;
    for (let k = 0; k <= K; k++) {
      if (k > 0) weight *= m / k;
      sum += weight * absorbedAfter[k];
      mass += weight;
    }
    // What the truncation leaves out is at least as absorbed as the last step.
    out.push(Math.min(1, sum + (1 - mass) * absorbedAfter[K]));
  }
  return out;
}
