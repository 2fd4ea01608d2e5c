/**
 * A bounded load test of the workbench server on loopback with autocannon:
 * readers (the file list and scenario files, what the workbench fetches
 * before it analyses in the browser), creators (each save a new file) and
 * overwriters (saves over a few shared files) at the same time. Afterwards
 * every acknowledged new file must hold exactly what was sent, every shared
 * file must be one whole save, and no request may have failed. Used by
 * tests/load.test.ts (a few seconds) and scripts/load.ts (`npm run load`).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import { startServer } from "../../src/server/server.js";
import { etagOf } from "../../src/server/workspace.js";

export interface LoadOptions {
  seconds: number;
  readers: number;
  creators: number;
  overwriters: number;
  /** Characters of scenario text per save. */
  saveSize?: number;
}

export interface Figures {
  requests: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

export interface LoadReport {
  options: LoadOptions;
  reads: Figures;
  creates: Figures;
  overwrites: Figures;
  /** Saves acknowledged and then checked on disk. */
  verifiedCreates: number;
  verifiedShared: number;
  /** Everything found wrong on disk or in the answers (empty when the run held). */
  problems: string[];
}

const ROOT = resolve(import.meta.dirname, "../..");
const SHARED = 4;

function figures(r: autocannon.Result): Figures {
  return {
    requests: r.requests.total,
    perSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}

export async function runLoad(opts: LoadOptions): Promise<LoadReport> {
  const base = mkdtempSync(join(tmpdir(), "parley-load-"));
  const dir = join(base, "ws");
  mkdirSync(join(dir, "load"), { recursive: true });
  cpSync(join(ROOT, "scenarios"), dir, { recursive: true });
  const web = join(base, "web");
  mkdirSync(web);
  writeFileSync(join(web, "index.html"), "<!doctype html><title>Parley</title>");
  const server = await startServer({ dir, webRoot: web });
  const url = `http://127.0.0.1:${server.port}`;
  const scenario = readFileSync(join(ROOT, "scenarios/ukraine-2025.yaml"), "utf8");
  const size = opts.saveSize ?? scenario.length;
  const payload = (seq: number) => `# save ${seq}\n${scenario.repeat(Math.ceil(size / scenario.length)).slice(0, size)}`;

  let closed = false;
  let seq = 0;
  const created = new Map<string, string>(); // path -> text, once acknowledged
  const pendingCreate = new Map<string, string>(); // etag -> path
  const sentShared = new Set<string>(); // etags of every shared save sent
  const problems: string[] = [];
  const headers = { "Content-Type": "application/json", "X-Parley-Token": server.token };

  const common = { url, duration: opts.seconds, pipelining: 1, timeout: 30 };
  const run = (o: autocannon.Options) =>
    new Promise<autocannon.Result>((ok, fail) => {
      autocannon(o, (err, result) => (err ? fail(err) : ok(result)));
    });

  try {
    const [reads, creates, overwrites] = await Promise.all([
      run({
        ...common,
        connections: opts.readers,
        requests: [
          { method: "GET", path: "/api/files" },
          { method: "GET", path: "/api/file?path=ukraine-2025.yaml" },
          { method: "GET", path: "/api/file?path=chicken.yaml" },
        ],
      }),
      run({
        ...common,
        connections: opts.creators,
        requests: [
          {
            method: "PUT",
            headers,
            setupRequest: (req) => {
              const n = ++seq;
              const path = `load/s${n}.yaml`;
              const text = payload(n);
              pendingCreate.set(etagOf(text), path);
              created.set(path, ""); // sent, not yet acknowledged
              return { ...req, path: `/api/file?path=${encodeURIComponent(path)}`, body: JSON.stringify({ text }) };
            },
            onResponse: (status, body) => {
              if (status !== 200) return void problems.push(`create answered ${status}: ${body.slice(0, 200)}`);
              const { path, etag } = JSON.parse(body) as { path: string; etag: string };
              if (pendingCreate.get(etag) !== path) return void problems.push(`create of ${path} acknowledged with a foreign etag`);
              created.set(path, etag);
            },
          },
        ],
      }),
      run({
        ...common,
        connections: opts.overwriters,
        requests: [
          {
            method: "PUT",
            headers,
            setupRequest: (req) => {
              const n = ++seq;
              const text = payload(n);
              sentShared.add(etagOf(text));
              return { ...req, path: `/api/file?path=load/shared${n % SHARED}.yaml`, body: JSON.stringify({ text, overwrite: true }) };
            },
            onResponse: (status, body) => {
              if (status !== 200) problems.push(`overwrite answered ${status}: ${body.slice(0, 200)}`);
            },
          },
        ],
      }),
    ]);

    // Stopping the server waits for the saves still under way; then the disk is checked.
    await server.close();
    closed = true;
    // On disk: each acknowledged new file holds exactly its save; each shared file is one whole save.
    let verifiedCreates = 0;
    for (const [path, etag] of created) {
      if (etag === "") continue; // still in flight when the run ended
      const text = readFileSync(join(dir, path), "utf8");
      if (etagOf(text) !== etag) problems.push(`${path} does not hold the save acknowledged for it`);
      else verifiedCreates++;
    }
    let verifiedShared = 0;
    for (let k = 0; k < SHARED; k++) {
      let text: string;
      try {
        text = readFileSync(join(dir, `load/shared${k}.yaml`), "utf8");
      } catch {
        continue; // never saved (a very short run)
      }
      if (!sentShared.has(etagOf(text))) problems.push(`load/shared${k}.yaml is not any one whole save`);
      else verifiedShared++;
    }
    const leftovers = readdirSync(join(dir, "load")).filter((f) => f.endsWith(".tmp"));
    if (leftovers.length > 0) problems.push(`temporary files left: ${leftovers.join(", ")}`);
    for (const [name, r] of [
      ["reads", reads],
      ["creates", creates],
      ["overwrites", overwrites],
    ] as const)
      if (r.errors || r.timeouts || r.non2xx) problems.push(`${name}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} answers not 2xx`);

    return { options: opts, reads: figures(reads), creates: figures(creates), overwrites: figures(overwrites), verifiedCreates, verifiedShared, problems };
  } finally {
    if (!closed) await server.close();
    rmSync(base, { recursive: true, force: true });
  }
}
