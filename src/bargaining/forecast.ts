/**
 * The façade the CLI, the report and the workbench call: every chosen model
 * on one issue, with actors put in a canonical order first (by position,
 * capability, salience), so that relabelling or reordering actors cannot
 * change a result, not even in its last floating-point digit. Results come
 * back in the caller's order.
 */
import { expectedUtilityModel, type ExpectedUtilityOptions } from "./expected-utility.js";
import { weightedMean } from "./mean.js";
import { weightedMedian } from "./median.js";
import { nashBargaining, type NashOptions } from "./nash.js";
import { spatialModelOfPolitics, type SmpOptions } from "./smp.js";
import { MODELS, type BargainingIssue, type BargainingModel, type ModelResult } from "./types.js";

export interface ForecastOptions {
  models?: readonly BargainingModel[];
  /** Rounds for the dynamic models (expected utility, SMP). */
  rounds?: number;
  nash?: NashOptions;
  expectedUtility?: ExpectedUtilityOptions;
  smp?: SmpOptions;
}

export type IssueForecast = Partial<Record<BargainingModel, ModelResult>>;

export function forecastIssue(issue: BargainingIssue, options: ForecastOptions = {}): IssueForecast {
  const order = issue.actors
    .map((_a, k) => k)
    .sort((p, q) => {
      const a = issue.actors[p];
      const b = issue.actors[q];
      return a.position - b.position || a.capability - b.capability || a.salience - b.salience;
    });
  const canonical: BargainingIssue = { ...issue, actors: order.map((k) => issue.actors[k]) };
  const back = (r: ModelResult): ModelResult => {
    if (!r.rounds) return r;
    return {
      forecast: r.forecast,
      rounds: r.rounds.map((rd) => {
        const positions = new Array<number>(rd.positions.length);
        order.forEach((k, c) => (positions[k] = rd.positions[c]));
        const out = { ...rd, positions };
        if (rd.risk) {
          const risk = new Array<number>(rd.risk.length);
          order.forEach((k, c) => (risk[k] = rd.risk![c]));
          out.risk = risk;
        }
        if (rd.events) out.events = rd.events.map((e) => ({ ...e, actor: order[e.actor], towards: order[e.towards] }));
        return out;
      }),
    };
  };
  const out: IssueForecast = {};
  const rounds = options.rounds !== undefined ? { rounds: options.rounds } : {};
  for (const m of options.models ?? MODELS) {
    if (m === "mean") out.mean = { forecast: weightedMean(canonical) };
    else if (m === "median") out.median = { forecast: weightedMedian(canonical) };
    else if (m === "nash") out.nash = { forecast: nashBargaining(canonical, options.nash) };
    else if (m === "expected-utility") out["expected-utility"] = back(expectedUtilityModel(canonical, { ...options.expectedUtility, ...rounds }));
    else out.smp = back(spatialModelOfPolitics(canonical, { ...options.smp, ...rounds }));
  }
  return out;
}
