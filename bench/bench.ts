/**
 * `npm run bench`: the engine on generated models of growing size, each
 * concept timed separately, against the definition-by-definition reference
 * implementation (tests/helpers/reference.ts) in the same run where it
 * finishes in reasonable time. Prints a table; `--smoke` runs the small sizes
 * only (CI), `--json` prints machine-readable rows, `--release DIR` also times
 * an earlier release of the engine built in DIR (a checkout with its dist/,
 * e.g. `git worktree add ../parley-prev REF && cd ../parley-prev && npm ci`)
 * on the same scenarios, `--report` also times `parley report` on 262,144
 * states (bench/report.ts; most of a minute). The static site's size
 * (bench/static-size.ts) is reported when it is built (`npm run build:static`).
 * states (bench/report.ts; most of a minute), `--whole` also times
 * `parley analyze --format json` and `--compact` as whole processes on the
 * models of issue 18, up to 1,048,576 states, with gmcr-py beside where it is
 * installed (bench/whole.ts; several minutes; with `--smoke`, the 2,048-state
 * model only). `--browser` also walks the workbench in headless Chromium on
 * 9,216 states and gives the longest task of each interaction, against a fixed
 * task on the same page (bench/browser.ts; several minutes).
 */
import os from "node:os";
import { execFileSync, spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { analyze, analyzeSteps, createContext, CONCEPTS, type Concept, type Model } from "../src/index.js";
import { allMoves } from "../src/stability/moves.js";
import type { StabilityContext } from "../src/stability/context.js";
import { reference } from "../tests/helpers/reference.js";
import { generateModel, generateModelAndData } from "./generate.js";
import { existsSync, readFileSync } from "node:fs";
import { loadModel } from "../src/index.js";
import { robustness, uncertaintyOf } from "../src/analysis/robustness.js";
import { defaultThreads, startNodePool } from "../src/parallel/node-pool.js";
import { analyzeParallel, robustnessParallel } from "../src/parallel/parallel.js";
import { measureBrowser } from "./browser.js";
import { measureReport } from "./report.js";
import { measureStaticSite } from "./static-size.js";
import { measureWhole, WHOLE_MODELS, wholeTable } from "./whole.js";

const args = new Set(process.argv.slice(2));
const smoke = args.has("--smoke");
const asJson = args.has("--json");
const releaseArg = process.argv.indexOf("--release");
const releaseDir = releaseArg >= 0 ? process.argv[releaseArg + 1] : undefined;

/** The parts of an engine release the bench calls: parse, compile, analyse every concept. */
interface ReleaseEngine {
  validateData(data: unknown): { scenario?: unknown; issues: { message: string }[] };
  compileScenario(scenario: unknown): unknown;
  analyze(model: unknown): unknown;
}
const release: ReleaseEngine | undefined = releaseDir ? ((await import(pathToFileURL(resolve(releaseDir, "dist/index.js")).href)) as ReleaseEngine) : undefined;
const releaseName = releaseDir ? releaseLabel(releaseDir) : undefined;

const SIZES: [number, number][] = smoke
  ? [
      [2, 8],
      [3, 10],
    ]
  : [
      [2, 8],
      [3, 10],
      [3, 12],
      [4, 12],
      [4, 14],
      [4, 16],
      [5, 16],
      [4, 18],
      [5, 20],
      [4, 20],
    ];
/** The reference searches per state and move; beyond this it takes minutes. */
const REFERENCE_MAX_STATES = smoke ? 600 : 5000;

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

interface Row {
  dms: number;
  options: number;
  candidates: number;
  states: number;
  /** Unilateral moves per state, all DMs together. */
  movesPerState: number;
  movesMs: number;
  conceptMs: Record<string, number>;
  totalMs: number;
  statesPerSecond: number;
  referenceMs?: number;
  ratio?: number;
  /** The previous engine (0.1.0: stored move lists, union graphs), lists included. */
  previousMs: number;
  /** Every concept on a pool of worker threads (warm: the pool is started once). */
  parallelMs?: number;
  /** Every concept with the release given by --release, on the same scenario. */
  releaseMs?: number;
  /** Peak growth of heap plus typed arrays during one full analysis (sampled after every step), MiB. */
  peakMiB: number;
}

const THREADS = defaultThreads();
const pool = startNodePool(THREADS);
/** Below this, a pass takes less than the messages; parallel rows only from here. */
const PARALLEL_MIN_STATES = smoke ? 0 : 20_000;

// Warm up the JIT so the first row is not penalised (the workers' too).
for (let k = 0; k < 3; k++) analyze(generateModel(3, 10, 100 + k));
for (let k = 0; k < 3; k++) await analyzeParallel(generateModel(4, 14, 100 + k), pool);

const rows: Row[] = [];
for (const [dms, options] of SIZES) {
  const { model, data } = generateModelAndData(dms, options, 7);
  if (!asJson) process.stderr.write(`  measuring ${dms} DMs x ${options} options...\n`);
  (globalThis as { gc?: () => void }).gc?.();
  // analyze() enumerates moves on the fly; "moves" times building the stored
  // lists the other modules (explanations, coalitions, graph view) read.
  const [stored, movesMs] = time(() => allMoves(model));
  const ctx = createContext(model);
  const conceptMs: Record<string, number> = {};
  for (const c of CONCEPTS) conceptMs[c] = time(() => analyze(model, { concepts: [c as Concept], context: ctx }))[1];
  // Every concept in one analysis (SEQ+SIM reuses SEQ and SIM there), moves included.
  const totalMs = time(() => analyze(model))[1];
  const previousMs = time(() => analyze(model, { context: { model, moves: allMoves(model) } }))[1];
  let releaseMs: number | undefined;
  if (release) {
    const { scenario, issues } = release.validateData(data);
    if (!scenario) throw new Error(`the release refuses the scenario: ${issues.map((i) => i.message).join("; ")}`);
    const old = release.compileScenario(scenario);
    release.analyze(old); // warm
    releaseMs = time(() => release.analyze(old))[1];
  }
  let parallelMs: number | undefined;
  if (model.states.length >= PARALLEL_MIN_STATES) {
    await pool.load(model);
    const t0 = performance.now();
    await analyzeParallel(model, pool);
    parallelMs = performance.now() - t0;
  }
  const row: Row = {
    dms,
    options,
    candidates: 2 ** options,
    states: model.states.length,
    movesPerState: stored.reduce((a, m) => a + m.targets.length, 0) / model.states.length,
    movesMs,
    conceptMs,
    totalMs,
    statesPerSecond: model.states.length / (totalMs / 1000),
    previousMs,
    parallelMs,
    releaseMs,
    peakMiB: peakAnalysisMiB(model),
  };
  if (model.states.length <= REFERENCE_MAX_STATES) {
    const [, refMs] = time(() => {
      const ref = reference(model);
      for (const c of CONCEPTS) for (let d = 0; d < model.nDMs; d++) ref.stable(c, d);
    });
    row.referenceMs = refMs;
    row.ratio = refMs / totalMs;
  }
  rows.push(row);
}

/**
 * Memory of one full analysis (every concept): peak growth of ArrayBuffer
 * memory (typed arrays) and of resident memory over the model already built,
 * sampled after every step of analyzeSteps (the arrays of a pass are still
 * counted at its end, collected or not), per feasible state. "implicit" is
 * analyze() itself; "stored" hands it a context of stored move lists without
 * the implicit flag, i.e. the previous engine (lists, union graphs, CSR reachMin).
 */
interface MemoryRow {
  dms: number;
  options: number;
  states: number;
  path: "implicit" | "stored";
  ms: number;
  arrayBufferBytesPerState: number;
  rssBytesPerState: number;
}
function measureMemory(model: Model, dms: number, options: number, path: MemoryRow["path"]): MemoryRow {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const base = process.memoryUsage();
  let peakAB = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakAB = Math.max(peakAB, m.arrayBuffers - base.arrayBuffers);
    peakRss = Math.max(peakRss, m.rss - base.rss);
  };
  const t0 = performance.now();
  let context: StabilityContext | undefined;
  if (path === "stored") {
    context = { model, moves: allMoves(model) };
    sample();
  }
  const run = analyzeSteps(model, { concepts: CONCEPTS, context });
  for (;;) {
    const step = run.next();
    sample();
    if (step.done) break;
  }
  const ms = performance.now() - t0;
  context = undefined;
  gc?.();
  const S = model.states.length;
  return { dms, options, states: S, path, ms, arrayBufferBytesPerState: peakAB / S, rssBytesPerState: peakRss / S };
}
const memoryRows: MemoryRow[] = [];
{
  const [dms, options] = smoke ? [3, 10] : [4, 20];
  const model = generateModel(dms, options, 7);
  memoryRows.push(measureMemory(model, dms, options, "implicit"));
  memoryRows.push(measureMemory(model, dms, options, "stored"));
}

// Robustness sampling on the default scenario: profiles per second, sampled (not enumerated).
const ukraine = loadModel(readFileSync(new URL("../scenarios/ukraine-2025.yaml", import.meta.url), "utf8"));
const samples = smoke ? 1000 : 10_000;
const rob = robustness(createContext(ukraine), uncertaintyOf(ukraine), { concepts: CONCEPTS, samples, seed: 1, exactLimit: 1 });
const robPar = await robustnessParallel(ukraine, uncertaintyOf(ukraine), pool, { concepts: CONCEPTS, samples, seed: 1, exactLimit: 1 });
pool.close();
const robustnessRow = {
  scenario: "ukraine-2025.yaml",
  samples: rob.done,
  distinctProfiles: rob.distinctProfiles,
  ms: rob.elapsedMs,
  profilesPerSecond: rob.done / (rob.elapsedMs / 1000),
  threads: THREADS,
  parallelMs: robPar.elapsedMs,
  parallelProfilesPerSecond: robPar.done / (robPar.elapsedMs / 1000),
};

// Start-up of the built CLI (package.json's bin: the bundle in dist/cli/): wall time of whole processes, median of
// several runs, against a bare `node -e 0` measured in the same run (the ratio is what matters: machines differ, and so does their load).
const startupRow = measureStartup(smoke ? 3 : 10);

// `--report`: parley report end to end on 262,144 states (most of a minute, so only when asked).
const reportRow = args.has("--report") ? measureReport() : undefined;
const staticSite = measureStaticSite(fileURLToPath(new URL("..", import.meta.url)));

// `--whole`: parley analyze --format json (and --compact) as whole processes, gmcr-py beside where installed (minutes, so only when asked).
const wholeRows = args.has("--whole")
  ? measureWhole(smoke ? WHOLE_MODELS.slice(0, 1) : WHOLE_MODELS, (line) => {
      if (!asJson) process.stderr.write(`${line}\n`);
    })
  : undefined;

// `--browser`: the workbench's longest task per interaction (issue 19), against a fixed task on the same page.
const browser = args.has("--browser")
  ? await measureBrowser((line) => {
      if (!asJson) process.stderr.write(`${line}\n`);
    })
  : undefined;

// Growth: least-squares slope of log(time) against log(states × moves per state),
// over the rows large enough for timer noise not to dominate (1 means linear).
const big = rows.filter((r) => r.states >= 1000);
const growth = (() => {
  if (big.length < 2) return undefined;
  const xs = big.map((r) => Math.log(r.states * r.movesPerState));
  const ys = big.map((r) => Math.log(r.totalMs));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, k) => {
    num += (x - mx) * (ys[k] - my);
    den += (x - mx) ** 2;
  });
  return den > 0 ? num / den : undefined;
})();

if (asJson) {
  console.log(
    JSON.stringify(
      {
        machine: machine(),
        threads: THREADS,
        release: releaseName ?? null,
        rows,
        memory: memoryRows,
        robustness: robustnessRow,
        startup: startupRow,
        ...(reportRow !== undefined ? { report: reportRow } : {}),
        staticSite,
        ...(wholeRows !== undefined ? { whole: wholeRows } : {}),
        ...(browser !== undefined ? { browser } : {}),
        growthExponent: growth ?? null,
      },
      null,
      2,
    ),
  );
} else {
  const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
  const header = [
    "DMs",
    "options",
    "feasible",
    "moves ms",
    ...CONCEPTS.map((c) => `${c} ms`),
    "all ms",
    "states/s",
    "reference ms",
    "speed-up",
    "previous ms",
    "vs previous",
    `${THREADS} threads ms`,
    "parallel speed-up",
    ...(release ? ["release ms", "vs release"] : []),
    "peak MiB",
  ];
  const body = rows.map((r) => [
    String(r.dms),
    String(r.options),
    String(r.states),
    ms(r.movesMs),
    ...CONCEPTS.map((c) => ms(r.conceptMs[c])),
    ms(r.totalMs),
    Math.round(r.statesPerSecond).toLocaleString("en-US"),
    r.referenceMs === undefined ? "—" : ms(r.referenceMs),
    r.ratio === undefined ? "—" : `${r.ratio.toFixed(0)}x`,
    ms(r.previousMs),
    `${(r.previousMs / r.totalMs).toFixed(2)}x`,
    r.parallelMs === undefined ? "—" : ms(r.parallelMs),
    r.parallelMs === undefined ? "—" : `${(r.totalMs / r.parallelMs).toFixed(2)}x`,
    ...(release ? [ms(r.releaseMs!), `${(r.releaseMs! / r.totalMs).toFixed(2)}x`] : []),
    r.peakMiB < 10 ? r.peakMiB.toFixed(1) : r.peakMiB.toFixed(0),
  ]);
  const w = header.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const line = (cells: string[]) => cells.map((x, c) => x.padStart(w[c])).join("  ");
  console.log(`Parley engine benchmark — ${machine()}`);
  console.log(line(header));
  for (const b of body) console.log(line(b));
  const target = rows.find((r) => r.dms === 4 && r.options === 16);
  if (target) console.log(`\nTarget (issue 2): every concept for 4 DMs x 16 options in under 1 s on one core: ${ms(target.totalMs)} ms.`);
  const t420 = rows.find((r) => r.dms === 4 && r.options === 20);
  if (t420)
    console.log(
      `Target (issue 6): every concept for 4 DMs x 20 options in under 10 s on one core: ${ms(t420.totalMs)} ms; on ${THREADS} threads: ${t420.parallelMs === undefined ? "—" : ms(t420.parallelMs)} ms.`,
    );
  console.log(
    "speed-up = reference time / engine time; vs previous = previous engine (stored move lists) / engine; parallel speed-up = one thread / worker pool; all measured in this run.",
  );
  if (releaseName)
    console.log(`vs release = the release in ${releaseDir} (${releaseName}), every concept on the same scenarios, after one warm-up run / this engine.`);
  if (growth !== undefined)
    console.log(`Growth: time ∝ (states × moves per state)^${growth.toFixed(2)} over the rows with at least 1,000 states (1 = linear).`);
  for (const m of memoryRows)
    console.log(
      `${m === memoryRows[0] ? "\n" : ""}Memory, every concept, ${m.dms} DMs x ${m.options} options (${m.states.toLocaleString("en-US")} states), ${m.path === "implicit" ? "implicit adjacency (analyze)" : "stored move lists (previous engine)"}: ${Math.round(m.arrayBufferBytesPerState)} bytes/state of typed arrays, ${Math.round(m.rssBytesPerState)} bytes/state resident (peak growth), ${ms(m.ms)} ms.`,
    );
  console.log(
    `\nRobustness sampling on ${robustnessRow.scenario}, every concept: ${robustnessRow.samples.toLocaleString("en-US")} profiles (${robustnessRow.distinctProfiles} distinct) in ${ms(robustnessRow.ms)} ms: ${Math.round(robustnessRow.profilesPerSecond).toLocaleString("en-US")} profiles/s on one thread; ${ms(robustnessRow.parallelMs)} ms, ${Math.round(robustnessRow.parallelProfilesPerSecond).toLocaleString("en-US")} profiles/s on ${robustnessRow.threads} threads.`,
  );
  if (startupRow) {
    console.log(`\nStart-up of the built CLI, median of ${startupRow.runs} runs, against a bare \`node -e 0\` (${ms(startupRow.baselineMs)} ms) in this run:`);
    for (const c of startupRow.commands) console.log(`  ${c.command.padEnd(44)} ${ms(c.ms).padStart(6)} ms  ${c.ratio.toFixed(1)}x`);
  } else console.log("\nStart-up: dist/ is not built (npm run build), not measured.");
  if (reportRow)
    console.log(
      `\nparley report on ${reportRow.states.toLocaleString("en-US")} states (4 DMs x 18 options, no constraint): ${reportRow.seconds.toFixed(1)} s, peak ${reportRow.peakMiB === null ? "(no /usr/bin/time)" : `${Math.round(reportRow.peakMiB)} MiB`} resident; sensitivity: ${reportRow.analysed} of ${reportRow.candidates} changes analysed${reportRow.stoppedBy ? `, stopped by the ${reportRow.stoppedBy === "count" ? "count budget" : "time cap"}` : ""}.`,
    );
  else if (reportRow === null) console.log("\nparley report: dist/ is not built (npm run build), not measured.");
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  if (staticSite) {
    console.log(
      `\nThe static site (dist/static/): ${staticSite.files} files, ${kib(staticSite.bytes)} (${kib(staticSite.gzipBytes)} gzipped), all kept by the service worker for offline use:`,
    );
    for (const p of staticSite.parts)
      console.log(`  ${p.part.padEnd(62)} ${String(p.files).padStart(3)} files ${kib(p.bytes).padStart(10)} ${kib(p.gzipBytes).padStart(10)} gzipped`);
  } else console.log("\nThe static site: dist/static/ is not built (npm run build:static), not measured.");
  if (wholeRows) {
    console.log("\nparley analyze --format json as a whole process (start-up, analysis, writing; output to a file), and with --compact:");
    for (const l of wholeTable(wholeRows)) console.log(`  ${l}`);
  } else if (wholeRows === null) console.log("\nWhole process: dist/ is not built (npm run build), not measured.");
  if (browser) {
    console.log(`\nThe workbench on 9,216 states: longest task per interaction, and its ratio to a fixed task on the page (${ms(browser.baselineMs)} ms):`);
    for (const r of browser.rows) console.log(`  ${r.name.padEnd(48)} ${ms(r.longestMs).padStart(6)} ms ${r.ratio.toFixed(2).padStart(6)}x`);
  }
}

/** Median wall time of `node ARGS` over `runs` runs (after one warm-up), per command, and its ratio to `node -e 0`. */
function measureStartup(runs: number) {
  // The installed command: package.json's bin (the bundled CLI, scripts/bundle-cli.mjs).
  const root = fileURLToPath(new URL("..", import.meta.url));
  const cli = resolve(root, (JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as { bin: { parley: string } }).bin.parley);
  const median = (args: string[]) => {
    const times: number[] = [];
    for (let k = 0; k <= runs; k++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" });
      if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${r.status}`);
      if (k > 0) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  };
  if (!existsSync(cli)) return null; // not built: nothing to time
  const baselineMs = median(["-e", "0"]);
  const commands = [["--version"], ["--help"], ["validate", "scenarios/chicken.yaml"], ["analyze", "scenarios/chicken.yaml"]];
  return {
    runs,
    baselineMs,
    commands: commands.map((c) => {
      const ms = median([cli, ...c]);
      return { command: `parley ${c.join(" ")}`, ms, ratio: ms / baselineMs };
    }),
  };
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${cpu}, ${os.cpus().length} cores, Node ${process.version}`;
}

/** Which release a checkout is: its git description, or its folder. */
function releaseLabel(dir: string): string {
  try {
    return execFileSync("git", ["-C", dir, "log", "-1", "--format=%h %cs %s"], { encoding: "utf8" }).trim().slice(0, 100);
  } catch {
    return dir;
  }
}

/** Peak growth of heap and typed-array memory over one full analysis, sampled after each step (after a collection). */
function peakAnalysisMiB(model: Model): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const base = used();
  let peak = 0;
  const run = analyzeSteps(model, { concepts: CONCEPTS });
  for (;;) {
    const step = run.next();
    peak = Math.max(peak, used() - base);
    if (step.done) break;
  }
  return peak / 2 ** 20;
}
