/**
 * Published cases (tests/fixtures/cases/, re-encoded from the literature with
 * results of an independent implementation of the textbook definitions,
 * Fang, Hipel & Kilgour 1993): Parley reproduces each case's equilibria under
 * Nash, GMR, SMR and SEQ, compared by state pattern. Prisoner's Dilemma,
 * Chicken and the Cuban missile crisis are built from the case files;
 * Elmira, whose case file gives explicit moves and collapses the abandonment
 * states into one, is compared with scenarios/elmira.yaml.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze, loadModel, statePattern, type Model } from "../../src/index.js";
import { CONCEPT_KEYS, caseModel, readCase } from "../helpers/cases.js";

/** The model's states that match a case pattern ('-' = either). */
const matching = (m: Model, pattern: string) =>
  Array.from(m.states, (_, s) => statePattern(m, s)).filter((p) => [...pattern].every((ch, k) => ch === "-" || ch === p[k]));

describe.each(["prisoners_dilemma.json", "chicken.json", "cuban_missile_crisis.json"])("published case %s", (file) => {
  const c = readCase(file);
  const model = caseModel(c);
  const a = analyze(model);

  it("has the case's feasible states", () => {
    expect(Array.from(model.states, (_, s) => statePattern(model, s)).sort()).toEqual(c.states.map((s) => s.pattern).sort());
  });

  it.each(CONCEPT_KEYS)("has the case's %s equilibria", (concept, key) => {
    const ours = a.equilibria[concept]!.map((s) => statePattern(model, s)).sort();
    const theirs = c.computed.standard[key].equilibria.map((n) => c.states.find((s) => s.id === n)!.pattern).sort();
    expect(ours).toEqual(theirs);
  });
});

describe("published case elmira.json against scenarios/elmira.yaml", () => {
  const c = readCase("elmira.json");
  const model = loadModel(readFileSync("scenarios/elmira.yaml", "utf8"), "elmira.yaml");
  const a = analyze(model);

  it("covers the case's states: each case state is one or more of ours (abandonment collapsed in the case)", () => {
    const covered = c.states.flatMap((s) => matching(model, s.pattern));
    expect(new Set(covered).size).toBe(model.states.length);
    for (const s of c.states) expect(matching(model, s.pattern).length, s.pattern).toBeGreaterThan(0);
  });

  it.each(CONCEPT_KEYS)("has the case's %s equilibria", (concept, key) => {
    const ours = new Set(a.equilibria[concept]!.map((s) => statePattern(model, s)));
    for (const s of c.states) {
      const expected = c.computed.standard[key].equilibria.includes(s.id);
      for (const p of matching(model, s.pattern)) expect(ours.has(p), `${concept} at ${p} (case state ${s.id})`).toBe(expected);
    }
  });
});
