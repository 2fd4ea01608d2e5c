/**
 * Where the workbench keeps scenario files: one interface for both back-ends,
 * so the views and the file controller never know which one they use. The
 * served workbench (`parley serve`) keeps them in a folder through the
 * server's API (served-store.ts); the static site keeps them in the
 * browser's own storage (browser-store.ts).
 */
export interface FileEntry {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface FileContent {
  path: string;
  text: string;
  /** The version read: a save names it so that a file changed since is never overwritten without asking. */
  etag: string;
}

export interface WriteOptions {
  /** The version the edits started from; without it the file must be new (unless overwrite). */
  baseEtag?: string;
  overwrite?: boolean;
}

/** Words the page uses for the place the files live in. */
export interface StoreWords {
  /** "the folder", "this browser": "keep it in …". */
  place: string;
  /** Where another writer changed a file: "on disk", "in this browser". */
  changedWhere: string;
  /** The saved version: "the file on disk", "the file saved in this browser". */
  saved: string;
}

export interface ScenarioStore {
  /** Reach the place (the server's session, the browser's database); a StoreError when it cannot be reached. Before anything else. */
  connect(): Promise<void>;
  /** A name for the place, unique per folder or browser: drafts of unsaved edits are kept under it. */
  readonly id: string;
  /** What the page says when the place has no scenario: "The folder X", "This browser". */
  readonly description: string;
  readonly words: StoreWords;
  /** Why nothing can be saved although files open (a browser that keeps no files for the site), or null. */
  readonly unavailable?: string | null;
  /** The file opened first, or null. */
  readonly defaultFile: string | null;
  /** Whether other programs add and remove files here (a folder on disk): the page then looks at the list every few seconds while it is shown. */
  readonly changedByOthers?: boolean;
  files(): Promise<FileEntry[]>;
  read(path: string): Promise<FileContent>;
  /** Save; refuses with a StoreError coded "exists", "changed-on-disk" or "deleted-on-disk" when another version is in the way. */
  write(path: string, text: string, opts?: WriteOptions): Promise<{ path: string; etag: string }>;
  /** Append a forecast's log lines (`parley-forecast-record/1`) to a .jsonl file; absent where the place cannot (the page downloads them instead). */
  appendForecast?(path: string, lines: string): Promise<{ path: string; records: number; retrodictions: number }>;
}

/** A refused read or save, with its code (e.g. "changed-on-disk", "exists", "offline"). */
export class StoreError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly etag?: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}
