/**
 * What the views say, in headless Chromium (issue 19, items 7 and 8): Compare
 * says where play goes from each version's today, names the preference
 * statement that moved, and says once that an irreversible option rules a
 * move out; Robustness' "What moves the answer" is for the concept its chart
 * shows. (The Coalitions view's groups are checked in workbench.test.ts; the
 * Bargaining charts' width and labels in layout-widths.test.ts.)
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, openWorkbench, watchPage, type Workbench } from "../helpers/workbench.js";

const haveChromium = existsSync(CHROMIUM) || !!process.env.CI;
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });
const FILE = "ukraine-2025.yaml";
const WALKS = "ukraine-2025-us-walks-away.yaml";
const fixture = (f: string) => readFileSync(join("tests/fixtures/views", f.replace("ukraine-2025", "ukraine-2025-v1")), "utf8");

describe.skipIf(!haveChromium)("what the views say", () => {
  let wb: Workbench;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    wb = await openWorkbench({ width: 1440, height: 900 });
    // The default scenario as it was before issue 16 (frozen), its what-if, and two variants written here.
    writeFileSync(join(wb.dir, FILE), fixture(FILE));
    writeFileSync(join(wb.dir, WALKS), fixture(WALKS));
    // The US's "!us_sanctions" moved up one place, above "if ru_offensive then us_sanctions".
    const lines = fixture(FILE).split("\n");
    const at = lines.indexOf('    - statement: "!us_sanctions"');
    const cond = lines.indexOf("    - if: ru_offensive");
    expect(at).toBeGreaterThan(cond);
    lines.splice(cond, 0, ...lines.splice(at, 3));
    writeFileSync(join(wb.dir, "reordered.yaml"), lines.join("\n"));
    // The what-if with walking away reversible: compared with the what-if, where it cannot be undone.
    writeFileSync(
      join(wb.dir, "walk-away-reversible.yaml"),
      fixture(WALKS).replace("        irreversible: true\n        sources: [F13]", "        sources: [F13]"),
    );
    ({ pageErrors } = await watchPage(wb));
  }, 60_000);
  afterAll(async () => {
    await wb?.close();
  });

  async function compareWith(file: string): Promise<string> {
    const { page } = wb;
    await page.keyboard.press("Alt+5");
    await page.locator("#compare-file").selectOption(file);
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await poll(() => page.locator(".compare-result").textContent()).toMatch(new RegExp(`${file.replace(".", "\\.")} —`));
    return (await page.locator(".compare-result").textContent()) ?? "";
  }

  it("Compare: where play goes from today when no equilibrium changed, and which statement moved", async () => {
    const { page } = wb;
    await page.goto(`${wb.url}#${FILE}`);
    await poll(() => page.getByTestId("eq-count-SEQ").textContent()).toBe("128");
    // The what-if only changes today's state: no equilibrium changes, but play from today does.
    await compareWith(WALKS);
    expect(await page.getByTestId("compare-nochange").isVisible()).toBe(true);
    const a = (await page.getByTestId("compare-today-A").textContent()) ?? "";
    const b = (await page.getByTestId("compare-today-B").textContent()) ?? "";
    // Each state by number and name (the options taken: the name stays when an edit renumbers the states).
    expect(a).toMatch(
      /^A \(today: state 301, ru_offensive \+ eu_ceasefire_first\)The nearest equilibrium is .+ \(state 303, us_sanctions \+ ru_offensive \+ eu_ceasefire_first; .*SEQ.*\), one move away:United States: impose the new sanctions put on hold → state 303 \(us_sanctions \+ ru_offensive \+ eu_ceasefire_first\)$/,
    );
    expect(b).toMatch(/^B \(today: state 305, us_walk_away \+ ru_offensive \+ eu_ceasefire_first\)/);
    expect(b).not.toBe(a.replace("A (today: state 301, ", "B (today: state 305, "));
    // A reordered preference names the statement that moved, then gives the new order.
    const text = await compareWith("reordered.yaml");
    expect(text).toContain('United States now puts "!us_sanctions" before "if ru_offensive then us_sanctions" (moved up from 7th to 6th of its priorities).');
    expect(text).not.toContain("orders its priorities differently");
    expect(pageErrors).toEqual([]);
  });

  it("Compare: a move ruled out by an option that cannot be undone is said so, once per group", async () => {
    const { page } = wb;
    await page.locator("#file-select").selectOption("walk-away-reversible.yaml");
    await poll(() => page.locator("#file-select").inputValue()).toBe("walk-away-reversible.yaml");
    await poll(() => page.getByTestId("summary").textContent()).toMatch(/What if the US walks away/);
    const text = await compareWith(WALKS);
    expect(text).toContain("Walk away from the talks: now irreversible once taken (was reversible).");
    const reasons = await page.locator(".concept-diff ul.changes > li > ul > li").allTextContents();
    const ruledOut = reasons.filter((r) => r.includes("can no longer withdraw"));
    expect(ruledOut.length).toBeGreaterThan(0);
    for (const r of ruledOut) {
      expect(r.match(/can no longer withdraw/g)).toHaveLength(1);
      expect(r).toMatch(
        /^United States: now stable, since United States can no longer withdraw "walk away from the talks": it cannot be undone in this version, which rules out (the move|the \d+ moves) it gained by[.;]/,
      );
    }
    expect(reasons.some((r) => /no longer gains by moving \(withdraw "walk away/.test(r))).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it("Robustness: what moves the answer is for the concept the chart shows", async () => {
    const { page } = wb;
    await page.locator("#file-select").selectOption(FILE);
    await poll(() => page.getByTestId("eq-count-SEQ").textContent()).toBe("128");
    await page.keyboard.press("Alt+6");
    await page.getByRole("tab", { name: "Robustness" }).click();
    await poll(() => page.getByTestId("robustness-summary").textContent()).toMatch(/weighed exactly/);
    for (const concept of ["SEQ", "GMR", "SIM"]) {
      await page.locator("#rob-concept").selectOption(concept);
      await poll(() => page.locator("#rob-chart-title").textContent()).toBe(`How likely each state is a ${concept} equilibrium`);
      expect(await page.getByRole("heading", { name: /^What moves the answer/ }).textContent()).toBe(`What moves the answer under ${concept}`);
      const items = await page.getByTestId("robustness-influence").locator("li > p.muted").allTextContents();
      expect(items.length).toBeGreaterThan(0);
      for (const t of items)
        expect(t).toMatch(
          new RegExp(`^The probability that state \\d+ (?:[a-z_]+(?: \\+ [a-z_]+)*|nothing taken) is a ${concept.replace("+", "\\+")} equilibrium: `),
        );
    }
    expect(pageErrors).toEqual([]);
  });
});
