/**
 * Improvement sets driving the engine's passes (src/stability/improvement-reach.ts
 * for SEQ, bestOverMoves for SMR's escapes) against the move-by-move passes
 * they stand in for, on random models with infeasible states, irreversible
 * options and ties, and on unconstrained ones.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario, validateData, type Model } from "../../src/index.js";
import { bestOverMoves, reachMinImplicit } from "../../src/stability/implicit.js";
import { improvingApplies, reachMinImproving } from "../../src/stability/improvement-reach.js";
import { generateModel, generateScenarioData, rng } from "../../bench/generate.js";

const modelArb = fc
  .record({
    dms: fc.integer({ min: 1, max: 5 }),
    options: fc.integer({ min: 2, max: 12 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    constrained: fc.boolean(),
  })
  .map(({ dms, options, seed, constrained }): { model: Model; seed: number } => {
    const d = Math.min(dms, options);
    if (constrained) return { model: generateModel(d, options, seed), seed };
    const { scenario } = validateData({ ...generateScenarioData(d, options, seed), infeasible: [] });
    return { model: compileScenario(scenario!), seed };
  });

describe("passes over improvement sets", () => {
  it("reach the same minimum over a coalition's improvements as the move-by-move pass", () => {
    fc.assert(
      fc.property(modelArb, ({ model, seed }) => {
        const r = rng(seed);
        const value = Int32Array.from(model.states, () => Math.floor(r() * 9));
        for (let bits = 1; bits < 1 << model.nDMs; bits++) {
          const H = Array.from({ length: model.nDMs }, (_, d) => d).filter((d) => bits & (1 << d));
          if (!improvingApplies(model, H)) continue;
          // Copied: both passes return the model's shared scratch array.
          const want = [...reachMinImplicit(model, H, true, value)];
          expect([...reachMinImproving(model, H, value)], `coalition ${H}`).toEqual(want);
        }
      }),
      { seed: 26, numRuns: 80 },
    );
  });

  it("find the same best escape for every DM", () => {
    fc.assert(
      fc.property(modelArb, ({ model }) => {
        for (let d = 0; d < model.nDMs; d++) {
          // A copy of the levels takes the move-by-move path.
          expect([...bestOverMoves(model, d, model.pref[d])]).toEqual([...bestOverMoves(model, d, model.pref[d].slice())]);
        }
      }),
      { seed: 27, numRuns: 60 },
    );
  });

  it("apply to coalitions whose members have at most five options", () => {
    const model = generateModel(2, 12, 1);
    expect(improvingApplies(model, [0])).toBe(false);
    expect(improvingApplies(generateModel(3, 12, 1), [0, 2])).toBe(true);
    expect(improvingApplies(model, [])).toBe(false);
  });
});
