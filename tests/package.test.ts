/**
 * The npm package: `npm pack` makes a tarball that holds what an installed
 * copy needs (the CLI, the workbench, the shipped scenarios, data and
 * schemas, LICENSE) and nothing that points at files it lacks (source maps
 * into src/), and the CLI runs from it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

describe("the npm package", () => {
  const dir = mkdtempSync(join(tmpdir(), "parley-pack-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // --ignore-scripts: dist/ is already built by the test set-up.
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8" }))[0];
  const files: string[] = packed.files.map((f: { path: string }) => f.path);

  it("has a name of its own, the command parley, a licence and where to report bugs", () => {
    expect(pkg.name).toBe("parley-gmcr");
    expect(pkg.bin).toEqual({ parley: "dist/cli/main.js" });
    expect(pkg.license).toBe("MIT");
    expect(pkg.private).toBeUndefined();
    expect(pkg.repository.url).toMatch(/^git\+https:/);
    expect(pkg.bugs.url).toMatch(/^https:/);
  });

  it("holds the CLI, the workbench, the scenarios, data, schemas, docs and LICENSE, and no tests, sources or source maps", () => {
    for (const f of [
      "LICENSE",
      "README.md",
      "CHANGELOG.md",
      "dist/cli/main.js",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/web/index.html",
      "scenarios/ukraine-2025.yaml",
      "data/gazetteer.yaml",
      "schema/parley-1.schema.json",
      "docs/cli.md",
    ])
      expect(files, f).toContain(f);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(files.filter((f) => /^(src|tests|web|bench|scripts)\//.test(f) || f.startsWith("docs/screenshots/"))).toEqual([]);
  });

  it("runs from the unpacked tarball (with the repository's dependencies beside it)", () => {
    execFileSync("tar", ["xzf", join(dir, packed.filename), "-C", dir]);
    symlinkSync(join(ROOT, "node_modules"), join(dir, "package", "node_modules"), "dir");
    const cli = join(dir, "package", "dist", "cli", "main.js");
    expect(execFileSync("node", [cli, "--version"], { encoding: "utf8" }).trim()).toBe(pkg.version);
    const out = JSON.parse(execFileSync("node", [cli, "analyze", "-f", "json", "-c", "Nash"], { cwd: dir, encoding: "utf8" }));
    expect(out.format).toBe("parley-analysis/1");
    expect(out.scenario.name).toBe("The 2025 Ukraine peace process");
    expect(out.equilibria.Nash.length).toBeGreaterThan(0);
  });
});
