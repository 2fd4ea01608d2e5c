/**
 * Faults the workbench server must survive without losing a file: a client
 * that goes away mid-request, a full disk on save, a file changed or deleted
 * on disk while open, and SIGTERM in the middle of saves (the real server in
 * a child process). Also: a long CLI run stopped with Ctrl-C (a real SIGINT)
 * keeps its partial result.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "../helpers/http.js";
import { startServer, type RunningServer } from "../../src/server/server.js";
import { etagOf } from "../../src/server/workspace.js";

const root = resolve(import.meta.dirname, "../..");
let dir: string;
let server: RunningServer;
let diskFull = false;

const http = (port: number, method: string, path: string, body?: unknown, token?: string) =>
  rawRequest(port, method, path, {
    headers: { "Content-Type": "application/json", ...(token ? { "X-Parley-Token": token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const put = (path: string, body: unknown) => http(server.port, "PUT", `/api/file?path=${encodeURIComponent(path)}`, body, server.token);
const temporaries = (d: string) => readdirSync(d).filter((f) => f.endsWith(".tmp"));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "parley-faults-"));
  const web = mkdtempSync(join(tmpdir(), "parley-faults-web-"));
  writeFileSync(join(web, "index.html"), "<!doctype html><title>Parley</title>");
  server = await startServer({
    dir,
    webRoot: web,
    writeHooks: {
      beforeRename: () => {
        if (diskFull) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      },
    },
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the workbench server under faults", () => {
  it("survives a client that disconnects in the middle of a request body, and saves nothing", async () => {
    for (const sent of [0, 10, 5000]) {
      await new Promise<void>((ok, fail) => {
        const socket = connect(server.port, "127.0.0.1", () => {
          socket.write(
            `PUT /api/file?path=cut.yaml HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nX-Parley-Token: ${server.token}\r\nContent-Length: 100000\r\n\r\n` +
              `{"text": "${"x".repeat(sent)}`,
            () => {
              socket.destroy();
              ok();
            },
          );
        });
        socket.on("error", fail);
      });
    }
    // A client that disconnects while the answer is being sent.
    writeFileSync(join(dir, "big.yaml"), "a: " + "b".repeat(1_500_000) + "\n");
    await new Promise<void>((ok) => {
      const req = request({ host: "127.0.0.1", port: server.port, path: "/api/file?path=big.yaml" }, (res) => {
        res.once("data", () => {
          req.destroy();
          ok();
        });
      });
      req.on("error", () => ok());
      req.end();
    });
    expect((await http(server.port, "GET", "/api/session")).status).toBe(200);
    expect(readdirSync(dir)).not.toContain("cut.yaml");
    expect(temporaries(dir)).toEqual([]);
    expect((await put("cut.yaml", { text: "whole: 1\n" })).status).toBe(200);
  });

  it("keeps the old file on a full disk and tells the user", async () => {
    writeFileSync(join(dir, "full.yaml"), "old: 1\n");
    diskFull = true;
    try {
      const r = await put("full.yaml", { text: "new: 1\n", baseEtag: etagOf("old: 1\n") });
      expect(r.status).toBe(507);
      expect(r.json).toEqual({ code: "disk-full", error: "could not save: ENOSPC: no space left on device, write; the file on disk is unchanged" });
    } finally {
      diskFull = false;
    }
    expect(readFileSync(join(dir, "full.yaml"), "utf8")).toBe("old: 1\n");
    expect(temporaries(dir)).toEqual([]);
    expect((await put("full.yaml", { text: "new: 1\n", baseEtag: etagOf("old: 1\n") })).status).toBe(200);
  });

  it("refuses to save over a file changed or deleted on disk while open, and keeps the other version", async () => {
    writeFileSync(join(dir, "open.yaml"), "v: 1\n");
    const opened = await http(server.port, "GET", "/api/file?path=open.yaml");
    writeFileSync(join(dir, "open.yaml"), "v: 2 # edited in another program\n");
    const changed = await put("open.yaml", { text: "v: 3\n", baseEtag: opened.json.etag });
    expect(changed.status).toBe(409);
    expect(changed.json).toMatchObject({ code: "changed-on-disk", etag: etagOf("v: 2 # edited in another program\n") });
    expect(readFileSync(join(dir, "open.yaml"), "utf8")).toBe("v: 2 # edited in another program\n");
    unlinkSync(join(dir, "open.yaml"));
    const deleted = await put("open.yaml", { text: "v: 3\n", baseEtag: opened.json.etag });
    expect([deleted.status, deleted.json.code]).toEqual([409, "deleted-on-disk"]);
    expect(readdirSync(dir)).not.toContain("open.yaml");
    expect((await http(server.port, "GET", "/api/file?path=open.yaml")).status).toBe(404);
    // The user confirms: the save goes through.
    expect((await put("open.yaml", { text: "v: 3\n", overwrite: true })).status).toBe(200);
    expect(readFileSync(join(dir, "open.yaml"), "utf8")).toBe("v: 3\n");
  });
});

/** `parley serve DIR` in a child process; resolves with its URL once it listens. */
function serve(folder: string): Promise<{ child: ChildProcessWithoutNullStreams; port: number; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve", folder], { cwd: root });
  const exited = new Promise<number | null>((ok) => child.on("exit", (code) => ok(code)));
  return new Promise((ok, fail) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) ok({ child, port: Number(m[1]), exited });
    });
    child.on("error", fail);
    void exited.then(() => fail(new Error(`the server exited early: ${out}`)));
  });
}

describe("SIGTERM during saves", () => {
  it("stops with every file whole (old or new) and no temporary file left", async () => {
    const folder = mkdtempSync(join(tmpdir(), "parley-sigterm-"));
    const old = "old: " + "o".repeat(1_000_000) + "\n";
    const fresh = "new: " + "n".repeat(1_900_000) + "\n";
    for (let k = 0; k < 6; k++) writeFileSync(join(folder, `f${k}.yaml`), old);
    const { child, port, exited } = await serve(folder);
    const session = await http(port, "GET", "/api/session");
    // Six large saves at once; the signal arrives while they are being received and written.
    const saves = Array.from({ length: 6 }, (_, k) =>
      http(port, "PUT", `/api/file?path=f${k}.yaml`, { text: fresh, overwrite: true }, session.json.token).catch(() => undefined),
    );
    await new Promise((ok) => setTimeout(ok, 40));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await Promise.all(saves);
    for (let k = 0; k < 6; k++) expect([old, fresh]).toContain(readFileSync(join(folder, `f${k}.yaml`), "utf8"));
    expect(temporaries(folder)).toEqual([]);
    rmSync(folder, { recursive: true, force: true });
  });
});

describe("Ctrl-C on a long CLI run", () => {
  it("parley robustness stops on SIGINT and prints the result so far", async () => {
    // The CLI with its real signal handling, told stderr is a terminal so that it shows progress:
    // the signal is sent once the run is under way.
    const script = `
      import { run } from ${JSON.stringify(join(root, "src/cli/run.ts"))};
      import { nodeIO } from ${JSON.stringify(join(root, "src/cli/io.ts"))};
      process.exitCode = await run(["robustness", "scenarios/ukraine-2025.yaml", "--samples", "3000000", "--threads", "1", "-f", "json"], { ...nodeIO(), isTTY: true });`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const exited = new Promise<number | null>((ok) => child.on("exit", (code) => ok(code)));
    await new Promise<void>((ok) => child.stderr.on("data", (d) => String(d).includes("profiles") && ok()));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    const result = JSON.parse(out);
    expect(result.interrupted).toBe(true);
    expect(result.done).toBeGreaterThan(0);
    expect(result.done).toBeLessThan(3_000_000);
  });
});
