/**
 * `--shard i/n` on the commands that run Monte Carlo draws or a sweep over
 * scenario versions, and what `parley merge` needs of them: the option, the
 * partial result a shard writes, and the interface each sharded command's
 * module exports for the merge (docs/scale.md).
 */
import { createHash } from "node:crypto";
import { InvalidArgumentError, Option } from "commander";
import type { Draws, LoopRecord } from "../analysis/draws.js";
import { ParleyError } from "../format/errors.js";
import { PARTIAL_FORMAT, parseShard, type PartialResult, type PartialScenario } from "../interchange/partial.js";
import { loadModel } from "../model/load.js";
import type { Model } from "../model/compile.js";
import { inputLimits, memoryLimit, type CommandEnv } from "./env.js";
import { inputName } from "./io.js";
import type { PrintFormat, PrintOptions } from "./print.js";

export interface ShardSpec {
  index: number;
  count: number;
}

export const shardOption = () =>
  new Option(
    "--shard <i/n>",
    "run shard i of n (counted from 1) of the draws and write a partial result (JSON) instead; parley merge combines the n partials into this command's result",
  ).argParser((value: string): ShardSpec => {
    try {
      return parseShard(value);
    } catch (e) {
      if (e instanceof ParleyError) throw new InvalidArgumentError(e.message.replace(/^--shard '[^']*' /, ""));
      throw e;
    }
  });

/** `sha256:` and the hex digest of the text's UTF-8 bytes (as the forecast log names a scenario). */
export function sha256(text: string): string {
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}

/** A scenario file as a partial records it: its name as given, its hash and its text. */
export function partialScenario(env: CommandEnv, path: string): PartialScenario {
  const text = env.io.readText(path);
  return { name: inputName(path), hash: sha256(text), text };
}

/** A recorded scenario compiled again (in the merge), with the limits of this run. */
export function loadRecorded(s: PartialScenario, maxStates: number): Model {
  return loadModel(s.text, s.name, { maxStates, maxMemoryBytes: memoryLimit(), limits: inputLimits() });
}

/** Options that do not change the result: where it goes and how many threads made it. */
const NOT_RECORDED = new Set(["output", "force", "threads", "shard"]);

/** Writes the shard's partial result where the command would have written its result. */
export function writePartial<O extends { output?: string; force?: boolean }>(
  env: CommandEnv,
  command: string,
  o: O,
  shard: ShardSpec,
  scenarios: PartialScenario[],
  loops: LoopRecord[],
): void {
  const options = Object.fromEntries(Object.entries(o).filter(([k, v]) => !NOT_RECORDED.has(k) && v !== undefined));
  const partial: PartialResult = { format: PARTIAL_FORMAT, command, options, scenarios, shard, loops };
  // Compact: a partial holds raw results (lists of states, values per draw) that no one reads by eye.
  env.writeResult(`${JSON.stringify(partial)}\n`, o);
}

/** What a sharded command's module exports for `parley merge`. */
export interface ShardedCommand {
  /** The formats the command prints (`-f`). */
  formats: readonly PrintFormat[];
  /**
   * Computes the command's result from the partials (the first stands for
   * all: same options and scenarios) with the draws taken from them, calls
   * `check` (every shard's records used) and prints it with `o`.
   */
  merge(env: CommandEnv, partial: PartialResult, draws: Draws, o: PrintOptions, check: () => void): void | Promise<void>;
}

/** Refuses an option that a shard cannot honour. */
export function notWithShard(flag: string, why: string): never {
  throw new ParleyError({ code: "cannot-shard", message: `${flag} cannot be used with --shard: ${why}` });
}
