/**
 * axe-core (pinned in package.json) on the served workbench's main views, in
 * headless Chromium (issue 19): no serious or critical violation in the
 * States table, From today, the Graph, Report, Compare with a result, every
 * tab of Deeper analyses with its result, Forecast, Bargaining, Ingest and the
 * Forms editor (tests/helpers/axe.ts).
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Finding, seriousViolations, serveAxe } from "../helpers/axe.js";
import { CHROMIUM, openWorkbench, watchPage, type Workbench } from "../helpers/workbench.js";

const haveChromium = existsSync(CHROMIUM) || !!process.env.CI;
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });

describe.skipIf(!haveChromium)("accessibility of the workbench's views (axe-core)", () => {
  let wb: Workbench;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    wb = await openWorkbench({ width: 1280, height: 800 });
    ({ pageErrors } = await watchPage(wb));
    await serveAxe(wb);
  }, 60_000);
  afterAll(async () => {
    await wb?.close();
  });

  const violations = () => seriousViolations(wb);

  it("finds none in the States table, From today, Graph, Report, Compare, Forecast, Bargaining, Ingest and the forms", async () => {
    const { page } = wb;
    await page.goto(`${wb.url}#elmira.yaml`);
    await poll(() => page.getByTestId("table-count").textContent()).toBe("12 states");
    const found: Record<string, Finding[]> = {};
    found.states = await violations();
    for (const [view, ready] of [
      ["paths", "#panel-paths ol.paths"],
      ["graph", "[data-testid=graph-info]"],
      ["report", "#panel-report iframe"],
      ["forecast", "#panel-forecast h3"],
      ["bargain", "#panel-bargain p"],
      ["ingest", "#panel-ingest textarea"],
    ] as const) {
      await page.locator(`#tab-${view}`).click();
      await page.locator(ready).first().waitFor({ timeout: 20_000 });
      found[view] = await violations();
    }
    await page.locator("#tab-compare").click();
    await page.locator("#compare-file").selectOption("chicken.yaml");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await poll(() => page.locator(".compare-result").textContent()).toMatch(/What changed in the model/);
    found.compare = await violations();
    await page.locator("#tab-forms").click();
    await page.locator("#panel-forms input").first().waitFor();
    found.forms = await violations();
    await page.locator("#tab-yaml").click();
    expect(found).toEqual({ states: [], paths: [], graph: [], report: [], forecast: [], bargain: [], ingest: [], compare: [], forms: [] });
    expect(pageErrors).toEqual([]);
  });

  it("finds none in each tab of Deeper analyses, with its result shown", async () => {
    const { page } = wb;
    await page.locator("#tab-deeper").click();
    const found: Record<string, Finding[]> = {};
    for (const [tab, ready] of [
      ["robustness", "#deeper-robustness table"],
      ["inverse", "#deeper-inverse form"],
      ["coalitions", ".coalitions-result h3"],
      ["foresight", "[data-testid=foresight-verdict]"],
      ["hypergame", "[data-testid=hypergame-verdict]"],
      ["unknown", "[data-testid=unknown-verdict]"],
    ] as const) {
      await page.locator(`#tab-deeper-${tab}`).click();
      await page.locator(ready).first().waitFor({ timeout: 20_000 });
      found[tab] = await violations();
    }
    expect(found).toEqual({ robustness: [], inverse: [], coalitions: [], foresight: [], hypergame: [], unknown: [] });
    expect(pageErrors).toEqual([]);
  });

  it("finds none on the default scenario's first screen, its From today and a state's explanation", async () => {
    const { page } = wb;
    await page.goto(`${wb.url}#ukraine-2025.yaml`);
    await poll(() => page.getByTestId("table-count").textContent()).toBe("576 states");
    await page.locator("#bottom-line-body li").first().waitFor({ timeout: 30_000 });
    const found: Record<string, Finding[]> = { first: await violations() };
    await page.locator("#tab-paths").click();
    await page.locator("#panel-paths ol.paths").waitFor();
    found.paths = await violations();
    await page
      .getByTestId("summary")
      .getByRole("button", { name: /^state \d+$/ })
      .first()
      .click();
    await page.getByTestId("explain").waitFor();
    found.explain = await violations();
    expect(found).toEqual({ first: [], paths: [], explain: [] });
    expect(pageErrors).toEqual([]);
  });
});
