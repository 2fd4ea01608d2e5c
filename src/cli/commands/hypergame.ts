/** `parley hypergame`. */
import { Option, type Command } from "commander";
import { analyzeHypergame, HYPERGAME_VIEWS, type Hypergame, type HypergameView } from "../../extensions/hypergame.js";
import { hypergameOutput } from "../../present/hypergame-output.js";
import { print, type PrintOptions } from "../print.js";
import { CONCEPTS, type Concept } from "../../stability/analyze.js";
import { conceptOption, forceOption, formatOption, maxStatesOption, outputOption, withLocations, type CommandEnv } from "../env.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("hypergame")
    .description("misperception: each decision maker's stability in the game it perceives, and the hypergame equilibria")
    .argument("<file>", "scenario file (decision makers may have misperceives and perceivedPreferences)")
    .addOption(conceptOption())
    .addOption(
      new Option("--view <view>", "gmcr: the others respond with the moves they know of (GMCR+); subjective: everything within what the judging DM perceives")
        .choices([...HYPERGAME_VIEWS])
        .default("gmcr"),
    )
    .addOption(formatOption(["text", "json", "md", "html"], "text"))
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
A decision maker's 'misperceives' lists the states it does not know exist (conditions or
Y/N/- patterns); its 'perceivedPreferences' gives what it believes another decision maker
prefers. See docs/hypergames.md.

Examples:
  parley hypergame model.yaml                     every concept, text
  parley hypergame model.yaml -c Nash,SEQ --view subjective
  parley hypergame model.yaml --format json > hypergame.json`,
    )
    .action(async (file: string, o: PrintOptions & { concept?: Concept[]; view: HypergameView; maxStates: number }) => {
      const model = env.load(file, o.maxStates);
      const h: Hypergame = withLocations(env, file, () => analyzeHypergame(model, { concepts: o.concept ?? CONCEPTS, view: o.view }));
      await print(env, hypergameOutput, h, o);
    });
}
