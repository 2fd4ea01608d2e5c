/** The workbench's Bargaining view: the worker's answer and the chart model (web/src/charts/bargain-chart.ts). */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CHART_MIN, chartLayout, chartSvg, fmt, issueChart, levelDash, roundDetail } from "../../web/src/charts/bargain-chart.js";
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
    expect(band.label).toMatch(/^Expected utility \(BDM\): 90% of 50 Monte Carlo draws between [\d.]+ and [\d.]+% \(5% and 95%\), median /);
  });

  it("tells overlapping levels apart: one line in turns for levels at the same value, one label 'Median = Nash', each band named", () => {
    // Median and Nash ending at the same value (their levels drawn on each other): one line, one label naming both.
    const f = territory.forecasts;
    const issue = { ...territory, forecasts: { ...f, nash: { ...f.nash, forecast: f.median.forecast } } };
    const c = issueChart(issue, view.models, { width: 900, height: 360 });
    const shared = c.ends.find((e) => e.models.some((m) => m.model === "median"))!;
    expect(shared.models.map((m) => m.short)).toEqual(["Median", "Nash"]);
    expect(c.ends.flatMap((e) => e.models).length).toBe(c.series.length);
    for (let k = 1; k < c.ends.length; k++) expect(c.ends[k].labelY - c.ends[k - 1].labelY).toBeGreaterThanOrEqual(13);
    // The labels sit right of the bands, inside the picture; the plot takes the rest of the width.
    const lastBand = Math.max(...c.series.map((s) => s.band?.x ?? 0));
    expect(c.ends.every((e) => e.x > lastBand && e.x + 120 <= c.width)).toBe(true);
    expect(c.plot.right).toBeGreaterThan(900 - 280);
    const svg = chartSvg(c);
    const dashes = Object.fromEntries(
      [...svg.matchAll(/stroke-dasharray="([^"]+)"(?: stroke-dashoffset="(\d+)")? class="series" data-model="(\w+)"/g)].map((m) => [
        m[3],
        `${m[1]}@${m[2] ?? 0}`,
      ]),
    );
    // The mean keeps its own dash; the median and Nash take turns on their shared line, a segment each.
    expect(dashes).toEqual({ mean: "8 4@0", median: "16 16@0", nash: "16 16@16" });
    const median = c.series.find((x) => x.model === "median")!;
    expect(median.shared).toEqual({ index: 0, of: 2, with: ["nash"] });
    expect(levelDash(c.series.find((x) => x.model === "mean")!)).toEqual({ dash: "8 4", offset: 0 });
    expect(svg).toContain(`<tspan fill="#1d4e89">Median</tspan> = <tspan fill="#2a7a3b">Nash</tspan> ${fmt(f.median.forecast)}`);
    // Levels at different values keep their own dashes and are not shared.
    const apart = issueChart(territory, view.models, { width: 900, height: 360 });
    expect(apart.series.filter((x) => x.shared).map((x) => x.model)).toEqual(fmt(f.median.forecast) === fmt(f.nash.forecast) ? ["median", "nash"] : []);
    // Each band has its model's name above it, in two rows so that neighbours never collide, under a caption saying what the bars are.
    const bands = c.series.filter((x) => x.band).map((x) => x.band!);
    expect(bands.map((b) => b.name)).toEqual(["Mean", "Median", "Nash", "BDM", "SMP"]);
    expect(bands.map((b) => b.row)).toEqual([0, 1, 0, 1, 0]);
    for (const b of bands) {
      expect(b.nameY).toBeLessThan(c.plot.top);
      expect(svg).toContain(`class="band-label">${b.name}</text>`);
    }
    for (let k = 2; k < bands.length; k++) expect(bands[k].x - bands[k - 2].x).toBeGreaterThanOrEqual(52);
    expect(c.bandsCaption!.text).toBe("90% of draws");
    expect(c.bandsCaption!.y).toBeLessThan(Math.min(...bands.map((b) => b.nameY)) - 10);
    expect(svg).toMatch(/<text [^>]*class="band-caption"><title>Each bar: the middle 90% of the Monte Carlo draws[^<]*<\/title>90% of draws<\/text>/);
    // The scale's upper end is written above the caption (a long one would run into the bands' names).
    expect(svg).toMatch(new RegExp(`<text x="${c.plot.left}" y="${c.bandsCaption!.y - 13}" class="scale-label">100% = `));
  });

  it("spends the view's width: two charts side by side when both get enough, else one, its round's detail beside it when the chart keeps 720 px", () => {
    expect(chartLayout(1412, 2)).toEqual({ columns: 2, width: 694, beside: false });
    expect(chartLayout(1412, 1)).toEqual({ columns: 1, width: 1412 - 340, beside: true });
    expect(chartLayout(1252, 2)).toEqual({ columns: 1, width: 912, beside: true });
    expect(chartLayout(996, 2)).toEqual({ columns: 1, width: 996, beside: false });
    expect(chartLayout(607, 2)).toEqual({ columns: 1, width: 607, beside: false });
    expect(chartLayout(2 * CHART_MIN + 23, 2).columns).toBe(1);
    expect(chartLayout(2 * CHART_MIN + 24, 2).width).toBe(CHART_MIN);
    // A narrow chart writes the scale's lower end a line under the rounds' title, where it cannot run into it.
    const narrow = issueChart(territory, view.models, { width: 607, height: 360 });
    const wide = issueChart(territory, view.models, { width: 996, height: 360 });
    expect([narrow.minBelow, wide.minBelow]).toEqual([true, false]);
    expect(narrow.plot.bottom).toBe(wide.plot.bottom - 12);
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
