/**
 * SIM: the solver (src/stability/sim.ts: lower set as a bitset grown in
 * preference order, one opponent group per word) against the solver it
 * replaced, which enumerated every joint response
 * (tests/helpers/reference/sim-enumerated.ts), DM by DM and state by state:
 * on random models (1 to 6 DMs, infeasible states, irreversible options, ties),
 * with implicit adjacency and with stored lists, with restricted moves and a
 * perceived feasible set (as hypergames build them), with moves that change
 * other DMs' options (the solver's exact fallback), with sparse preference
 * levels, and on the oracle fixtures.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario, createContext, validateData, type Model } from "../../src/index.js";
import type { StabilityContext } from "../../src/stability/context.js";
import { improvementSets, popcount } from "../../src/stability/improvement-sets.js";
import { allMoves, type Adjacency } from "../../src/stability/moves.js";
import { simStable } from "../../src/stability/sim.js";
import { generateModel, rng } from "../../bench/generate.js";
import { fixtureToScenarioData, plainFixtures } from "../helpers/fixtures.js";
import { simStableEnumerated } from "../helpers/reference/sim-enumerated.js";

/** Every DM's SIM stability, new and reference, in the given context. */
function expectSame(ctx: StabilityContext, label: string): void {
  for (let i = 0; i < ctx.model.nDMs; i++) expect([...simStable(ctx, i)], `${label}, DM ${i}`).toEqual([...simStableEnumerated(ctx, i)]);
}

const stored = (model: Model): StabilityContext => ({ model, moves: allMoves(model) });

/** Random models as the bench makes them: up to 6 DMs sharing 3 to 12 options. */
const modelArb = fc
  .record({ dms: fc.integer({ min: 1, max: 6 }), options: fc.integer({ min: 3, max: 12 }), seed: fc.integer({ min: 1, max: 1_000_000 }) })
  .map(({ dms, options, seed }) => ({ model: generateModel(Math.min(dms, options), options, seed), seed }));

/** The moves of `adj` from and to the states `keep` marks (as hypergames restrict them). */
function restrict(adj: Adjacency, keep: Uint8Array): Adjacency {
  const n = adj.offsets.length - 1;
  const offsets = new Int32Array(n + 1);
  const targets: number[] = [];
  for (let s = 0; s < n; s++) {
    offsets[s] = targets.length;
    if (keep[s]) for (let e = adj.offsets[s]; e < adj.offsets[s + 1]; e++) if (keep[adj.targets[e]]) targets.push(adj.targets[e]);
  }
  offsets[n] = targets.length;
  return { offsets, targets: Int32Array.from(targets) };
}

describe("SIM against the enumeration of joint responses", () => {
  it("agrees on random models, implicit adjacency and stored lists", () => {
    fc.assert(
      fc.property(modelArb, ({ model }) => {
        expectSame(createContext(model), "implicit");
        expectSame(stored(model), "stored");
      }),
      { seed: 18, numRuns: 80 },
    );
  });

  it("agrees with restricted moves and a perceived feasible set", () => {
    fc.assert(
      fc.property(modelArb, ({ model, seed }) => {
        const r = rng(seed);
        const keep = Uint8Array.from(model.states, () => (r() < 0.8 ? 1 : 0));
        const indexOf = new Int32Array(model.indexOf);
        model.states.forEach((mask, s) => {
          if (!keep[s]) indexOf[mask] = -1;
        });
        const moves = allMoves(model).map((adj) => restrict(adj, keep));
        expectSame({ model: { ...model, indexOf }, moves }, "perceived");
        // Restricted moves over the whole feasible set, with some moves dropped at random.
        const dropped = allMoves(model).map(({ offsets, targets }) => {
          const out = new Int32Array(offsets.length);
          const kept: number[] = [];
          for (let s = 0; s + 1 < offsets.length; s++) {
            out[s] = kept.length;
            for (let e = offsets[s]; e < offsets[s + 1]; e++) if (r() < 0.7) kept.push(targets[e]);
          }
          out[offsets.length - 1] = kept.length;
          return { offsets: out, targets: Int32Array.from(kept) };
        });
        expectSame({ model, moves: dropped }, "dropped moves");
      }),
      { seed: 19, numRuns: 50 },
    );
  });

  it("agrees when stored moves change other DMs' options (the exact fallback)", () => {
    fc.assert(
      fc.property(modelArb, ({ model, seed }) => {
        const r = rng(seed);
        const n = model.states.length;
        const moves = allMoves(model).map(({ offsets, targets }) => {
          const out = new Int32Array(n + 1);
          const kept: number[] = [];
          for (let s = 0; s < n; s++) {
            out[s] = kept.length;
            for (let e = offsets[s]; e < offsets[s + 1]; e++) kept.push(r() < 0.2 ? Math.floor(r() * n) : targets[e]);
          }
          out[n] = kept.length;
          return { offsets: out, targets: Int32Array.from(kept) };
        });
        expectSame({ model, moves }, "arbitrary moves");
      }),
      { seed: 20, numRuns: 60 },
    );
  });

  it("agrees with sparse and tied preference levels", () => {
    fc.assert(
      fc.property(modelArb, fc.integer({ min: 1, max: 5 }), ({ model, seed }, spread) => {
        const r = rng(seed);
        // Few distinct levels (many ties), then spread far apart (not dense: the solver sorts instead of counting).
        const pref = model.pref.map((p) => Int32Array.from(p, () => Math.floor(r() * (spread + 1)) * 40_000_000 - 100_000_000));
        const variant = { ...model, pref };
        expectSame(createContext(variant), "implicit");
        expectSame(stored(variant), "stored");
      }),
      { seed: 21, numRuns: 40 },
    );
  });

  it.each([
    [5, 15, 3, "three walked opponents"],
    [5, 10, 4, "two opponents in the column group"],
    [2, 14, 5, "a column of seven options (rows of four words)"],
    [3, 16, 6, "an opponent over five options (no improvement sets)"],
  ])("agrees on a %ix%i model (seed %i): %s", (dms, options, seed) => {
    const model = generateModel(dms, options, seed);
    expectSame(createContext(model), "implicit");
    expectSame(stored(model), "stored");
  });

  it.each(plainFixtures().map((f) => [f.file, f.fixture] as const))("agrees on the oracle fixture %s", (_, fx) => {
    const { scenario, issues } = validateData(fixtureToScenarioData(fx));
    expect(issues).toEqual([]);
    const model = compileScenario(scenario!);
    expectSame(createContext(model), "implicit");
    expectSame(stored(model), "stored");
  });
});

describe("improvement sets", () => {
  it("list exactly each DM's improvements from each state, by move code", () => {
    fc.assert(
      fc.property(modelArb, ({ model }) => {
        const ctx = stored(model);
        for (let d = 0; d < model.nDMs; d++) {
          const own = model.dmMask[d];
          if (popcount(own) > 5) continue; // not supported (the solver lists such a DM's moves instead)
          const sets = improvementSets(model, d);
          const { offsets, targets } = ctx.moves[d];
          for (let s = 0; s < model.states.length; s++) {
            const want: number[] = [];
            for (let e = offsets[s]; e < offsets[s + 1]; e++)
              if (model.pref[d][targets[e]] > model.pref[d][s]) want.push(model.states[targets[e]] ^ model.states[s]);
            const got = model.moveMasks[d].filter((m) => sets[s] & (1 << codeOf(m, own)));
            expect([...got].sort((a, b) => a - b)).toEqual(want.sort((a, b) => a - b));
          }
        }
      }),
      { seed: 22, numRuns: 40 },
    );
  });

  it("refuses a DM with more than five options", () => {
    const model = generateModel(2, 12, 1);
    expect(() => improvementSets(model, 0)).toThrow("improvementSets: DM 0 has more than 5 options");
  });
});

/** The code of move mask m: its bits gathered onto the DM's options, lowest first. */
function codeOf(m: number, own: number): number {
  let code = 0;
  let k = 0;
  for (let p = 0; p < 31; p++)
    if (own & (1 << p)) {
      if (m & (1 << p)) code |= 1 << k;
      k++;
    }
  return code;
}
