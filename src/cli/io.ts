/** The CLI's contact with the outside world, injectable so tests run commands in-process. */
import { existsSync, readFileSync, renameSync, writeFileSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ParleyError } from "../model/errors.js";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readText: (path: string) => string;
  /** Writes atomically; refuses to replace an existing file unless `overwrite`. */
  writeText: (path: string, text: string, overwrite: boolean) => void;
  /** Whether stderr is a terminal (for progress output). */
  isTTY: boolean;
  /** Calls `handler` on Ctrl-C (SIGINT) or SIGTERM until the returned function is called. */
  onInterrupt?: (handler: () => void) => () => void;
}

export function nodeIO(): CliIO {
  // A reader that stops early (`parley analyze | head`) is not an error: end quietly.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readText: readTextFile,
    writeText: writeTextFile,
    isTTY: Boolean(process.stderr.isTTY),
    onInterrupt(handler) {
      process.on("SIGINT", handler);
      process.on("SIGTERM", handler);
      return () => {
        process.off("SIGINT", handler);
        process.off("SIGTERM", handler);
      };
    },
  };
}

export function readTextFile(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new ParleyError({ code: "cannot-read", message: `cannot read ${path}: ${why}` });
  }
}

/** Write to a temporary file beside the target, then rename: the target is never half-written. */
export function writeTextFile(path: string, text: string, overwrite: boolean): void {
  if (!overwrite && existsSync(path))
    throw new ParleyError({ code: "file-exists", message: `${path} already exists; use --force to overwrite it` });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, "utf8");
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    throw new ParleyError({ code: "cannot-write", message: `cannot write ${path}: ${(e as Error).message}` });
  }
}
