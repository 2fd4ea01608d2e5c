/**
 * Limits on what a scenario file can make Parley do, so a hostile or broken
 * file ends in a clear refusal instead of a hang, a stack overflow or all the
 * memory. Every refusal names its limit and how to raise it: each limit can
 * be set per run with PARLEY_LIMITS (e.g. `PARLEY_LIMITS=statementLength=5000,
 * aliases=5000`), and programs pass `limits` to the loading functions. The
 * state space has its own flag (--max-states, see compile.ts); the workbench
 * server's file size has --max-file-size (see server.ts).
 */
import { ParleyError } from "./errors.js";
import { count } from "./count.js";

export interface InputLimits {
  /** Characters in a scenario file. */
  fileSize: number;
  /** YAML alias expansions in a scenario file (an alias bomb expands to billions of nodes). */
  aliases: number;
  /** Levels of lists and mappings nested in each other in a scenario file. */
  depth: number;
  /** Characters in one statement or condition. */
  statementLength: number;
  /** Entries under `infeasible`. */
  conditions: number;
  /** Profiles `parley robustness` may sample (memory grows with them). */
  samples: number;
}

export const DEFAULT_LIMITS: Readonly<InputLimits> = {
  fileSize: 8 * 2 ** 20,
  aliases: 1000,
  depth: 64,
  statementLength: 2000,
  conditions: 1000,
  samples: 10_000_000,
};

/**
 * Options in a scenario: a fixed limit. A state is a bit mask over the options
 * and the engine indexes every candidate state (2^options of them, 4 bytes
 * each), so 2^28 = 268,435,456 candidate states is the most it enumerates;
 * `--max-states` (default 2^24) sets how many a run may enumerate below that.
 */
export const MAX_OPTIONS = 28;

/** The one message for a scenario with more options than Parley handles (validation and compilation say the same). */
export function tooManyOptions(n: number): string {
  return `the scenario has ${n} options; Parley handles at most ${MAX_OPTIONS} (a fixed limit: 2^${MAX_OPTIONS} = ${count(2 ** MAX_OPTIONS)} candidate states is the most it enumerates); join options or split the conflict`;
}

/** How every refusal ends: which limit, its value, and how to raise it. */
export function overLimit(name: keyof InputLimits, limit: number, needed: number): string {
  return `over the limit ${name}=${count(limit)}; raise it with PARLEY_LIMITS=${name}=${Math.ceil(needed)} if the input is genuine`;
}

/** `statementLength=5000,aliases=2000` -> limits over the defaults; unknown names and bad numbers are refused. */
export function parseLimits(spec: string | undefined): InputLimits {
  const out: InputLimits = { ...DEFAULT_LIMITS };
  if (!spec) return out;
  for (const part of spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value] = part.split("=").map((x) => x.trim());
    if (!Object.hasOwn(DEFAULT_LIMITS, name))
      throw new ParleyError({
        code: "bad-limits",
        message: `PARLEY_LIMITS: unknown limit '${name}'; the limits are ${Object.keys(DEFAULT_LIMITS).join(", ")}`,
      });
    const n = Number(value?.replace(/_/g, ""));
    if (!Number.isSafeInteger(n) || n < 1)
      throw new ParleyError({
        code: "bad-limits",
        message: `PARLEY_LIMITS: '${part}' needs a positive whole number, as in ${name}=${DEFAULT_LIMITS[name as keyof InputLimits]}`,
      });
    out[name as keyof InputLimits] = n;
  }
  return out;
}
