/**
 * The command line's extensions under Deeper analyses, in headless Chromium
 * (issue 19, item 10): limited-move / non-myopic stability, a hypergame with
 * one party's perception taken from another scenario file, and unknown
 * preferences; each state by number and name.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeHypergame, loadModel } from "../../src/index.js";
import { perceivedScenario } from "../../web/src/workers/engine/extensions.js";
import { CHROMIUM, openWorkbench, watchPage, type Workbench } from "../helpers/workbench.js";

const haveChromium = existsSync(CHROMIUM) || !!process.env.CI;
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });

describe.skipIf(!haveChromium)("deeper analyses: foresight, hypergames, unknown preferences", () => {
  let wb: Workbench;
  let pageErrors: string[] = [];
  let elmira = "";
  let view = "";

  beforeAll(async () => {
    wb = await openWorkbench({ width: 1280, height: 800 });
    // The ministry's picture of Elmira: it believes Uniroyal would rather abandon the plant than anything else.
    elmira = readFileSync(join(wb.dir, "elmira.yaml"), "utf8");
    const [head, rest] = elmira.split("  uniroyal:\n");
    const [uniroyal, tail] = rest.split("  local:\n");
    const swapped = uniroyal.replace("- NYNNN", "- @").replace("- ---Y-", "- NYNNN").replace("- @", "- ---Y-");
    view = `${head}  uniroyal:\n${swapped}  local:\n${tail}`;
    expect(view).not.toBe(elmira);
    writeFileSync(join(wb.dir, "elmira-moe-view.yaml"), view);
    ({ pageErrors } = await watchPage(wb));
  }, 60_000);
  afterAll(async () => {
    await wb?.close();
  });

  it("foresight: L_2 stability with three parties in rotation, today's anticipated play, the equilibria by number and name", async () => {
    const { page } = wb;
    await page.goto(`${wb.url}#elmira.yaml`);
    await poll(() => page.getByTestId("table-count").textContent()).toBe("12 states");
    await page.keyboard.press("Alt+6");
    await page.getByRole("tab", { name: "Foresight" }).click();
    // Three parties: the two-party definition is not offered, rotation is the default.
    expect(await page.locator("#foresight-variant option").allTextContents()).toEqual(["rotation", "maximin"]);
    await poll(() => page.getByTestId("foresight-verdict").textContent()).toBe(
      "Today, state 1 delay, is not L_2 stable for every party (variant rotation). 5 L_2 equilibria.",
    );
    const rows = page.getByTestId("foresight-plays").locator("tbody tr");
    expect(await rows.allInnerTexts()).toEqual([
      "Ministry of the Environment\tmoves\tstate 4 modify + accept",
      "Uniroyal Chemical\tstays\tstate 1 delay",
      "Local Government\tmoves\tstate 7 delay + insist",
    ]);
    expect(await page.locator("#deeper-foresight .small-table").nth(1).locator("tbody tr td:first-child").allInnerTexts()).toEqual([
      "state 5 abandon",
      "state 6 modify + abandon",
      "state 10 modify + accept + insist",
      "state 11 abandon + insist",
      "state 12 modify + abandon + insist",
    ]);
    // Non-myopic: the limit of ever longer horizons.
    await page.locator("#foresight-nm").check();
    await page.locator("#deeper-foresight").getByRole("button", { name: "Run" }).click();
    await poll(() => page.getByTestId("foresight-verdict").textContent()).toMatch(/NM stable for every party \(variant rotation\)\. \d+ NM equilibri/);
    // A state link explains the state.
    await page.getByTestId("foresight-plays").getByRole("button", { name: "state 1" }).first().click();
    await poll(() => page.getByTestId("explain").textContent()).toMatch(/State 1/);
  });

  it("hypergame: with no misperception it says so; with the ministry's view from another file, the equilibria gained and lost", async () => {
    const { page } = wb;
    await page.keyboard.press("Alt+6");
    await page.getByRole("tab", { name: "Hypergame" }).click();
    await poll(() => page.getByTestId("hypergame-verdict").textContent()).toBe(
      "No party misperceives anything: the hypergame is the game itself, with the same equilibria.",
    );
    await page.locator("#hypergame-file").selectOption("elmira-moe-view.yaml");
    await page.locator("#hypergame-dm").selectOption({ label: "Ministry of the Environment" });
    await page.locator("#deeper-hypergame").getByRole("button", { name: "Run" }).click();
    await poll(() => page.getByTestId("hypergame-source").textContent()).toMatch(
      /^Perceptions: Ministry of the Environment sees the conflict as elmira-moe-view\.yaml describes it/,
    );
    expect(await page.getByTestId("hypergame-verdict").textContent()).toMatch(/^Misperception changes (the equilibria under|no equilibrium)/);
    // Each concept's counts as the engine gives them for the scenario with the ministry's perceived preferences.
    const h = analyzeHypergame(loadModel(perceivedScenario(elmira, "elmira.yaml", { dm: 0, file: "elmira-moe-view.yaml", text: view })));
    expect(h.misperception).toBe(true);
    const rows = await page.getByTestId("hypergame-table").locator("tbody tr").allInnerTexts();
    expect(rows.map((r) => r.split("\t").slice(0, 3).join(" "))).toEqual(
      h.concepts.map((c) => `${c} ${h.plain.equilibria[c]!.length} ${h.equilibria[c]!.length}`),
    );
  });

  it("From today and Coalitions give each state's name beside its number", async () => {
    const { page } = wb;
    await page.keyboard.press("Alt+3");
    const panel = page.locator("#panel-paths");
    await poll(() => panel.locator("p").first().textContent()).toMatch(/^State 1 delay: Delay the appeal process\./);
    expect(await panel.locator("ol.paths > li .path-head").allTextContents()).toEqual([
      expect.stringMatching(/^State 1 delay/),
      expect.stringMatching(/^State 7 delay \+ insist/),
    ]);
    expect(await panel.locator("ol.steps li").first().textContent()).toMatch(/→ state 7 delay \+ insist/);
    await page.keyboard.press("Alt+6");
    await page.getByRole("tab", { name: "Coalitions" }).click();
    await page.locator("#coalition-state").fill("1");
    await page.locator("#deeper-coalitions").getByRole("button", { name: "Show" }).click();
    await poll(() => page.locator(".coalitions-result h3").textContent()).toBe("State 1 (today) delay NYNNN");
  });

  it("unknown preferences: a scenario without them says what to add; the table of variants is there", async () => {
    const { page } = wb;
    await page.keyboard.press("Alt+6");
    await page.getByRole("tab", { name: "Unknown preferences" }).click();
    await poll(() => page.getByTestId("unknown-verdict").textContent()).toMatch(/^No party has unknown preferences in this scenario/);
    expect(await page.getByTestId("unknown-table").locator("thead th").allTextContents()).toEqual([
      "Concept",
      "Plain",
      "Variant a",
      "Variant b",
      "Variant c",
      "Variant d",
    ]);
    expect(pageErrors).toEqual([]);
  });
});
