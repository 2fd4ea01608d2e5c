/** `parley schema`. */
import type { Command } from "commander";
import { scenarioJsonSchema } from "../../model/schema.js";
import { forceOption, jsonText, outputOption, type CommandEnv } from "../env.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("schema")
    .description("print the JSON Schema of the scenario format (for editor autocompletion)")
    .addOption(outputOption())
    .addOption(forceOption())
    .action((o: { output?: string; force?: boolean }) => env.writeResult(jsonText(scenarioJsonSchema()), o));
}
