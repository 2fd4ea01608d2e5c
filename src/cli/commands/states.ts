/** `parley states`. */
import type { Command } from "commander";
import { DEFAULT_TABLE_LIMIT, statesOutput } from "../../present/analysis-output.js";
import { print, type PrintOptions } from "../print.js";
import { forceOption, maxStatesOption, formatOption, outputOption, parseCount, type CommandEnv } from "../env.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("states")
    .description("list the feasible states: number, Y/N per option, each decision maker's rank")
    .argument("<file>", "scenario file, - for standard input")
    .addOption(formatOption(["table", "json", "csv", "md", "html"], "table"))
    .option("--limit <n>", "rows of the table (table, md and html formats)", parseCount, DEFAULT_TABLE_LIMIT)
    .option("--all", "every row in the table (table, md and html formats)")
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
    .action(async (file: string, o: PrintOptions & { limit: number; all?: boolean; maxStates: number }) => {
      await print(env, statesOutput, env.load(file, o.maxStates), o, { limit: o.all ? undefined : o.limit });
    });
}
