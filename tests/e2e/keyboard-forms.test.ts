/**
 * Issue 19, items 4, 5 and 9, in headless Chromium: the YAML editor is no
 * keyboard trap (reached by Tab, Tab moves on until the user types or
 * presses Enter; then Tab indents, Escape then Tab leaves; a line under the
 * editor says which); the file list notices a file added to the folder while
 * the page keeps the focus; the forms' status line never lies over what
 * follows it; and an edit, or its undo, keeps the state table where the
 * user had scrolled it.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, serveAxe } from "../helpers/axe.js";
import { CHROMIUM, openWorkbench, watchPage, type Workbench } from "../helpers/workbench.js";

const haveChromium = existsSync(CHROMIUM) || !!process.env.CI;
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });
const SHOTS = process.env.PARLEY_E2E_SHOTS;

describe.skipIf(!haveChromium)("the keyboard in the editor, the file list, the forms' status and the table's place", () => {
  let wb: Workbench;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    wb = await openWorkbench({ width: 1024, height: 768 });
    ({ pageErrors } = await watchPage(wb));
    // Count the page's focus changes: the file list must not need one.
    await wb.context.addInitScript({
      content:
        "window.focusChanges = 0; window.addEventListener('focus', () => window.focusChanges++); document.addEventListener('visibilitychange', () => window.focusChanges++);",
    });
    // axe-core, for the line under the editor.
    await serveAxe(wb);
  }, 60_000);
  afterAll(async () => {
    await wb?.close();
  });

  async function open(width: number, height: number): Promise<void> {
    await wb.page.setViewportSize({ width, height });
    await wb.page.goto(`${wb.url}#ukraine-2025.yaml`);
    await wb.page.reload();
    await poll(() => wb.page.getByTestId("table-count").textContent()).toBe("576 states");
  }

  const shot = async (name: string) => {
    if (SHOTS) await wb.page.screenshot({ path: join(SHOTS, `${name}.png`) });
  };
  const editorText = () => wb.page.locator(".cm-content").textContent();
  const inEditor = () => wb.page.evaluate("document.activeElement?.classList.contains('cm-content') ?? false") as Promise<boolean>;
  /** Where the focus is: "editor" (anywhere in it), "body" (nowhere), else the element's tag, id and text. */
  const focused = () =>
    wb.page.evaluate(
      "(a => !a || a === document.body ? 'body' : a.closest('.cm-editor') ? 'editor' : a.tagName.toLowerCase() + '#' + a.id + ' ' + a.textContent.slice(0, 40))(document.activeElement)",
    ) as Promise<string>;
  /** The focus left the editor for a control of the page (and kept it while the analysis of an edit redrew that control). */
  const focusedOutsideEditor = async () => {
    expect(await focused()).not.toMatch(/^(editor|body)$/);
    expect(await hint().isVisible()).toBe(false);
  };
  const hint = () => wb.page.getByTestId("editor-keys");
  const MOVES = "Tab moves on · type or press Enter to edit";
  const INDENTS = "Tab indents · Esc then Tab leaves the editor";

  for (const [width, height] of [
    [1024, 768],
    [1440, 900],
  ]) {
    it(`reaches the editor by Tab and leaves it by Tab until the user edits (${width}x${height})`, async () => {
      const { page } = wb;
      await open(width, height);
      const before = await editorText();
      // From the top of the page, Tab by Tab, to the editor's text.
      await page.evaluate("document.activeElement?.blur()");
      let presses = 0;
      while (!(await inEditor())) {
        await page.keyboard.press("Tab");
        if (++presses > 40) throw new Error("Tab never reached the editor");
      }
      expect(await hint().isVisible()).toBe(true);
      expect(await hint().textContent()).toBe(MOVES);
      expect(await page.locator(".cm-content").getAttribute("aria-describedby")).toBe("editor-keys");
      await shot(`editor-tab-moves-${width}`);
      // The line and the editor it describes: no serious or critical accessibility violation.
      expect((await seriousViolations(wb, { include: [["#edit-pane"]] })).map((v) => v.id)).toEqual([]);
      expect(await inEditor()).toBe(true);
      // The next Tab goes on to the analysis, and the text is as it was (line 1 was indented before).
      await page.keyboard.press("Tab");
      await focusedOutsideEditor();
      expect(await hint().isVisible()).toBe(false);
      expect(await editorText()).toBe(before);
      // Back with Shift+Tab: still moving on; Enter starts editing without adding a line.
      await page.keyboard.press("Shift+Tab");
      expect(await inEditor()).toBe(true);
      expect(await hint().textContent()).toBe(MOVES);
      await page.keyboard.press("Enter");
      expect(await hint().textContent()).toBe(INDENTS);
      expect(await editorText()).toBe(before);
      await shot(`editor-tab-indents-${width}`);
      // Now Tab indents (the cursor is at the start of line 1) and the focus stays.
      await page.keyboard.press("Tab");
      expect(await inEditor()).toBe(true);
      await poll(() => editorText()).toBe(`  ${before}`);
      await page.keyboard.press("Control+z");
      await poll(() => editorText()).toBe(before);
      // Escape, then Tab leaves; the line under the editor said so.
      await page.keyboard.press("Escape");
      expect(await hint().textContent()).toBe(MOVES);
      await page.keyboard.press("Tab");
      await focusedOutsideEditor();
      expect(await editorText()).toBe(before);
      // Arriving by keyboard and typing starts editing too; a click in the text starts it at once.
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.type("#");
      expect(await hint().textContent()).toBe(INDENTS);
      await page.keyboard.press("Control+z");
      await poll(() => editorText()).toBe(before);
      await page.keyboard.press("Escape");
      await page.locator(".cm-line").nth(2).click();
      expect(await hint().textContent()).toBe(INDENTS);
      await page.keyboard.press("Tab");
      expect(await inEditor()).toBe(true);
      await poll(() => editorText()).not.toBe(before);
      await page.keyboard.press("Control+z");
      await poll(() => editorText()).toBe(before);
      expect(pageErrors).toEqual([]);
    });
  }

  it("says how Tab works in the help dialog", async () => {
    const { page } = wb;
    await page.locator("#help-btn").click();
    const help = page.locator("#help");
    expect(await help.textContent()).toMatch(
      /Tab into the editor\s*Tab still moves on, until you type or press Enter \(or click in the text\); then Tab indents/,
    );
    expect(await help.textContent()).toMatch(/Esc then Tab\s*Leave the editor while editing/);
    await page.locator("#help-close").click();
  });

  it("lists a file added to the folder while the page keeps the focus", async () => {
    const { page } = wb;
    await open(1024, 768);
    const changes = await page.evaluate(() => (globalThis as unknown as { focusChanges: number }).focusChanges);
    const options = () => page.locator("#file-select option").allTextContents();
    expect(await options()).not.toContain("added-later.yaml");
    writeFileSync(join(wb.dir, "added-later.yaml"), readFileSync(join(wb.dir, "prisoners-dilemma.yaml"), "utf8"));
    await poll(options).toContain("added-later.yaml");
    expect(await page.evaluate(() => (globalThis as unknown as { focusChanges: number }).focusChanges)).toBe(changes);
    // The open file stays chosen.
    expect(await page.locator("#file-select").inputValue()).toBe("ukraine-2025.yaml");
  });

  for (const [width, height] of [
    [1024, 768],
    [1440, 900],
  ]) {
    it(`keeps the forms' status line off what follows it (${width}x${height})`, async () => {
      const { page } = wb;
      await open(width, height);
      await page.getByRole("tab", { name: /Forms/ }).click();
      const forms = page.locator("#panel-forms");
      await forms.getByText("Add an option to European allies").click();
      await page.locator("#f-new-id-3").fill("9bad");
      await page.locator('[data-key="f-new-add-3"]').click();
      const status = forms.locator(".form-status");
      await poll(() => status.textContent()).toBe("Cannot add the option: an id starts with a letter or '_' and has only letters, digits and '_'.");
      await shot(`forms-status-scrolled-${width}`);
      // Its box holds all its lines (the narrow editor pane wraps the message), and its background covers what scrolls under it.
      const size = await status.evaluate((el) => ({
        lines: Math.round(el.clientHeight / Number.parseFloat(el.ownerDocument.defaultView!.getComputedStyle(el).lineHeight)),
        overflow: el.scrollHeight - el.clientHeight,
      }));
      if (width === 1024) expect(size.lines).toBeGreaterThanOrEqual(2);
      expect(size.overflow).toBeLessThanOrEqual(0);
      const s = (await status.boundingBox())!;
      const covering = await status.evaluate(
        (el, [x, y]) => el.ownerDocument.elementFromPoint(x, y)?.closest(".form-status") === el,
        [s.x + s.width / 2, s.y + s.height - 3],
      );
      expect(covering).toBe(true);
      // The field it is about is in view below it.
      const field = (await page.locator("#f-new-id-3").boundingBox())!;
      expect(field.y).toBeGreaterThanOrEqual(s.y + s.height);
      // At the top of the forms: the heading and the first options' column headers start below the status line.
      await forms.evaluate((el) => {
        el.scrollTop = 0;
      });
      const top = (await status.boundingBox())!;
      for (const below of ["#panel-forms .forms > h3", "#panel-forms table.options-form thead"]) {
        const b = (await page.locator(below).first().boundingBox())!;
        expect(b.y, below).toBeGreaterThanOrEqual(top.y + top.height);
      }
      await shot(`forms-status-top-${width}`);
      await page.getByRole("tab", { name: /YAML/ }).click();
      expect(pageErrors).toEqual([]);
    });
  }

  /** The state at the top of the table's rows in view: its number and name (the row header's tooltip). */
  const topRow = () =>
    wb.page.locator("#panel-states .table-wrap").evaluate((wrap) => {
      // The header's cells stay at the top (sticky); the rows scroll under them.
      const head = Math.max(...[...wrap.querySelectorAll("thead th")].map((th) => th.getBoundingClientRect().bottom));
      for (const tr of wrap.querySelectorAll("tr[data-state]")) if (tr.getBoundingClientRect().bottom > head + 2) return tr.querySelector("th")?.title ?? null;
      return null;
    });

  /** The row header's tooltip of the row at a position (0-based) of the table. */
  const rowTitle = (pos: number) => wb.page.locator(`#panel-states tr[data-pos="${pos}"] th`).getAttribute("title");

  it("keeps the state table's place through a form edit, the undo button, Ctrl+Z and redo", async () => {
    const { page } = wb;
    await open(1024, 768);
    const wrap = page.locator("#panel-states .table-wrap");
    await wrap.evaluate((el) => {
      el.scrollTop = 22 * 180 + 5;
    });
    // Row 181 (state numbers skip the infeasible combinations).
    await poll(topRow).toBe(await rowTitle(180));
    const place = (await topRow())!;
    const name = place.replace(/^State \d+: /, "");
    await page.getByRole("tab", { name: /Forms/ }).click();
    const forms = page.locator("#panel-forms");
    // Adding an option to the first party renumbers every state: the same state (by its name) stays at the top.
    await forms.getByText("Add an option to United States").click();
    await page.locator("#f-new-id-0").fill("us_talks");
    await page.locator("#f-new-label-0").fill("Join the talks");
    await page.locator('[data-key="f-new-add-0"]').click();
    await poll(() => page.getByTestId("table-count").textContent()).toBe("1,152 states");
    await poll(topRow).toMatch(new RegExp(`^State \\d+: ${name.replace(/[+]/g, "\\+")}$`));
    expect(await topRow()).not.toBe(place);
    await shot("table-place-after-edit");
    expect(await forms.locator(".form-status").textContent()).toBe("Added option us_talks to United States; it is not taken today.");
    // The undo button: back to the same numbers, the same row at the top; the status line no longer says the option was added.
    await page.locator("#undo-btn").click();
    await poll(() => page.getByTestId("table-count").textContent()).toBe("576 states");
    await poll(topRow).toBe(place);
    expect(await forms.locator(".form-status").textContent()).toBe("");
    await page.locator("#redo-btn").click();
    await poll(() => page.getByTestId("table-count").textContent()).toBe("1,152 states");
    await poll(topRow).toMatch(new RegExp(`: ${name.replace(/[+]/g, "\\+")}$`));
    // Ctrl+Z from the forms.
    await page.getByRole("tab", { name: /Forms/ }).click();
    await forms.getByRole("button", { name: "us_guarantee", exact: true }).focus();
    await page.keyboard.press("Control+z");
    await poll(() => page.getByTestId("table-count").textContent()).toBe("576 states");
    await poll(topRow).toBe(place);
    expect(await wrap.evaluate((el) => el.scrollTop)).toBe(22 * 180 + 5);
    await shot("table-place-after-undo");
    expect(pageErrors).toEqual([]);
  });

  it("keeps the place when the table was hidden behind another view during the edit", async () => {
    const { page } = wb;
    await open(1024, 768);
    const wrap = page.locator("#panel-states .table-wrap");
    await wrap.evaluate((el) => {
      el.scrollTop = 22 * 400;
    });
    await poll(topRow).toBe(await rowTitle(400));
    const place = (await topRow())!;
    await page.keyboard.press("Alt+3");
    await page.getByRole("tab", { name: /Forms/ }).click();
    // Renumbered while hidden: the same state at the top once shown.
    await page.locator("#panel-forms").getByText("Add an option to United States").click();
    await page.locator("#f-new-id-0").fill("us_talks");
    await page.locator("#f-new-label-0").fill("Join the talks");
    await page.locator('[data-key="f-new-add-0"]').click();
    await poll(() => page.getByTestId("table-count").textContent()).toBe("1,152 states");
    await page.keyboard.press("Alt+1");
    const name = place.replace(/^State \d+: /, "");
    await poll(topRow).toMatch(new RegExp(`^State \\d+: ${name.replace(/[+]/g, "\\+")}$`));
    expect(await topRow()).not.toBe(place);
    // And back, hidden again.
    await page.keyboard.press("Alt+3");
    await page.locator("#undo-btn").click();
    await poll(() => page.getByTestId("table-count").textContent()).toBe("576 states");
    await page.keyboard.press("Alt+1");
    await poll(topRow).toBe(place);
  });
});
