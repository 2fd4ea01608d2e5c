/**
 * The Graph view's data and layouts (issue 19): moves labelled by the options
 * they change, the tree of states reachable from a state, the moves of the
 * parties shown only, all states nearest first; the layouts the worker
 * computes (rings by distance, layers folded to the drawing's shape, a
 * force-directed layout that is the same every time).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, loadModel, stateName, stateOfId } from "../../src/index.js";
import { changeLabel, graphView } from "../../web/src/workers/engine/graph.js";
import { distances, GAP, layout } from "../../web/src/workers/layout/graph-layout.js";
import type { LayoutInput } from "../../web/src/protocol/layout.js";

const text = readFileSync(resolve(import.meta.dirname, "../fixtures/views/ukraine-2025-v1.yaml"), "utf8");
const ukraine = analyze(loadModel(text));
const m = ukraine.model;
const base = { focus: 301, depth: 1, concept: "SEQ" as const, cap: 300 };

describe("the graph's data", () => {
  it("labels each move by the options it changes, taken (+) and withdrawn (−), and names each state", () => {
    const g = graphView(ukraine, { ...base, mode: "neighbourhood" });
    for (const e of g.edges) {
      const a = m.states[stateOfId(m, e.source)];
      const b = m.states[stateOfId(m, e.target)];
      const expected = m.scenario.options.flatMap((o, k) => ((a ^ b) & (1 << k) ? [`${b & (1 << k) ? "+" : "−"}${o.id}`] : []));
      expect(e.change).toBe(expected.join(", "));
      expect(e.change).not.toBe("");
    }
    expect(changeLabel(m, stateOfId(m, 303), stateOfId(m, 301))).toBe("−us_sanctions");
    expect(g.nodes.find((n) => n.id === 301)).toMatchObject({ name: "ru_offensive + eu_ceasefire_first", depth: 0 });
    for (const n of g.nodes) expect(n.name).toBe(stateName(m, stateOfId(m, n.id)));
  });

  it("draws the tree of states reachable from a state: each once, one move from its parent, within the depth", () => {
    const t = graphView(ukraine, { ...base, mode: "tree", depth: 2 });
    const ids = t.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(t.edges).toHaveLength(t.nodes.length - 1);
    const depth = new Map(t.nodes.map((n) => [n.id, n.depth]));
    for (const e of t.edges) expect(depth.get(e.target)).toBe(depth.get(e.source)! + 1);
    expect(Math.max(...depth.values())).toBe(2);
    // Depth 1 of the tree is the neighbourhood at one move.
    expect(t.nodes.filter((n) => n.depth <= 1).map((n) => n.id)).toEqual(graphView(ukraine, { ...base, mode: "neighbourhood" }).nodes.map((n) => n.id));
    // By improvements only: every edge leaves its mover better off; today's one improvement (the US sanctions) then what follows.
    const imp = graphView(ukraine, { ...base, mode: "tree", depth: 3, improving: true });
    expect(imp.edges.every((e) => e.improving)).toBe(true);
    expect(imp.edges[0]).toMatchObject({ source: 301, target: 303, dm: 0, change: "+us_sanctions" });
    expect(imp.nodes.length).toBeLessThan(t.nodes.length);
  });

  it("draws and follows the moves of the parties shown only", () => {
    const all = graphView(ukraine, { ...base, mode: "neighbourhood" });
    const usOnly = graphView(ukraine, { ...base, mode: "neighbourhood", movers: [0] });
    expect(usOnly.edges.length).toBeGreaterThan(0);
    expect(usOnly.edges.every((e) => e.dm === 0)).toBe(true);
    expect(usOnly.edges.length).toBe(all.edges.filter((e) => e.dm === 0).length);
    expect(usOnly.nodes.length).toBeLessThan(all.nodes.length);
    expect(graphView(ukraine, { ...base, mode: "equilibria", movers: [] }).edges).toEqual([]);
  });

  it("draws at most maxMoves moves, the improving ones first, and says how many there were", () => {
    const whole = graphView(ukraine, { ...base, mode: "all" });
    const some = graphView(ukraine, { ...base, mode: "all", maxMoves: 500 });
    expect(some.movesTotal).toBe(whole.edges.length);
    expect(whole.movesTotal).toBe(whole.edges.length);
    expect(some.edges).toHaveLength(500);
    const improving = whole.edges.filter((e) => e.improving).length;
    expect(improving).toBeGreaterThan(500);
    expect(some.edges.every((e) => e.improving)).toBe(true);
    expect(some.nodes).toEqual(whole.nodes);
  });

  it("keeps, of all the states, the nearest to today", () => {
    const g = graphView(ukraine, { ...base, mode: "all", cap: 40 });
    expect(g.nodes[0]).toMatchObject({ id: 301, depth: 0 });
    const depths = g.nodes.map((n) => n.depth);
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    expect(g).toMatchObject({ total: 576, truncated: true });
  });
});

/** A tree of 1 + 6 + 36 nodes: a root, 6 children, 6 grandchildren each. */
function tree(): [number, number][] {
  const edges: [number, number][] = [];
  for (let c = 1; c <= 6; c++) {
    edges.push([0, c]);
    for (let g = 0; g < 6; g++) edges.push([c, 7 + (c - 1) * 6 + g]);
  }
  return edges;
}
const input = (name: LayoutInput["layout"], aspect = 1.6): LayoutInput => ({ layout: name, n: 43, edges: tree(), root: 0, aspect });
const point = (p: Float64Array, v: number) => ({ x: p[2 * v], y: p[2 * v + 1] });

describe("the graph's layouts", () => {
  it("rings: the root in the middle, each state on the ring of its distance", () => {
    const p = layout(input("rings"));
    expect(point(p, 0)).toEqual({ x: 0, y: 0 });
    const r = (v: number) => Math.hypot(p[2 * v], p[2 * v + 1]);
    expect(r(1)).toBeGreaterThan(0);
    for (let c = 2; c <= 6; c++) expect(r(c)).toBeCloseTo(r(1), 6);
    for (let g = 8; g < 43; g++) expect(r(g)).toBeCloseTo(r(7), 6);
    expect(r(7)).toBeGreaterThan(r(1));
    expect([...distances(input("rings"))].slice(0, 8)).toEqual([0, 1, 1, 1, 1, 1, 1, 2]);
  });

  it("layered: one band per distance, a wide layer folded into rows so the drawing is shaped like the area, children under their parents", () => {
    for (const aspect of [1, 2.5]) {
      const p = layout(input("layered", aspect));
      const xs = Array.from({ length: 43 }, (_, v) => p[2 * v]);
      const ys = Array.from({ length: 43 }, (_, v) => p[2 * v + 1]);
      const width = Math.max(...xs) - Math.min(...xs) + GAP.x;
      const height = Math.max(...ys) - Math.min(...ys) + GAP.y;
      // Not a flat strip: within a factor of two of the area's shape.
      expect(width / height / aspect).toBeGreaterThan(0.5);
      expect(width / height / aspect).toBeLessThan(2);
      // Distance 2 below distance 1 below the root.
      expect(Math.min(...ys.slice(1, 7))).toBeGreaterThan(ys[0]);
      expect(Math.min(...ys.slice(7))).toBeGreaterThan(Math.max(...ys.slice(1, 7)));
      // The grandchildren keep their parents' left-to-right order.
      const parentOrder = [1, 2, 3, 4, 5, 6].sort((a, b) => xs[a] - xs[b]);
      const meanX = (c: number) => xs.slice(7 + (c - 1) * 6, 7 + c * 6).reduce((a, b) => a + b, 0) / 6;
      const childOrder = [1, 2, 3, 4, 5, 6].sort((a, b) => meanX(a) - meanX(b));
      expect(childOrder).toEqual(parentOrder);
    }
  });

  it("force-directed: the same every time, finite, states apart, with progress reported", () => {
    const steps: number[] = [];
    const a = layout(input("force"), (done) => steps.push(done));
    const b = layout(input("force"));
    expect([...a]).toEqual([...b]);
    expect(a.every(Number.isFinite)).toBe(true);
    expect(steps.length).toBeGreaterThan(5);
    expect(steps[steps.length - 1]).toBe(300);
    let closest = Number.POSITIVE_INFINITY;
    for (let u = 0; u < 43; u++) for (let v = u + 1; v < 43; v++) closest = Math.min(closest, Math.hypot(a[2 * u] - a[2 * v], a[2 * u + 1] - a[2 * v + 1]));
    expect(closest).toBeGreaterThan(10);
  });

  it("grid: rows and columns, and nothing for no states", () => {
    const p = layout({ ...input("grid"), n: 4, edges: [] });
    expect(new Set([0, 1, 2, 3].map((v) => `${p[2 * v]},${p[2 * v + 1]}`)).size).toBe(4);
    expect(layout({ layout: "layered", n: 0, edges: [], root: 0, aspect: 1 })).toHaveLength(0);
  });
});
