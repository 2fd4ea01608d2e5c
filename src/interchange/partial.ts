/**
 * Partial results (`parley-partial/1`): what a command run with `--shard i/n`
 * writes, and `parley merge` reads. A partial names its command, the
 * command's full options, the scenarios it ran on (name, hash and text, so a
 * merge needs nothing else), which shard it is, and the raw results of its
 * share of every Monte Carlo loop (src/analysis/draws.ts). Here: the tag,
 * reading a partial, and the checks that a set of partials belongs together
 * and is complete. The merge itself re-runs the command's computation with
 * the draws taken from the partials (each command's module).
 */
import type { LoopRecord } from "../analysis/draws.js";
import { ParleyError } from "../format/errors.js";

export const PARTIAL_FORMAT = "parley-partial/1";
const PARTIAL_PREFIX = "parley-partial/";

/** A scenario a partial ran on: its name as given, the hash of its text, and the text. */
export interface PartialScenario {
  name: string;
  /** `sha256:` and the hex digest of the text's UTF-8 bytes. */
  hash: string;
  text: string;
}

export interface PartialResult {
  format: typeof PARTIAL_FORMAT;
  /** The command that wrote it (`robustness`, `forecast`, `bargain`, `compare`). */
  command: string;
  /** The command's options, all of them but where the output goes and how many threads ran it. */
  options: Record<string, unknown>;
  scenarios: PartialScenario[];
  /** Shard `index` (1-based) of `count`. */
  shard: { index: number; count: number };
  /** Each Monte Carlo loop's share run by this shard, in the order the computation runs them. */
  loops: LoopRecord[];
}

/** "2/4" -> { index: 2, count: 4 }; a clear error otherwise. */
export function parseShard(value: string): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count)
    throw new ParleyError({
      code: "bad-shard",
      message: `--shard '${value}' is not i/n with 1 <= i <= n (shard i of n, counted from 1: 1/4, 2/4, 3/4, 4/4)`,
    });
  return { index, count };
}

/** JSON with the keys of every object in sorted order: equal options give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v as Record<string, unknown>)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/** One file's text as a partial result; `file` names it in every message. */
export function readPartial(text: string, file: string): PartialResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ParleyError(
      { code: "not-a-partial", message: `not JSON (${(e as Error).message}); a partial result is the JSON a command writes with --shard` },
      file,
    );
  }
  const bad = (message: string) => new ParleyError({ code: "partial-corrupt", message: `${message}; the file is damaged or not as --shard wrote it` }, file);
  if (!isObject(data) || typeof data.format !== "string" || !data.format.startsWith(PARTIAL_PREFIX))
    throw new ParleyError(
      {
        code: "not-a-partial",
        message: `not a partial result: its format is ${isObject(data) && typeof data.format === "string" ? `'${data.format}'` : "missing"}, not '${PARTIAL_FORMAT}' (the output of a command run with --shard i/n)`,
      },
      file,
    );
  if (data.format !== PARTIAL_FORMAT)
    throw new ParleyError(
      {
        code: "partial-version",
        message: `'${data.format}' is a partial format this Parley does not read (it reads '${PARTIAL_FORMAT}'): merge with the Parley that wrote it`,
      },
      file,
    );
  if (typeof data.command !== "string") throw bad("no command");
  if (!isObject(data.options)) throw bad("no options");
  const shard = data.shard;
  if (!isObject(shard) || !isCount(shard.index) || !isCount(shard.count) || shard.index < 1 || shard.index > shard.count) throw bad("no valid shard i/n");
  if (
    !Array.isArray(data.scenarios) ||
    !data.scenarios.every((s) => isObject(s) && typeof s.name === "string" && typeof s.hash === "string" && typeof s.text === "string")
  )
    throw bad("no valid scenarios");
  if (
    !Array.isArray(data.loops) ||
    !data.loops.every(
      (l) =>
        isObject(l) &&
        isCount(l.samples) &&
        isCount(l.from) &&
        isCount(l.to) &&
        (Array.isArray(l.values) ||
          (Array.isArray(l.counts) && l.counts.every((c) => Array.isArray(c) && c.length === 2 && isCount(c[0]) && typeof c[1] === "number"))),
    )
  )
    throw bad("no valid Monte Carlo records (loops)");
  return data as unknown as PartialResult;
}

/**
 * Checks that the partials are the shards of one run (same command, options,
 * scenarios and number of shards) and that every shard is there once, with
 * each scenario's text matching its hash (`hashOf`: the caller's sha256).
 * Returns them in shard order. Messages name the file and the problem.
 */
export function checkPartials(parts: readonly { file: string; partial: PartialResult }[], hashOf: (text: string) => string): PartialResult[] {
  if (parts.length === 0)
    throw new ParleyError({ code: "usage", message: "merge needs the partial results to merge: parley merge part-1.json part-2.json ..." });
  for (const { file, partial } of parts)
    for (const s of partial.scenarios)
      if (hashOf(s.text) !== s.hash)
        throw new ParleyError(
          { code: "partial-corrupt", message: `the text of scenario ${s.name} does not match its hash ${s.hash}: the file was changed after it was written` },
          file,
        );
  const [first] = parts;
  const differ = (file: string, what: string, theirs: string, ours: string) =>
    new ParleyError(
      {
        code: "partials-differ",
        message: `${what} differs from ${first.file}'s (${theirs}, not ${ours}): partials to merge come from one command line, shard i/n for every i`,
      },
      file,
    );
  for (const { file, partial } of parts.slice(1)) {
    const p = first.partial;
    if (partial.command !== p.command) throw differ(file, "its command", partial.command, p.command);
    if (partial.shard.count !== p.shard.count) throw differ(file, "its number of shards", `/${partial.shard.count}`, `/${p.shard.count}`);
    const names = (x: PartialResult) => x.scenarios.map((s) => `${s.name} ${s.hash.slice(0, 19)}…`).join(", ");
    if (canonicalJson(partial.scenarios.map((s) => s.hash)) !== canonicalJson(p.scenarios.map((s) => s.hash)))
      throw differ(file, "its scenario", names(partial), names(p));
    if (canonicalJson(partial.options) !== canonicalJson(p.options)) {
      const keys = [...new Set([...Object.keys(partial.options), ...Object.keys(p.options)])].sort();
      const k = keys.find((key) => canonicalJson(partial.options[key]) !== canonicalJson(p.options[key]))!;
      const show = (v: unknown) => (v === undefined ? "not given" : canonicalJson(v));
      throw differ(file, `its option ${k}`, show(partial.options[k]), show(p.options[k]));
    }
  }
  const count = first.partial.shard.count;
  const byIndex = new Map<number, string>();
  for (const { file, partial } of parts) {
    const other = byIndex.get(partial.shard.index);
    if (other !== undefined)
      throw new ParleyError({ code: "shard-twice", message: `${other} and ${file} are both shard ${partial.shard.index}/${count}: give each shard once` });
    byIndex.set(partial.shard.index, file);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((i) => !byIndex.has(i));
  if (missing.length)
    throw new ParleyError({
      code: "shard-missing",
      message: `shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${count}`).join(", ")} ${missing.length > 1 ? "are" : "is"} missing: ${parts.length} of ${count} partial results given`,
    });
  return [...parts].sort((a, b) => a.partial.shard.index - b.partial.shard.index).map((x) => x.partial);
}
