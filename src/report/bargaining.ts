/**
 * The report's bargaining section, as data: for each issue of the scenario's
 * `bargaining` section, every model's forecast, the expected utility model's
 * path round by round, what the forecasts put on or off the graph model's
 * table, and the chart (an SVG string, shown in the HTML report).
 */
import { issueChartSvg } from "../bargaining/chart.js";
import { runBargaining } from "../bargaining/scenario.js";
import { MODEL_TITLES, type BargainingModel } from "../bargaining/types.js";
import type { Scenario } from "../format/scenario.js";

export interface BargainingReport {
  issues: {
    id: string;
    title: string;
    scale: string;
    forecasts: { model: BargainingModel; title: string; forecast: number }[];
    /** The expected utility model's forecast per round, from round 0. */
    path: number[];
    links: { option: string; label: string; range: string; onUnder: string[]; offUnder: string[] }[];
    chart: string;
  }[];
  /** The model the scenario reads the graph model through (its `bargaining.linkModel`), with the reason given. */
  linkModel?: { model: BargainingModel; title: string; reason?: string };
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function bargainingReport(scenario: Scenario): BargainingReport | undefined {
  if (!scenario.bargaining) return undefined;
  const run = runBargaining(scenario);
  const lm = scenario.bargaining.linkModel;
  const reason = lm?.assumption ?? lm?.note;
  return {
    ...(lm ? { linkModel: { model: lm.model, title: MODEL_TITLES[lm.model], ...(reason ? { reason } : {}) } } : {}),
    issues: run.issues.map((r) => ({
      id: r.issue.id,
      title: r.issue.title,
      scale: `${r.issue.min} = ${r.issue.minLabel}, ${r.issue.max} = ${r.issue.maxLabel}`,
      forecasts: run.models.map((m) => ({ model: m, title: MODEL_TITLES[m], forecast: r1(r.forecast[m]!.forecast) })),
      path: (r.forecast["expected-utility"]?.rounds ?? []).map((rd) => r1(rd.forecast)),
      links: r.links.map((l) => ({
        option: l.optionId,
        label: l.label,
        range: [l.atLeast !== undefined ? `at least ${l.atLeast}` : "", l.atMost !== undefined ? `at most ${l.atMost}` : ""].filter(Boolean).join(" and "),
        onUnder: run.models.filter((m) => l.onTable[m]).map((m) => MODEL_TITLES[m]),
        offUnder: run.models.filter((m) => !l.onTable[m]).map((m) => MODEL_TITLES[m]),
      })),
      chart: issueChartSvg(r),
    })),
  };
}
