/** Families summarise a set of states exactly: every state covered, nothing outside the set included. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stateFamilies, familyPattern } from "../../src/analysis/families.js";
import { compileScenario, validateData, analyze, CONCEPTS, loadModel, statePattern } from "../../src/index.js";
import { readFileSync } from "node:fs";
import { fixtureToScenarioData, plainFixtures } from "../helpers/fixtures.js";

describe("state families", () => {
  it("cover each oracle model's equilibria exactly", () => {
    for (const { fixture } of plainFixtures()) {
      const m = compileScenario(validateData(fixtureToScenarioData(fixture)).scenario!);
      const a = analyze(m);
      for (const c of CONCEPTS) {
        const set = a.equilibria[c]!;
        const fams = stateFamilies(m, set);
        expect([...new Set(fams.flatMap((f) => f.states))].sort((x, y) => x - y)).toEqual(set);
        for (const f of fams)
          for (let s = 0; s < m.states.length; s++)
            if ((m.states[s] & f.care) === f.value) expect(set, `${familyPattern(m, f)} includes ${statePattern(m, s)}`).toContain(s);
      }
    }
  });

  it("cover random subsets of states exactly", () => {
    const m = loadModel(readFileSync("scenarios/elmira.yaml", "utf8"));
    fc.assert(
      fc.property(
        fc.subarray(
          Array.from(m.states, (_, s) => s),
          { minLength: 1 },
        ),
        (set) => {
          const fams = stateFamilies(m, set);
          expect([...new Set(fams.flatMap((f) => f.states))].sort((a, b) => a - b)).toEqual([...set].sort((a, b) => a - b));
          for (const f of fams) for (const s of f.states) expect((m.states[s] & f.care) === f.value).toBe(true);
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it("merges states that differ only in free options", () => {
    const m = loadModel(readFileSync("scenarios/elmira.yaml", "utf8"));
    // The four abandonment states 5, 6, 11, 12 are ---Y- exactly.
    const fams = stateFamilies(m, [4, 5, 10, 11]);
    expect(fams.map((f) => familyPattern(m, f))).toEqual(["---Y-"]);
  });
});
