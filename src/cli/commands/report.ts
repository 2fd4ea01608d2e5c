/** `parley report`. */
import type { Command } from "commander";
import { dirname, join } from "node:path";
import { buildReport } from "../../report/build.js";
import { renderReportHtml, renderReportMarkdown, renderReportText } from "../../report/render.js";
import { DEFAULT_SCENARIO } from "../paths.js";
import { maxStatesOption, formatOption, type CommandEnv } from "../env.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("report")
    .description("a report a reader without GMCR training can follow: the model, stable outcomes in words, paths from today, what-ifs, decisive assumptions")
    .argument("[file]", "scenario file (default: the embedded default scenario)")
    .addOption(formatOption(["text", "md", "html", "json"], "text"))
    .option("-o, --output <file>", "write the report here instead of standard output")
    .option("--force", "overwrite the output file if it exists")
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
The scenario's whatIfs (sibling files, relative to it) are analysed beside it.

Examples:
  parley report                                   the default scenario, in the terminal
  parley report scenarios/ukraine-2025.yaml -f html -o report.html
  parley report my-conflict.yaml -f md > report.md`,
    )
    .action((file: string | undefined, o: { format: "text" | "md" | "html" | "json"; output?: string; force?: boolean; maxStates: number }) => {
      const path = file ?? DEFAULT_SCENARIO;
      const model = env.load(path, o.maxStates);
      const whatIfs = (model.scenario.whatIfs ?? []).map((w) => ({
        title: w.title ?? w.file,
        file: w.file,
        ...(w.note ? { note: w.note } : {}),
        model: env.load(join(dirname(path), w.file), o.maxStates),
      }));
      // A large model takes a while (every single change of the priorities is analysed): say so on a terminal.
      const states = model.states.length + whatIfs.reduce((a, w) => a + w.model.states.length, 0);
      if (states >= 20_000 && env.io.isTTY)
        env.io.stderr(`parley: analysing ${model.states.length.toLocaleString("en-US")} states, every single change of the priorities${whatIfs.length ? ` and ${whatIfs.length} what-if${whatIfs.length > 1 ? "s" : ""}` : ""}: this takes a while\n`);
      const data = buildReport(model, whatIfs);
      const text =
        o.format === "json"
          ? JSON.stringify(data, null, 2) + "\n"
          : o.format === "md"
            ? renderReportMarkdown(data)
            : o.format === "html"
              ? renderReportHtml(data)
              : renderReportText(data);
      env.writeResult(text, o);
    });
}
