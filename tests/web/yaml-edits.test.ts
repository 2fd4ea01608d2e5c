/** The workbench's form edits: each changes only its own place in the YAML text, and the result loads. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { history, undo } from "@codemirror/commands";
import { EditorState } from "@codemirror/state";
import { loadModel, analyze } from "../../src/index.js";
import { replaceTextSpec } from "../../web/src/editor/editor-changes.js";
import {
  addConstraint,
  addDecisionMaker,
  addOption,
  badConstraint,
  badDmId,
  badOptionId,
  moveStatement,
  setDmName,
  setIrreversible,
  setOptionLabel,
  setOptionPhrases,
} from "../../web/src/editor/yaml-edits.js";
import { constraintsOf, outline } from "../../web/src/editor/yaml-outline.js";
import { EditError } from "../../web/src/editor/yaml-text.js";

const root = resolve(import.meta.dirname, "../..");
// Edits are tested on the default scenario as it was before issue 16 (frozen, so the pinned lines and equilibria stay put).
const ukraine = readFileSync(resolve(root, "tests/fixtures/views/ukraine-2025-v1.yaml"), "utf8");
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
    expect(
      outline(t)[0]
        .statements!.slice(5)
        .map((s) => s.text),
    ).toEqual(["!us_sanctions", "if ru_offensive then us_sanctions"]);
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

describe("more edits: phrases, constraints, parties", () => {
  it("sets, changes and clears an option's phrases, keeping everything else", () => {
    const t = setOptionPhrases(pd, 0, 0, { whenTaken: "prisoner 1 confesses", whenNotTaken: "prisoner 1 stays silent" });
    expect(changedLines(pd, t)).toEqual({ added: ["        whenTaken: prisoner 1 confesses", "        whenNotTaken: prisoner 1 stays silent"], removed: [] });
    const m = loadModel(t);
    expect(m.scenario.options[0]).toMatchObject({ whenTaken: "prisoner 1 confesses", whenNotTaken: "prisoner 1 stays silent" });
    expect(outline(t)[0].options[0]).toMatchObject({ whenTaken: "prisoner 1 confesses", whenNotTaken: "prisoner 1 stays silent" });
    // Change one, clear the other; then clear both: back to the file as it was.
    const u = setOptionPhrases(t, 0, 0, { whenTaken: "", whenNotTaken: "silence: prisoner 1" });
    expect(changedLines(pd, u)).toEqual({ added: ['        whenNotTaken: "silence: prisoner 1"'], removed: [] });
    expect(setOptionPhrases(u, 0, 0, { whenTaken: "", whenNotTaken: " " })).toBe(pd);
    // Ukraine's us_sanctions has both, with comments around: only the one line changes.
    const w = setOptionPhrases(ukraine, 0, 1, { whenTaken: "new US sanctions on Russia", whenNotTaken: "US sanctions on hold" });
    expect(changedLines(ukraine, w)).toEqual({
      added: ["        whenNotTaken: US sanctions on hold"],
      removed: ["        whenNotTaken: new US sanctions stay on hold"],
    });
    expect(setOptionPhrases(ukraine, 0, 1, { whenTaken: "new US sanctions on Russia", whenNotTaken: "new US sanctions stay on hold" })).toBe(ukraine);
  });

  it("lists the constraints as written", () => {
    expect(constraintsOf(ukraine).map((c) => c.text)).toEqual(["us_walk_away & us_guarantee", "ru_ceasefire & ru_offensive"]);
    expect(constraintsOf(elmira).map((c) => c.text)).toEqual(["at most one of: delay, accept, abandon", "at least one of: delay, accept, abandon"]);
    expect(constraintsOf(pd)).toEqual([]);
  });

  it("adds a constraint at the end of the list, or starts the list after the parties", () => {
    const t = addConstraint(ukraine, { kind: "mutuallyExclusive", options: ["ru_summit", "ru_offensive"], note: "Putin does not meet while pressing on" });
    expect(changedLines(ukraine, t)).toEqual({
      added: ["  - mutuallyExclusive: [ru_summit, ru_offensive]", "    note: Putin does not meet while pressing on"],
      removed: [],
    });
    const infeasibleAt = t.indexOf("infeasible:");
    expect(t.indexOf("mutuallyExclusive")).toBeGreaterThan(t.indexOf("ru_ceasefire & ru_offensive", infeasibleAt));
    expect(t.indexOf("mutuallyExclusive")).toBeLessThan(t.indexOf("statusQuo:"));
    expect(loadModel(t).states.length).toBeLessThan(loadModel(ukraine).states.length);
    // Prisoner's dilemma has none: a new list, between the parties and the status quo.
    const p = addConstraint(pd, { kind: "condition", condition: "p1_confesses & p2_confesses" });
    expect(changedLines(pd, p).added).toEqual(["", "infeasible:", "  - p1_confesses & p2_confesses"]);
    expect(p.indexOf("infeasible:")).toBeLessThan(p.indexOf("statusQuo:"));
    expect(loadModel(p).states.length).toBe(3);
    const q = addConstraint(pd, { kind: "atLeastOneOf", options: ["p1_confesses", "p2_confesses"] });
    // Today neither confesses: the engine says the status quo now breaks the new constraint (the page lists it under Problems).
    expect(() => loadModel(q)).toThrow(/the status quo NN is infeasible: it breaks 'at least one of p1_confesses, p2_confesses'/);
    expect(q).toContain("  - atLeastOneOf: [p1_confesses, p2_confesses]\n");
    // A condition starting with ! is quoted; one with a note takes the long form.
    const r = addConstraint(pd, { kind: "condition", condition: "!p1_confesses & p2_confesses", note: "Prisoner 1 always talks first." });
    expect(changedLines(pd, r).added).toEqual(["", "infeasible:", '  - condition: "!p1_confesses & p2_confesses"', "    note: Prisoner 1 always talks first."]);
    expect(loadModel(r).states.length).toBe(3);
    // `infeasible: []` becomes a list.
    const empty = pd.replace("statusQuo: NN", "infeasible: []\nstatusQuo: NN");
    expect(addConstraint(empty, { kind: "condition", condition: "p1_confesses" })).toContain("infeasible:\n  - p1_confesses\nstatusQuo: NN");
  });

  it("checks a constraint before adding it", () => {
    expect(badConstraint(pd, { kind: "condition", condition: "p1_confesses &" })).toMatch(/^cannot read 'p1_confesses &'/);
    expect(badConstraint(pd, { kind: "condition", condition: "p3_confesses" })).toBe("there is no option 'p3_confesses'");
    expect(badConstraint(pd, { kind: "condition", condition: "  " })).toMatch(/write the condition/);
    expect(badConstraint(pd, { kind: "mutuallyExclusive", options: ["p1_confesses"] })).toBe("choose at least two options");
    expect(() => addConstraint(pd, { kind: "atLeastOneOf", options: ["p1_confesses", "nope"] })).toThrow("there is no option 'nope'");
  });

  it("adds a party with its first option, a letter in the patterns and a placeholder preference", () => {
    const t = addDecisionMaker(pd, { id: "judge", name: "The judge", optionId: "judge_pardons", optionLabel: "Pardon both: a deal" });
    const diff = changedLines(pd, t);
    expect({ added: diff.added.sort(), removed: diff.removed }).toEqual({
      added: [
        "  - id: judge",
        "    name: The judge",
        "    options:",
        "      - id: judge_pardons",
        '        label: "Pardon both: a deal"',
        "statusQuo: NNN",
        "  judge:",
        "    - statement: judge_pardons",
        '      note: "A placeholder: write what The judge wants, most important first."',
      ].sort(),
      removed: ["statusQuo: NN"],
    });
    const m = loadModel(t);
    expect(m.scenario.decisionMakers.map((d) => d.name)).toEqual(["Prisoner 1", "Prisoner 2", "The judge"]);
    expect(m.states.length).toBe(8);
    // Ukraine: patterns elsewhere keep working, the analysis runs.
    const u = addDecisionMaker(ukraine, { id: "cn", name: "China", optionId: "cn_mediates", optionLabel: "Offer to mediate" });
    expect(loadModel(u).nOptions).toBe(11);
    expect(outline(u)[4]).toMatchObject({
      id: "cn",
      name: "China",
      options: [{ id: "cn_mediates", label: "Offer to mediate" }],
      statements: [{ text: "cn_mediates" }],
    });
  });

  it("checks a new party's ids", () => {
    expect(badDmId(pd, "p1")).toBe("a party 'p1' exists already");
    expect(badDmId(pd, "2x")).toMatch(/starts with a letter/);
    expect(badDmId(pd, "or")).toMatch(/statement language/);
    expect(badDmId(pd, "judge")).toBeUndefined();
    expect(() => addDecisionMaker(pd, { id: "judge", name: "J", optionId: "p1_confesses", optionLabel: "x" })).toThrow(/exists already/);
    expect(() => addDecisionMaker(pd, { id: "judge", name: " ", optionId: "j_x", optionLabel: "x" })).toThrow(/name cannot be empty/);
  });
});

describe("form edits in the undo history", () => {
  type S = { state: EditorState };
  const apply = (s: S, next: string) => {
    const spec = replaceTextSpec(s.state, next);
    if (spec) s.state = s.state.update(spec).state;
  };
  const type = (s: S, at: number, text: string) => {
    s.state = s.state.update({ changes: { from: at, insert: text }, userEvent: "input.type" }).state;
  };
  const undoOnce = (s: S) => undo({ state: s.state, dispatch: (tr) => (s.state = tr.state) });

  it("is one step per form edit, never merged with typing or another form edit", () => {
    const s: S = { state: EditorState.create({ doc: pd, extensions: [history()] }) };
    const renamed = setDmName(pd, 0, "First prisoner");
    apply(s, renamed);
    const phrased = setOptionPhrases(renamed, 1, 0, { whenTaken: "prisoner 2 talks", whenNotTaken: "" });
    apply(s, phrased);
    type(s, phrased.length, "# typed\n");
    undoOnce(s);
    expect(s.state.doc.toString()).toBe(phrased);
    undoOnce(s);
    expect(s.state.doc.toString()).toBe(renamed);
    undoOnce(s);
    expect(s.state.doc.toString()).toBe(pd);
    expect(replaceTextSpec(s.state, pd)).toBeNull();
  });

  it("changes only the part of the text that differs", () => {
    const state = EditorState.create({ doc: pd });
    const next = setDmName(pd, 0, "First prisoner");
    const spec = replaceTextSpec(state, next)!;
    const { from, to } = spec.changes as { from: number; to: number };
    expect(from).toBeGreaterThanOrEqual(pd.indexOf("Prisoner 1\n"));
    expect(to).toBeLessThanOrEqual(pd.indexOf("Prisoner 1\n") + "Prisoner 1".length);
    expect(state.update(spec).state.doc.toString()).toBe(next);
  });
});
