/**
 * The static site (`npm run build:static`, dist/static/) as any static host
 * serves it: a plain Node file server with no Parley code in it, on a free
 * loopback port. It counts the requests it answers, so a test can tell that
 * a page worked without it (from the service worker's cache).
 */
import { promises as fs } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { ROOT } from "./workbench.js";

export const STATIC_ROOT = join(ROOT, "dist/static");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

export interface StaticHost {
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function hostStatic(root = STATIC_ROOT): Promise<StaticHost> {
  const requests: string[] = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    requests.push(path);
    const rel = normalize(path).replace(/^[/\\]+/, "") || "index.html";
    const full = resolve(root, rel.endsWith("/") ? `${rel}index.html` : rel);
    if (!full.startsWith(resolve(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const data = await fs.readFile(full);
      res.writeHead(200, { "Content-Type": TYPES[extname(full)] ?? "application/octet-stream", "Cache-Control": "no-cache" }).end(data);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
