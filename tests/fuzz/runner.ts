/**
 * Runs a fuzz path with fast-check: N cases from a seed, stopping at the first
 * failure and shrinking it to a minimal input. Reports cases, outcomes, time
 * and the slowest case, for the test suite and for `npm run fuzz`.
 */
import fc from "fast-check";
import type { FuzzPath, Outcome } from "./targets.js";

export interface FuzzReport {
  path: string;
  runs: number;
  seed: number;
  ok: number;
  refused: number;
  ms: number;
  slowestMs: number;
  /** The shrunk failing input and its error, when a case failed. */
  failure?: { counterexample: unknown; error: string; replayPath?: string };
}

export async function fuzzPath<T>(path: FuzzPath<T>, opts: { runs: number; seed: number }): Promise<FuzzReport> {
  const counts: Record<Outcome, number> = { ok: 0, refused: 0 };
  let slowestMs = 0;
  await path.setup?.();
  const t0 = performance.now();
  let details: fc.RunDetails<[T]>;
  try {
    details = await fc.check(
      fc.asyncProperty(path.arbitrary, async (input) => {
        const t = performance.now();
        const outcome = await path.run(input);
        slowestMs = Math.max(slowestMs, performance.now() - t);
        counts[outcome]++;
      }),
      { numRuns: opts.runs, seed: opts.seed, endOnFailure: false },
    );
  } finally {
    await path.teardown?.();
  }
  const ms = performance.now() - t0;
  const report: FuzzReport = { path: path.name, runs: details.numRuns, seed: opts.seed, ...counts, ms, slowestMs };
  if (details.failed)
    report.failure = {
      counterexample: details.counterexample?.[0],
      error: details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance),
      ...(details.counterexamplePath ? { replayPath: details.counterexamplePath } : {}),
    };
  return report;
}

/** A short printable form of a counterexample (long strings cut). */
export function showCase(x: unknown): string {
  const text = JSON.stringify(x, (_k, v) => (typeof v === "string" && v.length > 200 ? `${v.slice(0, 200)}…(${v.length} chars)` : v));
  return text && text.length > 4000 ? text.slice(0, 4000) + "…" : String(text);
}
