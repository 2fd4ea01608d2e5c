/** The README and docs show real output: their examples are checked against the CLI. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parley } from "./helpers/cli.js";

/** The fenced block that follows `marker` in a Markdown file. */
function blockAfter(file: string, marker: string): string[] {
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(marker);
  expect(start, `${marker} in ${file}`).toBeGreaterThan(-1);
  const open = text.indexOf("```", start);
  const body = text.slice(text.indexOf("\n", open) + 1, text.indexOf("```", open + 3));
  return body.split("\n").filter((l) => l.trim() !== "");
}

describe("documentation examples", () => {
  it("README's first screen is what `npm start` prints", async () => {
    // The bottom line is dated the day the report is made: the README shows the day it was taken.
    process.env.PARLEY_TODAY = "2026-12-07";
    const out = (await parley("report")).stdout.split("\n");
    delete process.env.PARLEY_TODAY;
    const shown = blockAfter("README.md", "Its first screen").filter((l) => l.trim() !== "…");
    let from = 0;
    for (const line of shown) {
      const at = out.indexOf(line, from);
      expect(at, `README line not in the output, in order: ${line}`).toBeGreaterThan(-1);
      from = at + 1;
    }
  });

  it("README's library example runs against the package as installed, and prints what it shows", () => {
    // The package as a dependency of another project: node_modules/parley-gmcr links to this repository (its dist/ and exports).
    const dir = mkdtempSync(join(tmpdir(), "parley-library-"));
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(process.cwd(), join(dir, "node_modules", "parley-gmcr"), "dir");
    const text = readFileSync("README.md", "utf8");
    const start = text.indexOf("In Node:");
    const code = text.slice(text.indexOf("```js", start) + 6, text.indexOf("```", text.indexOf("```js", start) + 6));
    expect(code).toContain('from "parley-gmcr"');
    writeFileSync(join(dir, "example.mjs"), code);
    const out = execFileSync(process.execPath, [join(dir, "example.mjs")], { encoding: "utf8" });
    expect(out.split("\n").filter((l) => l !== "")).toEqual(blockAfter("README.md", "which prints"));
  });

  it("docs/cli.md's explain example is the real output", async () => {
    const text = readFileSync("docs/cli.md", "utf8");
    const start = text.indexOf("$ npx parley explain scenarios/elmira.yaml 1 --dm local -c GMR,SEQ");
    expect(start).toBeGreaterThan(-1);
    const shown = text
      .slice(start, text.indexOf("```", start))
      .split("\n")
      .filter((l) => l.trim() !== "");
    const out = (await parley("explain", "scenarios/elmira.yaml", "1", "--dm", "local", "-c", "GMR,SEQ")).stdout;
    expect(shown.slice(1)).toEqual(out.split("\n").filter((l) => l.trim() !== ""));
  });

  it("every exit code is listed in --help, docs/cli.md and the README, 3 (lint --strict) included", async () => {
    const help = (await parley("--help")).stdout;
    expect(help).toContain(
      "Exit codes: 0 success, 2 bad input or usage, 1 internal error, 3 lint --strict found something,\n130 stopped by Ctrl-C or SIGTERM.",
    );
    expect(readFileSync("docs/cli.md", "utf8")).toContain("| 3 | `parley lint --strict` found something");
    expect(readFileSync("README.md", "utf8").replace(/\s+/g, " ")).toContain("3 `lint --strict` found something, 130 stopped");
    // And lint --strict does exit 3 on findings.
    const lint = await parley("lint", "scenarios/elmira.yaml", "--strict");
    expect(lint.code).toBe(3);
  });

  it("CONTRIBUTING.md's folder table has every folder of src/", () => {
    const text = readFileSync("CONTRIBUTING.md", "utf8");
    const folders = readdirSync("src", { withFileTypes: true }).filter((e) => e.isDirectory());
    for (const f of folders) expect(text, `src/${f.name} in CONTRIBUTING.md`).toMatch(new RegExp(`^\\| \`src/${f.name}\` \\|`, "m"));
  });

  it("tests mirror the source: each folder of tests/ is a layer of src/ (or web/, or a tool of the suite)", () => {
    const layers = new Set(
      readdirSync("src", { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name),
    );
    const suite = new Set(["helpers", "fixtures", "web", "e2e", "fuzz", "load"]);
    const folders = readdirSync("tests", { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => !layers.has(f) && !suite.has(f))).toEqual([]);
  });

  it("no source file is over ~450 lines without saying why in its first line", () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    const files = ["src", "web/src", "tests", "scripts", "bench"].flatMap(walk).filter((f) => /\.(ts|mjs)$/.test(f));
    const long = files.filter((f) => {
      const text = readFileSync(f, "utf8");
      return text.split("\n").length > 460 && !/^\/\/ Long (only )?because/.test(text);
    });
    expect(long).toEqual([]);
  });

  it("CONTRIBUTING.md lists the layers of src/ in the order the linter enforces", () => {
    const text = readFileSync("CONTRIBUTING.md", "utf8");
    const listed = [...text.matchAll(/^\| `src\/([a-z]+)` \|/gm)].map((m) => m[1]);
    const config = readFileSync(".dependency-cruiser.cjs", "utf8");
    const layers = [...config.slice(config.indexOf("const LAYERS"), config.indexOf("];")).matchAll(/^\s+"([a-z]+)",/gm)].map((m) => m[1]);
    expect(layers.length).toBeGreaterThan(10);
    expect(listed).toEqual(layers);
    const folders = readdirSync("src", { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect([...folders].sort()).toEqual([...layers].sort());
  });

  it("docs/scenario-format.md's worked example validates", async () => {
    const text = readFileSync("docs/scenario-format.md", "utf8");
    const start = text.indexOf("name: Sanctions standoff");
    const block = text.slice(text.lastIndexOf("```yaml", start) + 8, text.indexOf("```", start));
    const file = join(mkdtempSync(join(tmpdir(), "parley-docs-")), "standoff.yaml");
    writeFileSync(file, block);
    const r = await parley("validate", file);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("2 decision makers, 3 options, 6 feasible states");
  });
});
