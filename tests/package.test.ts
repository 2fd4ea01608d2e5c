/**
 * The npm package: `npm pack` makes a tarball that holds what an installed
 * copy needs (the CLI, the workbench, the shipped scenarios, data and
 * schemas, LICENSE) and nothing that points at files it lacks (source maps
 * into src/), and the CLI runs from it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
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
    // The static site (built for the end-to-end tests) is for hosting, not for the package.
    expect(files.filter((f) => f.startsWith("dist/static/"))).toEqual([]);
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

  it("is a library with a main entry and subpaths; the main entry does not load the language model", () => {
    // As a dependency: node_modules/parley-gmcr is the unpacked package (run after the test above unpacked it).
    const user = join(dir, "user");
    mkdirSync(join(user, "node_modules"), { recursive: true });
    symlinkSync(join(dir, "package"), join(user, "node_modules", "parley-gmcr"), "dir");
    const script = `
      const main = await import("parley-gmcr");
      const names = {};
      for (const entry of ["parley-gmcr", "parley-gmcr/present", "parley-gmcr/parallel", "parley-gmcr/node", "parley-gmcr/ingest"])
        names[entry] = Object.keys(await import(entry)).length;
      const text = (await import("node:fs")).readFileSync("node_modules/parley-gmcr/scenarios/chicken.yaml", "utf8");
      const model = main.loadModel(text, "chicken.yaml");
      console.log(JSON.stringify({ names, nash: main.analyze(model).equilibria.Nash }));`;
    const out = JSON.parse(execFileSync("node", ["--input-type=module", "-e", script], { cwd: user, encoding: "utf8" }));
    for (const n of Object.values(out.names)) expect(n).toBeGreaterThan(0);
    expect(out.names["parley-gmcr"]).toBeLessThan(120);
    expect(out.nash.length).toBeGreaterThan(0);
    expect(pkg.sideEffects).toContain("./dist/parallel/node-worker.js");
    // Which modules the main entry loads: none of the ingest pipeline's.
    const hook = `data:text/javascript,${encodeURIComponent('export async function resolve(s, c, n) { const r = await n(s, c); process.stderr.write(r.url + "\\n"); return r; }')}`;
    const register = `data:text/javascript,${encodeURIComponent(`import { register } from "node:module"; register(${JSON.stringify(hook)});`)}`;
    const r = spawnSync("node", ["--import", register, "--input-type=module", "-e", 'await import("parley-gmcr")'], { cwd: user, encoding: "utf8" });
    const modules = r.stderr.split("\n").filter(Boolean);
    expect(modules.some((m) => m.includes("/dist/index.js"))).toBe(true);
    expect(modules.filter((m) => /wink|readability|linkedom|\/dist\/ingest\//.test(m))).toEqual([]);
  });
});
