/** `parley robustness`. */
import type { Command } from "commander";
import { planRobustness, robustnessSteps, uncertaintyOf, type RobustnessResult } from "../../analysis/robustness.js";
import { profileLists, robustnessWith } from "../../analysis/robustness-split.js";
import { shardRange } from "../../analysis/draws.js";
import type { Model } from "../../model/compile.js";
import { robustnessOutput } from "../../present/robustness-output.js";
import { print, type PrintOptions } from "../print.js";
import { CONCEPTS, createContext, type Concept } from "../../stability/analyze.js";
import { robustnessParallel, robustnessWorthThreads, variantEquilibriaParallel } from "../../parallel/parallel.js";
import { loadRecorded, partialScenario, shardOption, writePartial, type ShardedCommand, type ShardSpec } from "../shard.js";
import { ParleyError } from "../../format/errors.js";
import { overLimit } from "../../format/limits.js";
import {
  chooseThreads,
  conceptOption,
  forceOption,
  formatOption,
  inputLimits,
  maxStatesOption,
  outputOption,
  parseCount,
  runOnPool,
  runSteps,
  threadsOption,
  type CommandEnv,
} from "../env.js";
import { count } from "../../format/count.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("robustness")
    .description("how robust the equilibria are to uncertain preferences: probability per state, and what moves it")
    .argument("<file>", "scenario file (statements with `probability`, decision makers with `alternatives`)")
    .option("-n, --samples <n>", "profiles to sample when there are too many to enumerate", parseCount, 10_000)
    .option("--seed <n>", "seed of the sampler (same seed, same result)", parseCount, 1)
    .option("--exact-limit <n>", "enumerate exactly up to this many profiles", parseCount, 4096)
    .option("--top <n>", "states listed", parseCount, 15)
    .addOption(conceptOption())
    .addOption(formatOption(["text", "md", "json", "html"], "text"))
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(maxStatesOption())
    .addOption(threadsOption("all cores when states × samples reach 20 million"))
    .addOption(shardOption())
    .addHelpText(
      "after",
      `
A long run shows its progress on a terminal; Ctrl-C stops it and prints the
result so far. With --shard i/n it analyses only its share of the distinct
profiles and writes a partial result; parley merge turns the n partials into
exactly this command's result (docs/scale.md).

Examples:
  parley robustness scenarios/ukraine-2025.yaml
  parley robustness scenarios/ukraine-2025.yaml --samples 50000 --seed 7 -c Nash,SEQ -f json
  parley robustness scenarios/ukraine-2025.yaml --shard 2/4 -o part-2.json`,
    )
    .action(
      async (
        file: string,
        o: PrintOptions & {
          samples: number;
          seed: number;
          exactLimit: number;
          top: number;
          concept?: Concept[];
          maxStates: number;
          threads: number;
          shard?: ShardSpec;
        },
      ) => {
        const limits = inputLimits();
        for (const [flag, value] of [
          ["--samples", o.samples],
          ["--exact-limit", o.exactLimit],
        ] as const)
          if (value > limits.samples)
            throw new ParleyError({
              code: "samples-limit",
              message: `${flag} ${count(value)} asks for more profiles than Parley keeps in memory by default, ${overLimit("samples", limits.samples, value)}`,
            });
        const model = env.load(file, o.maxStates);
        const concepts = o.concept ?? [...CONCEPTS];
        const u = uncertaintyOf(model);
        const opts = { concepts, samples: o.samples, seed: o.seed, exactLimit: o.exactLimit };
        const threads = chooseThreads(o.threads, robustnessWorthThreads(model, opts));
        if (o.shard) {
          const shard = o.shard;
          const plan = planRobustness(model, u, opts);
          const { from, to } = shardRange(plan.profiles.length, shard.index, shard.count);
          const levels = Array.from({ length: to - from }, (_, k) => plan.levels(from + k));
          const values =
            threads > 1
              ? await runOnPool(env, threads, true, async (pool, onProgress, shouldStop) => {
                  const found = await variantEquilibriaParallel(model, pool, concepts, levels, onProgress, shouldStop);
                  return found?.map((e) => concepts.map((c) => e[c]!));
                })
              : profileLists(createContext(model), plan, from, to);
          const { output, force, format, top, seed, samples, exactLimit, maxStates } = o;
          const recorded = { format, top, seed, samples, exactLimit, maxStates, concept: concepts, output, force };
          writePartial(env, "robustness", recorded, shard, [partialScenario(env, file)], [{ samples: plan.profiles.length, from, to, values }]);
          return;
        }
        // Ctrl-C keeps the profiles analysed so far: a partial result is still a result.
        const style = { line: progressBar, keepPartial: true };
        const result: RobustnessResult =
          threads > 1
            ? await runOnPool(
                env,
                threads,
                true,
                (pool, onProgress, shouldStop) => robustnessParallel(model, u, pool, { ...opts, onProgress, shouldStop }),
                style,
              )
            : await runSteps(env, (shouldStop) => robustnessSteps(createContext(model), u, { ...opts, shouldStop }), true, style);
        await print(env, robustnessOutput, { model, uncertainty: u, result, concepts, seed: o.seed }, o, { top: o.top });
      },
    );
}

/** `parley merge` of robustness shards: the plan made again, the profiles' equilibria from the partials. */
export const sharded: ShardedCommand = {
  formats: ["text", "md", "json", "html"],
  async merge(env, partial, draws, o, check) {
    const opts = partial.options as { samples: number; seed: number; exactLimit: number; top: number; concept: Concept[]; maxStates: number };
    const model: Model = loadRecorded(partial.scenarios[0], opts.maxStates);
    const u = uncertaintyOf(model);
    const result = robustnessWith(
      createContext(model),
      u,
      { concepts: opts.concept, samples: opts.samples, seed: opts.seed, exactLimit: opts.exactLimit },
      draws,
    );
    check();
    await print(env, robustnessOutput, { model, uncertainty: u, result, concepts: opts.concept, seed: opts.seed }, o, { top: opts.top });
  },
};

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = Math.round((done / Math.max(1, total)) * width);
  return `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.floor((done / Math.max(1, total)) * 100)}% ${count(done)}/${count(total)} profiles (Ctrl-C keeps the result so far)`;
}
