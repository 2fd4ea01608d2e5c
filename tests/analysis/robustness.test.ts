/**
 * Preference uncertainty: exact enumeration and seeded sampling agree with
 * the deterministic analysis where they must, sampling stays within its
 * intervals, runs are reproducible, and an interrupted run keeps its partial result.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { noUncertainty, robustness, uncertaintyOf, wilson, type PreferenceUncertainty } from "../../src/analysis/robustness.js";
import type { Concept } from "../../src/stability/analyze.js";
import { applyChange, withPreference } from "../../src/analysis/sensitivity.js";
import { analyze, compileScenario, createContext, CONCEPTS, loadModel, validateData } from "../../src/index.js";
import { fixtureToScenarioData, plainFixtures } from "../helpers/fixtures.js";
import { parley } from "../helpers/cli.js";

const load = (f: string) => loadModel(readFileSync(`scenarios/${f}`, "utf8"), f);

describe("robustness", () => {
  it("with no uncertainty (or every probability 1) equals the deterministic result, exactly", () => {
    for (const { fixture } of plainFixtures().slice(0, 12)) {
      const m = compileScenario(validateData(fixtureToScenarioData(fixture)).scenario!);
      const a = analyze(m);
      const certain: PreferenceUncertainty = {
        ...noUncertainty(m),
        statements: m.scenario.preferences.flatMap((p, dm) =>
          p.kind === "statements" ? p.statements.map((_, index) => ({ dm, alternative: -1, index, probability: 1, label: "" })) : [],
        ),
      };
      for (const u of [noUncertainty(m), certain]) {
        const r = robustness(a.context, u, { concepts: CONCEPTS });
        expect(r.exact).toBe(true);
        for (const c of CONCEPTS) {
          const sure = r.states
            .filter((s) => s.probability[c]!.p === 1)
            .map((s) => s.state)
            .sort((x, y) => x - y);
          expect(sure).toEqual(a.equilibria[c]);
          expect(r.states.every((s) => s.probability[c]!.p === 0 || s.probability[c]!.p === 1)).toBe(true);
        }
      }
    }
  });

  it("weights each profile exactly: a statement held with probability p mixes the two analyses", () => {
    const m = load("prisoners-dilemma.yaml");
    // P1 cares that confessing is better (statement 2) only with probability 0.25.
    const u: PreferenceUncertainty = { ...noUncertainty(m), statements: [{ dm: 0, alternative: -1, index: 1, probability: 0.25, label: "p1 confesses" }] };
    const r = robustness(createContext(m), u, { concepts: ["Nash"] });
    const without = analyze(withPreference(m, 0, applyChange(m.scenario.preferences[0], { kind: "drop", dm: 0, index: 1 })), { concepts: ["Nash"] }).equilibria
      .Nash!;
    const base = analyze(m, { concepts: ["Nash"] }).equilibria.Nash!;
    for (let s = 0; s < m.states.length; s++) {
      const expected = 0.25 * (base.includes(s) ? 1 : 0) + 0.75 * (without.includes(s) ? 1 : 0);
      expect(r.states.find((x) => x.state === s)?.probability.Nash?.p ?? 0).toBeCloseTo(expected, 12);
    }
    expect(r.influence[0].shift).toBe(1);
  });

  it("samples within the confidence interval of the exact answer, reproducibly", () => {
    const m = load("ukraine-2025.yaml");
    const ctx = createContext(m);
    const u: PreferenceUncertainty = {
      ...noUncertainty(m),
      statements: [
        { dm: 0, alternative: -1, index: 5, probability: 0.6, label: "us conditional sanctions" },
        { dm: 1, alternative: -1, index: 3, probability: 0.7, label: "ru offensive" },
      ],
    };
    const exact = robustness(ctx, u, { concepts: ["Nash", "SEQ"] });
    const sampled = robustness(ctx, u, { concepts: ["Nash", "SEQ"], exactLimit: 1, samples: 4000, seed: 7 });
    const again = robustness(ctx, u, { concepts: ["Nash", "SEQ"], exactLimit: 1, samples: 4000, seed: 7 });
    expect(exact.exact).toBe(true);
    expect(sampled.exact).toBe(false);
    expect(sampled.states).toEqual(again.states);
    expect(sampled.distinctProfiles).toBe(4);
    let outside = 0;
    let checked = 0;
    for (const e of exact.states)
      for (const c of ["Nash", "SEQ"] as const) {
        const s = sampled.states.find((x) => x.state === e.state)?.probability[c];
        const p = e.probability[c]!.p;
        checked++;
        if (!s || p < s.low - 1e-12 || p > s.high + 1e-12) outside++;
      }
    // A 95% interval misses the truth about 5% of the time.
    expect(outside / checked).toBeLessThan(0.15);
  });

  it("stops when asked and keeps the partial result: exactly the run over the draws covered so far", () => {
    const m = load("ukraine-2025.yaml");
    const u = uncertaintyOf(m);
    const opts = { concepts: ["Nash", "SEQ"] as Concept[], exactLimit: 1, samples: 100_000, seed: 3 };
    let calls = 0;
    const r = robustness(createContext(m), u, { ...opts, shouldStop: () => ++calls >= 5 });
    expect(r.interrupted).toBe(true);
    expect(r.distinctProfiles).toBe(5);
    expect(r.done).toBeGreaterThan(0);
    expect(r.done).toBeLessThan(100_000);
    expect(r.states.length).toBeGreaterThan(0);
    // Draws are fixed by the seed, so the partial result is the full result of a shorter run.
    const shorter = robustness(createContext(m), u, { ...opts, samples: r.done });
    expect(shorter.interrupted).toBe(false);
    expect({ ...shorter, elapsedMs: 0, interrupted: true, asked: 100_000 }).toEqual({ ...r, elapsedMs: 0 });
  });

  it("computes Wilson intervals", () => {
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
    const w = wilson(50, 100);
    expect(w.low).toBeCloseTo(0.4038, 3);
    expect(w.high).toBeCloseTo(0.5962, 3);
  });
});

describe("uncertainty in the scenario format", () => {
  it("reads probabilities and alternatives from the Ukraine scenario", async () => {
    const { uncertaintyOf } = await import("../../src/analysis/robustness.js");
    const m = load("ukraine-2025.yaml");
    const u = uncertaintyOf(m);
    expect(u.statements.map((s) => [m.scenario.decisionMakers[s.dm].id, s.probability])).toEqual([
      ["us", 0.8],
      ["ru", 0.8],
      ["ru", 0.9],
      ["ua", 0.8],
      ["ua", 0.7],
      ["eu", 0.7],
    ]);
    expect(u.alternatives.map((a) => a.map((x) => [x.label, x.weight]))).toEqual([
      [["Trump's patience runs out", 0.3]],
      [["Russia puts the offensive first", 0.5]],
      [],
      [],
    ]);
  });

  it("reports bad probabilities and weights with their place", async () => {
    const base = readFileSync("scenarios/prisoners-dilemma.yaml", "utf8");
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "parley-rob-"));
    const write = (name: string, text: string) => {
      const f = join(dir, name);
      writeFileSync(f, text);
      return f;
    };
    const badP = write("p.yaml", base.replace("      note: Given what the other does, confessing is better for prisoner 1.", "      probability: 1.5"));
    let r = await parley("validate", badP);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/p\.yaml:\d+:\d+: 'probability': a probability is between 0 and 1/);
    const alt = base.replace(
      "  p2:\n",
      '  p2:\n    alternatives:\n      - { weight: 0.7, statements: [p2_confesses] }\n      - { weight: 0.6, statements: ["!p2_confesses"] }\n    statements:\n',
    );
    r = await parley("validate", write("w.yaml", alt));
    expect(r.stderr).toContain("the weights of the alternatives add up to 1.3; at most 1");
  });
});

describe("parley robustness", () => {
  it("prints probabilities, exact or sampled, and the most influential assumptions", async () => {
    const exact = await parley("robustness", "scenarios/ukraine-2025.yaml", "-c", "Nash,SEQ", "--top", "3");
    expect(exact.code).toBe(0);
    expect(exact.stdout).toContain("6 uncertain statements and 2 alternative preferences: 120 profiles, enumerated exactly with their probabilities.");
    // Today holds unless Trump's patience runs out (weight 0.3).
    expect(exact.stdout).toMatch(/301\s+0\.70\s+0\.70/);
    expect(exact.stdout).toContain("United States's alternative \"Trump's patience runs out\"");
    const sampled = JSON.parse(
      (await parley("robustness", "scenarios/ukraine-2025.yaml", "-c", "Nash", "--exact-limit", "1", "-n", "2000", "--seed", "5", "-f", "json")).stdout,
    );
    expect(sampled).toMatchObject({ format: "parley-robustness/1", exact: false, done: 2000, interrupted: false });
    const s301 = sampled.states.find((s: { state: number }) => s.state === 301).probability.Nash;
    expect(s301.low).toBeLessThanOrEqual(0.7);
    expect(s301.high).toBeGreaterThanOrEqual(0.7);
  });

  it("shows progress on a terminal and keeps the partial result on Ctrl-C", async () => {
    const { run } = await import("../../src/cli/run.js");
    const { readTextFile, writeTextFile } = await import("../../src/cli/io.js");
    let stdout = "";
    let stderr = "";
    let interrupt: (() => void) | undefined;
    let released = false;
    const code = await run(["robustness", "scenarios/ukraine-2025.yaml", "-c", "Nash", "--exact-limit", "1", "-n", "50000", "-f", "json"], {
      stdout: (t) => void (stdout += t),
      stderr: (t) => {
        stderr += t;
        // The user presses Ctrl-C once the first progress line shows.
        if (t.includes("profiles")) interrupt?.();
      },
      readText: readTextFile,
      writeText: writeTextFile,
      isTTY: true,
      onInterrupt: (h) => {
        interrupt = h;
        return () => void (released = true);
      },
    });
    expect(code).toBe(0);
    expect(stderr).toMatch(/\[#*-+\] \d+% \d+\/50,000 profiles/);
    const j = JSON.parse(stdout);
    expect(j.interrupted).toBe(true);
    expect(j.done).toBeGreaterThan(0);
    expect(j.done).toBeLessThan(50_000);
    expect(released).toBe(true);
  });
});
