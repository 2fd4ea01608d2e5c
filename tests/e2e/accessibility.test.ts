/**
 * axe-core (pinned in package.json) on the served workbench's main views, in
 * headless Chromium (issue 19): no serious or critical violation in the
 * States table, From today, Report, Compare with a result, every tab of
 * Deeper analyses with its result, Forecast, Bargaining, Ingest and the Forms
 * editor. The Graph view is left out here (it has its own tests). axe is
 * served from the page's own origin, so the server's Content-Security-Policy
 * stays as it is.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, openWorkbench, ROOT, watchPage, type Workbench } from "../helpers/workbench.js";

const haveChromium = existsSync(CHROMIUM) || !!process.env.CI;
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });

interface Finding {
  id: string;
  impact: string;
  nodes: string[];
}

describe.skipIf(!haveChromium)("accessibility of the workbench's views (axe-core)", () => {
  let wb: Workbench;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    wb = await openWorkbench({ width: 1280, height: 800 });
    ({ pageErrors } = await watchPage(wb));
    const axe = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
    await wb.page.route("**/__axe.js", (r) => r.fulfill({ body: axe, contentType: "text/javascript" }));
  }, 60_000);
  afterAll(async () => {
    await wb?.close();
  });

  /** The serious and critical violations in the page as it is now (the Graph view excluded). */
  async function violations(): Promise<Finding[]> {
    const { page } = wb;
    if (!(await page.evaluate(() => "axe" in globalThis))) await page.addScriptTag({ url: `${wb.url}__axe.js` });
    return page.evaluate(async () => {
      const axe = (
        globalThis as unknown as { axe: { run(ctx: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }
      ).axe;
      const r = await axe.run({ exclude: [["#panel-graph"]] });
      return r.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
    });
  }

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
