// Long only because of its many real cases (published examples, CLI); its random issues come from tests/helpers/arbitraries.ts.
/**
 * Spatial bargaining models (src/bargaining/): worked cases, properties,
 * Monte Carlo, the scenario section's errors, the CLI and the chart.
 *
 * Published numbers: two open worked examples are reproduced (the median
 * voter and weighted mean, below); no open table of the expected utility
 * model's rounds with its inputs was found, so its tests use small cases
 * computed by hand, each derived in its comment. docs/bargaining.md,
 * "Published cases", lists what was searched.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerChallenge, chooseOffer, expectedUtilityModel } from "../../src/bargaining/expected-utility.js";
import { forecastIssue } from "../../src/bargaining/forecast.js";
import { weightedMean } from "../../src/bargaining/mean.js";
import { weightedMedian } from "../../src/bargaining/median.js";
import { monteCarlo, quantile } from "../../src/bargaining/monte-carlo.js";
import { nashBargaining } from "../../src/bargaining/nash.js";
import { spatialModelOfPolitics } from "../../src/bargaining/smp.js";
import { issueChartSvg } from "../../src/bargaining/chart.js";
import { runBargaining } from "../../src/bargaining/scenario.js";
import { MODELS, type BargainingActor, type BargainingIssue } from "../../src/bargaining/types.js";
import { loadModel } from "../../src/model/load.js";
import { ParleyError } from "../../src/format/errors.js";
import { parley } from "../helpers/cli.js";
import { arbBargainingActor, arbBargainingIssue } from "../helpers/arbitraries.js";
import { readFileSync } from "node:fs";
import { exportGmcrPy } from "../../src/interchange/gmcrpy-export.js";
import { importGmcrPy } from "../../src/interchange/gmcrpy-import.js";
import { validateData } from "../../src/format/validate.js";

const actor = (id: string, position: number, capability = 1, salience = 1): BargainingActor => ({ id, position, capability, salience });
const issue = (...actors: BargainingActor[]): BargainingIssue => ({ min: 0, max: 100, actors });

describe("weighted mean and median", () => {
  it("weights positions by capability × salience", () => {
    // (0·1·1 + 100·1·0.5) / (1 + 0.5) = 50 / 1.5 = 33.33…  — the formula of Bueno de Mesquita,
    // The Predictioneer's Game (2009), Appendix I (Σ I·S·P / Σ I·S); his data table there is abridged, so not reproduced.
    expect(weightedMean(issue(actor("a", 0), actor("b", 100, 1, 0.5)))).toBeCloseTo(100 / 3, 12);
  });

  it("finds the median voter and splits an exact tie at the midpoint", () => {
    // Weights 3, 1, 1 at 0, 50, 100: the actor at 0 alone holds 3 of 5 > half.
    expect(weightedMedian(issue(actor("a", 0, 3), actor("b", 50), actor("c", 100)))).toBe(0);
    // Weights 1, 1, 2 at 0, 50, 100: cumulative 1, 2 (= half exactly at 50), so [50, 100] are all medians; midpoint 75.
    expect(weightedMedian(issue(actor("a", 0), actor("b", 50), actor("c", 100, 2)))).toBe(75);
    // Salience counts as much as capability: capability 4 × salience 0.2 = 0.8 at 100 outweighs 0.5 + 0.2 = 0.7 at 0 and 40,
    // more than half of 1.5, so the median voter is at 100; with capability 3 (0.6 < 0.75) it is the actor at 40.
    expect(weightedMedian(issue(actor("a", 0, 1, 0.5), actor("b", 40, 1, 0.2), actor("c", 100, 4, 0.2)))).toBe(100);
    expect(weightedMedian(issue(actor("a", 0, 1, 0.5), actor("b", 40, 1, 0.2), actor("c", 100, 3, 0.2)))).toBe(40);
  });
});

describe("published worked examples", () => {
  it("Greece/EU debt relief, 2015 (muratk3n/thirdwave, en/2015/07/mesquita-game-theory.md): mean voter 82, weighted median 100", () => {
    // Clout, position, salience as printed there, in the format of The Predictioneer's Game; it prints
    // "mean voter 82" (Σ c·s·x / Σ c·s = 3 700 000 / 45 000 = 82.2) and "weighted mode 100.0" (its weighted median).
    const rows: [string, number, number, number][] = [
      ["Greece", 100, 40, 100],
      ["USA", 30, 60, 100],
      ["IMF", 20, 70, 100],
      ["Juncker", 10, 80, 100],
      ["Germany", 100, 100, 80],
      ["France", 70, 100, 100],
      ["Dijsselbloem", 70, 100, 40],
      ["Tusk", 70, 100, 40],
      ["Italy", 50, 100, 100],
      ["ECB", 20, 100, 70],
      ["Spain", 20, 100, 100],
    ];
    const greece = issue(...rows.map(([id, c, x, s]) => actor(id, x, c, s / 100)));
    expect(Math.floor(weightedMean(greece))).toBe(82);
    expect(weightedMean(greece)).toBeCloseTo(3_700_000 / 45_000, 12);
    expect(weightedMedian(greece)).toBe(100);
  });

  it("EU emission standards (Bueno de Mesquita 1994, p. 78, as Table 1 of Scholz et al. 2011): median voter at 7 years", () => {
    // Inputs as in dmasad/BDM_DecisionModel_Replication, ExampleActors.csv (capability, position in years, salience/100);
    // its notebook "Comparison with Original.ipynb" finds the median voter position 7.0 by the pairwise vote.
    // By hand: weights c·s total 0.677; at 4 years 0.248, up to 7 years 0.341 > 0.677/2, so μ = 7.
    const eu = {
      min: 4,
      max: 10,
      actors: [
        actor("Netherlands", 7, 0.08, 0.4),
        actor("Belgium", 4, 0.08, 0.8),
        actor("Luxembourg", 4, 0.03, 0.2),
        actor("Germany", 4, 0.16, 0.8),
        actor("France", 10, 0.16, 0.6),
        actor("Italy", 10, 0.16, 0.6),
        actor("UK", 10, 0.16, 0.9),
        actor("Ireland", 7, 0.05, 0.1),
        actor("Denmark", 4, 0.05, 1),
        actor("Greece", 7, 0.08, 0.7),
      ],
    };
    expect(weightedMedian(eu)).toBe(7);
    expect(expectedUtilityModel(eu, { rounds: 1 }).rounds![0].forecast).toBe(7);
  });
});

describe("Nash bargaining solution", () => {
  it("splits in proportion to the bargaining weights (linear utilities, worst-case disagreement)", () => {
    // u_a = 1 − x/100, u_b = x/100, d = 0: max w_a log(1 − x/100) + w_b log(x/100)  =>  x = 100 w_b / (w_a + w_b).
    // w = c·s: 1 and 0.5  =>  x = 33.33…; equal weights give the symmetric split 50 (Nash 1950, symmetry axiom).
    expect(nashBargaining(issue(actor("a", 0), actor("b", 100, 1, 0.5)))).toBeCloseTo(100 / 3, 6);
    expect(nashBargaining(issue(actor("a", 0), actor("b", 100, 1, 0.5)), { weights: "equal" })).toBeCloseTo(50, 6);
  });

  it("with quadratic utilities and symmetric actors, meets in the middle", () => {
    expect(nashBargaining(issue(actor("a", 20), actor("b", 80)), { loss: "quadratic" })).toBeCloseTo(50, 6);
  });

  it("uses the status quo as the disagreement point when asked", () => {
    // Actors at 40 and 60, q = 0, linear: d = (0.6, 0.4). On [40, 60] the product is
    // (0.4 − (x − 40)/100)(0.6 − (60 − x)/100) = (80 − x) x / 100², whose derivative (80 − 2x) / 100² is 0 at
    // x = 40 and negative after it, so the maximum is at x = 40.
    const is = { ...issue(actor("a", 40), actor("b", 60)), statusQuo: 0 };
    expect(nashBargaining(is, { disagreement: "status-quo" })).toBeCloseTo(40, 6);
    // When the status quo is Pareto optimal (q = 20 between actors at 0 and 100), no deal beats it for both: the answer is q.
    expect(nashBargaining({ ...issue(actor("a", 0), actor("b", 100)), statusQuo: 20 }, { disagreement: "status-quo" })).toBe(20);
  });
});

describe("expected utility model (Bueno de Mesquita, after Scholz, Calbert & Smith 2011)", () => {
  // Two actors A, B at 0 and one actor C at 100, all with c = s = 1, scale 0..100.
  // Median voter μ = 0 (weight 2 of 3 at 0). By hand, round 1 with r = 1:
  //   A vs C: |x_A − x_C| = 1, |x_A − μ| = 0: U_s = 2, U_f = −2, U_b = 1, U_w = −1, U_sq = 0;
  //     votes A +1, B +1, C −1 => P_AC = 2/3; T = 1 (μ closer to A than C is);
  //     E_A(C) = (2/3·2 + 1/3·(−2)) − Q·0 − (1 − Q)·1 = 2/3 − 1/2 = 1/6 (Q = 0.5). Same for B.
  //   C vs A: |x_C − μ| = 1: U_b = 2, U_w = −2; P_CA = 1/3; T = 0 (μ not closer):
  //     E_C(A) = (2/3 − 4/3) − 0.5·(−2) = 1/3.
  //   Exposures E_B(A) + E_C(A) = 1/3 = E_A(C) + E_B(C): all equal, so r = 1 stays.
  //   A receives C's offer: its own E_A(C) = 1/6 > 0 but below C's 1/3: conflict lost, A moves to 100; so does B.
  //   C receives A's and B's offers with E_C(A) = 1/3 ≥ 1/6: C wins and stays. Round 2: all at 100, no offers.
  const abc = issue(actor("A", 0), actor("B", 0), actor("C", 100));

  it("plays a round of conflicts as derived by hand (Q = 0.5, each side judged with its own r)", () => {
    // Both A and B move in the same round: moves are simultaneous, each computed from the round's start.
    const r = expectedUtilityModel(abc, { q: 0.5, perspective: "own" });
    expect(r.rounds!.map((x) => x.positions)).toEqual([
      [0, 0, 100],
      [100, 100, 100],
      [100, 100, 100],
    ]);
    expect(r.rounds!.map((x) => x.forecast)).toEqual([0, 100, 100]);
    expect(r.rounds![1].events!.map((e) => [e.actor, e.towards, e.kind])).toEqual([
      [0, 2, "conflict"],
      [1, 2, "conflict"],
    ]);
    expect(r.rounds![1].risk).toEqual([1, 1, 1]);
  });

  it("with Q = 1, derives the risk exponents and turns the conflicts into capitulations", () => {
    // Q = 1, r = 1: E_A(C) = 2/3, E_C(A) = −2/3 (the U_b/U_w term vanishes, U_sq = 0).
    // Exposures: A and B −2/3, C 4/3; R_A = (2(−2/3) − 4/3 + 2/3)/2 = −1 => r_A = (1 + 1/3)/(1 − 1/3) = 2;
    // R_C = 1 => r_C = (2/3)/(4/3) = 0.5.
    // Again with r: E_A(C) = (4/3 − 2/3) − (2 − 4·0.5²) = −1/3; E_C(A) = −2/3 − (2 − 4·√0.5) = 0.16176…
    // A receives C's offer with |E_A(C)| = 1/3 ≥ 0.16176: it capitulates and moves to 100.
    const r = expectedUtilityModel(abc, { q: 1, perspective: "own" });
    const risk = r.rounds![1].risk!;
    expect(risk[0]).toBeCloseTo(2, 12);
    expect(risk[1]).toBeCloseTo(2, 12);
    expect(risk[2]).toBeCloseTo(0.5, 12);
    expect(r.rounds![1].events!.map((e) => e.kind)).toEqual(["capitulation", "capitulation"]);
    expect(r.forecast).toBe(100);
  });

  it("leaves two evenly matched actors in stalemate", () => {
    // A at 0, B at 100, equal weights: μ = 50 (tie, midpoint); P = 1/2; U_s = 2, U_f = −2, U_b = 1.5, U_sq = 0, T = 1:
    // E_A(B) = 0 − 0.5·1.5 = −0.75 for both: no offers, so nobody moves and the forecast stays 50.
    const r = expectedUtilityModel(issue(actor("A", 0), actor("B", 100)), { q: 0.5 });
    expect(r.rounds!.length).toBe(2);
    expect(r.rounds![1].events).toEqual([]);
    expect(r.forecast).toBe(50);
  });

  it("judges an offer from the receiver's perspective by default (Q = 1)", () => {
    // Same data; risk exponents as above: r_A = r_B = 2, r_C = 0.5.
    // A judges C's challenge with r = 2: E_C(A) = 1/3·2 + 2/3·(−2) − (2 − 4·0.5²) = −5/3 < 0: no challenge in A's eyes.
    // C judges A's challenge with r = 0.5: U_sq = 2 − 4√0.5 = −0.82843;
    //   theirs = E_A(C) = (2/3·2 − 1/3·2) + 0.82843 = 1.49509; mine = E_C(A) = −2/3 + 0.82843 = 0.16176 > 0:
    //   a conflict C loses (0.16176 < 1.49509): C moves to A's 0. B's offer is the same move.
    const r = expectedUtilityModel(abc);
    expect(r.rounds![1].positions).toEqual([0, 0, 0]);
    expect(r.rounds![1].events!.map((e) => [e.actor, e.towards, e.kind])).toEqual([[2, 0, "conflict"]]);
    expect(r.forecast).toBe(0);
  });

  it("answers a challenge by conflict, compromise or capitulation", () => {
    // j at 0 and challenger i at 100; theirs = E_i(j) > 0 is the challenge, mine = E_j(i).
    expect(answerChallenge(0.2, 0.5, 0, 100)).toEqual({ kind: "conflict", to: 100 }); // both gain, j less: j loses
    expect(answerChallenge(0.5, 0.5, 0, 100)).toBeUndefined(); // j expects as much: j wins and stays
    expect(answerChallenge(-0.1, 0.4, 0, 100)).toEqual({ kind: "compromise", to: 25 }); // share |−0.1/0.4| = 1/4
    expect(answerChallenge(-0.5, 0.4, 0, 100)).toEqual({ kind: "capitulation", to: 100 }); // |mine| ≥ theirs: all the way
    expect(answerChallenge(0.3, -0.1, 0, 100)).toBeUndefined(); // no challenge when the sender expects nothing
  });

  it("accepts the offer that moves the receiver least, or by the other rules", () => {
    const offer = (towards: number, kind: "conflict" | "compromise" | "capitulation", to: number, eu: number) => ({
      actor: 0,
      towards,
      kind,
      from: 50,
      to,
      eu,
    });
    const offers = [offer(1, "capitulation", 60, 0.2), offer(2, "compromise", 30, 0.9), offer(3, "conflict", 100, 0.5)];
    expect(chooseOffer(offers, "least")!.towards).toBe(1); // moves 10
    expect(chooseOffer(offers, "highest-eu")!.towards).toBe(2); // sender expects 0.9
    expect(chooseOffer(offers, "by-kind")!.towards).toBe(3); // a conflict comes first
    expect(chooseOffer([...offers].reverse(), "least")!.towards).toBe(1); // the order offers arrive in does not matter
    expect(chooseOffer([], "least")).toBeUndefined();
  });

  it("pins the three readings of the probability of success", () => {
    // A at 0 (c = s = 1), B at 100 (c = 1, s = 0.5); Q = 1, r = 1, so U_s = 2, U_f = −2, U_sq = 0.
    //   Votes on A over B: A +1, B −0.5.
    // supporters: P_AB = 1/1.5 = 2/3, P_BA = 1/3. E_A(B) = 0.5(2/3·2 − 1/3·2) + 0.5·2 = 4/3;
    //   E_B(A) = 1/3·2 − 2/3·2 = −2/3: B compromises by the share (2/3)/(4/3) = 1/2, to 50.
    // net: P_AB = 0.5/1.5 = 1/3, P_BA = 0: E_A(B) = 0.5(−2/3) + 1 = 2/3; E_B(A) = −2: B capitulates, to 0.
    // all-pairs: all votes on both ordered pairs = 2·1 + 2·0.5 = 3; P_AB = 1/3, P_BA = 0.5/3 = 1/6:
    //   E_A(B) = 2/3; E_B(A) = 1/6·2 − 5/6·2 = −4/3: B capitulates, to 0.
    const ab = issue(actor("A", 0), actor("B", 100, 1, 0.5));
    const first = (probability: "supporters" | "net" | "all-pairs") => expectedUtilityModel(ab, { probability, risk: "neutral", rounds: 1 }).rounds![1];
    expect(first("supporters").positions[0]).toBe(0);
    expect(first("supporters").positions[1]).toBeCloseTo(50, 12);
    expect(first("supporters").events!.map((e) => e.kind)).toEqual(["compromise"]);
    expect(first("net").positions).toEqual([0, 0]);
    expect(first("all-pairs").positions).toEqual([0, 0]);
    expect(first("all-pairs").events!.map((e) => e.kind)).toEqual(["capitulation"]);
  });

  it("keeps every risk exponent in [0.5, 2], the most exposed actor at 0.5 and the safest at 2", () => {
    fc.assert(
      fc.property(arbBargainingIssue, (is) => {
        const r = expectedUtilityModel(is, { rounds: 1 });
        const risk = r.rounds![1]?.risk;
        if (!risk) return;
        for (const v of risk) {
          expect(v).toBeGreaterThanOrEqual(0.5 - 1e-12);
          expect(v).toBeLessThanOrEqual(2 + 1e-12);
        }
        if (risk.some((v) => v !== 1)) {
          expect(Math.min(...risk)).toBeCloseTo(0.5, 12);
          expect(Math.max(...risk)).toBeCloseTo(2, 12);
        }
      }),
    );
  });

  it("exposes the open choices as switches", () => {
    // The weighted mean as μ: (0 + 0 + 100)/3 at the start.
    expect(expectedUtilityModel(abc, { median: "weighted-mean", rounds: 1 }).rounds![0].forecast).toBeCloseTo(100 / 3, 12);
    // Risk-neutral play with Q = 1 keeps E_A(C) = 2/3 > 0 and E_C(A) = −2/3, so C (the receiver) capitulates to A:
    // |E_C(A)| = 2/3 ≥ E_A(C) = 2/3.
    const neutral = expectedUtilityModel(abc, { q: 1, risk: "neutral" });
    expect(neutral.rounds![1].positions).toEqual([0, 0, 0]);
    expect(neutral.rounds![1].events!.map((e) => e.kind)).toEqual(["capitulation"]);
  });
});

describe("spatial model of politics (in the style of KTAB's SMP)", () => {
  it("weighs the options by a probabilistic Condorcet election", () => {
    // Actors at 0 (w = 2) and 100 (w = 1): strengths 2 and 1; quadratic victory p = 4/5; two-option Markov chain
    // π_0 · 1/5 = π_1 · 4/5 => π = (0.8, 0.2): forecast 20. Linear victory: p = 2/3, forecast 33.3.
    // Neither actor can do better by moving (the odds stay 4:1 wherever it stands), so play stops after round 1.
    const is = issue(actor("a", 0, 2), actor("b", 100));
    const r = spatialModelOfPolitics(is);
    expect(r.forecast).toBeCloseTo(20, 9);
    expect(r.rounds!.length).toBe(2);
    expect(spatialModelOfPolitics(is, { victory: "linear" }).forecast).toBeCloseTo(100 / 3, 9);
    expect(spatialModelOfPolitics(is, { pce: "conditional" }).forecast).toBeCloseTo(20, 9);
  });
});

// ---------------------------------------------------------------------------
// Properties

const actorArb = arbBargainingActor;
const issueArb = arbBargainingIssue;
const quick = { rounds: 4, smp: { grid: 11 } };

describe("properties of every model", () => {
  it("forecasts the common position when all actors agree", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.array(actorArb, { minLength: 2, maxLength: 5 }), (x, list) => {
        const f = forecastIssue({ min: 0, max: 100, actors: list.map((a, k) => ({ ...a, id: `a${k}`, position: x })) }, quick);
        for (const m of MODELS) expect(f[m]!.forecast).toBeCloseTo(x, 9);
      }),
      { numRuns: 60 },
    );
  });

  it("forecasts within the range of the positions", () => {
    fc.assert(
      fc.property(issueArb, (is) => {
        const lo = Math.min(...is.actors.map((a) => a.position));
        const hi = Math.max(...is.actors.map((a) => a.position));
        const f = forecastIssue(is, quick);
        for (const m of MODELS) {
          expect(f[m]!.forecast).toBeGreaterThanOrEqual(lo - 1e-9);
          expect(f[m]!.forecast).toBeLessThanOrEqual(hi + 1e-9);
        }
      }),
      { numRuns: 80 },
    );
  });

  it("does not change when actors are relabelled and reordered", () => {
    fc.assert(
      fc.property(issueArb, fc.integer({ min: 0, max: 1000 }), (is, seed) => {
        // A deterministic shuffle and new names.
        const order = is.actors.map((_, k) => k).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b);
        const shuffled = { ...is, actors: order.map((k, j) => ({ ...is.actors[k], id: `z${j}` })) };
        const f = forecastIssue(is, quick);
        const g = forecastIssue(shuffled, quick);
        for (const m of MODELS) expect(g[m]!.forecast).toBe(f[m]!.forecast);
        // Trajectories follow their actors.
        const euF = f["expected-utility"]!.rounds!;
        const euG = g["expected-utility"]!.rounds!;
        expect(euG.length).toBe(euF.length);
        euG.forEach((rd, r) => order.forEach((k, j) => expect(rd.positions[j]).toBe(euF[r].positions[k])));
      }),
      { numRuns: 60 },
    );
  });

  it("a seeded Monte Carlo run is reproducible", () => {
    const u = {
      min: 0,
      max: 100,
      actors: [
        { id: "a", position: { value: 10, min: 0, max: 30 }, salience: { value: 1 }, capability: { value: 1, min: 0.5, max: 1 } },
        { id: "b", position: { value: 90, min: 70, max: 100 }, salience: { value: 0.5, min: 0.2, max: 0.8 }, capability: { value: 1 } },
        { id: "c", position: { value: 50 }, salience: { value: 0.5 }, capability: { value: 0.5 } },
      ],
    };
    const a = monteCarlo(u, 40, 7, quick);
    expect(monteCarlo(u, 40, 7, quick)).toEqual(a);
    expect(monteCarlo(u, 40, 8, quick).mean!.mean).not.toBe(a.mean!.mean);
    for (const m of MODELS) {
      const d = a[m]!;
      expect(d.samples).toBe(40);
      expect(d.q05).toBeLessThanOrEqual(d.q50);
      expect(d.q50).toBeLessThanOrEqual(d.q95);
      expect(d.min).toBeGreaterThanOrEqual(0);
      expect(d.max).toBeLessThanOrEqual(100);
    }
  });

  it("computes quantiles by linear interpolation (Hyndman & Fan 1996, type 7)", () => {
    // For 1..5: h = 4p; p = 0.25 → 2, p = 0.1 → 1.4.
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 12);
  });
});

// ---------------------------------------------------------------------------
// The scenario section

const BASE = `format: parley/1
name: Test
decisionMakers:
  - id: gov
    options: [{ id: deal }]
  - id: reb
    options: [{ id: fight }]
statusQuo: NN
preferences:
  gov: [deal]
  reb: [fight]
`;

function errorsOf(text: string): string[] {
  try {
    loadModel(text, "t.yaml");
  } catch (e) {
    if (e instanceof ParleyError) return e.message.split("\n");
    throw e;
  }
  return [];
}

describe("the bargaining section of a scenario", () => {
  it("reads actors, issues, ranges and links", () => {
    const m = loadModel(
      BASE +
        `bargaining:
  actors:
    - { id: un, name: United Nations, assumption: a mediator }
  issues:
    - id: autonomy
      scale: { min: 0, max: 10, minLabel: none, maxLabel: full }
      positions:
        gov: { position: 2, salience: 0.9, capability: 3, sources: [F1] }
        reb: { position: { value: 9, min: 8, max: 10 }, salience: 1, capability: 1 }
        un: { position: 5, salience: { value: 0.3, min: 0.1, max: 0.5 }, capability: 1 }
      onTable:
        - { option: deal, atMost: 6 }
`,
    );
    const b = m.scenario.bargaining!;
    expect(b.actors.map((a) => [a.id, a.name, a.dm])).toEqual([
      ["gov", "gov", 0],
      ["reb", "reb", 1],
      ["un", "United Nations", undefined],
    ]);
    expect(b.issues[0].positions[1].position).toEqual({ value: 9, min: 8, max: 10 });
    const run = runBargaining(m.scenario, { models: ["mean", "median"] });
    // Weights gov 2.7, reb 1, un 0.3: mean (5.4 + 9 + 1.5)/4 = 3.975; median: gov alone holds 2.7 of 4 → 2.
    expect(run.issues[0].forecast.mean!.forecast).toBeCloseTo(3.975, 12);
    expect(run.issues[0].forecast.median!.forecast).toBe(2);
    expect(run.issues[0].links[0].onTable).toEqual({ mean: true, median: true });
  });

  it("reports each bad value with its line, column and path", () => {
    const errors = errorsOf(
      BASE +
        `bargaining:
  issues:
    - id: autonomy
      scale: { min: 0, max: 10, minLabel: none, maxLabel: full }
      positions:
        gov: { position: 12, salience: 1.5, capability: -1 }
        rbe: { position: 5, salience: 1, capability: 1 }
      onTable:
        - { option: dael, atLeast: 3 }
    - id: lonely
      scale: { min: 0, max: 10, minLabel: none, maxLabel: full }
      positions:
        gov: { position: 1, salience: 1, capability: 1 }
`,
    );
    expect(errors).toEqual([
      "t.yaml:17:26: the position 12 is out of range: positions lie on the scale of 'autonomy' (0 = none, 10 = full) (at bargaining.issues[0].positions.gov.position)",
      "t.yaml:17:40: the salience 1.5 is out of range: salience is between 0 (the issue does not matter) and 1 (nothing matters more) (at bargaining.issues[0].positions.gov.salience)",
      "t.yaml:17:57: the capability -1 is out of range: capability is a number of at least 0 (only ratios between actors matter) (at bargaining.issues[0].positions.gov.capability)",
      "t.yaml:18:9: unknown actor 'rbe'; did you mean 'reb'?; the actors are the decision makers (gov, reb) and those under bargaining.actors (at bargaining.issues[0].positions)",
      "t.yaml:20:21: unknown option 'dael'; did you mean 'deal'? (at bargaining.issues[0].onTable[0].option)",
      "t.yaml:24:9: issue 'lonely' has only one actor; bargaining needs at least two actors with a position (at bargaining.issues[1].positions)",
    ]);
  });

  it("rejects a range that does not contain its value, and an extra actor named like a decision maker", () => {
    const errors = errorsOf(
      BASE +
        `bargaining:
  actors: [{ id: gov }]
  issues:
    - id: autonomy
      scale: { min: 0, max: 10, minLabel: none, maxLabel: full }
      positions:
        gov: { position: { value: 2, min: 3, max: 5 }, salience: 1, capability: 1 }
        reb: { position: 5, salience: 1, capability: 1 }
`,
    );
    expect(errors[0]).toMatch(/^t\.yaml:13:18: 'gov' is a decision maker already/);
    expect(errors[1]).toContain("the range of the position must contain its value: min ≤ value ≤ max (here 3 ≤ 2 ≤ 5)");
  });
});

// ---------------------------------------------------------------------------
// CLI and chart

describe("parley bargain", () => {
  it("forecasts the default scenario with every model, and links the forecast to the graph model", async () => {
    const r = await parley("bargain", "--rounds", "3");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Bargaining forecasts: The 2025 Ukraine peace process");
    for (const id of ["territory", "guarantee"]) expect(r.stdout).toContain(`(${id})`);
    expect(r.stdout).toContain("Expected utility (Bueno de Mesquita, after Scholz et al. 2011), round by round:");
    expect(r.stdout).toMatch(/What the forecast leaves of the graph model:\nUnder the .* forecasts, /);
  });

  it("writes JSON with trajectories and the Monte Carlo distribution, reproducibly", async () => {
    const args = ["bargain", "scenarios/ukraine-2025.yaml", "-m", "median,eu", "-n", "30", "--seed", "3", "-f", "json"];
    const a = JSON.parse((await parley(...args)).stdout);
    expect(a.format).toBe("parley-bargain/1");
    expect(a.models).toEqual(["median", "expected-utility"]);
    const t = a.issues[0];
    expect(t.id).toBe("territory");
    expect(t.forecasts.median.forecast).toBe(50);
    expect(t.forecasts["expected-utility"].rounds[0].positions).toEqual({ us: 50, ru: 100, ua: 0, eu: 10 });
    expect(t.forecasts.median.distribution.samples).toBe(30);
    expect(a.graphLink.concept).toBe("SEQ");
    expect(JSON.parse((await parley(...args)).stdout)).toEqual(a);
  });

  it("writes CSV, and says so when a scenario has no bargaining section", async () => {
    const csv = (await parley("bargain", "-m", "mean", "-f", "csv")).stdout.split("\n");
    expect(csv[0]).toBe("issue,model,round,forecast,positions");
    expect(csv[1]).toMatch(/^territory,mean,,48\.36/);
    const none = await parley("bargain", "scenarios/chicken.yaml");
    expect(none.code).toBe(0);
    expect(none.stdout).toContain("The scenario has no `bargaining` section");
  });

  it("refuses an unknown model with exit code 2", async () => {
    const r = await parley("bargain", "-m", "oracle");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown model 'oracle'; choose from mean, median, nash, expected-utility, smp");
  });
});

describe("gmcr-py export", () => {
  it("keeps the bargaining section under the parley key, so export then import forecasts the same", () => {
    const m = loadModel(readFileSync("scenarios/ukraine-2025.yaml", "utf8"), "scenarios/ukraine-2025.yaml");
    const file = JSON.parse(JSON.stringify(exportGmcrPy(m)));
    expect(file.parley.bargaining.issues.map((i: { id: string }) => i.id)).toEqual(["territory", "guarantee"]);
    const { scenario, issues } = validateData(importGmcrPy(file));
    expect(issues).toEqual([]);
    expect(scenario!.bargaining).toEqual(m.scenario.bargaining);
    const before = runBargaining(m.scenario, { samples: 20, seed: 3 });
    const after = runBargaining(scenario!, { samples: 20, seed: 3 });
    expect(after).toEqual(before);
  });
});

describe("the chart", () => {
  it("is a self-contained SVG with a line per dynamic model and escaped labels", () => {
    const m = loadModel(
      BASE +
        `bargaining:
  issues:
    - id: autonomy
      title: "Autonomy <b>&</b>"
      scale: { min: 0, max: 10, minLabel: none, maxLabel: full }
      positions:
        gov: { position: 2, salience: 0.9, capability: 3 }
        reb: { position: { value: 9, min: 8, max: 10 }, salience: 1, capability: 1 }
`,
    );
    const run = runBargaining(m.scenario, { samples: 20, seed: 1 });
    const svg = issueChartSvg(run.issues[0]);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain("Autonomy &lt;b&gt;&amp;&lt;/b&gt;");
    expect(svg).not.toContain("<b>");
    expect(svg).not.toMatch(/<script|href=/);
    expect((svg.match(/<polyline/g) ?? []).length).toBeGreaterThanOrEqual(1);
    expect(svg).toContain("5–95% of 20 draws");
  });
});

describe("the scenario's link model", () => {
  const text = readFileSync("scenarios/ukraine-2025.yaml", "utf8");

  it("is parley bargain's default --link-model; the option still overrides it", async () => {
    const own = JSON.parse((await parley("bargain", "scenarios/ukraine-2025.yaml", "-f", "json")).stdout);
    expect(own.graphLink.model).toBe("nash");
    const eu = JSON.parse((await parley("bargain", "scenarios/ukraine-2025.yaml", "--link-model", "expected-utility", "-f", "json")).stdout);
    expect(eu.graphLink.model).toBe("expected-utility");
    // Without a linkModel, the default stays the expected utility model.
    const without = loadModel(text.replace(/ {2}linkModel:\n {4}model: nash\n {4}assumption: .*\n/, ""));
    expect(without.scenario.bargaining!.linkModel).toBeUndefined();
  });

  it("must name one of the five models", () => {
    const bad = text.replace("    model: nash\n", "    model: nashh\n");
    expect(bad).not.toBe(text);
    expect(() => loadModel(bad, "bad.yaml")).toThrow(/linkModel\.model/);
  });
});
