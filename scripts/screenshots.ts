/**
 * `npm run screenshots`: pictures of the workbench's main views at 1280×800,
 * taken in headless Chromium on a copy of the shipped scenarios, written to
 * docs/screenshots/*.png (shown in docs/workbench.md). Needs the built app
 * (`npm run build`) and /usr/bin/chromium (or PARLEY_CHROMIUM).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { parse, stringify } from "yaml";
import { openWorkbench, ROOT } from "../tests/helpers/workbench.js";

const OUT = join(ROOT, "docs/screenshots");

async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const wb = await openWorkbench({ width: 1280, height: 800 });
  const { page } = wb;
  page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  const tab = (name: RegExp) => page.getByRole("tab", { name }).click();
  const toggleEditor = () => page.locator("#toggle-editor").click();
  // The bottom line's fold is remembered in the browser: fold it only when open.
  const foldBottomLine = async () => {
    const button = page.locator("#bottom-line-title button.fold");
    if ((await button.getAttribute("aria-expanded")) === "true") await button.click();
  };
  try {
    await page.goto(wb.url);
    await page.getByTestId("eq-count-Nash").waitFor();
    // The first screen: the bottom line above the views, today's row in view.
    await page.locator("#bottom-line-title").filter({ hasText: "computed" }).waitFor({ timeout: 60_000 });

    // 1. The editor beside the state table, under the bottom line.
    await shot(page, "workbench");

    // The other views with the bottom line folded to its title (as a reader who has read it would), to show more of each.
    await page.locator("#bottom-line-title button.fold").click();

    // 2. A syntax error, underlined at its line, and the problems list.
    await page.locator(".cm-content .cm-line").nth(5).click();
    await page.keyboard.press("End");
    await page.keyboard.type(": oops");
    await page.getByTestId("problems").waitFor();
    await page.waitForTimeout(300);
    await page.locator(".cm-content .cm-line").nth(5).locator(".cm-lintRange-error").hover();
    await page.waitForTimeout(700);
    await page.screenshot({ path: join(OUT, "validation.png") });
    console.log("docs/screenshots/validation.png");
    for (let i = 0; i < 10 && (await page.getByTestId("problems").isVisible()); i++) {
      await page.keyboard.press("Control+z");
      await page.waitForTimeout(300);
    }

    // 3. The forms.
    await tab(/Forms/);
    await page.getByRole("list", { name: "United States's preference statements" }).scrollIntoViewIfNeeded();
    await shot(page, "forms");

    // 3b. More forms: an option's phrases, the constraints and adding one (nothing is changed).
    const forms = page.locator("#panel-forms");
    await forms.getByRole("button", { name: "us_sanctions", exact: true }).click();
    await forms.getByText("Add a constraint").click();
    await forms.getByLabel("At most one of these options").check();
    await forms.getByLabel("ru_summit", { exact: true }).check();
    await forms.getByLabel("ru_offensive", { exact: true }).check();
    await forms.locator("#f-c-note").fill("Putin does not meet Zelensky while pressing the offensive");
    await forms.getByRole("heading", { name: "What cannot happen" }).evaluate((el) => el.scrollIntoView({ block: "start" }));
    await forms.locator("#f-ph-us_sanctions-taken").evaluate((el) => el.closest("fieldset")!.scrollIntoView({ block: "start" }));
    await page.waitForTimeout(100);
    await shot(page, "forms-phrases");
    await forms.getByRole("heading", { name: "What cannot happen" }).evaluate((el) => el.scrollIntoView({ block: "start" }));
    await shot(page, "forms-constraint");
    await tab(/YAML/);

    // 4. The graph of moves around today, the editor hidden so that its text list is beside it, a row hovered.
    await toggleEditor();
    await tab(/Graph/);
    const graphInfo = page.getByTestId("graph-info");
    await graphInfo.filter({ hasText: "Click a state" }).waitFor();
    await page.locator('[data-testid="graph-table"] tr[data-state="303"]').hover();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, "graph.png") });
    console.log("docs/screenshots/graph.png");

    // 4b. The tree of the states two moves from today.
    await page.locator("#graph-mode").selectOption("tree");
    await page.locator("#graph-depth").selectOption("2");
    await graphInfo.filter({ hasText: "by up to 2 moves" }).waitFor();
    await shot(page, "graph-tree");

    // 4c. A model of 9,216 states (the default scenario with four more options for Europe): its graph opens on the tree of today's moves.
    const large = readFileSync(join(wb.dir, "ukraine-2025.yaml"), "utf8").replace(
      "      - id: eu_force\n",
      `${["a", "b", "c", "d"].map((k) => `      - id: eu_extra_${k}\n        label: Extra option ${k}\n`).join("")}      - id: eu_force\n`,
    );
    writeFileSync(join(wb.dir, "large-model.yaml"), large);
    await page.goto(`${wb.url}#large-model.yaml`);
    await page.reload();
    await page.getByTestId("eq-count-Nash").waitFor({ timeout: 120_000 });
    if ((await page.locator("#toggle-editor").textContent()) !== "Show editor") await toggleEditor();
    await page.locator("#bottom-line-title").filter({ hasText: "computed" }).waitFor({ timeout: 240_000 });
    await foldBottomLine();
    await tab(/Graph/);
    await graphInfo.filter({ hasText: "Click a state" }).waitFor({ timeout: 60_000 });
    await shot(page, "graph-large");
    await page.goto(`${wb.url}#ukraine-2025.yaml`);
    await page.reload();
    await page.getByTestId("eq-count-Nash").waitFor();
    await page.locator("#bottom-line-title").filter({ hasText: "computed" }).waitFor({ timeout: 60_000 });
    await foldBottomLine();
    if ((await page.locator("#toggle-editor").textContent()) === "Show editor") await toggleEditor();

    // 5. The explanation of a state (a ceasefire that credible threats hold), beside the graph (editor hidden).
    await toggleEditor();
    await tab(/States/);
    await page.locator("#state-search").fill("295");
    await page.locator('table.states tbody tr[data-state="295"]').click();
    await page.locator("#state-search").fill("");
    await page.getByTestId("explain").getByText("Deterred:").first().waitFor();
    await tab(/Graph/);
    await page.waitForTimeout(600);
    await shot(page, "explanation");
    await page.getByRole("button", { name: /Close the explanation/ }).click();

    // 6. From today: the status quo analysis.
    await tab(/From today/);
    await shot(page, "paths");

    // 7. The report.
    await tab(/Report/);
    await page.frameLocator("iframe.report-frame").locator("h1").waitFor({ timeout: 60_000 });
    await shot(page, "report");

    // 8. Two scenarios side by side.
    await tab(/Compare/);
    await page.locator("#compare-file").selectOption("ukraine-2025-us-air-guarantee.yaml");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await page.getByText("What changed in the model").waitFor();
    await shot(page, "compare");

    // 9. Deeper analyses: robustness, sampled (so the bars have their intervals), under SEQ.
    await tab(/Deeper analyses/);
    await page.getByTestId("robustness-chart").waitFor({ timeout: 60_000 });
    await page.getByLabel("Always sample").check();
    await page.locator("#rob-run").click();
    await page.getByTestId("robustness-summary").filter({ hasText: "sampled" }).waitFor({ timeout: 60_000 });
    await shot(page, "robustness");
    await page.locator("#panel-deeper #deeper-robustness").evaluate((el) => (el.scrollTop = el.scrollHeight));
    await shot(page, "robustness-influence");

    // 10. Inverse GMCR: what would make a ceasefire with the sanctions on hold (state 295) stable; today's state already is.
    await page.getByRole("tab", { name: "Inverse GMCR" }).click();
    await page.locator("#inverse-target").fill("295");
    await page.getByRole("button", { name: "Find the nearest change" }).click();
    await page.getByTestId("inverse-changes").waitFor();
    await shot(page, "inverse");

    // 11. The groups that could leave today's state, beside its explanation: none can (it holds against every coalition).
    await page.getByTestId("summary").getByRole("button", { name: "state 301" }).click();
    await page.getByTestId("explain").getByRole("button", { name: "Groups that could leave it" }).click();
    await page.getByText("it holds against every coalition").waitFor();
    await shot(page, "coalitions");

    // 11b. Foresight: the parties two moves ahead, in rotation; what each anticipates from today, the L_2 equilibria by number and name.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Alt+6");
    await page.getByRole("tab", { name: "Foresight" }).click();
    await page.getByTestId("foresight-plays").waitFor({ timeout: 60_000 });
    await shot(page, "foresight");

    // 11c. Hypergame: the United States seeing the conflict as the variant where Putin is willing to meet describes it.
    await page.getByRole("tab", { name: "Hypergame" }).click();
    await page.locator("#hypergame-file").selectOption("ukraine-2025-putin-willing-to-meet.yaml");
    await page.locator("#hypergame-dm").selectOption({ label: "United States" });
    await page.locator("#deeper-hypergame").getByRole("button", { name: "Run" }).click();
    await page.getByTestId("hypergame-source").filter({ hasText: "sees the conflict as" }).waitFor({ timeout: 60_000 });
    await shot(page, "hypergame");

    // 12. The forecast, with the editor hidden: outcomes, then the questions' charts.
    await page.keyboard.press("Escape");
    await tab(/^Forecast/);
    await page.getByTestId("forecast-outcomes").waitFor({ timeout: 60_000 });
    await toggleEditor();
    await page.locator("#panel-forecast").evaluate((el) => (el.scrollTop = 95));
    await shot(page, "forecast");
    await toggleEditor();

    // 13. Bargaining: where the continuous issues settle, round 1 of the expected utility model opened.
    await tab(/Bargaining/);
    await page.getByTestId("bargain-territory").locator('circle[data-model="expected-utility"][data-round="1"]').click();
    await shot(page, "bargaining");

    // 13b. Unknown preferences: Chicken where driver A does not know whether it would rather crash than swerve.
    const chicken = parse(readFileSync(join(ROOT, "scenarios/chicken.yaml"), "utf8"));
    chicken.preferences.a = {
      statements: chicken.preferences.a,
      unknown: [{ between: "!a_swerves & !b_swerves", and: "a_swerves", note: "A does not know whether it would rather crash than swerve." }],
    };
    const unknown = stringify(chicken);
    writeFileSync(join(wb.dir, "chicken-unknown.yaml"), unknown);
    await page.goto(`${wb.url}#chicken-unknown.yaml`);
    await page.reload();
    await page.getByTestId("eq-count-Nash").waitFor({ timeout: 60_000 });
    await page.keyboard.press("Alt+6");
    await page.getByRole("tab", { name: "Unknown preferences" }).click();
    await page.getByTestId("unknown-table").waitFor({ timeout: 60_000 });
    await shot(page, "unknown");

    // 14. Ingest: an article with its actors and events, an event's codes on hover, an accepted element's sentences marked.
    await page.keyboard.press("Alt+9");
    await page.locator("#ingest-input").fill(readFileSync(join(ROOT, "corpus/ingest/ukraine-talks.txt"), "utf8"));
    await page.locator("#ingest-name").fill("ukraine-talks.txt");
    await page.getByRole("button", { name: "Read the article" }).click();
    const talks = page.locator('[data-key="pref:eu:if ru_talks then ru_ceasefire"]');
    await talks.getByRole("button", { name: /^Accept/ }).click();
    await talks.locator("button.ing-el-text").click();
    await page
      .getByTestId("ingest-event")
      .filter({ hasText: /^rejected$/ })
      .hover();
    await page.getByTestId("ingest-tip").waitFor();
    await page.screenshot({ path: join(OUT, "ingest.png") });
    console.log("docs/screenshots/ingest.png");
  } finally {
    await wb.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
