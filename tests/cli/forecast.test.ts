/** parley forecast, score and lint as a user runs them. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parley } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "parley-forecast-"));
afterEach(() => {
  delete process.env.PARLEY_TODAY;
});

describe("parley forecast", () => {
  it("dates the forecast today, gives every question a probability and labels passed dates as retrodictions", async () => {
    process.env.PARLEY_TODAY = "2026-12-07";
    const r = await parley("forecast");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Forecast: The 2025 Ukraine peace process\n\nMade 2026-12-07, from the scenario as of 2025-08-19\./);
    expect(r.stdout).toContain("they are not the probability that a state is stable");
    expect(r.stdout).toMatch(/\d+%\s+Will Russia agree to a ceasefire by 31 December 2025\? \[retrodiction/);
    const j = JSON.parse((await parley("forecast", "-f", "json")).stdout);
    expect(j.made).toBe("2026-12-07");
    expect(j.outcomes.reduce((a: number, o: { probability: number }) => a + o.probability, 0)).toBeCloseTo(1, 9);
    for (const q of j.questions) {
      expect(typeof q.probability).toBe("number");
      expect(q.by).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(q.retrodiction).toBe(true);
    }
    expect(j.scenario.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("a question still ahead is a forecast, not a retrodiction", async () => {
    process.env.PARLEY_TODAY = "2025-08-20";
    const j = JSON.parse((await parley("forecast", "-f", "json")).stdout);
    expect(j.questions.every((q: { retrodiction: boolean }) => !q.retrodiction)).toBe(true);
  });

  it("--record appends one line per question and never rewrites the lines already there; it refuses a date that is not today", async () => {
    const log = join(dir, "log.jsonl");
    expect((await parley("forecast", "--record", log, "-o", join(dir, "a.txt"))).code).toBe(0);
    const first = readFileSync(log, "utf8");
    const r = await parley("forecast", "--record", log, "-o", join(dir, "b.txt"));
    expect(r.stderr).toMatch(/^parley: recorded 5 questions in .*log\.jsonl/);
    const both = readFileSync(log, "utf8");
    expect(both.startsWith(first)).toBe(true);
    expect(both.trim().split("\n")).toHaveLength(10);
    process.env.PARLEY_TODAY = "2025-08-20";
    const back = await parley("forecast", "--record", log);
    expect(back.code).toBe(2);
    expect(back.stderr).toMatch(/--record writes forecasts dated the day they are made; PARLEY_TODAY \(2025-08-20\) is not today/);
    expect(readFileSync(log, "utf8")).toBe(both);
  });

  it("refuses a scenario without questions for --record, and unknown rules", async () => {
    const r = await parley("forecast", "scenarios/chicken.yaml", "--record", join(dir, "none.jsonl"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("has no questions to record; add a questions: section");
    const bad = await parley("forecast", "--rules", "greedy=2");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown rule 'greedy'; choose from uniform, gain, undeterred");
  });
});

describe("parley score", () => {
  const line = (id: string, p: number, made: string, by: string, holdsToday = false) =>
    JSON.stringify({
      format: "parley-forecast-record/1",
      made,
      scenario: { name: "S", hash: "sha256:0" },
      question: { id, text: `${id}?` },
      probability: p,
      by,
      retrodiction: made >= by,
      holdsToday,
    });

  it("scores a log against resolutions (hand-computed) and leaves out retrodictions", async () => {
    const log = join(dir, "score.jsonl");
    writeFileSync(
      log,
      [line("a", 0.8, "2025-01-01", "2025-06-30"), line("b", 0.3, "2025-01-01", "2025-06-30", true), line("a", 0.9, "2025-07-01", "2025-06-30")].join("\n") +
        "\n",
    );
    const res = join(dir, "res.yaml");
    writeFileSync(res, "resolutions:\n  a: { outcome: yes, date: 2025-05-01 }\n  b: { outcome: no, date: 2025-06-30 }\n");
    const j = JSON.parse((await parley("score", log, "-r", res, "-f", "json")).stdout);
    expect(j.model.count).toBe(2);
    expect(j.model.brier).toBeCloseTo((0.04 + 0.09) / 2, 12);
    expect(j.model.log).toBeCloseTo((Math.log(0.8) + Math.log(0.7)) / 2, 12);
    expect(j.baselines.fifty.brier).toBeCloseTo(0.25, 12);
    // Nothing changes: a did not hold (0, resolved yes: 1), b held (1, resolved no: 1).
    expect(j.baselines.noChange.brier).toBeCloseTo(1, 12);
    expect(j.retrodictions).toBe(1);
    const t = await parley("score", log, "-r", res);
    expect(t.stdout).toContain("2 forecasts scored, 0 awaiting a resolution, 1 retrodiction left out");
  });

  it("names the line of a bad log entry and the place of a bad resolution", async () => {
    const log = join(dir, "bad.jsonl");
    writeFileSync(log, `${line("a", 0.8, "2025-01-01", "2025-06-30")}\n{"format": "parley-forecast-record/1", "made": "soon"}\n`);
    const res = join(dir, "ok.yaml");
    writeFileSync(res, "resolutions: {}\n");
    const r = await parley("score", log, "-r", res);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bad.jsonl:2:1: 'made' must be a date, YYYY-MM-DD");
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "resolutions:\n  a: { outcome: maybe, date: 2025-05-01 }\n");
    const s = await parley("score", join(dir, "score.jsonl"), "-r", bad);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain("bad.yaml:2:17: the outcome of 'a' must be yes or no");
  });
});

describe("parley score on the wrong input", () => {
  it("says a scenario is not a forecast log (once), a resolution without a date has none, and warns of resolutions nobody forecast", async () => {
    const r = await parley("score", "scenarios/chicken.yaml", "-r", "tests/fixtures/resolutions.yaml");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("parley: scenarios/chicken.yaml:1:1: this is not a forecast log: parley forecast --record writes one, a JSON object a line\n");
    const nodate = join(dir, "nodate.yaml");
    writeFileSync(nodate, "resolutions:\n  x: { outcome: yes }\n");
    expect((await parley("score", "tests/fixtures/forecast-log.jsonl", "-r", nodate)).stderr).toContain(
      "the resolution of 'x' has no date: add date: YYYY-MM-DD",
    );
    const unknown = join(dir, "unknown.yaml");
    writeFileSync(unknown, "resolutions:\n  nope: { outcome: yes, date: 2025-01-01 }\n");
    const u = await parley("score", "tests/fixtures/forecast-log.jsonl", "-r", unknown);
    expect(u.code).toBe(0);
    expect(u.stderr).toContain("no forecast in the log asks 'nope'; check the question ids");
    expect(u.stdout).toMatch(/nothing changes from today\s+0\s+—\s+—/);
  });
});

describe("parley lint", () => {
  it("names the element, its line and column, why it matters and how to resolve it", async () => {
    // The default scenario is clean; the what-if where Trump's patience runs out contradicts today's state, openly.
    expect((await parley("lint")).stdout).toMatch(/ukraine-2025\.yaml: no findings\n$/);
    const file = "scenarios/ukraine-2025-us-patience-runs-out.yaml";
    const r = await parley("lint", file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ukraine-2025-us-patience-runs-out\.yaml:\d+:9: warning \[revealed-preference\] Today's state is not stable for United States/);
    expect(r.stdout).toContain('statement 7 of United States: "if ru_offensive then us_sanctions" is what makes it prefer that');
    const j = JSON.parse((await parley("lint", file, "-f", "json")).stdout);
    expect(j.findings[0]).toMatchObject({ code: "revealed-preference", path: ["preferences", "us", "statements", 6] });
    const yaml = readFileSync(file, "utf8").split("\n");
    expect(yaml[j.findings[0].line - 1]).toContain("if: ru_offensive");
  });

  it("--strict exits 3 on findings; a clean file passes", async () => {
    expect((await parley("lint", "scenarios/elmira.yaml", "--strict")).code).toBe(3);
    const clean = join(dir, "clean.yaml");
    writeFileSync(
      clean,
      `format: parley/1
name: Clean
decisionMakers:
  - { id: a, options: [{ id: x, sources: [F1] }] }
  - { id: b, options: [{ id: y, sources: [F1] }] }
statusQuo: NN
facts: [{ id: F1, fact: "Both sides said they would not move." }]
preferences:
  a: [{ statement: "!x", sources: [F1] }]
  b: [{ statement: "!y", sources: [F1] }]
`,
    );
    const r = await parley("lint", clean, "--strict");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${clean}: no findings\n`);
  });
});
