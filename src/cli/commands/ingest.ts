/** `parley ingest`: a news article -> a draft scenario, or what it changes in an existing one. */
import { Option, type Command } from "commander";
import { extractHtmlWithReadability } from "../../ingest/html.js";
import { ingestArticle, loadGazetteer } from "../../ingest/ingest.js";
import { DEFAULT_MAX_CHARS } from "../../ingest/guard.js";
import { updateScenarioText } from "../../ingest/update.js";
import { ingestOutput, ingestUpdateOutput, ingestYaml } from "../../present/ingest-output.js";
import { ParleyError } from "../../format/errors.js";
import { validateData } from "../../format/validate.js";
import { forceOption, formatOption, outputOption, parseCount, type CommandEnv } from "../env.js";
import { print } from "../print.js";
import { inputName, STDIN_NAME } from "../io.js";
import { GAZETTEER_FILE } from "../paths.js";

interface Options {
  output?: string;
  /** The old name of --output, still accepted. */
  out?: string;
  force?: boolean;
  gazetteer: string[];
  format?: "yaml" | "json" | "md" | "text" | "html";
  maxChars: number;
  update?: string;
  write?: boolean;
}

export function register(program: Command, env: CommandEnv): void {
  program
    .command("ingest")
    .description("draft a scenario from a news article (text, Markdown or HTML), each element traced to its sentences")
    .argument("<article>", "the article: a .txt, .md or .html file")
    .addOption(outputOption())
    .addOption(new Option("--out <file>", "the old name of --output").hideHelp())
    .addOption(forceOption())
    .option(
      "--gazetteer <file>",
      "add actors, people and topics from this gazetteer file (repeatable)",
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .addOption(formatOption(["yaml", "json", "md", "text", "html"], "yaml").default(undefined, "yaml; text with --update"))
    .option("--max-chars <n>", "refuse articles longer than this many characters", parseCount, DEFAULT_MAX_CHARS)
    .option("--update <scenario>", "show what the article changes in this scenario, as a diff")
    .option("--write", "with --update: apply the changes to the scenario file")
    .addHelpText(
      "after",
      `
The draft is a parley/1 scenario: actors become decision makers, what they
propose, offer, threaten or refuse becomes their options, demands and
conditions become preference statements. Every element's sources give the
character offsets of its sentences in the article and a confidence.
With --update nothing is written unless you add --write.

Examples:
  parley ingest corpus/ingest/ukraine-talks.txt -o draft.yaml
  parley ingest corpus/ingest/ukraine-talks.txt -f md
  parley ingest --update scenarios/ukraine-2025.yaml corpus/ingest/ukraine-talks.txt
  parley ingest page.html --gazetteer my-actors.yaml -f json

How it works, the gazetteer format and the event codes: docs/ingest.md.`,
    )
    .action((article: string, o: Options) => {
      const target = { output: o.output ?? o.out, force: o.force };
      if (o.write && o.update === "-")
        throw new ParleyError({
          code: "bad-usage",
          message:
            "--write needs the scenario as a file: standard input (--update -) cannot be updated in place; leave out --write and use -f yaml to print the updated scenario",
        });
      const extra = o.gazetteer.map((file) => ({ file: inputName(file), text: env.io.readText(file) }));
      const gazetteer = loadGazetteer(env.io.readText(GAZETTEER_FILE), extra);
      const text = env.io.readText(article);
      const name = article === "-" ? STDIN_NAME : (article.split(/[\\/]/).pop() ?? article);
      const result = ingestArticle(text, { name, gazetteer, extractHtml: extractHtmlWithReadability, maxChars: o.maxChars });
      const { issues } = validateData(result.draft.scenario);
      if (issues.length) throw new Error(`the draft does not validate: ${issues.map((i) => i.message).join("; ")}`);

      if (!o.update) {
        if (o.write) throw new ParleyError({ code: "bad-usage", message: "--write applies only with --update SCENARIO" });
        const format = o.format ?? "yaml";
        if (format === "yaml") return env.writeResult(ingestYaml(result), target);
        // The review sheet is Markdown in text too: its tables are too wide for a terminal.
        return print(env, ingestOutput, result, { ...target, format: format === "text" ? "md" : format });
      }

      const scenarioName = inputName(o.update);
      const format = o.format ?? "text";
      const {
        plan,
        changes,
        text: updated,
      } = updateScenarioText(env.io.readText(o.update), scenarioName, result.draft, gazetteer, {
        apply: Boolean(o.write) || format === "yaml",
      });
      if (updated !== undefined && format === "yaml" && !o.write) return env.writeResult(updated, target);
      if (updated !== undefined && o.write) {
        if (!changes) {
          env.io.stderr(`${o.update}: nothing to change\n`);
        } else {
          env.io.writeText(o.update, updated, true);
          env.io.stderr(`updated ${o.update}\n`);
        }
      }
      if (format !== "yaml")
        print(
          env,
          ingestUpdateOutput,
          { scenario: scenarioName, article: name, plan, write: Boolean(o.write), written: Boolean(o.write && changes) },
          { ...target, format },
        );
    });
}
