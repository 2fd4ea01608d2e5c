/**
 * The built `parley` (dist/cli/main.js) with real standard input and real
 * signals (issue 13): `-` reads standard input; Ctrl-C and SIGTERM stop a
 * long synchronous command within about a second, with exit code 130 and no
 * partial -o file.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { generateScenarioData } from "../../bench/generate.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "dist/cli/main.js");
const chicken = readFileSync(join(root, "scenarios/chicken.yaml"), "utf8");

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function parley(args: string[], opts: { input?: string | Buffer; cwd?: string; stdin?: "ignore" } = {}): Promise<Result> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: opts.cwd ?? root, stdio: [opts.stdin ?? "pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("close", (code) => done({ code, stdout, stderr }));
    if (child.stdin) child.stdin.end(opts.input ?? "");
  });
}

describe("- reads standard input", () => {
  it("for a scenario: the same result as from the file", async () => {
    const piped = await parley(["analyze", "-", "-f", "json"], { input: chicken });
    const file = await parley(["analyze", "scenarios/chicken.yaml", "-f", "json"]);
    expect([piped.code, piped.stderr]).toEqual([0, ""]);
    expect(piped.stdout).toBe(file.stdout);
    const compared = await parley(["compare", "-", "scenarios/chicken.yaml"], { input: chicken });
    expect(compared.stdout).toMatch(/^Comparing <stdin> \(Chicken\) with scenarios\/chicken\.yaml \(Chicken\)\n/);
  });

  it("names standard input with line and column in errors", async () => {
    const r = await parley(["analyze", "-"], { input: "name: x\ndecisionMakers: [\n" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^parley: <stdin>:\d+:\d+: YAML syntax error/);
    expect(r.stderr).not.toMatch(/at .*\.js/); // no stack trace
  });

  it("calls empty input empty (not UTF-16), and refuses bytes that are not UTF-8 with where they are", async () => {
    for (const input of ["", " \n\n"]) {
      const r = await parley(["analyze", "-"], { input });
      expect([r.code, r.stdout, r.stderr]).toEqual([2, "", "parley: <stdin>: the file is empty: a scenario starts with `format: parley/1`\n"]);
    }
    const latin1 = Buffer.from("format: parley/1\nname: x\n# caf\xe9 au lait\n", "latin1");
    const r = await parley(["analyze", "-"], { input: latin1 });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, "", "parley: <stdin>:3:6: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8\n"]);
  });

  it("for an article to ingest, or a gazetteer", async () => {
    const article = readFileSync(join(root, "corpus/ingest/river-dispute.txt"), "utf8");
    const r = await parley(["ingest", "-", "-f", "json"], { input: article });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ article: "<stdin>", title: "Valdoria and Corland agree to talks on disputed river" });
    const gazetteer = readFileSync(join(root, "corpus/ingest/river-dispute.gazetteer.yaml"), "utf8");
    const g = await parley(["ingest", "corpus/ingest/river-dispute.txt", "--gazetteer", "-"], { input: gazetteer });
    const file = await parley(["ingest", "corpus/ingest/river-dispute.txt", "--gazetteer", "corpus/ingest/river-dispute.gazetteer.yaml"]);
    expect([g.code, g.stdout]).toEqual([0, file.stdout]);
  });

  it("resolves a scenario's what-if files against the current folder, and is refused twice", async () => {
    const ukraine = readFileSync(join(root, "scenarios/ukraine-2025.yaml"), "utf8");
    const r = await parley(["report", "-", "-f", "json"], { input: ukraine, cwd: join(root, "scenarios") });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).whatIfs.length).toBeGreaterThan(0);
    const twice = await parley(["compare", "-", "-"], { input: chicken });
    expect([twice.code, twice.stderr]).toEqual([2, "parley: standard input (-) is given more than once; at most one file argument can read it\n"]);
  });

  it("does not hang without standard input (an empty one is an empty scenario)", async () => {
    const r = await parley(["analyze", "-"], { stdin: "ignore" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^parley: <stdin>/);
  });
});

describe("Ctrl-C and SIGTERM on a long run", () => {
  // 4 parties, 17 options: 131,072 states, where `report` takes minutes (every single change of the priorities).
  const dir = mkdtempSync(join(tmpdir(), "parley-signal-"));
  writeFileSync(join(dir, "big.yaml"), stringify({ ...generateScenarioData(4, 17, 3), infeasible: [] }));

  for (const [signal, threads] of [
    ["SIGINT", "1"],
    ["SIGTERM", "2"],
  ] as const)
    it(`stops parley report (-j ${threads}) on ${signal} with 130, the message, and no -o file`, async () => {
      const child = spawn(process.execPath, [bin, "report", "big.yaml", "-j", threads, "-o", "report.txt"], { cwd: dir });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      const exited = new Promise<number | null>((ok) => child.on("exit", (code) => ok(code)));
      // Under way: the model is loaded and being analysed (synchronously with -j 1).
      await new Promise((ok) => setTimeout(ok, 1500));
      const sent = Date.now();
      child.kill(signal);
      const code = await exited;
      expect(Date.now() - sent).toBeLessThan(3000);
      expect(code).toBe(130);
      expect(stderr).toBe("parley: interrupted\n");
      expect(readdirSync(dir)).toEqual(["big.yaml"]);
    });
});
