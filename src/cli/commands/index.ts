/**
 * Every `parley` command, in the order `--help` lists them: its name, its
 * arguments and its one-line description, and how to load its module.
 * `parley --help` and the suggestions on an unknown command need only this
 * table, so a run loads the one command it runs (and its dependencies: the
 * language model only for `ingest`). The names, arguments and descriptions
 * must match what each module registers (tests/cli/cli.test.ts checks).
 */
import type { Command } from "commander";
import type { CommandEnv } from "../env.js";

export interface CommandEntry {
  name: string;
  /** The arguments as `--help` shows them: `<file>`, `[file]`, `<files...>`. */
  args: string;
  description: string;
  load: () => Promise<{ register: (program: Command, env: CommandEnv) => void }>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "report",
    args: "[file]",
    description:
      "a report a reader without GMCR training can follow: a dated bottom line (what is likely, what would change it, what to watch), the model, stable outcomes, paths from today, decisive assumptions",
    load: () => import("./report.js"),
  },
  {
    name: "forecast",
    args: "[file]",
    description:
      "what is likely to happen, by when, how sure: outcome probabilities, each question's probability by its date, and the news that would change them",
    load: () => import("./forecast.js"),
  },
  {
    name: "score",
    args: "<log>",
    description: "score a forecast log against what happened: Brier and log scores, calibration, and the same for plain baselines",
    load: () => import("./score.js"),
  },
  {
    name: "lint",
    args: "[file]",
    description: "check a model before forecasting with it: contradictions with today's state, options and statements that change nothing, unsourced elements",
    load: () => import("./lint.js"),
  },
  {
    name: "serve",
    args: "[dir]",
    description: "the browser workbench on http://127.0.0.1: edit a scenario and see its analysis live",
    load: () => import("./serve.js"),
  },
  {
    name: "analyze",
    args: "[file]",
    description: "stability of every feasible state for every decision maker, and the equilibria",
    load: () => import("./analyze.js"),
  },
  {
    name: "explain",
    args: "<file> <state>",
    description: "why a state is stable or not for each decision maker, in words",
    load: () => import("./explain.js"),
  },
  {
    name: "paths",
    args: "<file>",
    description: "status quo analysis: where moves that each leave the mover better off lead from a state",
    load: () => import("./paths.js"),
  },
  {
    name: "foresight",
    args: "<file>",
    description: "limited-move (L_h) and non-myopic (NM) stability: decision makers who look several moves ahead",
    load: () => import("./foresight.js"),
  },
  {
    name: "compare",
    args: "<files...>",
    description: "what changes between versions of a scenario: the model, the equilibria, and why",
    load: () => import("./compare.js"),
  },
  {
    name: "inverse",
    args: "<file>",
    description: "inverse GMCR: what the decision makers' priorities would have to be for a state to be stable",
    load: () => import("./inverse.js"),
  },
  {
    name: "robustness",
    args: "<file>",
    description: "how robust the equilibria are to uncertain preferences: probability per state, and what moves it",
    load: () => import("./robustness.js"),
  },
  {
    name: "merge",
    args: "<files...>",
    description: "combine the partial results of a command run with --shard i/n into exactly the result of one run",
    load: () => import("./merge.js"),
  },
  {
    name: "unknown",
    args: "<file>",
    description: "stability when some preferences are unknown: Nash, GMR, SMR and SEQ in the variants a-d of Li et al. (2004)",
    load: () => import("./unknown.js"),
  },
  {
    name: "coalitions",
    args: "<file>",
    description:
      "coalition analysis: which groups of decision makers could leave each equilibrium together, by what joint moves, and whether the others deter them",
    load: () => import("./coalitions.js"),
  },
  {
    name: "hypergame",
    args: "<file>",
    description: "misperception: each decision maker's stability in the game it perceives, and the hypergame equilibria",
    load: () => import("./hypergame.js"),
  },
  {
    name: "bargain",
    args: "[file]",
    description: "where continuous issues may settle: weighted mean and median, Nash bargaining, expected utility (Bueno de Mesquita / Scholz et al.), SMP",
    load: () => import("./bargain.js"),
  },
  {
    name: "states",
    args: "<file>",
    description: "list the feasible states: number, Y/N per option, each decision maker's rank",
    load: () => import("./states.js"),
  },
  {
    name: "validate",
    args: "<files...>",
    description: "check scenario files and report every problem with its line and column",
    load: () => import("./validate.js"),
  },
  {
    name: "import",
    args: "<file>",
    description: "convert a gmcr-py / GMCR+ JSON file into a Parley scenario (YAML)",
    load: () => import("./import.js"),
  },
  {
    name: "export",
    args: "<file>",
    description: "convert a Parley scenario into a gmcr-py / GMCR+ JSON file",
    load: () => import("./export.js"),
  },
  {
    name: "schema",
    args: "[kind]",
    description: "print the JSON Schema of the scenario format (for editor autocompletion), or of a kind of JSON output",
    load: () => import("./schema.js"),
  },
  {
    name: "ingest",
    args: "<article>",
    description: "draft a scenario from a news article (text, Markdown or HTML), each element traced to its sentences",
    load: () => import("./ingest.js"),
  },
];

/**
 * The command a command line runs, if it names one: `parley CMD ...` or
 * `parley help CMD`. Options come after the command name (the program has
 * none but --version and --help, which run no command).
 */
export function commandOf(argv: readonly string[]): CommandEntry | undefined {
  const name = argv[0] === "help" ? argv[1] : argv[0];
  return COMMANDS.find((c) => c.name === name);
}

/**
 * A command in `--help` and in suggestions, without its module: the same
 * name, arguments and description as the real one (and an option, so that
 * the listing shows `[options]` as it does for every command).
 */
export function placeholder(program: Command, entry: CommandEntry): void {
  const cmd = program.command(entry.name).description(entry.description).option("--placeholder");
  if (entry.args) cmd.arguments(entry.args);
}
