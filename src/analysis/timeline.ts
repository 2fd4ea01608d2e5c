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
import { allDraws, type Counts, type Draws } from "./draws.js";
import { drawCourse, normaliseRules, pick, preparePlay, stepFrom, type MoveRule, type PreparedPlay, type Profile, type Step } from "./play.js";
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
  /** Other starting states whose question curves are wanted too (the forecast's signposts); one pass serves them all. */
  also?: readonly number[];
  /** Where the sampled courses are run (default: all here; a shard's share, or a merge: src/analysis/draws.ts). */
  draws?: Draws;
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
  /** For each of `also`: the questions' curves from that state. */
  also: QuestionTimeline[][];
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
  const rules = normaliseRules(opts.rules);
  const rates = opts.rates;
  const stepAt = (p: Profile, rule: MoveRule, s: number) => stepFrom(p, concept, rule, rates, s);

  const { plan, profile } = opts.prepared ?? preparePlay(base, u, { concept, exactProfiles: opts.exactProfiles, samples: opts.samples, seed: opts.seed });

  const hit = questions.map(() => new Float64Array(times.length));
  const settled = new Float64Array(times.length);
  const also = opts.also ?? [];
  const alsoHit = also.map(() => questions.map(() => new Float64Array(times.length)));
  const alsoErr: (number[] | undefined)[][] = also.map(() => questions.map(() => undefined));
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
        const step = (s: number) => stepAt(p, r.rule, s);
        const curves = questions.map((q) => absorbedByMany(step, [from, ...also], times, q.holds, exactStates));
        const settledCurve = opts.settled === false ? [[]] : absorbedByMany(step, [from], times, p.stop, exactStates);
        if (curves.some((c) => c === undefined) || settledCurve === undefined) return false;
        questions.forEach((_, j) => {
          curves[j]![0].forEach((x, t) => (hit[j][t] += w * x));
          also.forEach((_, a) => curves[j]![a + 1].forEach((x, t) => (alsoHit[a][j][t] += w * x)));
        });
        if (opts.settled !== false) settledCurve[0].forEach((x, t) => (settled[t] += w * x));
        return true;
      });
    });
  let samples = 0;

  if (!exact) {
    for (const h of [...hit, settled, ...alsoHit.flat()]) h.fill(0);
    // Each other start is its own simulation, with the same seed and at most 2,000 courses of play (their errors are in the result).
    also.forEach((start, a) => {
      const r = questionTimeline(base, u, questions, {
        ...opts,
        from: start,
        also: [],
        settled: false,
        method: "sample",
        samples: Math.min(opts.samples ?? 20_000, 2000),
        prepared: { plan, profile, concept },
      });
      r.questions.forEach((q, j) => {
        alsoHit[a][j].set(q.probability);
        alsoErr[a][j] = q.stderr;
      });
    });
    samples = opts.samples ?? 20_000;
    const seed = opts.seed ?? 1;
    const horizon = times.length ? times[times.length - 1] : 0;
    // Counts: [j * times + x] courses where question j has held by time x, [questions * times + x] those settled by then.
    const T = times.length;
    const counts = (opts.draws ?? allDraws).counts(samples, (lo, hi) => {
      const dense = new Float64Array((questions.length + 1) * T);
      for (let n = lo; n < hi; n++) {
        const { rng, profile: k, rule } = drawCourse(plan, rules, seed, n);
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
            if (f <= time) dense[j * T + x]++;
          });
          if (settledAt <= time) dense[questions.length * T + x]++;
        });
      }
      const c: Counts = new Map();
      for (let i = 0; i < dense.length; i++) if (dense[i]) c.set(i, dense[i]);
      return c;
    });
    for (const [i, n] of counts) {
      const j = Math.floor(i / T);
      (j < questions.length ? hit[j] : settled)[i % T] = n;
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
    also: alsoHit.map((perQ, a) => questions.map((q, j) => ({ id: q.id, probability: Array.from(perQ[j]), stderr: alsoErr[a][j] ?? Array.from(perQ[j], se) }))),
  };
}

/**
 * For each start: the probability that the chain, with the states marked in
 * `target` made absorbing, is absorbed in them by each time. Uniformization
 * with the backward recursion u_{k+1}(s) = P̂ u_k (s) over the transient states
 * reachable from any start, so every start costs the same one pass (the
 * forecast's signposts ask for many starts at once).
 */
function absorbedByMany(
  stepAt: (s: number) => Step,
  starts: readonly number[],
  times: readonly number[],
  target: Uint8Array,
  limit: number,
): number[][] | undefined {
  // Transient states: not in the target, and play goes on there (rate > 0). A target state absorbs (-1);
  // a state where play stops outside the target keeps its mass forever (-2).
  const index = new Map<number, number>();
  const order: number[] = [];
  const slot = (t: number): number => {
    if (target[t]) return -1;
    if (stepAt(t).rate === 0) return -2;
    let k = index.get(t);
    if (k === undefined) {
      k = order.length;
      index.set(t, k);
      order.push(t);
    }
    return k;
  };
  const startSlots = starts.map(slot);
  for (let k = 0; k < order.length; k++) {
    for (const t of stepAt(order[k]).to) slot(t);
    if (order.length > limit) return undefined;
  }
  const n = order.length;
  let lambda = 1e-12;
  for (const s of order) lambda = Math.max(lambda, stepAt(s).rate);
  // The uniformized chain as flat arrays: from each transient state, its exits (slot, probability per step).
  const stay = new Float64Array(n);
  const start = new Int32Array(n + 1);
  const exitTo: number[] = [];
  const exitP: number[] = [];
  for (let a = 0; a < n; a++) {
    const step = stepAt(order[a]);
    const move = step.rate / lambda;
    stay[a] = 1 - move;
    step.to.forEach((t, e) => {
      exitTo.push(slot(t));
      exitP.push(move * step.p[e]);
    });
    start[a + 1] = exitTo.length;
  }
  const maxT = times.length ? times[times.length - 1] : 0;
  const K = Math.ceil(lambda * maxT + 12 * Math.sqrt(lambda * maxT + 1) + 30);
  // after[j][k]: start j absorbed within k uniformized steps.
  const after = starts.map(() => new Float64Array(K + 1));
  startSlots.forEach((sl, j) => {
    if (sl === -1) after[j].fill(1);
  });
  let u = new Float64Array(n);
  let next = new Float64Array(n);
  for (let k = 1; k <= K; k++) {
    let change = 0;
    for (let a = 0; a < n; a++) {
      let x = stay[a] * u[a];
      for (let e = start[a]; e < start[a + 1]; e++) {
        const to = exitTo[e];
        if (to >= 0) x += exitP[e] * u[to];
        else if (to === -1) x += exitP[e];
      }
      next[a] = x;
      change = Math.max(change, x - u[a]);
    }
    [u, next] = [next, u];
    startSlots.forEach((sl, j) => {
      if (sl >= 0) after[j][k] = u[sl];
    });
    if (change < 1e-15) {
      startSlots.forEach((sl, j) => {
        if (sl >= 0) after[j].fill(u[sl], k + 1);
      });
      break;
    }
  }
  return after.map((absorbedAfter) => poissonMix(absorbedAfter, lambda, times, K));
}

/** Σ_k Poisson(k; Λt) · absorbedAfter[k] for each time t; the truncated tail counts as absorbed as at step K. */
function poissonMix(absorbedAfter: Float64Array, lambda: number, times: readonly number[], K: number): number[] {
  return times.map((t) => {
    const m = lambda * t;
    let weight = Math.exp(-m);
    let sum = 0;
    let mass = 0;
    for (let k = 0; k <= K; k++) {
      if (k > 0) weight *= m / k;
      sum += weight * absorbedAfter[k];
      mass += weight;
    }
    return Math.min(1, sum + (1 - mass) * absorbedAfter[K]);
  });
}
