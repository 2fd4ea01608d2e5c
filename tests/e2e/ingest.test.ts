/**
 * The Ingest view end to end, in headless Chromium against `parley serve` on
 * a copy of the shipped scenarios: paste a corpus article into the view with
 * the default scenario open, see its actors and events highlighted (hover an
 * event for its codes), click an element to mark its sentences, accept two
 * elements and find them in the editor and, after Save, on disk with their
 * sources; then an HTML page opened from a file (read with the browser's
 * DOMParser) into a new scenario; the river-dispute article read with the
 * river-dispute gazetteer chosen from the workspace (and a broken gazetteer
 * from disk refused with its line and column); a status-quo element accepted
 * into a new scenario, and undone in one step.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
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
    // The river dispute's article and gazetteer in the workspace, as a user would keep them.
    for (const f of ["river-dispute.gazetteer.yaml", "river-dispute.txt"]) copyFileSync(join(ROOT, "corpus/ingest", f), join(wb.dir, f));
    // Uncaught errors and anything the server's Content-Security-Policy blocks are failures.
    ({ pageErrors, cspViolations } = await watchPage(wb));
  }, 60_000);
  afterAll(async () => {
    await wb?.close();
  });

  it("reads a pasted article and highlights its actors and events", async () => {
    const { page } = wb;
    await page.goto(wb.url);
    // The default scenario: 2 Nash equilibria (today's war with the sanctions on hold, with or without Ukraine's concession).
    await poll(() => page.getByTestId("eq-count-Nash").textContent()).toBe("2");
    await page.keyboard.press("Alt+9");
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

    await page
      .getByTestId("ingest-event")
      .filter({ hasText: /^rejected$/ })
      .hover();
    const tip = page.getByTestId("ingest-tip");
    await poll(() => tip.isVisible()).toBe(true);
    const text = await tip.textContent();
    expect(text).toMatch(/Russia — refuse/);
    expect(text).toMatch(/PLOVERREJECT/);
    expect(text).toMatch(/CAMEO12 Reject/);
    expect(text).toMatch(/modalitystated/);
    expect(text).toMatch(/negationno/);
    expect(text).toMatch(/confidence0\.86/);
    await page
      .getByTestId("ingest-event")
      .filter({ hasText: /^rule out$/ })
      .hover();
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
    await poll(() => page.locator(".cm-content").textContent()).toMatch(/- id: us_aid\s*label: Keep supplying weapons/);
    await poll(() => aid.textContent()).toMatch(/in the scenario/);

    const talks = page.locator('[data-key="pref:eu:if ru_talks then ru_ceasefire"]');
    await talks.getByRole("button", { name: /^Accept/ }).click();
    await poll(() => page.getByTestId("ingest-message").textContent()).toBe(
      "Added to ukraine-2025.yaml: option ru_talks; statement of eu: if ru_talks then ru_ceasefire.",
    );
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
    // Europe's preferences are in the object form (with the assumption about their order).
    expect(data.preferences.eu.statements.at(-1)).toMatchObject({
      if: "ru_talks",
      then: "ru_ceasefire",
      sources: expect.arrayContaining(["ukraine-talks.txt:267-356 (sentence 3, confidence 0.86)"]),
    });
    expect(disk()).not.toContain("!ru_ceasefire\n");
    loadModel(disk(), FILE);
  });

  it("reads an HTML page from a file with the browser's DOM, into a new scenario", async () => {
    const { page } = wb;
    await page.locator('#panel-ingest input[aria-label="Article file"]').setInputFiles(join(ROOT, "corpus/ingest/india-pakistan.html"));
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

  it("reads the river-dispute article with the river-dispute gazetteer chosen from the workspace", async () => {
    const { page } = wb;
    const status = page.getByTestId("ingest-gazetteer");
    expect(await status.textContent()).toBe("In use: the built-in gazetteer");
    // Gazetteer files of the workspace are offered by name; scenarios are not.
    const choices = await page.locator("#ingest-gazetteer option").allTextContents();
    expect(choices).toEqual(["built-in only", "river-dispute.gazetteer.yaml"]);
    // ... and the scenario list leaves gazetteers out.
    expect(await page.locator("#file-select option").allTextContents()).not.toContain("river-dispute.gazetteer.yaml");
    await page.locator("#ingest-gazetteer").selectOption("river-dispute.gazetteer.yaml");
    await poll(() => status.textContent()).toBe("In use: built-in + river-dispute.gazetteer.yaml (adds Valdoria, Corland; 2 new topics)");
    await page.locator('#panel-ingest input[aria-label="Article file"]').setInputFiles(join(wb.dir, "river-dispute.txt"));
    await poll(() => page.locator("#ingest-name").inputValue()).toBe("river-dispute.txt");
    await page.getByRole("button", { name: "Read the article" }).click();
    await poll(() => page.locator(".ing-facts").textContent()).toMatch(
      /^“Valdoria and Corland agree to talks on disputed river”: .*Gazetteer: built-in \+ river-dispute\.gazetteer\.yaml\./,
    );
    // The parties have the gazetteer's ids; without it they were named after the words used (valdoria, corland).
    expect(await page.locator('[data-key="dm:vd"]').count()).toBe(1);
    expect(await page.locator('[data-key="dm:co"]').count()).toBe(1);
    expect(await page.locator('[data-key="option:vd_dam"]').count()).toBe(1);
    expect(
      await page
        .getByTestId("ingest-actor")
        .filter({ hasText: /^Marlow$/ })
        .count(),
    ).toBe(1);
  });

  it("refuses a broken gazetteer opened from disk, naming the line and column, and keeps the one in use", async () => {
    const { page } = wb;
    const bad = join(wb.dir, "broken.gazetteer.yaml");
    writeFileSync(bad, "format: parley-gazetteer/1\nactors:\n  - id: vd_pm\n    name: Valdoria's prime minister\n    actsFor: valdoria\n");
    await page.locator('#panel-ingest input[aria-label="Gazetteer file"]').setInputFiles(bad);
    const status = page.getByTestId("ingest-gazetteer");
    await poll(() => status.textContent()).toMatch(/broken\.gazetteer\.yaml is not used: 1 problem/);
    const text = await status.textContent();
    expect(text).toContain("Line 5, column 14: actor 'vd_pm' acts for 'valdoria', which is not in the gazetteer (at actors[0].actsFor)");
    expect(text).toContain("In use: built-in + river-dispute.gazetteer.yaml");
    expect(await page.locator("#ingest-gazetteer").inputValue()).toBe("river-dispute.gazetteer.yaml");
    await page.screenshot({ path: join(process.env.PARLEY_SHOT_DIR ?? wb.dir, "ingest-gazetteer.png") });
  });

  it("accepts a status-quo element into a new scenario, as one undo step", async () => {
    const { page } = wb;
    await page.locator("#ingest-gazetteer").selectOption("");
    await poll(() => page.getByTestId("ingest-gazetteer").textContent()).toBe("In use: the built-in gazetteer");
    await page.getByRole("button", { name: "Edit the text" }).click();
    await page.locator("#ingest-input").fill(readFileSync(join(ROOT, "corpus/ingest/ukraine-talks.txt"), "utf8"));
    await page.locator("#ingest-name").fill("ukraine-talks.txt");
    await page.getByRole("button", { name: "Read the article" }).click();
    const today = page.locator('[data-key="statusquo:ru_offensive"]');
    await poll(() => today.count()).toBe(1);
    expect(await page.locator(".ing-facts").textContent()).toMatch(/Gazetteer: built-in\./);
    // The india-pakistan scenario of the test before is not saved: leave it.
    await page.getByRole("button", { name: "New scenario" }).click();
    await page.getByRole("button", { name: "Discard it" }).click();
    await poll(() => page.locator("#file-select option:checked").textContent()).toMatch(/ukraine-talks\.yaml \(not saved yet\)/);
    expect(await today.textContent()).toMatch(/^Today: Russia/);
    await today.getByRole("button", { name: /^Accept/ }).click();
    await poll(() => page.getByTestId("ingest-message").textContent()).toBe(
      "Added to ukraine-talks.yaml: party Russia (ru); option ru_offensive; status quo: ru_offensive taken today.",
    );
    await poll(() => page.locator(".cm-content").textContent()).toMatch(/statusQuo: \{ ru_offensive: Y \}/);
    await poll(() => today.textContent()).toMatch(/in the scenario/);
    await poll(() => page.getByTestId("eq-count-Nash").isVisible()).toBe(true);
    // One undo takes the whole element out again (party, option and status quo).
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+z");
    await poll(() => page.locator(".cm-content").textContent()).toMatch(/statusQuo: \{\}/);
    expect(await page.locator(".cm-content").textContent()).not.toMatch(/ru_offensive/);
    await page.keyboard.press("Alt+9");
    await poll(() => today.textContent()).not.toMatch(/in the scenario/);
    await today.getByRole("button", { name: /^Accept/ }).click();
    await poll(() => today.textContent()).toMatch(/in the scenario/);
    await today.locator("button.ing-el-text").click();
    await poll(() => page.locator(".ing-sent.prov").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(process.env.PARLEY_SHOT_DIR ?? wb.dir, "ingest-status-quo.png") });
  });

  it("raised no page errors and no CSP violations", async () => {
    expect(pageErrors).toEqual([]);
    expect(await cspViolations()).toEqual([]);
  });
});
