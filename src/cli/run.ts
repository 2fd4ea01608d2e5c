/**
 * The `parley` command line. `run(argv, io)` parses arguments and returns the
 * exit code: 0 success, 2 bad input or usage (a message, never a stack
 * trace), 1 an internal error, 3 findings of `lint --strict`, 130 stopped by
 * a signal. Each command is a module in ./commands/, loaded only when it
 * runs (or its help is asked for): the other commands are placeholders with
 * the same name and description (./commands/index.ts), enough for `--help`.
 */
import { Command, CommanderError } from "commander";
import { ParleyError } from "../format/errors.js";
import { COMMANDS, commandOf, placeholder, type CommandEntry } from "./commands/index.js";
import type { CommandEnv } from "./env.js";
import { Exit, RunOnThread } from "./exit.js";
import { Interrupted, nodeIO, OutputClosed, type CliIO } from "./io.js";
import { printError } from "./print-error.js";

const VERSION = "0.1.0";

/** What `run` returns when a command run with `inPlaceUpTo` met a larger model: nothing printed, run it on a thread. */
export const RUN_ON_THREAD = -1;

/** `inPlaceUpTo`: at most this many candidate states, else `RUN_ON_THREAD` (see `createEnv`). */
export async function run(argv: string[], io: CliIO = nodeIO(), inPlaceUpTo?: number): Promise<number> {
  const program = await buildProgram(io, commandOf(argv), inPlaceUpTo);
  try {
    if (argv.filter((a) => a === "-").length > 1)
      throw new ParleyError({ code: "usage", message: "standard input (-) is given more than once; at most one file argument can read it" });
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      return 2; // commander already printed the message
    }
    if (e instanceof Exit) return e.code;
    if (e instanceof RunOnThread) return RUN_ON_THREAD;
    if (e instanceof Interrupted) {
      io.stderr("parley: interrupted\n");
      return 130;
    }
    if (e instanceof OutputClosed) return 0; // the reader stopped early (`parley analyze | head`): not an error
    if (e instanceof ParleyError) {
      printError(io, e);
      return 2;
    }
    io.stderr(`parley: internal error: ${(e as Error).stack ?? String(e)}\nThis is a bug in Parley; please report it with the input that caused it.\n`);
    return 1;
  }
}

async function buildProgram(io: CliIO, running: CommandEntry | undefined, inPlaceUpTo: number | undefined): Promise<Command> {
  const program = new Command("parley");
  program
    .description(
      "Model multi-party conflicts with the Graph Model for Conflict Resolution: stable outcomes and why; forecast where bargaining issues settle; draft a scenario from a news article.",
    )
    .version(VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Examples:
  parley report                           the report on the default scenario
  parley analyze scenarios/chicken.yaml --concept GMR,SEQ
  parley explain scenarios/elmira.yaml 5 --dm moe
  parley import model.gmcr -o model.yaml

A FILE is a scenario in YAML or JSON (format parley/1); see docs/scenario-format.md.
A file argument - reads standard input (at most one per command line).
Exit codes: 0 success, 2 bad input or usage, 1 internal error, 3 lint --strict found something,
130 stopped by Ctrl-C or SIGTERM.`,
    );
  // The command that runs and the environment it needs are loaded now; the others stay placeholders.
  let env: CommandEnv | undefined;
  let register: Awaited<ReturnType<CommandEntry["load"]>>["register"] | undefined;
  if (running) {
    const [envModule, command] = await Promise.all([import("./env.js"), running.load()]);
    env = envModule.createEnv(io, inPlaceUpTo);
    register = command.register;
  }
  for (const entry of COMMANDS) {
    if (entry === running && register && env) register(program, env);
    else placeholder(program, entry);
  }
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return program;
}
