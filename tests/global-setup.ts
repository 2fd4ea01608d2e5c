/**
 * The CLI tests run the compiled CLI and the browser tests the built
 * workbench: build both when either is missing or older than a source it is
 * built from, so a stale dist/ never tests old code (npm ci builds them too).
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { staleOutputs } from "./helpers/stale.js";

export default function setup(): void {
  const root = resolve(import.meta.dirname, "..");
  const stale = staleOutputs(root);
  if (stale.length === 0) return;
  process.stderr.write(`test setup: building, since ${stale.join("; ")}\n`);
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
}
