/**
 * `npm run load -- [--seconds S] [--readers N] [--creators N] [--overwriters N]`:
 * the workbench server under concurrent reads and saves (tests/load/load.ts),
 * printing requests per second and latency percentiles; exit code 1 when
 * anything was lost, corrupted or refused.
 */
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { runLoad, type Figures } from "../tests/load/load.js";

const USAGE = `usage: npm run load -- [--seconds S] [--readers N] [--creators N] [--overwriters N]
  --seconds S       how long (default 30)
  --readers N       connections listing and reading files (default 20)
  --creators N      connections saving new files (default 5)
  --overwriters N   connections saving over shared files (default 5)`;

let values: Record<string, string | boolean | undefined>;
try {
  const names = ["seconds", "readers", "creators", "overwriters"] as const;
  values = parseArgs({
    options: { ...Object.fromEntries(names.map((n) => [n, { type: "string" as const }])), help: { type: "boolean", short: "h" } },
    strict: true,
  }).values;
} catch (e) {
  console.error(`load: ${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

function arg(name: string, fallback: number): number {
  const raw = values[name];
  const v = typeof raw === "string" ? Number(raw) : fallback;
  if (!Number.isSafeInteger(v) || v < 1) {
    console.error(`load: --${name} needs a positive whole number\n${USAGE}`);
    process.exit(2);
  }
  return v;
}

const opts = { seconds: arg("seconds", 30), readers: arg("readers", 20), creators: arg("creators", 5), overwriters: arg("overwriters", 5) };
console.log(
  `load: ${opts.seconds} s on loopback; ${opts.readers} reading, ${opts.creators} creating and ${opts.overwriters} overwriting connections; ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}`,
);
const r = await runLoad(opts);
const row = (name: string, f: Figures) =>
  `${name.padEnd(11)} ${String(f.requests).padStart(8)} ${String(f.perSecond).padStart(7)} ${String(f.p50).padStart(6)} ${String(f.p90).padStart(6)} ${String(f.p99).padStart(6)} ${String(f.max).padStart(6)} ${String(f.errors + f.timeouts + f.non2xx).padStart(7)}`;
console.log("kind        requests   req/s p50 ms p90 ms p99 ms max ms  failed");
console.log(row("reads", r.reads));
console.log(row("creates", r.creates));
console.log(row("overwrites", r.overwrites));
console.log(`verified on disk: ${r.verifiedCreates} new files exactly as acknowledged, ${r.verifiedShared} shared files each one whole save`);
if (r.problems.length) {
  console.log(`PROBLEMS:\n  ${r.problems.slice(0, 20).join("\n  ")}`);
  process.exitCode = 1;
} else console.log("nothing lost or corrupted");
