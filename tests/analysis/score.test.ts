/** Scoring a track record (src/analysis/score.ts): hand-computed Brier and log scores, baselines, calibration, retrodictions. */
import { describe, expect, it } from "vitest";
import { brierScore, logScore, scoreRecords, type ForecastRecord } from "../../src/analysis/score.js";

const rec = (id: string, probability: number, made: string, by: string, holdsToday?: boolean): ForecastRecord => ({
  made,
  scenario: { name: "Test", hash: "abc" },
  question: { id, text: `Question ${id}?` },
  probability,
  by,
  ...(holdsToday === undefined ? {} : { holdsToday }),
});

describe("scores", () => {
  it("Brier: (p - o)^2; log: ln p or ln(1 - p), clipped at 0.001", () => {
    expect(brierScore(0.8, 1)).toBeCloseTo(0.04, 12);
    expect(brierScore(0.8, 0)).toBeCloseTo(0.64, 12);
    expect(logScore(0.8, 1).value).toBeCloseTo(Math.log(0.8), 12);
    expect(logScore(0.8, 0).value).toBeCloseTo(Math.log(0.2), 12);
    expect(logScore(1, 0).value).toBeCloseTo(Math.log(0.001), 12);
    expect(logScore(1, 0).clipped).toBe(true);
    expect(logScore(0.5, 1).clipped).toBe(false);
  });

  it("scores a log against resolutions, by hand", () => {
    const log = [
      rec("ceasefire", 0.3, "2025-08-20", "2025-12-31", false), // resolved no: Brier 0.09, log ln 0.7
      rec("summit", 0.6, "2025-08-20", "2025-10-31", false), // yes on 2025-10-15: Brier 0.16, log ln 0.6
      rec("sanctions", 0.9, "2025-08-20", "2025-09-30", false), // yes on 2025-10-22, after its date: a no; Brier 0.81, log ln 0.1
      rec("walkaway", 0.1, "2025-08-20", "2026-06-30"), // no resolution yet
      rec("summit", 0.5, "2025-11-02", "2025-10-31"), // made after its date: a retrodiction
    ];
    const r = scoreRecords(log, {
      ceasefire: { outcome: "no", date: "2025-12-31" },
      summit: { outcome: "yes", date: "2025-10-15" },
      sanctions: { outcome: "yes", date: "2025-10-22" },
    });
    expect(r.scored.map((s) => [s.record.question.id, s.outcome])).toEqual([
      ["ceasefire", 0],
      ["summit", 1],
      ["sanctions", 0],
    ]);
    expect(r.model.count).toBe(3);
    expect(r.model.brier).toBeCloseTo((0.09 + 0.16 + 0.81) / 3, 12);
    expect(r.model.log).toBeCloseTo((Math.log(0.7) + Math.log(0.6) + Math.log(0.1)) / 3, 12);
    expect(r.baselines.fifty.brier).toBeCloseTo(0.25, 12);
    expect(r.baselines.fifty.log).toBeCloseTo(Math.log(0.5), 12);
    // Nothing changes: none of the three held today, so 0 each: Brier (0 + 1 + 0) / 3.
    expect(r.baselines.noChange!.brier).toBeCloseTo(1 / 3, 12);
    expect(r.pending.map((p) => p.question.id)).toEqual(["walkaway"]);
    expect(r.retrodictions.map((p) => p.made)).toEqual(["2025-11-02"]);
    expect(r.calibration).toEqual([
      { low: 0.3, high: 0.4, count: 1, meanForecast: 0.3, observed: 0 },
      { low: 0.6, high: 0.7, count: 1, meanForecast: 0.6, observed: 1 },
      { low: 0.9, high: 1, count: 1, meanForecast: 0.9, observed: 0 },
    ]);
  });

  it("has no no-change baseline when no forecast recorded today's state, and scores nothing without resolutions", () => {
    const r = scoreRecords([rec("q", 0.4, "2025-01-01", "2025-02-01")], {});
    expect(r.model.count).toBe(0);
    expect(r.baselines.noChange).toBeNull();
    expect(r.pending).toHaveLength(1);
    const s = scoreRecords([rec("q", 0.4, "2025-01-01", "2025-02-01")], { q: { outcome: "yes", date: "2025-01-20" } });
    expect(s.baselines.noChange).toBeNull();
    expect(s.model.brier).toBeCloseTo(0.36, 12);
  });

  it("does not take a resolution from the object's prototype", () => {
    expect(scoreRecords([rec("toString", 0.4, "2025-01-01", "2025-02-01")], {}).pending).toHaveLength(1);
  });
});
