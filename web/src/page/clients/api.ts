/**
 * The workbench server's API (`parley serve`, docs/server-api.md): the
 * session, the scenario files of its folder, reading and saving one.
 */
import { type FileContent, type FileEntry, StoreError } from "../storage/store.js";

export interface Session {
  token: string;
  dir: string;
  defaultFile: string | null;
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new StoreError(0, "offline", "the workbench server does not answer; is `parley serve` still running?");
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok)
    throw new StoreError(
      res.status,
      typeof body.code === "string" ? body.code : "error",
      typeof body.error === "string" ? body.error : `${res.status} ${res.statusText}`,
      typeof body.etag === "string" ? body.etag : undefined,
    );
  return body as T;
}

export class Api {
  private token = "";

  async session(): Promise<Session> {
    const s = await call<Session>("api/session");
    this.token = s.token;
    return s;
  }

  async files(): Promise<FileEntry[]> {
    return (await call<{ files: FileEntry[] }>("api/files")).files;
  }

  read(path: string): Promise<FileContent> {
    return call<FileContent>(`api/file?path=${encodeURIComponent(path)}`);
  }

  /** Append a forecast's log lines (`parley-forecast-record/1`) to a .jsonl file of the folder; the server refuses backdated and retrodiction-only ones. */
  appendForecast(path: string, lines: string): Promise<{ path: string; records: number; retrodictions: number; bytes: number }> {
    return call(`api/forecast-log?path=${encodeURIComponent(path)}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Parley-Token": this.token },
      body: JSON.stringify({ lines }),
    });
  }

  /** Save; without baseEtag the file must be new, with it the file must be unchanged on disk (unless overwrite). */
  write(path: string, text: string, opts: { baseEtag?: string; overwrite?: boolean } = {}): Promise<{ path: string; etag: string }> {
    return call(`api/file?path=${encodeURIComponent(path)}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", "X-Parley-Token": this.token },
      body: JSON.stringify({ text, ...opts }),
    });
  }
}
