/** `parley compare`. */
import type { Command } from "commander";
import { compareModels, equilibriumSurvival, survivalOf } from "../../analysis/compare.js";
import { shardRange } from "../../analysis/draws.js";
import { loadRecorded, notWithShard, partialScenario, shardOption, writePartial, type ShardedCommand, type ShardSpec } from "../shard.js";
import { comparisonOutput, survivalOutput } from "../../present/compare-output.js";
import { print, type PrintOptions } from "../print.js";
import { ParleyError } from "../../format/errors.js";
import { analyzeParallel, ANALYSIS_THREADS_FROM } from "../../parallel/parallel.js";
import { analyze, CONCEPTS, type Analysis, type Concept } from "../../stability/analyze.js";
import {
  chooseThreads,
  conceptOption,
  forceOption,
  formatOption,
  maxStatesOption,
  outputOption,
  parseCount,
  runOnPool,
  threadsOption,
  type CommandEnv,
} from "../env.js";

import { inputName } from "../io.js";
import { count } from "../../format/count.js";

type Options = PrintOptions & { concept?: Concept[]; survival?: boolean; limit: number; maxStates: number; threads: number; shard?: ShardSpec };

export function register(program: Command, env: CommandEnv): void {
  program
    .command("compare")
    .description("what changes between versions of a scenario: the model, the equilibria, and why")
    .argument("<files...>", "two scenario files, or more for a survival table")
    .addOption(conceptOption())
    .addOption(formatOption(["text", "md", "json", "html"], "text"))
    .option("--survival", "the survival table even for two files")
    .option("--limit <n>", "rows of the survival table (three or more files, or --survival)", parseCount, 30)
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(maxStatesOption())
    .addOption(threadsOption(`all cores from ${count(ANALYSIS_THREADS_FROM)} states in all versions`))
    .addOption(shardOption())
    .addHelpText(
      "after",
      `
With two files: the model differences, then the states that gained or lost
stability under each concept, for whom and why. With more: in how many of the
versions each equilibrium holds, under each concept (also with --survival).
JSON: parley-comparison/1 for two files, parley-survival/1 for the table.
The survival table splits: with --shard i/n only a share of the versions is
analysed and a partial result written; parley merge turns the n partials into
the table (docs/scale.md).

Examples:
  parley compare scenarios/ukraine-2025.yaml scenarios/ukraine-2025-us-walks-away.yaml
  parley compare scenarios/ukraine-2025*.yaml -c Nash,SEQ
  parley compare variants/*.yaml --survival --shard 1/10 -o part-1.json`,
    )
    .action(async (files: string[], o: Options) => {
      if (files.length < 2) throw new ParleyError({ code: "usage", message: "compare needs at least two scenario files" });
      if (o.shard) return compareShard(env, files, o, o.shard);
      const models = files.map((f) => env.load(f, o.maxStates));
      files = files.map(inputName); // in the output, standard input (-) is <stdin>
      const concepts = o.concept ?? [...CONCEPTS];
      const states = models.reduce((a, m) => a + m.states.length, 0);
      const threads = chooseThreads(o.threads, states >= ANALYSIS_THREADS_FROM);
      // Large versions: each one's (concept, DM) passes spread over worker threads, one version after another.
      const analyses =
        threads > 1
          ? await runOnPool(env, threads, states >= 20_000, async (pool, progress, shouldStop) => {
              const out: Analysis[] = [];
              for (const [k, model] of models.entries()) {
                const a = await analyzeParallel(model, pool, { concepts, shouldStop, onProgress: (d, t, label) => progress(d, t, `${files[k]}: ${label}`) });
                if (!a) return undefined;
                out.push(a);
              }
              return out;
            })
          : undefined;
      if (models.length === 2 && !o.survival) {
        const cmp = compareModels(models[0], models[1], concepts, analyses && [analyses[0], analyses[1]]);
        await print(env, comparisonOutput, { a: models[0], b: models[1], fileA: files[0], fileB: files[1], cmp }, o);
        return;
      }
      const { sharedOptions, rows } = equilibriumSurvival(models, concepts, analyses);
      await print(env, survivalOutput, { models, files, sharedOptions, rows, concepts }, o, { limit: o.limit });
    });
}

/** One shard of the survival table: its share of the versions analysed, their equilibria written as a partial result. */
async function compareShard(env: CommandEnv, files: string[], o: Options, shard: ShardSpec): Promise<void> {
  if (files.length < 3 && !o.survival)
    notWithShard(
      "two files",
      "a comparison of two versions explains each change with both analyses at hand; --shard splits the survival table (three or more files, or --survival)",
    );
  const concepts = o.concept ?? [...CONCEPTS];
  const scenarios = files.map((f) => partialScenario(env, f));
  const { from, to } = shardRange(files.length, shard.index, shard.count);
  const mine = files.slice(from, to).map((f) => env.load(f, o.maxStates));
  const states = mine.reduce((a, m) => a + m.states.length, 0);
  const threads = chooseThreads(o.threads, states >= ANALYSIS_THREADS_FROM);
  const analyses =
    threads > 1
      ? await runOnPool(env, threads, states >= 20_000, async (pool, progress, shouldStop) => {
          const out: Analysis[] = [];
          for (const model of mine) {
            const a = await analyzeParallel(model, pool, { concepts, shouldStop, onProgress: progress });
            if (!a) return undefined;
            out.push(a);
          }
          return out;
        })
      : mine.map((m) => analyze(m, { concepts }));
  const values = analyses.map((a) => a.equilibria);
  const { format, limit, maxStates, output, force } = o;
  writePartial(env, "compare", { format, limit, maxStates, concept: concepts, survival: true, output, force }, shard, scenarios, [
    { samples: files.length, from, to, values },
  ]);
}

/** `parley merge` of compare shards: the versions compiled again (not analysed), their equilibria from the partials. */
export const sharded: ShardedCommand = {
  formats: ["text", "md", "json", "html"],
  async merge(env, partial, draws, o, check) {
    const opts = partial.options as { limit: number; maxStates: number; concept: Concept[] };
    const models = partial.scenarios.map((s) => loadRecorded(s, opts.maxStates));
    const equilibria = draws.each<Partial<Record<Concept, number[]>>>(models.length, () => {
      throw new Error("a merge analyses no version");
    });
    check();
    const { sharedOptions, rows } = survivalOf(models, equilibria, opts.concept);
    await print(env, survivalOutput, { models, files: partial.scenarios.map((s) => s.name), sharedOptions, rows, concepts: opts.concept }, o, {
      limit: opts.limit,
    });
  },
};
