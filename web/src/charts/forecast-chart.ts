/**
 * The Forecast view's charts: one question's probability by the end of each
 * month, from the day the forecast starts (today, or the scenario's as-of
 * date for a retrodiction) to the question's resolution date, which is
 * marked. Pure (no DOM): tested in Node, drawn by page/views/forecast-view.ts.
 */
import type { ForecastQuestionView } from "../protocol/engine.js";

export const CHART = { width: 360, height: 150, left: 40, right: 14, top: 14, bottom: 30 };

export interface CurvePoint {
  date: string;
  probability: number;
  x: number;
  y: number;
}

export interface QuestionChart {
  points: CurvePoint[];
  /** The x of the resolution date and its label. */
  by: { x: number; label: string };
  /** The start of the curve (today, or the as-of date for a retrodiction). */
  start: string;
  /** What the chart says to a screen reader. */
  title: string;
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const pct = (p: number) => `${Math.round(p * 100)}%`;
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Where each point of a question's curve goes; `start`: the day the curve starts from. */
export function questionChart(q: ForecastQuestionView, start: string): QuestionChart {
  const { width, height, left, right, top, bottom } = CHART;
  const t0 = day(start);
  const t1 = Math.max(day(q.by), t0 + 1);
  const x = (iso: string) => left + ((Math.min(Math.max(day(iso), t0), t1) - t0) / (t1 - t0)) * (width - left - right);
  const y = (p: number) => top + (1 - p) * (height - top - bottom);
  // The curve starts at 0 on its first day, or at 1 when the question holds already.
  const first = { date: start, probability: q.holdsToday ? 1 : 0 };
  const curve = q.curve.length && q.curve[0].date === start ? q.curve : [first, ...q.curve];
  const points = curve.map((c) => ({ ...c, x: x(c.date), y: y(c.probability) }));
  const kind = q.retrodiction ? "Retrodiction" : "Forecast";
  return {
    points,
    by: { x: x(q.by), label: `by ${q.by}` },
    start,
    title: `${kind}: ${q.question} ${q.probability === null ? "no probability" : pct(q.probability)} by ${q.by}, from ${start}.`,
  };
}

/** The chart as SVG text: axes at 0, 50 and 100%, the curve, the resolution date as a dashed line. */
export function questionSvg(chart: QuestionChart, retrodiction: boolean): string {
  const { width, height, left, right, top, bottom } = CHART;
  const y = (p: number) => top + (1 - p) * (height - top - bottom);
  const grid = [0, 0.5, 1]
    .map(
      (p) =>
        `<line class="grid" x1="${left}" x2="${width - right}" y1="${y(p)}" y2="${y(p)}"/><text class="scale-label" x="${left - 4}" y="${y(p) + 4}" text-anchor="end">${pct(p)}</text>`,
    )
    .join("");
  const line = chart.points.map((p, k) => `${k ? "L" : "M"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
  const dots = chart.points
    .map(
      (p) => `<circle class="point" cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="2.5"><title>${esc(`${p.date}: ${pct(p.probability)}`)}</title></circle>`,
    )
    .join("");
  const last = chart.points[chart.points.length - 1];
  const byX = chart.by.x.toFixed(1);
  return [
    `<svg class="forecast-svg${retrodiction ? " retro" : ""}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(chart.title)}">`,
    `<title>${esc(chart.title)}</title>`,
    grid,
    `<line class="by" x1="${byX}" x2="${byX}" y1="${top - 4}" y2="${height - bottom}"/>`,
    `<text class="date-label" x="${left}" y="${height - bottom + 16}">${esc(chart.start)}</text>`,
    `<text class="date-label by-label" x="${byX}" y="${height - bottom + 16}" text-anchor="end">${esc(chart.by.label)}</text>`,
    `<path class="curve" d="${line}"/>`,
    dots,
    last
      ? `<text class="end-label" x="${Math.max(left + 20, last.x - 6).toFixed(1)}" y="${Math.max(top + 10, last.y - 6).toFixed(1)}" text-anchor="end">${pct(last.probability)}</text>`
      : "",
    `</svg>`,
  ].join("");
}
