/**
 * The views of the Forecast view and of the model checks beside the editor:
 * what the engine worker computes for `forecast` and `lint` requests, in
 * words and 1-based state ids, ready to render.
 */

/** A finding of the model checks (`parley lint`): a warning beside the editor, at its element when the file says where. */
export interface LintView {
  code: string;
  element: string;
  message: string;
  why: string;
  fix: string;
  line: number;
  column: number;
  located: boolean;
}

export interface LintResultView {
  version: number;
  findings: LintView[];
}

/** An outcome of play: a family of states in words, and how likely play settles there. */
export interface ForecastFamilyView {
  words: string;
  states: number[];
  probability: number;
  /** Monte Carlo standard error; null when the forecast is exact. */
  stderr: number | null;
}

export interface ForecastQuestionView {
  id: string;
  question: string;
  by: string;
  probability: number | null;
  stderr: number | null;
  /** The date has passed: computed from the scenario's as-of date, never scored. */
  retrodiction: boolean;
  holdsToday: boolean;
  /** What the CLI notes beside it ("retrodiction from 2025-08-15 …", "already yes today"), or "". */
  note: string;
  /** The probability by the end of each month up to the question's date. */
  curve: { date: string; probability: number }[];
}

export interface SignpostView {
  words: string;
  nextMove: number;
  questions: { id: string; probability: number | null; change: number | null; answers: boolean }[];
}

/** `parley forecast` for the loaded version, made today. */
export interface ForecastView {
  version: number;
  made: string;
  asOf: string | null;
  scenarioAsOf?: string;
  scenario: string;
  exact: boolean;
  samples: number;
  horizon: number;
  settled: number;
  families: ForecastFamilyView[];
  questions: ForecastQuestionView[];
  signposts: SignpostView[];
  assumptions: string[];
  /** The forecast log's lines (`parley-forecast-record/1`, as `parley forecast --record` writes them), one per question. */
  records: string;
  ms: number;
}
