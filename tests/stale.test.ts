/** The test set-up rebuilds dist/ when a source is newer than what was built from it. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUILDS, staleBuilds, staleOutputs } from "./helpers/stale.js";

describe("stale dist/ detection", () => {
  const root = mkdtempSync(join(tmpdir(), "parley-stale-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const touch = (rel: string, seconds: number) => {
    const p = join(root, rel);
    mkdirSync(join(p, ".."), { recursive: true });
    writeFileSync(p, "x");
    utimesSync(p, seconds, seconds);
  };

  it("asks for a build when an output is missing", () => {
    touch("src/a.ts", 1000);
    expect(staleOutputs(root)).toEqual(BUILDS.map((b) => `${b.output} is missing`));
  });

  it("is satisfied when every output is newer than its sources, and not when a source changes after the build", () => {
    touch("web/index.html", 1000);
    touch("node_modules/x/new.js", 5000); // never counted
    for (const b of BUILDS) touch(b.output, 2000);
    expect(staleOutputs(root)).toEqual([]);
    touch("src/deep/er/b.ts", 3000);
    expect(staleOutputs(root)).toEqual([
      "dist/cli/main.js is older than src",
      "dist/web/index.html is older than src",
      "dist/static/index.html is older than src",
    ]);
    touch("dist/cli/main.js", 4000);
    touch("dist/web/index.html", 4000);
    touch("dist/static/index.html", 4000);
    touch("web/src/view.ts", 4500);
    expect(staleOutputs(root)).toEqual(["dist/web/index.html is older than web", "dist/static/index.html is older than web"]);
    // A shipped scenario is built into the static site only; its build is an npm script of its own.
    touch("dist/web/index.html", 5000);
    touch("dist/static/index.html", 5000);
    touch("scenarios/elmira.yaml", 5500);
    expect(staleBuilds(root)).toEqual([{ output: "dist/static/index.html", script: "build:static", why: "dist/static/index.html is older than scenarios" }]);
  });
});
