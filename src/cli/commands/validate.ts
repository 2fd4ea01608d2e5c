/** `parley validate`. */
import type { Command } from "commander";
import { ParleyError } from "../../model/errors.js";
import { printError } from "../print.js";
import { inputName } from "../io.js";
import { maxStatesOption, Exit, type CommandEnv } from "../env.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("validate")
    .description("check scenario files and report every problem with its line and column")
    .argument("<files...>", "scenario files")
    .addOption(maxStatesOption())
    .addHelpText("after", `
Examples:
  parley validate scenarios/*.yaml`)
    .action((files: string[], o: { maxStates: number }) => {
      let failed = 0;
      for (const file of files) {
        try {
          const m = env.load(file, o.maxStates);
          env.io.stdout(
            `ok  ${inputName(file)}: ${m.nDMs} decision makers, ${m.nOptions} options, ${m.states.length} feasible states, status quo state ${m.statusQuo + 1}\n`,
          );
        } catch (e) {
          if (!(e instanceof ParleyError)) throw e;
          printError(env.io, e);
          failed++;
        }
      }
      if (failed > 0) {
        if (files.length > 1) env.io.stderr(`parley: ${failed} of ${files.length} files have problems\n`);
        throw new Exit(2);
      }
    });
}
