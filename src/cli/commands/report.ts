/** `parley report`. */
import { InvalidArgumentError, Option, type Command } from "commander";
import { dirname, join } from "node:path";
import { defaultChangeBudget, planSensitivity, SENSITIVITY_STATE_BUDGET } from "../../analysis/sensitivity.js";
import { analyzeParallel, variantEquilibriaParallel } from "../../parallel/parallel.js";
import { buildReport, type ReportOptions } from "../../report/build.js";
import { reportOutput } from "../../report/report-output.js";
import { print } from "../print.js";
import { today } from "../today.js";
import { DEFAULT_SCENARIO } from "../paths.js";
import { chooseThreads, forceOption, formatOption, maxStatesOption, outputOption, runOnPool, threadsOption, type CommandEnv } from "../env.js";
import { count } from "../../format/count.js";

/** From this many states the analyses behind a report (the model, each single change of the priorities) go to worker threads. */
const PARALLEL_FROM_STATES = 20_000;

/** The sensitivity phase's default time cap, in seconds: a safety net (the count budget, which keeps the output the same on any machine, normally stops it first). */
export const DEFAULT_BUDGET_SECONDS = 30;

/** `--budget`: a count of changes to analyse, a time cap in seconds, or both, or `all`. */
export interface BudgetSpec {
  /** Changes analysed at most (Infinity: every one); undefined: the default for the model's size. */
  changes?: number;
  /** The time cap in seconds (null: none); undefined: the default. */
  seconds?: number | null;
}

export function parseBudget(value: string): BudgetSpec {
  const out: BudgetSpec = {};
  const bad = (why: string) =>
    new InvalidArgumentError(
      `'${value}': ${why}; write a number of changes (40), a time cap in seconds (20s), both (40,20s), or all (every change, no time cap)`,
    );
  for (const part of value.split(",").map((x) => x.trim())) {
    if (part === "all") {
      if (out.changes !== undefined) throw bad("the number of changes is given twice");
      out.changes = Number.POSITIVE_INFINITY;
      out.seconds ??= null;
    } else if (/^\d+$/.test(part)) {
      if (out.changes !== undefined) throw bad("the number of changes is given twice");
      out.changes = Number(part);
    } else if (/^\d+(\.\d+)?s$/.test(part)) {
      const seconds = Number(part.slice(0, -1));
      if (!(seconds > 0)) throw bad("the time cap must be more than 0 seconds");
      out.seconds = seconds;
    } else throw bad(`'${part}' is neither a number of changes nor a time in seconds`);
  }
  return out;
}

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
    .addOption(threadsOption(`all cores from ${count(PARALLEL_FROM_STATES)} states`))
    .addOption(
      new Option(
        "--budget <spec>",
        `how much of the sensitivity phase to run: N changes analysed at most (default: ${count(SENSITIVITY_STATE_BUDGET)} / states, every change of a small model), a time cap (Ts; default ${DEFAULT_BUDGET_SECONDS}s), both (N,Ts), or all`,
      ).argParser(parseBudget),
    )
    .addHelpText(
      "after",
      `
The report leads with a bottom line dated today: outcome probabilities from
parley forecast, what would change them, the news to watch, the questions.
The scenario's whatIfs (sibling files, relative to it) are analysed beside it
(in the appendix).

On a large model the report stays in proportion. The sensitivity phase (every
single change of the priorities) analyses those that can matter first, at most
${count(SENSITIVITY_STATE_BUDGET)} / states of them by default, and stops at a time cap of
${DEFAULT_BUDGET_SECONDS} s; the report says what was tried and what was skipped. --budget 40,20s
changes both, --budget all tries every change. The forecast weighs at most
1,000,000 / states readings of uncertain preferences, the likeliest, and says so.

Examples:
  parley report                                   the default scenario, in the terminal
  parley report --appendix                        with the technical detail
  parley report scenarios/ukraine-2025.yaml -f html -o report.html
  parley report my-conflict.yaml -f md > report.md`,
    )
    .action(
      async (
        file: string | undefined,
        o: {
          format: "text" | "md" | "html" | "json";
          appendix?: boolean;
          output?: string;
          force?: boolean;
          maxStates: number;
          threads: number;
          budget?: BudgetSpec;
        },
      ) => {
        const path = file ?? DEFAULT_SCENARIO;
        const model = env.load(path, o.maxStates);
        const whatIfs = (model.scenario.whatIfs ?? []).map((w) => ({
          title: w.title ?? w.file,
          file: w.file,
          ...(w.note ? { note: w.note } : {}),
          model: env.load(join(dirname(path), w.file), o.maxStates),
        }));
        // The sensitivity phase's budget: a count (the output depends on it alone) and a time cap (a safety net, reported when it stops the phase).
        const maxChanges = o.budget?.changes ?? defaultChangeBudget(model.states.length);
        const seconds = o.budget?.seconds === undefined ? DEFAULT_BUDGET_SECONDS : o.budget.seconds;
        let started: number | undefined;
        const timeUp = () => {
          if (seconds === null) return false;
          started ??= performance.now();
          return performance.now() - started >= seconds * 1000;
        };
        const budget: ReportOptions["budget"] = { changes: maxChanges, ...(seconds === null ? {} : { seconds }), stop: timeUp };
        // A large model takes a while: say so on a terminal.
        const states = model.states.length + whatIfs.reduce((a, w) => a + w.model.states.length, 0);
        if (states >= 20_000 && env.io.isTTY)
          env.io.stderr(
            `parley: analysing ${count(model.states.length)} states, ${Number.isFinite(maxChanges) ? `up to ${count(maxChanges)}` : "every one of the"} single changes of the priorities${seconds === null ? "" : ` (at most ${seconds} s)`}${whatIfs.length ? ` and ${whatIfs.length} what-if${whatIfs.length > 1 ? "s" : ""}` : ""}: this takes a while\n`,
          );
        const threads = chooseThreads(o.threads, model.states.length >= PARALLEL_FROM_STATES);
        // On worker threads: the model's analysis and each single change's, the same results as in one thread.
        const precomputed: ReportOptions =
          threads > 1
            ? await runOnPool(env, threads, true, async (pool, progress, shouldStop) => {
                const analysis = await analyzeParallel(model, pool, { shouldStop, onProgress: (d, t, label) => progress(d, t, label) });
                if (!analysis) return undefined;
                const plan = planSensitivity(analysis, maxChanges);
                timeUp(); // the time cap counts from here
                const equilibria = await variantEquilibriaParallel(
                  model,
                  pool,
                  analysis.concepts,
                  plan.analyse.map((k) => plan.variants[k].model.pref),
                  (d, t) => progress(d, t, "single changes of the priorities"),
                  shouldStop,
                  timeUp,
                );
                return equilibria && { analysis, sensitivity: { plan, equilibria } };
              })
            : {};
        const data = buildReport(model, whatIfs, { ...precomputed, budget, today: today().date });
        await print(env, reportOutput, data, o, { appendix: o.appendix === true });
      },
    );
}
