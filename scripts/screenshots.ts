/**
 * `npm run screenshots`: pictures of the workbench's main views at 1280×800,
 * taken in headless Chromium on a copy of the shipped scenarios, written to
 * docs/screenshots/*.png (shown in docs/workbench.md). Needs the built app
 * (`npm run build`) and /usr/bin/chromium (or PARLEY_CHROMIUM).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
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
  try {
    await page.goto(wb.url);
    await page.getByTestId("eq-count-Nash").waitFor();

    // 1. The editor beside the state table.
    await shot(page, "workbench");

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
    await tab(/YAML/);

    // 4. The graph of moves around today.
    await tab(/Graph/);
    await page.getByTestId("graph-info").filter({ hasText: "states" }).waitFor();
    await shot(page, "graph");

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
  } finally {
    await wb.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
