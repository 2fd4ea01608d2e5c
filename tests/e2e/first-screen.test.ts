/**
 * The workbench's first screen, in headless Chromium at 1024x768, 1280x720
 * and 1440x900 (issue 19): it answers the question before the tables (the
 * report's bottom line, its likeliest outcomes and the news to watch for,
 * above the views), shows today's state marked and in view, explains each
 * stability concept where its name appears (tooltip and accessible
 * description, and a legend), and at 1440x900 beside the editor the state
 * table's equilibria and words are in view with no text cut short without a
 * tooltip.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONCEPT_BRIEFS, CONCEPTS } from "../../src/index.js";
import { CHROMIUM, openWorkbench, watchPage, type Workbench } from "../helpers/workbench.js";

const haveChromium = existsSync(CHROMIUM) || !!process.env.CI;
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });
const today = new Date().toISOString().slice(0, 10);
const longDate = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

describe.skipIf(!haveChromium)("the workbench's first screen", () => {
  let wb: Workbench;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    wb = await openWorkbench({ width: 1024, height: 768 });
    // The default scenario as it was before issue 16 (frozen: its today is not stable), with one of its what-ifs.
    for (const f of ["ukraine-2025.yaml", "ukraine-2025-us-walks-away.yaml"])
      writeFileSync(join(wb.dir, f), readFileSync(join("tests/fixtures/views", f.replace("ukraine-2025", "ukraine-2025-v1")), "utf8"));
    ({ pageErrors } = await watchPage(wb));
  }, 60_000);
  afterAll(async () => {
    await wb?.close();
  });

  /** Open the default scenario afresh at a size, and wait for its bottom line. */
  async function open(width: number, height: number): Promise<void> {
    await wb.page.setViewportSize({ width, height });
    await wb.page.goto(`${wb.url}#ukraine-2025.yaml`);
    await wb.page.reload();
    await poll(() => wb.page.locator("#bottom-line-title").textContent()).toBe(`▾Bottom line, computed ${longDate(today)}`);
  }

  /** The rectangles of elements, in the page's pixels. */
  const box = (selector: string): Promise<Box> =>
    wb.page
      .locator(selector)
      .first()
      .evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      });

  for (const [width, height] of [
    [1024, 768],
    [1280, 720],
    [1440, 900],
  ])
    it(`at ${width}x${height}: the bottom line above the tables, its likeliest outcomes and what to watch for in view; today's row marked and in view`, async () => {
      await open(width, height);
      const { page } = wb;
      const line = await box("#bottom-line");
      const views = await box("#view-tabs");
      const table = await box(".table-wrap");
      expect(line.bottom).toBeLessThanOrEqual(views.top + 1);
      expect(line.top).toBeLessThan(200);
      // The likeliest outcomes and the news to watch for start inside the section's visible part, on the screen.
      const points = page.locator("#bottom-line-body > ul > li");
      expect(await points.first().textContent()).toMatch(/^Most likely, where play ends within 30 moves.*75% no ceasefire/);
      // The likeliest next move leads what to watch for (the US imposing the sanctions, in the frozen scenario).
      expect(await points.nth(1).textContent()).toMatch(/^Watch for: United States: impose the new sanctions put on hold, \d+% likely to be the next move/);
      for (const k of [0, 1]) {
        const r = await points.nth(k).evaluate((el) => el.getBoundingClientRect().top);
        expect(r).toBeGreaterThanOrEqual(line.top);
        expect(r + 14).toBeLessThanOrEqual(line.bottom);
      }
      // Today's row (state 301 of the frozen scenario): marked, and scrolled into the table's visible rows.
      const row = page.locator("table.states tbody tr.sq");
      expect(await row.getAttribute("data-state")).toBe("301");
      const head = await box("table.states thead");
      const r = await row.evaluate((el) => el.getBoundingClientRect().toJSON() as { top: number; bottom: number });
      expect(r.top).toBeGreaterThanOrEqual(head.bottom - 1);
      expect(r.bottom).toBeLessThanOrEqual(Math.min(table.bottom, height) + 1);
      const mark = await row
        .locator("td.words-col")
        .evaluate(
          (el) => (globalThis as unknown as { getComputedStyle(e: unknown, pseudo: string): { content: string } }).getComputedStyle(el, "::before").content,
        );
      expect(mark).toBe('"Today · "');
      // While something computes, the busy box (its text cut first) never covers a button of the top bar.
      await page.evaluate('document.getElementById("busy").hidden = false; document.getElementById("busy-text").textContent = "Checking the model… 1.8 s"');
      const busy = await box("#busy");
      for (const id of ["#save-btn", "#save-as-btn", "#open-btn", "#save-disk-btn", "#share-btn", "#toggle-editor"]) {
        const b = await box(id);
        expect(b.right <= busy.left || b.left >= busy.right, `${id} under the busy box at ${width}px`).toBe(true);
      }
      await page.evaluate('document.getElementById("busy").hidden = true');
      expect(pageErrors).toEqual([]);
    }, 90_000);

  it("explains each concept where its name appears: the summary's chips, the table's columns, a legend", async () => {
    const { page } = wb;
    const described = (selector: string) =>
      page.locator(selector).evaluateAll((els) =>
        els.map((el) => ({
          name: (el.querySelector(".concept") ?? el).textContent!.replace(/\u200b/g, ""),
          title: el.getAttribute("title"),
          description: el.ownerDocument.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent ?? null,
        })),
      );
    const chips = await described(".eq-chip");
    const columns = await described("table.states th.marks");
    expect(chips.map((c) => c.name)).toEqual([...CONCEPTS]);
    expect(columns.map((c) => c.name)).toEqual([...CONCEPTS]);
    for (const c of [...chips, ...columns]) {
      const brief = CONCEPT_BRIEFS[c.name as (typeof CONCEPTS)[number]];
      expect(c.title).toContain(brief);
      expect(c.description).toBe(brief);
    }
    // The legend, for whoever does not hover.
    await page.getByText("What these mean").click();
    const legend = page.getByTestId("concept-legend");
    expect(await legend.locator("dt").allTextContents()).toEqual([...CONCEPTS]);
    expect(await legend.locator("dd").first().textContent()).toBe("stable for a party when no move of its own leaves it better off.");
    expect(await legend.locator("dd").first().isVisible()).toBe(true);
  });

  it("names today's state by the options taken, a name the table finds (numbers change under edits; names do not)", async () => {
    const { page } = wb;
    expect(await page.getByTestId("today-name").textContent()).toBe("(ru_offensive + eu_ceasefire_first)");
    expect(await page.locator('table.states tbody tr[data-state="301"] th').getAttribute("title")).toBe("State 301: ru_offensive + eu_ceasefire_first");
    await page.locator("#state-search").fill("ru_offensive + eu_ceasefire_first");
    await poll(() => page.getByTestId("table-count").textContent()).toBe("1 of 576 states");
    expect(await page.locator("table.states tbody tr[data-state]").getAttribute("data-state")).toBe("301");
    await page.locator("#state-search").fill("");
    await poll(() => page.getByTestId("table-count").textContent()).toBe("576 states");
  });

  it("at 1440x900 beside the editor, the equilibria and the words are in view and no text is cut short without a tooltip", async () => {
    await open(1440, 900);
    const { page } = wb;
    expect(await page.locator("#edit-pane").isVisible()).toBe(true);
    const wrap = await page.locator(".table-wrap").evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.left + el.clientWidth };
    });
    const header = (name: string) =>
      page
        .locator("table.states thead th")
        .filter({ hasText: new RegExp(`^${name}`) })
        .evaluate((el) => el.getBoundingClientRect().toJSON() as { left: number; right: number });
    const eq = await header("Equilibrium");
    const words = await header("In words");
    expect(eq.right).toBeLessThanOrEqual(wrap.right);
    expect(words.left + 140).toBeLessThanOrEqual(wrap.right);
    // Every cell whose text does not fit has a tooltip (on itself or what it holds).
    const cut = await page.locator("table.states").evaluate((table) => {
      const short = [...table.querySelectorAll("th, td")].filter((el) => {
        const inner = el.querySelector(".vertical");
        return el.scrollWidth > el.clientWidth + 1 || (inner !== null && inner.scrollHeight > inner.clientHeight + 1);
      });
      return { short: short.length, untitled: short.filter((el) => !el.getAttribute("title") && !el.querySelector("[title]")).map((el) => el.textContent) };
    });
    // Some are cut short (the words, the longest option ids), each with its tooltip.
    expect(cut.short).toBeGreaterThan(10);
    expect(cut.untitled).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
