/**
 * The scenario files of the workbench's folder: listing, reading and saving,
 * with every path checked to stay inside the folder and every save atomic
 * (write a temporary file beside the target, flush it, rename it over the
 * target), so a file is either the old one or the new one, never a mixture.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { WorkspaceCode } from "../format/errors.js";
import { decodeUtf8 } from "../format/source.js";
import { TargetError, writeFileAtomic } from "../node/atomic-write.js";
import { count } from "../format/count.js";

export const SCENARIO_EXTENSIONS = [".yaml", ".yml", ".json"];
/** Largest scenario file the workbench reads or writes. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** How much of a .json file is read to tell a Parley scenario from other JSON (package.json, outputs). */
const JSON_SNIFF_BYTES = 4096;

/**
 * Whether a .json file is a Parley scenario: a top-level `"format": "parley/1"`
 * within its first few KB (package.json, package-lock.json, analysis outputs
 * and gmcr-py files are not).
 */
export async function looksLikeScenarioJson(full: string): Promise<boolean> {
  const handle = await fs.open(full, "r");
  try {
    const buf = Buffer.alloc(JSON_SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, JSON_SNIFF_BYTES, 0);
    return hasTopLevelParleyFormat(buf.subarray(0, bytesRead).toString("utf8"));
  } finally {
    await handle.close();
  }
}

/** A `"format": "parley/1"` member of the outermost object of JSON text (which may be cut short). */
export function hasTopLevelParleyFormat(text: string): boolean {
  const member = /"format"\s*:\s*"parley\/1"/y;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (depth === 1) {
        member.lastIndex = i;
        if (member.test(text)) return true;
      }
      // Skip the string, escapes included.
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
  }
  return false;
}

export class WorkspaceError extends Error {
  constructor(
    readonly status: number,
    readonly code: WorkspaceCode,
    message: string,
    readonly etag?: string,
  ) {
    super(message);
  }
}

/** The words of a size refusal: the limit and how to raise it. */
export function fileLimit(max: number): string {
  return `over the limit of ${count(max)} bytes per file; start the server with parley serve --max-file-size BYTES to raise it`;
}

export function etagOf(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

export interface FileEntry {
  path: string;
  size: number;
  mtimeMs: number;
}

export class Workspace {
  readonly root: string;
  /** Saves to one path run one after another, so a check-then-write is never interleaved. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    dir: string,
    /** Largest file read or saved (`parley serve --max-file-size`). */
    readonly maxFileBytes = MAX_FILE_BYTES,
  ) {
    this.root = resolve(dir);
  }

  /** Saves from their first step (checking the path) to their end. */
  private readonly inflight = new Set<Promise<unknown>>();

  /** Resolves once every save under way has finished (a server stopping waits for it). */
  async settled(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /**
   * A user-given relative path -> the absolute path inside the folder, or a
   * 400/403 error. Refuses absolute paths, `..` escapes (also once decoded),
   * NUL bytes, other extensions, and symbolic links that lead outside.
   */
  async resolvePath(userPath: string, extensions: readonly string[] = SCENARIO_EXTENSIONS): Promise<string> {
    if (typeof userPath !== "string" || userPath.length === 0 || userPath.length > 1024) throw new WorkspaceError(400, "bad-path", "a file path is required");
    if (userPath.includes("\0")) throw new WorkspaceError(400, "bad-path", "the path contains a NUL byte");
    if (isAbsolute(userPath) || /^[A-Za-z]:/.test(userPath) || userPath.startsWith("\\"))
      throw new WorkspaceError(403, "outside-workspace", "absolute paths are not allowed; give a path inside the workspace");
    const full = resolve(this.root, userPath);
    const rel = relative(this.root, full);
    if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) throw new WorkspaceError(403, "outside-workspace", `'${userPath}' is outside the workspace`);
    if (rel.split(sep).some((part) => part.startsWith("."))) throw new WorkspaceError(403, "hidden-path", `'${userPath}' is a hidden file or folder`);
    if (!extensions.includes(extname(full).toLowerCase()))
      throw new WorkspaceError(
        400,
        "bad-extension",
        `only ${extensions.join(", ")} files can be ${extensions === SCENARIO_EXTENSIONS ? "opened or saved" : "written here"}`,
      );
    // The folder holding the file must really be inside the workspace (no symlinked escape).
    const realRoot = await fs.realpath(this.root);
    let realDir: string;
    try {
      realDir = await fs.realpath(dirname(full));
    } catch {
      throw new WorkspaceError(404, "not-found", `the folder of '${userPath}' does not exist`);
    }
    const relDir = relative(realRoot, realDir);
    if (relDir.startsWith("..") || isAbsolute(relDir)) throw new WorkspaceError(403, "outside-workspace", `'${userPath}' leads outside the workspace`);
    try {
      if ((await fs.lstat(full)).isSymbolicLink()) throw new WorkspaceError(403, "symlink", `'${userPath}' is a symbolic link`);
    } catch (e) {
      if (e instanceof WorkspaceError) throw e;
    }
    return join(realDir, basename(full));
  }

  /** Run `job` after the other writes to `full` (saves and appends), and count it as under way until it ends. */
  async queued<T>(full: string, job: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(full) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(job);
    this.queues.set(full, run);
    this.inflight.add(run);
    try {
      return await run;
    } finally {
      this.inflight.delete(run);
      if (this.queues.get(full) === run) this.queues.delete(full);
    }
  }

  async list(): Promise<FileEntry[]> {
    const out: FileEntry[] = [];
    const walk = async (dir: string, depth: number) => {
      if (depth > 4) return;
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      // Stat the files of a folder together: a folder of thousands of files lists in one round.
      await Promise.all(
        entries.map(async (e) => {
          if (e.name.startsWith(".") || e.name === "node_modules") return;
          const full = join(dir, e.name);
          if (e.isDirectory()) await walk(full, depth + 1);
          else if (e.isFile() && SCENARIO_EXTENSIONS.includes(extname(e.name).toLowerCase())) {
            try {
              if (extname(e.name).toLowerCase() === ".json" && !(await looksLikeScenarioJson(full))) return;
              const st = await fs.stat(full);
              out.push({ path: relative(this.root, full).split(sep).join("/"), size: st.size, mtimeMs: st.mtimeMs });
            } catch {
              // deleted between the listing and the stat: leave it out
            }
          }
        }),
      );
    };
    await walk(this.root, 0);
    return out.sort((a, b) => a.path.localeCompare(b.path));
  }

  async read(userPath: string): Promise<{ path: string; text: string; etag: string }> {
    const full = await this.resolvePath(userPath);
    let st;
    try {
      st = await fs.stat(full);
    } catch {
      throw new WorkspaceError(404, "not-found", `'${userPath}' does not exist`);
    }
    if (!st.isFile()) throw new WorkspaceError(400, "not-a-file", `'${userPath}' is not a file`);
    if (st.size > this.maxFileBytes) throw new WorkspaceError(413, "too-large", `'${userPath}' has ${count(st.size)} bytes, ${fileLimit(this.maxFileBytes)}`);
    // Bytes that are not UTF-8 are refused: read as U+FFFD, a save would change them for good.
    const decoded = decodeUtf8(await fs.readFile(full));
    if (decoded.issue)
      throw new WorkspaceError(
        415,
        "not-utf8",
        `'${userPath}' line ${decoded.issue.line}, column ${decoded.issue.column}: ${decoded.issue.message}; the workbench does not open it, so as not to change those bytes`,
      );
    const text = decoded.text;
    return { path: userPath, text, etag: etagOf(text) };
  }

  /**
   * Save `text`. Without `baseEtag` the file must not exist yet (no overwrite
   * without intent); with it, the file must still be the version it names,
   * unless `overwrite`. Saves to the same path are queued.
   */
  async write(
    userPath: string,
    text: string,
    opts: { baseEtag?: string; overwrite?: boolean } = {},
    hooks: WriteHooks = {},
  ): Promise<{ path: string; etag: string }> {
    const save = this.save(userPath, text, opts, hooks);
    this.inflight.add(save);
    try {
      return await save;
    } finally {
      this.inflight.delete(save);
    }
  }

  private async save(
    userPath: string,
    text: string,
    opts: { baseEtag?: string; overwrite?: boolean },
    hooks: WriteHooks,
  ): Promise<{ path: string; etag: string }> {
    const full = await this.resolvePath(userPath);
    if (Buffer.byteLength(text) > this.maxFileBytes)
      throw new WorkspaceError(413, "too-large", `the file would have ${count(Buffer.byteLength(text))} bytes, ${fileLimit(this.maxFileBytes)}`);
    const previous = this.queues.get(full) ?? Promise.resolve();
    const job = previous
      .catch(() => undefined)
      .then(async () => {
        let current: string | undefined;
        try {
          current = await fs.readFile(full, "utf8");
        } catch {
          current = undefined;
        }
        if (!opts.overwrite) {
          if (current !== undefined && opts.baseEtag === undefined)
            throw new WorkspaceError(409, "exists", `'${userPath}' already exists; open it first or confirm the overwrite`, etagOf(current));
          if (current !== undefined && opts.baseEtag !== etagOf(current))
            throw new WorkspaceError(409, "changed-on-disk", `'${userPath}' changed on disk since it was opened`, etagOf(current));
          if (current === undefined && opts.baseEtag !== undefined)
            throw new WorkspaceError(409, "deleted-on-disk", `'${userPath}' was deleted on disk since it was opened`);
        }
        await writeAtomic(full, text, hooks);
        return { path: userPath, etag: etagOf(text) };
      });
    this.queues.set(full, job);
    try {
      return await job;
    } finally {
      if (this.queues.get(full) === job) this.queues.delete(full);
    }
  }
}

/**
 * Append `text` to a file of the folder (created when missing), never
 * rewriting what is there: the forecast log. Appends to one path are queued
 * with its saves; a log that does not end in a line break gets one first, so
 * lines never run together.
 */
export async function appendToWorkspace(
  ws: Workspace,
  userPath: string,
  text: string,
  extensions: readonly string[],
): Promise<{ path: string; bytes: number }> {
  const full = await ws.resolvePath(userPath, extensions);
  return ws.queued(full, async () => {
    let prefix = "";
    try {
      const st = await fs.lstat(full);
      if (!st.isFile()) throw new WorkspaceError(400, "not-a-file", `'${userPath}' is not a file`);
      if (st.size > 0) {
        const handle = await fs.open(full, "r");
        try {
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, st.size - 1);
          if (last[0] !== 0x0a) prefix = "\n";
        } finally {
          await handle.close();
        }
      }
    } catch (e) {
      if (e instanceof WorkspaceError) throw e;
      // missing: appendFile creates it
    }
    try {
      await fs.appendFile(full, prefix + text, { flag: "a" });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new WorkspaceError(code === "ENOSPC" ? 507 : 500, code === "ENOSPC" ? "disk-full" : "write-failed", `could not append: ${(e as Error).message}`);
    }
    return { path: userPath, bytes: Buffer.byteLength(prefix + text) };
  });
}

/** Fault injection for tests: called after the temporary file is written, before the rename. */
export interface WriteHooks {
  beforeRename?: (tmp: string) => Promise<void> | void;
}

/**
 * Temporary file beside the target, flushed to disk, then renamed over it; the
 * temporary file is removed on failure (src/node/atomic-write.ts, shared with
 * the command line). Folders, devices and other special files are refused.
 */
export async function writeAtomic(full: string, text: string, hooks: WriteHooks = {}): Promise<void> {
  try {
    await writeFileAtomic(full, text, hooks);
  } catch (e) {
    if (e instanceof WorkspaceError) throw e;
    // The message names the file as the workbench does (inside the workspace), not by its absolute path.
    if (e instanceof TargetError) throw new WorkspaceError(400, "not-a-file", `could not save: ${e.message.split(full).join(`'${basename(full)}'`)}`);
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkspaceError(
      code === "ENOSPC" ? 507 : 500,
      code === "ENOSPC" ? "disk-full" : "write-failed",
      `could not save: ${(e as Error).message}; the file on disk is unchanged`,
    );
  }
}
