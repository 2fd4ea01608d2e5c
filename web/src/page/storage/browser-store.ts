/**
 * The static site's back-end: scenario files kept in the browser's own
 * storage (IndexedDB, one record per file), listed together with the
 * scenarios the site is built with (builtins.ts). A save checks the version
 * it started from inside the same IndexedDB transaction as the write, so two
 * tabs saving one file get the conflict dialog the served folder gives.
 */
import { builtInNames, DEFAULT_SCENARIO, hasBuiltIn, readBuiltIn } from "./builtins.js";
import { checkPath, tooLarge } from "./paths.js";
import { type FileContent, type FileEntry, type ScenarioStore, StoreError, type WriteOptions } from "./store.js";

const DB_NAME = "parley";
const FILES = "files";

interface StoredFile {
  path: string;
  text: string;
  etag: string;
  mtimeMs: number;
}

/** A built-in scenario's version: fixed for the build that carries it. */
const builtInEtag = (path: string) => `built-in:${path}`;
const newEtag = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
}

function openDb(): Promise<IDBDatabase> {
  if (typeof indexedDB === "undefined") return Promise.reject(new StoreError(0, "no-storage", "this browser keeps no files for this site (IndexedDB is off)"));
  const r = indexedDB.open(DB_NAME, 1);
  r.onupgradeneeded = () => r.result.createObjectStore(FILES, { keyPath: "path" });
  return request(r).catch((e: unknown) => {
    throw new StoreError(
      0,
      "no-storage",
      `this browser keeps no files for this site (${(e as Error)?.message ?? "IndexedDB refused"}); private windows may not`,
    );
  });
}

export class BrowserStore implements ScenarioStore {
  readonly id = "browser";
  readonly description = "This browser";
  readonly words = { place: "this browser", changedWhere: "in this browser (another tab saved it)", saved: "the file saved in this browser" };
  readonly defaultFile = DEFAULT_SCENARIO;
  private db: Promise<IDBDatabase> | null = null;
  private askedToPersist = false;

  /** Why files cannot be kept (IndexedDB off, as in some private windows): the built-in scenarios still open, saves are refused. */
  unavailable: string | null = null;

  /** Open the database now, so that a browser that keeps nothing for the site says so before a file is opened. */
  async connect(): Promise<void> {
    try {
      await this.store("readonly");
      this.unavailable = null;
    } catch (e) {
      this.unavailable = (e as Error).message;
    }
  }

  private async store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    this.db ??= openDb();
    try {
      return (await this.db).transaction(FILES, mode).objectStore(FILES);
    } catch (e) {
      this.db = null;
      throw e;
    }
  }

  /** What is stored; nothing where the browser keeps nothing (the built-in scenarios are listed all the same). */
  private async stored<T>(get: (s: IDBObjectStore) => IDBRequest<T>, none: T): Promise<T> {
    let store: IDBObjectStore;
    try {
      store = await this.store("readonly");
    } catch {
      return none;
    }
    return request(get(store));
  }

  async files(): Promise<FileEntry[]> {
    const stored = (await this.stored((s) => s.getAll(), [])) as StoredFile[];
    const entries = new Map<string, FileEntry>(builtInNames().map((path) => [path, { path, size: 0, mtimeMs: 0 }]));
    for (const f of stored) entries.set(f.path, { path: f.path, size: new Blob([f.text]).size, mtimeMs: f.mtimeMs });
    return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async read(userPath: string): Promise<FileContent> {
    const path = this.check(userPath);
    const stored = (await this.stored((s) => s.get(path), undefined)) as StoredFile | undefined;
    if (stored) return { path, text: stored.text, etag: stored.etag };
    const text = await readBuiltIn(path);
    if (text === undefined) throw new StoreError(404, "not-found", `'${path}' is not in this browser's scenarios`);
    return { path, text, etag: builtInEtag(path) };
  }

  async write(userPath: string, text: string, opts: WriteOptions = {}): Promise<{ path: string; etag: string }> {
    const path = this.check(userPath);
    const large = tooLarge(new Blob([text]).size);
    if (large) throw new StoreError(413, "too-large", large);
    void this.persist();
    const store = await this.store("readwrite");
    // The check and the write in one transaction: no other tab's save can come between them.
    const current = (await request(store.get(path))) as StoredFile | undefined;
    const etag = current?.etag ?? (hasBuiltIn(path) ? builtInEtag(path) : undefined);
    if (!opts.overwrite) {
      if (opts.baseEtag === undefined && etag !== undefined) throw new StoreError(409, "exists", `${path} exists`, etag);
      if (opts.baseEtag !== undefined && etag === undefined) throw new StoreError(409, "deleted-on-disk", `${path} was deleted`);
      if (opts.baseEtag !== undefined && etag !== opts.baseEtag) throw new StoreError(409, "changed-on-disk", `${path} changed since it was opened`, etag);
    }
    const saved: StoredFile = { path, text, etag: newEtag(), mtimeMs: Date.now() };
    await request(store.put(saved));
    await new Promise<void>((ok, fail) => {
      store.transaction.oncomplete = () => ok();
      store.transaction.onerror = () =>
        fail(new StoreError(507, "not-saved", `the browser did not keep ${path}: ${store.transaction.error?.message ?? "storage refused"}`));
      store.transaction.onabort = store.transaction.onerror;
    });
    return { path, etag: saved.etag };
  }

  private check(userPath: string): string {
    const r = checkPath(userPath);
    if ("error" in r) throw new StoreError(400, r.code, r.error);
    return r.path;
  }

  /** Ask once that the browser keep these files when it runs short of space (it may still refuse; docs/static-site.md says so). */
  private async persist(): Promise<void> {
    if (this.askedToPersist) return;
    this.askedToPersist = true;
    try {
      await navigator.storage?.persist?.();
    } catch {
      /* best effort */
    }
  }
}
