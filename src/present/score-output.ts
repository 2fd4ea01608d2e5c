/**
 * `parley score`: reading a forecast log and a resolutions file (with
 * located errors), and the score report (`parley-score/1`): its JSON,
 * document and schema.
 */
import type { ForecastRecord, Resolution, ScoreReport } from "../analysis/score.js";
import { ParleyError, type Issue } from "../format/errors.js";
import { readSource } from "../format/source.js";
import { type Block, type Document, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";
import { arr, bool, int, isoDate, nullable, num, obj, oneOfValues, prob, root, str } from "./schema-kit.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

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
    if (!isObj(x) || x.format !== "parley-forecast-record/1") return bad(`not a forecast record (its format is not "parley-forecast-record/1")`);
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

const fmt = (x: number) => (Number.isNaN(x) ? "—" : x.toFixed(3));
const pct = (p: number) => `${Math.round(p * 100)}%`;

export function scoreJson(r: ScoreReport) {
  const summary = (s: ScoreReport["model"]) => ({ count: s.count, brier: s.count ? s.brier : null, log: s.count ? s.log : null });
  return {
    format: "parley-score/1",
    model: summary(r.model),
    baselines: { fifty: summary(r.baselines.fifty), noChange: r.baselines.noChange ? summary(r.baselines.noChange) : null },
    scored: r.scored.map((s) => ({
      made: s.record.made,
      scenario: s.record.scenario,
      question: s.record.question,
      by: s.record.by,
      probability: s.record.probability,
      outcome: s.outcome === 1 ? "yes" : "no",
      brier: s.brier,
      log: s.log,
      clipped: s.clipped,
    })),
    calibration: r.calibration,
    pending: r.pending.map((p) => ({ made: p.made, question: p.question, by: p.by, probability: p.probability })),
    retrodictions: r.retrodictions.length,
  };
}

export function scoreDocument(r: ScoreReport): Document {
  const h = (text: string): Block => ({ kind: "heading", level: 2, text, underline: true });
  const blocks: Block[] = [{ kind: "heading", level: 1, text: "Track record" }];
  blocks.push({
    kind: "paragraph",
    text: `${r.scored.length} forecast${r.scored.length === 1 ? "" : "s"} scored, ${r.pending.length} awaiting a resolution, ${r.retrodictions.length} retrodiction${r.retrodictions.length === 1 ? "" : "s"} left out (made on or after their date).`,
  });
  blocks.push(h("Scores (lower Brier is better; log score closer to 0 is better)"));
  const rows: string[][] = [["Parley", String(r.model.count), fmt(r.model.brier), fmt(r.model.log)]];
  rows.push(["always 50%", String(r.baselines.fifty.count), fmt(r.baselines.fifty.brier), fmt(r.baselines.fifty.log)]);
  const nc = r.baselines.noChange;
  rows.push(["nothing changes from today", String(nc?.count ?? 0), nc ? fmt(nc.brier) : "—", nc ? fmt(nc.log) : "—"]);
  blocks.push({ kind: "table", table: { header: ["forecaster", "forecasts", "Brier", "log score"], right: [false, true, true, true], rows } });
  if (r.scored.length) {
    blocks.push(h("Forecasts"));
    blocks.push({
      kind: "table",
      table: {
        header: ["made", "by", "question", "forecast", "outcome", "Brier"],
        right: [false, false, false, true, false, true],
        rows: r.scored.map((s) => [s.record.made, s.record.by, s.record.question.text, pct(s.record.probability), s.outcome ? "yes" : "no", fmt(s.brier)]),
      },
    });
    blocks.push(h("Calibration"));
    blocks.push({
      kind: "table",
      table: {
        header: ["forecasts in", "count", "mean forecast", "happened"],
        right: [false, true, true, true],
        rows: r.calibration.map((b) => [`${pct(b.low)}–${pct(b.high)}`, String(b.count), pct(b.meanForecast), pct(b.observed)]),
      },
    });
  }
  if (r.pending.length) {
    blocks.push(h("Awaiting a resolution"));
    // The log is any file: its question ids are not checked identifiers, so they are the user's text.
    for (const p of r.pending) blocks.push({ kind: "item", level: 1, text: t`${user(p.question.id)} (by ${p.by}): ${pct(p.probability)}, made ${p.made}` });
  }
  return { title: "Track record", blocks };
}

const scoreSummary = obj({ count: int, brier: nullable(num), log: nullable(num) });
export const scoreSchema = root("parley-score/1", "parley score --format json", {
  model: scoreSummary,
  baselines: obj({ fifty: scoreSummary, noChange: nullable(scoreSummary) }),
  scored: arr(
    obj({
      made: isoDate,
      scenario: obj({ name: str, hash: str }),
      question: obj({ id: str, text: str }),
      by: isoDate,
      probability: prob,
      outcome: oneOfValues("yes", "no"),
      brier: num,
      log: num,
      clipped: bool,
    }),
  ),
  calibration: arr(obj({ low: num, high: num, count: int, meanForecast: prob, observed: prob })),
  pending: arr(obj({ made: isoDate, question: obj({ id: str, text: str }), by: isoDate, probability: prob })),
  retrodictions: int,
});

export const scoreOutput: OutputKind<ScoreReport> = {
  format: "parley-score/1",
  schema: scoreSchema,
  toJson: scoreJson,
  toDocument: scoreDocument,
};
