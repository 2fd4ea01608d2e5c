/**
 * The CLI tests run the compiled CLI and the browser tests the built
 * workbench and static site: build each that is missing or older than a
 * source it is built from, so a stale dist/ never tests old code (npm ci
 * builds the CLI and the workbench; .ci/run the static site).
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { staleBuilds } from "./helpers/stale.js";

export default function setup(): void {
  const root = resolve(import.meta.dirname, "..");
  const stale = staleBuilds(root);
  // One run per npm script: `build` (the CLI and the served workbench), `build:static` (the static site).
  for (const script of new Set(stale.map((b) => b.script))) {
    process.stderr.write(
      `test setup: npm run ${script}, since ${stale
        .filter((b) => b.script === script)
        .map((b) => b.why)
        .join("; ")}\n`,
    );
    execFileSync("npm", ["run", script], { cwd: root, stdio: "inherit" });
  }
}
