/** `parley explain`. */
import type { Command } from "commander";
import { analyze, CONCEPTS, createContext, type Concept } from "../../stability/analyze.js";
import { explainState } from "../../stability/explain.js";
import { explainOutput } from "../../present/explain-text.js";
import { print, type PrintOptions } from "../print.js";
import { conceptOption, forceOption, maxStatesOption, outputOption, resolveDM, formatOption, type CommandEnv } from "../env.js";
import { parseStateRef } from "../../model/states.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("explain")
    .description("why a state is stable or not for each decision maker, in words")
    .argument("<file>", "scenario file")
    .argument("<state>", "state number (1..N) or Y/N pattern")
    .option("-d, --dm <id>", "only this decision maker (id or name)")
    .addOption(conceptOption())
    .addOption(formatOption(["text", "json", "md", "html"], "text"))
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
Examples:
  parley explain scenarios/elmira.yaml 5
  parley explain scenarios/elmira.yaml NYNNY --dm moe --concept GMR,SEQ`,
    )
    .action(async (file: string, stateName: string, o: PrintOptions & { dm?: string; concept?: Concept[]; maxStates: number }) => {
      const model = env.load(file, o.maxStates);
      const state = parseStateRef(model, stateName);
      const dms = o.dm !== undefined ? [resolveDM(model, o.dm)] : model.scenario.decisionMakers.map((_, d) => d);
      const concepts = o.concept ?? [...CONCEPTS];
      const ctx = createContext(model);
      const explanations = dms.map((d) => explainState(ctx, state, d, concepts));
      // The whole analysis only for the document's first line, which says where the state is an equilibrium.
      const equilibriumUnder =
        o.format === "json" ? undefined : ((a) => concepts.filter((c) => a.equilibria[c]!.includes(state)))(analyze(model, { concepts, context: ctx }));
      await print(env, explainOutput, { model, state, explanations, concepts, equilibriumUnder }, o);
    });
}
