/** `parley validate`. */
import type { Command } from "commander";
import { ParleyError } from "../../format/errors.js";
import { type FileCheck, validateOutput } from "../../present/validate-output.js";
import { print, printError, type PrintOptions } from "../print.js";
import { maxStatesOption, Exit, forceOption, formatOption, outputOption, type CommandEnv } from "../env.js";
import { inputName } from "../io.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("validate")
    .description("check scenario files and report every problem with its line and column")
    .argument("<files...>", "scenario files (- for standard input)")
    .addOption(formatOption(["text", "json", "md", "html"], "text"))
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
With --format json the problems are data (parley-diagnostics/1): per file,
whether it is valid and each issue's severity, code, message, path, line and
column. The exit code is 2 when any file has a problem, in every format.

Examples:
  parley validate scenarios/*.yaml
  parley validate model.yaml -f json`,
    )
    .action(async (files: string[], o: PrintOptions & { maxStates: number }) => {
      const results = files.map((file): FileCheck => {
        try {
          return { file: inputName(file), model: env.load(file, o.maxStates), issues: [] };
        } catch (e) {
          if (!(e instanceof ParleyError)) throw e;
          return { file: inputName(file), error: e, issues: e.issues };
        }
      });
      const failed = results.filter((r) => !r.model).length;
      // In text the problems go to standard error, like a compiler's; the page lists them.
      const text = o.format === "text";
      if (text) for (const r of results) if (r.error) printError(env.io, r.error);
      // No valid file: nothing on standard output in text (an -o file is left empty).
      if (text && failed === results.length) {
        if (o.output) env.writeResult("", o);
      } else await print(env, validateOutput, results, o, { issues: !text });
      if (text && failed > 0 && files.length > 1) env.io.stderr(`parley: ${failed} of ${files.length} files have problems\n`);
      if (failed > 0) throw new Exit(2);
    });
}
