/**
 * How the built bin starts (issue 18: start-up within 3x a bare node): a
 * quick command on a small model runs on the main thread, without the
 * command thread that the other runs start; text is measured exactly, with
 * string-width loaded only when the text needs it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { generateScenarioData } from "../../bench/generate.js";
import { readCompactAnalysis } from "../../src/present/analysis-compact-read.js";
import { loadedBy } from "../helpers/loaded-modules.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "dist/cli/main.js");

describe("the built bin's start", () => {
  it("runs a quick command on a small model on the main thread; a larger model, standard input or an -o file on a thread of its own", () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-inplace-"));
    // 15 options, 32,768 candidate states: past the 2^14 a run on the main thread is for.
    writeFileSync(join(dir, "big.yaml"), stringify({ ...generateScenarioData(3, 15, 2), infeasible: [] }));
    writeFileSync(join(dir, "small.yaml"), readFileSync(join(root, "scenarios/chicken.yaml"), "utf8"));
    expect(loadedBy(bin, ["analyze", "small.yaml"], dir).thread).toBe(false);
    expect(loadedBy(bin, ["explain", "small.yaml", "1"], dir).thread).toBe(false);
    expect(loadedBy(bin, ["analyze", "small.yaml", "-o", "out.txt"], dir).thread).toBe(true);
    expect(loadedBy(bin, ["analyze", "big.yaml", "-f", "json", "--compact"], dir).thread).toBe(true);
    expect(loadedBy(bin, ["report", "small.yaml"], dir).thread).toBe(true);
    // The large model's result is whole: the run on the main thread stopped before printing anything.
    const big = spawnSync(process.execPath, [bin, "analyze", "big.yaml", "-f", "json", "--compact"], { cwd: dir, encoding: "utf8" });
    expect(big.status).toBe(0);
    expect(readCompactAnalysis(JSON.parse(big.stdout)).stateCount).toBe(2 ** 15);
    // Its user errors are the thread's, said once.
    const over = spawnSync(process.execPath, [bin, "analyze", "big.yaml", "--max-states", "20000"], { cwd: dir, encoding: "utf8" });
    expect([over.status, over.stdout, over.stderr.match(/state-space|candidate states/g)?.length]).toEqual([2, "", 1]);
  });

  it("aligns a table by the exact width of emoji clusters (loaded for the text that needs it)", () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-widths-"));
    // A family (three emoji joined: 2 columns, 6 by each code point) in the meaning column, before the column of who controls.
    const chicken = readFileSync(join(root, "scenarios/chicken.yaml"), "utf8").replace("label: Driver A swerves", "label: Driver A swerves 👨‍👩‍👧");
    writeFileSync(join(dir, "emoji.yaml"), chicken);
    const out = spawnSync(process.execPath, [bin, "analyze", "emoji.yaml"], { cwd: dir, encoding: "utf8" }).stdout;
    const rows = out.split("\n").filter((l) => /^ {2}[12] {2}[ab]_swerves/.test(l));
    expect(rows).toHaveLength(2);
    const controlledAt = rows.map((l) => stringWidth(l.slice(0, l.lastIndexOf("Driver "))));
    expect(controlledAt[0]).toBe(controlledAt[1]);
  });
});
