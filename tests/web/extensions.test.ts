/** The command line's extensions as the workbench's worker computes them: foresight, hypergames (with a perception from another file), unknown preferences. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, analyzeHypergame, analyzeUnknown, loadModel } from "../../src/index.js";
import { perceivedScenario } from "../../web/src/workers/engine/extensions.js";
import { EngineSession } from "../../web/src/workers/engine/session.js";

const read = (f: string) => readFileSync(resolve(import.meta.dirname, "../../scenarios", f), "utf8");
const chicken = read("chicken.yaml");

function session(text: string, file: string): EngineSession {
  const s = new EngineSession();
  const r = s.handle({ type: "load", text, file }, () => {});
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return s;
}

describe("foresight in the workbench", () => {
  it("gives parley foresight's equilibria, by number and name, and each party's anticipated play", () => {
    const s = session(read("elmira.yaml"), "elmira.yaml");
    const f = s.handle({ type: "foresight", variant: "rotation", horizon: 2, nm: false, state: 1 }, () => {});
    expect(f.concept).toBe("L_2");
    // As `parley foresight scenarios/elmira.yaml --variant rotation` prints them.
    expect(f.equilibria.map((x) => x.id)).toEqual([5, 6, 10, 11, 12]);
    expect(f.equilibria[0].pattern).toBe("NNNYN");
    expect(f.equilibria[0].name).not.toMatch(/\d/);
    expect(f.isStatusQuo).toBe(true);
    expect(f.plays.map((p) => [p.stable, p.result?.id])).toEqual([
      [false, 4],
      [true, 1],
      [false, 7],
    ]);
    expect(f.text).toContain("Anticipated play from state 1");
    expect(f.text).not.toContain("─────");
  });

  it("refuses the two-party definition for three parties with the command's message", () => {
    const s = session(read("elmira.yaml"), "elmira.yaml");
    expect(() => s.handle({ type: "foresight", variant: "two-dm", horizon: 2, nm: false, state: 1 }, () => {})).toThrow(/exactly two decision makers/);
  });
});

describe("hypergames in the workbench", () => {
  // Driver A's picture of the conflict: B would rather go straight than anything else.
  const other = chicken.replace(/ {2}b:\n(?: {4}- .*\n(?: {6}.*\n)?)+/, '  b:\n    - statement: "!b_swerves"\n');

  it("takes one party's perception from another file: the others' preferences there, options missing there unknown", () => {
    expect(other).not.toBe(chicken);
    const yaml = perceivedScenario(chicken, "chicken.yaml", {
      dm: 0,
      file: "a-view.yaml",
      text: other.replace(/- id: b_swerves\n\s+label: Driver B swerves\n/, ""),
    });
    const m = loadModel(yaml, "chicken.yaml");
    expect(m.scenario.decisionMakers[0].misperceives?.length).toBe(1);
    expect(m.scenario.decisionMakers[0].perceivedPreferences?.length).toBe(1);
  });

  it("judges the scenario with that perception as parley hypergame would", () => {
    const s = session(chicken, "chicken.yaml");
    const plain = s.handle({ type: "hypergame", view: "gmcr" }, () => {});
    expect(plain.misperception).toBe(false);
    expect(plain.concepts.every((c) => c.gained.length === 0 && c.lost.length === 0)).toBe(true);
    const r = s.handle({ type: "hypergame", view: "gmcr", perception: { dm: 0, file: "a-view.yaml", text: other } }, () => {});
    expect(r.misperception).toBe(true);
    expect(r.source).toContain("Driver A sees the conflict as a-view.yaml describes it");
    const h = analyzeHypergame(loadModel(perceivedScenario(chicken, "chicken.yaml", { dm: 0, file: "a-view.yaml", text: other })));
    for (const c of r.concepts) expect(c.hyper).toBe(h.equilibria[c.concept]!.length);
  });
});

describe("unknown preferences in the workbench", () => {
  it("counts the pairs and each variant's equilibria as parley unknown does", () => {
    const text = chicken
      .replace("  a:\n", '  a:\n    unknown:\n      - between: a_swerves & b_swerves\n        and: "!a_swerves & b_swerves"\n    statements:\n')
      .replace(/\n {4}- statement: (.*)\n {6}note: (.*)/g, (_m, st, note, off, all) =>
        off < all.indexOf("  b:\n") ? `\n      - statement: ${st}\n        note: ${note}` : _m,
      );
    const s = session(text, "chicken-unknown.yaml");
    const r = s.handle({ type: "unknown" }, () => {});
    expect(r.unknownPairs).toBe(1);
    const a = analyzeUnknown(analyze(loadModel(text)));
    for (const row of r.rows) for (const v of row.variants) expect(v.count).toBe(a.equilibria[row.concept as "GMR"]![v.variant as "a"]!.length);
    expect(r.today.pattern).toBe("NN");
  });
});
