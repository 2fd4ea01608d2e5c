#!/usr/bin/env node
/**
 * The `parley` executable. A command runs on a thread of its own while this
 * thread watches for Ctrl-C (SIGINT) and SIGTERM, so that every command stops
 * within about a second, even in the middle of a long synchronous
 * computation: the signal goes to the command, which stops at its next step
 * if it is between steps (`robustness` then prints the result so far); if it
 * has not ended a second later (a second and a half when it said it is
 * stopping), or when the signal comes twice, this thread removes the
 * temporary file of an unfinished `-o` write, prints `parley: interrupted`
 * and exits with 130 (which ends the command's thread and its workers).
 *
 * `parley serve` runs on this thread: it is a server that stops itself on
 * the signal. So do the commands that end at once and need no thread (a
 * thread costs tens of milliseconds to start): --version, help, an unknown
 * command, `schema`, and `validate` of files to standard output (reading and
 * checking, no analysis, no file written); on a signal they end as any
 * program does, at once. So, too, do the quick commands on a small model
 * (`analyze`, `explain`, `paths`, `states`, `lint` of a file with at most
 * 2^14 candidate states, to standard output): they are done in well under a
 * second, and a thread would be a sixth of their time. Such a command that
 * finds a larger model stops before printing anything and starts again on a
 * thread.
 */
import { rmSync, writeSync } from "node:fs";
import { isatty } from "node:tty";
import { Worker } from "node:worker_threads";
import { COMMANDS } from "./commands/index.js";

const argv = process.argv.slice(2);

/** Candidate states up to which a quick command runs on this thread. */
const IN_PLACE_STATES = 2 ** 14;
const QUICK = ["analyze", "explain", "paths", "states", "lint"];

if (onThisThread(argv)) {
  const { run } = await import("./run.js");
  process.exitCode = await run(argv);
} else if (QUICK.includes(argv[0]) && !readsOrWrites(argv)) {
  const { run, RUN_ON_THREAD } = await import("./run.js");
  const code = await run(argv, undefined, IN_PLACE_STATES);
  if (code === RUN_ON_THREAD) supervise(argv);
  else process.exitCode = code;
} else supervise(argv);

/** Reading standard input (a terminal that Ctrl-C ends) and writing a file (a temporary file to remove) need the thread. */
function readsOrWrites(argv: string[]): boolean {
  return argv.includes("-") || argv.some((a) => a === "-o" || a.startsWith("--output"));
}

function onThisThread(argv: string[]): boolean {
  const command = argv[0];
  if (command === undefined || command === "help" || command === "serve" || command === "schema") return true;
  // Not a command (--version, --help, a typo): commander prints something and ends.
  if (!COMMANDS.some((c) => c.name === command) || argv.includes("--help") || argv.includes("-h")) return true;
  return command === "validate" && !readsOrWrites(argv);
}

function supervise(argv: string[]): void {
  // From the sources (`node --import tsx src/cli/main.ts`) the thread's module is TypeScript and needs the same loader.
  const fromSource = import.meta.url.endsWith(".ts");
  const entry = new URL(fromSource ? "./thread.ts" : "./thread.js", import.meta.url);
  // Set on the signal: the command's thread can see it even while it runs synchronously (reading standard input).
  const interrupted = new Int32Array(new SharedArrayBuffer(4));
  const workerData = { argv, interrupted };
  const worker = fromSource
    ? new Worker(`import("tsx/esm/api").then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); });`, { eval: true, workerData })
    : new Worker(entry, { workerData });
  let temporary: string | undefined;
  let signalled = 0;
  let deadline: NodeJS.Timeout | undefined;
  const stopNow = () => {
    if (temporary) rmSync(temporary, { force: true });
    try {
      writeSync(2, `${isatty(2) ? "\r\x1b[K" : ""}parley: interrupted\n`);
    } catch {
      /* standard error is gone */
    }
    process.exit(130);
  };
  const onSignal = () => {
    Atomics.store(interrupted, 0, 1);
    if (signalled++) return stopNow();
    worker.postMessage({ t: "signal" });
    deadline = setTimeout(stopNow, 1000);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  worker.on("message", (m: { t: string; tmp?: string; code?: number; handlers?: number }) => {
    if (m.t === "temp") temporary = m.tmp;
    // A command that failed after the signal failed because of it (its input cut short): say so.
    else if (m.t === "done") return signalled && m.code !== 0 && m.code !== 130 ? stopNow() : process.exit(m.code ?? 1);
    else if (m.t === "ack") {
      // The command was between two steps: it stops at its next one (or has nothing to stop: then now).
      if (!m.handlers) return stopNow();
      clearTimeout(deadline);
      deadline = setTimeout(stopNow, 1500);
    }
  });
  worker.on("error", (e) => {
    if (temporary) rmSync(temporary, { force: true });
    const oom = (e as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";
    writeSync(
      2,
      oom
        ? "parley: out of memory: the model is too large for this machine's memory (see --max-states)\n"
        : `parley: internal error: ${e.stack ?? String(e)}\nThis is a bug in Parley; please report it with the input that caused it.\n`,
    );
    process.exit(1);
  });
  worker.on("exit", (code) => process.exit(code || 1));
}
