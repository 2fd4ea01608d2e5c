/**
 * Security of the workbench and the reports: the server listens on loopback
 * only; another web page in the user's browser cannot read the token or
 * write through the API (CSRF, DNS rebinding); no path outside the folder is
 * readable or writable; scenario text is never rendered as HTML unescaped.
 */
import { mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "../helpers/http.js";
import { startServer, type RunningServer } from "../../src/server/server.js";
import { parleyOn } from "../fuzz/targets.js";

const root = resolve(import.meta.dirname, "../..");
let base: string;
let dir: string;
let server: RunningServer;

const http = (method: string, path: string, headers: Record<string, string> = {}, body?: string) => rawRequest(server.port, method, path, { headers, body });

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), "parley-sec-"));
  dir = join(base, "ws");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(dir);
  writeFileSync(join(dir, "a.yaml"), "a: 1\n");
  writeFileSync(join(base, "secret.yaml"), "secret: 1\n");
  symlinkSync(join(base, "secret.yaml"), join(dir, "link.yaml"));
  const web = join(base, "web");
  mkdirSync(web);
  writeFileSync(join(web, "index.html"), "<!doctype html><title>Parley</title>");
  server = await startServer({ dir, webRoot: web });
});
afterAll(async () => server?.close());

describe("the workbench server", () => {
  it("listens on loopback only", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await expect(startServer({ dir, host: "0.0.0.0" })).rejects.toThrow("the workbench listens on loopback only, not on 0.0.0.0");
  });

  it("answers no other Host (DNS rebinding), for the app as for the API", async () => {
    for (const path of ["/", "/api/session", "/api/files", "/api/file?path=a.yaml"]) {
      const r = await http("GET", path, { Host: `attacker.example:${server.port}` });
      expect([r.status, JSON.parse(r.text).code]).toEqual([403, "bad-host"]);
    }
    expect((await http("GET", "/", { Host: "127.0.0.1:1" })).status).toBe(403); // another port
  });

  it("gives another site neither the token nor a write (CSRF)", async () => {
    const evil = { Origin: "http://attacker.example" };
    const session = await http("GET", "/api/session", evil);
    expect(session.status).toBe(403);
    expect(session.text).not.toContain(server.token);
    // A form post or a fetch without the token; a fetch with a guessed one; the browser's 'null' origin.
    const attempts = [
      await http("POST", "/api/file?path=a.yaml", { ...evil, "Content-Type": "application/x-www-form-urlencoded" }, "text=pwned"),
      await http("PUT", "/api/file?path=a.yaml", { "Content-Type": "text/plain" }, JSON.stringify({ text: "pwned", overwrite: true })),
      await http("PUT", "/api/file?path=a.yaml", { "Content-Type": "application/json" }, JSON.stringify({ text: "pwned", overwrite: true })),
      await http(
        "PUT",
        "/api/file?path=a.yaml",
        { ...evil, "Content-Type": "application/json", "X-Parley-Token": server.token },
        JSON.stringify({ text: "pwned", overwrite: true }),
      ),
      await http(
        "PUT",
        "/api/file?path=a.yaml",
        { Origin: "null", "Content-Type": "application/json", "X-Parley-Token": server.token },
        JSON.stringify({ text: "pwned", overwrite: true }),
      ),
    ];
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
    expect(readFileSync(join(dir, "a.yaml"), "utf8")).toBe("a: 1\n");
    // No CORS: a preflight gets no permission, and no answer names another origin.
    const preflight = await http("OPTIONS", "/api/file?path=a.yaml", { ...evil, "Access-Control-Request-Method": "PUT" });
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    expect((await http("GET", "/api/files")).headers["access-control-allow-origin"]).toBeUndefined();
  });

  it.each([
    "../secret.yaml",
    "..%2fsecret.yaml",
    "..%5csecret.yaml",
    "%2e%2e%2fsecret.yaml",
    "%2e%2e/secret.yaml",
    "sub%2f..%2f..%2fsecret.yaml",
    "/etc/passwd",
    "%2fetc%2fpasswd",
    "C:%5cWindows%5cwin.ini",
    "%5c%5cserver%5cshare%5cx.yaml",
    "link.yaml",
    "a.yaml%00.txt",
  ])("reads and writes nothing outside the folder through %s", async (query) => {
    const read = await http("GET", `/api/file?path=${query}`);
    expect(read.status).toBeGreaterThanOrEqual(400);
    expect(read.text).not.toContain("secret: 1");
    const write = await http(
      "PUT",
      `/api/file?path=${query}`,
      { "Content-Type": "application/json", "X-Parley-Token": server.token },
      JSON.stringify({ text: "pwned: 1\n", overwrite: true }),
    );
    expect(write.status).toBeGreaterThanOrEqual(400);
    expect(readFileSync(join(base, "secret.yaml"), "utf8")).toBe("secret: 1\n");
    expect(readdirSync(base).sort()).toEqual(["secret.yaml", "web", "ws"]);
  });

  it("serves no file outside the app folder", async () => {
    for (const path of ["/../ws/a.yaml", "/..%2fws%2fa.yaml", "/%2e%2e/secret.yaml", "/..%5csecret.yaml", "/%00"]) {
      const r = await http("GET", path);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.text).not.toMatch(/secret: 1|a: 1/);
    }
  });
});

const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`;

describe("scenario text is never rendered as HTML", () => {
  it("the HTML report escapes every scenario-supplied string", async () => {
    const scenario = {
      format: "parley/1",
      name: `Name ${HOSTILE}`,
      description: `Description ${HOSTILE}`,
      note: `Note ${HOSTILE}`,
      sources: [`Source ${HOSTILE}`],
      limitations: [`Limitation ${HOSTILE}`],
      decisionMakers: [
        {
          id: "a",
          name: `DM ${HOSTILE}`,
          options: [{ id: "x", label: `Label ${HOSTILE}`, whenTaken: `taken ${HOSTILE}`, whenNotTaken: `not taken ${HOSTILE}`, sources: [`S ${HOSTILE}`] }],
        },
        { id: "b", name: `Other ${HOSTILE}`, options: [{ id: "y", label: `L2 ${HOSTILE}` }] },
      ],
      infeasible: [{ condition: "x & y", note: `constraint ${HOSTILE}` }],
      statusQuo: { state: "NN", note: `today ${HOSTILE}` },
      preferences: { a: [{ statement: "x", note: `why ${HOSTILE}` }, "!y"], b: [{ statement: "y", note: `why ${HOSTILE}` }] },
      goals: [{ title: `Goal ${HOSTILE}`, condition: "x", note: `goal note ${HOSTILE}` }],
    };
    const r = await parleyOn({ "h.json": JSON.stringify(scenario) }, ["report", "h.json", "--format", "html"]);
    expect(r.code).toBe(0);
    const html = r.stdout || [...r.written.values()][0];
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toMatch(/<script>alert|<img src=x/i);
    expect(html).not.toMatch(/onerror=alert\(2\)>/); // only ever inside escaped text
  });

  it("the workbench puts HTML into the page in four reviewed places only, and escapes the scenario's words there", () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (/\.ts$/.test(e.name)) files.push(join(d, e.name));
      }
    };
    walk(join(root, "web/src"));
    const sinks = files.filter((f) => /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|srcdoc/.test(readFileSync(f, "utf8")));
    // Each place that hands HTML to the page, and why it is safe; a new one must be added here after review.
    expect(sinks.map((f) => f.slice(root.length + 1)).sort()).toEqual([
      "web/src/page/views/bargain-view.ts",
      "web/src/page/views/forecast-view.ts",
      "web/src/page/views/report-view.ts",
      "web/src/page/views/state-table.ts",
    ]);
    // The report shows in an iframe with every sandbox restriction (no scripts), from the escaped HTML report.
    expect(readFileSync(join(root, "web/src/page/views/report-view.ts"), "utf8")).toMatch(/h\("iframe", \{[^}]*sandbox: ""/);
    // The bargaining chart's SVG escapes its words (names, labels, titles).
    const chart = readFileSync(join(root, "web/src/charts/bargain-chart.ts"), "utf8");
    expect(chart).toContain('const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;")');
    expect(chart).not.toMatch(/<title>\$\{(?!esc\()/);
    // The forecast's question charts escape their words too (the question, dates, titles); the rest is numbers.
    const forecastChart = readFileSync(join(root, "web/src/charts/forecast-chart.ts"), "utf8");
    expect(forecastChart).toContain('const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;")');
    expect(forecastChart).not.toMatch(/<title>\$\{(?!esc\()/);
    expect(forecastChart).not.toMatch(/aria-label="\$\{(?!esc\()/);
    // There, every text that comes from the scenario (state words, DM names, concept lists) goes through escape().
    const table = readFileSync(join(root, "web/src/page/views/state-table.ts"), "utf8");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the test reads the template's source text
    expect(table).toContain("${escape(r.words)}");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: as above
    expect(table).toContain('title="${escape(r.words)}"');
    expect(table).toMatch(/title="\$\{escape\(`\$\{c\}: stable for \$\{who/);
    const draw = table.slice(table.indexOf("private draw("), table.indexOf("body.innerHTML"));
    expect(draw.length).toBeGreaterThan(500);
    expect(draw).not.toMatch(/\$\{(r\.words|who\.join[^}]*|dm\.name|m\.dms[^}]*)\}/);
    expect(table).toMatch(/function escape\(s: string\): string \{\n\s+return s\.replace\(\/\[&<>"'\]\/g/);
  });
});
