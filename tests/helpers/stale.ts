/** Whether the built CLI and workbench (dist/) are older than what they are built from. */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Each output, the sources (folders walked, or single files) it is built from, relative to the repository, and the npm script that builds it. */
export const BUILDS: { output: string; from: string[]; script: string }[] = [
  { output: "dist/cli/main.js", from: ["src", "tsconfig.json", "tsconfig.build.json", "package.json", "scripts/bundle-cli.mjs"], script: "build" },
  { output: "dist/web/index.html", from: ["web", "src", "data", "package.json"], script: "build" },
  // The static site (issue 20) carries the shipped scenarios too.
  { output: "dist/static/index.html", from: ["web", "src", "data", "scenarios", "package.json"], script: "build:static" },
];

/** The newest modification time under `path` (a file, or a folder walked without node_modules and dot folders). */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(join(path, e.name)));
  }
  return newest;
}

/** Why a build is needed: one line per missing or stale output (empty when dist/ is up to date). */
export function staleOutputs(root: string): string[] {
  return staleBuilds(root).map((b) => b.why);
}

/** The outputs to build again, each with why and the npm script that builds it. */
export function staleBuilds(root: string): { output: string; script: string; why: string }[] {
  const out: { output: string; script: string; why: string }[] = [];
  for (const { output, from, script } of BUILDS) {
    const built = join(root, output);
    if (!existsSync(built)) {
      out.push({ output, script, why: `${output} is missing` });
      continue;
    }
    const builtAt = statSync(built).mtimeMs;
    const newer = from.filter((f) => newestMtime(join(root, f)) > builtAt);
    if (newer.length) out.push({ output, script, why: `${output} is older than ${newer.join(", ")}` });
  }
  return out;
}
