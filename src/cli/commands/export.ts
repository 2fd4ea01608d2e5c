/** `parley export`. */
import type { Command } from "commander";
import { exportGmcrPy } from "../../io/gmcrpy.js";
import { maxStatesOption, type CommandEnv } from "../env.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("export")
    .description("convert a Parley scenario into a gmcr-py / GMCR+ JSON file")
    .argument("<file>", "scenario file")
    .option("-o, --output <file>", "write the gmcr-py file here instead of standard output")
    .option("--force", "overwrite the output file if it exists")
    .addOption(maxStatesOption())
    .addHelpText("after", `
Examples:
  parley export scenarios/elmira.yaml -o elmira.gmcr`)
    .action((file: string, o: { output?: string; force?: boolean; maxStates: number }) => {
      env.writeResult(JSON.stringify(exportGmcrPy(env.load(file, o.maxStates)), null, 2) + "\n", o);
    });
}
