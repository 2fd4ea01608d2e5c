/**
 * Writing a file so that it is never half-written: the content goes to a
 * temporary file beside the target, which is flushed to disk and renamed over
 * the target; the folder is flushed too where the system allows it. On any
 * failure the temporary file is removed and the target is left as it was.
 *
 * Used by the command line (`-o FILE`) and by the workbench server's saves.
 * Node only: the engine (src/model, src/stability, src/analysis, …) stays free
 * of I/O.
 *
 * What the target may be (`inspectTarget`):
 * - a regular file, or a name that does not exist yet in an existing folder:
 *   written atomically;
 * - a symbolic link: written through to the file it points to (atomically,
 *   beside that file; the link stays a link); a link to nothing is refused;
 * - a character device (a terminal, /dev/null) or a FIFO: written to directly,
 *   as a shell's `>` would, since there is no file to replace (only when the
 *   caller allows it; the server does not);
 * - a folder, a block device or a socket: refused.
 */
import { closeSync, constants, fsyncSync, lstatSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";

/** Why a target cannot be written, found before anything is written. */
export class TargetError extends Error {
  constructor(
    readonly code: "is-directory" | "not-regular" | "dangling-link" | "no-folder" | "not-a-folder" | "exists",
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

export type Target =
  /** A regular file (or a new name): `path` is where it really is (links resolved). */
  | { kind: "file"; path: string; exists: boolean; mode?: number }
  /** A character device or FIFO, written to directly. */
  | { kind: "stream"; path: string };

export interface InspectOptions {
  /** Write to character devices and FIFOs directly (else they are refused). */
  allowStreams?: boolean;
  /** Refuse an existing file (the message tells how to overwrite: `hint`). */
  overwrite?: boolean;
  /** How to ask for an overwrite, in the "already exists" message. */
  overwriteHint?: string;
}

/** What `path` is and where to write it; throws TargetError when it cannot or must not be written. */
export function inspectTarget(path: string, opts: InspectOptions = {}): Target {
  let link: Stats | undefined;
  try {
    link = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  if (!link) {
    const folder = dirname(resolve(path));
    let st: Stats;
    try {
      st = statSync(folder);
    } catch {
      throw new TargetError("no-folder", `cannot write ${path}: the folder ${folder} does not exist`, path);
    }
    if (!st.isDirectory()) throw new TargetError("not-a-folder", `cannot write ${path}: ${folder} is not a folder`, path);
    return { kind: "file", path, exists: false };
  }
  let st = link;
  if (link.isSymbolicLink()) {
    try {
      st = statSync(path);
    } catch {
      throw new TargetError("dangling-link", `cannot write ${path}: it is a symbolic link to a file that does not exist; give the file's own name`, path);
    }
  }
  if (st.isDirectory()) throw new TargetError("is-directory", `${path} is a directory; give a file name`, path);
  if (st.isCharacterDevice() || st.isFIFO()) {
    // Opened by the name given (/dev/stderr → /proc/self/fd/2 → a pipe has no path of its own).
    if (opts.allowStreams) return { kind: "stream", path };
    throw new TargetError("not-regular", `${path} is a ${st.isFIFO() ? "FIFO" : "device"}, not a regular file`, path);
  }
  if (!st.isFile())
    throw new TargetError(
      "not-regular",
      `${path} is a ${st.isBlockDevice() ? "block device" : st.isSocket() ? "socket" : "special file"}, not a regular file`,
      path,
    );
  if (opts.overwrite === false) throw new TargetError("exists", `${path} already exists${opts.overwriteHint ? `; ${opts.overwriteHint}` : ""}`, path);
  // Through a link: the temporary file goes beside the file itself, and the rename replaces the file, not the link.
  const real = link.isSymbolicLink() ? realpathSync(path) : path;
  return { kind: "file", path: real, exists: true, mode: st.mode & 0o7777 };
}

/** The temporary file beside `path`: hidden, unique, ending in .tmp. */
export function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/** Chunks are gathered up to this many characters before each write. */
const BLOCK = 1 << 16;

/** The chunks of `content` gathered into blocks of about 64 KiB (fewer writes for many small chunks). */
export function* inBlocks(content: string | Iterable<string>): Generator<string> {
  if (typeof content === "string") {
    if (content) yield content;
    return;
  }
  let block = "";
  for (const chunk of content) {
    block += chunk;
    if (block.length >= BLOCK) {
      yield block;
      block = "";
    }
  }
  if (block) yield block;
}

/** Write `content` (one string or a sequence of chunks) to an open file descriptor, in blocks. */
export function writeChunksSync(fd: number, content: string | Iterable<string>): void {
  for (const block of inBlocks(content)) writeAllSync(fd, block);
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * All of `text`, waiting while the descriptor is full (a pipe another program
 * reads slowly: EAGAIN when it is non-blocking, else the write itself waits).
 */
export function writeAllSync(fd: number, text: string): void {
  const buf = Buffer.from(text, "utf8");
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

/** Flush a folder's entries to disk (after a rename); not every system allows it. */
function syncFolderSync(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    /* not supported here (or not permitted): the rename itself is still atomic */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export interface WriteSyncOptions extends InspectOptions {
  /** Told the temporary file's name before it is created, and undefined once it is gone (renamed or removed). */
  onTemporary?: (tmp: string | undefined) => void;
}

/**
 * Write atomically (see the module's comment); synchronous, for the command
 * line. Throws TargetError for a target that cannot be written, else the
 * system's error (ENOSPC, EACCES, …) after removing the temporary file.
 */
export function writeFileAtomicSync(path: string, content: string | Iterable<string>, opts: WriteSyncOptions = {}): Target {
  const target = inspectTarget(path, opts);
  if (target.kind === "stream") {
    const fd = openSync(target.path, constants.O_WRONLY);
    try {
      writeChunksSync(fd, content);
    } finally {
      closeSync(fd);
    }
    return target;
  }
  const tmp = temporaryName(target.path);
  let fd: number | undefined;
  try {
    opts.onTemporary?.(tmp);
    fd = openSync(tmp, "wx", target.mode ?? 0o644);
    writeChunksSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target.path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    opts.onTemporary?.(undefined);
  }
  syncFolderSync(dirname(target.path));
  return target;
}

export interface WriteAsyncOptions {
  /** Fault injection for tests: called after the temporary file is written and flushed, before the rename. */
  beforeRename?: (tmp: string) => Promise<void> | void;
}

/**
 * The same for the server, without blocking its event loop: only regular
 * files (or new names) are written; the caller decides about overwriting.
 */
export async function writeFileAtomic(path: string, content: string | Iterable<string> | AsyncIterable<string>, opts: WriteAsyncOptions = {}): Promise<void> {
  const target = inspectTarget(path);
  if (target.kind !== "file") throw new TargetError("not-regular", `${path} is not a regular file`, path);
  const tmp = temporaryName(target.path);
  let handle;
  try {
    handle = await open(tmp, "wx", target.mode ?? 0o644);
    if (typeof content === "string") await handle.writeFile(content, "utf8");
    else {
      let block = "";
      for await (const chunk of content) {
        block += chunk;
        if (block.length >= BLOCK) {
          await handle.writeFile(block, "utf8");
          block = "";
        }
      }
      if (block) await handle.writeFile(block, "utf8");
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await opts.beforeRename?.(tmp);
    await rename(tmp, target.path);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  const dir = await open(dirname(target.path), "r").catch(() => undefined);
  await dir?.sync().catch(() => undefined);
  await dir?.close().catch(() => undefined);
}
