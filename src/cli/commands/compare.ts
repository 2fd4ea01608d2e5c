/** `parley compare`. */
import type { Command } from "commander";
import { compareModels, equilibriumSurvival } from "../../analysis/compare.js";
import { comparisonOutput, survivalOutput } from "../../present/compare-output.js";
import { print, type PrintOptions } from "../print.js";
import { ParleyError } from "../../format/errors.js";
import { analyzeParallel, ANALYSIS_THREADS_FROM } from "../../parallel/parallel.js";
import { CONCEPTS, type Analysis, type Concept } from "../../stability/analyze.js";
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
    .addOption(threadsOption(`all cores from ${ANALYSIS_THREADS_FROM.toLocaleString("en-US")} states in all versions`))
    .addHelpText(
      "after",
      `
With two files: the model differences, then the states that gained or lost
stability under each concept, for whom and why. With more: in how many of the
versions each equilibrium holds, under each concept (also with --survival).
JSON: parley-comparison/1 for two files, parley-survival/1 for the table.

Examples:
  parley compare scenarios/ukraine-2025.yaml scenarios/ukraine-2025-us-walks-away.yaml
  parley compare scenarios/ukraine-2025*.yaml -c Nash,SEQ`,
    )
    .action(async (files: string[], o: PrintOptions & { concept?: Concept[]; survival?: boolean; limit: number; maxStates: number; threads: number }) => {
      if (files.length < 2) throw new ParleyError({ code: "usage", message: "compare needs at least two scenario files" });
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
        print(env, comparisonOutput, { a: models[0], b: models[1], fileA: files[0], fileB: files[1], cmp }, o);
        return;
      }
      const { sharedOptions, rows } = equilibriumSurvival(models, concepts, analyses);
      print(env, survivalOutput, { models, files, sharedOptions, rows, concepts }, o, { limit: o.limit });
    });
}
