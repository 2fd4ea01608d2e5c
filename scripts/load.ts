/**
 * `npm run load -- [--seconds S] [--readers N] [--creators N] [--overwriters N]`:
 * the workbench server under concurrent reads and saves (tests/load/load.ts),
 * printing requests per second and latency percentiles; exit code 1 when
 * anything was lost, corrupted or refused.
 */
import { cpus } from "node:os";
import { runLoad, type Figures } from "../tests/load/load.js";

function arg(name: string, fallback: number): number {
  const k = process.argv.indexOf(`--${name}`);
  const v = k >= 0 ? Number(process.argv[k + 1]) : fallback;
  if (!Number.isSafeInteger(v) || v < 1) {
    console.error(`--${name} needs a positive whole number`);
    process.exit(2);
  }
  return v;
}

const opts = { seconds: arg("seconds", 30), readers: arg("readers", 20), creators: arg("creators", 5), overwriters: arg("overwriters", 5) };
console.log(`load: ${opts.seconds} s on loopback; ${opts.readers} reading, ${opts.creators} creating and ${opts.overwriters} overwriting connections; ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}`);
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
