/**
 * An issue's forecasts as a self-contained SVG (no scripts, no external
 * resources): the scale runs up the chart, rounds across it; each dynamic
 * model's forecast per round is a line, each static model's forecast a
 * dashed level, the actors' starting positions are ticks on the left axis,
 * and a Monte Carlo 5–95% band, when there is one, stands at the right.
 * Pure: returns a string; every label is escaped.
 */
import { MODEL_TITLES, type BargainingModel } from "./types.js";
import type { IssueResult } from "./scenario.js";

const COLOURS: Record<BargainingModel, string> = {
  mean: "#7a6a00",
  median: "#1d4e89",
  nash: "#2a7a3b",
  "expected-utility": "#b23a48",
  smp: "#6b3fa0",
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const fmt = (x: number) => String(Math.round(x * 10) / 10);

export function issueChartSvg(r: IssueResult, opts: { width?: number; height?: number } = {}): string {
  const W = opts.width ?? 640;
  const H = opts.height ?? 300;
  const left = 56;
  const right = 170;
  const top = 28;
  const bottom = 36;
  const { min, max } = r.issue;
  const models = Object.keys(r.forecast) as BargainingModel[];
  const maxRound = Math.max(1, ...models.map((m) => (r.forecast[m]!.rounds?.length ?? 1) - 1));
  const px = (round: number) => left + ((W - left - right) * round) / maxRound;
  const py = (v: number) => top + ((H - top - bottom) * (max - v)) / (max - min);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(`Forecasts for ${r.issue.title}`)}" font-family="system-ui, sans-serif" font-size="11">`,
  );
  out.push(`<title>${esc(`Forecasts for ${r.issue.title}`)}</title>`);
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#fff"/>`);
  // Axes and scale labels.
  out.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${H - bottom}" stroke="#889"/>`);
  out.push(`<line x1="${left}" y1="${H - bottom}" x2="${W - right}" y2="${H - bottom}" stroke="#889"/>`);
  for (const v of [min, (min + max) / 2, max]) {
    out.push(`<text x="${left - 6}" y="${py(v) + 4}" text-anchor="end" fill="#445">${esc(fmt(v))}</text>`);
    out.push(`<line x1="${left}" y1="${py(v)}" x2="${W - right}" y2="${py(v)}" stroke="#eef"/>`);
  }
  out.push(`<text x="${left}" y="${top - 10}" fill="#445">${esc(`${fmt(max)} = ${r.issue.maxLabel}`)}</text>`);
  out.push(`<text x="${left}" y="${H - 6}" fill="#445">${esc(`${fmt(min)} = ${r.issue.minLabel}`)}</text>`);
  for (let k = 0; k <= maxRound; k++) out.push(`<text x="${px(k)}" y="${H - bottom + 14}" text-anchor="middle" fill="#667">${k}</text>`);
  out.push(`<text x="${W - right}" y="${H - bottom + 14}" text-anchor="end" fill="#667" dy="12">round</text>`);
  // Actors' starting positions.
  const start = r.issue.positions.map((p) => p.position.value);
  start.forEach((v, k) => {
    out.push(
      `<line x1="${left - 4}" y1="${py(v)}" x2="${left + 4}" y2="${py(v)}" stroke="#333" stroke-width="2"><title>${esc(`${r.actors[k].name}: ${fmt(v)}`)}</title></line>`,
    );
  });
  // Monte Carlo band of the first model that has one.
  const band = r.distribution ? models.find((m) => r.distribution![m]) : undefined;
  if (band && r.distribution) {
    const d = r.distribution[band]!;
    const x = W - right + 8;
    out.push(
      `<rect x="${x}" y="${py(d.q95)}" width="8" height="${Math.max(1, py(d.q05) - py(d.q95))}" fill="${COLOURS[band]}" opacity="0.3"><title>${esc(`${MODEL_TITLES[band]}: 5–95% of ${d.samples} draws, ${fmt(d.q05)} to ${fmt(d.q95)}`)}</title></rect>`,
    );
    out.push(`<line x1="${x}" y1="${py(d.q50)}" x2="${x + 8}" y2="${py(d.q50)}" stroke="${COLOURS[band]}" stroke-width="2"/>`);
  }
  // Models.
  models.forEach((m, k) => {
    const res = r.forecast[m]!;
    const colour = COLOURS[m];
    if (res.rounds && res.rounds.length > 1) {
      const pts = res.rounds.map((rd) => `${px(rd.round).toFixed(1)},${py(rd.forecast).toFixed(1)}`).join(" ");
      out.push(`<polyline points="${pts}" fill="none" stroke="${colour}" stroke-width="2"/>`);
      for (const rd of res.rounds)
        out.push(
          `<circle cx="${px(rd.round).toFixed(1)}" cy="${py(rd.forecast).toFixed(1)}" r="2.5" fill="${colour}"><title>${esc(`${MODEL_TITLES[m]}, round ${rd.round}: ${fmt(rd.forecast)}`)}</title></circle>`,
        );
    } else {
      out.push(
        `<line x1="${left}" y1="${py(res.forecast).toFixed(1)}" x2="${W - right}" y2="${py(res.forecast).toFixed(1)}" stroke="${colour}" stroke-width="1.5" stroke-dasharray="5 4"><title>${esc(`${MODEL_TITLES[m]}: ${fmt(res.forecast)}`)}</title></line>`,
      );
    }
    const ly = top + 4 + k * 16;
    out.push(
      `<line x1="${W - right + 24}" y1="${ly}" x2="${W - right + 40}" y2="${ly}" stroke="${colour}" stroke-width="2"${res.rounds && res.rounds.length > 1 ? "" : ' stroke-dasharray="4 3"'}/>`,
    );
    out.push(`<text x="${W - right + 44}" y="${ly + 4}" fill="#223">${esc(`${SHORT[m]} ${fmt(res.forecast)}`)}</text>`);
  });
  out.push(`</svg>`);
  return out.join("\n");
}

const SHORT: Record<BargainingModel, string> = {
  mean: "mean",
  median: "median",
  nash: "Nash",
  "expected-utility": "exp. utility",
  smp: "SMP",
};
