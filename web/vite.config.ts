/**
 * The browser workbench, built with `npm run build:web` into dist/web/, which
 * `parley serve` serves. Relative base so the app works under any path.
 *
 * `vite --config web/vite.config.ts` serves it for development; API calls then
 * go to a running `parley serve` named by PARLEY_API (e.g.
 * PARLEY_API=http://127.0.0.1:5178), proxied so the page stays same-origin.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const api = process.env.PARLEY_API;

export default defineConfig({
  root: here,
  base: "./",
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
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
});
