/**
 * axe-core (pinned in package.json) in the served workbench: served from the
 * page's own origin, so the server's Content-Security-Policy stays as it is,
 * and run on the page as it is now.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, type Workbench } from "./workbench.js";

export interface Finding {
  id: string;
  impact: string;
  nodes: string[];
}

/** Answer the page's requests for `__axe.js` with axe-core (call once, before `seriousViolations`). */
export async function serveAxe(wb: Workbench): Promise<void> {
  const axe = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
  await wb.page.route("**/__axe.js", (r) => r.fulfill({ body: axe, contentType: "text/javascript" }));
}

/** The serious and critical violations in the page, or in the part of it `context` names (axe's include/exclude). */
export async function seriousViolations(wb: Workbench, context?: { include?: string[][]; exclude?: string[][] }): Promise<Finding[]> {
  const { page } = wb;
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.addScriptTag({ url: `${wb.url}__axe.js` });
  return page.evaluate(async (ctx) => {
    const axe = (
      globalThis as unknown as { axe: { run(ctx?: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }
    ).axe;
    const r = ctx === undefined ? await axe.run() : await axe.run(ctx);
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  }, context);
}
