/**
 * Preference uncertainty: exact enumeration and seeded sampling agree with
 * the deterministic analysis where they must, sampling stays within its
 * intervals, runs are reproducible, and an interrupted run keeps its partial result.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { noUncertainty, robustness, wilson, type PreferenceUncertainty } from "../src/analysis/robustness.js";
import { applyChange, withPreference } from "../src/analysis/sensitivity.js";
import { analyze, compileScenario, createContext, CONCEPTS, loadModel, validateData } from "../src/index.js";
import { fixtureToScenarioData, plainFixtures } from "./helpers/fixtures.js";

const load = (f: string) => loadModel(readFileSync(`scenarios/${f}`, "utf8"), f);

describe("robustness", () => {
  it("with no uncertainty (or every probability 1) equals the deterministic result, exactly", () => {
    for (const { fixture } of plainFixtures().slice(0, 12)) {
      const m = compileScenario(validateData(fixtureToScenarioData(fixture)).scenario!);
      const a = analyze(m);
      const certain: PreferenceUncertainty = {
        ...noUncertainty(m),
        statements: m.scenario.preferences.flatMap((p, dm) =>
          p.kind === "statements" ? p.statements.map((_, index) => ({ dm, alternative: -1, index, probability: 1, label: "" })) : [],
        ),
      };
      for (const u of [noUncertainty(m), certain]) {
        const r = robustness(a.context, u, { concepts: CONCEPTS });
        expect(r.exact).toBe(true);
        for (const c of CONCEPTS) {
          const sure = r.states.filter((s) => s.probability[c]!.p === 1).map((s) => s.state).sort((x, y) => x - y);
          expect(sure).toEqual(a.equilibria[c]);
          expect(r.states.every((s) => s.probability[c]!.p === 0 || s.probability[c]!.p === 1)).toBe(true);
        }
      }
    }
  });

  it("weights each profile exactly: a statement held with probability p mixes the two analyses", () => {
    const m = load("prisoners-dilemma.yaml");
    // P1 cares that confessing is better (statement 2) only with probability 0.25.
    const u: PreferenceUncertainty = { ...noUncertainty(m), statements: [{ dm: 0, alternative: -1, index: 1, probability: 0.25, label: "p1 confesses" }] };
    const r = robustness(createContext(m), u, { concepts: ["Nash"] });
    const without = analyze(withPreference(m, 0, applyChange(m.scenario.preferences[0], { kind: "drop", dm: 0, index: 1 })), { concepts: ["Nash"] }).equilibria.Nash!;
    const base = analyze(m, { concepts: ["Nash"] }).equilibria.Nash!;
    for (let s = 0; s < m.states.length; s++) {
      const expected = 0.25 * (base.includes(s) ? 1 : 0) + 0.75 * (without.includes(s) ? 1 : 0);
      expect(r.states.find((x) => x.state === s)?.probability.Nash?.p ?? 0).toBeCloseTo(expected, 12);
    }
    expect(r.influence[0].shift).toBe(1);
  });

  it("samples within the confidence interval of the exact answer, reproducibly", () => {
    const m = load("ukraine-2025.yaml");
    const ctx = createContext(m);
    const u: PreferenceUncertainty = {
      ...noUncertainty(m),
      statements: [
        { dm: 0, alternative: -1, index: 5, probability: 0.6, label: "us conditional sanctions" },
        { dm: 1, alternative: -1, index: 3, probability: 0.7, label: "ru offensive" },
      ],
    };
    const exact = robustness(ctx, u, { concepts: ["Nash", "SEQ"] });
    const sampled = robustness(ctx, u, { concepts: ["Nash", "SEQ"], exactLimit: 1, samples: 4000, seed: 7 });
    const again = robustness(ctx, u, { concepts: ["Nash", "SEQ"], exactLimit: 1, samples: 4000, seed: 7 });
    expect(exact.exact).toBe(true);
    expect(sampled.exact).toBe(false);
    expect(sampled.states).toEqual(again.states);
    expect(sampled.distinctProfiles).toBe(4);
    let outside = 0;
    let checked = 0;
    for (const e of exact.states)
      for (const c of ["Nash", "SEQ"] as const) {
        const s = sampled.states.find((x) => x.state === e.state)?.probability[c];
        const p = e.probability[c]!.p;
        checked++;
        if (!s || p < s.low - 1e-12 || p > s.high + 1e-12) outside++;
      }
    // A 95% interval misses the truth about 5% of the time.
    expect(outside / checked).toBeLessThan(0.15);
  });

  it("stops when asked and keeps the partial result", () => {
    const m = load("ukraine-2025.yaml");
    const u: PreferenceUncertainty = { ...noUncertainty(m), statements: [{ dm: 1, alternative: -1, index: 3, probability: 0.5, label: "" }] };
    let calls = 0;
    const r = robustness(createContext(m), u, {
      concepts: ["Nash"],
      exactLimit: 1,
      samples: 100_000,
      seed: 3,
      shouldStop: () => ++calls >= 2,
    });
    expect(r.interrupted).toBe(true);
    expect(r.done).toBe(512);
    expect(r.states.length).toBeGreaterThan(0);
  });

  it("computes Wilson intervals", () => {
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
    const w = wilson(50, 100);
    expect(w.low).toBeCloseTo(0.4038, 3);
    expect(w.high).toBeCloseTo(0.5962, 3);
  });
});
