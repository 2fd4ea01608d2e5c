/**
 * Resource limits on what a file or a request controls: each refusal names
 * its limit and how to raise it, and raising it lets the same input through.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, parseLimits } from "../../src/format/limits.js";
import { compileScenario, parseScenario } from "../../src/index.js";
import { startServer } from "../../src/server/server.js";
import { checkCli, parleyOn, type CliRun } from "../fuzz/targets.js";

const scenario = (extra: Record<string, unknown> = {}, prefs: unknown[] = ["x"]) =>
  JSON.stringify({
    format: "parley/1",
    name: "limits",
    decisionMakers: [{ id: "a", options: [{ id: "x" }, { id: "y" }] }],
    statusQuo: "NN",
    preferences: { a: prefs },
    ...extra,
  });

async function cli(text: string, argv: string[] = ["validate"], file = "f.yaml"): Promise<CliRun> {
  return parleyOn({ [file]: text }, [argv[0], file, ...argv.slice(1)]);
}

function refused(r: CliRun, ...parts: (string | RegExp)[]): void {
  expect(checkCli(r, "limit")).toBe("refused");
  for (const p of parts) typeof p === "string" ? expect(r.stderr).toContain(p) : expect(r.stderr).toMatch(p);
}

afterEach(() => {
  delete process.env.PARLEY_LIMITS;
});

describe("limits on scenario files, raised with PARLEY_LIMITS", () => {
  it("file size", async () => {
    process.env.PARLEY_LIMITS = "fileSize=100";
    const text = scenario();
    refused(await cli(text), `the file has ${text.length} characters, over the limit fileSize=100; raise it with PARLEY_LIMITS=fileSize=${text.length}`);
    process.env.PARLEY_LIMITS = `fileSize=${text.length}`;
    expect((await cli(text)).code).toBe(0);
  });

  it("YAML alias expansion (an alias bomb of a billion nodes)", async () => {
    const bomb = [
      "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]",
      ...Array.from({ length: 9 }, (_, k) => `a${k + 1}: &a${k + 1} [${Array(10).fill(`*a${k}`).join(", ")}]`),
    ];
    const text = `format: parley/1\nname: bomb\nx_anchors:\n${bomb.map((l) => `  ${l}`).join("\n")}\ndescription: *a9\n`;
    refused(await cli(text), "the file's YAML aliases expand too much", "over the limit aliases=1,000; raise it with PARLEY_LIMITS=aliases=10000");
    // Ordinary use of anchors is fine.
    const ok = `format: parley/1\nname: anchors\ndecisionMakers:\n  - id: a\n    options: [{ id: x, note: &n shared note }, { id: y, note: *n }]\nstatusQuo: NN\npreferences:\n  a: [x]\n`;
    expect((await cli(ok)).code).toBe(0);
  });

  it("nesting of lists and mappings", async () => {
    const deep = (n: number) => `format: parley/1\nname: deep\nnote: ${"[".repeat(n)}${"]".repeat(n)}\n`;
    refused(
      await cli(deep(65)),
      /f\.yaml:3:\d+: lists and mappings nested more than 64 levels deep; over the limit depth=64; raise it with PARLEY_LIMITS=depth=128/,
    );
    // Far deeper than the parser's stack: still a clear message.
    refused(await cli(deep(100_000)), "nested too deeply to read");
    process.env.PARLEY_LIMITS = "depth=70";
    refused(await cli(deep(65)), "'note' should be text"); // past the limit, on to the next check
  });

  it("statement length", async () => {
    const long = Array.from({ length: 500 }, (_, k) => (k % 2 ? "x" : "!y")).join(" | ");
    expect(long.length).toBeGreaterThan(DEFAULT_LIMITS.statementLength);
    refused(
      await cli(scenario({}, [long])),
      `has ${long.length.toLocaleString("en-US")} characters, over the limit statementLength=2,000; raise it with PARLEY_LIMITS=statementLength=${long.length}`,
      "… (",
    );
    process.env.PARLEY_LIMITS = `statementLength=${long.length}`;
    expect((await cli(scenario({}, [long]))).code).toBe(0);
  });

  it("statement nesting depth (fixed: it guards the parser's stack)", async () => {
    refused(
      await cli(scenario({}, ["(".repeat(101) + "x" + ")".repeat(101)])),
      "nests parentheses and negations more than 100 levels deep; write it flatter or split it",
    );
    expect((await cli(scenario({}, ["(".repeat(100) + "x" + ")".repeat(100)]))).code).toBe(0);
  });

  it("number of infeasibility conditions", async () => {
    const many = Array.from({ length: 1001 }, () => "x & y");
    refused(
      await cli(scenario({ infeasible: many })),
      "1,001 infeasibility entries, over the limit conditions=1,000; raise it with PARLEY_LIMITS=conditions=1001",
    );
    process.env.PARLEY_LIMITS = "conditions=1001";
    expect((await cli(scenario({ infeasible: many }))).code).toBe(0);
  });

  it("robustness samples and exact enumeration", async () => {
    const text = scenario({}, [{ statement: "x", probability: 0.5 }]);
    refused(
      await cli(text, ["robustness", "--samples", "20000000"]),
      "--samples 20,000,000 asks for more profiles",
      "over the limit samples=10,000,000; raise it with PARLEY_LIMITS=samples=20000000",
    );
    refused(await cli(text, ["robustness", "--exact-limit", "10000001"]), "over the limit samples=10,000,000");
  });

  it("refuses an unknown limit name or a bad value", async () => {
    process.env.PARLEY_LIMITS = "statementLen=5";
    refused(
      await cli(scenario()),
      "PARLEY_LIMITS: unknown limit 'statementLen'; the limits are fileSize, aliases, depth, statementLength, conditions, samples",
    );
    expect(() => parseLimits("depth=-1")).toThrow("'depth=-1' needs a positive whole number, as in depth=64");
    expect(parseLimits(" aliases = 5_000 ").aliases).toBe(5000);
  });
});

describe("fixed limits of the engine say so", () => {
  it("options, statements per decision maker and unknown pairs", async () => {
    const wide = (n: number) =>
      JSON.stringify({
        format: "parley/1",
        name: "wide",
        decisionMakers: [{ id: "a", options: Array.from({ length: n }, (_, k) => ({ id: `o${k}` })) }],
        statusQuo: "N".repeat(n),
        preferences: { a: ["o0"] },
      });
    // One limit, stated the same way by validation and compilation: 28 options (29 used to pass validation and fail on 2^28 later).
    const message =
      "Parley handles at most 28 (a fixed limit: 2^28 = 268,435,456 candidate states is the most it enumerates); join options or split the conflict";
    refused(await cli(wide(31)), `the scenario has 31 options; ${message}`);
    refused(await cli(wide(29), ["validate", "--max-states", String(2 ** 29)]), `the scenario has 29 options; ${message}`);
    expect(() =>
      compileScenario({
        ...parseScenario(wide(2)),
        options: Array.from({ length: 29 }, (_, k) => ({ id: `o${k}`, label: `o${k}`, dm: 0, direction: "both" as const })),
      }),
    ).toThrow(`the scenario has 29 options; ${message}`);
    refused(await cli(wide(28)), "28 options, so 268,435,456 candidate states: over the limit of 16,777,216; raise it with --max-states 268435456");
    refused(
      await cli(
        scenario(
          {},
          Array.from({ length: 53 }, () => "x"),
        ),
      ),
      "53 statements; at most 52 per decision maker (a fixed limit",
    );
    const unknown = Array.from({ length: 32 }, () => ({ between: "x", and: "y" }));
    refused(
      await cli(JSON.stringify({ ...JSON.parse(scenario()), preferences: { a: { statements: ["x"], unknown } } })),
      "32 unknown-preference entries; at most 31 per decision maker (a fixed limit",
    );
  });

  it("the state space, also on import", async () => {
    const options = Array.from({ length: 12 }, (_, k) => ({ id: `o${k}` }));
    const wide = JSON.stringify({
      format: "parley/1",
      name: "wide",
      decisionMakers: [{ id: "a", options }],
      statusQuo: "N".repeat(12),
      preferences: { a: ["o0"] },
    });
    refused(
      await cli(wide, ["validate", "--max-states", "1000"]),
      "12 options, so 4,096 candidate states: over the limit of 1,000; raise it with --max-states 4096",
    );
    const gmcr = JSON.stringify({
      options: options.map((o) => ({ name: o.id })),
      decisionMakers: [{ name: "A", options: options.map((_, k) => k), preferences: [] }],
      infeasibles: [],
    });
    refused(await cli(gmcr, ["import", "--max-states", "1000"], "f.gmcr"), "raise it with --max-states 4096");
    expect((await cli(gmcr, ["import", "--max-states", "4096"], "f.gmcr")).code).toBe(0);
  });
});

describe("limits of the workbench server", () => {
  it("file and body size, raised with --max-file-size", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-limits-"));
    writeFileSync(join(dir, "big.yaml"), "x".repeat(1500));
    const web = mkdtempSync(join(tmpdir(), "parley-limits-web-"));
    const server = await startServer({ dir, webRoot: web, maxFileBytes: 1000 });
    const send = (method: string, path: string, body?: string) =>
      new Promise<{ status: number; json: { error: string; code: string } }>((ok, fail) => {
        const req = request(
          { host: "127.0.0.1", port: server.port, method, path, headers: { "Content-Type": "application/json", "X-Parley-Token": server.token } },
          (res) => {
            let t = "";
            res.on("data", (c) => (t += c));
            res.on("end", () => ok({ status: res.statusCode ?? 0, json: JSON.parse(t) }));
          },
        );
        req.on("error", fail);
        req.end(body);
      });
    try {
      const read = await send("GET", "/api/file?path=big.yaml");
      expect(read.status).toBe(413);
      expect(read.json.error).toBe(
        "'big.yaml' has 1,500 bytes, over the limit of 1,000 bytes per file; start the server with parley serve --max-file-size BYTES to raise it",
      );
      const save = await send("PUT", "/api/file?path=new.yaml", JSON.stringify({ text: "y".repeat(1500) }));
      expect([save.status, save.json.code]).toEqual([413, "too-large"]);
      expect(save.json.error).toContain("--max-file-size");
      const body = await send("PUT", "/api/file?path=other.yaml", JSON.stringify({ text: "a", pad: "z".repeat(7000) }));
      expect(body.status).toBe(413);
      expect(body.json.error).toBe(
        "the request body is larger than 6,096 bytes (room for a file of 1,000 bytes, the limit per file); start the server with parley serve --max-file-size BYTES to raise it",
      );
    } finally {
      await server.close();
    }
  });
});
