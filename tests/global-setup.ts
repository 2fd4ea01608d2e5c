/**
 * The CLI tests run the compiled CLI and the browser tests the built
 * workbench and static site: build each that is missing or older than a
 * source it is built from, so a stale dist/ never tests old code (npm ci
 * builds the CLI and the workbench; .ci/run the static site).
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { BUILDS, staleBuilds } from "./helpers/stale.js";

export default function setup(): void {
  const root = resolve(import.meta.dirname, "..");
  // One npm script at a time, `build` (the CLI and the served workbench) before `build:static` (the static
  // site), looking again after each: `build` starts from an empty dist/, so the static site goes with it.
  for (let round = 0; round < BUILDS.length; round++) {
    const stale = staleBuilds(root);
    if (stale.length === 0) return;
    const { script } = stale[0];
    const why = stale.filter((b) => b.script === script).map((b) => b.why);
    process.stderr.write(`test setup: npm run ${script}, since ${why.join("; ")}\n`);
    execFileSync("npm", ["run", script], { cwd: root, stdio: "inherit" });
  }
}
