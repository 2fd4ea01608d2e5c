/** `parley export`. */
import type { Command } from "commander";
import { exportGmcrPy } from "../../interchange/gmcrpy-export.js";
import { forceOption, jsonText, maxStatesOption, outputOption, type CommandEnv } from "../env.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("export")
    .description("convert a Parley scenario into a gmcr-py / GMCR+ JSON file")
    .argument("<file>", "scenario file")
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
Examples:
  parley export scenarios/elmira.yaml -o elmira.gmcr`,
    )
    .action((file: string, o: { output?: string; force?: boolean; maxStates: number }) => {
      env.writeResult(jsonText(exportGmcrPy(env.load(file, o.maxStates))), o);
    });
}
