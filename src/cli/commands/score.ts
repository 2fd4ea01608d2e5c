/** `parley score`: how good were the recorded forecasts, against what happened. */
import type { Command } from "commander";
import { scoreRecords } from "../../analysis/score.js";
import { scoreOutput } from "../../present/score-output.js";
import { readForecastLog, readResolutions } from "../../interchange/forecast-log.js";
import { forceOption, formatOption, outputOption, type CommandEnv } from "../env.js";
import { print, type PrintOptions } from "../print.js";
import { inputName } from "../io.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("score")
    .description("score a forecast log against what happened: Brier and log scores, calibration, and the same for plain baselines")
    .argument("<log>", "a forecast log written by parley forecast --record (JSON Lines), - for standard input")
    .requiredOption("-r, --resolutions <file>", "what happened: resolutions: { <question id>: { outcome: yes|no, date: YYYY-MM-DD } } (YAML or JSON)")
    .addOption(formatOption(["text", "md", "json", "html"], "text"))
    .addOption(outputOption())
    .addOption(forceOption())
    .addHelpText(
      "after",
      `
A forecast counts when it was made before its question's date; a yes
resolved after that date is a no for it. Forecasts made on or after their
date are retrodictions and are left out. Baselines: always 50%, and
"nothing changes from today". The log is only read, never rewritten.

Examples:
  parley score forecasts.jsonl --resolutions resolved.yaml
  parley score forecasts.jsonl -r resolved.yaml -f json`,
    )
    .action(async (log: string, o: PrintOptions & { resolutions: string }) => {
      const records = readForecastLog(env.io.readText(log), inputName(log));
      const resolutions = readResolutions(env.io.readText(o.resolutions), inputName(o.resolutions));
      const report = scoreRecords(records, resolutions);
      const asked = new Set(records.map((r) => r.question.id));
      const unknown = Object.keys(resolutions).filter((id) => !asked.has(id));
      if (unknown.length)
        env.io.stderr(
          `parley: ${inputName(o.resolutions)}: no forecast in the log asks ${unknown.map((id) => `'${id}'`).join(", ")}; check the question ids\n`,
        );
      await print(env, scoreOutput, report, o);
    });
}
