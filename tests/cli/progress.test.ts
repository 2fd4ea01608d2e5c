/** Long analyses: the engine's steps, progress on a terminal, and Ctrl-C with exit code 130. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { readTextFile, writeTextFile } from "../../src/cli/io.js";
import { analyze, analyzeSteps, compileScenario, validateData, CONCEPTS } from "../../src/index.js";
import { generateScenarioData } from "../../bench/generate.js";

// 4 parties with 15 options and no constraints: 32,768 states, enough to show progress.
const data = { ...generateScenarioData(4, 15, 3), infeasible: [] };
const dir = mkdtempSync(join(tmpdir(), "parley-progress-"));
const file = join(dir, "big.yaml");
writeFileSync(file, stringify(data));

function tty(onStderr: (t: string, interrupt: () => void) => void) {
  let stdout = "";
  let stderr = "";
  let handler: (() => void) | undefined;
  return {
    out: () => ({ stdout, stderr }),
    io: {
      stdout: (t: string) => void (stdout += t),
      stderr: (t: string) => {
        stderr += t;
        onStderr(t, () => handler?.());
      },
      readText: readTextFile,
      writeText: writeTextFile,
      isTTY: true,
      onInterrupt: (h: () => void) => {
        handler = h;
        return () => void (handler = undefined);
      },
    },
  };
}

describe("long analyses", () => {
  it("pause after every DM's moves and every concept pass, and end with the same result as analyze()", () => {
    const m = compileScenario(validateData(data).scenario!);
    const steps = analyzeSteps(m);
    const seen: string[] = [];
    let step = steps.next();
    while (!step.done) {
      seen.push(`${step.value.done}/${step.value.total} ${step.value.label}`);
      step = steps.next();
    }
    expect(seen).toHaveLength(4 + 5 * 4);
    expect(seen[0]).toBe("1/24 moves of dm0");
    expect(seen.at(-1)).toBe("24/24 SIM for dm3");
    expect(step.value.equilibria).toEqual(analyze(m, { concepts: CONCEPTS }).equilibria);
  });

  it("show progress on a terminal", async () => {
    const t = tty(() => undefined);
    const code = await run(["analyze", file, "-c", "Nash", "-f", "json"], t.io);
    expect(code).toBe(0);
    expect(t.out().stderr).toMatch(/\d+% Nash for dm\d \(Ctrl-C stops\)/);
    expect(JSON.parse(t.out().stdout).states).toHaveLength(32768);
  });

  it("stop on Ctrl-C with exit code 130 and no output", async () => {
    const t = tty((text, interrupt) => text.includes("moves of dm0") && interrupt());
    const code = await run(["analyze", file], t.io);
    expect(code).toBe(130);
    expect(t.out().stdout).toBe("");
    expect(t.out().stderr).toContain("parley: interrupted\n");
  });
});
