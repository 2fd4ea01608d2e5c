/** The CLI's contact with the outside world, injectable so tests run commands in-process. */
import { appendFileSync, readFileSync, readSync } from "node:fs";
import { isatty } from "node:tty";
import { isMainThread, parentPort } from "node:worker_threads";
import { ParleyError } from "../format/errors.js";
import { decodeUtf8 } from "../format/utf8.js";
import { inBlocks, TargetError, writeAllSync, writeFileAtomicSync } from "../node/atomic-write.js";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** A file's text; `-` is standard input (read once, then the same text again). */
  readText: (path: string) => string;
  /** Writes atomically, one string or a sequence of chunks; refuses to replace an existing file unless `overwrite`. */
  writeText: (path: string, text: string | Iterable<string>, overwrite: boolean) => void;
  /** Appends text to a file, creating it if need be; never rewrites what is there (forecast logs). */
  appendText?: (path: string, text: string) => void;
  /** Whether stderr is a terminal (for progress output). */
  isTTY: boolean;
  /** Calls `handler` on Ctrl-C (SIGINT) or SIGTERM until the returned function is called. */
  onInterrupt?: (handler: () => void) => () => void;
}

/** How standard input is named in messages, in place of a file name. */
export const STDIN_NAME = "<stdin>";

/** The name of a file argument in messages: `-` is standard input. */
export function inputName(path: string): string {
  return path === "-" ? STDIN_NAME : path;
}

/** Standard output stopped reading (`parley analyze | head`): not an error, the command ends quietly with 0. */
export class OutputClosed extends Error {
  constructor() {
    super("standard output was closed");
  }
}

/**
 * Standard output and error are written synchronously to their descriptors:
 * a pipe that is read slowly holds the writer back (no output piles up in
 * memory), and nothing is left unwritten when the process ends.
 */
function writeTo(fd: 1 | 2, text: string): void {
  try {
    writeAllSync(fd, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EPIPE" || code === "EBADF") {
      if (fd === 1) throw new OutputClosed();
      return; // nowhere to report it
    }
    throw e;
  }
}

/** Interrupts: signals on the main thread; on the command's thread (main.ts), the main thread's messages. */
const threadHandlers = new Set<() => void>();
if (!isMainThread)
  parentPort?.on("message", (m: { t?: string }) => {
    if (m?.t !== "signal") return;
    parentPort!.postMessage({ t: "ack", handlers: threadHandlers.size });
    for (const h of [...threadHandlers]) h();
  });

function onInterrupt(handler: () => void): () => void {
  if (!isMainThread) {
    threadHandlers.add(handler);
    return () => void threadHandlers.delete(handler);
  }
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}

/** Stopped by Ctrl-C or SIGTERM while reading input: the command ends with 130 and `parley: interrupted`. */
export class Interrupted extends Error {
  constructor() {
    super("interrupted");
  }
}

/** On the command's thread: a flag the main thread sets on the signal, readable while this thread is busy. */
let interruptFlag: Int32Array | undefined;
export function setInterruptFlag(flag: Int32Array): void {
  interruptFlag = flag;
}
const interruptRequested = () => (interruptFlag ? Atomics.load(interruptFlag, 0) === 1 : false);

/** Told of each temporary file the CLI creates and removes (main.ts removes one left by an interrupted run). */
let temporaryListener: ((tmp: string | undefined) => void) | undefined;
export function onTemporaryFile(listener: (tmp: string | undefined) => void): void {
  temporaryListener = listener;
}

export function nodeIO(): CliIO {
  return {
    stdout: (t) => writeTo(1, t),
    stderr: (t) => writeTo(2, t),
    readText: readTextFile,
    writeText: writeTextFile,
    appendText: appendTextFile,
    isTTY: isatty(2),
    onInterrupt,
  };
}

let stdinText: string | undefined;

/** All of standard input (once; later calls get the same text). */
export function readStdin(): string {
  if (stdinText !== undefined) return stdinText;
  if (isatty(0)) writeTo(2, "parley: reading standard input from the terminal; end it with Ctrl-D (Ctrl-C stops)\n");
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(1 << 16);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN" || code === "EINTR") {
        if (interruptRequested()) throw new Interrupted();
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      if (code === "EOF") break;
      const why = code === "EBADF" ? "it is closed" : code === "EISDIR" ? "it is a directory" : (e as Error).message;
      throw new ParleyError({ code: "cannot-read", message: `cannot read standard input: ${why}` });
    }
    if (interruptRequested()) throw new Interrupted(); // Ctrl-C on a terminal ends the read
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  stdinText = utf8Text(Buffer.concat(chunks), STDIN_NAME);
  return stdinText;
}

/** Append to a file (opened with O_APPEND, so concurrent appenders do not overwrite each other's lines). */
export function appendTextFile(path: string, text: string): void {
  try {
    appendFileSync(path, text, { encoding: "utf8", flag: "a" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "its folder does not exist"
        : code === "EISDIR"
          ? "it is a directory"
          : code === "EACCES"
            ? "permission denied"
            : (e as Error).message;
    throw new ParleyError({ code: "cannot-write", message: `cannot append to ${path}: ${why}` });
  }
}

/** Bytes as UTF-8 text; bytes that are not UTF-8 are refused with where they are (never turned into U+FFFD). */
function utf8Text(bytes: Uint8Array, name: string): string {
  const decoded = decodeUtf8(bytes);
  if (decoded.issue) throw new ParleyError(decoded.issue, name);
  return decoded.text;
}

export function readTextFile(path: string): string {
  if (path === "-") return readStdin();
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new ParleyError({ code: "cannot-read", message: `cannot read ${path}: ${why}` });
  }
  return utf8Text(bytes, path);
}

/** Names of standard output and error as files: `-o /dev/stdout` is the same as no `-o`. */
export const STDOUT_ALIASES = ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"];
/** Written to the descriptor itself: it may be a socket, which has no path to open. */
const STDERR_ALIASES = ["/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"];

/**
 * Write atomically (src/node/atomic-write.ts): a temporary file beside the
 * target, flushed, then renamed, so the target is never half-written; through
 * a symbolic link to the file it points to; directly to a terminal, /dev/null
 * or a FIFO. Folders, missing folders and other special files are refused.
 */
export function writeTextFile(path: string, text: string | Iterable<string>, overwrite: boolean): void {
  if (STDOUT_ALIASES.includes(path) || STDERR_ALIASES.includes(path)) {
    const fd = STDOUT_ALIASES.includes(path) ? 1 : 2;
    for (const block of inBlocks(text)) writeTo(fd, block);
    return;
  }
  try {
    writeFileAtomicSync(path, text, {
      overwrite,
      overwriteHint: "use --force to overwrite it",
      allowStreams: true,
      onTemporary: (tmp) => temporaryListener?.(tmp),
    });
  } catch (e) {
    if (e instanceof TargetError) throw new ParleyError({ code: e.code === "exists" ? "file-exists" : "cannot-write", message: e.message });
    if (e instanceof ParleyError || e instanceof OutputClosed) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (!code) throw e; // not the system's: a bug while producing the output
    const why =
      code === "ENOSPC"
        ? "no space left on the device"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : code === "EROFS"
            ? "the file system is read-only"
            : (e as Error).message;
    throw new ParleyError({ code: "cannot-write", message: `cannot write ${path}: ${why}${code === "ENOSPC" ? "; nothing was changed" : ""}` });
  }
}
