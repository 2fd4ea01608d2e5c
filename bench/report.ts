/**
 * `npm run bench -- --report`: `parley report` end to end on a large
 * generated model (4 DMs × 18 options with no constraint: 262,144 states),
 * the built CLI in a process of its own: wall time, peak resident memory
 * (from /usr/bin/time -v where it exists) and what the sensitivity phase's
 * budget let it try. Opt-in, since it takes most of a minute.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { generateScenarioData } from "./generate.js";

export interface ReportRow {
  states: number;
  seconds: number;
  /** Peak resident memory of the process (its worker threads included), or null without /usr/bin/time. */
  peakMiB: number | null;
  candidates: number;
  analysed: number;
  /** What stopped the sensitivity phase: the count budget, the time cap, or nothing (every change tried). */
  stoppedBy: "count" | "time" | null;
}

export function measureReport(): ReportRow | null {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const cli = resolve(root, (JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as { bin: { parley: string } }).bin.parley);
  if (!existsSync(cli)) return null;
  const dir = mkdtempSync(join(tmpdir(), "parley-bench-report-"));
  try {
    const data = generateScenarioData(4, 18, 1);
    data.infeasible = [];
    const file = join(dir, "large.yaml");
    writeFileSync(file, stringify(data));
    const timed = existsSync("/usr/bin/time");
    const command = timed ? ["/usr/bin/time", "-v", process.execPath] : [process.execPath];
    const t0 = performance.now();
    const r = spawnSync(command[0], [...command.slice(1), cli, "report", file, "-f", "json"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`parley report exited with ${r.status}: ${r.stderr}`);
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    const report = JSON.parse(r.stdout) as {
      model: { feasibleStates: number };
      assumptions: { tried: number; budget?: { candidates: number; analysed: string[]; stoppedBy: "count" | "time" } };
    };
    const b = report.assumptions.budget;
    return {
      states: report.model.feasibleStates,
      seconds,
      peakMiB: rss ? Number(rss[1]) / 1024 : null,
      candidates: b ? b.candidates : report.assumptions.tried,
      analysed: b ? b.analysed.length : report.assumptions.tried,
      stoppedBy: b ? b.stoppedBy : null,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
