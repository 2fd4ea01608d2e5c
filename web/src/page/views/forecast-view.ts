/**
 * Forecast: what is likely to happen, by when, and which news would change it
 * (`parley forecast`, docs/forecast.md). The outcomes of play with their
 * probabilities (and Monte Carlo error when sampled), each question's
 * probability month by month up to its date (retrodictions said plainly),
 * the signposts, and a button that records the forecast in a log: appended
 * by the server (`parley serve`), or offered as a download without one.
 * Computed in the worker, dated the day it runs.
 */
import { questionChart, questionSvg } from "../../charts/forecast-chart.js";
import { clear, download, h } from "../widgets/dom.js";
import type { ForecastQuestionView, ForecastView, ModelView } from "../../protocol/engine.js";
import { RunControl, staleNote, type RunFn } from "./run-control.js";

export interface ForecastHooks {
  run: RunFn;
  /** Append the lines to a log of the folder; resolves with what the server recorded. */
  record(path: string, lines: string): Promise<{ path: string; records: number; retrodictions: number }>;
  /** The log's default path: forecasts.jsonl beside the open scenario. */
  logPath(): string;
  /** Whether a server is there to append to (else the lines are downloaded). */
  canAppend(): boolean;
}

export const pct = (p: number | null): string => (p === null ? "—" : p < 0.005 && p > 0 ? "<1%" : p > 0.995 && p < 1 ? ">99%" : `${Math.round(p * 100)}%`);
const signed = (d: number | null) => (d === null ? "" : `${d >= 0 ? "+" : "−"}${Math.round(Math.abs(d) * 100)} pts`);
/** A standard error as "± 0.4 pts" (95%: ± 1.96 se). */
const error = (se: number | null) => (se === null ? "" : `± ${(1.96 * se * 100).toFixed(1)} pts`);

export class ForecastPanel {
  private model: ModelView | null = null;
  private result: ForecastView | null = null;
  private visible = false;
  private again = false;
  private readonly control = new RunControl("forecast");
  private readonly stale = h("p", { class: "stale", hidden: true });
  private readonly out = h("div", { class: "forecast-result", "data-testid": "forecast" });
  private readonly logPath: HTMLInputElement;
  private readonly recordButton: HTMLButtonElement;
  private readonly recorded = h("p", { class: "muted", role: "status", "aria-live": "polite", "data-testid": "forecast-recorded" });

  constructor(
    root: HTMLElement,
    private readonly hooks: ForecastHooks,
  ) {
    this.logPath = h("input", { id: "forecast-log", type: "text", value: "forecasts.jsonl", class: "log-path", spellcheck: "false" });
    this.recordButton = h(
      "button",
      {
        type: "button",
        id: "forecast-record",
        title: "Append one line per question to the forecast log (parley score reads it)",
        onclick: () => void this.record(),
        disabled: true,
      },
      "Record the forecast",
    );
    root.append(
      h(
        "div",
        { class: "toolbar" },
        h("button", { type: "button", class: "primary", id: "forecast-run", onclick: () => void this.run() }, "Forecast"),
        this.control.el,
        h("span", { class: "spacer" }),
        h("span", { class: "ctl" }, h("label", { for: "forecast-log" }, "log"), this.logPath),
        this.recordButton,
      ),
      h(
        "div",
        { class: "prose wide" },
        h(
          "p",
          { class: "muted intro" },
          "Where play ends up if the parties keep making moves that leave them better off, how likely each question resolves yes by its date, and which news would change that (docs/forecast.md). The probabilities are conditional on the model of play and on the scenario's preferences; they are not the probability that a state is stable.",
        ),
        this.recorded,
        this.stale,
        this.out,
      ),
    );
  }

  setModel(m: ModelView): void {
    const first = this.model === null || this.model.file !== m.file;
    this.model = m;
    if (first) this.logPath.value = this.hooks.logPath();
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
    // A new version while a forecast runs: forecast once more when it ends.
    if (this.control.running) {
      this.again = true;
      return;
    }
    if (!this.result) clear(this.out, h("p", { class: "muted" }, "Forecasting…"));
    const r = await this.control.run(this.hooks.run, { type: "forecast", signposts: 8 }, (message) => clear(this.out, h("p", { class: "error" }, message)));
    if (r) {
      this.result = r;
      staleNote(this.stale, this.model !== null && r.version !== this.model.version, () => void this.run());
      this.render(r);
    }
    if (this.again) {
      this.again = false;
      await this.run();
    }
  }

  /** Append the forecast's lines to the log (the server refuses a forecast of retrodictions only), or download them. */
  private async record(): Promise<void> {
    const r = this.result;
    if (!r) return;
    const path = this.logPath.value.trim() || "forecasts.jsonl";
    const lines = r.records.split("\n").filter(Boolean).length;
    const counted = r.questions.filter((q) => !q.retrodiction).length;
    const offer = () => {
      download(path.split("/").pop()!, r.records, "application/jsonl;charset=utf-8");
      this.say(`No server to append to: the ${lines} lines of the forecast of ${r.made} were downloaded as ${path.split("/").pop()}; append them to your log.`);
    };
    if (!this.hooks.canAppend()) return offer();
    if (counted === 0) {
      this.say("Every question's date has passed: these are retrodictions, which are never scored, so there is nothing to record.", true);
      return;
    }
    this.recordButton.disabled = true;
    try {
      const done = await this.hooks.record(path, r.records);
      this.say(
        `Recorded the forecast of ${r.made}: ${done.records} line${done.records === 1 ? "" : "s"} appended to ${done.path}${done.retrodictions ? ` (${done.retrodictions} retrodiction${done.retrodictions === 1 ? "" : "s"}, never scored)` : ""}. parley score reads it.`,
      );
    } catch (e) {
      // The server went away (or is one without the log): the lines as a download instead.
      const status = (e as { status?: number }).status;
      if (status === 0 || (status === 404 && (e as { code?: string }).code === "not-found" && /no such API/.test((e as Error).message))) offer();
      else this.say(`Not recorded: ${(e as Error).message}`, true);
    } finally {
      this.recordButton.disabled = false;
    }
  }

  private say(text: string, bad = false): void {
    this.recorded.textContent = text;
    this.recorded.className = bad ? "error" : "good-note";
  }

  private render(r: ForecastView): void {
    this.recordButton.disabled = r.questions.length === 0;
    this.recordButton.title = r.questions.length
      ? "Append one line per question to the forecast log (parley score reads it)"
      : "The scenario asks no questions: nothing to record";
    const made = h(
      "p",
      { "data-testid": "forecast-made" },
      `Made ${r.made} (today)`,
      r.scenarioAsOf ? `, from the scenario as of ${r.scenarioAsOf}` : "",
      `. ${r.exact ? "Exact" : `Estimated from ${r.samples.toLocaleString("en")} simulated courses of play (± is the 95% Monte Carlo error)`}; computed in ${r.ms} ms.`,
    );
    clear(
      this.out,
      made,
      h("h3", {}, `Where play settles (within ${r.horizon} moves)`),
      this.outcomes(r),
      r.settled < 0.995 ? h("p", { class: "muted" }, `Play is still moving after ${r.horizon} moves with probability ${pct(1 - r.settled)}.`) : null,
      ...this.questions(r),
      ...this.signposts(r),
      h("h3", {}, "Assumptions"),
      h(
        "ul",
        { class: "assumptions" },
        r.assumptions.map((a) => h("li", {}, a)),
      ),
    );
  }

  private outcomes(r: ForecastView): HTMLElement {
    return h(
      "table",
      { class: "compact forecast-outcomes", "data-testid": "forecast-outcomes" },
      h("thead", {}, h("tr", {}, h("th", { class: "num" }, "probability"), h("th", {}, "outcome"), h("th", {}, "states"))),
      h(
        "tbody",
        {},
        r.families.map((x) =>
          h(
            "tr",
            { "data-p": String(x.probability) },
            h(
              "td",
              { class: "num" },
              h("span", { class: "bar", style: `width:${Math.round(x.probability * 60)}px` }),
              pct(x.probability),
              x.stderr !== null ? h("span", { class: "muted err" }, ` ${error(x.stderr)}`) : null,
            ),
            h("td", {}, x.words),
            h("td", { class: "muted" }, x.states.length > 6 ? `${x.states.length} states` : x.states.join(", ")),
          ),
        ),
      ),
    );
  }

  private questions(r: ForecastView): HTMLElement[] {
    if (!r.questions.length)
      return [
        h(
          "p",
          { "data-testid": "forecast-no-questions" },
          "The scenario asks no questions, so there are no probabilities by date and no signposts: add a questions: section (id, question, condition, by; docs/scenario-format.md).",
        ),
      ];
    return [
      h("h3", {}, "Questions"),
      h(
        "div",
        { class: "forecast-questions" },
        r.questions.map((q) => this.question(q, r)),
      ),
    ];
  }

  private question(q: ForecastQuestionView, r: ForecastView): HTMLElement {
    const start = q.retrodiction ? (r.asOf ?? r.made) : r.made;
    const figure = h("div", { class: "forecast-chart" });
    if (q.probability !== null && q.curve.length) figure.innerHTML = questionSvg(questionChart(q, start), q.retrodiction);
    return h(
      "section",
      { class: `forecast-question${q.retrodiction ? " retro" : ""}`, "data-testid": `question-${q.id}` },
      h(
        "h4",
        {},
        h("span", { class: "prob" }, pct(q.probability)),
        q.stderr !== null && q.probability !== null ? h("span", { class: "muted err" }, ` ${error(q.stderr)}`) : null,
        " ",
        q.question,
      ),
      h(
        "p",
        { class: "muted" },
        // Said as the CLI says it: the date has passed, computed from the as-of date, never scored.
        q.retrodiction ? [h("strong", { class: "retro-label" }, "Retrodiction"), ": "] : null,
        q.retrodiction
          ? q.probability === null
            ? `by ${q.by}, a date that has passed; the scenario gives no as-of date to retrodict from.`
            : `by ${q.by}, a date that has passed; computed from the scenario's date (${r.asOf}), never scored.`
          : `by ${q.by}${q.note ? ` · ${q.note}` : ""}`,
      ),
      figure,
    );
  }

  private signposts(r: ForecastView): HTMLElement[] {
    if (!r.signposts.length) return [];
    const ids = r.questions.map((q) => q.id);
    return [
      h("h3", {}, "Signposts: news that would change the forecast"),
      h("p", { class: "muted" }, "Moves that could be seen next, with what each would do to the questions (yes: the move itself answers it)."),
      h(
        "div",
        { class: "table-scroll" },
        h(
          "table",
          { class: "compact signposts", "data-testid": "forecast-signposts" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", {}, "if next"),
              h("th", { class: "num", title: "The model's own chance that this is the next move" }, "chance next"),
              r.questions.map((q) => h("th", { class: "num", title: q.question }, q.id.replace(/_/g, "_\u200b"))),
            ),
          ),
          h(
            "tbody",
            {},
            r.signposts.map((s) =>
              h(
                "tr",
                {},
                h("td", {}, s.words),
                h("td", { class: "num" }, pct(s.nextMove)),
                ids.map((id) => {
                  const q = s.questions.find((x) => x.id === id);
                  if (!q) return h("td", {});
                  if (q.answers) return h("td", { class: "num yes" }, "yes");
                  const moved = q.change !== null && Math.abs(q.change) >= 0.005;
                  return h(
                    "td",
                    { class: `num${moved ? (q.change! > 0 ? " up" : " down") : ""}` },
                    pct(q.probability),
                    moved ? h("span", { class: "change" }, signed(q.change)) : null,
                  );
                }),
              ),
            ),
          ),
        ),
      ),
    ];
  }
}
