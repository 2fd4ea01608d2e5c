/**
 * The `parley` command line. `run(argv, io)` parses arguments and returns the
 * exit code: 0 success, 2 bad input or usage (a message, never a stack
 * trace), 1 an internal error.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { stringify } from "yaml";
import { loadModel } from "../model/load.js";
import { statePattern, DEFAULT_MAX_STATES, type Model } from "../model/compile.js";
import { ParleyError, formatIssues } from "../model/errors.js";
import { scenarioJsonSchema } from "../model/schema.js";
import { analyze, CONCEPTS, createContext, type Concept } from "../stability/analyze.js";
import { explainState } from "../stability/explain.js";
import { analysisToJson, renderAnalysis, renderStates, type TableFormat } from "../io/analysis-output.js";
import { renderExplanation } from "../io/explain-text.js";
import { exportGmcrPy, importGmcrPy } from "../io/gmcrpy.js";
import { nodeIO, type CliIO } from "./io.js";
import { dirname, join } from "node:path";
import { buildReport } from "../report/build.js";
import { renderReportHtml, renderReportMarkdown, renderReportText } from "../report/render.js";
import { statusQuoAnalysis } from "../analysis/paths.js";
import { pathsJson, renderPaths } from "../io/paths-output.js";
import { DEFAULT_SCENARIO } from "./paths.js";

const VERSION = "0.1.0";

/** Ends a command with an exit code after it has printed its own messages. */
class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function printError(io: CliIO, e: ParleyError): void {
  io.stderr(`parley: ${formatIssues(e.issues, e.file).replace(/\n/g, "\nparley: ")}\n`);
}

export async function run(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      return 2; // commander already printed the message
    }
    if (e instanceof Exit) return e.code;
    if (e instanceof ParleyError) {
      printError(io, e);
      return 2;
    }
    io.stderr(`parley: internal error: ${(e as Error).stack ?? String(e)}\nThis is a bug in Parley; please report it with the input that caused it.\n`);
    return 1;
  }
}

function parseConcepts(value: string, previous: Concept[] | undefined): Concept[] {
  const out = [...(previous ?? [])];
  for (const part of value.split(",").map((p) => p.trim()).filter(Boolean)) {
    const found = CONCEPTS.find((c) => c.toLowerCase() === part.toLowerCase());
    if (!found) throw new InvalidArgumentError(`unknown concept '${part}'; choose from ${CONCEPTS.join(", ")}`);
    if (!out.includes(found)) out.push(found);
  }
  return out;
}

function parseCount(value: string): number {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`'${value}' is not a positive whole number`);
  return n;
}

/** A state named by its number (1..N) or its Y/N pattern. */
export function resolveState(model: Model, name: string): number {
  const trimmed = name.trim();
  if (/^\d+$/.test(trimmed)) {
    const id = Number(trimmed);
    if (id >= 1 && id <= model.states.length) return id - 1;
    throw new ParleyError({ code: "unknown-state", message: `there is no state ${id}: the feasible states are numbered 1 to ${model.states.length}` });
  }
  const pattern = trimmed.toUpperCase();
  if (!/^[YN]+$/.test(pattern) || pattern.length !== model.nOptions)
    throw new ParleyError({
      code: "unknown-state",
      message: `'${name}' is not a state: give a number from 1 to ${model.states.length} or a Y/N pattern of ${model.nOptions} letters (one per option)`,
    });
  for (let s = 0; s < model.states.length; s++) if (statePattern(model, s) === pattern) return s;
  throw new ParleyError({ code: "infeasible-state", message: `state ${pattern} is not feasible in this scenario` });
}

function resolveDM(model: Model, id: string): number {
  const d = model.scenario.decisionMakers.findIndex((dm) => dm.id === id || dm.name === id);
  if (d < 0)
    throw new ParleyError({
      code: "unknown-decision-maker",
      message: `unknown decision maker '${id}'; the decision makers are ${model.scenario.decisionMakers.map((x) => x.id).join(", ")}`,
    });
  return d;
}

function buildProgram(io: CliIO): Command {
  const program = new Command("parley");
  program
    .description("Model multi-party conflicts with the Graph Model for Conflict Resolution: stable outcomes and why.")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Examples:
  parley analyze                          analyse the default scenario
  parley analyze scenarios/chicken.yaml --concept GMR,SEQ
  parley explain scenarios/elmira.yaml 5 --dm moe
  parley import model.gmcr -o model.yaml

A FILE is a scenario in YAML or JSON (format parley/1); see docs/scenario-format.md.
Exit codes: 0 success, 2 bad input or usage, 1 internal error.`,
    );

  /** To the -o file (never replacing one without --force), else to standard output. */
  const writeResult = (text: string, o: { output?: string; force?: boolean }) => {
    if (!o.output) return io.stdout(text);
    io.writeText(o.output, text, Boolean(o.force));
    io.stderr(`wrote ${o.output}\n`);
  };
  const load = (file: string, maxStates: number) => loadModel(io.readText(file), file, { maxStates });
  const maxStatesOption = () =>
    new Option("--max-states <n>", "refuse models with more candidate states (2^options) than this").argParser(parseCount).default(DEFAULT_MAX_STATES, "16777216");
  const conceptOption = () =>
    new Option("-c, --concept <names>", `stability concepts, comma-separated: ${CONCEPTS.join(", ")} (default: all)`).argParser(parseConcepts);

  program
    .command("analyze")
    .description("stability of every feasible state for every decision maker, and the equilibria")
    .argument("[file]", "scenario file (default: the embedded default scenario)")
    .addOption(conceptOption())
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json", "csv", "md"]).default("table"))
    .option("-e, --equilibria-only", "list only states that are an equilibrium under some concept")
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
Examples:
  parley analyze                                  the default scenario, every concept
  parley analyze scenarios/prisoners-dilemma.yaml -c Nash,GMR
  parley analyze model.yaml --format json > results.json
  parley analyze model.yaml -f csv -e             equilibria only, as CSV`,
    )
    .action((file: string | undefined, o: { concept?: Concept[]; format: TableFormat | "json"; equilibriaOnly?: boolean; maxStates: number }) => {
      const model = load(file ?? DEFAULT_SCENARIO, o.maxStates);
      const analysis = analyze(model, { concepts: o.concept ?? CONCEPTS });
      if (o.format === "json") io.stdout(JSON.stringify(analysisToJson(analysis), null, 2) + "\n");
      else io.stdout(renderAnalysis(analysis, o.format, { equilibriaOnly: o.equilibriaOnly }));
    });

  program
    .command("report")
    .description("a report a reader without GMCR training can follow: the model, stable outcomes in words, paths from today, what-ifs, decisive assumptions")
    .argument("[file]", "scenario file (default: the embedded default scenario)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "md", "html", "json"]).default("text"))
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
      const model = load(path, o.maxStates);
      const whatIfs = (model.scenario.whatIfs ?? []).map((w) => ({
        title: w.title ?? w.file,
        file: w.file,
        ...(w.note ? { note: w.note } : {}),
        model: load(join(dirname(path), w.file), o.maxStates),
      }));
      const data = buildReport(model, whatIfs);
      const text =
        o.format === "json"
          ? JSON.stringify(data, null, 2) + "\n"
          : o.format === "md"
            ? renderReportMarkdown(data)
            : o.format === "html"
              ? renderReportHtml(data)
              : renderReportText(data);
      writeResult(text, o);
    });

  program
    .command("paths")
    .description("status quo analysis: where moves that each leave the mover better off lead from a state")
    .argument("<file>", "scenario file")
    .option("--from <state>", "start here instead of the status quo (number or Y/N pattern)")
    .addOption(conceptOption())
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json", "md"]).default("text"))
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
Examples:
  parley paths scenarios/elmira.yaml
  parley paths scenarios/ukraine-2025.yaml --from 295 -c Nash,SEQ -f json`,
    )
    .action((file: string, o: { from?: string; concept?: Concept[]; format: "text" | "json" | "md"; maxStates: number }) => {
      const model = load(file, o.maxStates);
      const from = o.from !== undefined ? resolveState(model, o.from) : model.statusQuo;
      const analysis = analyze(model, { concepts: o.concept ?? CONCEPTS });
      const sq = statusQuoAnalysis(analysis, from);
      if (o.format === "json") {
        io.stdout(JSON.stringify(pathsJson(model, sq), null, 2) + "\n");
        return;
      }
      io.stdout(renderPaths(model, analysis, sq, o.format === "md"));
    });

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
          const m = load(file, o.maxStates);
          io.stdout(
            `ok  ${file}: ${m.nDMs} decision makers, ${m.nOptions} options, ${m.states.length} feasible states, status quo state ${m.statusQuo + 1}\n`,
          );
        } catch (e) {
          if (!(e instanceof ParleyError)) throw e;
          printError(io, e);
          failed++;
        }
      }
      if (failed > 0) {
        if (files.length > 1) io.stderr(`parley: ${failed} of ${files.length} files have problems\n`);
        throw new Exit(2);
      }
    });

  program
    .command("states")
    .description("list the feasible states: number, Y/N per option, each decision maker's rank")
    .argument("<file>", "scenario file")
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json", "csv", "md"]).default("table"))
    .addOption(maxStatesOption())
    .addHelpText("after", `
Examples:
  parley states scenarios/elmira.yaml
  parley states scenarios/elmira.yaml -f csv > states.csv`)
    .action((file: string, o: { format: TableFormat | "json"; maxStates: number }) => {
      io.stdout(renderStates(load(file, o.maxStates), o.format));
    });

  program
    .command("explain")
    .description("why a state is stable or not for each decision maker, in words")
    .argument("<file>", "scenario file")
    .argument("<state>", "state number (1..N) or Y/N pattern")
    .option("-d, --dm <id>", "only this decision maker (id or name)")
    .addOption(conceptOption())
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
Examples:
  parley explain scenarios/elmira.yaml 5
  parley explain scenarios/elmira.yaml NYNNY --dm moe --concept GMR,SEQ`,
    )
    .action((file: string, stateName: string, o: { dm?: string; concept?: Concept[]; format: "text" | "json"; maxStates: number }) => {
      const model = load(file, o.maxStates);
      const state = resolveState(model, stateName);
      const dms = o.dm !== undefined ? [resolveDM(model, o.dm)] : model.scenario.decisionMakers.map((_, d) => d);
      const concepts = o.concept ?? [...CONCEPTS];
      const ctx = createContext(model);
      const explanations = dms.map((d) => explainState(ctx, state, d, concepts));
      if (o.format === "json") {
        io.stdout(JSON.stringify(explainJson(model, explanations, concepts), null, 2) + "\n");
        return;
      }
      const analysis = analyze(model, { concepts, context: ctx });
      const eqUnder = concepts.filter((c) => analysis.equilibria[c]!.includes(state));
      const head = `State ${state + 1} (${statePattern(model, state)})${state === model.statusQuo ? ", the status quo" : ""}: ${
        eqUnder.length ? `an equilibrium under ${eqUnder.join(", ")}` : "not an equilibrium under any concept analysed"
      }.`;
      io.stdout([head, "", ...explanations.map((ex) => renderExplanation(model, ex, concepts) + "\n")].join("\n"));
    });

  program
    .command("import")
    .description("convert a gmcr-py / GMCR+ JSON file into a Parley scenario (YAML)")
    .argument("<file>", "gmcr-py file (.gmcr or .json)")
    .option("-o, --output <file>", "write the scenario here instead of standard output")
    .option("--force", "overwrite the output file if it exists")
    .addHelpText("after", `
Examples:
  parley import model.gmcr -o model.yaml
  parley import model.gmcr | less`)
    .action((file: string, o: { output?: string; force?: boolean }) => {
      let raw: unknown;
      const text = io.readText(file);
      try {
        raw = JSON.parse(text);
      } catch (e) {
        throw new ParleyError({ code: "syntax", message: `not valid JSON: ${(e as Error).message}` }, file);
      }
      let data: Record<string, unknown>;
      try {
        data = importGmcrPy(raw, file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, ""));
      } catch (e) {
        if (e instanceof ParleyError) throw new ParleyError(e.issues, file);
        throw e;
      }
      const yaml = `# Imported from ${file.replace(/^.*[\\/]/, "")} (gmcr-py) by parley import.\n` + stringify(data, { lineWidth: 0 });
      writeResult(yaml, o);
    });

  program
    .command("export")
    .description("convert a Parley scenario into a gmcr-py / GMCR+ JSON file")
    .argument("<file>", "scenario file")
    .option("-o, --output <file>", "write the gmcr-py file here instead of standard output")
    .option("--force", "overwrite the output file if it exists")
    .addOption(maxStatesOption())
    .addHelpText("after", `
Examples:
  parley export scenarios/elmira.yaml -o elmira.gmcr`)
    .action((file: string, o: { output?: string; force?: boolean; maxStates: number }) => {
      writeResult(JSON.stringify(exportGmcrPy(load(file, o.maxStates)), null, 2) + "\n", o);
    });

  program
    .command("schema")
    .description("print the JSON Schema of the scenario format (for editor autocompletion)")
    .action(() => io.stdout(JSON.stringify(scenarioJsonSchema(), null, 2) + "\n"));

  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return program;
}

function explainJson(model: Model, explanations: ReturnType<typeof explainState>[], concepts: Concept[]) {
  const step = (m: { dm: number; from: number; to: number }) => ({
    decisionMaker: model.scenario.decisionMakers[m.dm].id,
    from: m.from + 1,
    to: m.to + 1,
  });
  return {
    state: explanations[0] ? explanations[0].state + 1 : undefined,
    pattern: explanations[0] ? statePattern(model, explanations[0].state) : undefined,
    concepts,
    decisionMakers: explanations.map((ex) => ({
      id: model.scenario.decisionMakers[ex.dm].id,
      stable: ex.stable,
      improvements: ex.improvements.map((imp) => ({
        to: imp.to + 1,
        pattern: statePattern(model, imp.to),
        sanctions: Object.fromEntries(
          Object.entries(imp.sanctions).map(([c, sn]) => [
            c,
            sn ? { simultaneous: sn.simultaneous, moves: sn.moves.map(step), result: sn.result + 1 } : null,
          ]),
        ),
      })),
    })),
  };
}
