/** The workbench's form edits: each changes only its own place in the YAML text, and the result loads. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel, analyze } from "../../src/index.js";
import { addOption, badOptionId, EditError, moveStatement, outline, setDmName, setIrreversible, setOptionLabel } from "../../web/src/yaml-edits.js";

const root = resolve(import.meta.dirname, "../..");
const ukraine = readFileSync(resolve(root, "scenarios/ukraine-2025.yaml"), "utf8");
const pd = readFileSync(resolve(root, "scenarios/prisoners-dilemma.yaml"), "utf8");
const elmira = readFileSync(resolve(root, "scenarios/elmira.yaml"), "utf8");

/** Lines of b not in a, and of a not in b (a crude line diff). */
function changedLines(a: string, b: string): { added: string[]; removed: string[] } {
  const la = a.split("\n");
  const lb = b.split("\n");
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const ca = count(la);
  const cb = count(lb);
  const added = [...cb].flatMap(([l, n]) => Array(Math.max(0, n - (ca.get(l) ?? 0))).fill(l));
  const removed = [...ca].flatMap(([l, n]) => Array(Math.max(0, n - (cb.get(l) ?? 0))).fill(l));
  return { added, removed };
}

describe("outline", () => {
  it("lists decision makers, options and statements as written", () => {
    const o = outline(ukraine);
    expect(o.map((d) => d.id)).toEqual(["us", "ru", "ua", "eu"]);
    expect(o[0].options.map((x) => [x.id, x.irreversible])).toEqual([
      ["us_guarantee", false],
      ["us_sanctions", false],
      ["us_walk_away", true],
    ]);
    expect(o[0].statements![5].text).toBe("if ru_offensive then us_sanctions");
    expect(o[1].statements![0].text).toBe("!us_sanctions");
  });
  it("refuses text with a syntax error", () => {
    expect(() => outline("a: [")).toThrow(EditError);
  });
});

describe("edits", () => {
  it("renames a decision maker and an option label, keeping everything else", () => {
    const t = setDmName(ukraine, 1, "Russian Federation");
    expect(changedLines(ukraine, t)).toEqual({ added: ["    name: Russian Federation"], removed: ["    name: Russia"] });
    const u = setOptionLabel(t, 0, 1, "Impose sanctions: the big ones");
    expect(changedLines(t, u).added).toEqual(['        label: "Impose sanctions: the big ones"']);
    expect(loadModel(u).scenario.options[1].label).toBe("Impose sanctions: the big ones");
  });
  it("adds a name line when a decision maker has none", () => {
    const t = setDmName("format: parley/1\ndecisionMakers:\n  - id: a\n    options:\n      - id: x\n", 0, "Alpha");
    expect(t).toBe("format: parley/1\ndecisionMakers:\n  - id: a\n    name: Alpha\n    options:\n      - id: x\n");
  });
  it("marks an option irreversible and back", () => {
    const t = setIrreversible(ukraine, 1, 0, true);
    expect(changedLines(ukraine, t)).toEqual({ added: ["        irreversible: true"], removed: [] });
    expect(loadModel(t).scenario.options[3].direction).toBe("fwd");
    expect(setIrreversible(t, 1, 0, false)).toBe(ukraine);
    const w = setIrreversible(ukraine, 0, 2, "withdrawal");
    expect(changedLines(ukraine, w)).toEqual({ added: ["        irreversible: withdrawal"], removed: ["        irreversible: true"] });
  });
  it("adds an option and a letter for it in the patterns", () => {
    const t = addOption(elmira, 1, "uniroyal_sues", "Sue the ministry");
    const m = loadModel(t);
    expect(m.nOptions).toBe(6);
    expect(m.scenario.options.map((o) => o.id)).toContain("uniroyal_sues");
    const p = addOption(pd, 0, "p1_flees", "Prisoner 1 flees");
    expect(loadModel(p).nOptions).toBe(3);
    expect(p).toContain("statusQuo: NNN");
  });
  it("checks the new option's id", () => {
    expect(badOptionId(ukraine, "us_sanctions")).toMatch(/exists/);
    expect(badOptionId(ukraine, "1x")).toMatch(/starts with a letter/);
    expect(badOptionId(ukraine, "and")).toMatch(/statement language/);
    expect(badOptionId(ukraine, "new_one")).toBeUndefined();
  });
  it("moves a preference statement and changes the equilibria", () => {
    const t = moveStatement(ukraine, "us", 6, 5);
    expect(outline(t)[0].statements!.slice(5).map((s) => s.text)).toEqual(["!us_sanctions", "if ru_offensive then us_sanctions"]);
    expect(changedLines(ukraine, t)).toEqual({ added: [], removed: [] });
    expect(analyze(loadModel(t)).equilibria.SEQ!.length).toBe(48);
    expect(moveStatement(t, "us", 5, 6)).toBe(ukraine);
    // Inline lists swap their items.
    const p = moveStatement(pd, "p1", 0, 1);
    expect(outline(p)[0].statements!.map((s) => s.text)).toEqual(["p1_confesses", "!p2_confesses"]);
    // Further moves, and the last item of the file.
    const far = moveStatement(ukraine, "eu", 0, 7);
    expect(outline(far)[3].statements!.map((s) => s.text)[7]).toBe("!us_walk_away");
    expect(loadModel(far).scenario.decisionMakers.length).toBe(4);
  });
});
