/**
 * The workbench's forecast log (POST /api/forecast-log): records are checked
 * and appended, never rewritten; paths stay inside the folder and end in
 * .jsonl; a backdated forecast or one of retrodictions only is refused; the
 * session token is needed.
 */
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "../helpers/http.js";
import { startServer, type RunningServer } from "../../src/server/server.js";
import { recordProblem } from "../../src/interchange/forecast-log.js";

let dir: string;
let server: RunningServer;
const today = () => new Date().toISOString().slice(0, 10);

const record = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: "parley-forecast-record/1",
    made: today(),
    scenario: { name: "Test", hash: "sha256:00" },
    question: { id: "q1", text: "Will it happen?" },
    probability: 0.25,
    by: "2099-12-31",
    retrodiction: false,
    holdsToday: false,
    ...over,
  });

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  rawRequest(server.port, "POST", `/api/forecast-log?path=${encodeURIComponent(path)}`, {
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "Content-Type": "application/json", "X-Parley-Token": server.token, ...headers },
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "parley-log-"));
  const web = mkdtempSync(join(tmpdir(), "parley-web-"));
  writeFileSync(join(web, "index.html"), "<!doctype html><title>Parley</title>");
  server = await startServer({ dir, webRoot: web });
});
afterAll(async () => server?.close());

describe("the forecast log endpoint", () => {
  it("appends the records, creating the log, and never rewrites what is there", async () => {
    const lines = `${record()}\n${record({ question: { id: "q2", text: "And this?" }, retrodiction: true, by: "2020-01-01" })}\n`;
    const r = await post("forecasts.jsonl", { lines });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ path: "forecasts.jsonl", records: 2, retrodictions: 1 });
    expect(readFileSync(join(dir, "forecasts.jsonl"), "utf8")).toBe(lines);
    // A log edited by hand without a final line break: the next line starts on a line of its own.
    writeFileSync(join(dir, "forecasts.jsonl"), `${lines}# a note`);
    expect((await post("forecasts.jsonl", { lines: record() })).status).toBe(200);
    expect(readFileSync(join(dir, "forecasts.jsonl"), "utf8")).toBe(`${lines}# a note\n${record()}\n`);
  });

  it("refuses a backdated forecast and one of retrodictions only, appending nothing", async () => {
    const before = readFileSync(join(dir, "forecasts.jsonl"), "utf8");
    const old = await post("forecasts.jsonl", { lines: record({ made: "2025-01-01" }) });
    expect(old.status).toBe(422);
    expect(old.json.code).toBe("backdated");
    const retro = await post("forecasts.jsonl", { lines: record({ retrodiction: true, by: "2020-01-01" }) });
    expect(retro.status).toBe(422);
    expect(retro.json.code).toBe("retrodiction-only");
    expect(readFileSync(join(dir, "forecasts.jsonl"), "utf8")).toBe(before);
  });

  it("refuses lines that are not records", async () => {
    for (const lines of ["", "not json", JSON.stringify({ format: "parley/1" }), record({ probability: 2 }), record({ extra: 1 })]) {
      const r = await post("forecasts.jsonl", { lines });
      expect(r.status, lines).toBe(422);
      expect(r.json.code).toBe("bad-record");
    }
    expect((await post("forecasts.jsonl", { text: "x" })).json.code).toBe("bad-body");
    expect((await post("forecasts.jsonl", "{")).json.code).toBe("bad-json");
    expect(recordProblem(JSON.parse(record()))).toBeNull();
  });

  it("keeps to the folder and to .jsonl files", async () => {
    const lines = record();
    expect((await post("../escape.jsonl", { lines })).json.code).toBe("outside-workspace");
    expect((await post("/tmp/escape.jsonl", { lines })).json.code).toBe("outside-workspace");
    expect((await post(".hidden.jsonl", { lines })).json.code).toBe("hidden-path");
    expect((await post("scenario.yaml", { lines })).json.code).toBe("bad-extension");
    expect((await post("missing/log.jsonl", { lines })).json.code).toBe("not-found");
    const outside = mkdtempSync(join(tmpdir(), "parley-out-"));
    symlinkSync(join(outside, "log.jsonl"), join(dir, "link.jsonl"));
    expect((await post("link.jsonl", { lines })).json.code).toBe("symlink");
    expect(existsSync(join(outside, "log.jsonl"))).toBe(false);
  });

  it("needs the session token, JSON and POST", async () => {
    expect((await post("forecasts.jsonl", { lines: record() }, { "X-Parley-Token": "wrong" })).json.code).toBe("bad-token");
    expect((await post("forecasts.jsonl", { lines: record() }, { "Content-Type": "text/plain" })).json.code).toBe("bad-content-type");
    expect((await rawRequest(server.port, "GET", "/api/forecast-log?path=forecasts.jsonl")).status).toBe(405);
  });
});
