/** `parley lint`: checks of a model before anyone forecasts with it. */
import { type Command, Option } from "commander";
import { lintModel, LINT_CODES } from "../../analysis/lint.js";
import { lintOutput, locateFindings, type LocatedFinding } from "../../present/lint-output.js";
import { createContext, type Concept } from "../../stability/analyze.js";
import { Exit, forceOption, formatOption, maxStatesOption, outputOption, parseConcept, type CommandEnv } from "../env.js";
import { inputName } from "../io.js";
import { DEFAULT_SCENARIO } from "../paths.js";
import { print, type PrintOptions } from "../print.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("lint")
    .description("check a model before forecasting with it: contradictions with today's state, options and statements that change nothing, unsourced elements")
    .argument("[file]", "scenario file, - for standard input (default: the embedded default scenario)")
    .addOption(formatOption(["text", "md", "json", "html"], "text"))
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(new Option("-c, --concept <name>", "judge today's stability under this concept (default SEQ: credible sanctions)").argParser(parseConcept))
    .option("--strict", "exit with code 3 when there are findings")
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
Findings: ${LINT_CODES.join(", ")}. Each names the element, where it is in
the file, why it matters and how to resolve it. Findings are warnings: the
exit code is 0 unless --strict is given (then 3 when there are findings).

Examples:
  parley lint
  parley lint my-conflict.yaml -f json`,
    )
    .action(async (file: string | undefined, o: PrintOptions & { concept?: Concept; strict?: boolean; maxStates: number }) => {
      const path = file ?? DEFAULT_SCENARIO;
      const text = env.io.readText(path);
      const model = env.load(path, o.maxStates);
      const facts = model.scenario.facts ? new Set(model.scenario.facts.map((f) => f.id)) : undefined;
      const findings = lintModel(createContext(model), { concept: o.concept, facts });
      const located: LocatedFinding[] = locateFindings(model, text, findings);
      await print(env, lintOutput, { file: inputName(path), findings: located }, o);
      if (o.strict && located.length) throw new Exit(3);
    });
}
