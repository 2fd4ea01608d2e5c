/**
 * The bin test needs the compiled CLI and the browser tests the built
 * workbench; build both once when either is missing (npm ci builds them too).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export default function setup(): void {
  const root = resolve(import.meta.dirname, "..");
  const built = ["dist/cli/main.js", "dist/web/index.html"].every((f) => existsSync(resolve(root, f)));
  if (!built) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
}
