/**
 * reachMin by blocks (src/stability/product-reach.ts), used by GMR and SMR
 * when every candidate state is feasible, against the graph pass it replaces
 * there (reachMinImplicit): the same minimum for every state, every coalition
 * and random values, on unconstrained random models with irreversible
 * options; and it does not apply to a model with an infeasible state.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario, createContext, validateData, type Model } from "../../src/index.js";
import { SOLVERS } from "../../src/stability/analyze.js";
import { reachMinImplicit } from "../../src/stability/implicit.js";
import { productApplies, productReachMin } from "../../src/stability/product-reach.js";
import { generateModel, generateScenarioData, rng } from "../../bench/generate.js";

function unconstrained(dms: number, options: number, seed: number): Model {
  const { scenario, issues } = validateData({ ...generateScenarioData(dms, options, seed), infeasible: [] });
  expect(issues).toEqual([]);
  return compileScenario(scenario!);
}

const modelArb = fc
  .record({ dms: fc.integer({ min: 1, max: 5 }), options: fc.integer({ min: 2, max: 13 }), seed: fc.integer({ min: 1, max: 1_000_000 }) })
  .map(({ dms, options, seed }) => ({ model: unconstrained(Math.min(dms, options), options, seed), seed }));

describe("reachMin by blocks", () => {
  it("equals the graph pass for every coalition on unconstrained models", () => {
    fc.assert(
      fc.property(modelArb, ({ model, seed }) => {
        const r = rng(seed);
        const value = Int32Array.from(model.states, () => Math.floor(r() * 9) - 4);
        for (let bits = 1; bits < 1 << model.nDMs; bits++) {
          const H = Array.from({ length: model.nDMs }, (_, d) => d).filter((d) => bits & (1 << d));
          if (!productApplies(model)) continue;
          expect([...productReachMin(model, H, value)], `coalition ${H}`).toEqual([...reachMinImplicit(model, H, false, value)]);
        }
      }),
      { seed: 23, numRuns: 100 },
    );
  });

  it("gives GMR and SMR the stability of the stored-list path", () => {
    fc.assert(
      fc.property(modelArb, ({ model }) => {
        const implicit = createContext(model);
        const stored = { model, moves: implicit.moves };
        for (const c of ["GMR", "SMR"] as const)
          for (let i = 0; i < model.nDMs; i++) expect([...SOLVERS[c](implicit, i)], `${c} for DM ${i}`).toEqual([...SOLVERS[c](stored, i)]);
      }),
      { seed: 24, numRuns: 60 },
    );
  });

  it("applies only when every candidate state is feasible", () => {
    expect(productApplies(unconstrained(3, 9, 2))).toBe(true);
    expect(productApplies(unconstrained(2, 14, 2))).toBe(true); // seven options each
    const constrained = generateModel(3, 9, 2);
    expect(constrained.states.length).toBeLessThan(2 ** 9);
    expect(productApplies(constrained)).toBe(false);
  });
});
