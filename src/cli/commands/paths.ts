/** `parley paths`. */
import type { Command } from "commander";
import { analyze, CONCEPTS, type Concept } from "../../stability/analyze.js";
import { statusQuoAnalysis } from "../../analysis/paths.js";
import { pathsOutput } from "../../present/paths-output.js";
import { print, type PrintOptions } from "../print.js";
import { conceptOption, forceOption, maxStatesOption, outputOption, formatOption, type CommandEnv } from "../env.js";
import { parseStateRef } from "../../model/states.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("paths")
    .description("status quo analysis: where moves that each leave the mover better off lead from a state")
    .argument("<file>", "scenario file")
    .option("--from <state>", "start here instead of the status quo (number or Y/N pattern)")
    .addOption(conceptOption())
    .addOption(formatOption(["text", "json", "md", "html"], "text"))
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
Examples:
  parley paths scenarios/elmira.yaml
  parley paths scenarios/ukraine-2025.yaml --from 295 -c Nash,SEQ -f json`,
    )
    .action(async (file: string, o: PrintOptions & { from?: string; concept?: Concept[]; maxStates: number }) => {
      const model = env.load(file, o.maxStates);
      const from = o.from !== undefined ? parseStateRef(model, o.from) : model.statusQuo;
      const analysis = analyze(model, { concepts: o.concept ?? CONCEPTS });
      await print(env, pathsOutput, { model, analysis, sq: statusQuoAnalysis(analysis, from) }, o);
    });
}
