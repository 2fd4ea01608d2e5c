/** `parley forecast`: outcome probabilities, each question's probability by its date, signposts; `--record` keeps a track record. */
import { InvalidArgumentError, Option, type Command } from "commander";
import { forecast } from "../../analysis/forecast.js";
import { MOVE_RULES, type MoveRule } from "../../analysis/play.js";
import { uncertaintyOf } from "../../analysis/robustness.js";
import { forecastOutput } from "../../present/forecast-output.js";
import { forecastLogText, forecastRecords } from "../../interchange/forecast-log.js";
import { ParleyError } from "../../format/errors.js";
import { CONCEPTS, createContext, type Concept } from "../../stability/analyze.js";
import type { Model } from "../../model/compile.js";
import { forceOption, formatOption, maxStatesOption, outputOption, parseConcept, parseCount, type CommandEnv } from "../env.js";
import { inputName } from "../io.js";
import { DEFAULT_SCENARIO } from "../paths.js";
import { print, type PrintOptions } from "../print.js";
import { today } from "../today.js";
import { shardDraws, type Draws } from "../../analysis/draws.js";
import type { PartialResult } from "../../interchange/partial.js";
import { loadRecorded, notWithShard, partialScenario, sha256, shardOption, writePartial, type ShardedCommand, type ShardSpec } from "../shard.js";

/** "undeterred=2,uniform=1" -> rules with weights. */
function parseRules(value: string): { rule: MoveRule; weight: number }[] {
  return value.split(",").map((part) => {
    const [name, w = "1"] = part.split("=").map((x) => x.trim());
    const rule = MOVE_RULES.find((r) => r === name.toLowerCase());
    if (!rule) throw new InvalidArgumentError(`unknown rule '${name}'; choose from ${MOVE_RULES.join(", ")}, each with an optional =weight`);
    const weight = Number(w);
    if (!Number.isFinite(weight) || weight < 0) throw new InvalidArgumentError(`the weight of ${rule} must be a number of at least 0, not '${w}'`);
    return { rule, weight };
  });
}

function parseNonNegative(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`'${value}' is not a whole number of at least 0`);
  return n;
}

interface Options extends PrintOptions {
  record?: string;
  concept?: Concept;
  rules?: { rule: MoveRule; weight: number }[];
  horizon?: number;
  samples: number;
  seed: number;
  sample?: boolean;
  signposts: number;
  maxStates: number;
  shard?: ShardSpec;
}

export function register(program: Command, env: CommandEnv): void {
  program
    .command("forecast")
    .description(
      "what is likely to happen, by when, how sure: outcome probabilities, each question's probability by its date, and the news that would change them",
    )
    .argument("[file]", "scenario file, - for standard input (default: the embedded default scenario)")
    .addOption(formatOption(["text", "md", "csv", "json", "html"], "text"))
    .addOption(outputOption())
    .addOption(forceOption())
    .option("--record <log>", "append one line per question to this forecast log (JSON Lines; parley score reads it)")
    .addOption(
      new Option("-c, --concept <name>", `play stops at equilibria of this concept: ${CONCEPTS.join(", ")} (default: the scenario's, else SEQ)`).argParser(
        parseConcept,
      ),
    )
    .addOption(
      new Option(
        "--rules <list>",
        `behaviour rules with weights, e.g. undeterred=2,uniform=1 (${MOVE_RULES.join(", ")}; default: the scenario's, else that)`,
      ).argParser(parseRules),
    )
    .option("--horizon <moves>", "at most this many moves (default: the scenario's, else 30)", parseCount)
    .option("-n, --samples <n>", "courses of play to simulate where the exact method's limits are passed", parseCount, 20_000)
    .option("--seed <n>", "seed of the simulation (same seed, same result)", parseCount, 1)
    .option("--sample", "simulate even where the exact method would do (to check it)")
    .option("--signposts <n>", "signposts listed (0: none)", parseNonNegative, 8)
    .addOption(maxStatesOption())
    .addOption(shardOption())
    .addHelpText(
      "after",
      `
With --shard i/n it simulates only its share of every Monte Carlo loop's
courses of play and writes a partial result; parley merge turns the n
partials into exactly this command's result (docs/scale.md). Where the
forecast is exact there is nothing to split: every shard computes it whole.

The forecast is dated today. A question whose date has passed is a
retrodiction: computed from the scenario's as-of date, labelled so, and never
scored. The model of play and what the numbers mean: docs/forecast.md.

Examples:
  parley forecast                                    the default scenario
  parley forecast my-conflict.yaml -f json -o forecast.json
  parley forecast my-conflict.yaml --rules gain=1,undeterred=1 --horizon 10
  parley forecast my-conflict.yaml --record forecasts.jsonl   keep a track record (parley score)
  parley forecast my-conflict.yaml --sample -n 1000000 --shard 3/8 -o part-3.json`,
    )
    .action(async (file: string | undefined, o: Options) => {
      const path = file ?? DEFAULT_SCENARIO;
      const when = today();
      if (o.record && when.fixed)
        throw new ParleyError({
          code: "backdated",
          message: `--record writes forecasts dated the day they are made; PARLEY_TODAY (${when.date}) is not today: unset it to record`,
        });
      if (o.shard && o.record) notWithShard("--record", "a shard holds a part of the draws; record a forecast from a whole run");
      const text = env.io.readText(path);
      const model = env.load(path, o.maxStates);
      const draws = o.shard ? shardDraws(o.shard.index, o.shard.count) : undefined;
      const f = computeForecast(model, o, when.date, draws);
      if (o.shard && draws) {
        const { output, force, format, concept, rules, horizon, samples, seed, sample, signposts, maxStates } = o;
        const recorded = { format, concept, rules, horizon, samples, seed, sample, signposts, maxStates, today: when.date, output, force };
        writePartial(env, "forecast", recorded, o.shard, [partialScenario(env, path)], draws.records);
        return;
      }
      const hash = sha256(text);
      if (o.record) {
        if (!env.io.appendText) throw new ParleyError({ code: "cannot-write", message: "this environment cannot append to files" });
        if (!f.questions.length)
          throw new ParleyError({
            code: "no-questions",
            message: `${inputName(path)} has no questions to record; add a questions: section (docs/scenario-format.md)`,
          });
        env.io.appendText(o.record, forecastLogText(forecastRecords(f, { name: model.scenario.name, hash })));
        const counted = f.questions.filter((q) => !q.retrodiction).length;
        env.io.stderr(
          `parley: recorded ${f.questions.length} question${f.questions.length === 1 ? "" : "s"} in ${o.record}${counted < f.questions.length ? ` (${f.questions.length - counted} retrodiction${f.questions.length - counted === 1 ? "" : "s"}, never scored)` : ""}\n`,
        );
      }
      await print(env, forecastOutput, { model, forecast: f, scenario: { name: model.scenario.name, hash }, signposts: o.signposts }, o);
    });
}

function computeForecast(model: Model, o: Omit<Options, keyof PrintOptions>, date: string, draws: Draws | undefined) {
  return forecast(createContext(model), uncertaintyOf(model), {
    today: date,
    concept: o.concept,
    rules: o.rules,
    horizon: o.horizon,
    samples: o.samples,
    seed: o.seed,
    method: o.sample ? "sample" : "auto",
    signposts: o.signposts,
    ...(draws ? { draws } : {}),
  });
}

/** `parley merge` of forecast shards: the forecast made again on the shards' day, its sampled courses from the partials. */
export const sharded: ShardedCommand = {
  formats: ["text", "md", "csv", "json", "html"],
  async merge(env, partial: PartialResult, draws, o, check) {
    const opts = partial.options as unknown as Omit<Options, keyof PrintOptions> & { today: string };
    const [scenario] = partial.scenarios;
    const model = loadRecorded(scenario, opts.maxStates);
    const f = computeForecast(model, opts, opts.today, draws);
    check();
    await print(env, forecastOutput, { model, forecast: f, scenario: { name: model.scenario.name, hash: scenario.hash }, signposts: opts.signposts }, o);
  },
};
