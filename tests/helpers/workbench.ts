/**
 * The workbench in a real browser, for the end-to-end tests and the
 * screenshots: a copy of the shipped scenarios in a temporary folder, `parley
 * serve` on it (in-process, a free port), and headless Chromium
 * (/usr/bin/chromium, Debian's package) with a throwaway profile.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { startServer } from "../../src/server/server.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const CHROMIUM = process.env.PARLEY_CHROMIUM ?? "/usr/bin/chromium";
/** Headless, and no background connections: this machine's closed network refuses them. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const WEB_ROOT = join(ROOT, "dist/web");

export interface Workbench {
  /** The temporary folder the server works on (a copy of scenarios/, or empty). */
  dir: string;
  url: string;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** `empty`: serve an empty folder instead of a copy of scenarios/ (what `parley serve` in a new folder shows). */
export async function openWorkbench(opts: { width?: number; height?: number; empty?: boolean } = {}): Promise<Workbench> {
  if (!existsSync(join(WEB_ROOT, "index.html"))) throw new Error("the workbench is not built: run `npm run build`");
  const dir = mkdtempSync(join(tmpdir(), "parley-e2e-"));
  const profile = mkdtempSync(join(tmpdir(), "parley-chromium-"));
  if (!opts.empty) cpSync(join(ROOT, "scenarios"), dir, { recursive: true });
  const server = await startServer({ dir, port: 0, host: "127.0.0.1", webRoot: WEB_ROOT });
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
      acceptDownloads: true,
      args: CHROMIUM_ARGS,
    });
  } catch (e) {
    await server.close();
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    dir,
    url: server.url,
    context,
    page,
    async close() {
      await context!.close().catch(() => undefined);
      await server.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Collect the page's uncaught errors, and (from the next page load) whatever
 * the server's Content-Security-Policy blocks: both are test failures.
 */
export async function watchPage(wb: Workbench): Promise<{ pageErrors: string[]; cspViolations: () => Promise<string[]> }> {
  const pageErrors: string[] = [];
  wb.page.on("pageerror", (e) => pageErrors.push(e.message));
  await wb.context.addInitScript({
    content:
      "window.cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));",
  });
  return { pageErrors, cspViolations: () => wb.page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations) };
}
