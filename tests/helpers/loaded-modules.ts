/** Which modules a run of the built bin loads, by a resolve hook that names every file loaded (module.register, Node 20.6+). */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const hook = `data:text/javascript,${encodeURIComponent(
  'export async function resolve(s, c, n) { const r = await n(s, c); process.stderr.write("loaded " + r.url + "\\n"); return r; }',
)}`;
const register = `data:text/javascript,${encodeURIComponent(`import { register } from "node:module"; register(${JSON.stringify(hook)});`)}`;

/**
 * The modules `node BIN ...args` loads, and whether it ran the command on a thread of its own (thread.js).
 * The bin is bundled (scripts/bundle-cli.mjs): the files loaded are chunks of dist/cli/, each a few of tsc's
 * modules, which esbuild's unminified output names in a line `// dist/...` or `// node_modules/...` before each.
 * The modules loaded are those of every chunk loaded, and the packages left external (loaded as files of their own).
 * The hook writes from a thread of its own: the last lines of a process that ends at once may be lost, so only
 * what loads early (thread.js, the command's modules) can be counted on.
 */
export function loadedBy(bin: string, args: string[], cwd = dirname(dirname(dirname(bin)))): { modules: string[]; thread: boolean } {
  const files = new Set(
    spawnSync(process.execPath, ["--import", register, bin, ...args], { cwd, encoding: "utf8" })
      .stderr.split("\n")
      .filter((l) => l.startsWith("loaded file:"))
      .map((l) => fileURLToPath(l.slice("loaded ".length))),
  );
  const modules = new Set<string>();
  for (const file of files)
    if (dirname(file) === dirname(bin))
      for (const m of readFileSync(file, "utf8").matchAll(/^\/\/ ((?:dist|node_modules)\/\S+\.[cm]?js)$/gm)) modules.add(`/${m[1]}`);
    else modules.add(file);
  return { modules: [...modules], thread: files.has(join(dirname(bin), "thread.js")) };
}
