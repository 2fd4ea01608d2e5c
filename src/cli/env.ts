/**
 * What every command shares: output, loading scenarios, common options and
 * argument parsers. Commands live one per file in src/cli/commands/ and
 * register themselves on the program with this environment.
 */
import { InvalidArgumentError, Option } from "commander";
import { DEFAULT_MAX_STATES, type Model } from "../model/compile.js";
import { ParleyError } from "../format/errors.js";
import { parseLimits, type InputLimits } from "../format/limits.js";
import { loadModel } from "../model/load.js";
import { readSource } from "../format/source.js";
import { totalmem } from "node:os";
import { defaultThreads } from "../parallel/node-threads.js";
import type { WorkerPool } from "../parallel/pool.js";
import { CONCEPTS, type Concept } from "../stability/concepts.js";
import { inBlocks } from "../node/atomic-write.js";
import { Exit, RunOnThread } from "./exit.js";
import { inputName, STDOUT_ALIASES, type CliIO } from "./io.js";

export interface CommandEnv {
  io: CliIO;
  /** Read, validate and compile a scenario file. */
  /** `implicitOnly`: the command only runs `analyze`, which stores no move lists (a smaller memory estimate). */
  load(file: string, maxStates: number, opts?: { implicitOnly?: boolean }): Model;
  /**
   * To the -o file (never replacing one without --force), else to standard
   * output: one string, or a sequence of chunks written as they come (a large
   * output is never held whole in memory).
   */
  writeResult(text: string | Iterable<string>, o: { output?: string; force?: boolean }): void;
}

/**
 * `inPlaceUpTo`: the command runs on the main thread (main.ts), which is for
 * small models only: a scenario with more candidate states stops it with
 * `RunOnThread` before the states are enumerated, and it runs again on a thread.
 */
export function createEnv(io: CliIO, inPlaceUpTo?: number): CommandEnv {
  return {
    io,
    load: (file, maxStates, opts) => {
      const text = io.readText(file);
      const compile = (limit: number) =>
        loadModel(text, inputName(file), { maxStates: limit, maxMemoryBytes: memoryLimit(), limits: inputLimits(), implicitOnly: opts?.implicitOnly });
      if (inPlaceUpTo === undefined || inPlaceUpTo >= maxStates) return compile(maxStates);
      try {
        return compile(inPlaceUpTo);
      } catch (e) {
        // The candidate states are counted before any is made: past the in-place limit the work starts again on a thread.
        if (e instanceof ParleyError && e.issues.some((i) => i.code === "state-space-limit")) throw new RunOnThread();
        throw e;
      }
    },
    writeResult(text, o) {
      if (!o.output || STDOUT_ALIASES.includes(o.output)) {
        for (const block of inBlocks(text)) io.stdout(block);
        return;
      }
      io.writeText(o.output, text, Boolean(o.force));
      io.stderr(`wrote ${o.output}\n`);
    },
  };
}

// In a module of its own: run.ts needs it without loading the engine.
export { Exit };

/** One stability concept by name, in any case. */
export function parseConcept(value: string): Concept {
  const name = value.trim();
  const found = CONCEPTS.find((c) => c.toLowerCase() === name.toLowerCase());
  if (!found) throw new InvalidArgumentError(`unknown concept '${name}'; choose from ${CONCEPTS.join(", ")}`);
  return found;
}

export function parseConcepts(value: string, previous: Concept[] | undefined): Concept[] {
  const out = [...(previous ?? [])];
  for (const part of value
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const found = parseConcept(part);
    if (!out.includes(found)) out.push(found);
  }
  return out;
}

export function parseCount(value: string): number {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`'${value}' is not a positive whole number`);
  return n;
}

export const maxStatesOption = () =>
  new Option("--max-states <n>", "refuse models with more candidate states (2^options) than this")
    .argParser(parseCount)
    .default(DEFAULT_MAX_STATES, "16777216");

/** `--threads N` or `auto` (0): all cores for large work, one thread for small work. */
export function parseThreads(value: string): number {
  return value.trim().toLowerCase() === "auto" ? 0 : parseCount(value);
}

export const threadsOption = (auto: string) =>
  new Option("-j, --threads <n>", `worker threads, or auto (${auto}); the result is the same for any number`).argParser(parseThreads).default(0, "auto");

/** The threads to use: the user's number, else all cores (at most 8) when the work is large. */
export function chooseThreads(asked: number, large: boolean): number {
  return asked > 0 ? asked : large ? defaultThreads() : 1;
}

export const conceptOption = () =>
  new Option("-c, --concept <names>", `stability concepts, comma-separated: ${CONCEPTS.join(", ")} (default: all)`).argParser(parseConcepts);

/**
 * `-f, --format`: the same names everywhere (`table`/`text`, `md`, `csv`,
 * `json`, `html`). The human-readable format answers to both `text` and
 * `table`; the command sees the name it lists in `choices`.
 */
export const formatOption = (choices: string[], fallback: string) => {
  const human = choices.includes("table") ? "table" : choices.includes("text") ? "text" : undefined;
  const alias = human === "table" ? "text" : human === "text" ? "table" : undefined;
  const all = alias && !choices.includes(alias) ? [...choices, alias] : choices;
  const option = new Option("-f, --format <format>", `output format${alias ? ` (${alias} is the same as ${human})` : ""}`).choices(all).default(fallback);
  if (alias && !choices.includes(alias)) {
    const check = option.parseArg as (value: string, previous: unknown) => string;
    option.argParser((value: string, previous: unknown) => {
      const format = check(value, previous);
      return format === alias ? human : format;
    });
  }
  return option;
};

/** `-o, --output FILE` and `--force`, for every command that prints a result (see `writeResult`). */
export const outputOption = () =>
  new Option("-o, --output <file>", "write the result to this file instead of standard output (never replacing a file without --force)");
export const forceOption = () => new Option("--force", "replace the --output file if it exists");

/** A JSON result as printed: two-space indentation, a final newline. */
export const jsonText = (value: unknown): string => JSON.stringify(value, null, 2) + "\n";

/** A decision maker named by its id or its name. */
export function resolveDM(model: Model, id: string): number {
  const d = model.scenario.decisionMakers.findIndex((dm) => dm.id === id || dm.name === id);
  if (d < 0)
    throw new ParleyError({
      code: "unknown-decision-maker",
      message: `unknown decision maker '${id}'; the decision makers are ${model.scenario.decisionMakers.map((x) => x.id).join(", ")}`,
    });
  return d;
}

/**
 * Run an analysis that may find problems only once the states are known (their
 * issues carry a path but no position) and give those issues their line and
 * column in `file`.
 */
export function withLocations<T>(env: CommandEnv, file: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof ParleyError)) throw e;
    const { source } = readSource(env.io.readText(file));
    throw new ParleyError(
      e.issues.map((i) => (i.path && i.line === undefined && source ? { ...i, ...source.locate(i.path) } : i)),
      inputName(file),
    );
  }
}

/** The input limits of this run: the defaults, with any raised through PARLEY_LIMITS (docs/reliability.md). */
export function inputLimits(): InputLimits {
  return parseLimits(process.env.PARLEY_LIMITS);
}

/** Models whose analysis would need more than three quarters of this machine's memory are refused up front. */
export function memoryLimit(): number {
  return Math.floor(totalmem() * 0.75);
}

/** One line of progress on a terminal, drawn over the previous one. */
function progressLine(done: number, total: number, label: string | undefined, note: string): string {
  return `\r\x1b[K${Math.floor((done / Math.max(1, total)) * 100)}% ${label ?? ""} (${note})`;
}

/** How a long run shows progress and takes Ctrl-C, where a command differs from the default. */
export interface RunStyle {
  /** The progress line drawn for a step (default: percentage, label, how to stop). */
  line?: (done: number, total: number, label?: string) => string;
  /**
   * Ctrl-C ends the work early and keeps its result so far (the work sees the
   * stop flag and returns what it has) instead of exiting with code 130.
   */
  keepPartial?: boolean;
}

/**
 * Drain a step generator from the engine, showing progress on a terminal
 * (models of at least `minStates` states) and stopping on Ctrl-C with exit
 * code 130; the event loop runs between steps so the signal gets through.
 * `steps` may be made from the stop flag, for work that ends early itself
 * (`style.keepPartial`).
 */
export async function runSteps<R>(
  env: CommandEnv,
  steps:
    | Generator<{ done: number; total: number; label?: string }, R>
    | ((shouldStop: () => boolean) => Generator<{ done: number; total: number; label?: string }, R>),
  showProgress: boolean,
  style: RunStyle = {},
): Promise<R> {
  let stop = false;
  const release = env.io.onInterrupt?.(() => (stop = true));
  const gen = typeof steps === "function" ? steps(() => stop) : steps;
  try {
    for (;;) {
      const step = gen.next();
      if (step.done) return step.value;
      if (showProgress && env.io.isTTY) {
        const { done, total, label } = step.value;
        env.io.stderr(style.line ? style.line(done, total, label) : progressLine(done, total, label, "Ctrl-C stops"));
      }
      await new Promise((resolve) => setImmediate(resolve));
      if (stop && !style.keepPartial) {
        env.io.stderr(`${env.io.isTTY ? "\r\x1b[K" : ""}parley: interrupted\n`);
        throw new Exit(130);
      }
    }
  } finally {
    release?.();
    if (showProgress && env.io.isTTY) env.io.stderr("\r\x1b[K");
  }
}

/**
 * Run work on a pool of worker threads, with the same progress line and
 * Ctrl-C handling as `runSteps`: `work` gets a progress callback and a stop
 * flag, and returns undefined when it stopped; on Ctrl-C or SIGTERM the run
 * ends at once (exit code 130) without waiting for the running tasks, unless
 * `style.keepPartial` (then the work's early result is kept); the pool is
 * always closed.
 */
export async function runOnPool<R>(
  env: CommandEnv,
  threads: number,
  showProgress: boolean,
  work: (pool: WorkerPool, progress: (done: number, total: number, label?: string) => void, shouldStop: () => boolean) => Promise<R | undefined>,
  style: RunStyle = {},
): Promise<R> {
  let stop = false;
  // On the signal, stop at once: the tasks running on the workers are not waited for (closing the pool ends them).
  let interrupt: () => void = () => {};
  const interrupted = new Promise<undefined>((resolve) => (interrupt = () => resolve(undefined)));
  const release = env.io.onInterrupt?.(() => {
    stop = true;
    if (!style.keepPartial) interrupt();
  });
  // Loaded here: the commands that never start a pool (validate) load no worker code.
  const { startNodePool } = await import("../parallel/node-pool.js");
  const pool = startNodePool(threads);
  try {
    const progress = (done: number, total: number, label?: string) => {
      if (!showProgress || !env.io.isTTY || (stop && !style.keepPartial)) return;
      env.io.stderr(style.line ? style.line(done, total, label) : progressLine(done, total, label, `${threads} threads; Ctrl-C stops`));
    };
    const working = work(pool, progress, () => stop);
    working.catch(() => undefined); // once interrupted, a late failure of the abandoned work is no one's concern
    const result = await Promise.race([working, interrupted]);
    if (result === undefined || (stop && !style.keepPartial)) {
      env.io.stderr(`${env.io.isTTY ? "\r\x1b[K" : ""}parley: interrupted\n`);
      throw new Exit(130);
    }
    return result;
  } finally {
    pool.close();
    release?.();
    if (showProgress && env.io.isTTY) env.io.stderr("\r\x1b[K");
  }
}
