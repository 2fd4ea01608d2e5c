/** `parley merge`: the partial results of `--shard i/n` runs, combined into the result of one run. */
import { Option, type Command } from "commander";
import { DrawsMismatch, mergedDraws } from "../../analysis/draws.js";
import { ParleyError } from "../../format/errors.js";
import { checkPartials, readPartial } from "../../interchange/partial.js";
import { forceOption, outputOption, type CommandEnv } from "../env.js";
import { inputName } from "../io.js";
import type { PrintFormat } from "../print.js";
import { sha256, type ShardedCommand } from "../shard.js";

/** The commands that take --shard, and so whose partials merge reads: each module exports `sharded`. */
const SHARDED: Record<string, () => Promise<{ sharded: ShardedCommand }>> = {
  robustness: () => import("./robustness.js"),
  forecast: () => import("./forecast.js"),
  bargain: () => import("./bargain.js"),
  compare: () => import("./compare.js"),
};
const NAMES = Object.keys(SHARDED).join(", ");

export function register(program: Command, env: CommandEnv): void {
  program
    .command("merge")
    .description("combine the partial results of a command run with --shard i/n into exactly the result of one run")
    .argument("<files...>", "the partial results, one per shard (any order; - for standard input)")
    .addOption(
      new Option("-f, --format <format>", "output format (default: the one the shards were given; text is the same as table)").choices([
        "text",
        "table",
        "md",
        "csv",
        "json",
        "html",
      ]),
    )
    .addOption(outputOption())
    .addOption(forceOption())
    .addHelpText(
      "after",
      `
Checks that the files are the n shards of one command line (same command,
options, scenario and n; every shard once), then computes and prints what the
command would have printed run whole: the same numbers, bit for bit, for any
n. docs/scale.md shows a Slurm job array and a Kubernetes Indexed Job.
Commands that take --shard: ${NAMES}.

Examples:
  for i in 1 2 3 4; do parley robustness big.yaml --seed 7 --shard $i/4 -o part-$i.json; done
  parley merge part-*.json
  parley merge part-*.json -f json -o robustness.json`,
    )
    .action(async (files: string[], o: { format?: PrintFormat; output?: string; force?: boolean }) => {
      const parts = files.map((file) => ({ file: inputName(file), partial: readPartial(env.io.readText(file), inputName(file)) }));
      const partials = checkPartials(parts, sha256);
      const first = partials[0];
      const load = Object.hasOwn(SHARDED, first.command) ? SHARDED[first.command] : undefined;
      if (!load) throw new ParleyError({ code: "not-a-partial", message: `'${first.command}' is not a command whose shards merge (${NAMES})` }, parts[0].file);
      const { sharded } = await load();
      const recorded = first.options.format as PrintFormat | undefined;
      let format = o.format ?? recorded ?? sharded.formats[0];
      // text and table name the same human-readable form: the command's own name for it.
      if ((format === "text" || format === "table") && !sharded.formats.includes(format)) format = format === "text" ? "table" : "text";
      if (!sharded.formats.includes(format))
        throw new ParleyError({ code: "bad-option", message: `${first.command} prints ${sharded.formats.join(", ")}, not ${format}` });
      const draws = mergedDraws(partials.map((p) => p.loops));
      try {
        await sharded.merge(env, first, draws, { format, output: o.output, force: o.force }, () => draws.finished());
      } catch (e) {
        if (!(e instanceof DrawsMismatch)) throw e;
        throw new ParleyError({
          code: "partials-differ",
          message: `the partials do not fit this ${first.command} run (${e.message}): were they written by another version of Parley?`,
        });
      }
    });
}
