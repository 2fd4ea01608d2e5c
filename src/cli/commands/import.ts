/** `parley import`. */
import type { Command } from "commander";
import { stringify } from "yaml";
import { ParleyError } from "../../format/errors.js";
import { parseGmcrPyText, readGmcrPy, type GmcrPyImport } from "../../interchange/gmcrpy-import.js";
import { forceOption, inputLimits, maxStatesOption, outputOption, type CommandEnv } from "../env.js";
import { inputName } from "../io.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("import")
    .description("convert a gmcr-py / GMCR+ JSON file into a Parley scenario (YAML)")
    .argument("<file>", "gmcr-py file (.gmcr or .json)")
    .addOption(outputOption())
    .addOption(forceOption())
    .option(
      "--status-quo <state>",
      "today's state: a Y/N pattern, one letter per option in the imported scenario's order (DM by DM), or a state number (default: the one a Parley export recorded, else state 1, the first feasible state)",
    )
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
gmcr-py files record no status quo: unless the file came from parley export,
import takes the first feasible state (state 1), says so on standard error,
and --status-quo chooses another.

Examples:
  parley import model.gmcr -o model.yaml
  parley import model.gmcr --status-quo NYNNN -o model.yaml
  parley import model.gmcr | less`,
    )
    .action((file: string, o: { output?: string; force?: boolean; maxStates: number; statusQuo?: string }) => {
      const shown = inputName(file);
      const base = file === "-" ? "imported" : file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
      const text = env.io.readText(file);
      let result: GmcrPyImport;
      try {
        const raw = parseGmcrPyText(text, `use it directly, as in parley analyze ${file}`);
        result = readGmcrPy(raw, base, { maxStates: o.maxStates, limits: inputLimits(), statusQuo: o.statusQuo });
      } catch (e) {
        if (e instanceof ParleyError && e.file === undefined) throw new ParleyError(e.issues, shown);
        throw e;
      }
      const yaml =
        `# Imported from ${file === "-" ? "standard input" : file.replace(/^.*[\\/]/, "")} (gmcr-py) by parley import.\n` +
        stringify(result.data, { lineWidth: 0 });
      const sq = result.statusQuo;
      if (sq.from === "first-feasible")
        env.io.stderr(
          `parley: ${shown}: gmcr-py files record no status quo: took state 1 (${sq.pattern}), the first feasible state; choose another with --status-quo PATTERN (one Y/N per option, in the scenario's order)\n`,
        );
      for (const note of result.notes) env.io.stderr(`parley: ${shown}: ${note}\n`);
      // After the notes: a reader that stops early (| head) ends the run quietly.
      env.writeResult(yaml, o);
    });
}
