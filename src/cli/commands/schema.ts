/** `parley schema`. */
import type { Command } from "commander";
import { scenarioJsonSchema } from "../../format/schema.js";
import { OUTPUT_SCHEMAS } from "../../report/output-schemas.js";
import { ParleyError } from "../../format/errors.js";
import { forceOption, jsonText, outputOption, type CommandEnv } from "../env.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("schema")
    .description("print the JSON Schema of the scenario format (for editor autocompletion), or of a kind of JSON output")
    .argument("[kind]", `a kind of JSON output: ${Object.keys(OUTPUT_SCHEMAS).join(", ")} (default: the scenario format, parley/1)`)
    .addOption(outputOption())
    .addOption(forceOption())
    .addHelpText(
      "after",
      `
Examples:
  parley schema > parley-1.schema.json
  parley schema parley-analysis/1`,
    )
    .action((kind: string | undefined, o: { output?: string; force?: boolean }) => {
      if (kind === undefined || kind === "parley/1") return env.writeResult(jsonText(scenarioJsonSchema()), o);
      const found = OUTPUT_SCHEMAS[kind];
      if (!found)
        throw new ParleyError({
          code: "unknown-kind",
          message: `unknown kind '${kind}'; the kinds are parley/1 (scenarios), ${Object.keys(OUTPUT_SCHEMAS).join(", ")}`,
        });
      env.writeResult(jsonText(found.schema), o);
    });
}
