/** `parley import`. */
import type { Command } from "commander";
import { stringify } from "yaml";
import { ParleyError } from "../../model/errors.js";
import { importGmcrPy } from "../../io/gmcrpy.js";
import { inputLimits, maxStatesOption, type CommandEnv } from "../env.js";
import { inputName } from "../io.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("import")
    .description("convert a gmcr-py / GMCR+ JSON file into a Parley scenario (YAML)")
    .argument("<file>", "gmcr-py file (.gmcr or .json)")
    .option("-o, --output <file>", "write the scenario here instead of standard output")
    .option("--force", "overwrite the output file if it exists")
    .addOption(maxStatesOption())
    .addHelpText("after", `
Examples:
  parley import model.gmcr -o model.yaml
  parley import model.gmcr | less`)
    .action((file: string, o: { output?: string; force?: boolean; maxStates: number }) => {
      let raw: unknown;
      const text = env.io.readText(file);
      const shown = inputName(file);
      const base = file === "-" ? "imported" : file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
      try {
        raw = JSON.parse(text);
      } catch (e) {
        throw new ParleyError({ code: "syntax", message: `not valid JSON: ${(e as Error).message}` }, shown);
      }
      let data: Record<string, unknown>;
      try {
        data = importGmcrPy(raw, base, { maxStates: o.maxStates, limits: inputLimits() });
      } catch (e) {
        if (e instanceof ParleyError) throw new ParleyError(e.issues, shown);
        throw e;
      }
      const yaml = `# Imported from ${file === "-" ? "standard input" : file.replace(/^.*[\\/]/, "")} (gmcr-py) by parley import.\n` + stringify(data, { lineWidth: 0 });
      env.writeResult(yaml, o);
    });
}
