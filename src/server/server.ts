/**
 * `parley serve`: the workbench on loopback. Serves the built web app and a
 * small JSON API over the scenario files of one folder. The engine runs in the
 * browser; the server only lists, reads and saves files.
 *
 * Protections: it listens on 127.0.0.1 only; requests whose Host is not this
 * loopback address and port are refused (DNS rebinding); saves need the
 * session token that only a page from this server can read (no CORS), and an
 * Origin, when sent, must be this server (cross-site requests); request
 * bodies have a size limit; paths stay inside the folder (see workspace.ts).
 */
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, normalize, relative, resolve, isAbsolute } from "node:path";
import { fileURLToPath } from "node:url";
import { appendForecast } from "./forecast-log.js";
import { utcToday } from "../format/dates.js";
import { MAX_FILE_BYTES, Workspace, WorkspaceError, type WriteHooks } from "./workspace.js";
import { count } from "../format/count.js";

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../dist/web/", import.meta.url));
/** A JSON request body may hold a scenario of the largest file size plus escaping. */
export const bodyLimit = (maxFileBytes: number) => 2 * maxFileBytes + 4096;
export const MAX_BODY_BYTES = bodyLimit(MAX_FILE_BYTES);

export interface ServerOptions {
  dir: string;
  port?: number;
  host?: string;
  webRoot?: string;
  /** The file the workbench opens first (default: ukraine-2025.yaml if present, else the first file). */
  defaultFile?: string;
  /** Largest scenario file read or saved, in bytes (default MAX_FILE_BYTES; `--max-file-size`). */
  maxFileBytes?: number;
  /** Fault injection for tests (a full disk, a crash before the rename). */
  writeHooks?: WriteHooks;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
};

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const host = opts.host ?? "127.0.0.1";
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`the workbench listens on loopback only, not on ${host}`);
  const workspace = new Workspace(opts.dir, opts.maxFileBytes ?? MAX_FILE_BYTES);
  const maxBody = bodyLimit(workspace.maxFileBytes);
  try {
    if (!(await fs.stat(workspace.root)).isDirectory()) throw new Error();
  } catch {
    throw new WorkspaceError(400, "no-folder", `${opts.dir} is not a folder`);
  }
  const webRoot = resolve(opts.webRoot ?? DEFAULT_WEB_ROOT);
  const token = randomBytes(24).toString("hex");
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => sendError(res, e));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? ""))
      return sendJson(res, 403, { error: "this server answers only to its own loopback address", code: "bad-host" });
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    if (url.pathname.startsWith("/api/")) return api(req, res, url);
    if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: "method not allowed", code: "method" });
    return serveStatic(res, url.pathname);
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^https?:\/\//, "")))
      return sendJson(res, 403, { error: "cross-site requests are refused", code: "bad-origin" });
    if (url.pathname === "/api/session" && req.method === "GET") {
      return sendJson(res, 200, { token, dir: workspace.root, defaultFile: await defaultFile() });
    }
    if (url.pathname === "/api/files" && req.method === "GET") return sendJson(res, 200, { files: await workspace.list() });
    if (url.pathname === "/api/file") {
      const path = url.searchParams.get("path") ?? "";
      if (req.method === "GET") return sendJson(res, 200, await workspace.read(path));
      if (req.method === "PUT") {
        if (req.headers["x-parley-token"] !== token) return sendJson(res, 403, { error: "missing or wrong session token", code: "bad-token" });
        if (!/^application\/json\b/.test(req.headers["content-type"] ?? ""))
          return sendJson(res, 415, { error: "send the file as JSON: { text, baseEtag?, overwrite? }", code: "bad-content-type" });
        const body = await readBody(req, maxBody, workspace.maxFileBytes);
        let parsed: unknown;
        try {
          parsed = JSON.parse(body);
        } catch {
          return sendJson(res, 400, { error: "the request body is not valid JSON", code: "bad-json" });
        }
        const { text, baseEtag, overwrite } = (parsed ?? {}) as { text?: unknown; baseEtag?: unknown; overwrite?: unknown };
        if (typeof text !== "string") return sendJson(res, 400, { error: "'text' must be the file's content as a string", code: "bad-body" });
        if (baseEtag !== undefined && typeof baseEtag !== "string") return sendJson(res, 400, { error: "'baseEtag' must be a string", code: "bad-body" });
        const saved = await workspace.write(
          path,
          text,
          { ...(typeof baseEtag === "string" ? { baseEtag } : {}), overwrite: overwrite === true },
          opts.writeHooks,
        );
        return sendJson(res, 200, saved);
      }
      return sendJson(res, 405, { error: "method not allowed", code: "method" });
    }
    if (url.pathname === "/api/forecast-log") {
      if (req.method !== "POST") return sendJson(res, 405, { error: "method not allowed", code: "method" });
      if (req.headers["x-parley-token"] !== token) return sendJson(res, 403, { error: "missing or wrong session token", code: "bad-token" });
      if (!/^application\/json\b/.test(req.headers["content-type"] ?? ""))
        return sendJson(res, 415, { error: "send the records as JSON: { lines }", code: "bad-content-type" });
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readBody(req, maxBody, workspace.maxFileBytes));
      } catch (e) {
        if (e instanceof WorkspaceError) throw e;
        return sendJson(res, 400, { error: "the request body is not valid JSON", code: "bad-json" });
      }
      const lines = (parsed as { lines?: unknown } | null)?.lines;
      if (typeof lines !== "string") return sendJson(res, 400, { error: "'lines' must be the log's lines as a string", code: "bad-body" });
      const today = utcToday();
      return sendJson(res, 200, await appendForecast(workspace, url.searchParams.get("path") ?? "", lines, today));
    }
    return sendJson(res, 404, { error: "no such API", code: "not-found" });
  }

  async function defaultFile(): Promise<string | null> {
    const files = (await workspace.list()).map((f) => f.path);
    if (opts.defaultFile && files.includes(opts.defaultFile)) return opts.defaultFile;
    return files.find((f) => f.endsWith("ukraine-2025.yaml")) ?? files[0] ?? null;
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    let rel: string;
    try {
      rel = normalize(decodeURIComponent(pathname)).replace(/^[/\\]+/, "");
    } catch {
      return sendJson(res, 400, { error: "bad path", code: "bad-path" });
    }
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const full = resolve(webRoot, rel);
    const inside = relative(webRoot, full);
    if (inside.startsWith("..") || isAbsolute(inside) || rel.includes("\0")) return sendJson(res, 403, { error: "forbidden", code: "outside-web-root" });
    try {
      const data = await fs.readFile(full);
      res.writeHead(200, {
        "Content-Type": TYPES[extname(full)] ?? "application/octet-stream",
        "Content-Length": data.length,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-cache",
        ...(extname(full) === ".html"
          ? {
              "Content-Security-Policy":
                "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; connect-src 'self'",
            }
          : {}),
      });
      res.end(data);
    } catch {
      if (rel === "index.html") return sendText(res, 503, "The workbench is not built yet: run `npm run build` (npm ci does it) and reload.");
      sendJson(res, 404, { error: "not found", code: "not-found" });
    }
  }

  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const address = server.address();
  port = typeof address === "object" && address ? address.port : 0;
  const shown = host === "::1" ? "[::1]" : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    token,
    // Stop taking requests, let the saves under way finish (so none is cut between its
    // temporary file and the rename), then drop the remaining connections.
    close: async () => {
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeIdleConnections();
      await workspace.settled();
      server.closeAllConnections();
      await closed;
    },
  };
}

function readBody(req: IncomingMessage, maxBody: number, maxFile: number): Promise<string> {
  const tooLarge = () =>
    new WorkspaceError(
      413,
      "too-large",
      `the request body is larger than ${count(maxBody)} bytes (room for a file of ${count(maxFile)} bytes, the limit per file); start the server with parley serve --max-file-size BYTES to raise it`,
    );
  return new Promise((ok, fail) => {
    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > maxBody) {
      fail(tooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (c: Buffer) => {
      if (over) return; // keep draining; the answer goes out with Connection: close
      size += c.length;
      if (size > maxBody) {
        over = true;
        chunks.length = 0;
        fail(tooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => ok(Buffer.concat(chunks).toString("utf8")));
    req.on("error", fail);
    // A client that goes away mid-body: nothing is saved, and the request ends here.
    req.on("close", () => {
      if (!req.complete) fail(new WorkspaceError(400, "aborted", "the client closed the connection before the whole body arrived; nothing was saved"));
    });
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    // After refusing a body, do not wait for the rest of it on this connection.
    ...(status === 413 ? { Connection: "close" } : {}),
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(text);
}

function sendError(res: ServerResponse, e: unknown): void {
  if (e instanceof WorkspaceError) sendJson(res, e.status, { error: e.message, code: e.code, ...(e.etag ? { etag: e.etag } : {}) });
  else sendJson(res, 500, { error: "internal error", code: "internal" });
}
