/** `parley states`. */
import type { Command } from "commander";
import { renderStates, type TableFormat } from "../../io/analysis-output.js";
import { forceOption, maxStatesOption, formatOption, outputOption, type CommandEnv } from "../env.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("states")
    .description("list the feasible states: number, Y/N per option, each decision maker's rank")
    .argument("<file>", "scenario file")
    .addOption(formatOption(["table", "json", "csv", "md"], "table"))
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(maxStatesOption())
    .addHelpText("after", `
Examples:
  parley states scenarios/elmira.yaml
  parley states scenarios/elmira.yaml -f csv > states.csv`)
    .action((file: string, o: { format: TableFormat | "json"; output?: string; force?: boolean; maxStates: number }) => {
      env.writeResult(renderStates(env.load(file, o.maxStates), o.format), o);
    });
}
