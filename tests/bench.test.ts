/** The benchmark's smoke run, so `npm run bench` cannot rot. Checks output, never timings. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { findGmcrPy } from "../bench/whole.js";

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

/**
 * A stand-in for a gmcr-py checkout: the two modules the bench's driver
 * imports, reading the exported file as gmcr-py's loader would (JSON with its
 * decision makers and options) and solving nothing. It checks the wiring
 * (detection, export, driver, timing), not gmcr-py.
 */
function fakeGmcrPy(): string {
  const dir = mkdtempSync(join(tmpdir(), "parley-fake-gmcrpy-"));
  writeFileSync(
    join(dir, "data_01_conflictModel.py"),
    `import json
class ConflictModel:
    def load_from_file(self, file):
        with open(file) as f:
            d = json.load(f)
        assert d["decisionMakers"] and d["options"]
        self.feasibles = [0] * (2 ** len(d["options"]))
`,
  );
  writeFileSync(
    join(dir, "data_02_conflictSolvers.py"),
    "class LogicalSolver:\n    def __init__(self, conflict):\n        self.conflict = conflict\n    def findEquilibria(self):\n        pass\n",
  );
  return dir;
}

it("npm run bench -- --smoke --whole times the whole process on 2,048 states, compact JSON and gmcr-py (where found) beside", () => {
  const env = { ...process.env, PARLEY_GMCRPY: fakeGmcrPy() };
  const [row] = JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", "bench/bench.ts", "--smoke", "--json", "--whole"], { encoding: "utf8", env }),
  ).whole;
  expect(row.model).toBe("3 DMs x 11 options, no constraint");
  expect(row.states).toBe(2048);
  expect(row.json.seconds).toBeGreaterThan(0);
  expect(row.compact.seconds).toBeGreaterThan(0);
  // The readable JSON lists every state; the compact one is far smaller.
  expect(row.json.outputBytes).toBeGreaterThan(2048 * 100);
  expect(row.compact.outputBytes).toBeLessThan(row.json.outputBytes / 10);
  // The stand-in needs a python3 to run in; without one, the bench says why it skipped gmcr-py.
  const python = spawnSync("python3", ["--version"]).status === 0;
  if (python) expect(row.gmcrpy.seconds).toBeGreaterThan(0);
  else expect(row.gmcrpy.skipped).toMatch(/^gmcr-py: .* does not import with python3: .*ENOENT/);
  expect(findGmcrPy({})).toEqual({ skipped: "gmcr-py: not installed (set PARLEY_GMCRPY to a checkout of github.com/onp/gmcr-py to time it beside)" });
  expect(findGmcrPy({ PARLEY_GMCRPY: tmpdir() })).toEqual({
    skipped: `gmcr-py: PARLEY_GMCRPY=${tmpdir()} holds no data_01_conflictModel.py (not a gmcr-py checkout)`,
  });
  if (python) {
    const broken = fakeGmcrPy();
    writeFileSync(join(broken, "data_02_conflictSolvers.py"), "import no_such_module_here\n");
    expect(findGmcrPy({ PARLEY_GMCRPY: broken })).toEqual({
      skipped: `gmcr-py: ${broken} does not import with python3: ModuleNotFoundError: No module named 'no_such_module_here'`,
    });
  }
});
