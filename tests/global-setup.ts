/** The bin test needs the compiled CLI; build it once when it is missing (npm ci builds it too). */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export default function setup(): void {
  const root = resolve(import.meta.dirname, "..");
  if (!existsSync(resolve(root, "dist/cli/main.js"))) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
}
