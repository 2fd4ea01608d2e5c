/**
 * The Forecast view (`parley forecast` in the workbench) and the model checks
 * shown beside the editor (`parley lint`). Pure functions over a compiled
 * model: `today` is given by the caller (the worker passes the current UTC
 * date, tests fix it), so a forecast is dated the day it is made, never the
 * scenario's as-of date.
 */
import { CONCEPT_NAMES, forecast, forecastLogText, forecastOutput, forecastRecords, lint, locateFindings, type Analysis, type Model } from "./engine.js";
import { sha256Hex } from "./sha256.js";
import type { ForecastView, LintResultView } from "../../protocol/engine.js";

/** Today in UTC, YYYY-MM-DD: the date every forecast carries. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** Signposts listed, as `parley forecast` lists them by default. */
export const DEFAULT_SIGNPOSTS = 8;

const RULE_WORDS: Record<string, string> = {
  uniform: "any improvement, each equally likely",
  gain: "any improvement, weighted by how far it climbs",
  undeterred: "only improvements no credible sanction deters",
};

const pct = (p: number) => `${Math.round(p * 100)}%`;

/** `method: "sample"` and `samples`: simulate even where the exact method would do (tests check the errors with it). */
export interface ForecastParams {
  signposts?: number;
  method?: "auto" | "sample";
  samples?: number;
}

export function forecastView(analysis: Analysis, text: string, version: number, today: string, params: ForecastParams = {}): ForecastView {
  const t0 = Date.now();
  const m = analysis.model;
  const signposts = params.signposts ?? DEFAULT_SIGNPOSTS;
  const f = forecast(analysis, {
    today,
    signposts,
    ...(params.method ? { method: params.method } : {}),
    ...(params.samples ? { samples: params.samples } : {}),
  });
  const hash = `sha256:${sha256Hex(text)}`;
  const json = forecastOutput.toJson({ model: m, forecast: f, scenario: { name: m.scenario.name, hash }, signposts: 0 });
  // Sampled: each course of play lands in a family or not, so a family's error is that of a proportion.
  const se = (p: number) => (f.exact || f.samples <= 0 ? null : Math.sqrt((p * (1 - p)) / f.samples));
  const total = f.rules.reduce((a, r) => a + r.weight, 0);
  return {
    version,
    made: f.made,
    asOf: f.asOf,
    ...(m.scenario.asOf ? { scenarioAsOf: m.scenario.asOf } : {}),
    scenario: m.scenario.name,
    exact: f.exact,
    samples: f.samples,
    horizon: f.horizon,
    settled: f.settled,
    families: json.families.map((x) => ({ words: x.words, states: x.states, probability: x.probability, stderr: se(x.probability) })),
    questions: json.questions.map((q) => ({
      id: q.id,
      question: q.question,
      by: q.by,
      probability: q.probability,
      stderr: f.exact ? null : q.stderr,
      retrodiction: q.retrodiction,
      holdsToday: q.holdsToday,
      // The same notes as the CLI's table.
      note: q.retrodiction
        ? q.probability === null
          ? "date passed; no as-of date to retrodict from"
          : `retrodiction from ${f.asOf} (date passed; not scored)`
        : q.holdsToday
          ? "already yes today"
          : "",
      curve: q.curve,
    })),
    // The moves that change a question, and the likely next moves even when they only answer one (as the CLI lists them).
    signposts: json.signposts
      .filter((s) => s.impact >= 0.01 || s.nextMove >= 0.05)
      .slice(0, signposts)
      .map((s) => ({ words: s.words, nextMove: s.nextMove, questions: s.questions })),
    assumptions: [
      `Play stops at an equilibrium under ${CONCEPT_NAMES[f.concept]} (${f.concept}), or after ${f.horizon} moves.`,
      `Behaviour rules, one per course of play, by weight: ${f.rules.map((r) => `${RULE_WORDS[r.rule] ?? r.rule} (${r.rule}, ${pct(r.weight / total)})`).join("; ")}.`,
      `Decisive moves a month: ${m.scenario.decisionMakers.map((dm, d) => `${dm.name} ${f.rates[d]}`).join(", ")}.`,
      f.exact ? "Probabilities are exact for this model." : `Probabilities are estimated from ${f.samples.toLocaleString("en")} simulated courses of play.`,
    ],
    records: forecastLogText(forecastRecords(f, { name: m.scenario.name, hash })),
    ms: Date.now() - t0,
  };
}

/** The model checks of the loaded text, each at its line and column when the file says where. */
export function lintView(analysis: Analysis, text: string, version: number): LintResultView {
  const m: Model = analysis.model;
  const facts = m.scenario.facts ? new Set(m.scenario.facts.map((x) => x.id)) : undefined;
  const findings = locateFindings(m, text, lint(analysis, { facts }));
  return {
    version,
    findings: findings.map((x) => ({
      code: x.code,
      element: x.element,
      message: x.message,
      why: x.why,
      fix: x.fix,
      line: x.line ?? 1,
      column: x.column ?? 1,
      located: x.line !== undefined,
    })),
  };
}
