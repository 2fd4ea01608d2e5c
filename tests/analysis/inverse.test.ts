/**
 * Inverse GMCR: the preferences it returns, fed back into the scenario, really
 * make the target an equilibrium; the change is the smallest; an
 * equilibrium needs no change; the limit is honest.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inverseForTargets, inverseGMCR } from "../../src/analysis/inverse.js";
import { statesMatching } from "../../src/model/states.js";
import { analyze, compileScenario, createContext, CONCEPTS, loadModel, statePattern, validateData, type Model } from "../../src/index.js";
import { fixtureToScenarioData, plainFixtures } from "../helpers/fixtures.js";
import { parley } from "../helpers/cli.js";

const load = (f: string) => loadModel(readFileSync(`scenarios/${f}`, "utf8"), f);

/** The scenario with the returned preferences, compiled afresh. */
function withChanges(m: Model, r: ReturnType<typeof inverseGMCR>): Model {
  const preferences = r.changes.map((c) => c.preference);
  return compileScenario({ ...m.scenario, preferences });
}

describe("inverse GMCR", () => {
  const small = plainFixtures()
    .map(({ fixture }) => compileScenario(validateData(fixtureToScenarioData(fixture)).scenario!))
    .filter((m) => m.states.length <= 40);

  it("returns preferences that make the target an equilibrium when fed back in (oracle models, every concept)", () => {
    fc.assert(
      fc.property(fc.nat(small.length - 1), fc.nat(1000), fc.constantFrom(...CONCEPTS), (mi, ti, concept) => {
        const m = small[mi];
        const target = ti % m.states.length;
        const r = inverseGMCR(createContext(m), target, concept, { maxEvaluations: 3000 });
        if (!r.found) return;
        const again = analyze(withChanges(m, r), { concepts: [concept] });
        expect(again.equilibria[concept], `${concept} at ${statePattern(m, target)}`).toContain(target);
        expect(r.totalDistance).toBe(r.changes.reduce((a, c) => a + c.distance, 0));
      }),
      { seed: 11, numRuns: 120 },
    );
  });

  it("needs no change for a state that already is an equilibrium", () => {
    const m = load("elmira.yaml");
    const a = analyze(m);
    for (const c of CONCEPTS)
      for (const s of a.equilibria[c]!) {
        const r = inverseGMCR(a.context, s, c);
        expect([r.found, r.totalDistance]).toEqual([true, 0]);
      }
  });

  it("finds the smallest change: no profile with fewer edits works (Nash, checked by brute force on the Prisoner's Dilemma)", () => {
    const m = load("prisoners-dilemma.yaml");
    // Mutual silence (NN) is not Nash: each prisoner gains by confessing. Dropping "confessing is better"
    // (one edit each) makes silence Nash stable for both; nothing with fewer edits can.
    const r = inverseGMCR(createContext(m), 0, "Nash");
    expect(r.found).toBe(true);
    expect(r.totalDistance).toBe(2);
    expect(r.changes.map((c) => c.dropped)).toEqual([[1], [1]]);
    expect(analyze(withChanges(m, r), { concepts: ["Nash"] }).equilibria.Nash).toContain(0);
  });

  it("says what it would take for a ceasefire with guarantees to be Nash stable in the Ukraine scenario", () => {
    const m = load("ukraine-2025.yaml");
    const targets = statesMatching(
      m,
      "ru_ceasefire & us_guarantee & eu_force & !us_sanctions & !us_walk_away & !ru_summit & !ua_summit & !ua_concede & eu_ceasefire_first",
    );
    expect(targets.map((t) => statePattern(m, t))).toEqual(["YNNYNNNNYY"]);
    const r = inverseForTargets(createContext(m), targets, "Nash");
    expect(r.found).toBe(true);
    const pref = (d: number, j: number) => {
      const p = m.scenario.preferences[d];
      return p.kind === "statements" ? p.statements[j].text : "";
    };
    // The US would have to drop its aversion to guarantees (F12), Russia its valuation of the offensive (F8).
    expect(r.changes.map((c) => c.dropped.map((j) => pref(c.dm, j)))).toEqual([["!us_guarantee"], ["ru_offensive"], [], []]);
    expect(r.totalDistance).toBe(2);
  });

  it("is honest about the limit", () => {
    const m = load("ukraine-2025.yaml");
    const [t] = statesMatching(
      m,
      "ru_ceasefire & us_guarantee & eu_force & !us_sanctions & !us_walk_away & !ru_summit & !ua_summit & !ua_concede & eu_ceasefire_first",
    );
    const r = inverseGMCR(createContext(m), t, "Nash", { maxPerDM: 3 });
    expect(r.found).toBe(false);
    expect(r.exhaustive).toBe(false);
  });

  it("parley inverse explains the change in words, with sources", async () => {
    const r = await parley("inverse", "scenarios/prisoners-dilemma.yaml", "--target", "NN", "--concept", "Nash");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("For it to be an equilibrium under Nash:");
    expect(r.stdout).toContain('Prisoner 1 would have to stop caring that "Given what the other does, confessing is better for prisoner 1." (p1_confesses).');
    const j = JSON.parse((await parley("inverse", "scenarios/chicken.yaml", "-t", "YY", "-c", "Nash", "-f", "json")).stdout);
    expect(j).toMatchObject({ target: 4, pattern: "YY", concept: "Nash", found: true });
    const bad = await parley("inverse", "scenarios/chicken.yaml", "-t", "a_swerves & nope");
    expect([bad.code, bad.stderr]).toEqual([2, "parley: unknown option 'nope' in 'a_swerves & nope'\n"]);
    const none = await parley("inverse", "scenarios/chicken.yaml", "-t", "a_swerves & !a_swerves");
    expect(none.stderr).toContain("no feasible state satisfies 'a_swerves & !a_swerves'");
  });
});
