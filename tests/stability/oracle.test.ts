/**
 * Conformance: every plain oracle model (tests/fixtures/oracle/, and gmcr-py's
 * examples when present, see tests/helpers/fixtures.ts) gives the
 * same feasible states, preferences, moves, improvements, stable states per DM
 * and equilibria for every concept, compared by Y/N pattern.
 */
import { describe, expect, it } from "vitest";
import { compileScenario, statePattern, validateData, analyze, CONCEPTS, type Model } from "../../src/index.js";
import { fixtureToScenarioData, plainFixtures, type Fixture } from "../helpers/fixtures.js";

function build(fx: Fixture): Model {
  const { scenario, issues } = validateData(fixtureToScenarioData(fx));
  expect(issues).toEqual([]);
  return compileScenario(scenario!);
}

const byId = (fx: Fixture) => new Map(fx.states.map((s) => [s.id, s.pattern]));
const patterns = (fx: Fixture, ids: number[]) => ids.map((id) => byId(fx).get(id)!).sort();

describe.each(plainFixtures())("oracle $file", ({ fixture: fx }) => {
  const model = build(fx);
  const pat = (s: number) => statePattern(model, s);

  it("has the same feasible states", () => {
    expect(Array.from(model.states, (_, s) => pat(s))).toEqual(fx.states.map((s) => s.pattern));
  });

  it("orders states the same way for every DM", () => {
    fx.decisionMakers.forEach((dm, d) => {
      const theirs = fx.payoffs[dm.name];
      const ours = model.pref[d];
      for (let a = 0; a < theirs.length; a++)
        for (let b = 0; b < theirs.length; b++) expect(Math.sign(ours[a] - ours[b])).toBe(Math.sign(theirs[a] - theirs[b]));
    });
  });

  it("has the same unilateral moves and improvements", () => {
    const analysis = analyze(model, { concepts: ["Nash"] });
    fx.decisionMakers.forEach((dm, d) => {
      const adj = analysis.context.moves[d];
      for (let s = 0; s < model.states.length; s++) {
        const moves = Array.from(adj.targets.subarray(adj.offsets[s], adj.offsets[s + 1]), pat).sort();
        expect(moves).toEqual(patterns(fx, fx.reachable[dm.name][String(s + 1)]));
        const imps = Array.from(adj.targets.subarray(adj.offsets[s], adj.offsets[s + 1]))
          .filter((t) => model.pref[d][t] > model.pref[d][s])
          .map(pat)
          .sort();
        expect(imps).toEqual(patterns(fx, fx.unilateralImprovements[dm.name][String(s + 1)]));
      }
    });
  });

  it.each(CONCEPTS)("has the same %s stability and equilibria", (concept) => {
    const analysis = analyze(model, { concepts: [concept] });
    fx.decisionMakers.forEach((dm, d) => {
      const ours = [...analysis.stable[concept]![d]].flatMap((v, s) => (v ? [pat(s)] : [])).sort();
      expect(ours, `${concept} for ${dm.name}`).toEqual(patterns(fx, fx.stable[concept][dm.name]));
    });
    expect(analysis.equilibria[concept]!.map(pat).sort()).toEqual(patterns(fx, fx.equilibria[concept]));
  });
});
