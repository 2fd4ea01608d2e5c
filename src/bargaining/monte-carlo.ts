/**
 * Sensitivity by Monte Carlo: every ranged input (position, salience,
 * capability, status quo) is drawn uniformly between its min and max, the
 * models run on each draw, and the forecasts' distribution is summarised by
 * quantiles. Seeded (mulberry32, src/analysis/random.ts), each draw from
 * (seed, draw number), so a run is reproducible, the same seed gives the same
 * numbers, and any split of the draws over machines gives them too.
 */
import { allDraws, drawSeed, type Draws } from "../analysis/draws.js";
import { seededRandom } from "../analysis/random.js";
import { forecastIssue, type ForecastOptions } from "./forecast.js";
import { MODELS, type BargainingIssue, type BargainingModel } from "./types.js";

/** A quantity with its range; without min/max it is fixed. */
export interface Ranged {
  value: number;
  min?: number;
  max?: number;
}

export interface UncertainIssue {
  min: number;
  max: number;
  statusQuo?: Ranged;
  actors: { id: string; position: Ranged; salience: Ranged; capability: Ranged }[];
}

export interface Distribution {
  samples: number;
  mean: number;
  /** 5%, 25%, 50%, 75% and 95% quantiles. */
  q05: number;
  q25: number;
  q50: number;
  q75: number;
  q95: number;
  min: number;
  max: number;
}

export function fixedIssue(u: UncertainIssue): BargainingIssue {
  return {
    min: u.min,
    max: u.max,
    ...(u.statusQuo ? { statusQuo: u.statusQuo.value } : {}),
    actors: u.actors.map((a) => ({ id: a.id, position: a.position.value, salience: a.salience.value, capability: a.capability.value })),
  };
}

export function hasRanges(u: UncertainIssue): boolean {
  const ranged = (r?: Ranged) => r !== undefined && ((r.min ?? r.value) !== r.value || (r.max ?? r.value) !== r.value);
  return ranged(u.statusQuo) || u.actors.some((a) => ranged(a.position) || ranged(a.salience) || ranged(a.capability));
}

/** Draws one issue from the ranges. The order of draws is fixed: actors in order, then position, salience, capability. */
export function drawIssue(u: UncertainIssue, random: () => number): BargainingIssue {
  const draw = (r: Ranged) => {
    const lo = r.min ?? r.value;
    const hi = r.max ?? r.value;
    return lo === hi ? lo : lo + (hi - lo) * random();
  };
  const actors = u.actors.map((a) => ({ id: a.id, position: draw(a.position), salience: draw(a.salience), capability: draw(a.capability) }));
  return { min: u.min, max: u.max, ...(u.statusQuo ? { statusQuo: draw(u.statusQuo) } : {}), actors };
}

/** Quantile by linear interpolation between order statistics (Hyndman & Fan 1996, type 7). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function summarise(values: number[]): Distribution {
  const s = [...values].sort((a, b) => a - b);
  return {
    samples: s.length,
    mean: s.reduce((a, b) => a + b, 0) / s.length,
    q05: quantile(s, 0.05),
    q25: quantile(s, 0.25),
    q50: quantile(s, 0.5),
    q75: quantile(s, 0.75),
    q95: quantile(s, 0.95),
    min: s[0],
    max: s[s.length - 1],
  };
}

/**
 * The models' forecasts over `samples` draws of the ranged inputs. Draw k
 * takes its numbers from its own stream, seeded from (seed, k) alone, so the
 * draws are the same however a run is split (`options.draws`: a shard's
 * share, or a merge of the shards' per-draw forecasts, src/analysis/draws.ts).
 */
export function monteCarlo(
  u: UncertainIssue,
  samples: number,
  seed: number,
  options: ForecastOptions & { draws?: Draws } = {},
): Partial<Record<BargainingModel, Distribution>> {
  const models = options.models ?? MODELS;
  // One row per draw: each model's forecast, in the order of `models`.
  const rows = (options.draws ?? allDraws).each(samples, (from, to) => {
    const out: number[][] = [];
    for (let k = from; k < to; k++) {
      const f = forecastIssue(drawIssue(u, seededRandom(drawSeed(seed, k))), options);
      out.push(models.map((m) => f[m]!.forecast));
    }
    return out;
  });
  const out: Partial<Record<BargainingModel, Distribution>> = {};
  models.forEach((m, i) => (out[m] = summarise(rows.map((r) => r[i]))));
  return out;
}
