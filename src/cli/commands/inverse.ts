/** `parley inverse`. */
import type { Command } from "commander";
import { inverseForTargets } from "../../analysis/inverse.js";
import { parseStateSet } from "../../model/states.js";
import { inverseOutput } from "../../present/inverse-output.js";
import { print, type PrintOptions } from "../print.js";
import { ParleyError } from "../../format/errors.js";
import { createContext, type Concept } from "../../stability/analyze.js";
import { forceOption, formatOption, maxStatesOption, outputOption, parseConcepts, parseCount, type CommandEnv } from "../env.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("inverse")
    .description("inverse GMCR: what the decision makers' priorities would have to be for a state to be stable")
    .argument("<file>", "scenario file")
    .requiredOption("-t, --target <state>", "a state (number or Y/N pattern), or a condition over option ids selecting the target states")
    .option("-c, --concept <name>", "stability concept: Nash, GMR, SMR, SEQ, SIM, SEQ+SIM", "SEQ")
    .option("--max-evaluations <n>", "limit on preference profiles checked", parseCount, 100_000)
    .addOption(formatOption(["text", "md", "json", "html"], "text"))
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
The search tries the decision makers' priorities nearest to the scenario's
first: swapping two neighbouring statements or dropping one is one edit. With
a condition, the matching state nearest to stability is reported.

Examples:
  parley inverse scenarios/ukraine-2025.yaml --target "ru_ceasefire & us_guarantee & eu_force" --concept Nash
  parley inverse scenarios/elmira.yaml --target 4 --concept SEQ -f json`,
    )
    .action(async (file: string, o: PrintOptions & { target: string; concept: string; maxEvaluations: number; maxStates: number }) => {
      const model = env.load(file, o.maxStates);
      const concepts = parseConcepts(o.concept, undefined);
      if (concepts.length !== 1) throw new ParleyError({ code: "usage", message: "--concept takes one concept" });
      const concept: Concept = concepts[0];
      const asState = parseStateSet(model, o.target);
      const r = inverseForTargets(createContext(model), asState, concept, { maxEvaluations: o.maxEvaluations });
      await print(env, inverseOutput, { model, result: r }, o);
    });
}
