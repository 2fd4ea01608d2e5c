/** The classic cases shipped in scenarios/, with their results pinned. */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze, CONCEPTS, loadModel, statePattern } from "../../src/index.js";
import { EXAMPLES, noticeMissingExamples, type Fixture } from "../helpers/fixtures.js";

noticeMissingExamples();

const load = (f: string) => loadModel(readFileSync(`scenarios/${f}`, "utf8"), f);
const patterns = (f: string, concept: (typeof CONCEPTS)[number]) => {
  const m = load(f);
  return analyze(m, { concepts: [concept] }).equilibria[concept]!.map((s) => statePattern(m, s));
};

describe("scenarios/", () => {
  it.each(readdirSync("scenarios").filter((f) => /\.(ya?ml|json)$/.test(f)))("%s validates", (f) => {
    expect(() => load(f)).not.toThrow();
  });
});

describe.skipIf(!EXAMPLES)("Elmira groundwater contamination, as gmcr-py ships it", () => {
  // The published case as shipped with gmcr-py: our file must give its results exactly.
  const oracle = (EXAMPLES ? JSON.parse(readFileSync(`${EXAMPLES}/plain/Elmira.json`, "utf8")) : { states: [] }) as Fixture;
  const oraclePatterns = (ids: number[]) => ids.map((id) => oracle.states.find((s) => s.id === id)!.pattern);

  it("has the oracle's feasible states", () => {
    const m = load("elmira.yaml");
    expect(Array.from(m.states, (_, s) => statePattern(m, s))).toEqual(oracle.states.map((s) => s.pattern));
  });

  it.each(CONCEPTS)("has the oracle's %s equilibria", (c) => {
    expect(patterns("elmira.yaml", c)).toEqual(oraclePatterns(oracle.equilibria[c]));
  });

  it("per DM stability matches the oracle", () => {
    const m = load("elmira.yaml");
    const a = analyze(m);
    const names = ["MoE", "Uniroyal", "Local Government"];
    for (const c of CONCEPTS)
      names.forEach((name, d) => {
        const ours = [...a.stable[c]![d]].flatMap((v, s) => (v ? [statePattern(m, s)] : []));
        expect(ours).toEqual(oraclePatterns(oracle.stable[c][name]));
      });
  });
});

describe("Prisoner's Dilemma", () => {
  // Both confessing (YY) is the only Nash equilibrium; mutual silence (NN) is
  // also stable under GMR, SMR, SEQ and SIM, since a confession is answered by
  // the other's confession, which the first likes no better than silence.
  it("has the textbook equilibria", () => {
    expect(patterns("prisoners-dilemma.yaml", "Nash")).toEqual(["YY"]);
    for (const c of ["GMR", "SMR", "SEQ", "SIM", "SEQ+SIM"] as const) expect(patterns("prisoners-dilemma.yaml", c)).toEqual(["NN", "YY"]);
  });
});

describe("Chicken", () => {
  // One swerves, the other not (YN, NY): Nash. Both swerving (YY) is GMR and
  // SMR stable (going straight risks the other's going straight: a crash),
  // but not SEQ: from (straight, swerve) the swerver gains nothing by going
  // straight, so the threat of a crash is not credible. Under SIM, the other
  // driver's simultaneous switch to going straight deters it.
  it("has the textbook equilibria", () => {
    expect(patterns("chicken.yaml", "Nash")).toEqual(["YN", "NY"]);
    expect(patterns("chicken.yaml", "GMR")).toEqual(["YN", "NY", "YY"]);
    expect(patterns("chicken.yaml", "SMR")).toEqual(["YN", "NY", "YY"]);
    expect(patterns("chicken.yaml", "SEQ")).toEqual(["YN", "NY"]);
    expect(patterns("chicken.yaml", "SIM")).toEqual(["YN", "NY", "YY"]);
  });
});
