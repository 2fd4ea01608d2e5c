/** `parley foresight`: limited-move stability L_h and non-myopic stability NM. */
import { InvalidArgumentError, Option, type Command } from "commander";
import { foresightOutput } from "../../present/foresight-output.js";
import { print, type PrintOptions } from "../print.js";
import { foresight } from "../../extensions/foresight.js";
import { createContext } from "../../stability/analyze.js";
import { FORESIGHT_VARIANTS, checkVariant, VARIANT_INFO, type ForesightVariant } from "../../extensions/limited-move.js";
import { forceOption, maxStatesOption, formatOption, outputOption, parseCount, type CommandEnv } from "../env.js";
import { parseStateRef } from "../../model/states.js";

/** Horizons beyond this are refused: use --nm for the limit. */
export const MAX_HORIZON = 1000;

function parseHorizon(value: string): number {
  const h = parseCount(value);
  if (h > MAX_HORIZON) throw new InvalidArgumentError(`${h} moves is more than ${MAX_HORIZON}; use --nm for the limit of ever longer horizons`);
  return h;
}

export function register(program: Command, env: CommandEnv): void {
  program
    .command("foresight")
    .description("limited-move (L_h) and non-myopic (NM) stability: decision makers who look several moves ahead")
    .argument("<file>", "scenario file")
    .addOption(new Option("-H, --horizon <h>", "how many moves ahead each decision maker looks (L_h)").argParser(parseHorizon).default(2))
    .addOption(new Option("--nm", "non-myopic stability: the limit of L_h as the horizon grows").conflicts("horizon"))
    .addOption(
      new Option("--variant <name>", `how decision makers take turns: ${FORESIGHT_VARIANTS.join(", ")} (see below)`)
        .choices([...FORESIGHT_VARIANTS])
        .default("two-dm"),
    )
    .option("-s, --state <state>", "show the anticipated play from this state (number or Y/N pattern) instead of the status quo")
    .addOption(formatOption(["text", "json", "md", "html"], "text"))
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
Variants (the literature defines L_h and NM for two decision makers and disagrees on more):
${FORESIGHT_VARIANTS.map((v) => `  ${v.padEnd(9)} ${VARIANT_INFO[v].summary}\n  ${" ".repeat(9)} [${VARIANT_INFO[v].source}]`).join("\n")}

Examples:
  parley foresight scenarios/chicken.yaml --horizon 2
  parley foresight scenarios/prisoners-dilemma.yaml --nm
  parley foresight scenarios/elmira.yaml --variant maximin --horizon 3 --state 5
  parley foresight scenarios/elmira.yaml --variant rotation --nm --format json

Definitions, sources and worked examples: docs/foresight.md.`,
    )
    .action(async (file: string, o: PrintOptions & { horizon: number; nm?: boolean; variant: ForesightVariant; state?: string; maxStates: number }) => {
      const model = env.load(file, o.maxStates);
      checkVariant(model, o.variant);
      const focus = o.state !== undefined ? parseStateRef(model, o.state) : model.statusQuo;
      const f = foresight(createContext(model), o.variant, { horizon: o.horizon, nm: o.nm, focus });
      await print(env, foresightOutput, f, o);
    });
}
