/**
 * Implicit adjacency (moves enumerated from the DMs' submasks) against the
 * stored-list (CSR) path it replaced in analyze(): same stability for every
 * concept and DM, same reach-min for every coalition and value, on random
 * models with irreversible options, infeasible states and ties; and analyze()
 * builds no stored move list.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, createContext, CONCEPTS, type Concept } from "../../src/index.js";
import { allMoves, moveListsBuilt } from "../../src/stability/moves.js";
import { SOLVERS } from "../../src/stability/analyze.js";
import { coalitionImprovements, coalitionMoves, type StabilityContext } from "../../src/stability/context.js";
import { forEachMove, reachMinImplicit } from "../../src/stability/implicit.js";
import { reachMin } from "../../src/stability/reach.js";
import { generateModel, rng } from "../../bench/generate.js";
import { arbBenchModel } from "../helpers/arbitraries.js";

const BASE = CONCEPTS.filter((c): c is Exclude<Concept, "SEQ+SIM"> => c !== "SEQ+SIM");
const modelArb = arbBenchModel({ dms: [2, 4], options: [3, 10] });

describe("implicit adjacency", () => {
  it("gives the same stability as the stored move lists for every concept and DM", () => {
    fc.assert(
      fc.property(modelArb, ({ model }) => {
        const implicit = createContext(model);
        const stored: StabilityContext = { model, moves: allMoves(model) };
        for (const c of BASE) for (let i = 0; i < model.nDMs; i++) expect([...SOLVERS[c](implicit, i)], `${c} for DM ${i}`).toEqual([...SOLVERS[c](stored, i)]);
      }),
      { seed: 6, numRuns: 150 },
    );
  });

  it("enumerates exactly the stored moves, and reach-min over implicit unions equals reachMin over the union graphs", () => {
    fc.assert(
      fc.property(modelArb, ({ model, seed }) => {
        const stored: StabilityContext = { model, moves: allMoves(model) };
        const n = model.states.length;
        for (let d = 0; d < model.nDMs; d++)
          for (let s = 0; s < n; s++) {
            const got: number[] = [];
            forEachMove(model, d, s, (t) => got.push(t));
            const { offsets, targets } = stored.moves[d];
            expect(got).toEqual(Array.from(targets.subarray(offsets[s], offsets[s + 1])));
          }
        const r = rng(seed);
        const value = Int32Array.from({ length: n }, () => Math.floor(r() * 7));
        // Every non-empty coalition, plain moves and improvements.
        for (let bits = 1; bits < 1 << model.nDMs; bits++) {
          const H = Array.from({ length: model.nDMs }, (_, d) => d).filter((d) => bits & (1 << d));
          expect([...reachMinImplicit(model, H, false, value)]).toEqual([...reachMin(coalitionMoves(stored, H), value)]);
          expect([...reachMinImplicit(model, H, true, value)]).toEqual([...reachMin(coalitionImprovements(stored, H), value)]);
        }
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it("analyze() builds no stored move list or union graph; reading context.moves builds them once", () => {
    const model = generateModel(4, 12, 7);
    const before = moveListsBuilt();
    const a = analyze(model, { concepts: CONCEPTS });
    expect(moveListsBuilt()).toBe(before);
    expect(a.context.implicit).toBe(true);
    // Still available to the modules that walk stored lists, built lazily and cached.
    const moves = a.context.moves;
    expect(moves).toHaveLength(4);
    expect(moveListsBuilt()).toBe(before + 4);
    expect(a.context.moves).toBe(moves);
    expect(moveListsBuilt()).toBe(before + 4);
  });
});
