/** `parley validate`. */
import type { Command } from "commander";
import type { Model } from "../../model/compile.js";
import { ParleyError, type Issue } from "../../format/errors.js";
import { printError } from "../print.js";
import { maxStatesOption, Exit, forceOption, formatOption, jsonText, outputOption, type CommandEnv } from "../env.js";

/** The JSON of `parley validate -f json`: every file's problems, as data. */
export const DIAGNOSTICS_FORMAT = "parley-diagnostics/1";
import { inputName } from "../io.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("validate")
    .description("check scenario files and report every problem with its line and column")
    .argument("<files...>", "scenario files (- for standard input)")
    .addOption(formatOption(["text", "json"], "text"))
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
    .action((files: string[], o: { format: "text" | "json"; output?: string; force?: boolean; maxStates: number }) => {
      const results = files.map((file) => {
        try {
          return { file: inputName(file), model: env.load(file, o.maxStates), issues: [] as Issue[] };
        } catch (e) {
          if (!(e instanceof ParleyError)) throw e;
          return { file: inputName(file), error: e, issues: e.issues };
        }
      });
      const failed = results.filter((r) => !r.model).length;
      if (o.format === "json") {
        env.writeResult(jsonText(diagnosticsJson(results)), o);
      } else {
        for (const r of results) if (r.error) printError(env.io, r.error);
        const ok = results.filter((r) => r.model).map((r) => `ok  ${r.file}: ${summary(r.model!)}\n`);
        if (ok.length || o.output) env.writeResult(ok.join(""), o);
        if (failed > 0 && files.length > 1) env.io.stderr(`parley: ${failed} of ${files.length} files have problems\n`);
      }
      if (failed > 0) throw new Exit(2);
    });
}

function summary(m: Model): string {
  return `${m.nDMs} decision makers, ${m.nOptions} options, ${m.states.length} feasible states, status quo state ${m.statusQuo + 1}`;
}

function diagnosticsJson(results: { file: string; model?: Model; issues: Issue[] }[]) {
  return {
    format: DIAGNOSTICS_FORMAT,
    valid: results.every((r) => r.model),
    files: results.map((r) => ({
      file: r.file,
      valid: Boolean(r.model),
      model: r.model
        ? { decisionMakers: r.model.nDMs, options: r.model.nOptions, feasibleStates: r.model.states.length, statusQuo: r.model.statusQuo + 1 }
        : null,
      issues: r.issues.map((i) => ({
        severity: "error",
        code: i.code,
        message: i.message,
        path: i.path ?? null,
        line: i.line ?? null,
        column: i.column ?? (i.line !== undefined ? 1 : null),
      })),
    })),
  };
}
