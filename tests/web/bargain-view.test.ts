/** The workbench's Bargaining view: the worker's answer and the chart model (web/src/charts/bargain-chart.ts). */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { chartSvg, fmt, issueChart, roundDetail } from "../../web/src/charts/bargain-chart.js";
import { EngineSession } from "../../web/src/workers/engine/session.js";
import type { BargainView } from "../../web/src/protocol/engine.js";

const root = resolve(import.meta.dirname, "../..");
const read = (f: string) => readFileSync(resolve(root, "scenarios", f), "utf8");

function bargain(file: string, samples = 0): BargainView {
  const s = new EngineSession();
  const loaded = s.handle({ type: "load", text: read(file), file }, () => {});
  expect(loaded.ok).toBe(true);
  return s.handle({ type: "bargain", samples, seed: 1 }, () => {});
}

describe("the bargaining view", () => {
  const view = bargain("ukraine-2025.yaml", 50);
  const territory = view.issues.find((i) => i.id === "territory")!;

  it("gets parley bargain's JSON for the loaded version from the worker", () => {
    expect(view.format).toBe("parley-bargain/1");
    expect(view.version).toBe(1);
    expect(view.issues.map((i) => i.id)).toEqual(["territory", "guarantee"]);
    expect(view.samples).toBe(50);
    expect(territory.forecasts["expected-utility"].rounds![0].positions).toEqual({ us: 50, ru: 100, ua: 0, eu: 10 });
  });

  it("lays out the scale upwards and the rounds across, with a point per round of each dynamic model", () => {
    const c = issueChart(territory, view.models, { width: 640, height: 320 });
    const { top, bottom, left, right } = c.plot;
    const eu = c.series.find((s) => s.model === "expected-utility")!;
    const rounds = territory.forecasts["expected-utility"].rounds!;
    expect(eu.level).toBe(false);
    expect(eu.points.map((p) => p.value)).toEqual(rounds.map((r) => r.forecast));
    expect(eu.points[0].x).toBe(left);
    // 100 is at the top, 0 at the bottom; the last round of the longest dynamic model at the right.
    const y = (v: number) => top + ((bottom - top) * (100 - v)) / 100;
    expect(eu.points.map((p) => p.y)).toEqual(rounds.map((r) => y(r.forecast)));
    expect(Math.max(...c.series.flatMap((s) => s.points.map((p) => p.x)))).toBe(right);
    expect(eu.points[1].label).toBe(`Expected utility (BDM), round 1: ${rounds[1].forecast.toFixed(1)}%`);
    // Static models are one level across the chart.
    const mean = c.series.find((s) => s.model === "mean")!;
    expect(mean.level).toBe(true);
    expect(mean.points.map((p) => [p.x, p.value])).toEqual([
      [left, territory.forecasts.mean.forecast],
      [right, territory.forecasts.mean.forecast],
    ]);
    // Ticks for the actors' starting positions, labels kept at least 12 px apart (Ukraine at 0 and the Europeans at 10 are close).
    expect(c.ticks.map((t) => t.name)).toEqual(["Russia", "United States", "European allies", "Ukraine"]);
    for (let k = 1; k < c.ticks.length; k++) expect(c.ticks[k].labelY - c.ticks[k - 1].labelY).toBeGreaterThanOrEqual(12);
    // Monte Carlo band: 5% ≤ median ≤ 95%, drawn downwards in that order.
    const band = eu.band!;
    expect(band.q05).toBeLessThanOrEqual(band.q50);
    expect(band.q50).toBeLessThanOrEqual(band.q95);
    expect(band.y95).toBeLessThanOrEqual(band.y05);
    expect(band.label).toMatch(/^Expected utility \(BDM\), 50 Monte Carlo draws: 5% /);
  });

  it("tells overlapping levels apart: a dash per model, one label for the models ending at the same value, the bands captioned", () => {
    // Median and Nash ending at the same value (their levels drawn on each other): one label names both.
    const f = territory.forecasts;
    const issue = { ...territory, forecasts: { ...f, nash: { ...f.nash, forecast: f.median.forecast } } };
    const c = issueChart(issue, view.models, { width: 900, height: 340 });
    const shared = c.ends.find((e) => e.models.some((m) => m.model === "median"))!;
    expect(shared.models.map((m) => m.short)).toEqual(["Median", "Nash"]);
    expect(c.ends.flatMap((e) => e.models).length).toBe(c.series.length);
    for (let k = 1; k < c.ends.length; k++) expect(c.ends[k].labelY - c.ends[k - 1].labelY).toBeGreaterThanOrEqual(12);
    // The labels sit right of the bands, inside the picture; the plot takes the rest of the width.
    const lastBand = Math.max(...c.series.map((s) => s.band?.x ?? 0));
    expect(c.ends.every((e) => e.x > lastBand && e.x + 120 <= c.width)).toBe(true);
    expect(c.plot.right).toBeGreaterThan(900 - 220);
    const svg = chartSvg(c);
    const dashes = [...svg.matchAll(/stroke-dasharray="([^"]+)" class="series" data-model="(\w+)"/g)].map((m) => [m[2], m[1]]);
    expect(Object.fromEntries(dashes)).toEqual({ mean: "8 4", median: "2 3", nash: "12 3 2 3" });
    expect(svg).toMatch(/<text [^>]*class="band-caption"><tspan [^>]*>5–95%<\/tspan><tspan [^>]*>of draws<\/tspan><\/text>/);
    expect(svg).toContain(`<tspan fill="#1d4e89">Median</tspan>, <tspan fill="#2a7a3b">Nash</tspan> ${fmt(f.median.forecast)}`);
  });

  it("says on a click what every actor holds in a round and who moved", () => {
    const rounds = territory.forecasts["expected-utility"].rounds!;
    const d = roundDetail(territory, "expected-utility", 1)!;
    expect(d.heading).toBe(`Expected utility (BDM), round 1: forecast ${rounds[1].forecast.toFixed(1)}%`);
    expect(d.rows.map((r) => [r.name, r.position])).toEqual(territory.actors.map((a) => [a.name, rounds[1].positions[a.id]]));
    expect(d.rows.every((r) => r.risk !== undefined && r.risk >= 0.5 && r.risk <= 2)).toBe(true);
    expect(d.moves).toHaveLength(rounds[1].moves!.length);
    expect(d.moves.every((m) => / (loses a conflict to|compromises with|capitulates to) /.test(m))).toBe(true);
    expect(roundDetail(territory, "expected-utility", 0)!.heading).toMatch(/the start/);
    expect(roundDetail(territory, "mean", 0)).toBeUndefined();
    expect(roundDetail(territory, "smp", 99)).toBeUndefined();
  });

  it("draws an SVG with a clickable, titled point per round and escaped text", () => {
    const issue = { ...territory, title: "A <b> & c", actors: territory.actors.map((a, k) => (k === 0 ? { ...a, name: "US & <allies>" } : a)) };
    const svg = chartSvg(issueChart(issue, view.models));
    const points = svg.match(/<circle [^>]*data-model="expected-utility" data-round="\d+"/g)!;
    expect(points).toHaveLength(territory.forecasts["expected-utility"].rounds!.length);
    expect(svg).toContain('aria-label="Forecasts for A &lt;b&gt; &amp; c"');
    expect(svg).toContain("US &amp; &lt;allies&gt; 50.0");
    expect(svg).not.toContain("<allies>");
  });

  it("is empty for a scenario without a bargaining section", () => {
    expect(bargain("elmira.yaml").issues).toEqual([]);
  });
});
