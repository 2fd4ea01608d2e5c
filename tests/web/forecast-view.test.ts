/**
 * The Forecast view and the model checks as the workbench's worker computes
 * them: outcome probabilities that sum to 1, each question forecast or
 * labelled a retrodiction by the day it is made, the signposts, the log lines
 * exactly as `parley forecast --record` writes them; lint findings at their
 * line; the charts' geometry; the synchronous SHA-256.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, forecast, forecastLogText, forecastRecords, loadModel } from "../../src/index.js";
import { CHART, questionChart, questionSvg } from "../../web/src/charts/forecast-chart.js";
import { forecastView, lintView } from "../../web/src/workers/engine/forecast.js";
import { sha256Hex } from "../../web/src/workers/engine/sha256.js";
import { EngineSession } from "../../web/src/workers/engine/session.js";

const root = resolve(import.meta.dirname, "../..");
const text = readFileSync(resolve(root, "scenarios/ukraine-2025.yaml"), "utf8");
const ukraine = analyze(loadModel(text, "ukraine-2025.yaml"));
const hash = `sha256:${createHash("sha256").update(text).digest("hex")}`;

describe("the Forecast view", () => {
  const before = forecastView(ukraine, text, 3, "2025-09-01");
  const after = forecastView(ukraine, text, 3, "2026-06-01");

  it("gives the outcomes in words with probabilities summing to 1, exact for this model", () => {
    expect(before.version).toBe(3);
    expect(before.made).toBe("2025-09-01");
    expect(before.exact).toBe(true);
    expect(before.families.every((f) => f.stderr === null && f.words.length > 0)).toBe(true);
    expect(before.families.reduce((a, f) => a + f.probability, 0)).toBeCloseTo(before.settled, 9);
    expect(before.settled).toBeGreaterThan(0.99);
  });

  it("dates the forecast the day it is made: questions ahead are forecast, passed ones are retrodictions", () => {
    expect(before.questions.map((q) => q.retrodiction)).toEqual(before.questions.map(() => false));
    expect(after.questions.every((q) => q.retrodiction && q.note.startsWith("retrodiction from 2025-08-19"))).toBe(true);
    for (const q of before.questions) {
      expect(q.curve.length).toBeGreaterThan(0);
      expect(q.curve[q.curve.length - 1].date <= q.by).toBe(true);
    }
  });

  it("lists the signposts with each question's new probability", () => {
    expect(before.signposts.length).toBeGreaterThan(0);
    expect(before.signposts.length).toBeLessThanOrEqual(8);
    for (const s of before.signposts) {
      expect(s.words).toMatch(/^(United States|Russia|Ukraine|European allies): /);
      expect(s.questions.map((q) => q.id)).toEqual(before.questions.map((q) => q.id));
    }
    expect(before.signposts.some((s) => s.questions.some((q) => q.answers))).toBe(true);
  });

  it("gives the log lines parley forecast --record writes, with the text's SHA-256", () => {
    const f = forecast(ukraine, { today: "2025-09-01", signposts: 8 });
    expect(before.records).toBe(forecastLogText(forecastRecords(f, { name: ukraine.model.scenario.name, hash })));
    const lines = before.records
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(before.questions.length);
    expect(lines[0]).toMatchObject({ format: "parley-forecast-record/1", made: "2025-09-01", scenario: { hash }, retrodiction: false });
  });

  it("says the Monte Carlo error of a sampled forecast", () => {
    const sampled = forecastView(ukraine, text, 1, "2025-09-01", { method: "sample", samples: 2000, signposts: 0 });
    expect(sampled.exact).toBe(false);
    expect(sampled.samples).toBe(2000);
    for (const f of sampled.families) expect(f.stderr).toBeCloseTo(Math.sqrt((f.probability * (1 - f.probability)) / 2000), 12);
    expect(sampled.questions.every((q) => q.stderr !== null)).toBe(true);
    // Within four standard errors of the exact numbers.
    const top = before.families[0];
    const same = sampled.families.find((f) => f.words === top.words)!;
    expect(Math.abs(same.probability - top.probability)).toBeLessThan(4 * same.stderr! + 1e-9);
  });
});

describe("the model checks beside the editor", () => {
  it("gives each finding at its line, with why and how to fix it", () => {
    // The default scenario is clean; the what-if where Trump's patience runs out contradicts today, openly.
    expect(lintView(ukraine, text, 6).findings).toEqual([]);
    const patienceText = readFileSync(resolve(root, "scenarios/ukraine-2025-us-patience-runs-out.yaml"), "utf8");
    const patience = analyze(loadModel(patienceText, "ukraine-2025-us-patience-runs-out.yaml"));
    const r = lintView(patience, patienceText, 7);
    expect(r.version).toBe(7);
    const rp = r.findings.find((f) => f.code === "revealed-preference")!;
    expect(patienceText.split("\n")[rp.line - 1]).toContain("if: ru_offensive");
    expect(rp).toMatchObject({ column: 9, located: true });
    expect(rp.why.length).toBeGreaterThan(0);
    expect(rp.fix.length).toBeGreaterThan(0);
  });

  it("answers through the worker's session, for the version loaded", () => {
    const s = new EngineSession();
    const loaded = s.handle({ type: "load", text, file: "ukraine-2025.yaml" }, () => {});
    expect(loaded.ok).toBe(true);
    const phases: string[] = [];
    const f = s.handle({ type: "forecast", signposts: 3 }, (p) => phases.push(p));
    expect(phases[0]).toMatch(/^forecasting/);
    expect(f.made).toBe(new Date().toISOString().slice(0, 10));
    expect(f.signposts.length).toBeLessThanOrEqual(3);
    expect(s.handle({ type: "lint" }, () => {}).findings).toEqual([]);
    // The lint answers for the version loaded: the what-if where Trump's patience runs out has a finding.
    const patience = readFileSync(resolve(root, "scenarios/ukraine-2025-us-patience-runs-out.yaml"), "utf8");
    expect(s.handle({ type: "load", text: patience, file: "ukraine-2025-us-patience-runs-out.yaml" }, () => {}).ok).toBe(true);
    expect(s.handle({ type: "lint" }, () => {}).findings.length).toBeGreaterThan(0);
  });
});

describe("the question charts", () => {
  const q = forecastView(ukraine, text, 1, "2025-09-01").questions[0];
  const chart = questionChart(q, "2025-09-01");

  it("runs from the start on the left to the resolution date on the right, 0% at the bottom", () => {
    const { width, height, left, right, top, bottom } = CHART;
    expect(chart.points[0]).toMatchObject({ date: "2025-09-01", x: left, y: height - bottom });
    expect(chart.by.x).toBeCloseTo(width - right, 6);
    for (const p of chart.points) {
      expect(p.x).toBeGreaterThanOrEqual(left);
      expect(p.x).toBeLessThanOrEqual(width - right + 1e-9);
      expect(p.y).toBeCloseTo(top + (1 - p.probability) * (height - top - bottom), 9);
    }
    expect(chart.title).toMatch(/^Forecast: Will .* by 2025-12-31, from 2025-09-01\.$/);
  });

  it("draws the curve and the resolution date, and says a retrodiction is one", () => {
    const svg = questionSvg(chart, false);
    expect(svg).toContain('class="by"');
    expect(svg).toContain("by 2025-12-31");
    expect(svg.match(/<circle/g)).toHaveLength(chart.points.length);
    const retro = { ...q, retrodiction: true };
    expect(questionSvg(questionChart(retro, "2025-08-15"), true)).toMatch(/class="forecast-svg retro".*aria-label="Retrodiction: /);
  });

  it("escapes the question's words", () => {
    const svg = questionSvg(questionChart({ ...q, question: '<script>alert("x")</script> & more' }, "2025-09-01"), false);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more");
  });
});

describe("SHA-256 in the worker", () => {
  it("agrees with node:crypto, across block boundaries and for any UTF-8", () => {
    for (const t of ["", "abc", "x".repeat(55), "x".repeat(56), "x".repeat(119), "é€😀".repeat(100), text])
      expect(sha256Hex(t)).toBe(createHash("sha256").update(t).digest("hex"));
  });
});
