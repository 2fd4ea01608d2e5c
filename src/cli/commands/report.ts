/** `parley report`. */
import type { Command } from "commander";
import { dirname, join } from "node:path";
import { sensitivityVariants } from "../../analysis/sensitivity.js";
import { analyzeParallel, variantEquilibriaParallel } from "../../parallel/parallel.js";
import { buildReport, type ReportOptions } from "../../report/build.js";
import { reportOutput } from "../../report/report-output.js";
import { print } from "../print.js";
import { today } from "../today.js";
import { DEFAULT_SCENARIO } from "../paths.js";
import { chooseThreads, forceOption, formatOption, maxStatesOption, outputOption, runOnPool, threadsOption, type CommandEnv } from "../env.js";

/** From this many states the analyses behind a report (the model, each single change of the priorities) go to worker threads. */
const PARALLEL_FROM_STATES = 20_000;

export function register(program: Command, env: CommandEnv): void {
  program
    .command("report")
    .description(
      "a report a reader without GMCR training can follow: a dated bottom line (what is likely, what would change it, what to watch), the model, stable outcomes, paths from today, decisive assumptions",
    )
    .argument("[file]", "scenario file (default: the embedded default scenario)")
    .addOption(formatOption(["text", "md", "html", "json"], "text"))
    .option("--appendix", "add the technical detail: why each outcome holds, joint moves, what-ifs, how sure, bargaining")
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(maxStatesOption())
    .addOption(threadsOption(`all cores from ${PARALLEL_FROM_STATES.toLocaleString("en-US")} states`))
    .addHelpText(
      "after",
      `
The report leads with a bottom line dated today: outcome probabilities from
parley forecast, what would change them, the news to watch, the questions.
The scenario's whatIfs (sibling files, relative to it) are analysed beside it
(in the appendix).

Examples:
  parley report                                   the default scenario, in the terminal
  parley report --appendix                        with the technical detail
  parley report scenarios/ukraine-2025.yaml -f html -o report.html
  parley report my-conflict.yaml -f md > report.md`,
    )
    .action(
      async (
        file: string | undefined,
        o: { format: "text" | "md" | "html" | "json"; appendix?: boolean; output?: string; force?: boolean; maxStates: number; threads: number },
      ) => {
        const path = file ?? DEFAULT_SCENARIO;
        const model = env.load(path, o.maxStates);
        const whatIfs = (model.scenario.whatIfs ?? []).map((w) => ({
          title: w.title ?? w.file,
          file: w.file,
          ...(w.note ? { note: w.note } : {}),
          model: env.load(join(dirname(path), w.file), o.maxStates),
        }));
        // A large model takes a while (every single change of the priorities is analysed): say so on a terminal.
        const states = model.states.length + whatIfs.reduce((a, w) => a + w.model.states.length, 0);
        if (states >= 20_000 && env.io.isTTY)
          env.io.stderr(
            `parley: analysing ${model.states.length.toLocaleString("en-US")} states, every single change of the priorities${whatIfs.length ? ` and ${whatIfs.length} what-if${whatIfs.length > 1 ? "s" : ""}` : ""}: this takes a while\n`,
          );
        const threads = chooseThreads(o.threads, model.states.length >= PARALLEL_FROM_STATES);
        // On worker threads: the model's analysis and each single change's, the same results as in one thread.
        const precomputed: ReportOptions =
          threads > 1
            ? await runOnPool(env, threads, true, async (pool, progress, shouldStop) => {
                const analysis = await analyzeParallel(model, pool, { shouldStop, onProgress: (d, t, label) => progress(d, t, label) });
                if (!analysis) return undefined;
                const variants = sensitivityVariants(analysis);
                const sensitivityEquilibria = await variantEquilibriaParallel(
                  model,
                  pool,
                  analysis.concepts,
                  variants.map((v) => v.model.pref),
                  (d, t) => progress(d, t, "single changes of the priorities"),
                  shouldStop,
                );
                return sensitivityEquilibria && { analysis, sensitivityEquilibria };
              })
            : {};
        const data = buildReport(model, whatIfs, { ...precomputed, today: today().date });
        print(env, reportOutput, data, o, { appendix: o.appendix === true });
      },
    );
}
