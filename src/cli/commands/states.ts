/** `parley states`. */
import type { Command } from "commander";
import { DEFAULT_TABLE_LIMIT, renderStates, type TableFormat } from "../../present/analysis-output.js";
import { forceOption, maxStatesOption, formatOption, outputOption, parseCount, type CommandEnv } from "../env.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("states")
    .description("list the feasible states: number, Y/N per option, each decision maker's rank")
    .argument("<file>", "scenario file, - for standard input")
    .addOption(formatOption(["table", "json", "csv", "md"], "table"))
    .option("--limit <n>", "rows of the table (table and md formats)", parseCount, DEFAULT_TABLE_LIMIT)
    .option("--all", "every row in the table (table and md formats)")
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
Examples:
  parley states scenarios/elmira.yaml
  parley states scenarios/elmira.yaml -f csv > states.csv`,
    )
    .action((file: string, o: { format: TableFormat | "json"; limit: number; all?: boolean; output?: string; force?: boolean; maxStates: number }) => {
      env.writeResult(renderStates(env.load(file, o.maxStates), o.format, { limit: o.all ? undefined : o.limit }), o);
    });
}
