/**
 * The Ingest view end to end, in headless Chromium against `parley serve` on
 * a copy of the shipped scenarios: paste a corpus article into the view with
 * the default scenario open, see its actors and events highlighted (hover an
 * event for its codes), click an element to mark its sentences, accept two
 * elements and find them in the editor and, after Save, on disk with their
 * sources; then an HTML page opened from a file (read with the browser's
 * DOMParser) into a new scenario.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadModel } from "../../src/index.js";
import { CHROMIUM, openWorkbench, ROOT, watchPage, type Workbench } from "../helpers/workbench.js";

const haveChromium = existsSync(CHROMIUM) || !!process.env.CI;
const FILE = "ukraine-2025.yaml";
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });

describe.skipIf(!haveChromium)("the Ingest view in a browser", () => {
  let wb: Workbench;
  let pageErrors: string[] = [];
  let cspViolations: () => Promise<string[]>;
  const disk = () => readFileSync(join(wb.dir, FILE), "utf8");

  beforeAll(async () => {
    wb = await openWorkbench({ width: 1400, height: 900 });
    // Uncaught errors and anything the server's Content-Security-Policy blocks are failures.
    ({ pageErrors, cspViolations } = await watchPage(wb));
  }, 60_000);
  afterAll(async () => {
    await wb?.close();
  });

  it("reads a pasted article and highlights its actors and events", async () => {
    const { page } = wb;
    await page.goto(wb.url);
    await poll(() => page.getByTestId("eq-count-Nash").textContent()).toBe("16");
    await page.keyboard.press("Alt+8");
    await poll(() => page.getByRole("tab", { name: /Ingest/ }).getAttribute("aria-selected")).toBe("true");
    await page.locator("#ingest-input").fill(readFileSync(join(ROOT, "corpus/ingest/ukraine-talks.txt"), "utf8"));
    await page.locator("#ingest-name").fill("ukraine-talks.txt");
    await page.getByRole("button", { name: "Read the article" }).click();
    const article = page.getByTestId("ingest-article");
    await poll(() => page.getByTestId("ingest-element").count()).toBeGreaterThan(10);
    expect(await article.textContent()).toMatch(/^The United States hinted on Monday/);
    // The repeated paragraph of the article is left out and said to be.
    expect(await page.locator(".ing-facts").textContent()).toMatch(/12 sentences \(text\), 4 actors, 12 events coded; 2 repeated blocks left out/);
    expect(await page.getByTestId("ingest-actor").filter({ hasText: "Kremlin" }).count()).toBe(1);

    await page.getByTestId("ingest-event").filter({ hasText: /^rejected$/ }).hover();
    const tip = page.getByTestId("ingest-tip");
    await poll(() => tip.isVisible()).toBe(true);
    const text = await tip.textContent();
    expect(text).toMatch(/Russia — refuse/);
    expect(text).toMatch(/PLOVERREJECT/);
    expect(text).toMatch(/CAMEO12 Reject/);
    expect(text).toMatch(/modalitystated/);
    expect(text).toMatch(/negationno/);
    expect(text).toMatch(/confidence0\.86/);
    await page.getByTestId("ingest-event").filter({ hasText: /^rule out$/ }).hover();
    await poll(() => tip.textContent()).toMatch(/Russia — not refuse.*negationnegated/);
  });

  it("marks the sentences an element came from", async () => {
    const { page } = wb;
    const row = page.locator('[data-key="option:us_sanctions"]');
    await row.locator("button.ing-el-text").click();
    const marked = page.locator(".ing-sent.prov");
    await poll(() => marked.count()).toBe(2);
    expect(await marked.first().textContent()).toBe("President Trump put new sanctions on Russia on hold.");
    expect(await row.textContent()).toMatch(/in the scenario/);
  });

  it("accepts two elements into the open scenario and finds them in the editor and on disk", async () => {
    const { page } = wb;
    const aid = page.locator('[data-key="option:us_aid"]');
    await aid.getByRole("button", { name: /^Accept/ }).click();
    await poll(() => page.getByTestId("ingest-message").textContent()).toBe("Added to ukraine-2025.yaml: option us_aid.");
    await poll(() => page.locator(".cm-content").textContent()).toMatch(/- id: us_aid\s*label: Provide aid/);
    await poll(() => aid.textContent()).toMatch(/in the scenario/);

    const talks = page.locator('[data-key="pref:eu:if ru_talks then ru_ceasefire"]');
    await talks.getByRole("button", { name: /^Accept/ }).click();
    await poll(() => page.getByTestId("ingest-message").textContent()).toBe("Added to ukraine-2025.yaml: option ru_talks; statement of eu: if ru_talks then ru_ceasefire.");
    await poll(() => page.locator(".cm-content").textContent()).toMatch(/- if: ru_talks\s*then: ru_ceasefire/);
    // The scenario is analysed again with the new options (4 + 2 more binary options).
    await poll(() => page.getByTestId("summary").textContent()).toMatch(/12 options/);

    // A rejected element is struck out, and can be restored.
    const troops = page.locator('[data-key="pref:ru:!ru_ceasefire"]');
    await troops.getByRole("button", { name: /^Reject/ }).click();
    await poll(() => troops.getAttribute("class")).toMatch(/rejected/);

    await page.keyboard.press("Control+s");
    await poll(() => page.getByTestId("file-status").textContent()).toMatch(/^Saved/);
    const data = parse(disk());
    const us = data.decisionMakers.find((d: { id: string }) => d.id === "us");
    expect(us.options.at(-1)).toMatchObject({ id: "us_aid", sources: ["ukraine-talks.txt:791-854 (sentence 10, confidence 0.86)"] });
    expect(data.preferences.eu.at(-1)).toMatchObject({ if: "ru_talks", then: "ru_ceasefire", sources: expect.arrayContaining(["ukraine-talks.txt:267-356 (sentence 3, confidence 0.86)"]) });
    expect(disk()).not.toContain("!ru_ceasefire\n");
    loadModel(disk(), FILE);
  });

  it("reads an HTML page from a file with the browser's DOM, into a new scenario", async () => {
    const { page } = wb;
    await page.locator('#panel-ingest input[type="file"]').setInputFiles(join(ROOT, "corpus/ingest/india-pakistan.html"));
    await poll(() => page.locator("#ingest-name").inputValue()).toBe("india-pakistan.html");
    await page.getByRole("button", { name: "Read the article" }).click();
    await poll(() => page.locator(".ing-facts").textContent()).toMatch(/\(html\)/);
    // The markup is gone: the article's text is shown.
    expect(await page.getByTestId("ingest-article").textContent()).not.toMatch(/<p>|<\/?div/);
    await page.getByRole("button", { name: "New scenario" }).click();
    await poll(() => page.locator("#file-select option:checked").textContent()).toMatch(/india-pakistan\.yaml \(not saved yet\)/);
    const first = page.getByTestId("ingest-element").first();
    await first.getByRole("button", { name: /^Accept/ }).click();
    await poll(() => first.textContent()).toMatch(/in the scenario/);
    await poll(() => page.getByTestId("eq-count-Nash").isVisible()).toBe(true);
    expect(await page.getByTestId("problems").isVisible()).toBe(false);
    await page.screenshot({ path: join(wb.dir, "ingest.png") });
  });

  it("raised no page errors and no CSP violations", async () => {
    expect(pageErrors).toEqual([]);
    expect(await cspViolations()).toEqual([]);
  });
});
