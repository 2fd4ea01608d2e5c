/**
 * The forecast log (`parley forecast --record`, read by `parley score`): one
 * JSON object a line, each a question's probability as forecast on a day from
 * a scenario. Its tag, its writer and its readers are here together, so the
 * CLI and the workbench write the lines `score` reads. (The JSON Schema of a
 * line is with the forecast output kind, src/present/forecast-output.ts.)
 */
import type { Forecast } from "../analysis/forecast.js";
import type { ForecastRecord, Resolution } from "../analysis/score.js";
import { ParleyError, type Issue } from "../format/errors.js";
import { readSource } from "../format/source.js";
import { isCalendarDate } from "../format/dates.js";

/** The `format` of every line of a forecast log. */
export const FORECAST_RECORD_FORMAT = "parley-forecast-record/1";

/** One line of a forecast log as written: a retrodiction without an as-of date has no probability. */
export interface ForecastLogRecord {
  format: typeof FORECAST_RECORD_FORMAT;
  /** The day the forecast was made (YYYY-MM-DD). */
  made: string;
  /** The scenario's name and the hash of its text (`sha256:…`). */
  scenario: { name: string; hash: string };
  question: { id: string; text: string };
  probability: number | null;
  by: string;
  retrodiction: boolean;
  holdsToday: boolean;
}

/** The records of a forecast: one per question, made on `made` (default: the forecast's day). */
export function forecastRecords(forecast: Forecast, scenario: { name: string; hash: string }, made: string = forecast.made): ForecastLogRecord[] {
  return forecast.questions.map((q) => ({
    format: FORECAST_RECORD_FORMAT,
    made,
    scenario: { name: scenario.name, hash: scenario.hash },
    question: { id: q.id, text: q.question },
    probability: q.probability,
    by: q.by,
    retrodiction: q.retrodiction,
    holdsToday: q.holdsToday,
  }));
}

/** Records as the lines to append to a log (JSON Lines, each line ended). */
export function forecastLogText(records: readonly ForecastLogRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join("");
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * One line as the writer writes it, checked strictly against the record's
 * schema (schema/parley-forecast-record-1.schema.json: every field, no other;
 * the server appends only such lines): the problem, or null. Old or
 * hand-made logs are read leniently by readForecastLog.
 */
export function recordProblem(x: unknown): string | null {
  if (!isObj(x)) return "a record must be a JSON object";
  if (x.format !== FORECAST_RECORD_FORMAT) return `a record's format must be "${FORECAST_RECORD_FORMAT}"`;
  if (typeof x.made !== "string" || !isCalendarDate(x.made)) return "'made' must be a date YYYY-MM-DD";
  if (!isObj(x.scenario) || typeof x.scenario.name !== "string" || typeof x.scenario.hash !== "string") return "'scenario' must be { name, hash }";
  if (!isObj(x.question) || typeof x.question.id !== "string" || typeof x.question.text !== "string") return "'question' must be { id, text }";
  if (x.probability !== null && (typeof x.probability !== "number" || !(x.probability >= 0 && x.probability <= 1)))
    return "'probability' must be a number from 0 to 1, or null";
  if (typeof x.by !== "string" || !isCalendarDate(x.by)) return "'by' must be a date YYYY-MM-DD";
  if (typeof x.retrodiction !== "boolean" || typeof x.holdsToday !== "boolean") return "'retrodiction' and 'holdsToday' must be true or false";
  const keys = ["format", "made", "scenario", "question", "probability", "by", "retrodiction", "holdsToday"];
  const extra = Object.keys(x).find((k) => !keys.includes(k));
  return extra ? `a record has no field '${extra}'` : null;
}

/** The records of a forecast log (JSON Lines); every bad line is reported with its number. */
export function readForecastLog(text: string, file: string): ForecastRecord[] {
  const out: ForecastRecord[] = [];
  const issues: Issue[] = [];
  text.split("\n").forEach((raw, k) => {
    const line = raw.trim();
    if (!line) return;
    const bad = (message: string) => issues.push({ code: "bad-log-line", message, line: k + 1, column: 1 });
    let x: unknown;
    try {
      x = JSON.parse(line);
    } catch {
      return bad("not a JSON object (a forecast log has one JSON object a line, as parley forecast --record writes them)");
    }
    if (!isObj(x) || x.format !== FORECAST_RECORD_FORMAT) return bad(`not a forecast record (its format is not "${FORECAST_RECORD_FORMAT}")`);
    const q = x.question;
    const sc = x.scenario;
    if (typeof x.made !== "string" || !DATE.test(x.made)) return bad("'made' must be a date, YYYY-MM-DD");
    if (typeof x.by !== "string" || !DATE.test(x.by)) return bad("'by' must be a date, YYYY-MM-DD");
    if (!isObj(q) || typeof q.id !== "string" || typeof q.text !== "string") return bad("'question' must have an id and a text");
    if (!isObj(sc) || typeof sc.name !== "string" || typeof sc.hash !== "string") return bad("'scenario' must have a name and a hash");
    // A retrodiction without a probability is kept in the log but has nothing to score.
    if (x.probability === null) return;
    if (typeof x.probability !== "number" || !(x.probability >= 0 && x.probability <= 1)) return bad("'probability' must be a number from 0 to 1");
    out.push({
      made: x.made,
      scenario: { name: sc.name, hash: sc.hash },
      question: { id: q.id, text: q.text },
      probability: x.probability,
      by: x.by,
      ...(typeof x.holdsToday === "boolean" ? { holdsToday: x.holdsToday } : {}),
    });
  });
  if (issues.length) {
    // A file that is no log at all (a scenario, say) gets one message, not one per line.
    if (!out.length && issues.length > 3)
      throw new ParleyError(
        {
          code: "not-a-log",
          message: "this is not a forecast log: parley forecast --record writes one, a JSON object a line",
          line: issues[0].line,
          column: 1,
        },
        file,
      );
    const shown = issues.slice(0, 10);
    if (issues.length > shown.length) shown.push({ code: "bad-log-line", message: `… and ${issues.length - shown.length} more bad lines` });
    throw new ParleyError(shown, file);
  }
  return out;
}

/** `resolutions: { <question id>: { outcome: yes|no, date: YYYY-MM-DD } }` in YAML or JSON. */
export function readResolutions(text: string, file: string): Record<string, Resolution> {
  const { source, issues } = readSource(text);
  if (!source) throw new ParleyError(issues, file);
  const data = source.data;
  const at = (path: (string | number)[]) => source.locate(path) ?? {};
  const problems: Issue[] = [];
  if (!isObj(data) || !isObj(data.resolutions))
    throw new ParleyError(
      { code: "bad-resolutions", message: "expected a mapping 'resolutions:' of question id -> { outcome: yes|no, date: YYYY-MM-DD }", ...at([]) },
      file,
    );
  const out: Record<string, Resolution> = Object.create(null);
  for (const [id, r] of Object.entries(data.resolutions)) {
    const path = ["resolutions", id];
    if (!isObj(r)) {
      problems.push({
        code: "bad-resolution",
        message: `the resolution of '${id}' must be a mapping { outcome: yes|no, date: YYYY-MM-DD }`,
        path,
        ...at(path),
      });
      continue;
    }
    // YAML reads a bare yes/no as a string under the core schema; accept true/false too.
    const outcome = r.outcome === true ? "yes" : r.outcome === false ? "no" : typeof r.outcome === "string" ? r.outcome.toLowerCase() : undefined;
    if (outcome !== "yes" && outcome !== "no")
      problems.push({ code: "bad-resolution", message: `the outcome of '${id}' must be yes or no`, path: [...path, "outcome"], ...at([...path, "outcome"]) });
    if (r.date === undefined)
      problems.push({
        code: "bad-resolution",
        message: `the resolution of '${id}' has no date: add date: YYYY-MM-DD (the day it was resolved)`,
        path,
        ...at(path),
      });
    else if (typeof r.date !== "string" || !DATE.test(r.date))
      problems.push({ code: "bad-resolution", message: `the date of '${id}' must be written YYYY-MM-DD`, path: [...path, "date"], ...at([...path, "date"]) });
    if (outcome === "yes" || outcome === "no") if (typeof r.date === "string" && DATE.test(r.date)) out[id] = { outcome, date: r.date };
  }
  if (problems.length) throw new ParleyError(problems, file);
  return out;
}
