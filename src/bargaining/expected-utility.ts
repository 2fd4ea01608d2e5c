/**
 * The expected utility model of Bueno de Mesquita, as specified for
 * replication by Scholz, Calbert & Smith (2011), "Unravelling Bueno De
 * Mesquita's group decision model", Journal of Theoretical Politics 23(4):
 * 510-531 (sections 2-6 and the step list of its appendix), from Bueno de
 * Mesquita (1985, 1994). One round, for actors i with position x_i,
 * capability c_i and salience s_i (distances as shares of the scale width,
 * switch `distance`):
 *
 * 1. Median voter position μ: the position beating all others in the
 *    pairwise votes v(j,k) = Σ_i c_i s_i (|x_i − x_k| − |x_i − x_j|), which is
 *    the weighted median (median.ts). Switch `median`: or the weighted mean.
 * 2. Utilities of i against j with risk exponent r_i (r_i = 1 at first):
 *      U_s  = 2 − 4 (0.5 − 0.5 |x_i − x_j|)^r_i         i wins a challenge
 *      U_f  = 2 − 4 (0.5 + 0.5 |x_i − x_j|)^r_i         i loses it
 *      U_b  = 2 − 4 (0.5 − 0.25 (|x_i − μ| + |x_i − x_j|))^r_i   things improve without a challenge
 *      U_w  = 2 − 4 (0.5 + 0.25 (|x_i − μ| + |x_i − x_j|))^r_i   things worsen
 *      U_sq = 2 − 4 (0.5)^r_i                           nothing changes
 * 3. Probability that i beats j, from every actor k's vote
 *    v_k = c_k s_k (|x_k − x_j| − |x_k − x_i|):
 *      P_ij = Σ_{k: v_k > 0} v_k / Σ_k |v_k|            (switch `probability`:
 *    "supporters"; "net" = max(0, Σ v_k) / Σ |v_k|; "all-pairs" divides by the
 *    votes on every ordered pair of actors, as open replications report of
 *    Scholz et al.'s own code).
 * 4. Expected utility of i challenging j:
 *      E_i(j) = s_j (P_ij U_s + (1 − P_ij) U_f) + (1 − s_j) U_s
 *               − Q U_sq − (1 − Q) (T U_b + (1 − T) U_w)
 *    Q: the chance nothing changes if i does not challenge (switch `q`,
 *    default 1 as in the open replications of Scholz et al., which makes the
 *    U_b/U_w term vanish); T: the chance that change favours i, 1 when the
 *    median is closer to i than j is (|x_i − μ| < |x_i − x_j|), else 0
 *    (switch `t`).
 * 5. Risk: with r = 1, i's exposure R'_i = Σ_{j≠i} E_j(i) (what the others
 *    expect from challenging i); R_i = (2 R'_i − max R' − min R') / (max R' −
 *    min R') ∈ [−1, 1]; r_i = (1 − R_i/3) / (1 + R_i/3) ∈ [0.5, 2]: the most
 *    exposed actor gets 0.5, the safest 2 (switch `risk`: "neutral" keeps
 *    r_i = 1).
 * 6. Offers: i challenges j when E_i(j) > 0. The receiver j judges it from
 *    its own perspective, with its own r_j for both sides (BDM's perceptual
 *    reading; switch `perspective`: "own" judges E_i(j) with r_i), from
 *    theirs = E_i(j) and mine = E_j(i):
 *      conflict      mine > 0 and mine < theirs: j loses and moves to x_i;
 *                    (if mine ≥ theirs, j wins and does not move);
 *      compromise    mine ≤ 0 and |mine| < theirs: j moves toward x_i by
 *                    the share |mine / theirs| of the distance;
 *      capitulation  mine ≤ 0 and |mine| ≥ theirs: j moves all the way to x_i.
 *    Of several offers, j accepts the one that moves it least, as Scholz et
 *    al. and BDM state (switch `offer`: "highest-eu", the sender that
 *    expects most; "by-kind", conflicts before compromises before
 *    capitulations, then the least move, as replications report of Scholz
 *    et al.'s code). All actors move at once, from the positions at the
 *    round's start; the forecast of the round is μ of the new positions.
 *
 * The published specification leaves these choices open, which is why
 * replications disagree; each is a switch (ExpectedUtilityOptions). The
 * model is not smooth: T is a step, and a lost conflict or a capitulation
 * moves an actor the whole way, so trajectories can jump between the
 * extremes (Scholz et al. discuss its convergence); docs/bargaining.md shows
 * how each switch changes the Ukraine runs. Not checked against the paper's
 * published trajectories (docs/bargaining.md, "Published cases").
 */
import { weightedMean } from "./mean.js";
import { weightedMedian } from "./median.js";
import type { BargainingIssue, ModelResult, RoundEvent, RoundRecord } from "./types.js";

export interface ExpectedUtilityOptions {
  /** μ: "weighted-median" (the median voter, default) or "weighted-mean". */
  median?: "weighted-median" | "weighted-mean";
  /** Q, the probability that nothing changes without a challenge. */
  q?: number;
  /** T: "closer-to-median" (default) or a fixed probability. */
  t?: "closer-to-median" | number;
  /** P_ij: "supporters" (votes for i over all votes on the pair, default), "net", or "all-pairs" (over all votes on every pair). */
  probability?: "supporters" | "net" | "all-pairs";
  /** "scholz" (step 5, default) or "neutral" (r_i = 1 throughout). */
  risk?: "scholz" | "neutral";
  /** Whose risk exponent judges an offer: the "receiver"'s for both sides, or each side's "own". */
  perspective?: "receiver" | "own";
  /** Of several offers: the one that moves the receiver "least", the "highest-eu" sender's, or "by-kind" (conflict, then compromise, then capitulation). */
  offer?: "least" | "highest-eu" | "by-kind";
  /** Distances as shares of the "scale" width (default) or of the range of the starting "positions". */
  distance?: "scale" | "positions";
  /** Rounds to play (default 10); play stops earlier when no one moves. */
  rounds?: number;
}

export const EU_DEFAULTS: Required<ExpectedUtilityOptions> = {
  median: "weighted-median",
  q: 1,
  t: "closer-to-median",
  probability: "supporters",
  risk: "scholz",
  perspective: "receiver",
  offer: "least",
  distance: "scale",
  rounds: 10,
};

interface Actors {
  x: number[];
  c: number[];
  s: number[];
}

/** What one round computes before anyone moves: μ, P_ij, the risk exponents. */
interface RoundState {
  a: Actors;
  mu: number;
  width: number;
  p: number[][];
  o: Required<ExpectedUtilityOptions>;
}

function centre(a: Actors, o: Required<ExpectedUtilityOptions>, issue: BargainingIssue): number {
  const sub: BargainingIssue = {
    min: issue.min,
    max: issue.max,
    actors: a.x.map((x, k) => ({ id: String(k), position: x, capability: a.c[k], salience: a.s[k] })),
  };
  return o.median === "weighted-mean" ? weightedMean(sub) : weightedMedian(sub);
}

/** v_k: actor k's weighted vote for x_i over x_j. */
function vote(a: Actors, k: number, i: number, j: number, width: number): number {
  return (a.c[k] * a.s[k] * (Math.abs(a.x[k] - a.x[j]) - Math.abs(a.x[k] - a.x[i]))) / width;
}

/** P_ij for every ordered pair (step 3). */
function winProbabilities(a: Actors, width: number, rule: ExpectedUtilityOptions["probability"]): number[][] {
  const n = a.x.length;
  let everyPair = 0;
  if (rule === "all-pairs") for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) everyPair += Math.abs(vote(a, k, i, j, width));
  return a.x.map((_, i) =>
    a.x.map((_, j) => {
      let forI = 0;
      let net = 0;
      let all = 0;
      for (let k = 0; k < n; k++) {
        const v = vote(a, k, i, j, width);
        if (v > 0) forI += v;
        net += v;
        all += Math.abs(v);
      }
      if (all === 0) return 0.5;
      if (rule === "net") return Math.max(0, net) / all;
      return forI / (rule === "all-pairs" ? everyPair : all);
    }),
  );
}

/** E_i(j), i's expected utility of challenging j, judged with risk exponent r (steps 2 and 4). */
function expectedUtility(st: RoundState, i: number, j: number, r: number): number {
  const { a, mu, width, o } = st;
  const dij = Math.abs(a.x[i] - a.x[j]) / width;
  // Nothing to gain from challenging an actor who already wants the same.
  if (i === j || dij === 0) return 0;
  const dmu = Math.abs(a.x[i] - mu) / width;
  const U = (base: number) => 2 - 4 * Math.max(0, base) ** r;
  const us = U(0.5 - 0.5 * dij);
  const uf = U(0.5 + 0.5 * dij);
  const ub = U(0.5 - 0.25 * (dmu + dij));
  const uw = U(0.5 + 0.25 * (dmu + dij));
  const usq = U(0.5);
  const p = st.p[i][j];
  const t = o.t === "closer-to-median" ? (dmu < dij ? 1 : 0) : o.t;
  return a.s[j] * (p * us + (1 - p) * uf) + (1 - a.s[j]) * us - o.q * usq - (1 - o.q) * (t * ub + (1 - t) * uw);
}

/** Step 5: risk exponents from each actor's exposure R'_i = Σ_j E_j(i), all judged with r = 1. */
function riskExponents(st: RoundState): number[] {
  const n = st.a.x.length;
  const exposure = st.a.x.map((_, i) => {
    let sum = 0;
    for (let j = 0; j < n; j++) if (j !== i) sum += expectedUtility(st, j, i, 1);
    return sum;
  });
  const hi = Math.max(...exposure);
  const lo = Math.min(...exposure);
  if (hi - lo <= 1e-12 * Math.max(1, Math.abs(hi))) return exposure.map(() => 1);
  return exposure.map((e) => {
    const R = (2 * e - hi - lo) / (hi - lo);
    return (1 - R / 3) / (1 + R / 3);
  });
}

/** An offer as its receiver sees it: the move it asks for and the sender's expected utility E_i(j). */
export type Offer = RoundEvent & { eu: number };
const KIND_ORDER: Record<RoundEvent["kind"], number> = { conflict: 0, compromise: 1, capitulation: 2, "best-response": 3 };

/**
 * How receiver j answers a challenge from i (step 6), from the two expected
 * utilities as j sees them: theirs = E_i(j) > 0, mine = E_j(i).
 */
export function answerChallenge(mine: number, theirs: number, xj: number, xi: number): { kind: RoundEvent["kind"]; to: number } | undefined {
  if (!(theirs > 0)) return undefined;
  if (mine > 0) return mine >= theirs ? undefined : { kind: "conflict", to: xi }; // j wins a conflict and stays
  if (Math.abs(mine) < theirs) return { kind: "compromise", to: xj + (xi - xj) * Math.abs(mine / theirs) };
  return { kind: "capitulation", to: xi };
}

/** One round: offers and moves (step 6); everyone moves at once, from the positions at the round's start. */
function playRound(st: RoundState, r: number[]): { x: number[]; events: RoundEvent[] } {
  const { a, o } = st;
  const n = a.x.length;
  const x = [...a.x];
  const events: RoundEvent[] = [];
  for (let j = 0; j < n; j++) {
    const offers: Offer[] = [];
    for (let i = 0; i < n; i++) {
      if (i === j) continue;
      // "receiver": j judges both sides with its own r_j; "own": each side's E with its own exponent.
      const theirs = expectedUtility(st, i, j, o.perspective === "receiver" ? r[j] : r[i]);
      const mine = expectedUtility(st, j, i, r[j]);
      const answer = answerChallenge(mine, theirs, a.x[j], a.x[i]);
      // A compromise of zero length is no offer: it must not hide a real one under the "least move" rule.
      if (answer && answer.to !== a.x[j]) offers.push({ actor: j, towards: i, kind: answer.kind, from: a.x[j], to: answer.to, eu: theirs });
    }
    const best = chooseOffer(offers, o.offer);
    if (best) {
      x[j] = best.to;
      const { eu: _eu, ...event } = best;
      events.push(event);
    }
  }
  return { x, events };
}

/** The offer a receiver accepts (step 6), whatever the order the offers came in. */
export function chooseOffer(offers: readonly Offer[], rule: Required<ExpectedUtilityOptions>["offer"]): Offer | undefined {
  let best: Offer | undefined;
  for (const c of offers) if (!best || better(c, best, rule)) best = c;
  return best;
}

/** Order-free choice among offers: by the rule, then by the shorter move, the keener sender, the smaller position. */
function better(c: Offer, b: Offer, rule: Required<ExpectedUtilityOptions>["offer"]): boolean {
  const mc = Math.abs(c.to - c.from);
  const mb = Math.abs(b.to - b.from);
  if (rule === "highest-eu" && c.eu !== b.eu) return c.eu > b.eu;
  if (rule === "by-kind" && c.kind !== b.kind) return KIND_ORDER[c.kind] < KIND_ORDER[b.kind];
  if (mc !== mb) return mc < mb;
  if (c.eu !== b.eu) return c.eu > b.eu;
  return c.to < b.to;
}

export function expectedUtilityModel(issue: BargainingIssue, options: ExpectedUtilityOptions = {}): ModelResult {
  const o = { ...EU_DEFAULTS, ...options };
  const a: Actors = { x: issue.actors.map((x) => x.position), c: issue.actors.map((x) => x.capability), s: issue.actors.map((x) => x.salience) };
  const spread = Math.max(...a.x) - Math.min(...a.x);
  const width = o.distance === "positions" && spread > 0 ? spread : issue.max - issue.min;
  const n = a.x.length;
  const rounds: RoundRecord[] = [{ round: 0, positions: [...a.x], forecast: centre(a, o, issue) }];
  for (let round = 1; round <= o.rounds; round++) {
    const st: RoundState = { a, mu: centre(a, o, issue), width, p: winProbabilities(a, width, o.probability), o };
    const r = o.risk === "scholz" ? riskExponents(st) : new Array<number>(n).fill(1);
    const { x, events } = playRound(st, r);
    a.x = x;
    rounds.push({ round, positions: [...x], forecast: centre(a, o, issue), events, risk: r });
    if (events.length === 0) break;
  }
  return { forecast: rounds[rounds.length - 1].forecast, rounds };
}
