/**
 * `npm run fuzz -- --runs N [--seed S] [--path NAME]`: long fuzz runs of every
 * input path (or one), printing cases per second and any failure with its
 * shrunk input. Exit code 1 when a case failed. The same paths run briefly in
 * tests/fuzz.test.ts.
 */
import { parseArgs } from "node:util";
import { fuzzPath, showCase } from "../tests/fuzz/runner.js";
import { PATHS } from "../tests/fuzz/targets.js";

const USAGE = `usage: npm run fuzz -- [--runs N] [--seed S] [--path NAME]
  --runs N     cases per input path (default 10,000)
  --seed S     seed of the generators (default: from the clock; printed, so a run can be replayed)
  --path NAME  one input path: ${PATHS.map((p) => p.name).join(", ")}`;

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: { runs: { type: "string" }, seed: { type: "string" }, path: { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
  }).values;
}
try {
  parsed = parse();
} catch (e) {
  console.error(`fuzz: ${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}
const runs = Number(parsed.runs ?? 10_000);
const seed = Number(parsed.seed ?? Date.now() % 2 ** 31);
const only = parsed.path;
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  console.error(USAGE);
  process.exit(2);
}
const chosen = PATHS.filter((p) => !only || p.name === only);
if (chosen.length === 0) {
  console.error(`no fuzz path '${only}'; the paths are ${PATHS.map((p) => p.name).join(", ")}`);
  process.exit(2);
}

console.log(`fuzz: ${runs.toLocaleString("en-US")} cases per path, seed ${seed}, node ${process.version}`);
console.log("path              cases     ok  refused   seconds  cases/s  slowest ms  max heap MiB");
let failed = 0;
for (const p of chosen) {
  let heap = 0;
  const timer = setInterval(() => (heap = Math.max(heap, process.memoryUsage().heapUsed)), 100);
  const r = await fuzzPath(p, { runs, seed });
  clearInterval(timer);
  heap = Math.max(heap, process.memoryUsage().heapUsed);
  console.log(
    `${r.path.padEnd(16)} ${String(r.runs).padStart(6)} ${String(r.ok).padStart(6)} ${String(r.refused).padStart(8)} ${(r.ms / 1000).toFixed(1).padStart(9)} ${Math.round(
      r.runs / (r.ms / 1000),
    )
      .toString()
      .padStart(8)} ${r.slowestMs.toFixed(0).padStart(11)} ${Math.round(heap / 2 ** 20)
      .toString()
      .padStart(13)}`,
  );
  if (r.failure) {
    failed++;
    console.log(
      `  FAILED: ${r.failure.error}\n  minimal input: ${showCase(r.failure.counterexample)}\n  replay: --seed ${seed} --path ${p.name} (fast-check path ${r.failure.replayPath ?? "?"})`,
    );
  }
}
process.exitCode = failed ? 1 : 0;
