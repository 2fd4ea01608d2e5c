/**
 * `npm run bench -- --browser`: the workbench's longest task per interaction on
 * the 9,216-state model (issue 19), in headless Chromium, walked as
 * tests/e2e/long-tasks.test.ts walks it (tests/helpers/long-tasks.ts). Each
 * figure is also given as a ratio to a fixed piece of work run as one task on
 * the same page in the same run (sorting 400,000 numbers), so that runs on
 * machines of other speeds and loads compare. Needs `npm run build` and
 * /usr/bin/chromium; several minutes.
 */
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { INTERACTIONS, LONG_TASK_OBSERVER, measure, writeLargeModel } from "../tests/helpers/long-tasks.js";
import { CHROMIUM, openWorkbench } from "../tests/helpers/workbench.js";

export interface BrowserRow {
  name: string;
  longestMs: number;
  /** The longest task over the baseline task's time in the same run. */
  ratio: number;
}

/** The baseline: one task of fixed work on the page's thread, timed there (median of five). */
async function baseline(page: Page): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++)
    times.push(
      await page.evaluate(() => {
        const t0 = performance.now();
        const a = new Float64Array(400_000);
        for (let k = 0; k < a.length; k++) a[k] = (k * 2654435761) % 1000003;
        a.sort();
        return performance.now() - t0;
      }),
    );
  return times.sort((x, y) => x - y)[2];
}

export async function measureBrowser(log: (line: string) => void): Promise<{ baselineMs: number; rows: BrowserRow[] } | undefined> {
  if (!existsSync(CHROMIUM)) {
    log(`browser bench skipped: no Chromium at ${CHROMIUM}`);
    return undefined;
  }
  const wb = await openWorkbench({ width: 1440, height: 900 });
  try {
    writeLargeModel(wb);
    await wb.context.addInitScript({ content: LONG_TASK_OBSERVER });
    const measured = [];
    for (const step of INTERACTIONS) {
      measured.push(await measure(wb.page, step.name, () => step.run(wb.page, wb)));
      log(`browser: ${step.name}: longest task ${measured.at(-1)!.longest} ms`);
    }
    const baselineMs = await baseline(wb.page);
    return { baselineMs, rows: measured.map((m) => ({ name: m.name, longestMs: m.longest, ratio: m.longest / baselineMs })) };
  } finally {
    await wb.close();
  }
}
