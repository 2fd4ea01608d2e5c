/**
 * The workbench server's API: files stay inside the workspace, bodies are
 * bounded, saves need the session token and never overwrite a changed file
 * without intent, concurrent saves leave a whole file, and a save that dies
 * half-way leaves the old file intact.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { rawRequest } from "../helpers/http.js";
import { startServer, MAX_BODY_BYTES, type RunningServer } from "../../src/server/server.js";
import { etagOf, Workspace, WorkspaceError } from "../../src/server/workspace.js";

const root = resolve(import.meta.dirname, "../..");
let dir: string;
let web: string;
let server: RunningServer;

/** Raw HTTP, so Host and path are sent exactly as written. */
const http = (method: string, path: string, opts: { body?: string; headers?: Record<string, string> } = {}) => rawRequest(server.port, method, path, opts);

const put = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  http("PUT", `/api/file?path=${encodeURIComponent(path)}`, {
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json", "X-Parley-Token": server.token, ...headers },
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "parley-ws-"));
  cpSync(join(root, "scenarios"), dir, { recursive: true });
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "sub", "nested.yaml"), readFileSync(join(root, "scenarios/chicken.yaml")));
  web = mkdtempSync(join(tmpdir(), "parley-web-"));
  writeFileSync(join(web, "index.html"), "<!doctype html><title>Parley</title>");
  server = await startServer({ dir, webRoot: web });
});
afterAll(async () => server?.close());

describe("the workbench server", () => {
  it("listens on loopback and serves the app", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await http("GET", "/");
    expect(r.status).toBe(200);
    expect(r.text).toContain("<title>Parley</title>");
    const outside = await http("GET", "/%2e%2e/%2e%2e/etc/passwd");
    expect([403, 404]).toContain(outside.status);
    expect(outside.text).not.toContain("root:");
  });

  it("gives the session, lists the scenario files and reads one", async () => {
    const s = await http("GET", "/api/session");
    expect(s.json).toMatchObject({ token: server.token, defaultFile: "ukraine-2025.yaml" });
    const files = (await http("GET", "/api/files")).json.files.map((f: { path: string }) => f.path);
    expect(files).toContain("sub/nested.yaml");
    expect(files).toContain("elmira.yaml");
    const f = await http("GET", "/api/file?path=chicken.yaml");
    expect(f.json.text).toBe(readFileSync(join(dir, "chicken.yaml"), "utf8"));
    expect(f.json.etag).toBe(etagOf(f.json.text));
  });

  it.each([
    ["../outside.yaml", 403],
    ["sub/../../outside.yaml", 403],
    ["/etc/passwd", 403],
    ["%2e%2e%2fpackage.json", 403],
    ["chicken.txt", 400],
    [".hidden.yaml", 403],
    ["a\u0000b.yaml", 400],
    ["missing.yaml", 404],
  ])("refuses the path %j with %i", async (path, status) => {
    // Encoded once here; the %2e form is decoded by the server to ../package.json.
    const query = path.startsWith("%") ? path : encodeURIComponent(path);
    const r = await http("GET", `/api/file?path=${query}`);
    expect(r.status).toBe(status);
    expect(r.json.error).toBeTruthy();
    expect((await put(decodeURIComponent(query), { text: "x", overwrite: true })).status).toBe(status === 404 ? 200 : status);
  });

  it("refuses a symbolic link that leads outside the workspace", async () => {
    const outside = mkdtempSync(join(tmpdir(), "parley-out-"));
    writeFileSync(join(outside, "secret.yaml"), "secret: 1\n");
    symlinkSync(outside, join(dir, "link"));
    expect((await http("GET", "/api/file?path=link/secret.yaml")).status).toBe(403);
    expect((await put("link/secret.yaml", { text: "x", overwrite: true })).status).toBe(403);
    expect(readFileSync(join(outside, "secret.yaml"), "utf8")).toBe("secret: 1\n");
  });

  it("refuses foreign hosts and origins, and saves without the token", async () => {
    expect((await http("GET", "/api/files", { headers: { Host: `evil.example:${server.port}` } })).status).toBe(403);
    expect((await put("chicken.yaml", { text: "x", overwrite: true }, { Origin: "http://evil.example" })).status).toBe(403);
    expect((await put("chicken.yaml", { text: "x", overwrite: true }, { "X-Parley-Token": "wrong" })).status).toBe(403);
    expect(readFileSync(join(dir, "chicken.yaml"), "utf8")).not.toBe("x");
  });

  it("refuses an oversized body", async () => {
    const big = "x".repeat(MAX_BODY_BYTES + 10);
    const r = await put("big.yaml", { text: big });
    expect(r.status).toBe(413);
    expect(readdirSync(dir)).not.toContain("big.yaml");
  });

  it("never overwrites without intent: new files, stale versions, explicit overwrite", async () => {
    const created = await put("new.yaml", { text: "a: 1\n" });
    expect(created.status).toBe(200);
    expect((await put("new.yaml", { text: "a: 2\n" })).json.code).toBe("exists");
    const stale = await put("new.yaml", { text: "a: 3\n", baseEtag: etagOf("something else") });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ code: "changed-on-disk", etag: etagOf("a: 1\n") });
    expect(readFileSync(join(dir, "new.yaml"), "utf8")).toBe("a: 1\n");
    expect((await put("new.yaml", { text: "a: 4\n", baseEtag: created.json.etag })).status).toBe(200);
    expect((await put("new.yaml", { text: "a: 5\n", overwrite: true })).status).toBe(200);
    expect(readFileSync(join(dir, "new.yaml"), "utf8")).toBe("a: 5\n");
  });

  it("leaves a whole file after concurrent saves", async () => {
    const a = "a: " + "A".repeat(200_000) + "\n";
    const b = "b: " + "B".repeat(300_000) + "\n";
    const results = await Promise.all(Array.from({ length: 10 }, (_, k) => put("race.yaml", { text: k % 2 ? a : b, overwrite: true })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect([a, b]).toContain(readFileSync(join(dir, "race.yaml"), "utf8"));
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("keeps the old file and removes the temporary one when a save fails before the rename", async () => {
    const ws = new Workspace(dir);
    writeFileSync(join(dir, "keep.yaml"), "old: 1\n");
    await expect(
      ws.write(
        "keep.yaml",
        "new: 1\n",
        { overwrite: true },
        { beforeRename: () => Promise.reject(Object.assign(new Error("no space left on device"), { code: "ENOSPC" })) },
      ),
    ).rejects.toMatchObject({ status: 507, code: "disk-full" });
    expect(readFileSync(join(dir, "keep.yaml"), "utf8")).toBe("old: 1\n");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("keeps the old file when the process dies in the middle of a save", async () => {
    writeFileSync(join(dir, "killed.yaml"), "old: 1\n");
    // A child process starts a save and is killed after writing the temporary file, before the rename.
    const script = `
      import { Workspace } from ${JSON.stringify(join(root, "src/server/workspace.ts"))};
      const ws = new Workspace(${JSON.stringify(dir)});
      await ws.write("killed.yaml", "new: " + "x".repeat(100000), { overwrite: true }, {
        beforeRename: () => { process.stdout.write("written\\n"); return new Promise(() => {}); },
      });`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((ok) => child.stdout!.on("data", (d) => String(d).includes("written") && ok()));
    child.kill("SIGKILL");
    await new Promise((ok) => child.on("exit", ok));
    expect(readFileSync(join(dir, "killed.yaml"), "utf8")).toBe("old: 1\n");
  });

  it("reports errors as JSON with a code", async () => {
    const r = await http("PUT", "/api/file?path=x.yaml", { body: "not json", headers: { "Content-Type": "application/json", "X-Parley-Token": server.token } });
    expect([r.status, r.json.code]).toEqual([400, "bad-json"]);
    expect((await http("PUT", "/api/file?path=x.yaml", { body: "{}", headers: { "X-Parley-Token": server.token } })).status).toBe(415);
    expect((await http("GET", "/api/nothing")).status).toBe(404);
    expect(new WorkspaceError(400, "bad-path", "y")).toBeInstanceOf(Error);
  });
});

describe("the workbench's folder listing and reading", () => {
  it("lists .json files only when they are Parley scenarios, and never picks package-lock.json as the default", async () => {
    const folder = mkdtempSync(join(tmpdir(), "parley-ws-json-"));
    writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "x", version: "1.0.0", config: { format: "parley/1" } }, null, 2));
    writeFileSync(join(folder, "package-lock.json"), JSON.stringify({ name: "x", lockfileVersion: 3, packages: {} }, null, 2));
    writeFileSync(join(folder, "analysis.json"), JSON.stringify({ format: "parley-analysis/1", scenario: "x" }));
    writeFileSync(join(folder, "quoted.json"), JSON.stringify({ name: 'say "format": "parley/1"', n: 1 }));
    const s = await startServer({ dir: folder, webRoot: web });
    try {
      const get = (path: string) => rawRequest(s.port, "GET", path);
      expect((await get("/api/session")).json).toMatchObject({ defaultFile: null });
      expect((await get("/api/files")).json.files).toEqual([]);
      // A scenario written as JSON is listed, and is then the default.
      const chicken = readFileSync(join(root, "scenarios/chicken.yaml"), "utf8");
      writeFileSync(join(folder, "chicken.json"), JSON.stringify({ name: "Chicken", ...parse(chicken) }, null, 2));
      writeFileSync(join(folder, "compact.json"), '{"name":"c","format":"parley/1"}');
      expect((await get("/api/files")).json.files.map((f: { path: string }) => f.path)).toEqual(["chicken.json", "compact.json"]);
      expect((await get("/api/session")).json).toMatchObject({ defaultFile: "chicken.json" });
    } finally {
      await s.close();
    }
  });

  it("refuses to open a file that is not UTF-8, instead of reading its bytes as U+FFFD", async () => {
    writeFileSync(join(dir, "latin1.yaml"), Buffer.from("format: parley/1\nname: Caf\xe9\n", "latin1"));
    const r = await http("GET", "/api/file?path=latin1.yaml");
    expect(r.status).toBe(415);
    expect(r.json).toEqual({
      code: "not-utf8",
      error:
        "'latin1.yaml' line 2, column 10: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8; the workbench does not open it, so as not to change those bytes",
    });
    expect(r.text).not.toContain("\ufffd");
  });
});
