/** The workbench's views of the engine's results (computed in its worker), and where it underlines an issue. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, displayRanks, loadModel, statePattern } from "../../src/index.js";
import { describeState } from "../../src/model/describe.js";
import { isEquilibrium, patternOf, stateRow, wordsOf } from "../../web/src/page/views/states.js";
import { issueRange } from "../../web/src/editor/diagnostics.js";
import { EngineSession } from "../../web/src/workers/engine/session.js";
import { graphView } from "../../web/src/workers/engine/graph.js";
import { compareView, explainView, modelView } from "../../web/src/workers/engine/views.js";

const root = resolve(import.meta.dirname, "../..");
const read = (f: string) => readFileSync(resolve(root, "scenarios", f), "utf8");
// The views are tested on the default scenario as it was before issue 16 (frozen: its today is not stable).
const readV1 = (f: string) => readFileSync(resolve(root, "tests/fixtures/views", f.replace("ukraine-2025", "ukraine-2025-v1")), "utf8");
const ukraine = analyze(loadModel(readV1("ukraine-2025.yaml")));

describe("model view", () => {
  it("has every state with ranks, stability and equilibria, and the paths from today", () => {
    const v = modelView("ukraine-2025.yaml", ukraine, 0);
    expect(v.states.count).toBe(576);
    expect(v.statusQuo).toBe(301);
    expect(v.equilibria.SEQ).toHaveLength(128);
    const s303 = stateRow(v, 302);
    expect(s303.eq).toEqual(["Nash", "GMR", "SMR", "SEQ", "SIM", "SEQ+SIM"]);
    expect(s303.stable.Nash).toBe(0b1111);
    expect(s303.words).toMatch(/^new US sanctions on Russia; no ceasefire/);
    expect(s303.ranks).toEqual([30, 7, 16, 38].map((_, d) => displayRanks(ukraine.model.pref[d])[302]));
    // The page describes states as the engine does.
    for (let s = 0; s < 576; s++) {
      expect(wordsOf(v, s)).toBe(describeState(ukraine.model, s));
      expect(patternOf(v, s)).toBe(statePattern(ukraine.model, s));
    }
    expect(isEquilibrium(v, 300, "")).toBe(false);
    expect(isEquilibrium(v, 302, "SEQ")).toBe(true);
    expect(v.paths.equilibria[0]).toMatchObject({
      id: 303,
      steps: [{ dmName: "United States", from: 301, to: 303, action: "impose the new sanctions put on hold" }],
    });
    expect(v.paths.unreachable.count).toBe(275);
  });
});

describe("model view of the default scenario as shipped", () => {
  it("shows today stable, with no path out of it, and the equilibria the report gives", () => {
    const current = analyze(loadModel(read("ukraine-2025.yaml"), "ukraine-2025.yaml"));
    const v = modelView("ukraine-2025.yaml", current, 0);
    expect(v.states.count).toBe(576);
    expect(v.statusQuo).toBe(301);
    expect(v.equilibria.SEQ).toHaveLength(92);
    expect(isEquilibrium(v, 300, "SEQ")).toBe(true);
    expect(v.paths.equilibria[0]).toMatchObject({ id: 301, steps: [] });
  });
});

describe("graph view", () => {
  it("draws today's neighbourhood: one edge per pair and party, improvements marked", () => {
    const g = graphView(ukraine, { mode: "neighbourhood", focus: 301, depth: 1, concept: "SEQ", cap: 300 });
    expect(g.nodes).toHaveLength(17);
    expect(g.nodes.find((n) => n.id === 301)).toMatchObject({ sq: true, focus: true, eq: false });
    expect(g.edges.find((e) => e.source === 301 && e.target === 303)).toEqual({
      source: 301,
      target: 303,
      dm: 0,
      improving: true,
      change: "+us_sanctions",
      words: "impose the new sanctions put on hold",
    });
    const pairs = new Set(g.edges.map((e) => `${e.dm}:${Math.min(e.source, e.target)}:${Math.max(e.source, e.target)}`));
    expect(pairs.size).toBe(g.edges.length);
  });
  it("caps large views, nearest first", () => {
    const g = graphView(ukraine, { mode: "all", focus: 1, depth: 1, concept: "Nash", cap: 100 });
    expect(g).toMatchObject({ total: 576, truncated: true });
    expect(g.nodes).toHaveLength(100);
    const today = graphView(ukraine, { mode: "today", focus: 1, depth: 1, concept: "Nash", cap: 100 });
    expect(today.nodes.map((n) => n.id)).toEqual([301, 303]);
  });
});

describe("explanation", () => {
  it("says why today is not stable: the US gains by sanctions and nothing deters it", () => {
    const x = explainView(ukraine, 301);
    expect(x.isStatusQuo).toBe(true);
    expect(x.eq).toEqual([]);
    const us = x.dms[0];
    expect(us.improvements).toHaveLength(1);
    expect(us.improvements[0]).toMatchObject({ to: 303, action: "impose the new sanctions put on hold" });
    expect(us.improvements[0].sanctions.every((s) => s.how === null)).toBe(true);
    expect(x.dms[1].improvements).toEqual([]);
  });
  it("names the sanction that deters a move", () => {
    const x = explainView(ukraine, 295);
    const deterred = x.dms.flatMap((d) => d.improvements.flatMap((i) => i.sanctions)).find((s) => s.how);
    expect(deterred?.how).toMatch(/^then .+ → state \d+ \((?:[a-z_]+(?: \+ [a-z_]+)*|nothing taken)\), which .+ ranks \d+, no better than staying \(\d+\)$/);
  });
});

describe("comparison and the worker session", () => {
  it("compares two versions side by side", () => {
    const c = compareView(
      loadModel(readV1("ukraine-2025.yaml")),
      "ukraine-2025.yaml",
      loadModel(readV1("ukraine-2025-us-air-guarantee.yaml")),
      "ukraine-2025-us-air-guarantee.yaml",
    );
    expect(c.a.equilibria.find((e) => e.concept === "Nash")!.count).toBe(16);
    expect(c.b.equilibria.find((e) => e.concept === "Nash")!.count).toBe(24);
    expect(c.changes.length).toBeGreaterThan(0);
    expect(c.concepts.some((k) => k.gained.length > 0)).toBe(true);
    expect(c.markdown).toMatch(/^# ukraine-2025.yaml → ukraine-2025-us-air-guarantee.yaml/);
  });
  it("loads, reports problems with their place, keeps the last good version, and writes the report", () => {
    const s = new EngineSession();
    const phases: string[] = [];
    const ok = s.handle({ type: "load", text: read("chicken.yaml"), file: "chicken.yaml" }, (p) => phases.push(p));
    expect(ok.ok).toBe(true);
    expect(phases).toContain("analysing 4 states");
    const bad = s.handle({ type: "load", text: "format: parley/1\nname: [", file: "x.yaml" }, () => {});
    expect(bad).toMatchObject({ ok: false, issues: [{ code: "syntax", located: true }] });
    expect(s.handle({ type: "explain", state: 1 }, () => {}).dms).toHaveLength(2);
    const r = s.handle({ type: "report", related: [] }, () => {});
    expect(r.html).toMatch(/^<!doctype html>/);
    expect(r.markdown).toMatch(/^# Chicken/);
    expect(s.handle({ type: "csv" }, () => {})).toMatch(/^state,pattern,/);
    expect(() => s.handle({ type: "explain", state: 99 }, () => {})).toThrow(/no state 99/);
  });
});

describe("where an issue is underlined", () => {
  const lines = ["format: parley/1", "name: The 2025 Ukraine peace process: oops", "  ", "asOf: x   "];
  it("from the column to the end of the word", () => {
    expect(issueRange(lines, { line: 2, column: 7 })).toEqual({ from: 17 + 6, to: 17 + 9 });
  });
  it("the last word when the column is past the end, nothing on an empty line", () => {
    expect(issueRange(lines, { line: 4, column: 12 })).toEqual({ from: 17 + 43 + 3 + 6, to: 17 + 43 + 3 + 7 });
    expect(issueRange(lines, { line: 3, column: 1 })).toEqual({ from: 60, to: 60 });
    expect(issueRange(lines, { line: 99, column: 1 })).toEqual({ from: 63, to: 68 });
  });
});
