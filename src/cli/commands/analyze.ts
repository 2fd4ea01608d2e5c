/** `parley analyze`. */
import type { Command } from "commander";
import { analyzeSteps, CONCEPTS, type Concept } from "../../stability/analyze.js";
import { analysisOutput, DEFAULT_TABLE_LIMIT } from "../../present/analysis-output.js";
import { analysisCompactOutput } from "../../present/analysis-compact-output.js";
import { ParleyError } from "../../format/errors.js";
import { print, type PrintOptions } from "../print.js";
import { DEFAULT_SCENARIO } from "../paths.js";
import { analyzeParallel, ANALYSIS_THREADS_FROM } from "../../parallel/parallel.js";
import {
  chooseThreads,
  conceptOption,
  forceOption,
  maxStatesOption,
  formatOption,
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
    .command("analyze")
    .description("stability of every feasible state for every decision maker, and the equilibria")
    .argument("[file]", "scenario file, - for standard input (default: the embedded default scenario)")
    .addOption(conceptOption())
    .addOption(formatOption(["table", "json", "csv", "md", "html"], "table"))
    .option("-e, --equilibria-only", "list only states that are an equilibrium under some concept (also in JSON)")
    .option(
      "--compact",
      "with --format json: the compact form (parley-analysis-compact/1: sets of states as ranges or bitsets, ranks in base64), for large models",
    )
    .option("--limit <n>", "rows of the table (table, md and html formats)", parseCount, DEFAULT_TABLE_LIMIT)
    .option("--all", "every row in the table (table, md and html formats)")
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(maxStatesOption())
    .addOption(threadsOption(`all cores from ${count(ANALYSIS_THREADS_FROM)} states`))
    .addHelpText(
      "after",
      `
Examples:
  parley analyze                                  the default scenario, every concept
  parley analyze scenarios/prisoners-dilemma.yaml -c Nash,GMR
  parley analyze model.yaml --format json > results.json
  parley analyze model.yaml -f csv -e             equilibria only, as CSV
  parley analyze big.yaml -f csv -o states.csv    every state of a large model, as data
  parley analyze big.yaml -f json --compact       every state of a large model, in a few megabytes
  cat model.yaml | parley analyze -               the scenario from standard input
  parley analyze big.yaml --threads 4             four worker threads`,
    )
    .action(
      async (
        file: string | undefined,
        o: PrintOptions & {
          concept?: Concept[];
          equilibriaOnly?: boolean;
          compact?: boolean;
          limit: number;
          all?: boolean;
          maxStates: number;
          threads: number;
        },
      ) => {
        if (o.compact && o.format !== "json")
          throw new ParleyError({ code: "usage", message: `--compact is a form of the JSON output: give it with --format json, not --format ${o.format}` });
        const model = env.load(file ?? DEFAULT_SCENARIO, o.maxStates, { implicitOnly: true });
        const concepts = o.concept ?? CONCEPTS;
        const threads = chooseThreads(o.threads, model.states.length >= ANALYSIS_THREADS_FROM);
        // Large models show progress on a terminal and stop cleanly on Ctrl-C.
        const showProgress = model.states.length >= 20_000;
        const analysis =
          threads > 1
            ? await runOnPool(env, threads, showProgress, (pool, onProgress, shouldStop) => analyzeParallel(model, pool, { concepts, onProgress, shouldStop }))
            : await runSteps(env, analyzeSteps(model, { concepts }), showProgress);
        // JSON, CSV and the table are written as they are rendered, a row at a time: a model of millions of states is never held whole as text.
        await print(env, o.compact ? analysisCompactOutput : analysisOutput, { analysis, equilibriaOnly: o.equilibriaOnly }, o, {
          limit: o.all ? undefined : o.limit,
        });
      },
    );
}
