/**
 * The report's bargaining section, as data: for each issue of the scenario's
 * `bargaining` section, every model's forecast, the expected utility model's
 * path round by round, what the forecasts put on or off the graph model's
 * table, and the chart (an SVG string, shown in the HTML report). Where the
 * inputs have ranges, each forecast carries its 5%-95% spread over a fixed
 * number of seeded draws, so the report shows how far each model's answer
 * moves with what the scenario does not know (the same run every time).
 */
import { issueChartSvg } from "../bargaining/chart.js";
import { onTable, runBargaining } from "../bargaining/scenario.js";
import { MODEL_TITLES, type BargainingModel } from "../bargaining/types.js";
import type { Scenario } from "../format/scenario.js";

export interface BargainingReport {
  issues: {
    id: string;
    title: string;
    scale: string;
    /** Each model's forecast, with its 5% and 95% quantiles over the draws when the inputs have ranges. */
    forecasts: { model: BargainingModel; title: string; forecast: number; spread?: [number, number] }[];
    /** The expected utility model's forecast per round, from round 0. */
    path: number[];
    /** Per option: the models that put it on or off the table, and whether the link model's verdict holds over its 5%-95% spread. */
    links: { option: string; label: string; range: string; onUnder: string[]; offUnder: string[]; linkSteady?: boolean }[];
    chart: string;
  }[];
  /** The model the scenario reads the graph model through (its `bargaining.linkModel`), with the reason given. */
  linkModel?: { model: BargainingModel; title: string; reason?: string };
  /** The draws behind the spreads (absent: no input has a range). */
  draws?: { samples: number; seed: number };
}

/** Draws for the spreads: enough for stable 5% and 95% quantiles, few enough to keep the report quick. */
const DRAWS = 300;
const SEED = 7;

const r1 = (x: number) => Math.round(x * 10) / 10;

export function bargainingReport(scenario: Scenario): BargainingReport | undefined {
  if (!scenario.bargaining) return undefined;
  const run = runBargaining(scenario, { samples: DRAWS, seed: SEED });
  const lm = scenario.bargaining.linkModel;
  const reason = lm?.assumption ?? lm?.note;
  return {
    ...(lm ? { linkModel: { model: lm.model, title: MODEL_TITLES[lm.model], ...(reason ? { reason } : {}) } } : {}),
    ...(run.issues.some((r) => r.distribution) ? { draws: { samples: DRAWS, seed: SEED } } : {}),
    issues: run.issues.map((r) => {
      const spreadOf = (m: BargainingModel): [number, number] | undefined => {
        const d = r.distribution?.[m];
        return d ? [r1(d.q05), r1(d.q95)] : undefined;
      };
      return {
        id: r.issue.id,
        title: r.issue.title,
        scale: `${r.issue.min} = ${r.issue.minLabel}, ${r.issue.max} = ${r.issue.maxLabel}`,
        forecasts: run.models.map((m) => {
          const spread = spreadOf(m);
          return { model: m, title: MODEL_TITLES[m], forecast: r1(r.forecast[m]!.forecast), ...(spread ? { spread } : {}) };
        }),
        path: (r.forecast["expected-utility"]?.rounds ?? []).map((rd) => r1(rd.forecast)),
        links: r.links.map((l) => {
          const spread = lm ? spreadOf(lm.model) : undefined;
          const link = { atLeast: l.atLeast, atMost: l.atMost };
          return {
            option: l.optionId,
            label: l.label,
            range: [l.atLeast !== undefined ? `at least ${l.atLeast}` : "", l.atMost !== undefined ? `at most ${l.atMost}` : ""].filter(Boolean).join(" and "),
            onUnder: run.models.filter((m) => l.onTable[m]).map((m) => MODEL_TITLES[m]),
            offUnder: run.models.filter((m) => !l.onTable[m]).map((m) => MODEL_TITLES[m]),
            ...(spread ? { linkSteady: onTable(link, spread[0]) === onTable(link, spread[1]) } : {}),
          };
        }),
        chart: issueChartSvg(r),
      };
    }),
  };
}
