/**
 * The static site (issue 20) end to end: dist/static/ served by a plain file
 * server (tests/helpers/static-site.ts, no Parley code), in headless
 * Chromium. The default scenario opens with its analysis from the built-in
 * files; an edit saved in the browser survives a reload and a reopen, a
 * second tab's save is a conflict; a scenario goes to a file and comes back
 * (download and upload, and the File System Access API's pickers); a share
 * link opened in a fresh browser profile gives the same analysis, and one
 * too large is refused with the offer of a file; with the network cut after
 * the first visit the site opens and analyses from its service worker's
 * cache; and no request ever leaves the site's origin.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze, CONCEPTS, loadModel } from "../../src/index.js";
import { hostStatic, STATIC_ROOT, type StaticHost } from "../helpers/static-site.js";
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from "../helpers/workbench.js";

const haveChromium = existsSync(CHROMIUM) || !!process.env.CI;
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });
const scenario = (name: string) => readFileSync(join(ROOT, "scenarios", name), "utf8");

/** What the summary shows for a scenario: its equilibria under each concept, counted by the engine in Node. */
function counts(text: string): Record<string, string> {
  const a = analyze(loadModel(text, "x.yaml"));
  return Object.fromEntries(CONCEPTS.map((c) => [c, String(a.equilibria[c]?.length ?? 0)]));
}

/** Chicken where Driver A would rather crash than swerve: an analysis unlike the built-in Chicken's. */
const RECKLESS = scenario("chicken.yaml")
  .replace("name: Chicken", "name: Reckless chicken")
  .replace(/ {2}a:\n(( {4}.*\n)+?)( {2}b:)/, (_m, _body, _l, b) => ["  a:", '    - statement: "!a_swerves"', "    - statement: b_swerves", `${b}`].join("\n"));

describe.skipIf(!haveChromium)("the static site in a browser", () => {
  let host: StaticHost;
  let browser: Browser;
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  const downloads = mkdtempSync(join(tmpdir(), "parley-static-"));
  let first: Page;

  /** A fresh browser profile (its own storage, caches and service workers), every request it makes recorded. */
  async function profile(init?: string): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    contexts.push(context);
    context.on("request", (r) => requests.push(r.url()));
    context.on("page", (p) => p.on("pageerror", (e) => pageErrors.push(e.message)));
    await context.addInitScript({
      content:
        "window.cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));" +
        (init ?? ""),
    });
    return context;
  }

  const summaryCounts = async (page: Page) =>
    Object.fromEntries(await Promise.all(CONCEPTS.map(async (c) => [c, (await page.getByTestId(`eq-count-${c}`).textContent()) ?? ""] as const)));
  const editorText = (page: Page) => page.locator(".cm-content").textContent();

  beforeAll(async () => {
    if (!existsSync(join(STATIC_ROOT, "index.html"))) throw new Error("the static site is not built: run `npm run build:static`");
    host = await hostStatic();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    first = await (await profile()).newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it("opens the built-in default scenario with its analysis, and says it works offline", async () => {
    await first.goto(host.url);
    const expected = counts(scenario("ukraine-2025.yaml"));
    await poll(() => summaryCounts(first)).toEqual(expected);
    expect(await first.locator("#file-select").inputValue()).toBe("ukraine-2025.yaml");
    const listed = await first.locator("#file-select option").allTextContents();
    expect(listed).toEqual(expect.arrayContaining(["chicken.yaml", "elmira.yaml", "prisoners-dilemma.yaml", "ukraine-2025-us-walks-away.yaml"]));
    await poll(() => first.getByTestId("offline-status").textContent()).toBe("Works offline");
  });

  it("saves an edit in the browser: after a reload and a reopen it is there; another tab's save is a conflict", async () => {
    const page = first;
    await page.locator(".cm-line", { hasText: /^name: The 2025 Ukraine peace process$/ }).click();
    await page.keyboard.press("End");
    await page.keyboard.type(" (edited)");
    await poll(() => page.getByTestId("file-status").textContent()).toBe("Unsaved changes (kept in this browser)");
    await page.keyboard.press("Control+s");
    await poll(() => page.getByTestId("file-status").textContent()).toMatch(/^Saved at /);
    await page.reload();
    await poll(() => page.getByTestId("summary").textContent()).toMatch(/The 2025 Ukraine peace process \(edited\)/);
    expect(await page.locator("#draft-banner").isHidden()).toBe(true);
    await page.locator("#file-select").selectOption("elmira.yaml");
    await poll(() => page.getByTestId("summary").textContent()).toMatch(/Elmira groundwater contamination/);
    await page.locator("#file-select").selectOption("ukraine-2025.yaml");
    await poll(() => editorText(page)).toMatch(/name: The 2025 Ukraine peace process \(edited\)/);

    // Save as: a new file in the browser's list, there after a reload.
    await page.locator("#file-select").selectOption("chicken.yaml");
    await poll(() => page.getByTestId("summary").textContent()).toMatch(/Chicken/);
    await page.locator("#save-as-btn").click();
    await page.locator("#save-as-path").fill("mine.yaml");
    await page.getByRole("dialog", { name: "Save as" }).getByRole("button", { name: "Save" }).click();
    await poll(() => page.getByTestId("file-status").textContent()).toBe("Saved as mine.yaml");
    await page.reload();
    await poll(() => page.locator("#file-select option").allTextContents()).toContain("mine.yaml");

    // Two tabs on mine.yaml: the second tab saves first, the first is asked before its save replaces it.
    await page.goto(`${host.url}#mine.yaml`);
    await poll(() => page.locator("#file-select").inputValue()).toBe("mine.yaml");
    const other = await page.context().newPage();
    await other.goto(`${host.url}#mine.yaml`);
    await poll(() => other.locator("#file-select").inputValue()).toBe("mine.yaml");
    for (const [p, words] of [
      [other, "other tab"],
      [page, "first tab"],
    ] as const) {
      await p.locator(".cm-line", { hasText: /^name: Chicken$/ }).click();
      await p.keyboard.press("End");
      await p.keyboard.type(` (${words})`);
      await p.keyboard.press("Control+s");
    }
    await poll(() => other.getByTestId("file-status").textContent()).toMatch(/^Saved at /);
    const conflict = page.getByRole("dialog", { name: "mine.yaml changed in this browser (another tab saved it)" });
    await conflict.waitFor();
    await conflict.getByRole("button", { name: "Cancel" }).click();
    await poll(() => page.getByTestId("file-status").textContent()).toBe(
      "Not saved: the file saved in this browser is different (your edits are kept in this browser)",
    );
    await other.close();
  });

  it("exports a scenario to a file and opens it back, by download and upload and by the File System Access API", async () => {
    // A browser without the pickers (Firefox, Safari): a download, and a file input.
    const context = await profile("delete window.showOpenFilePicker; delete window.showSaveFilePicker;");
    const page = await context.newPage();
    await page.goto(`${host.url}#elmira.yaml`);
    await poll(() => summaryCounts(page)).toEqual(counts(scenario("elmira.yaml")));
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#save-disk-btn").click()]);
    expect(download.suggestedFilename()).toBe("elmira.yaml");
    const saved = join(downloads, "elmira.yaml");
    await download.saveAs(saved);
    expect(readFileSync(saved, "utf8")).toBe(scenario("elmira.yaml"));
    await poll(() => page.getByTestId("file-status").textContent()).toBe("Downloaded elmira.yaml: the browser put it in its downloads folder");

    // Back from the disk, changed there: a new scenario, not saved yet, analysed as the file says.
    const reckless = join(downloads, "reckless-chicken.yaml");
    writeFileSync(reckless, RECKLESS);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.locator("#open-btn").click()]);
    await chooser.setFiles(reckless);
    await poll(() => page.getByTestId("file-status").textContent()).toBe(
      "Opened reckless-chicken.yaml from the disk: not saved yet — use Save as… to keep it in this browser.",
    );
    expect(counts(RECKLESS)).not.toEqual(counts(scenario("chicken.yaml")));
    await poll(() => summaryCounts(page)).toEqual(counts(RECKLESS));
    expect(await page.locator("#file-select option:checked").textContent()).toBe("reckless-chicken.yaml (not saved yet)");

    // Chromium's pickers (stubbed: a headless browser shows no dialog): Save to disk writes the editor's text, Open reads the file picked.
    await first.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>;
      w.showSaveFilePicker = async () => ({ createWritable: async () => ({ write: async (d: string) => void (w.written = d), close: async () => {} }) });
      w.showOpenFilePicker = async () => [{ getFile: async () => new File(["format: parley/1\nname: Picked\ndecisionMakers: []\n"], "picked.yaml") }];
    });
    await first.locator("#file-select").selectOption("prisoners-dilemma.yaml");
    await poll(() => first.getByTestId("summary").textContent()).toMatch(/Prisoner's Dilemma/);
    await first.locator("#save-disk-btn").click();
    await poll(() => first.evaluate(() => (globalThis as unknown as { written?: string }).written)).toBe(scenario("prisoners-dilemma.yaml"));
    expect(await first.getByTestId("file-status").textContent()).toBe("Wrote prisoners-dilemma.yaml to the disk");
    await first.locator("#open-btn").click();
    await poll(() => first.locator("#file-select option:checked").textContent()).toBe("picked.yaml (not saved yet)");
    expect(await editorText(first)).toMatch(/name: Picked/);
    shared.page = page;
  });

  const shared: { page?: Page; link?: string } = {};

  it("shares a scenario by link: a fresh browser profile opens it as a draft with the same analysis; a large one is offered as a file", async () => {
    const page = shared.page!;
    await page.locator("#share-btn").click();
    const dialog = page.getByRole("dialog", { name: "Share this scenario" });
    const link = await dialog.locator("#share-link").inputValue();
    await dialog.getByRole("button", { name: "Done" }).click();
    expect(link.startsWith(`${host.url}#parley-link/1?name=reckless-chicken.yaml&deflate=`)).toBe(true);
    const here = await summaryCounts(page);

    const fresh = await (await profile()).newPage();
    await fresh.goto(link);
    await poll(() => summaryCounts(fresh)).toEqual(here);
    expect(here).toEqual(counts(RECKLESS));
    expect(await fresh.getByTestId("table-count").textContent()).toBe(await page.getByTestId("table-count").textContent());
    expect(await fresh.locator("#file-select option:checked").textContent()).toBe("reckless-chicken.yaml (not saved yet)");
    expect(await fresh.getByTestId("file-status").textContent()).toBe(
      "Opened reckless-chicken.yaml from a shared link: not saved yet — use Save as… to keep it in this browser.",
    );
    expect(await editorText(fresh)).toMatch(/name: Reckless chicken/);
    shared.page = fresh;

    // Too large for a link: the dialog says how long and offers the file.
    const noise = randomBytes(30_000).toString("base64"); // does not compress: about 40,000 characters in the link
    const big = join(downloads, "big.yaml");
    writeFileSync(big, `${RECKLESS}\nlimitations:\n  - ${noise}\n`);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.locator("#open-btn").click()]);
    await chooser.setFiles(big);
    // The shared scenario is not saved anywhere: the page asks before replacing it.
    await page.getByRole("dialog", { name: "reckless-chicken.yaml is not saved" }).getByRole("button", { name: "Discard it" }).click();
    await poll(() => page.locator("#file-select option:checked").textContent()).toBe("big.yaml (not saved yet)");
    await page.locator("#share-btn").click();
    const refusal = page.getByRole("dialog", { name: "Too large for a link" });
    await expect.poll(() => refusal.textContent()).toMatch(/big\.yaml makes a link of [\d,]+ characters, more than the 32,768 a link can safely carry/);
    await refusal.getByRole("button", { name: "Cancel" }).click();
  });

  it("works with the network cut after the first visit", async () => {
    const context = shared.page!.context();
    await poll(() => shared.page!.getByTestId("offline-status").textContent()).toBe("Works offline");
    const before = host.requests.length;
    await context.setOffline(true);
    const page = await context.newPage();
    await page.goto(host.url);
    await poll(() => summaryCounts(page)).toEqual(counts(scenario("ukraine-2025.yaml")));
    // A built-in scenario this profile has not opened yet, and an analysis the engine's worker computes.
    await page.locator("#file-select").selectOption("prisoners-dilemma.yaml");
    await poll(() => summaryCounts(page)).toEqual(counts(scenario("prisoners-dilemma.yaml")));
    await page.getByRole("tab", { name: /^Report/ }).click();
    await poll(() => page.frameLocator("#panel-report iframe").locator("body").textContent()).toMatch(/Prisoner's Dilemma/);
    // Nothing reached the server but the browser's own check for a newer sw.js, which it makes on navigation whatever the page does.
    expect(host.requests.slice(before).filter((path) => path !== "/sw.js")).toEqual([]);
    await context.setOffline(false);
  });

  it("never makes a request outside the site's origin, nor one its policy blocks, nor an error", async () => {
    const origin = new URL(host.url).origin;
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u))).toEqual([]);
    for (const context of contexts)
      for (const p of context.pages()) expect(await p.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
