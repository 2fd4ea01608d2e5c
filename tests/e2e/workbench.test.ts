/**
 * The workbench end to end, in headless Chromium against `parley serve` on a
 * copy of the shipped scenarios: see the default scenario's equilibria, make
 * a syntax error and see it marked at its line, fix it, change a preference
 * and see the equilibria change, save, reload and find the change on disk;
 * then a conflicting save, unsaved edits offered back after a reload, and a
 * comparison of two scenarios.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outline } from "../../web/src/yaml-edits.js";
import { CHROMIUM, openWorkbench, type Workbench } from "../helpers/workbench.js";

// CI installs Debian's chromium (.ci/run); elsewhere the suite is skipped, and says so, when it is missing.
const haveChromium = existsSync(CHROMIUM) || !!process.env.CI;
const FILE = "ukraine-2025.yaml";
/** Wait for the page to catch up (the engine works in a worker, after a short pause in typing). */
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });

describe.skipIf(!haveChromium)("the workbench in a browser", () => {
  let wb: Workbench;
  const pageErrors: string[] = [];
  const disk = () => readFileSync(join(wb.dir, FILE), "utf8");
  const count = (concept: string) => wb.page.getByTestId(`eq-count-${concept}`).textContent();
  const line = (n: number) => wb.page.locator(".cm-content .cm-line").nth(n - 1);

  beforeAll(async () => {
    wb = await openWorkbench();
    wb.page.on("pageerror", (e) => pageErrors.push(e.message));
  }, 60_000);
  afterAll(async () => {
    await wb?.close();
  });

  it("opens the default scenario and shows its equilibria", async () => {
    await wb.page.goto(wb.url);
    await poll(() => count("Nash")).toBe("16");
    expect(await count("SEQ")).toBe("128");
    await poll(() => wb.page.getByTestId("table-count").textContent()).toBe("576 states");
    expect(await wb.page.locator("#file-select").inputValue()).toBe(FILE);
  });

  it("marks a syntax error at its line and clears it once fixed", async () => {
    const { page } = wb;
    await line(6).click();
    await page.keyboard.press("End");
    await page.keyboard.type(": oops");
    const problems = page.getByTestId("problems");
    await poll(() => problems.textContent()).toMatch(/Line 6, column 7: YAML syntax error/);
    expect(await line(6).locator(".cm-lintRange-error").count()).toBeGreaterThan(0);
    expect(await page.locator(".cm-line:has(.cm-lintRange-error)").count()).toBe(1);
    expect(await page.getByTestId("summary").textContent()).toMatch(/1 problem; the views show the last version that loaded/);
    // Fix it: undo the typing.
    for (let i = 0; i < 10 && (await problems.isVisible()); i++) {
      await page.keyboard.press("Control+z");
      await page.waitForTimeout(350);
    }
    await poll(() => problems.isVisible()).toBe(false);
    expect(await page.locator(".cm-lintRange-error").count()).toBe(0);
    expect(await count("SEQ")).toBe("128");
  });

  it("changes a preference with the forms and sees the equilibria change", async () => {
    const { page } = wb;
    await page.getByRole("tab", { name: /Forms/ }).click();
    const us = page.getByRole("list", { name: "United States's preference statements" });
    await us.getByRole("button", { name: "Move “!us_sanctions” up" }).click();
    // Sanctions on hold now matter more to the US than sanctions against an offensive (the report's decisive assumption).
    await poll(() => count("SEQ")).toBe("48");
    expect(await count("Nash")).toBe("16");
    await poll(() => page.getByTestId("file-status").textContent()).toMatch(/Unsaved/);
  });

  it("saves with Ctrl+S and finds the change on disk after a reload", async () => {
    const { page } = wb;
    await page.keyboard.press("Control+s");
    await poll(() => page.getByTestId("file-status").textContent()).toMatch(/^Saved/);
    const us = outline(disk())[0].statements!.map((s) => s.text);
    expect(us.slice(5)).toEqual(["!us_sanctions", "if ru_offensive then us_sanctions"]);
    await page.reload();
    await poll(() => count("SEQ")).toBe("48");
    expect(await page.locator("#draft-banner").isVisible()).toBe(false);
    expect(await page.getByTestId("file-status").textContent()).toBe("Saved");
  });

  it("asks before overwriting a file that changed on disk", async () => {
    const { page } = wb;
    writeFileSync(join(wb.dir, FILE), disk().replace("name: The 2025 Ukraine peace process", "name: Changed elsewhere"));
    await page.getByRole("tab", { name: /YAML/ }).click();
    await line(7).click();
    await page.keyboard.press("End");
    await page.keyboard.type(" (edited)");
    await page.keyboard.press("Control+s");
    const dialog = page.getByRole("dialog", { name: /changed on disk/ });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Save mine anyway" }).click();
    await poll(() => page.getByTestId("file-status").textContent()).toMatch(/^Saved/);
    expect(disk()).toContain("asOf: August 2025 (edited)");
    expect(disk()).not.toContain("Changed elsewhere");
  });

  it("offers unsaved edits back after a reload", async () => {
    const { page } = wb;
    await line(7).click();
    await page.keyboard.press("End");
    await page.keyboard.type(" draft");
    await poll(() => page.getByTestId("file-status").textContent()).toMatch(/Unsaved/);
    await page.waitForTimeout(600); // the draft is written 0.4 s after the last keystroke
    await page.reload();
    const banner = page.locator("#draft-banner");
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/unsaved edits to ukraine-2025.yaml/);
    await banner.getByRole("button", { name: "Restore my edits" }).click();
    await poll(() => line(7).textContent()).toBe("asOf: August 2025 (edited) draft");
    expect(disk()).not.toContain("draft");
  });

  it("opens a second scenario and compares it with the first", async () => {
    const { page } = wb;
    await page.locator("#file-select").selectOption("ukraine-2025-us-walks-away.yaml");
    await poll(() => page.getByTestId("summary").textContent()).toMatch(/walks away/);
    await page.keyboard.press("Alt+5");
    await page.locator("#compare-file").selectOption(FILE);
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    const result = page.locator(".compare-result");
    await poll(() => result.textContent()).toMatch(/What changed in the model/);
    const text = (await result.textContent()) ?? "";
    expect(text).toMatch(/What if the US walks away/);
    expect(text).toMatch(/The 2025 Ukraine peace process/);
    expect(text).toMatch(/the US has walked away from the talks/);
    // The preference change saved above shows as equilibria gained and lost under SEQ.
    expect(await page.getByTestId("compare-count-A-SEQ").textContent()).toBe("128");
    expect(await page.getByTestId("compare-count-B-SEQ").textContent()).toBe("48");
    expect(await page.getByTestId("compare-diff-SEQ").isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
