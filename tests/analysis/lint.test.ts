/** Model checks before a forecast (src/analysis/lint.ts): one hand-made scenario per finding, and the default scenario. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintModel, type LintFinding } from "../../src/analysis/lint.js";
import { createContext, loadModel, statePattern } from "../../src/index.js";

const lint = (text: string, facts?: string[]) => lintModel(createContext(loadModel(text, "t.yaml")), facts ? { facts: new Set(facts) } : {});
const codes = (fs: LintFinding[]) => fs.map((f) => f.code);

/** Two parties, fully sourced; today (NN) is stable for both unless a test changes that. */
const BASE = `format: parley/1
name: Lint
decisionMakers:
  - id: a
    options: [{ id: x, sources: [F1] }]
  - id: b
    options: [{ id: y, assumption: "b can always act, a standing assumption of this test" }]
statusQuo: NN
preferences:
  a: [{ statement: "!x", sources: [F1] }]
  b: [{ statement: "!y", sources: [F2] }]
`;

describe("lintModel", () => {
  it("finds nothing in a sourced model whose today is stable and whose options and statements all matter", () => {
    expect(lint(BASE, ["F1", "F2"])).toEqual([]);
  });

  it("revealed-preference: today is unstable for a party, with the statement that makes it move", () => {
    const m = loadModel(BASE.replace('a: [{ statement: "!x", sources: [F1] }]', 'a: [{ statement: "x", sources: [F1] }]'), "t.yaml");
    const fs = lintModel(createContext(m));
    expect(fs).toHaveLength(1);
    const f = fs[0] as Extract<LintFinding, { code: "revealed-preference" }>;
    expect(f).toMatchObject({ code: "revealed-preference", dm: 0, concept: "SEQ", statement: 0 });
    expect(statePattern(m, f.to)).toBe("YN");
  });

  it("revealed-preference is not reported when a credible sanction deters the move", () => {
    // a would like x, but b answers x with y (which b likes once x is taken) and a likes that least.
    const text = BASE.replace('a: [{ statement: "!x", sources: [F1] }]', 'a: [{ statement: "!y", sources: [F1] }, { statement: "x", sources: [F1] }]').replace(
      'b: [{ statement: "!y", sources: [F2] }]',
      'b: [{ statement: "x & y | !x & !y", sources: [F2] }]',
    );
    expect(codes(lint(text))).not.toContain("revealed-preference");
  });

  it("inert-option: an option no preference depends on", () => {
    const text = BASE.replace("options: [{ id: y,", "options: [{ id: z, sources: [F2] }, { id: y,").replace("statusQuo: NN", "statusQuo: NNN");
    expect(lint(text)).toEqual([{ code: "inert-option", option: 1 }]);
  });

  it("dead-statement: a statement the ones above it always decide", () => {
    const text = BASE.replace('a: [{ statement: "!x", sources: [F1] }]', 'a: [{ statement: "!x", sources: [F1] }, { statement: "!x | y", sources: [F1] }]');
    // "!x | y" differs between two states only where "!x" already differs... except (x, y) vs (x, !y): it decides those.
    expect(codes(lint(text))).not.toContain("dead-statement");
    const dead = BASE.replace('a: [{ statement: "!x", sources: [F1] }]', 'a: [{ statement: "!x", sources: [F1] }, { statement: "x", sources: [F1] }]');
    expect(lint(dead)).toEqual([{ code: "dead-statement", dm: 0, statement: 1 }]);
  });

  it("unsourced and undefined-fact: elements with neither sources nor an assumption, and cited facts the table lacks", () => {
    const text = BASE.replace("options: [{ id: x, sources: [F1] }]", "options: [{ id: x }]").replace(
      'b: [{ statement: "!y", sources: [F2] }]',
      'b: [{ statement: "!y", sources: [F9] }]',
    );
    expect(lint(text, ["F1", "F2"])).toEqual([
      { code: "unsourced", element: { kind: "option", option: 0 } },
      { code: "undefined-fact", element: { kind: "statement", dm: 1, statement: 0 }, fact: "F9" },
    ]);
    // Without a fact table, cited ids are not checked.
    expect(codes(lint(text))).toEqual(["unsourced"]);
  });
});

describe("the default scenario", () => {
  it("finds nothing: today, with the sanctions on hold while Russia fights, is what the US's preferences choose (issue 16's first finding)", () => {
    const m = loadModel(readFileSync("scenarios/ukraine-2025.yaml", "utf8"), "ukraine-2025.yaml");
    expect(lintModel(createContext(m), { facts: new Set(m.scenario.facts!.map((f) => f.id)) })).toEqual([]);
  });

  it("flags the contradiction where the variant states it openly: if Trump's patience runs out, today is unstable for the US", () => {
    const m = loadModel(readFileSync("scenarios/ukraine-2025-us-patience-runs-out.yaml", "utf8"), "ukraine-2025-us-patience-runs-out.yaml");
    const rp = lintModel(createContext(m)).filter((f) => f.code === "revealed-preference");
    expect(rp).toHaveLength(1);
    expect(rp[0]).toMatchObject({ dm: 0, statement: 6 });
    const st = m.scenario.preferences[0].kind === "statements" ? m.scenario.preferences[0].statements[6] : undefined;
    expect(st?.note).toMatch(/hold ends if Russia keeps pressing/);
  });
});
