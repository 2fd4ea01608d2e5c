/** The benchmark's smoke run, so `npm run bench` cannot rot. Checks output, never timings. */
import { execFileSync } from "node:child_process";
import { expect, it } from "vitest";

it("npm run bench -- --smoke --json measures the engine and the reference", () => {
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/bench.ts", "--smoke", "--json"], { encoding: "utf8" });
  const { machine, rows, memory, robustness, growthExponent, startup } = JSON.parse(out);
  // Start-up of the built CLI (the test set-up builds dist/) against node -e 0: figures, no thresholds.
  expect(startup.baselineMs).toBeGreaterThan(0);
  expect(startup.commands.map((c: { command: string }) => c.command)).toEqual([
    "parley --version",
    "parley --help",
    "parley validate scenarios/chicken.yaml",
    "parley analyze scenarios/chicken.yaml",
  ]);
  for (const c of startup.commands) expect(c.ratio).toBeGreaterThan(0);
  // Memory of a full analysis, implicit adjacency and stored lists (figures only, no thresholds).
  expect(memory.map((m: { path: string }) => m.path)).toEqual(["implicit", "stored"]);
  for (const m of memory) {
    expect(m.states).toBeGreaterThan(0);
    expect(Number.isFinite(m.arrayBufferBytesPerState)).toBe(true);
    expect(Number.isFinite(m.rssBytesPerState)).toBe(true);
  }
  // The smoke sizes are below the 1,000 states the growth fit needs.
  expect(growthExponent).toBeNull();
  expect(robustness).toMatchObject({ scenario: "ukraine-2025.yaml", samples: 1000 });
  expect(robustness.distinctProfiles).toBeGreaterThan(1);
  expect(robustness.profilesPerSecond).toBeGreaterThan(0);
  // The worker pool's figures are there too (one thread or more).
  expect(robustness.threads).toBeGreaterThanOrEqual(1);
  expect(robustness.parallelProfilesPerSecond).toBeGreaterThan(0);
  // The static site's size (the test set-up builds dist/static/): the first visit without the NLP model, which loads on demand.
  const site = JSON.parse(out).staticSite;
  const part = (name: RegExp) => site.parts.find((p: { part: string }) => name.test(p.part));
  expect(part(/^first visit/).files).toBeGreaterThanOrEqual(4);
  expect(part(/^engine/).files).toBe(2);
  expect(part(/^NLP model/).bytes).toBeGreaterThan(part(/^first visit/).bytes);
  expect(site.parts.reduce((n: number, p: { bytes: number }) => n + p.bytes, 0)).toBe(site.bytes);
  expect(site.gzipBytes).toBeLessThan(site.bytes);
  expect(machine).toMatch(/cores, Node v\d+/);
  expect(rows.map((r: { dms: number; options: number }) => [r.dms, r.options])).toEqual([
    [2, 8],
    [3, 10],
  ]);
  for (const r of rows) {
    expect(r.states).toBeGreaterThan(0);
    expect(r.states).toBeLessThanOrEqual(r.candidates);
    expect(r.movesPerState).toBeGreaterThan(0);
    expect(Object.keys(r.conceptMs)).toEqual(["Nash", "GMR", "SMR", "SEQ", "SIM", "SEQ+SIM"]);
    expect(r.referenceMs).toBeGreaterThan(0);
    expect(r.ratio).toBeGreaterThan(0);
    expect(r.previousMs).toBeGreaterThan(0);
    expect(Number.isFinite(r.peakMiB) && r.peakMiB >= 0).toBe(true);
    expect(r.parallelMs).toBeGreaterThan(0);
  }
});
