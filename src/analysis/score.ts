/**
 * Scoring a track record: forecasts recorded when they were made, resolved
 * later by what happened.
 *
 * - Brier score of a forecast p of a yes/no question with outcome o (1 yes,
 *   0 no): (p - o)^2; 0 is perfect, 0.25 is what always saying 50% earns
 *   (Brier 1950, Monthly Weather Review 78(1)).
 * - Logarithmic score: ln p when the outcome is yes, ln(1 - p) when no; 0 is
 *   perfect, ln 0.5 ≈ -0.693 is the 50% baseline (Good 1952). Probabilities
 *   are clipped to [0.001, 0.999] so a single confident miss is costly but
 *   finite; the clipping is reported.
 * - Calibration: forecasts grouped in tenths by their probability, with the
 *   mean forecast and the share that resolved yes in each group.
 * - Baselines scored on the same questions: "always 50%", and "nothing
 *   changes from today" (the probability that the question holds today,
 *   near 1 or 0, clipped like the others).
 *
 * A forecast counts only when it was made before its question's date; one
 * made on or after it is a retrodiction and is listed apart, never scored.
 * A question resolves yes for a forecast "by D" when its resolution is yes
 * with a date on or before D; a yes after D is a no for that forecast.
 */

export interface ForecastRecord {
  /** The day the forecast was computed (YYYY-MM-DD). */
  made: string;
  scenario: { name: string; hash: string };
  question: { id: string; text: string };
  probability: number;
  /** The date the question resolves by (YYYY-MM-DD). */
  by: string;
  /** Whether the question's condition held today, when the forecast was made (the "nothing changes" baseline). */
  holdsToday?: boolean;
}

export interface Resolution {
  outcome: "yes" | "no";
  date: string;
}

export interface ScoredForecast {
  record: ForecastRecord;
  /** 1 when the question resolved yes by its date, 0 when no. */
  outcome: 0 | 1;
  brier: number;
  log: number;
  /** The log score's probability was clipped. */
  clipped: boolean;
}

export interface CalibrationBin {
  /** The bin's range of forecast probabilities, [low, high). */
  low: number;
  high: number;
  count: number;
  meanForecast: number;
  observed: number;
}

export interface ScoreSummary {
  count: number;
  brier: number;
  log: number;
}

export interface ScoreReport {
  scored: ScoredForecast[];
  /** Forecasts whose question has no resolution yet. */
  pending: ForecastRecord[];
  /** Forecasts made on or after their question's date: not scored. */
  retrodictions: ForecastRecord[];
  model: ScoreSummary;
  baselines: { fifty: ScoreSummary; noChange: ScoreSummary | null };
  calibration: CalibrationBin[];
}

export const LOG_CLIP = 0.001;

export function brierScore(p: number, outcome: 0 | 1): number {
  return (p - outcome) ** 2;
}

export function logScore(p: number, outcome: 0 | 1): { value: number; clipped: boolean } {
  const q = Math.min(1 - LOG_CLIP, Math.max(LOG_CLIP, p));
  return { value: Math.log(outcome ? q : 1 - q), clipped: q !== p };
}

/** Whether the forecast was made before its question's date (dates compare as YYYY-MM-DD strings). */
export function isForecast(r: ForecastRecord): boolean {
  return r.made < r.by;
}

/** The outcome of a question for a forecast "by D", or undefined while unresolved. */
export function outcomeFor(r: ForecastRecord, res: Resolution | undefined): 0 | 1 | undefined {
  if (!res) return undefined;
  return res.outcome === "yes" && res.date <= r.by ? 1 : 0;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : Number.NaN);

function summary(items: { p: number; o: 0 | 1 }[]): ScoreSummary {
  return {
    count: items.length,
    brier: mean(items.map((x) => brierScore(x.p, x.o))),
    log: mean(items.map((x) => logScore(x.p, x.o).value)),
  };
}

export function scoreRecords(records: readonly ForecastRecord[], resolutions: Readonly<Record<string, Resolution>>): ScoreReport {
  const scored: ScoredForecast[] = [];
  const pending: ForecastRecord[] = [];
  const retrodictions: ForecastRecord[] = [];
  for (const record of records) {
    if (!isForecast(record)) {
      retrodictions.push(record);
      continue;
    }
    const outcome = outcomeFor(record, Object.hasOwn(resolutions, record.question.id) ? resolutions[record.question.id] : undefined);
    if (outcome === undefined) {
      pending.push(record);
      continue;
    }
    const log = logScore(record.probability, outcome);
    scored.push({ record, outcome, brier: brierScore(record.probability, outcome), log: log.value, clipped: log.clipped });
  }
  const items = scored.map((s) => ({ p: s.record.probability, o: s.outcome }));
  const known = scored.filter((s) => s.record.holdsToday !== undefined);
  const calibration: CalibrationBin[] = [];
  for (let b = 0; b < 10; b++) {
    const low = b / 10;
    const high = (b + 1) / 10;
    const inBin = scored.filter((s) => s.record.probability >= low && (s.record.probability < high || (b === 9 && s.record.probability <= 1)));
    if (!inBin.length) continue;
    calibration.push({
      low,
      high,
      count: inBin.length,
      meanForecast: mean(inBin.map((s) => s.record.probability)),
      observed: mean(inBin.map((s) => s.outcome)),
    });
  }
  return {
    scored,
    pending,
    retrodictions,
    model: summary(items),
    baselines: {
      fifty: summary(items.map((x) => ({ p: 0.5, o: x.o }))),
      // Only over the forecasts that recorded today's state; null when none did.
      noChange: known.length ? summary(known.map((s) => ({ p: s.record.holdsToday ? 1 : 0, o: s.outcome }))) : null,
    },
    calibration,
  };
}
