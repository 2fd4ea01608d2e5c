/**
 * Bargaining: where the scenario's continuous issues may settle (its
 * `bargaining` section, docs/bargaining.md). For each issue a chart of the
 * actors' positions, each model's forecast and the expected utility and SMP
 * models round by round, with each model's Monte Carlo 5–95% band when the
 * inputs have ranges; hovering a point gives its value, clicking a round of a
 * dynamic model lists every actor's position then and the moves that led
 * there. The charts take the view's width (two side by side when both get
 * enough, chartLayout) and are drawn again when it changes. Computed in the
 * worker (the same engine as `parley bargain`).
 */
import {
  type ChartLayout,
  type ChartSeries,
  chartLayout,
  chartSvg,
  fmt,
  issueChart,
  levelDash,
  MODEL_NAMES,
  roundDetail,
  type IssueJson,
} from "../../charts/bargain-chart.js";
import { clear, h } from "../widgets/dom.js";
import type { BargainView, ModelView, Request, ResultOf } from "../../protocol/engine.js";
import { staleNote } from "./run-control.js";

type Ask = (request: Extract<Request, { type: "bargain" }>) => Promise<ResultOf["bargain"]>;

export class BargainPanel {
  private model: ModelView | null = null;
  private result: BargainView | null = null;
  private visible = false;
  private running = false;
  private readonly samples: HTMLInputElement;
  private readonly seed: HTMLInputElement;
  private readonly stale = h("p", { class: "stale", hidden: true });
  private readonly out = h("div", { class: "bargain-result" });
  private again = false;
  /** The charts' layout when last drawn: they are drawn again when the room for them changes (the editor hidden or shown, the window resized). */
  private drawn: ChartLayout | null = null;

  constructor(
    root: HTMLElement,
    private readonly hooks: { request: Ask },
  ) {
    this.samples = h("input", { id: "bargain-samples", type: "number", min: 0, max: 5000, step: 100, value: 200, class: "narrow" });
    this.seed = h("input", { id: "bargain-seed", type: "number", min: 0, value: 1, class: "tiny" });
    root.append(
      h(
        "div",
        { class: "toolbar" },
        h(
          "span",
          { class: "ctl", title: "Monte Carlo draws over the inputs' ranges (0: none)" },
          h("label", { for: "bargain-samples" }, "Monte Carlo draws"),
          this.samples,
        ),
        h("span", { class: "ctl" }, h("label", { for: "bargain-seed" }, "seed"), this.seed),
        h("button", { type: "button", class: "primary", id: "bargain-run", onclick: () => void this.run() }, "Forecast"),
      ),
      h(
        "div",
        { class: "bargain-prose" },
        h(
          "p",
          { class: "muted intro" },
          "Where the continuous issues may settle, from each actor's position, salience and capability: the weighted mean and median, the Nash bargaining solution, and the expected utility and SMP models round by round. Hover a point for its value; click a round to see every actor's position and the moves.",
        ),
        this.stale,
        this.out,
      ),
    );
    // Hidden, the view has no width: it is drawn again when shown.
    new ResizeObserver(() => {
      const r = this.result;
      if (!r?.issues.length || this.out.clientWidth === 0) return;
      const now = this.layout(r);
      const was = this.drawn;
      if (!was || was.columns !== now.columns || was.beside !== now.beside || Math.abs(was.width - now.width) > 8) this.render(r);
    }).observe(this.out);
  }

  private layout(r: BargainView): ChartLayout {
    return chartLayout(this.out.clientWidth, r.issues.length);
  }

  setModel(m: ModelView): void {
    this.model = m;
    staleNote(this.stale, this.result !== null && this.result.version !== m.version, () => void this.run());
    if (this.visible) void this.run();
  }

  show(): void {
    this.visible = true;
    if (this.model && (!this.result || this.result.version !== this.model.version)) void this.run();
  }

  hide(): void {
    this.visible = false;
  }

  async run(): Promise<void> {
    if (!this.model) return;
    // Asked again while a forecast runs (new draws, a new seed): run once more when it ends.
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    const samples = Math.min(5000, Math.max(0, Math.round(Number(this.samples.value) || 0)));
    const seed = Math.max(0, Math.round(Number(this.seed.value) || 0));
    if (!this.result) clear(this.out, h("p", { class: "muted" }, "Forecasting…"));
    try {
      const r = await this.hooks.request({ type: "bargain", samples, seed });
      this.result = r;
      staleNote(this.stale, this.model !== null && r.version !== this.model.version, () => void this.run());
      this.render(r);
    } catch (e) {
      clear(this.out, h("p", { class: "error" }, `Could not forecast: ${(e as Error).message}`));
    } finally {
      this.running = false;
    }
    if (this.again) {
      this.again = false;
      await this.run();
    }
  }

  private render(r: BargainView): void {
    if (r.issues.length === 0) {
      clear(
        this.out,
        h(
          "p",
          { "data-testid": "bargain-none" },
          "This scenario has no bargaining section. Add one (issues on a numeric scale with each actor's position, salience and capability) to forecast where continuous issues settle: see docs/bargaining.md.",
        ),
      );
      return;
    }
    const layout = this.layout(r);
    this.drawn = this.out.clientWidth ? layout : null;
    clear(
      this.out,
      h(
        "p",
        { class: "muted", "data-testid": "bargain-summary" },
        `${r.issues.length} issue${r.issues.length > 1 ? "s" : ""}${r.samples ? `; bands from ${r.samples} Monte Carlo draws (seed ${r.seed})` : ""}.`,
      ),
      h(
        "div",
        { class: `bargain-issues${layout.columns === 2 ? " two" : ""}` },
        r.issues.map((issue) => this.issue(issue, r.models, layout, r.samples ?? 0)),
      ),
    );
  }

  private issue(issue: IssueJson, models: string[], layout: ChartLayout, samples: number): HTMLElement {
    const chart = issueChart(issue, models, { width: layout.width, height: 360 });
    const detail = h(
      "div",
      { class: "bargain-detail", "aria-live": "polite" },
      h("p", { class: "muted" }, "Click a round of the expected utility or SMP line."),
    );
    const figure = h("div", { class: "bargain-chart", "data-issue": issue.id });
    // As wide as laid out, and never wider than its row: the picture scales with it until it is drawn again.
    figure.style.width = `${layout.width}px`;
    figure.innerHTML = chartSvg(chart);
    const open = (el: Element) => {
      const model = el.getAttribute("data-model");
      const round = Number(el.getAttribute("data-round"));
      const d = model ? roundDetail(issue, model, round) : undefined;
      if (!d) return;
      figure.querySelectorAll(".point.chosen").forEach((p) => p.classList.remove("chosen"));
      el.classList.add("chosen");
      clear(
        detail,
        h("h4", {}, d.heading),
        h(
          "table",
          { class: "compact" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", {}, "actor"),
              h("th", {}, "position"),
              d.rows.some((x) => x.risk !== undefined) ? h("th", { title: "risk exponent r_i of the round" }, "risk r") : null,
            ),
          ),
          h(
            "tbody",
            {},
            d.rows.map((x) =>
              h(
                "tr",
                {},
                h("td", {}, x.name),
                h("td", { class: "num" }, fmt(x.position)),
                x.risk !== undefined ? h("td", { class: "num" }, x.risk.toFixed(2)) : null,
              ),
            ),
          ),
        ),
        d.moves.length
          ? h(
              "ul",
              {},
              d.moves.map((m) => h("li", {}, m)),
            )
          : h("p", { class: "muted" }, round === 0 ? "The starting positions." : "No one moved."),
      );
      // Under the legend, the detail may be out of view: bring it in.
      if (!layout.beside) detail.scrollIntoView({ block: "nearest" });
    };
    figure.addEventListener("click", (e) => {
      const el = (e.target as Element).closest("[data-round]");
      if (el) open(el);
    });
    figure.addEventListener("keydown", (e) => {
      const el = (e.target as Element).closest("[data-round]");
      if (el && (e.key === "Enter" || e.key === " ")) {
        e.preventDefault();
        open(el);
      }
    });
    const legend = h(
      "ul",
      { class: "bargain-legend" },
      chart.series.map((s) =>
        h(
          "li",
          { "data-model": s.model },
          lineSwatch(s),
          `${MODEL_NAMES[s.model] ?? s.model}: ${fmt(s.forecast)}${chart.unit}`,
          s.shared ? ` (one line with ${s.shared.with.map((m) => MODEL_NAMES[m] ?? m).join(" and ")}, colours in turn)` : null,
          s.band ? h("span", { class: "muted" }, ` (90% of draws: ${fmt(s.band.q05)}–${fmt(s.band.q95)})`) : null,
        ),
      ),
      chart.bandsCaption
        ? h(
            "li",
            { class: "bargain-bands-key" },
            bandSwatch(),
            `Bars at the right: where the middle 90% of the ${samples} Monte Carlo draws put each model's forecast (5% to 95%), the tick their median.`,
          )
        : null,
    );
    const links = issue.links.length
      ? h(
          "ul",
          { class: "bargain-links" },
          issue.links.map((l) => {
            const on = models.filter((m) => l.onTable[m as keyof typeof l.onTable]).map((m) => MODEL_NAMES[m] ?? m);
            const when =
              l.atLeast !== undefined && l.atMost !== undefined
                ? `between ${l.atLeast} and ${l.atMost}`
                : l.atLeast !== undefined
                  ? `at least ${l.atLeast}`
                  : `at most ${l.atMost}`;
            return h(
              "li",
              {},
              `“${l.label}” is on the table when the forecast is ${when}: ${on.length ? `on under ${on.join(", ")}` : "off under every model"}.`,
            );
          }),
        )
      : null;
    return h(
      "section",
      { class: "bargain-issue", "data-testid": `bargain-${issue.id}` },
      h("h3", {}, issue.title),
      // The round's detail beside the chart, or under the legend (which stays with its chart).
      h("div", { class: `bargain-row${layout.beside ? " beside" : ""}` }, figure, layout.beside ? detail : null),
      legend,
      links,
      layout.beside ? null : detail,
    );
  }
}

/** A model's line in the legend, drawn as in the chart (its colour, and a static model's dash: its own, or its turn on a shared line). */
function lineSwatch(s: ChartSeries): HTMLElement {
  const el = h("span", { class: "line-swatch", "aria-hidden": "true" });
  const dash = s.level ? levelDash(s) : null;
  // The colours and dashes are Parley's own constants, never scenario text.
  el.innerHTML = `<svg width="26" height="8" viewBox="0 0 26 8"><line x1="0" y1="4" x2="26" y2="4" stroke="${s.color}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash.dash}"` : ""}/></svg>`;
  return el;
}

/** A Monte Carlo bar with its median tick, for the legend. */
function bandSwatch(): HTMLElement {
  const el = h("span", { class: "line-swatch", "aria-hidden": "true" });
  el.innerHTML = `<svg width="26" height="14" viewBox="0 0 26 14"><line x1="13" y1="0" x2="13" y2="14" stroke="#555" stroke-width="5" stroke-opacity="0.45"/><line x1="9" y1="6" x2="17" y2="6" stroke="#555" stroke-width="2"/></svg>`;
  return el;
}
