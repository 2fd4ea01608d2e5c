/**
 * The sensitivity phase in proportion: the same effects as analysing every
 * change one by one (the shortcuts change nothing), the changes that can
 * matter tried first, and a budget that stops the phase and says what it
 * skipped and why, in the report's every form.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyChange, planSensitivity, preferenceSensitivity, withPreference, type ChangeEffect } from "../../src/analysis/sensitivity.js";
import { statusQuoAnalysis } from "../../src/analysis/paths.js";
import { render } from "../../src/present/document.js";
import { buildReport } from "../../src/report/build.js";
import { reportDocument } from "../../src/report/render.js";
import { reportOutput } from "../../src/report/report-output.js";
import { analyze, loadModel } from "../../src/index.js";
import { variantContext } from "../../src/stability/analyze.js";
import { parley } from "../helpers/cli.js";

const load = (f: string) => loadModel(readFileSync(`scenarios/${f}`, "utf8"), f);

/** Every change analysed from scratch, the way the phase did before it had shortcuts: the reference. */
function everyChange(file: string): Map<string, Omit<ChangeEffect, "change">> {
  const model = load(file);
  const base = analyze(model);
  const reached = (a: typeof base) => new Set(statusQuoAnalysis(a).equilibria.map((e) => e.state));
  const before = reached(base);
  const out = new Map<string, Omit<ChangeEffect, "change">>();
  for (const change of planSensitivity(base).variants.map((v) => v.change)) {
    const variant = withPreference(model, change.dm, applyChange(model.scenario.preferences[change.dm], change));
    const a = analyze(variant, { context: variantContext(base.context, variant) });
    const effects: ChangeEffect["effects"] = {};
    let weight = 0;
    for (const c of base.concepts) {
      const gained = a.equilibria[c]!.filter((s) => !base.equilibria[c]!.includes(s));
      const lost = base.equilibria[c]!.filter((s) => !a.equilibria[c]!.includes(s));
      if (gained.length || lost.length) effects[c] = { gained, lost };
      weight += gained.length + lost.length;
    }
    const after = reached(a);
    const fromStatusQuo = {
      gained: [...after].filter((s) => !before.has(s)).sort((x, y) => x - y),
      lost: [...before].filter((s) => !after.has(s)).sort((x, y) => x - y),
    };
    out.set(JSON.stringify(change), { effects, weight, fromStatusQuo });
  }
  return out;
}

describe("preference sensitivity", () => {
  it.each(["ukraine-2025.yaml", "elmira.yaml", "chicken.yaml"])("%s: every change has the effect a fresh analysis of it gives", (file) => {
    const reference = everyChange(file);
    const s = preferenceSensitivity(analyze(load(file)));
    expect(s.skipped).toEqual([]);
    expect(s.tried).toBe(reference.size);
    for (const { change, ...effect } of s.changes) expect(effect, JSON.stringify(change)).toEqual(reference.get(JSON.stringify(change)));
  });

  it("settles a change that keeps the party's ranking of every state without analysing it", () => {
    // The default scenario has changes that swap two statements which never decide a comparison between them.
    const s = preferenceSensitivity(analyze(load("ukraine-2025.yaml")));
    expect(s.sameRanking).toBe(6);
    expect(s.analysed).toBe(s.candidates - 6);
    const plan = planSensitivity(analyze(load("ukraine-2025.yaml")));
    for (const v of plan.variants.filter((x) => x.sameRanking)) expect(plan.analyse).not.toContain(plan.variants.indexOf(v));
  });

  it("tries first the change that moves the outlook from today (Elmira: the 19th of 24 in the scenario's order)", () => {
    const model = load("elmira.yaml");
    const base = analyze(model);
    const plan = planSensitivity(base);
    const full = preferenceSensitivity(base);
    // The one change of the scenario's preferences that changes where play from today leads.
    const moving = full.changes.filter((c) => c.fromStatusQuo.gained.length + c.fromStatusQuo.lost.length > 0).map((c) => c.change);
    expect(moving).toContainEqual({ kind: "swap", dm: 2, first: 2, second: 3 });
    expect(plan.variants.findIndex((v) => JSON.stringify(v.change) === JSON.stringify({ kind: "swap", dm: 2, first: 2, second: 3 }))).toBe(18);
    expect(plan.variants[plan.analyse[0]].change).toEqual({ kind: "swap", dm: 2, first: 2, second: 3 });
    // Every change that moves the outlook comes before any that does not.
    const rank = plan.analyse.map((k) => JSON.stringify(plan.variants[k].change));
    const last = Math.max(...moving.map((c) => rank.indexOf(JSON.stringify(c))));
    expect(last).toBe(moving.length - 1);
    // With a budget of one analysis, the report still finds it.
    const one = preferenceSensitivity(base, { maxChanges: 1 });
    expect(one.analysedInOrder).toEqual([{ kind: "swap", dm: 2, first: 2, second: 3 }]);
    expect(one.changes[0].fromStatusQuo.lost.length).toBe(1);
  });

  it("stops at the count budget and at the time cap, and lists what it skipped and why", () => {
    const base = analyze(load("elmira.yaml"));
    const byCount = preferenceSensitivity(base, { maxChanges: 2 });
    expect([byCount.tried, byCount.analysed, byCount.candidates]).toEqual([2, 2, 24]);
    expect(byCount.skipped.map((x) => x.why)).toEqual(Array(22).fill("count"));
    let polls = 0;
    const byTime = preferenceSensitivity(base, { maxChanges: 5, stop: () => ++polls > 3 });
    expect(byTime.analysed).toBe(3);
    expect(byTime.skipped.map((x) => x.why)).toEqual([...Array(2).fill("time"), ...Array(19).fill("count")]);
    // The changes skipped are those the order left for last, in that order.
    const plan = planSensitivity(base, 5);
    expect(byTime.skipped.map((x) => x.change)).toEqual([...plan.analyse.slice(3), ...plan.beyond].map((k) => plan.variants[k].change));
  });
});

describe("the report with a budget", () => {
  const model = load("elmira.yaml");

  it("says in every form what was tried, what was skipped and why", () => {
    let polls = 0;
    const data = buildReport(model, [], { today: "2026-12-07", budget: { changes: 3, seconds: 7, stop: () => ++polls > 2 } });
    const b = data.assumptions.budget!;
    expect(b).toMatchObject({ candidates: 24, sameRanking: 0, maxChanges: 3, seconds: 7, stoppedBy: "time" });
    expect(b.analysed).toHaveLength(2);
    expect(b.analysed[0]).toMatch(/^If /);
    expect(b.skipped.map((x) => x.why)).toEqual(["time", ...Array(21).fill("count")]);
    expect(data.assumptions.tried).toBe(2);
    const text = render(reportDocument(data, { appendix: true }), "text").replace(/\s+/g, " ");
    expect(text).toContain(
      "24 variants, of which 2 were tried, those that can matter first (0 leave every ranking of the states as it was and needed no analysis, 2 were analysed).",
    );
    expect(text).toContain(
      "22 were not tried: 1 because the time cap of 7 s was reached after 2 analyses (so this part of the report depends on the machine's speed); 21 beyond the budget of 3 analyses for a model of",
    );
    expect(text).toContain(
      "On a model this large: what would change this comes from the 2 single changes of the priorities tried first; 22 of 24 were not tried",
    );
    expect(text).toContain("Single changes tried and skipped");
    expect(text).toContain("(time cap reached)");
    expect(text).toContain("(beyond the count budget)");
    expect(render(reportDocument(data, {}), "md")).toContain("were not tried");
    expect(render(reportDocument(data, {}), "html")).toContain("were not tried");
    const json = reportOutput.toJson(data) as { assumptions: { budget: unknown } };
    expect(json.assumptions.budget).toEqual(b);
  });

  it("says nothing of a budget that covered every change, and reports exactly as without one", () => {
    const plain = buildReport(model, [], { today: "2026-12-07" });
    const all = buildReport(model, [], { today: "2026-12-07", budget: { changes: 24, stop: () => false } });
    expect(plain.assumptions.budget).toBeUndefined();
    expect(all).toEqual(plain);
    expect(render(reportDocument(plain, { appendix: true }), "text")).not.toContain("were not tried");
  });

  it("weighs only the likeliest readings of the preferences when the profile budget is small, and says so", () => {
    const ukraine = load("ukraine-2025.yaml");
    const data = buildReport(ukraine, [], { today: "2026-12-07", budget: { profiles: 4 } });
    expect(data.bottomLine!.readingsWeighed).toMatchObject({ kept: 4, of: 120 });
    expect(data.bottomLine!.readingsWeighed!.weight).toBeGreaterThan(0);
    expect(data.bottomLine!.readingsWeighed!.weight).toBeLessThan(1);
    expect(data.robustness!.budget).toBe(4);
    const text = render(reportDocument(data, { appendix: true }), "text").replace(/\s+/g, " ");
    expect(text).toContain("On a model this large: the chances weigh the 4 likeliest of 120 readings of the uncertain preferences");
    expect(text).toContain("(the draws of the first 4 distinct ones: each costs an analysis of all 576 states)");
  });

  it("parley report --budget: a count, a time cap, both, or all; anything else is refused with the forms it takes", async () => {
    const r = await parley("report", "scenarios/elmira.yaml", "--budget", "1", "-f", "json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.assumptions.budget).toMatchObject({ candidates: 24, maxChanges: 1, seconds: 30, stoppedBy: "count" });
    const all = JSON.parse((await parley("report", "scenarios/elmira.yaml", "--budget", "all,60s", "-f", "json")).stdout);
    expect(all.assumptions.budget).toBeUndefined();
    const bad = await parley("report", "scenarios/elmira.yaml", "--budget", "10m");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      "'10m': '10m' is neither a number of changes nor a time in seconds; write a number of changes (40), a time cap in seconds (20s), both (40,20s), or all (every change, no time cap)",
    );
    const twice = await parley("report", "scenarios/elmira.yaml", "--budget", "3,all");
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("the number of changes is given twice");
    const zero = await parley("report", "scenarios/elmira.yaml", "--budget", "0s");
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("the time cap must be more than 0 seconds");
  });
});
