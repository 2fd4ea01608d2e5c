/**
 * The Bargaining view's chart model: for one issue of `parley bargain`'s JSON,
 * where every point goes (the scale runs up, rounds across), what each point
 * says when hovered, and what a click on a round shows (every actor's
 * position and the moves of that round). The actors' starting positions are
 * ticks on the left axis, each static model's forecast a level with a dash of
 * its own (levels at the same value share one line, its segments in each
 * model's colour in turn), each dynamic model's forecast per round a line of
 * points, each model's Monte Carlo 5–95% band (90% of the draws) a bar at the
 * right under the model's name, and the value each line ends at labelled after
 * the bands (models ending at the same value share a label: "Median = Nash
 * 50.0"). Pure (no DOM): tested in Node, drawn by page/views/bargain-view.ts.
 */
import type { BargainView } from "../protocol/engine.js";

export type IssueJson = BargainView["issues"][number];
type ForecastJson = IssueJson["forecasts"][string];

export const MODEL_NAMES: Record<string, string> = {
  mean: "Weighted mean",
  median: "Median voter",
  nash: "Nash bargaining",
  "expected-utility": "Expected utility (BDM)",
  smp: "Spatial model (SMP)",
};

/** The same colours as the report's SVG chart (src/bargaining/chart.ts). */
export const MODEL_COLORS: Record<string, string> = {
  mean: "#7a6a00",
  median: "#1d4e89",
  nash: "#2a7a3b",
  "expected-utility": "#b23a48",
  smp: "#6b3fa0",
};

/** Short names, for the labels at the end of the lines. */
export const MODEL_SHORT: Record<string, string> = {
  mean: "Mean",
  median: "Median",
  nash: "Nash",
  "expected-utility": "BDM",
  smp: "SMP",
};

/** A static model's level: each its own dash, so that levels drawn on top of each other still show which is which. */
export const MODEL_DASHES: Record<string, string> = {
  mean: "8 4",
  median: "2 3",
  nash: "12 3 2 3",
};

export interface ChartPoint {
  round: number;
  value: number;
  x: number;
  y: number;
  /** The hover text. */
  label: string;
}

export interface ChartSeries {
  model: string;
  name: string;
  color: string;
  /** A static model: one level across the chart. */
  level: boolean;
  forecast: number;
  points: ChartPoint[];
  /** Monte Carlo 5%, 50% and 95% quantiles, with the bar's x and the y of each; its name above the plot, in row `row` (0 the upper). */
  band?: { q05: number; q50: number; q95: number; x: number; y05: number; y50: number; y95: number; label: string; name: string; row: number; nameY: number };
  /** A level on the same line as other levels (the same value to a tenth): the `index`-th of `of`, drawn as every `of`-th segment. */
  shared?: { index: number; of: number; with: string[] };
}

/**
 * A label at the right end of the lines: the models that end at the same
 * value (to a tenth) share one ("Median = Nash 50.0"), moved apart from the
 * others so that none overlap.
 */
export interface EndLabel {
  models: { model: string; short: string; color: string }[];
  value: number;
  y: number;
  labelY: number;
  x: number;
}

export interface ChartTick {
  name: string;
  value: number;
  y: number;
  /** The label's y, moved apart from its neighbours so that labels never overlap. */
  labelY: number;
}

export interface IssueChart {
  id: string;
  title: string;
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  rounds: number;
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
  unit: string;
  /** The scale's lower end is written a line under the rounds' title (a narrow chart has no room for both on one line). */
  minBelow: boolean;
  ticks: ChartTick[];
  series: ChartSeries[];
  ends: EndLabel[];
  /** Where the Monte Carlo bands' caption goes (when there are bands), and what it says. */
  bandsCaption?: { x: number; y: number; text: string; title: string };
}

export interface RoundDetail {
  heading: string;
  rows: { name: string; position: number; risk?: number }[];
  moves: string[];
}

/** The least width a chart is drawn at; two charts go side by side when the view has room for two. */
export const CHART_MIN = 640;
/** The round's detail beside a chart (about 22rem with its gap). */
export const DETAIL_WIDTH = 340;
/** The gap between two charts side by side. */
export const CHART_GAP = 24;

export interface ChartLayout {
  /** Charts side by side: 1 or 2. */
  columns: number;
  /** Each chart's width, in pixels. */
  width: number;
  /** The round's detail beside its chart (else under it). */
  beside: boolean;
}

/**
 * How the Bargaining view spends its width (`room`, in pixels) on `issues`
 * charts: two side by side when both get at least CHART_MIN, else one as wide
 * as the view, with the round's detail beside it when the chart keeps 720 px,
 * else under it.
 */
export function chartLayout(room: number, issues: number): ChartLayout {
  const w = Math.max(320, Math.floor(room));
  if (issues > 1 && w >= 2 * CHART_MIN + CHART_GAP) return { columns: 2, width: Math.floor((w - CHART_GAP) / 2), beside: false };
  if (w - DETAIL_WIDTH >= 720) return { columns: 1, width: w - DETAIL_WIDTH, beside: true };
  return { columns: 1, width: w, beside: false };
}

export const fmt = (x: number): string => (Math.round(x * 10) / 10).toFixed(1);
const MIN_LABEL_GAP = 13;
/** Room between two Monte Carlo bands: each has its model's name above it, the names in two rows when there are several, so a name may be twice as wide. */
const BAND_SLOT = 26;
/** Room for the end labels ("Median = Nash 50.0"). */
const END_LABELS = 130;
/** One segment of a line shared by levels: each model draws every n-th. */
export const SHARED_SEGMENT = 16;

/** The dash of a static model's level: its own, or its turn on a line it shares. */
export function levelDash(s: Pick<ChartSeries, "model" | "shared">): { dash: string; offset: number } {
  if (s.shared) return { dash: `${SHARED_SEGMENT} ${SHARED_SEGMENT * (s.shared.of - 1)}`, offset: SHARED_SEGMENT * s.shared.index };
  return { dash: MODEL_DASHES[s.model] ?? "6 4", offset: 0 };
}

/** Lay out one issue's chart in a width × height box. */
export function issueChart(issue: IssueJson, models: readonly string[], size: { width: number; height: number } = { width: 640, height: 320 }): IssueChart {
  const { width, height } = size;
  const withBands = models.filter((m) => issue.forecasts[m]?.distribution);
  const bands = withBands.length;
  const rows = Math.min(2, bands);
  // At the right: the Monte Carlo bands (BAND_SLOT apart, their names above the plot in one or two rows), then the lines' end labels.
  // At the left, the actors' labels ("European allies 10.0"): room for the longest, at about 5.9 px a character.
  const longestActor = Math.max(0, ...issue.actors.map((a) => `${a.name} ${fmt(a.position)}`.length));
  const plot = {
    left: Math.round(Math.min(180, Math.max(60, 14 + 5.9 * longestActor))),
    right: width - (bands ? 34 + BAND_SLOT * (bands - 1) + END_LABELS : 10 + END_LABELS),
    // With bands, above the plot: the scale's upper end, the bands' caption, then their names in one or two rows.
    top: 34 + 12 * rows,
    bottom: height - 34,
  };
  // The scale's lower end and the rounds' title share the line under the round numbers when both fit (about 6.2 px a character), else the scale's end goes a line lower.
  const minText = `${issue.scale.min}${issue.scale.unit ?? ""} = ${issue.scale.minLabel}`;
  const roundsBelow = plot.left + 6.2 * minText.length + 12 > plot.right - 34;
  if (roundsBelow) plot.bottom -= 12;
  const bandX = (k: number) => plot.right + 18 + BAND_SLOT * k;
  const { min, max } = issue.scale;
  const unit = issue.scale.unit ?? "";
  const rounds = Math.max(1, ...models.map((m) => (issue.forecasts[m]?.rounds?.length ?? 1) - 1));
  const x = (round: number) => plot.left + ((plot.right - plot.left) * round) / rounds;
  const y = (v: number) => plot.top + ((plot.bottom - plot.top) * (max - v)) / (max - min);

  const sorted = [...issue.actors].sort((a, b) => b.position - a.position || a.name.localeCompare(b.name));
  const ticks: ChartTick[] = [];
  for (const a of sorted) {
    const at = y(a.position);
    const prev = ticks[ticks.length - 1];
    ticks.push({ name: a.name, value: a.position, y: at, labelY: prev ? Math.max(at, prev.labelY + MIN_LABEL_GAP) : at });
  }

  const series = models
    .filter((m) => issue.forecasts[m])
    .map((m): ChartSeries => {
      const f: ForecastJson = issue.forecasts[m];
      const name = MODEL_NAMES[m] ?? m;
      const points: ChartPoint[] = f.rounds
        ? f.rounds.map((r) => ({
            round: r.round,
            value: r.forecast,
            x: x(r.round),
            y: y(r.forecast),
            label: `${name}, round ${r.round}: ${fmt(r.forecast)}${unit}`,
          }))
        : [0, rounds].map((round) => ({ round, value: f.forecast, x: x(round), y: y(f.forecast), label: `${name}: ${fmt(f.forecast)}${unit}` }));
      const out: ChartSeries = { model: m, name, color: MODEL_COLORS[m] ?? "#555", level: !f.rounds, forecast: f.forecast, points };
      const d = f.distribution;
      if (d) {
        const k = withBands.indexOf(m);
        const row = k % rows;
        out.band = {
          q05: d.q05,
          q50: d.q50,
          q95: d.q95,
          x: bandX(k),
          y05: y(d.q05),
          y50: y(d.q50),
          y95: y(d.q95),
          label: `${name}: 90% of ${d.samples} Monte Carlo draws between ${fmt(d.q05)} and ${fmt(d.q95)}${unit} (5% and 95%), median ${fmt(d.q50)}`,
          name: MODEL_SHORT[m] ?? m,
          row,
          nameY: plot.top - 8 - 12 * (rows - 1 - row),
        };
      }
      return out;
    });
  // Levels at the same value (to a tenth) share one line, a segment each in turn.
  for (const s of series) {
    if (!s.level) continue;
    const same = series.filter((o) => o.level && fmt(o.forecast) === fmt(s.forecast));
    if (same.length === 1) continue;
    s.shared = { index: same.indexOf(s), of: same.length, with: same.filter((o) => o !== s).map((o) => o.model) };
    // On the very same line (the values may differ past the tenth), so that the segments take turns exactly.
    for (const p of s.points) p.y = same[0].points[0].y;
  }
  // The end labels, top to bottom, models ending at the same tenth together.
  const endX = bands ? bandX(bands - 1) + 16 : plot.right + 8;
  const ends: EndLabel[] = [];
  for (const sr of [...series].sort((a, b) => b.forecast - a.forecast)) {
    const last = sr.points[sr.points.length - 1];
    const same = ends.find((e) => fmt(e.value) === fmt(last.value));
    const entry = { model: sr.model, short: MODEL_SHORT[sr.model] ?? sr.model, color: sr.color };
    if (same) same.models.push(entry);
    else ends.push({ models: [entry], value: last.value, y: last.y, labelY: last.y, x: endX });
  }
  ends.sort((a, b) => a.y - b.y);
  for (let k = 1; k < ends.length; k++) ends[k].labelY = Math.max(ends[k].y, ends[k - 1].labelY + MIN_LABEL_GAP);
  return {
    id: issue.id,
    title: issue.title,
    width,
    height,
    plot,
    rounds,
    min,
    max,
    minLabel: issue.scale.minLabel,
    maxLabel: issue.scale.maxLabel,
    unit,
    minBelow: roundsBelow,
    ticks,
    series,
    ends,
    ...(bands
      ? {
          bandsCaption: {
            x: (bandX(0) + bandX(bands - 1)) / 2,
            y: plot.top - 8 - 12 * rows,
            text: "90% of draws",
            title:
              "Each bar: the middle 90% of the Monte Carlo draws of its model's forecast (from the 5% to the 95% quantile); the tick across it, their median",
          },
        }
      : {}),
  };
}

/** What a click on a round of a dynamic model shows: every actor's position then, and the moves that led there. */
export function roundDetail(issue: IssueJson, model: string, round: number): RoundDetail | undefined {
  const r = issue.forecasts[model]?.rounds?.find((x) => x.round === round);
  if (!r) return undefined;
  const name = (id: string) => issue.actors.find((a) => a.id === id)?.name ?? id;
  const unit = issue.scale.unit ?? "";
  return {
    heading: `${MODEL_NAMES[model] ?? model}, ${round === 0 ? "the start" : `round ${round}`}: forecast ${fmt(r.forecast)}${unit}`,
    rows: issue.actors.map((a) => ({ name: a.name, position: r.positions[a.id], ...(r.risk ? { risk: r.risk[a.id] } : {}) })),
    moves: (r.moves ?? []).map((m) =>
      m.kind === "best-response"
        ? `${name(m.actor)} moves from ${fmt(m.from)} to ${fmt(m.to)} (best response)`
        : `${name(m.actor)} ${m.kind === "conflict" ? "loses a conflict to" : m.kind === "compromise" ? "compromises with" : "capitulates to"} ${name(m.towards)}: ${fmt(m.from)} → ${fmt(m.to)}`,
    ),
  };
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The chart as SVG markup. Points carry data-model and data-round (the view
 * makes them clickable) and a <title> (the hover text).
 */
export function chartSvg(c: IssueChart): string {
  const { left, right, top, bottom } = c.plot;
  const o: string[] = [];
  o.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${c.width} ${c.height}" width="${c.width}" height="${c.height}" role="img" aria-label="${esc(`Forecasts for ${c.title}`)}" class="bargain-svg">`,
  );
  o.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" class="axis"/>`);
  o.push(`<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" class="axis"/>`);
  // Above the bands' caption when there are bands (a long label would run into their names).
  o.push(`<text x="${left}" y="${c.bandsCaption ? c.bandsCaption.y - 13 : top - 10}" class="scale-label">${esc(`${c.max}${c.unit} = ${c.maxLabel}`)}</text>`);
  o.push(`<text x="${left}" y="${bottom + (c.minBelow ? 40 : 28)}" class="scale-label">${esc(`${c.min}${c.unit} = ${c.minLabel}`)}</text>`);
  for (let r = 0; r <= c.rounds; r++) {
    const x = left + ((right - left) * r) / c.rounds;
    o.push(`<text x="${x}" y="${bottom + 14}" text-anchor="middle" class="round-label">${r}</text>`);
  }
  o.push(`<text x="${right}" y="${bottom + 28}" text-anchor="end" class="round-label">round</text>`);
  for (const t of c.ticks) {
    o.push(`<line x1="${left - 6}" y1="${t.y}" x2="${left}" y2="${t.y}" class="tick"/>`);
    o.push(
      `<text x="${left - 9}" y="${t.labelY + 4}" text-anchor="end" class="actor-label"><title>${esc(`${t.name} wants ${fmt(t.value)}${c.unit}`)}</title>${esc(`${t.name} ${fmt(t.value)}`)}</text>`,
    );
  }
  for (const s of c.series) {
    const pts = s.points.map((p) => `${p.x},${p.y}`).join(" ");
    const dash = s.level ? levelDash(s) : null;
    o.push(
      `<polyline points="${pts}" fill="none" stroke="${esc(s.color)}" stroke-width="2"${dash ? ` stroke-dasharray="${dash.dash}"${dash.offset ? ` stroke-dashoffset="${dash.offset}"` : ""}` : ""} class="series" data-model="${esc(s.model)}"/>`,
    );
    if (!s.level)
      for (const p of s.points)
        o.push(
          `<circle cx="${p.x}" cy="${p.y}" r="4.5" fill="${esc(s.color)}" class="point" data-model="${esc(s.model)}" data-round="${p.round}" tabindex="0"><title>${esc(p.label)}</title></circle>`,
        );
    else
      o.push(
        `<line x1="${left}" y1="${s.points[0].y}" x2="${right}" y2="${s.points[0].y}" stroke="transparent" stroke-width="10"><title>${esc(s.points[0].label)}</title></line>`,
      );
    if (s.band) {
      const b = s.band;
      o.push(
        `<g class="band" data-model="${esc(s.model)}"><title>${esc(b.label)}</title><line x1="${b.x}" y1="${b.nameY + 3}" x2="${b.x}" y2="${b.y95 - 2}" stroke="${esc(s.color)}" stroke-width="1" stroke-opacity="0.5" stroke-dasharray="1 2"/><line x1="${b.x}" y1="${b.y95}" x2="${b.x}" y2="${b.y05}" stroke="${esc(s.color)}" stroke-width="5" stroke-opacity="0.45"/><line x1="${b.x - 4}" y1="${b.y50}" x2="${b.x + 4}" y2="${b.y50}" stroke="${esc(s.color)}" stroke-width="2"/><text x="${b.x}" y="${b.nameY}" text-anchor="middle" fill="${esc(s.color)}" class="band-label">${esc(b.name)}</text></g>`,
      );
    }
  }
  if (c.bandsCaption)
    o.push(
      `<text x="${c.bandsCaption.x}" y="${c.bandsCaption.y}" text-anchor="middle" class="band-caption"><title>${esc(c.bandsCaption.title)}</title>${esc(c.bandsCaption.text)}</text>`,
    );
  for (const e of c.ends) {
    if (e.labelY !== e.y) o.push(`<line x1="${e.x - 6}" y1="${e.y}" x2="${e.x - 1}" y2="${e.labelY}" class="tick"/>`);
    const names = e.models.map((m) => `<tspan fill="${esc(m.color)}">${esc(m.short)}</tspan>`).join(" = ");
    o.push(
      `<text x="${e.x}" y="${e.labelY + 4}" class="end-label"><title>${esc(`${e.models.map((m) => MODEL_NAMES[m.model] ?? m.model).join(" = ")}: ${fmt(e.value)}${c.unit}`)}</title>${names} ${fmt(e.value)}</text>`,
    );
  }
  o.push(`</svg>`);
  return o.join("");
}
