/** `parley bargain`. */
import { InvalidArgumentError, Option, type Command } from "commander";
import { graphLink, type GraphLink } from "../../bargaining/link.js";
import { runBargaining, type BargainingRun } from "../../bargaining/scenario.js";
import { MODELS, type BargainingModel } from "../../bargaining/types.js";
import { bargainOutput } from "../../present/bargain-output.js";
import type { Model } from "../../model/compile.js";
import { ParleyError } from "../../format/errors.js";
import { analyze } from "../../stability/analyze.js";
import { DEFAULT_SCENARIO } from "../paths.js";
import { forceOption, formatOption, maxStatesOption, outputOption, parseCount, type CommandEnv } from "../env.js";
import { print, type PrintOptions } from "../print.js";
import { shardDraws, type Draws } from "../../analysis/draws.js";
import { loadRecorded, notWithShard, partialScenario, shardOption, writePartial, type ShardedCommand, type ShardSpec } from "../shard.js";

function parseModels(value: string, previous: BargainingModel[] | undefined): BargainingModel[] {
  const out = [...(previous ?? [])];
  for (const part of value
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const found = MODELS.find((m) => m === part.toLowerCase() || (part.toLowerCase() === "eu" && m === "expected-utility"));
    if (!found) throw new InvalidArgumentError(`unknown model '${part}'; choose from ${MODELS.join(", ")}`);
    if (!out.includes(found)) out.push(found);
  }
  return out;
}

function parseProbability(value: string): number {
  const x = Number(value);
  if (!Number.isFinite(x) || x < 0 || x > 1) throw new InvalidArgumentError(`'${value}' is not a probability between 0 and 1`);
  return x;
}

interface Opts extends PrintOptions {
  model?: BargainingModel[];
  rounds?: number;
  samples?: number;
  seed: number;
  linkModel?: BargainingModel;
  maxStates: number;
  // Switches of the models.
  nashLoss: "linear" | "quadratic";
  nashDisagreement: "worst" | "status-quo";
  nashWeights: "capability-salience" | "capability" | "equal";
  euMedian: "weighted-median" | "weighted-mean";
  euQ: number;
  euT: string;
  euProbability: "supporters" | "net" | "all-pairs";
  euRisk: "scholz" | "neutral";
  euOffer: "least" | "highest-eu" | "by-kind";
  euPerspective: "receiver" | "own";
  euDistance: "scale" | "positions";
  smpPce: "markov" | "conditional";
  smpVictory: "quadratic" | "linear";
  smpGrid: number;
  shard?: ShardSpec;
}

export function register(program: Command, env: CommandEnv): void {
  program
    .command("bargain")
    .description("where continuous issues may settle: weighted mean and median, Nash bargaining, expected utility (Bueno de Mesquita / Scholz et al.), SMP")
    .argument("[file]", "scenario file with a `bargaining` section (default: the embedded default scenario)")
    .option("-m, --model <names>", `models, comma-separated: ${MODELS.join(", ")} (default: all)`, parseModels)
    .option("-r, --rounds <n>", "rounds of the dynamic models (expected-utility, smp)", parseCount, 10)
    .option("-n, --samples <n>", "Monte Carlo draws over the input ranges (sensitivity)", parseCount)
    .option("--seed <n>", "seed of the draws (same seed, same result)", parseCount, 1)
    .addOption(formatOption(["table", "md", "csv", "json", "html"], "table"))
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(
      new Option(
        "--link-model <name>",
        "the model whose forecast decides which graph-model options are on the table (default: the scenario's bargaining.linkModel, else expected-utility)",
      ).choices([...MODELS]),
    )
    .addOption(
      new Option("--nash-loss <form>", "Nash: utility 1 − distance (linear) or 1 − distance² (quadratic)").choices(["linear", "quadratic"]).default("linear"),
    )
    .addOption(
      new Option("--nash-disagreement <point>", "Nash: no deal = each actor's worst end of the scale, or the issue's status quo")
        .choices(["worst", "status-quo"])
        .default("worst"),
    )
    .addOption(
      new Option("--nash-weights <w>", "Nash: bargaining weights").choices(["capability-salience", "capability", "equal"]).default("capability-salience"),
    )
    .addOption(
      new Option("--eu-median <m>", "expected utility: μ is the weighted median (median voter) or the weighted mean")
        .choices(["weighted-median", "weighted-mean"])
        .default("weighted-median"),
    )
    .addOption(new Option("--eu-q <p>", "expected utility: Q, the chance nothing changes without a challenge").argParser(parseProbability).default(1))
    .addOption(new Option("--eu-t <rule>", "expected utility: T, 'closer-to-median' or a fixed probability").default("closer-to-median"))
    .addOption(
      new Option("--eu-probability <rule>", "expected utility: P_ij from the supporters' votes on the pair, the net vote, or over the votes on every pair")
        .choices(["supporters", "net", "all-pairs"])
        .default("supporters"),
    )
    .addOption(
      new Option("--eu-risk <rule>", "expected utility: risk exponents after Scholz et al. §5, or neutral (r = 1)")
        .choices(["scholz", "neutral"])
        .default("scholz"),
    )
    .addOption(
      new Option(
        "--eu-offer <rule>",
        "expected utility: of several offers, accept the least move, the highest-EU sender's, or by kind (conflict, compromise, capitulation)",
      )
        .choices(["least", "highest-eu", "by-kind"])
        .default("least"),
    )
    .addOption(
      new Option("--eu-perspective <who>", "expected utility: judge an offer with the receiver's risk exponent for both sides, or each side's own")
        .choices(["receiver", "own"])
        .default("receiver"),
    )
    .addOption(
      new Option("--eu-distance <rule>", "expected utility: distances as shares of the scale or of the positions' span")
        .choices(["scale", "positions"])
        .default("scale"),
    )
    .addOption(
      new Option("--smp-pce <rule>", "SMP: probabilistic Condorcet election by Markov chain or by conditional products")
        .choices(["markov", "conditional"])
        .default("markov"),
    )
    .addOption(
      new Option("--smp-victory <rule>", "SMP: victory probability from squared (quadratic) or plain (linear) strengths")
        .choices(["quadratic", "linear"])
        .default("quadratic"),
    )
    .option("--smp-grid <n>", "SMP: grid points searched for each best response", parseCount, 41)
    .addOption(maxStatesOption())
    .addOption(shardOption())
    .addHelpText(
      "after",
      `
With --samples and --shard i/n it runs only its share of the draws and writes
a partial result; parley merge turns the n partials into exactly this
command's result (docs/scale.md).

Every choice the published models leave open is a switch (--nash-*, --eu-*,
--smp-*); the defaults follow Scholz, Calbert & Smith (2011) for the expected
utility model. docs/bargaining.md gives each model's equations and sources.

Examples:
  parley bargain                                   the default scenario, every model
  parley bargain scenarios/ukraine-2025.yaml -m eu,median --rounds 5
  parley bargain scenarios/ukraine-2025.yaml --samples 500 --seed 7
  parley bargain scenarios/ukraine-2025.yaml --eu-q 0.5 --eu-perspective own -f json
  parley bargain scenarios/ukraine-2025.yaml --samples 5000 --shard 1/4 -o part-1.json`,
    )
    .action(async (file: string | undefined, o: Opts) => {
      const path = file ?? DEFAULT_SCENARIO;
      const model = env.load(path, o.maxStates);
      if (o.shard && !o.samples) notWithShard("--shard", "it splits the Monte Carlo draws of --samples, and none were asked for");
      const draws = o.shard ? shardDraws(o.shard.index, o.shard.count) : undefined;
      const run = bargainRun(model, o, draws);
      if (o.shard && draws) {
        writePartial(env, "bargain", o, o.shard, [partialScenario(env, path)], draws.records);
        return;
      }
      await printRun(env, model, run, o);
    });
}

/** The models run on every issue of the scenario, with the options of the command line. */
function bargainRun(model: Model, o: Opts, draws: Draws | undefined): BargainingRun {
  const t = o.euT === "closer-to-median" ? "closer-to-median" : Number(o.euT);
  if (typeof t === "number" && !(Number.isFinite(t) && t >= 0 && t <= 1))
    throw new ParleyError({ code: "bad-option", message: `--eu-t must be 'closer-to-median' or a probability between 0 and 1, not '${o.euT}'` });
  return runBargaining(model.scenario, {
    ...(o.model ? { models: o.model } : {}),
    rounds: o.rounds,
    ...(o.samples ? { samples: o.samples, seed: o.seed } : {}),
    nash: { loss: o.nashLoss, disagreement: o.nashDisagreement, weights: o.nashWeights },
    expectedUtility: {
      median: o.euMedian,
      q: o.euQ,
      t,
      probability: o.euProbability,
      risk: o.euRisk,
      offer: o.euOffer,
      perspective: o.euPerspective,
      distance: o.euDistance,
    },
    smp: { pce: o.smpPce, victory: o.smpVictory, grid: o.smpGrid },
    ...(draws ? { draws } : {}),
  });
}

async function printRun(env: CommandEnv, model: Model, run: BargainingRun, o: Opts | (Omit<Opts, keyof PrintOptions> & PrintOptions)): Promise<void> {
  const wanted = o.linkModel ?? model.scenario.bargaining?.linkModel?.model ?? "expected-utility";
  const linkModel = run.models.includes(wanted) ? wanted : run.models[0];
  await print(env, bargainOutput, { model, run, link: link(model, run, linkModel) }, o);
}

/** `parley merge` of bargain shards: the models run again, the draws' forecasts from the partials. */
export const sharded: ShardedCommand = {
  formats: ["table", "md", "csv", "json", "html"],
  async merge(env, partial, draws, o, check) {
    const opts = { ...(partial.options as unknown as Opts), ...o };
    const model = loadRecorded(partial.scenarios[0], opts.maxStates);
    const run = bargainRun(model, opts, draws);
    check();
    await printRun(env, model, run, opts);
  },
};

/** What the forecast leaves of the graph model's SEQ equilibria, when the scenario links issues to options. */
function link(model: Model, run: BargainingRun, reference: BargainingModel): GraphLink | undefined {
  if (!run.issues.some((r) => r.links.length)) return undefined;
  return graphLink(model, run, reference, analyze(model, { concepts: ["SEQ"] }).equilibria.SEQ ?? []);
}
