/**
 * A scenario's bargaining section, run: every issue through the chosen
 * models, the Monte Carlo distribution when asked, and the link to the graph
 * model (which options the forecast puts on or off the table).
 */
import type { Draws } from "../analysis/draws.js";
import type { BargainingSpec, IssueSpec, RangedValue } from "../format/bargaining-spec.js";
import type { Scenario } from "../format/scenario.js";
import { forecastIssue, type ForecastOptions, type IssueForecast } from "./forecast.js";
import { fixedIssue, hasRanges, monteCarlo, type Distribution, type UncertainIssue } from "./monte-carlo.js";
import { MODELS, type BargainingModel } from "./types.js";

export interface LinkVerdict {
  option: number;
  optionId: string;
  label: string;
  atLeast?: number;
  atMost?: number;
  /** Per model: is the option on the table under its forecast? */
  onTable: Partial<Record<BargainingModel, boolean>>;
}

export interface IssueResult {
  issue: IssueSpec;
  /** Actor ids and names, in the order of the issue's positions. */
  actors: { id: string; name: string }[];
  forecast: IssueForecast;
  distribution?: Partial<Record<BargainingModel, Distribution>>;
  links: LinkVerdict[];
}

export interface BargainingRun {
  models: BargainingModel[];
  issues: IssueResult[];
  samples?: number;
  seed?: number;
}

export interface RunOptions extends ForecastOptions {
  /** Monte Carlo draws over the ranges (0 or absent: none). */
  samples?: number;
  seed?: number;
  /** Where the draws are run (default: all here; a shard's share, or a merge: src/analysis/draws.ts). */
  draws?: Draws;
}

const ranged = (r: RangedValue) => ({ value: r.value, ...(r.min !== undefined ? { min: r.min } : {}), ...(r.max !== undefined ? { max: r.max } : {}) });

export function uncertainIssue(spec: BargainingSpec, issue: IssueSpec): UncertainIssue {
  return {
    min: issue.min,
    max: issue.max,
    ...(issue.statusQuo ? { statusQuo: ranged(issue.statusQuo) } : {}),
    actors: issue.positions.map((p) => ({
      id: spec.actors[p.actor].id,
      position: ranged(p.position),
      salience: ranged(p.salience),
      capability: ranged(p.capability),
    })),
  };
}

export function onTable(link: { atLeast?: number; atMost?: number }, forecast: number): boolean {
  return (link.atLeast === undefined || forecast >= link.atLeast) && (link.atMost === undefined || forecast <= link.atMost);
}

export function runBargaining(scenario: Scenario, options: RunOptions = {}): BargainingRun {
  const spec = scenario.bargaining;
  const models = [...(options.models ?? MODELS)];
  if (!spec) return { models, issues: [] };
  const issues = spec.issues.map((issue): IssueResult => {
    const u = uncertainIssue(spec, issue);
    const forecast = forecastIssue(fixedIssue(u), { ...options, models });
    const distribution = options.samples && hasRanges(u) ? monteCarlo(u, options.samples, options.seed ?? 1, { ...options, models }) : undefined;
    const links = issue.links.map((l): LinkVerdict => {
      const o = scenario.options[l.option];
      const verdict: Partial<Record<BargainingModel, boolean>> = {};
      for (const m of models) verdict[m] = onTable(l, forecast[m]!.forecast);
      return {
        option: l.option,
        optionId: o.id,
        label: o.label,
        ...(l.atLeast !== undefined ? { atLeast: l.atLeast } : {}),
        ...(l.atMost !== undefined ? { atMost: l.atMost } : {}),
        onTable: verdict,
      };
    });
    return {
      issue,
      actors: issue.positions.map((p) => ({ id: spec.actors[p.actor].id, name: spec.actors[p.actor].name })),
      forecast,
      ...(distribution ? { distribution } : {}),
      links,
    };
  });
  return { models, issues, ...(options.samples ? { samples: options.samples, seed: options.seed ?? 1 } : {}) };
}
