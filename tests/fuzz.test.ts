/**
 * Seeded fuzzing of every input path (tests/fuzz/targets.ts): 2,000 cases
 * each, every one ending in a result or a clear refusal. `npm run fuzz` runs
 * the same paths for longer. Below, the crashes the fuzzer found, each with
 * its minimal input, so they stay fixed.
 */
import { describe, expect, it } from "vitest";
import { fuzzPath, showCase } from "./fuzz/runner.js";
import { checkCli, parleyOn, PATHS } from "./fuzz/targets.js";
import { parseExpr, ExprSyntaxError } from "../src/format/expr.js";

const RUNS = 2000;
const SEED = 20250601;

describe("fuzzing", () => {
  it.each(PATHS.map((p) => [p.name, p] as const))(`%s: ${RUNS} seeded cases end in a result or a clear refusal`, async (_name, path) => {
    const r = await fuzzPath(path, { runs: RUNS, seed: SEED });
    if (r.failure) expect.fail(`${r.failure.error}\nminimal input: ${showCase(r.failure.counterexample)}`);
    expect(r.runs).toBe(RUNS);
    // Both outcomes occur: the generators reach the analysis and also break the input.
    expect(r.ok).toBeGreaterThan(RUNS / 20);
    expect(r.refused).toBeGreaterThan(RUNS / 20);
  });
});

const SMALL = (extra: Record<string, unknown>) =>
  JSON.stringify({
    format: "parley/1",
    name: "regression",
    decisionMakers: [
      { id: "a", options: [{ id: "x" }, { id: "y" }] },
      { id: "b", options: [{ id: "z" }] },
    ],
    statusQuo: "NNN",
    preferences: { a: ["x"], b: ["z"] },
    ...extra,
  });

describe("crashes the fuzzer found, with their minimal inputs", () => {
  it("a statement nested thousands of levels deep is refused, not a stack overflow", async () => {
    for (const text of ["(".repeat(5000) + "x" + ")".repeat(5000), "!".repeat(100_000) + "x", "(!".repeat(5000) + "x" + ")".repeat(5000)]) {
      expect(() => parseExpr(text)).toThrow(ExprSyntaxError);
      const r = await parleyOn({ "s.json": SMALL({ preferences: { a: [text], b: ["z"] } }) }, ["analyze", "s.json"]);
      expect(checkCli(r, "deep statement")).toBe("refused");
    }
    expect(() => parseExpr("(".repeat(101) + "x" + ")".repeat(101))).toThrow("nests parentheses and negations more than 100 levels deep");
    expect(parseExpr("(".repeat(100) + "x" + ")".repeat(100))).toMatchObject({ kind: "var", id: "x" });
  });

  it("an HTML article with no element at all is ingested, not a crash inside the DOM library", async () => {
    const r = await parleyOn({ "page.html": ">Water t" }, ["ingest", "page.html", "-f", "json"]);
    expect(checkCli(r, "ingest")).toBe("refused");
    expect(r.stderr).not.toContain("firstElementChild");
  });

  it("a field named like an Object method ('toString') gets a plain unknown-field message", async () => {
    const r = await parleyOn({ "t.json": SMALL({ toString: { "": 0 } }) }, ["validate", "t.json"]);
    expect(checkCli(r, "validate")).toBe("refused");
    expect(r.stderr).toContain("unknown field 'toString'");
  });

  it("a gmcr-py file whose parley ids are not text is imported from the names", async () => {
    const file = {
      program: "gmcr-py",
      options: [{ name: "Build", permittedDirection: "both" }, null],
      decisionMakers: [{ name: "Gov", options: [0, 1], preferences: [] }],
      infeasibles: [],
      parley: { options: [{ id: 5 }], decisionMakers: [{ id: [] }] },
    };
    const r = await parleyOn({ "f.gmcr": JSON.stringify(file) }, ["import", "f.gmcr", "-o", "f.yaml"]);
    expect(checkCli(r, "import")).toBe("ok");
    expect(r.written.get("f.yaml")).toMatch(/- id: build\n/);
  });
});
