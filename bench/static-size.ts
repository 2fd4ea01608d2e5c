/**
 * The static site's size (`npm run build:static`, dist/static/): what a
 * first visit loads before the default scenario is analysed (the page, its
 * entry script and style, the browser storage and the default scenario),
 * what loads on demand (the engine's workers, the graph's library, the NLP
 * model of Ingest, each other scenario), and what the service worker keeps
 * for offline use (every file). Bytes as stored, and gzipped as a static
 * host would send them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

export interface StaticPart {
  part: string;
  files: number;
  bytes: number;
  gzipBytes: number;
}

export interface StaticSize {
  files: number;
  bytes: number;
  gzipBytes: number;
  /** First visit, then on demand. */
  parts: StaticPart[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

const PARTS = [
  "first visit (page, entry, style, storage, default scenario)",
  "engine (Web Workers, started by the first analysis)",
  "graph view (cytoscape, on opening the Graph)",
  "NLP model and ingest (Web Worker, on the first article)",
  "other built-in scenarios (each on opening)",
  "service worker",
];

/** Which part of the site a file belongs to, by its name (Vite names chunks after their entry module). */
function partOf(file: string, firstLoad: Set<string>): string {
  const name = file.split("/").pop()!;
  if (firstLoad.has(file)) return PARTS[0];
  if (/^(engine|pool)-worker-/.test(name)) return PARTS[1];
  if (/^cytoscape/.test(name)) return PARTS[2];
  if (/^ingest-worker-/.test(name)) return PARTS[3];
  if (/^(chicken|elmira|prisoners-dilemma|ukraine-2025)/.test(name)) return PARTS[4];
  if (name === "sw.js") return PARTS[5];
  return "other chunks";
}

export function measureStaticSite(root: string): StaticSize | null {
  const dir = join(root, "dist/static");
  if (!existsSync(join(dir, "index.html"))) return null;
  const files = filesUnder(dir).map((f) => relative(dir, f).split("\\").join("/"));
  const html = readFileSync(join(dir, "index.html"), "utf8");
  const first = new Set(["index.html", ...[...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1])]);
  for (const f of files) if (/^assets\/(browser-store|ukraine-2025)-[^-]+\.js$/.test(f)) first.add(f);
  const parts = new Map<string, StaticPart>();
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const data = readFileSync(join(dir, f));
    const gz = gzipSync(data, { level: 9 }).length;
    bytes += data.length;
    gzipBytes += gz;
    const part = partOf(f, first);
    const p = parts.get(part) ?? { part, files: 0, bytes: 0, gzipBytes: 0 };
    p.files++;
    p.bytes += data.length;
    p.gzipBytes += gz;
    parts.set(part, p);
  }
  const order = [...PARTS, "other chunks"];
  return { files: files.length, bytes, gzipBytes, parts: [...parts.values()].sort((a, b) => order.indexOf(a.part) - order.indexOf(b.part)) };
}
