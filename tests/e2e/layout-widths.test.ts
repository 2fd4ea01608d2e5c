/**
 * How the workbench spends its width, in headless Chromium at 1024x768,
 * 1280x720 and 1440x900 with the editor shown and hidden (issue 19, items 1
 * and 8), on the default scenario:
 * - the States table's Equilibrium column is in the visible panel (it comes
 *   before each party's marks), its text whole, every column reachable by the
 *   table's own scroll, and any cell cut short carries its whole text;
 * - the Bargaining charts take the view's width (two side by side when both
 *   get enough room, else one, with the round's detail beside it when there is
 *   room), drawn at the size they are shown, with no sideways scrolling;
 *   levels at the same value (the median and Nash, both at 50 on territory)
 *   share one line in turns and one label "Median = Nash 50.0"; each Monte
 *   Carlo band has its model's name above it under a caption saying what the
 *   bars are; no two labels overlap; a round's detail opens beside the chart
 *   or under its legend, in view.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, openWorkbench, watchPage, type Workbench } from "../helpers/workbench.js";

const haveChromium = existsSync(CHROMIUM) || !!process.env.CI;
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
const SIZES = [
  [1024, 768],
  [1280, 720],
  [1440, 900],
] as const;
/** How far the page scrolls sideways (0: not at all). */
const PAGE_SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth";
const overlap = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

describe.skipIf(!haveChromium)("the workbench's use of its width", () => {
  let wb: Workbench;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    wb = await openWorkbench({ width: 1024, height: 768 });
    ({ pageErrors } = await watchPage(wb));
  }, 60_000);
  afterAll(async () => {
    await wb?.close();
  });

  /** The default scenario afresh at a size, with the editor shown or hidden. */
  async function open(width: number, height: number, editor: boolean): Promise<void> {
    const { page } = wb;
    await page.setViewportSize({ width, height });
    await page.goto(`${wb.url}#ukraine-2025.yaml`);
    await page.reload();
    await page.locator("table.states tbody tr[data-state]").first().waitFor();
    if (!editor) await page.locator("#toggle-editor").click();
    await poll(() => page.locator("#edit-pane").isVisible()).toBe(editor);
  }

  for (const [width, height] of SIZES)
    for (const editor of [true, false])
      it(`States at ${width}x${height}, editor ${editor ? "shown" : "hidden"}: the Equilibrium column in view and whole, every column reachable, cut cells titled`, async () => {
        await open(width, height, editor);
        const { page } = wb;
        const wrap = page.locator(".table-wrap");
        // The panel's visible part: the table's own box, less its scrollbar, clipped by the window.
        const panel = await wrap.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, right: Math.min(r.left + el.clientWidth, el.ownerDocument.documentElement.clientWidth) };
        });
        const header = (name: string) =>
          page
            .locator("table.states thead th")
            .filter({ hasText: new RegExp(`^${name}`) })
            .evaluate((el) => el.getBoundingClientRect().toJSON() as Box);
        const eq = await header("Equilibrium");
        expect(eq.left).toBeGreaterThanOrEqual(panel.left);
        expect(eq.right, `the Equilibrium column's right edge at ${width}px`).toBeLessThanOrEqual(panel.right + 0.5);
        // Its cells show their whole text (none of the default scenario's is cut), each titled with the concepts in full.
        const cells = await page
          .locator("table.states tbody td.eqs")
          .evaluateAll((els) => els.map((el) => ({ text: el.textContent ?? "", title: el.getAttribute("title") ?? "", cut: el.scrollWidth > el.clientWidth })));
        expect(cells.length).toBeGreaterThan(10);
        expect(cells.filter((c) => c.cut)).toEqual([]);
        for (const c of cells) {
          if (c.text === "") expect(c.title).toBe("Not an equilibrium under any concept");
          else expect(c.title).toMatch(/^An equilibrium under (Nash|GMR|SMR|SEQ|SIM|SEQ\+SIM)(, (Nash|GMR|SMR|SEQ|SIM|SEQ\+SIM))*$/);
          if (c.text.startsWith("all but "))
            for (const left of c.text.slice("all but ".length).split(", ")) expect(c.title.split(/under |, /)).not.toContain(left);
          else if (c.text !== "all" && c.text !== "") for (const concept of c.text.split(" ")) expect(c.title.split(/under |, /)).toContain(concept);
        }
        // The rest scrolls within the panel, never the page: the last column comes fully into view at the end of the table's scroll.
        expect(await page.evaluate(PAGE_SIDEWAYS)).toBe(0);
        await wrap.evaluate((el) => {
          el.scrollLeft = el.scrollWidth;
        });
        const words = await header("In words");
        expect(words.right).toBeLessThanOrEqual(panel.right + 1);
        expect(words.right - words.left).toBeGreaterThanOrEqual(140);
        // Every cell cut short, on the screen or scrolled to, carries its whole text as a tooltip (on itself or what it holds).
        const untitled = await page.locator("table.states").evaluate((table) =>
          [...table.querySelectorAll("th, td")]
            .filter((el) => {
              const inner = el.querySelector(".vertical");
              return el.scrollWidth > el.clientWidth + 1 || (inner !== null && inner.scrollHeight > inner.clientHeight + 1);
            })
            .filter((el) => !el.getAttribute("title") && !el.querySelector("[title]"))
            .map((el) => el.textContent),
        );
        expect(untitled).toEqual([]);
        await wrap.evaluate((el) => {
          el.scrollLeft = 0;
        });
        expect(pageErrors).toEqual([]);
      }, 90_000);

  for (const [width, height] of SIZES)
    for (const editor of [true, false])
      it(`Bargaining at ${width}x${height}, editor ${editor ? "shown" : "hidden"}: the charts take the view's width, coinciding levels and the bands labelled apart`, async () => {
        await open(width, height, editor);
        const { page } = wb;
        await page.keyboard.press("Alt+8");
        await page.locator('.bargain-chart[data-issue="guarantee"] svg').waitFor({ timeout: 60_000 });
        const room = await page.locator(".bargain-result").evaluate((el) => el.clientWidth);
        const boxes = await page.locator(".bargain-issue").evaluateAll((issues) =>
          issues.map((issue) => {
            const r = (sel: string) => issue.querySelector(sel)!.getBoundingClientRect().toJSON() as Box;
            const svg = issue.querySelector("svg")!;
            return {
              issue: issue.getBoundingClientRect().toJSON() as Box,
              chart: r(".bargain-chart"),
              svg: r("svg"),
              detail: r(".bargain-detail"),
              drawn: svg.viewBox.baseVal.width,
            };
          }),
        );
        expect(boxes).toHaveLength(2);
        for (const b of boxes) {
          // Drawn at the size it is shown (its text at its own size), and as wide as its place.
          expect(Math.abs(b.svg.right - b.svg.left - b.drawn)).toBeLessThanOrEqual(2);
          expect(b.svg.right - b.svg.left).toBeGreaterThanOrEqual(b.issue.right - b.issue.left - 342);
        }
        const [a, b] = boxes;
        if (width === 1440 && !editor) {
          // The reviewer's case: the two issues side by side, together as wide as the view.
          expect(Math.abs(a.chart.top - b.chart.top)).toBeLessThan(1);
          expect(b.chart.left).toBeGreaterThan(a.chart.right);
          expect(b.chart.right - a.chart.left).toBeGreaterThanOrEqual(room - 2);
          expect(a.chart.right - a.chart.left).toBeGreaterThanOrEqual(640);
        } else {
          // One above the other, each as wide as the view, or beside its round's detail, which then fills the row.
          expect(b.chart.top).toBeGreaterThan(a.chart.bottom);
          for (const x of boxes) {
            const beside = Math.abs(x.detail.top - x.chart.top) < 1 && x.detail.left > x.chart.right;
            if (beside) expect(x.detail.right - x.chart.left).toBeGreaterThanOrEqual(room - 40);
            else expect(x.chart.right - x.chart.left).toBeGreaterThanOrEqual(room - 2);
          }
        }
        // No sideways scrolling, in the view or the page.
        expect(await page.locator("#panel-bargain").evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
        expect(await page.evaluate(PAGE_SIDEWAYS)).toBe(0);

        const chart = page.locator('.bargain-chart[data-issue="territory"] svg');
        // The median and Nash are both at 50 on territory: one line, the two taking turns, and one label naming both.
        const lines = await chart
          .locator("polyline.series")
          .evaluateAll((els) =>
            Object.fromEntries(
              els.map((el) => [
                el.getAttribute("data-model"),
                { points: el.getAttribute("points"), dash: el.getAttribute("stroke-dasharray"), offset: el.getAttribute("stroke-dashoffset") ?? "0" },
              ]),
            ),
          );
        expect(lines.median.points).toBe(lines.nash.points);
        expect(lines.median.dash).toBe(lines.nash.dash);
        const [on, off] = lines.median.dash!.split(" ").map(Number);
        expect(on).toBe(off);
        expect(Math.abs(Number(lines.median.offset) - Number(lines.nash.offset))).toBe(on);
        // The mean, close by at 48.4, keeps a dash of its own.
        expect(lines.mean.dash).not.toBe(lines.median.dash);
        // What each label shows (its <title> is the tooltip).
        const ends = await chart.locator("text.end-label").evaluateAll((els) =>
          els.map((el) =>
            [...el.childNodes]
              .filter((n) => n.nodeName !== "title")
              .map((n) => n.textContent)
              .join(""),
          ),
        );
        expect(ends).toContain("Median = Nash 50.0");
        expect(ends).toContain("Mean 48.4");
        const legend = page.getByTestId("bargain-territory").locator(".bargain-legend li");
        expect(await legend.filter({ hasText: /^Median voter/ }).textContent()).toMatch(
          /^Median voter: 50\.0% \(one line with Nash bargaining, colours in turn\)/,
        );
        expect(await legend.last().textContent()).toMatch(/^Bars at the right: where the middle 90% of the 200 Monte Carlo draws put each model's forecast/);

        for (const issue of ["territory", "guarantee"]) {
          const svg = page.locator(`.bargain-chart[data-issue="${issue}"] svg`);
          // Each band is named, in its model's colour, above it; the caption says what the bars are.
          const bands = await svg.locator("g.band").evaluateAll((gs) =>
            gs.map((g) => {
              const bar = g.querySelectorAll("line")[1];
              const label = g.querySelector("text.band-label")!;
              return {
                model: g.getAttribute("data-model"),
                name: label.textContent,
                colour: label.getAttribute("fill"),
                stroke: bar.getAttribute("stroke"),
                barX: Number(bar.getAttribute("x1")),
                labelX: Number(label.getAttribute("x")),
                title: g.querySelector("title")!.textContent,
              };
            }),
          );
          expect(bands.map((x) => x.name)).toEqual(["Mean", "Median", "Nash", "BDM", "SMP"]);
          for (const x of bands) {
            expect(x.colour).toBe(x.stroke);
            expect(x.labelX).toBe(x.barX);
            expect(x.title).toMatch(/: 90% of 200 Monte Carlo draws between [\d.]+ and [\d.]+/);
          }
          expect(await svg.locator("text.band-caption").evaluate((el) => el.childNodes[el.childNodes.length - 1].textContent)).toBe("90% of draws");
          // No label overlaps another: the scale's ends, the caption, the bands' names, the actors, the ends of the lines; all inside the picture.
          const labels = await svg.evaluate((el) => {
            const frame = el.getBoundingClientRect();
            return {
              frame: frame.toJSON() as Box,
              texts: [...el.querySelectorAll("text:not(.round-label)")].map((t) => ({ text: t.textContent, ...(t.getBoundingClientRect().toJSON() as Box) })),
            };
          });
          for (const t of labels.texts) {
            expect(t.left, t.text ?? "").toBeGreaterThanOrEqual(labels.frame.left - 0.5);
            expect(t.right, t.text ?? "").toBeLessThanOrEqual(labels.frame.right + 0.5);
            expect(t.top, t.text ?? "").toBeGreaterThanOrEqual(labels.frame.top - 0.5);
          }
          for (let i = 0; i < labels.texts.length; i++)
            for (let j = i + 1; j < labels.texts.length; j++)
              expect(overlap(labels.texts[i], labels.texts[j]), `"${labels.texts[i].text}" over "${labels.texts[j].text}"`).toBe(false);
        }
        // A click on a round opens its detail beside the chart, or under the legend (which stays with its chart) brought into view.
        const territory = page.getByTestId("bargain-territory");
        await territory.locator('circle.point[data-model="expected-utility"][data-round="1"]').click();
        await poll(() => territory.locator(".bargain-detail h4").textContent()).toMatch(/^Expected utility \(BDM\), round 1: forecast/);
        const detail = await territory.locator(".bargain-detail").evaluate((el) => el.getBoundingClientRect().toJSON() as Box);
        const legendBox = await territory.locator(".bargain-legend").evaluate((el) => el.getBoundingClientRect().toJSON() as Box);
        if (a.detail.left > a.chart.right) expect(detail.bottom).toBeLessThan(legendBox.top);
        else expect(detail.top).toBeGreaterThanOrEqual(legendBox.bottom);
        expect(detail.top).toBeGreaterThanOrEqual(0);
        expect(detail.top).toBeLessThan(height);
        expect(pageErrors).toEqual([]);
      }, 90_000);
});
