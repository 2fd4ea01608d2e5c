/**
 * Work split into shards (src/analysis/draws.ts): for random models, seeds
 * and numbers of shards, running every shard's share, sending each shard's
 * records through JSON (as a partial result file does) and merging them
 * gives exactly the one run's result, bit for bit (toEqual compares numbers
 * with Object.is).
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allDraws, mergedDraws, shardDraws, shardRange, type Draws, type LoopRecord } from "../../src/analysis/draws.js";
import { equilibriumSurvival, survivalOf } from "../../src/analysis/compare.js";
import { forecast } from "../../src/analysis/forecast.js";
import { MOVE_RULES, play } from "../../src/analysis/play.js";
import { robustness, uncertaintyOf, type PreferenceUncertainty } from "../../src/analysis/robustness.js";
import { robustnessWith } from "../../src/analysis/robustness-split.js";
import { questionTimeline } from "../../src/analysis/timeline.js";
import { monteCarlo } from "../../src/bargaining/monte-carlo.js";
import { analyze, createContext, loadModel, type Concept, type Model } from "../../src/index.js";
import { arbBargainingIssue, arbModel, runs } from "../helpers/arbitraries.js";

/** The computation run as `count` shards, each shard's records through JSON, then merged. */
function sharded<T>(count: number, compute: (draws: Draws) => T): T {
  const records: LoopRecord[][] = [];
  for (let i = 1; i <= count; i++) {
    const d = shardDraws(i, count);
    compute(d);
    records.push(JSON.parse(JSON.stringify(d.records)) as LoopRecord[]);
  }
  const merged = mergedDraws(records);
  const out = compute(merged);
  merged.finished();
  return out;
}

/** Models whose statements each hold with a drawn probability (some certain, some never). */
const uncertainCase = fc
  .tuple(
    arbModel({ dms: [2, 3], optionsPerDM: [1, 2], maxOptions: 6, maxInfeasible: 1, preferences: "statements" }),
    fc.array(fc.constantFrom(0, 0.2, 0.5, 0.9, 1), { minLength: 12, maxLength: 12 }),
  )
  .map(([model, ps]) => {
    let k = 0;
    const statements: PreferenceUncertainty["statements"] = model.scenario.preferences.flatMap((p, dm) =>
      p.kind === "statements"
        ? p.statements.map((_, index) => ({ dm, alternative: -1, index, probability: ps[k++ % ps.length], label: `s${dm}.${index}` }))
        : [],
    );
    const u: PreferenceUncertainty = { alternatives: model.scenario.preferences.map(() => []), statements };
    return { model, u };
  });

const shards = fc.integer({ min: 1, max: 7 });
const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });

describe("shard ranges", () => {
  it("cover 0..total-1 once, in order, for any number of shards", () => {
    fc.assert(
      fc.property(fc.nat(500), shards, (total, count) => {
        let at = 0;
        for (let i = 1; i <= count; i++) {
          const { from, to } = shardRange(total, i, count);
          expect(from).toBe(at);
          expect(to).toBeGreaterThanOrEqual(from);
          at = to;
        }
        expect(at).toBe(total);
      }),
      runs(100),
    );
  });
});

describe("sharded and merged equals one run", () => {
  it("robustness, sampled and exact: the shards divide the distinct profiles", () => {
    fc.assert(
      fc.property(uncertainCase, shards, seeds, fc.integer({ min: 1, max: 300 }), fc.boolean(), ({ model, u }, count, seed, samples, exact) => {
        const ctx = createContext(model);
        const opts = { concepts: ["Nash", "GMR", "SEQ"] as Concept[], samples, seed, exactLimit: exact ? 4096 : 0 };
        const one = { ...robustness(ctx, u, opts), elapsedMs: 0 };
        expect({ ...robustnessWith(ctx, u, opts, allDraws), elapsedMs: 0 }).toEqual(one);
        expect({ ...sharded(count, (d) => robustnessWith(ctx, u, opts, d)), elapsedMs: 0 }).toEqual(one);
      }),
      runs(25),
    );
  });

  it("the model of play, sampled: outcomes, settling and moves", () => {
    fc.assert(
      fc.property(
        uncertainCase,
        shards,
        seeds,
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom(...MOVE_RULES),
        ({ model, u }, count, seed, samples, horizon, rule) => {
          const ctx = createContext(model);
          const opts = {
            concept: "SEQ" as Concept,
            rules: [
              { rule, weight: 2 },
              { rule: "uniform" as const, weight: 1 },
            ],
            horizon,
            method: "sample" as const,
            samples,
            seed,
          };
          const one = play(ctx, u, opts);
          expect(sharded(count, (draws) => play(ctx, u, { ...opts, draws }))).toEqual(one);
        },
      ),
      runs(25),
    );
  });

  it("question timelines, sampled, with other starts (signposts)", () => {
    fc.assert(
      fc.property(uncertainCase, shards, seeds, fc.integer({ min: 1, max: 300 }), fc.nat(), ({ model, u }, count, seed, samples, pick) => {
        const ctx = createContext(model);
        const S = model.states.length;
        const questions = [0, 1].map((j) => ({ id: `q${j}`, holds: Uint8Array.from(model.states, (_, s) => ((s * 7 + pick + j) % 3 === 0 ? 1 : 0)) }));
        const opts = {
          concept: "GMR" as Concept,
          rules: [{ rule: "undeterred" as const, weight: 1 }],
          rates: model.scenario.decisionMakers.map((_, d) => 1 + d),
          times: [0.5, 1, 3],
          method: "sample" as const,
          samples,
          seed,
          also: [pick % S, (pick >> 3) % S],
        };
        const one = questionTimeline(ctx, u, questions, opts);
        expect(sharded(count, (draws) => questionTimeline(ctx, u, questions, { ...opts, draws }))).toEqual(one);
      }),
      runs(25),
    );
  });

  it("the forecast of the default scenario, sampled: outcomes, questions and signposts", () => {
    const m = loadModel(readFileSync("scenarios/ukraine-2025.yaml", "utf8"), "ukraine-2025.yaml");
    const ctx = createContext(m);
    const u = uncertaintyOf(m);
    fc.assert(
      fc.property(shards, seeds, fc.integer({ min: 1, max: 120 }), (count, seed, samples) => {
        const opts = { today: "2025-09-01", method: "sample" as const, samples, seed, horizon: 12, signposts: 3 };
        const one = forecast(ctx, u, opts);
        expect(sharded(count, (draws) => forecast(ctx, u, { ...opts, draws }))).toEqual(one);
      }),
      runs(4),
    );
  });

  it("bargaining Monte Carlo: every model's distribution over the ranges", () => {
    const ranged = arbBargainingIssue.chain((issue) =>
      fc.tuple(...issue.actors.map(() => fc.integer({ min: 0, max: 20 }))).map((spread) => ({
        min: issue.min,
        max: issue.max,
        actors: issue.actors.map((a, k) => ({
          id: a.id,
          position: { value: a.position, min: Math.max(0, a.position - spread[k]), max: Math.min(100, a.position + spread[k]) },
          salience: { value: a.salience, min: 0.1, max: Math.max(0.1, a.salience) },
          capability: { value: a.capability },
        })),
      })),
    );
    fc.assert(
      fc.property(ranged, shards, seeds, fc.integer({ min: 1, max: 40 }), (u, count, seed, samples) => {
        const quick = { rounds: 3, smp: { grid: 9 } };
        const one = monteCarlo(u, samples, seed, quick);
        expect(sharded(count, (draws) => monteCarlo(u, samples, seed, { ...quick, draws }))).toEqual(one);
      }),
      runs(15),
    );
  });

  it("the survival table over versions: the shards divide the versions", () => {
    fc.assert(
      fc.property(
        fc.array(arbModel({ dms: [2, 3], optionsPerDM: [1, 2], maxOptions: 5, maxInfeasible: 1 }), { minLength: 2, maxLength: 6 }),
        shards,
        (models: Model[], count) => {
          const concepts: Concept[] = ["Nash", "SEQ", "SEQ+SIM"];
          const one = equilibriumSurvival(models, concepts);
          const merged = sharded(count, (draws) =>
            survivalOf(
              models,
              draws.each(models.length, (from, to) => models.slice(from, to).map((m) => analyze(m, { concepts }).equilibria)),
              concepts,
            ),
          );
          expect(merged).toEqual(one);
        },
      ),
      runs(20),
    );
  });
});

describe("merging checks the records", () => {
  it("a shard's records that miss draws or a loop are refused", () => {
    const a = shardDraws(1, 2);
    const b = shardDraws(2, 2);
    for (const d of [a, b]) d.counts(10, (from, to) => new Map([[0, to - from]]));
    expect(
      mergedDraws([a.records, b.records])
        .counts(10, () => new Map())
        .get(0),
    ).toBe(10);
    expect(() => mergedDraws([a.records, a.records]).counts(10, () => new Map())).toThrow("loop 1: shard 2 ran draws 0..4, expected from 5");
    expect(() => mergedDraws([a.records, b.records]).counts(12, () => new Map())).toThrow("loop 1: shard 1 ran 10 draws, the computation asks for 12");
    expect(() => mergedDraws([a.records, b.records]).each(10, () => [])).toThrow("loop 1: shard 1 recorded no values");
    const m = mergedDraws([a.records, b.records]);
    expect(() => m.finished()).toThrow("shard 1 recorded 1 Monte Carlo loops, the computation ran 0");
    m.counts(10, () => new Map());
    expect(() => m.counts(10, () => new Map())).toThrow("shard 1 recorded 1 Monte Carlo loops, the computation has more");
  });
});
