/** Time in the model of play (src/analysis/timeline.ts): closed forms, Monte Carlo within its error, the long-run limit. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { play } from "../../src/analysis/play.js";
import { noUncertainty, uncertaintyOf } from "../../src/analysis/robustness.js";
import { questionTimeline, type TimelineOptions } from "../../src/analysis/timeline.js";
import { createContext, loadModel, statePattern, type Model } from "../../src/index.js";
import { CHAIN } from "../helpers/models.js";

const load = (f: string) => loadModel(readFileSync(`scenarios/${f}`, "utf8"), f);
/** States whose pattern matches (Y/N/-). */
const where = (m: Model, pattern: string) =>
  Uint8Array.from(m.states, (_, s) => ([...pattern].every((c, k) => c === "-" || c === statePattern(m, s)[k]) ? 1 : 0));
const TIMES = [0, 0.25, 0.5, 1, 2, 4, 8];

describe("closed forms", () => {
  it("Chicken with one move a month each: A swerves first by t with probability (1 - e^-2t)/2", () => {
    const m = load("chicken.yaml");
    const opts: TimelineOptions = { concept: "Nash", rules: [{ rule: "uniform", weight: 1 }], rates: [1, 1], times: TIMES };
    const r = questionTimeline(createContext(m), noUncertainty(m), [{ id: "a-swerves", holds: where(m, "Y-") }], opts);
    expect(r.exact).toBe(true);
    r.questions[0].probability.forEach((p, k) => expect(p).toBeCloseTo((1 - Math.exp(-2 * TIMES[k])) / 2, 9));
    r.settled.forEach((p, k) => expect(p).toBeCloseTo(1 - Math.exp(-2 * TIMES[k]), 9));
  });

  it("two moves in a row at rates 1 and 2: the second is made by t with the hypoexponential probability", () => {
    const m = loadModel(CHAIN, "chain.yaml");
    const opts: TimelineOptions = { concept: "Nash", rules: [{ rule: "uniform", weight: 1 }], rates: [1, 2], times: TIMES };
    const r = questionTimeline(
      createContext(m),
      noUncertainty(m),
      [
        { id: "y", holds: where(m, "-Y") },
        { id: "x", holds: where(m, "Y-") },
      ],
      opts,
    );
    r.questions[0].probability.forEach((p, k) => expect(p).toBeCloseTo(1 - (2 * Math.exp(-TIMES[k]) - Math.exp(-2 * TIMES[k])), 9));
    r.questions[1].probability.forEach((p, k) => expect(p).toBeCloseTo(1 - Math.exp(-TIMES[k]), 9));
  });

  it("a question that holds today has probability 1 from the start", () => {
    const m = load("chicken.yaml");
    const r = questionTimeline(createContext(m), noUncertainty(m), [{ id: "crash-course", holds: where(m, "NN") }], {
      concept: "SEQ",
      rules: [{ rule: "uniform", weight: 1 }],
      rates: [1, 1],
      times: [0, 1],
    });
    expect(r.questions[0].probability).toEqual([1, 1]);
  });
});

describe("the default scenario, with its uncertain preferences", () => {
  const m = load("ukraine-2025.yaml");
  const ctx = createContext(m);
  const u = uncertaintyOf(m);
  const bit = (id: string) => m.scenario.options.findIndex((o) => o.id === id);
  const holds = (id: string) => Uint8Array.from(m.states, (mask) => ((mask >> bit(id)) & 1 ? 1 : 0));
  const questions = [
    { id: "ceasefire", holds: holds("ru_ceasefire") },
    { id: "sanctions", holds: holds("us_sanctions") },
  ];
  const opts: TimelineOptions = {
    concept: "SEQ",
    rules: [
      { rule: "uniform", weight: 1 },
      { rule: "undeterred", weight: 1 },
    ],
    rates: [1, 0.5, 0.5, 0.5],
    times: [1, 3, 6, 12, 120],
  };

  it("exact: probabilities grow with time and settle where the model of play settles", () => {
    const r = questionTimeline(ctx, u, questions, opts);
    expect(r.exact).toBe(true);
    for (const q of r.questions) for (let k = 1; k < q.probability.length; k++) expect(q.probability[k]).toBeGreaterThanOrEqual(q.probability[k - 1] - 1e-12);
    const long = play(ctx, u, { concept: "SEQ", rules: opts.rules, rates: opts.rates, horizon: 200 });
    expect(r.settled[r.settled.length - 1]).toBeCloseTo(long.settled, 6);
  });

  it("curves asked for other starts (also) equal separate runs from those starts, exact and sampled", () => {
    const others = [m.statusQuo ^ 0, 0, m.states.length - 1].filter((s, k, a) => a.indexOf(s) === k);
    for (const method of ["auto", "sample"] as const) {
      const o = { ...opts, method, samples: 500, seed: 5 };
      const joint = questionTimeline(ctx, u, questions, { ...o, also: others });
      others.forEach((s, a) => {
        const alone = questionTimeline(ctx, u, questions, { ...o, from: s });
        joint.also[a].forEach((q, j) => q.probability.forEach((p, k) => expect(p).toBeCloseTo(alone.questions[j].probability[k], 12)));
      });
    }
  });

  it("Monte Carlo agrees with the exact curves within its stated error", () => {
    const exact = questionTimeline(ctx, u, questions, opts);
    const mc = questionTimeline(ctx, u, questions, { ...opts, method: "sample", samples: 3000, seed: 11 });
    expect(mc.exact).toBe(false);
    exact.questions.forEach((q, j) =>
      q.probability.forEach((p, k) => {
        const se = Math.sqrt((p * (1 - p)) / 3000);
        expect(Math.abs(mc.questions[j].probability[k] - p), `${q.id} at ${opts.times[k]}`).toBeLessThanOrEqual(5 * se + 1e-9);
      }),
    );
    expect(questionTimeline(ctx, u, questions, { ...opts, method: "sample", samples: 3000, seed: 11 })).toEqual(mc);
  });
});
