/**
 * The browser workbench, two builds of the same page:
 * - `npm run build:web` (mode production) into dist/web/, which `parley serve`
 *   serves; its files live in the served folder (src/server's API).
 * - `npm run build:static` (mode static) into dist/static/: the static site,
 *   plain files for any static host; its files live in the browser
 *   (web/src/page/storage/browser-store.ts), the shipped scenarios built in,
 *   a service worker (sw.js) keeping the site for offline use, and a
 *   Content-Security-Policy in the page that allows no other origin.
 * Relative base so either works under any path.
 *
 * `vite --config web/vite.config.ts` serves it for development; API calls then
 * go to a running `parley serve` named by PARLEY_API (e.g.
 * PARLEY_API=http://127.0.0.1:5178), proxied so the page stays same-origin.
 * `--mode static` serves the static site instead (no service worker in development).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";
import { defineConfig, type Plugin } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const api = process.env.PARLEY_API;

/** What the static site's page may load: its own files only (workers from blob: too, as the served page allows). */
const STATIC_CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The static site's extras: the policy in its page, and sw.js listing every file the build wrote (after they are written). */
function staticSite(outDir: string): Plugin {
  return {
    name: "parley-static-site",
    apply: "build",
    transformIndexHtml: (html) =>
      html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${STATIC_CSP}">`),
    closeBundle() {
      const files = filesUnder(outDir)
        .map((f) => relative(outDir, f).split(sep).join("/"))
        .filter((f) => f !== "sw.js")
        .sort();
      const version = createHash("sha256");
      for (const f of files) version.update(f).update(readFileSync(join(outDir, f)));
      const source = readFileSync(join(here, "src/offline/service-worker.ts"), "utf8");
      const code = transformSync(source, { loader: "ts", target: "es2022", minify: true }).code;
      const list = ["./", ...files.map((f) => `./${f}`)];
      writeFileSync(
        join(outDir, "sw.js"),
        `const SITE_FILES=${JSON.stringify(list)};const SITE_VERSION=${JSON.stringify(version.digest("hex").slice(0, 16))};\n${code}`,
      );
    },
  };
}

export default defineConfig(({ mode }) => {
  const isStatic = mode === "static";
  const outDir = fileURLToPath(new URL(isStatic ? "../dist/static" : "../dist/web", import.meta.url));
  return {
    root: here,
    base: "./",
    publicDir: false,
    define: { __PARLEY_STATIC__: JSON.stringify(isStatic) },
    plugins: isStatic ? [staticSite(outDir)] : [],
    build: {
      outDir,
      emptyOutDir: true,
      target: "es2022",
      chunkSizeWarningLimit: 5000,
      reportCompressedSize: false,
    },
    worker: { format: "es" },
    server: api
      ? {
          proxy: {
            "/api": {
              target: api,
              changeOrigin: true,
              // The server refuses foreign origins; the proxy speaks for the page.
              configure: (proxy) => proxy.on("proxyReq", (req) => req.removeHeader("origin")),
            },
          },
        }
      : {},
  };
});
