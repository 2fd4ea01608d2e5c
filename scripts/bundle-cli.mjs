// The `parley` binary as a few bundled files instead of tsc's modules (150 for `validate`): Node's ES module
// loader has a cost per file at start-up. Run after `tsc` (it bundles tsc's output, so the CLI runs the code tsc
// checked and emitted) and replaces dist/cli/ (tsc's .js and .d.ts: the CLI is no library entry) with:
//   main.js         the bin (package.json "bin"), with its shebang;
//   thread.js       the thread a command runs on (src/cli/main.ts finds it beside itself);
//   node-worker.js  a worker of the pool (src/parallel/node-pool.ts finds it beside the chunk it lands in);
//   *-HASH.js       chunks: each command's module, and code shared between entries and commands, loaded on
//                   demand (the lazy command table in src/cli/commands/index.ts imports chunks).
// Every file is in dist/cli/, the depth of tsc's dist/cli/*.js, so URLs relative to import.meta.url
// (src/cli/paths.ts, src/server/server.ts) resolve as they do there. The library (dist/index.js, dist/api/,
// their .d.ts) stays as tsc emits it. The language-model and HTML libraries that only `ingest` uses stay
// external: they load from node_modules when `ingest` runs, as before. Not minified: stack traces stay
// readable, and each module's code starts with a `// dist/...` line (tests/cli/cli.test.ts reads them).
import { readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist/cli`;
const NLP_ONLY = ["wink-nlp", "wink-eng-lite-web-model", "linkedom", "@mozilla/readability"];

const result = await build({
  absWorkingDir: root,
  entryPoints: { main: "dist/cli/main.js", thread: "dist/cli/thread.js", "node-worker": "dist/parallel/node-worker.js" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: NLP_ONLY,
  // commander is CommonJS and calls require("node:events"): give the ES module chunks a require.
  banner: { js: 'import { createRequire as __parleyCreateRequire } from "node:module"; const require = __parleyCreateRequire(import.meta.url);' },
  // Written below, once tsc's dist/cli/ (the input) is gone.
  write: false,
  metafile: true,
  logLevel: "warning",
});

const names = result.outputFiles.map((f) => relative(outdir, f.path));
for (const entry of ["main.js", "thread.js", "node-worker.js"])
  if (!names.includes(entry)) throw new Error(`bundle-cli: no ${entry} among the outputs (${names.join(", ")})`);
if (names.some((n) => n.includes("/"))) throw new Error(`bundle-cli: an output outside dist/cli/ itself: ${names.join(", ")}`);
const bundled = Object.keys(result.metafile.inputs).filter((i) => NLP_ONLY.some((p) => i.includes(`node_modules/${p}/`)));
if (bundled.length) throw new Error(`bundle-cli: ingest's libraries were bundled: ${bundled.join(", ")}`);

rmSync(outdir, { recursive: true, force: true });
for (const f of result.outputFiles) {
  mkdirSync(dirname(f.path), { recursive: true });
  writeFileSync(f.path, f.contents);
}
console.log(`bundle-cli: dist/cli/ holds ${readdirSync(outdir).length} files (${Object.keys(result.metafile.inputs).length} modules bundled)`);
