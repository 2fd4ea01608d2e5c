/**
 * Bargaining: where the scenario's continuous issues may settle (its
 * `bargaining` section, docs/bargaining.md). For each issue a chart of the
 * actors' positions, each model's forecast and the expected utility and SMP
 * models round by round, with each model's Monte Carlo 5–95% band when the
 * inputs have ranges; hovering a point gives its value, clicking a round of a
 * dynamic model lists every actor's position then and the moves that led
 * there. Computed in the worker (the same engine as `parley bargain`).
 */
import { chartSvg, fmt, issueChart, MODEL_DASHES, MODEL_NAMES, roundDetail, type IssueJson } from "../../charts/bargain-chart.js";
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
  /** The charts' width when last drawn: they are drawn again when the room for them changes much (the editor hidden or shown). */
  private drawnWidth = 0;

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
        { class: "prose wide" },
        h(
          "p",
          { class: "muted intro" },
          "Where the continuous issues may settle, from each actor's position, salience and capability: the weighted mean and median, the Nash bargaining solution, and the expected utility and SMP models round by round. Hover a point for its value; click a round to see every actor's position and the moves.",
        ),
        this.stale,
        this.out,
      ),
    );
    new ResizeObserver(() => {
      const r = this.result;
      if (r?.issues.length && Math.abs(this.chartWidth() - this.drawnWidth) > 40) this.render(r);
    }).observe(this.out);
  }

  /** As wide as the view allows, beside the round's detail (about 22rem) when there is room for both, else above it. */
  private chartWidth(): number {
    const room = this.out.clientWidth;
    const beside = room - 340;
    return Math.floor(Math.max(480, Math.min(1200, beside >= 560 ? beside : room)));
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
    clear(
      this.out,
      h(
        "p",
        { class: "muted", "data-testid": "bargain-summary" },
        `${r.issues.length} issue${r.issues.length > 1 ? "s" : ""}${r.samples ? `; bands from ${r.samples} Monte Carlo draws (seed ${r.seed})` : ""}.`,
      ),
      ...r.issues.map((issue) => this.issue(issue, r.models)),
    );
  }

  private issue(issue: IssueJson, models: string[]): HTMLElement {
    this.drawnWidth = this.chartWidth();
    const chart = issueChart(issue, models, { width: this.drawnWidth, height: 340 });
    const detail = h(
      "div",
      { class: "bargain-detail", "aria-live": "polite" },
      h("p", { class: "muted" }, "Click a round of the expected utility or SMP line."),
    );
    const figure = h("div", { class: "bargain-chart", "data-issue": issue.id });
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
          {},
          lineSwatch(s.color, s.level ? (MODEL_DASHES[s.model] ?? "6 4") : null),
          `${MODEL_NAMES[s.model] ?? s.model}: ${fmt(s.forecast)}${chart.unit}`,
          s.band ? h("span", { class: "muted" }, ` (5–95%: ${fmt(s.band.q05)}–${fmt(s.band.q95)})`) : null,
        ),
      ),
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
      h("div", { class: "bargain-row" }, figure, detail),
      legend,
      links,
    );
  }
}

/** A model's line in the legend, drawn as in the chart (its colour, and a static model's own dash). */
function lineSwatch(color: string, dash: string | null): HTMLElement {
  const el = h("span", { class: "line-swatch", "aria-hidden": "true" });
  // The colours and dashes are Parley's own constants, never scenario text.
  el.innerHTML = `<svg width="26" height="8" viewBox="0 0 26 8"><line x1="0" y1="4" x2="26" y2="4" stroke="${color}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ""}/></svg>`;
  return el;
}
