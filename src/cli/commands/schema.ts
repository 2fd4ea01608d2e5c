/** `parley schema`. */
import type { Command } from "commander";
import { scenarioJsonSchema } from "../../model/schema.js";
import { type CommandEnv } from "../env.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("schema")
    .description("print the JSON Schema of the scenario format (for editor autocompletion)")
    .action(() => env.io.stdout(JSON.stringify(scenarioJsonSchema(), null, 2) + "\n"));
}
