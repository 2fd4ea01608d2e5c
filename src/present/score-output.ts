/**
 * `parley score`: the score report (`parley-score/1`): its JSON, document and
 * schema. The log and the resolutions are read in src/interchange/forecast-log.ts.
 */
import type { ScoreReport } from "../analysis/score.js";
import { type Block, type Document, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";
import { arr, bool, int, isoDate, nullable, num, obj, oneOfValues, prob, root, str } from "./schema-kit.js";
import { percent as pct } from "./percent.js";

const fmt = (x: number) => (Number.isNaN(x) ? "—" : x.toFixed(3));

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
