/** The stochastic model of play (src/analysis/play.ts): hand-worked cases, degenerate cases and properties. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MOVE_RULES, play, type MoveRule, type PlayOptions, type PlayResult } from "../../src/analysis/play.js";
import { noUncertainty, uncertaintyOf } from "../../src/analysis/robustness.js";
import { analyze, CONCEPTS, compileScenario, createContext, loadModel, statePattern, validateData, type Concept, type Model } from "../../src/index.js";
import { fixtureToScenarioData, plainFixtures } from "../helpers/fixtures.js";
import { CHAIN } from "../helpers/models.js";

const load = (f: string) => loadModel(readFileSync(`scenarios/${f}`, "utf8"), f);
const certain = (m: Model, opts: Partial<PlayOptions> = {}) =>
  play(createContext(m), noUncertainty(m), { concept: "Nash", rules: [{ rule: "uniform", weight: 1 }], horizon: 20, ...opts });
const byPattern = (m: Model, r: PlayResult) => Object.fromEntries(r.outcomes.map((o) => [statePattern(m, o.state), o.probability]));
const total = (r: PlayResult) => r.outcomes.reduce((a, o) => a + o.probability, 0);

describe("hand-worked cases", () => {
  it("one improving path from today: probability 1 to its end, reached in exactly two moves", () => {
    const m = loadModel(CHAIN, "chain.yaml");
    // (Under GMR, SMR and SIM, YN is already stable: a's withdrawal of x would sanction b's move.)
    for (const rule of MOVE_RULES)
      for (const concept of ["Nash", "SEQ"] as Concept[]) {
        const r = certain(m, { rules: [{ rule, weight: 1 }], concept });
        expect(r.exact).toBe(true);
        expect(byPattern(m, r), `${rule} ${concept}`).toEqual({ YY: 1 });
        expect(r.settledBy).toEqual([0, 0, ...Array(19).fill(1)]);
        expect(r.expectedMoves).toBe(2);
        expect(r.outcomes[0].settledProbability).toBe(1);
      }
  });

  it("a horizon shorter than the path leaves play unsettled where it stands", () => {
    const m = loadModel(CHAIN, "chain.yaml");
    const r = certain(m, { horizon: 1 });
    expect(byPattern(m, r)).toEqual({ YN: 1 });
    expect(r.settled).toBe(0);
    expect(r.outcomes[0].settledProbability).toBe(0);
  });

  it("Chicken from a crash course: each driver swerves first with probability 1/2, and play stops there", () => {
    const m = load("chicken.yaml");
    for (const concept of ["Nash", "SEQ", "GMR"] as Concept[]) expect(byPattern(m, certain(m, { concept }))).toEqual({ YN: 0.5, NY: 0.5 });
  });

  it("rates decide who moves first: a driver with rate 3 swerves first three times in four", () => {
    const m = load("chicken.yaml");
    const r = byPattern(m, certain(m, { rates: [3, 1] }));
    expect(r.YN).toBeCloseTo(0.75, 12);
    expect(r.NY).toBeCloseTo(0.25, 12);
  });

  it("a decision maker with rate 0 never moves", () => {
    const m = load("chicken.yaml");
    expect(byPattern(m, certain(m, { rates: [0, 1] }))).toEqual({ NY: 1 });
  });

  it("an equilibrium status quo stays where it is with probability 1", () => {
    const m = load("prisoners-dilemma.yaml");
    const yy = Array.from(m.states, (_, s) => s).find((s) => statePattern(m, s) === "YY")!;
    for (const rule of MOVE_RULES) {
      const r = certain(m, { from: yy, rules: [{ rule, weight: 1 }] });
      expect(r.outcomes).toEqual([{ state: yy, probability: 1, stderr: 0, settledProbability: 1 }]);
      expect(r.expectedMoves).toBe(0);
    }
  });

  it("mixes behaviour rules by their weights", () => {
    const m = load("elmira.yaml");
    const ctx = createContext(m);
    const u = noUncertainty(m);
    const one = (rule: MoveRule) => play(ctx, u, { concept: "SEQ", rules: [{ rule, weight: 1 }], horizon: 10 });
    const mixed = play(ctx, u, {
      concept: "SEQ",
      rules: [
        { rule: "uniform", weight: 3 },
        { rule: "undeterred", weight: 1 },
      ],
      horizon: 10,
    });
    const [a, b] = [one("uniform"), one("undeterred")];
    const p = (r: PlayResult, s: number) => r.outcomes.find((o) => o.state === s)?.probability ?? 0;
    for (const o of mixed.outcomes) expect(o.probability).toBeCloseTo(0.75 * p(a, o.state) + 0.25 * p(b, o.state), 12);
  });
});

/** The plain oracle models as Parley models. */
const oracleModels = plainFixtures().map(({ file, fixture }) => {
  const { scenario, issues } = validateData(fixtureToScenarioData(fixture));
  expect(issues).toEqual([]);
  return { file, model: compileScenario(scenario!) };
});

describe("properties on the oracle models", () => {
  it("probabilities sum to 1, settled parts are within them, outcomes are equilibria or unsettled, for every rule and concept", () => {
    for (const { file, model } of oracleModels) {
      const a = analyze(model);
      for (const concept of CONCEPTS)
        for (const rule of MOVE_RULES) {
          const r = certain(model, { concept, rules: [{ rule, weight: 1 }], horizon: 12 });
          expect(total(r), `${file} ${concept} ${rule}`).toBeCloseTo(1, 9);
          const eq = new Set(a.equilibria[concept]);
          for (const o of r.outcomes) {
            expect(o.settledProbability).toBeLessThanOrEqual(o.probability + 1e-12);
            if (o.settledProbability > 0) expect(eq.has(o.state), `${file}: settled at a non-equilibrium`).toBe(true);
          }
          expect(r.settled).toBeCloseTo(
            r.outcomes.reduce((x, o) => x + o.settledProbability, 0),
            9,
          );
          for (let k = 1; k < r.settledBy.length; k++) expect(r.settledBy[k]).toBeGreaterThanOrEqual(r.settledBy[k - 1] - 1e-12);
        }
    }
  });

  it("under Nash, only undeterred improvements is the same as any improvement", () => {
    for (const { model } of oracleModels.slice(0, 15)) {
      const u = certain(model, { rules: [{ rule: "uniform", weight: 1 }] });
      const d = certain(model, { rules: [{ rule: "undeterred", weight: 1 }] });
      expect(d.outcomes).toEqual(u.outcomes);
    }
  });

  it("Monte Carlo agrees with the exact result within its stated error, and the same seed gives the same numbers", () => {
    for (const { file, model } of oracleModels.filter((_, k) => k % 3 === 0)) {
      const opts: Partial<PlayOptions> = {
        concept: "SEQ",
        rules: [
          { rule: "gain", weight: 1 },
          { rule: "uniform", weight: 1 },
        ],
        horizon: 8,
      };
      const exact = certain(model, opts);
      const mc = certain(model, { ...opts, method: "sample", samples: 4000, seed: 7 });
      expect(mc.exact).toBe(false);
      expect(mc.samples).toBe(4000);
      expect(total(mc)).toBeCloseTo(1, 9);
      const pm = new Map(mc.outcomes.map((o) => [o.state, o.probability]));
      for (const o of exact.outcomes) {
        const se = Math.sqrt((o.probability * (1 - o.probability)) / 4000);
        expect(Math.abs((pm.get(o.state) ?? 0) - o.probability), `${file} state ${o.state + 1}`).toBeLessThanOrEqual(5 * se + 1e-9);
      }
      expect(certain(model, { ...opts, method: "sample", samples: 4000, seed: 7 })).toEqual(mc);
    }
  });
});

describe("with uncertain preferences (the default scenario)", () => {
  const m = load("ukraine-2025.yaml");
  const ctx = createContext(m);
  const u = uncertaintyOf(m);

  it("is exact over the scenario's preference profiles, sums to 1, and Monte Carlo agrees within its error", () => {
    const opts: PlayOptions = { concept: "SEQ", rules: [{ rule: "uniform", weight: 1 }], horizon: 15 };
    const exact = play(ctx, u, opts);
    expect(exact.exact).toBe(true);
    expect(total(exact)).toBeCloseTo(1, 9);
    const mc = play(ctx, u, { ...opts, method: "sample", samples: 3000, seed: 3 });
    const pm = new Map(mc.outcomes.map((o) => [o.state, o.probability]));
    for (const o of exact.outcomes) {
      const se = Math.sqrt((o.probability * (1 - o.probability)) / 3000);
      expect(Math.abs((pm.get(o.state) ?? 0) - o.probability)).toBeLessThanOrEqual(5 * se + 1e-9);
    }
  });

  it("with every uncertain statement certain, equals the deterministic model", () => {
    const opts: PlayOptions = { concept: "SEQ", rules: [{ rule: "gain", weight: 1 }], horizon: 15 };
    expect(play(ctx, { ...u, statements: [], alternatives: u.alternatives.map(() => []) }, opts)).toEqual(play(ctx, noUncertainty(m), opts));
  });
});

describe("undeterred moves", () => {
  it("under GMR and SEQ, one sanction pass per decision maker gives the same moves as the sanction searches of explainState", async () => {
    const { allowedMoves, profileOf } = await import("../../src/analysis/play.js");
    const { explainState } = await import("../../src/stability/explain.js");
    for (const { file, model } of oracleModels) {
      const ctx = createContext(model);
      for (const concept of ["GMR", "SEQ"] as Concept[]) {
        const p = profileOf(ctx, model.pref, concept);
        for (let s = 0; s < model.states.length; s++)
          for (let i = 0; i < model.nDMs; i++) {
            const fast = allowedMoves(p, concept, "undeterred", i, s).to.sort((a, b) => a - b);
            const slow = explainState(ctx, s, i, [concept])
              .improvements.filter((imp) => imp.sanctions[concept] == null)
              .map((imp) => imp.to)
              .sort((a, b) => a - b);
            expect(fast, `${file} ${concept} state ${s + 1} DM ${i}`).toEqual(slow);
          }
      }
    }
  });
});
