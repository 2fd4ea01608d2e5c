/**
 * The page's long tasks per interaction (issue 19): a PerformanceObserver of
 * type `longtask` installed before the page's own scripts, and a walk through
 * every interaction of the workbench on the 9,216-state model, each measured
 * from its first input to the moment the page is quiet again. The e2e test
 * (tests/e2e/long-tasks.test.ts) prints the figures and `npm run bench --
 * --browser` reports them as ratios; neither asserts a time.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { Workbench } from "./workbench.js";

/** Every long task's start and duration, in `window.parleyLongTasks`, from the page's first script on. */
export const LONG_TASK_OBSERVER =
  "window.parleyLongTasks = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.parleyLongTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });";

/**
 * What the page posts to its workers, by worker (`engine`, `layout`, …, from the script's name) and request type (the
 * engine's `request.type`; `layout` for a layout), in `window.parleyPosted`: the work the page hands off.
 */
export const WORKER_SPY = `window.parleyPosted = [];
{
  const post = Worker.prototype.postMessage;
  const names = new WeakMap();
  const Original = Worker;
  window.Worker = class extends Original {
    constructor(url, options) { super(url, options); names.set(this, /([a-z]+)-worker/.exec(String(url))?.[1] ?? String(url)); }
  };
  Worker.prototype.postMessage = function (message, ...rest) {
    const kind = message && message.request ? message.request.type : message && message.input ? "layout" : message && "stop" in message ? "stop" : "other";
    window.parleyPosted.push([names.get(this) ?? "?", kind]);
    return post.call(this, message, ...rest);
  };
}`;

/** The default scenario (frozen) with four more options for the European allies, taken freely: 576 × 16 = 9,216 states. */
export function largeScenario(): string {
  const v1 = readFileSync("tests/fixtures/views/ukraine-2025-v1.yaml", "utf8");
  return v1.replace(
    "      - id: eu_force\n",
    `${["a", "b", "c", "d"].map((k) => `      - id: eu_extra_${k}\n        label: Extra option ${k}\n`).join("")}      - id: eu_force\n`,
  );
}

/** Write the large model and its what-if beside it in the workbench's folder. */
export function writeLargeModel(wb: Workbench): void {
  writeFileSync(join(wb.dir, "large.yaml"), largeScenario());
  writeFileSync(join(wb.dir, "ukraine-2025.yaml"), readFileSync("tests/fixtures/views/ukraine-2025-v1.yaml", "utf8"));
}

export interface Measured {
  name: string;
  /** What the page posted to its workers meanwhile: "worker:type". */
  posted: string[];
  /** The longest task, ms (0 when there was none over 50 ms). */
  longest: number;
  /** How many long tasks, and their time together, ms. */
  count: number;
  total: number;
}

const tasks = (page: Page) => page.evaluate(() => (globalThis as unknown as { parleyLongTasks: [number, number][] }).parleyLongTasks);
const posted = (page: Page) =>
  page.evaluate(() => ((globalThis as unknown as { parleyPosted?: [string, string][] }).parleyPosted ?? []).map(([w, k]) => `${w}:${k}`));
const now = (page: Page) => page.evaluate(() => performance.now());

/** Wait until the busy indicator is gone and no long task ended in the last `quiet` ms (at most `limit` ms). */
export async function settle(page: Page, quiet = 700, limit = 60_000): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < limit) {
    await page.waitForTimeout(150);
    const [t, list, busy] = await Promise.all([now(page), tasks(page), page.locator("#busy").isVisible()]);
    const lastEnd = list.reduce((m, [s, d]) => Math.max(m, s + d), 0);
    // t is the page's clock (performance.now), t0 this process's: the quiet since the last task is measured on the first, the wait on the second.
    if (!busy && t - lastEnd > quiet && Date.now() - t0 > quiet) return;
  }
}

/** Run `action`, wait for the page to be quiet, and give the long tasks that started meanwhile. */
export async function measure(page: Page, name: string, action: () => Promise<void>): Promise<Measured> {
  const from = await now(page);
  const sent = await posted(page);
  await action();
  await settle(page);
  const mine = (await tasks(page)).filter(([s]) => s >= from).map(([, d]) => d);
  const all = await posted(page);
  return {
    name,
    posted: all.slice(all.length < sent.length ? 0 : sent.length),
    longest: Math.round(Math.max(0, ...mine)),
    count: mine.length,
    total: Math.round(mine.reduce((a, d) => a + d, 0)),
  };
}

const poll = async (what: string, fn: () => Promise<boolean>, timeout = 60_000): Promise<void> => {
  const t0 = Date.now();
  while (!(await fn())) {
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
const text = async (page: Page, selector: string) =>
  (await page
    .locator(selector)
    .first()
    .textContent()
    .catch(() => null)) ?? "";

/** One interaction of the walk: its name, and what the user does then waits to see. */
export interface Interaction {
  name: string;
  run(page: Page, wb: Workbench): Promise<void>;
}

/** Every interaction of issue 19's list, in an order that works from a fresh page (the large model written by writeLargeModel). */
export const INTERACTIONS: Interaction[] = [
  {
    name: "open the model (table, bottom line)",
    run: async (page, wb) => {
      await page.goto(`${wb.url}#large.yaml`);
      await poll("the table", async () => (await text(page, '[data-testid="table-count"]')) === "9,216 states");
      await bottomLine(page);
    },
  },
  {
    name: "edit a preference in the form",
    run: async (page) => {
      await page.getByRole("tab", { name: /Forms/ }).click();
      const seq = await text(page, '[data-testid="eq-count-SEQ"]');
      const us = page.getByRole("list", { name: "United States's preference statements" });
      await us.getByRole("button", { name: "Move “!us_sanctions” up" }).click();
      await poll("the new analysis", async () => (await text(page, '[data-testid="eq-count-SEQ"]')) !== seq);
      await bottomLine(page);
    },
  },
  {
    name: "edit a preference in the YAML",
    run: async (page) => {
      await page.getByRole("tab", { name: "YAML" }).click();
      const seq = await text(page, '[data-testid="eq-count-SEQ"]');
      // The US statement "!us_walk_away" becomes "us_walk_away": the US would now rather leave. The editor draws only
      // the lines in view, so the line is reached by its number (Ctrl+Alt+G).
      const n =
        largeScenario()
          .split("\n")
          .findIndex((l) => l.includes('statement: "!us_walk_away"')) + 1;
      await page.locator(".cm-content .cm-line").first().click();
      await page.keyboard.press("Control+Alt+g");
      await page.keyboard.type(String(n));
      await page.keyboard.press("Enter");
      await page.keyboard.press("End");
      for (let i = 0; i < '!us_walk_away"'.length - 1; i++) await page.keyboard.press("ArrowLeft");
      await page.keyboard.press("Backspace");
      const edited = await text(page, ".cm-activeLine");
      if (!edited.includes('statement: "us_walk_away"')) throw new Error(`the YAML edit missed its line: ${edited}`);
      await poll("the new analysis", async () => (await text(page, '[data-testid="eq-count-SEQ"]')) !== seq);
      await bottomLine(page);
    },
  },
  {
    name: "undo",
    run: async (page) => {
      const seq = await text(page, '[data-testid="eq-count-SEQ"]');
      await page.locator("#undo-btn").click();
      await poll("the analysis undone", async () => (await text(page, '[data-testid="eq-count-SEQ"]')) !== seq);
      await bottomLine(page);
    },
  },
  {
    name: "explain a state (today)",
    run: async (page) => {
      await page.keyboard.press("Alt+1");
      await page
        .getByTestId("summary")
        .getByRole("button", { name: /^state \d+$/ })
        .first()
        .click();
      await page.getByTestId("explain").waitFor();
      await poll("the explanation", async () => /^State \d+/.test(await text(page, "#explain-title")));
    },
  },
  {
    name: "close the explanation",
    run: async (page) => {
      await page.getByTestId("explain").getByRole("button", { name: "Close the explanation (Escape)" }).click();
    },
  },
  { name: "States view", run: (page) => tab(page, "Alt+1") },
  {
    name: "From today view",
    run: async (page) => {
      await tab(page, "Alt+3");
      await poll("the paths", async () => (await page.locator("#panel-paths").textContent())!.length > 0);
    },
  },
  {
    name: "Graph view (tree of today's moves)",
    run: async (page) => {
      await tab(page, "Alt+2");
      await poll("the graph", async () => /states/.test(await text(page, '[data-testid="graph-info"]')));
    },
  },
  // Each layout on the equilibria and today (129 states); all states (the nearest 300) laid out in layers. Force-directed
  // on all states takes most of a minute here, in the layout worker (tests/e2e/graph.test.ts measures it cancelled).
  {
    name: "Graph: equilibria and today",
    run: async (page) => {
      await page.locator("#graph-mode").selectOption("equilibria");
      await graphDrawn(page);
    },
  },
  ...(["layered", "force", "grid", "rings"] as const).map(
    (layout): Interaction => ({
      name: `Graph: equilibria and today, ${layout} layout`,
      run: async (page) => {
        await page.locator("#graph-layout").selectOption(layout);
        await graphDrawn(page);
      },
    }),
  ),
  {
    name: "Graph: all states, layered layout",
    run: async (page) => {
      await page.locator("#graph-layout").selectOption("layered");
      await graphDrawn(page);
      await page.locator("#graph-mode").selectOption("all");
      await graphDrawn(page);
    },
  },
  {
    name: "Graph: back to the tree",
    run: async (page) => {
      await page.locator("#graph-mode").selectOption("tree");
      await graphDrawn(page);
    },
  },
  {
    name: "Compare with the 576-state scenario",
    run: async (page) => {
      await tab(page, "Alt+5");
      const select = page.locator("#panel-compare select").first();
      await select.selectOption({ label: "ukraine-2025.yaml" }).catch(() => select.selectOption("ukraine-2025.yaml"));
      const go = page.locator("#panel-compare").getByRole("button", { name: /Compare/ });
      if (await go.count()) await go.first().click();
      await poll("the comparison", async () => ((await page.locator("#panel-compare").textContent()) ?? "").includes("equilibri"));
    },
  },
  {
    name: "Robustness",
    run: async (page) => {
      await tab(page, "Alt+6");
      await page.getByRole("tab", { name: "Robustness" }).click();
      await poll("robustness", async () => /profiles/.test(await text(page, '[data-testid="robustness-summary"]')), 120_000);
    },
  },
  {
    name: "Coalitions (today)",
    run: async (page) => {
      await page.getByRole("tab", { name: "Coalitions" }).click();
      await page.locator("#deeper-coalitions").getByRole("button", { name: "Show" }).click();
      await poll("coalitions", async () => (await page.locator(".coalitions-result").count()) > 0);
    },
  },
  {
    name: "Forecast",
    run: async (page) => {
      await tab(page, "Alt+7");
      await poll("the forecast", async () => (await page.locator(".forecast-question").count()) > 0, 120_000);
    },
  },
  {
    name: "Bargaining",
    run: async (page) => {
      await tab(page, "Alt+8");
      await page.locator("#bargain-samples").fill("50");
      await page.locator("#bargain-run").click();
      await poll("the bargaining", async () => /issues/.test(await text(page, '[data-testid="bargain-summary"]')));
    },
  },
  {
    name: "Report",
    run: async (page) => {
      await tab(page, "Alt+4");
      await poll("the report", async () => await page.locator("#panel-report").getByRole("button", { name: "Download HTML" }).isEnabled(), 120_000);
    },
  },
  { name: "back to States", run: (page) => tab(page, "Alt+1") },
];

/** Wait for the bottom line, worked out in the background after each analysis. */
async function bottomLine(page: Page): Promise<void> {
  await poll(
    "the bottom line",
    async () =>
      !(await page.locator("#bottom-line").evaluate((el) => el.classList.contains("pending"))) &&
      !(await text(page, '[data-testid="bottom-line-note"]')).endsWith("…"),
    120_000,
  );
}

async function tab(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
}

async function graphDrawn(page: Page): Promise<void> {
  await page.waitForTimeout(200);
  await poll(
    "the drawing",
    async () => {
      const info = await text(page, '[data-testid="graph-info"]');
      return /moves/.test(info) && !(await page.getByTestId("graph-progress").isVisible());
    },
    120_000,
  );
}
