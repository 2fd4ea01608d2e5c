/** The forecast of a scenario (src/analysis/forecast.ts): dates, retrodictions, questions, families and signposts. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { asOfDate, forecast, monthsBetween } from "../../src/analysis/forecast.js";
import { noUncertainty, uncertaintyOf } from "../../src/analysis/robustness.js";
import { createContext, loadModel, statePattern } from "../../src/index.js";

describe("dates", () => {
  it("reads the scenario's as-of date: a day as is, a month as its 15th, anything else as none", () => {
    expect(asOfDate("2025-08-20")).toBe("2025-08-20");
    expect(asOfDate("2025-08")).toBe("2025-08-15");
    expect(asOfDate("August 2025")).toBe("2025-08-15");
    expect(asOfDate("late Aug 2025")).toBe("2025-08-15");
    expect(asOfDate("2025-02-30")).toBeNull();
    expect(asOfDate("summer 2025")).toBeNull();
    expect(asOfDate(undefined)).toBeNull();
    expect(monthsBetween("2025-01-01", "2026-01-01")).toBeCloseTo(365 / 30.4375, 12);
  });
});

/** Chicken with a question: does driver A swerve by a date? Rates: one move a month each. */
const CHICKEN = readFileSync("scenarios/chicken.yaml", "utf8").replace(
  "statusQuo: NN",
  `statusQuo: NN
asOf: 2025-01-01
questions:
  - { id: a_swerves, question: Will driver A swerve by 1 March 2025?, condition: a_swerves, by: 2025-03-01 }
  - { id: b_swerves, question: Will driver B swerve by 1 March 2025?, condition: b_swerves, by: 2025-03-01 }`,
);

describe("forecast", () => {
  const m = loadModel(CHICKEN, "chicken.yaml");
  const ctx = createContext(m);

  it("is dated the day it is computed; a question whose date is still ahead is a forecast from today", () => {
    const f = forecast(ctx, noUncertainty(m), { today: "2025-02-01", rules: [{ rule: "uniform", weight: 1 }], concept: "Nash" });
    expect(f.made).toBe("2025-02-01");
    expect(f.asOf).toBe("2025-01-01");
    const q = f.questions[0];
    expect(q.retrodiction).toBe(false);
    // From 1 February: 28 days, total rate 2, A moves first half the time.
    const t = 28 / 30.4375;
    expect(q.probability).toBeCloseTo((1 - Math.exp(-2 * t)) / 2, 9);
    expect(q.curve[q.curve.length - 1]).toEqual({ date: "2025-03-01", probability: q.probability });
  });

  it("a question whose date has passed is a retrodiction from the scenario's own date, and without one it gets no probability", () => {
    const f = forecast(ctx, noUncertainty(m), { today: "2026-12-07", rules: [{ rule: "uniform", weight: 1 }], concept: "Nash" });
    const q = f.questions[0];
    expect(q.retrodiction).toBe(true);
    const t = monthsBetween("2025-01-01", "2025-03-01");
    expect(q.probability).toBeCloseTo((1 - Math.exp(-2 * t)) / 2, 9);
    const undated = loadModel(CHICKEN.replace("asOf: 2025-01-01\n", ""), "c.yaml");
    const g = forecast(createContext(undated), noUncertainty(undated), { today: "2026-12-07" });
    expect(g.asOf).toBeNull();
    expect(g.questions.map((x) => [x.retrodiction, x.probability])).toEqual([
      [true, null],
      [true, null],
    ]);
  });

  it("outcomes and their families each sum to 1", () => {
    const f = forecast(ctx, noUncertainty(m), { today: "2025-02-01" });
    expect(f.outcomes.reduce((a, o) => a + o.probability, 0)).toBeCloseTo(1, 12);
    expect(f.families.reduce((a, o) => a + o.probability, 0)).toBeCloseTo(1, 12);
  });

  it("signposts: each single move from today with the questions as they would be after it; a move that answers a question is marked", () => {
    const f = forecast(ctx, noUncertainty(m), { today: "2025-02-01", rules: [{ rule: "uniform", weight: 1 }], concept: "Nash" });
    expect(f.signposts.map((s) => statePattern(m, s.to)).sort()).toEqual(["NY", "YN"]);
    const aSwerves = f.signposts.find((s) => statePattern(m, s.to) === "YN")!;
    expect(aSwerves).toMatchObject({ dm: 0, changes: [{ option: 0, taken: true }], nextMove: 0.5 });
    // After A swerves, A's question is answered; B will never swerve (YN is an equilibrium): B's drops to 0.
    expect(aSwerves.questions[0]).toMatchObject({ id: "a_swerves", probability: 1, answers: true });
    expect(aSwerves.questions[1].probability).toBe(0);
    expect(aSwerves.questions[1].change).toBeCloseTo(-f.questions[1].probability!, 12);
    expect(aSwerves.impact).toBeCloseTo(f.questions[1].probability!, 12);
  });
});

describe("the default scenario", () => {
  const m = loadModel(readFileSync("scenarios/ukraine-2025.yaml", "utf8"), "ukraine-2025.yaml");
  const f = forecast(createContext(m), uncertaintyOf(m), { today: "2026-12-07" });

  it("has 4 to 6 questions, every one with a probability and a date; all are retrodictions now", () => {
    expect(f.questions.length).toBeGreaterThanOrEqual(4);
    expect(f.questions.length).toBeLessThanOrEqual(6);
    for (const q of f.questions) {
      expect(q.probability).not.toBeNull();
      expect(q.probability!).toBeGreaterThanOrEqual(0);
      expect(q.probability!).toBeLessThanOrEqual(1);
      expect(q.by).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(q.retrodiction).toBe(true);
      for (let k = 1; k < q.curve.length; k++) expect(q.curve[k].probability).toBeGreaterThanOrEqual(q.curve[k - 1].probability - 1e-12);
    }
    expect(f.outcomes.reduce((a, o) => a + o.probability, 0)).toBeCloseTo(1, 9);
  });

  it("lists moves of several options at once: Russia agreeing to a ceasefire and halting its offensive (the constraint ties them)", () => {
    const id = (o: number) => m.scenario.options[o].id;
    const cease = f.signposts.find(
      (s) =>
        s.changes.length === 2 &&
        s.changes.some((c) => id(c.option) === "ru_ceasefire" && c.taken) &&
        s.changes.some((c) => id(c.option) === "ru_offensive" && !c.taken),
    );
    expect(cease).toBeDefined();
    // A signpost, not an expectation: in no reading does Russia gain by it from today, so the model never expects it next.
    expect(cease!.nextMove).toBe(0);
    expect(cease!.questions.find((q) => q.id === "ceasefire_2025")!.answers).toBe(true);
  });

  it("within a limit, keeps the moves the model expects next", () => {
    const g = forecast(createContext(m), uncertaintyOf(m), { today: "2026-12-07", signposts: 3 });
    expect(g.signposts).toHaveLength(3);
    const likeliest = f.signposts.reduce((a, b) => (b.nextMove > a.nextMove ? b : a));
    expect(g.signposts.some((s) => s.to === likeliest.to)).toBe(true);
    expect(forecast(createContext(m), uncertaintyOf(m), { today: "2026-12-07", signposts: 0 }).signposts).toEqual([]);
  });

  it("ranks signposts by how much they move the questions they do not answer", () => {
    expect(f.signposts.length).toBeGreaterThan(3);
    for (let k = 1; k < f.signposts.length; k++) expect(f.signposts[k].impact).toBeLessThanOrEqual(f.signposts[k - 1].impact);
  });
});
