/**
 * Robustness: how sure the equilibria are when some preferences are
 * uncertain (statements with a probability, alternatives with a weight). A
 * chart of the probability that each of the most likely states is an
 * equilibrium under a chosen concept, with its 95% interval when the
 * profiles were sampled; then the uncertain preferences that move the answer
 * most. Computed in the worker with progress, Stop (keep the result so far)
 * and Cancel.
 */
import { dmColor } from "../widgets/colors.js";
import { baseName, clear, download, h, plural } from "../widgets/dom.js";
import { stateRef } from "../widgets/state-ref.js";
import type { Concept, ModelView, RobustnessView } from "../../protocol/engine.js";
import { fillConcepts, fixed2, RunControl, staleNote, type RunFn } from "./run-control.js";

const TOP = 12;

export class RobustnessPanel {
  private model: ModelView | null = null;
  private result: RobustnessView | null = null;
  private readonly samples: HTMLInputElement;
  private readonly seed: HTMLInputElement;
  private readonly always: HTMLInputElement;
  private readonly concept: HTMLSelectElement;
  private readonly runButton: HTMLButtonElement;
  private readonly mdButton: HTMLButtonElement;
  private readonly control = new RunControl("robustness analysis", "Stop — keep the result so far");
  private readonly stale = h("p", { class: "stale", hidden: true });
  private readonly out = h("div", { class: "robustness-result" });

  constructor(
    root: HTMLElement,
    private readonly hooks: { run: RunFn; select(id: number): void },
  ) {
    this.samples = h("input", { id: "rob-samples", type: "number", min: 1000, max: 1_000_000, step: 1000, value: 10_000, class: "narrow" });
    this.seed = h("input", { id: "rob-seed", type: "number", min: 0, value: 1, class: "tiny" });
    this.always = h("input", { id: "rob-sample", type: "checkbox" });
    this.concept = h("select", { id: "rob-concept", onchange: () => this.result && this.render(this.result) });
    this.runButton = h("button", { type: "button", class: "primary", id: "rob-run", onclick: () => void this.run() }, "Run");
    this.mdButton = h("button", { type: "button", disabled: true, onclick: () => this.saveMd() }, "Download Markdown");
    root.append(
      h(
        "div",
        { class: "toolbar" },
        h("span", { class: "ctl" }, h("label", { for: "rob-samples" }, "Samples"), this.samples),
        h("span", { class: "ctl" }, h("label", { for: "rob-seed" }, "seed"), this.seed),
        h(
          "label",
          { class: "check", title: "Sample even when the profiles are few enough to enumerate exactly (shows intervals)" },
          this.always,
          "Always sample",
        ),
        this.runButton,
        this.control.el,
        h("span", { class: "spacer" }),
        this.mdButton,
      ),
      h(
        "div",
        { class: "prose wide" },
        h(
          "p",
          { class: "muted intro" },
          "How sure are the equilibria? Preference statements with a probability and alternative preferences with a weight make many possible profiles of preferences; Parley weighs every one (or a sample when they are too many) and counts how often each state is an equilibrium.",
        ),
        this.stale,
        this.out,
      ),
    );
  }

  setModel(m: ModelView): void {
    this.model = m;
    fillConcepts(this.concept, m.concepts);
    staleNote(this.stale, this.result !== null && this.result.version !== m.version, () => void this.run());
  }

  show(): void {
    if (this.model && !this.control.running && (!this.result || this.result.version !== this.model.version)) void this.run();
  }

  hide(): void {
    // Nothing to release: a run in progress finishes and is shown next time.
  }

  async run(): Promise<void> {
    if (!this.model || this.control.running) return;
    const samples = Math.min(1_000_000, Math.max(1000, Math.round(Number(this.samples.value) || 10_000)));
    const seed = Math.max(0, Math.round(Number(this.seed.value) || 0));
    this.runButton.disabled = true;
    const r = await this.control.run(
      this.hooks.run,
      { type: "robustness", samples, seed, exactLimit: this.always.checked ? 0 : 4096, top: TOP },
      (message) => this.result === null && clear(this.out, h("p", { class: "muted" }, message)),
    );
    this.runButton.disabled = false;
    if (!r) return;
    this.result = r;
    this.mdButton.disabled = false;
    staleNote(this.stale, this.model !== null && r.version !== this.model.version, () => void this.run());
    this.render(r);
  }

  private link(id: number, name: string, text = String(id)): HTMLElement {
    return h("button", { type: "button", class: "link", title: `Explain state ${id} (${name})`, onclick: () => this.hooks.select(id) }, text);
  }

  private render(r: RobustnessView): void {
    const c = (r.concepts.includes(this.concept.value as Concept) ? this.concept.value : r.concepts[0]) as Concept;
    const how = r.exact
      ? `${plural(r.done, "profile")} of preferences, weighed exactly with their probabilities`
      : `${plural(r.done, "sampled profile")} of preferences (seed ${r.seed}, ${r.distinctProfiles.toLocaleString("en")} distinct); the bars' whiskers are 95% intervals`;
    const none = r.uncertainStatements === 0 && r.alternatives === 0;
    clear(
      this.out,
      h(
        "p",
        { "data-testid": "robustness-summary" },
        none
          ? "The scenario marks no preference as uncertain (give statements a probability, or a party alternatives with weights): every equilibrium holds with probability 1."
          : `${plural(r.uncertainStatements, "uncertain statement")} and ${plural(r.alternatives, "alternative preference")}: ${how}, in ${(r.ms / 1000).toFixed(1)} s.`,
      ),
      r.interrupted
        ? h(
            "p",
            { class: "stale" },
            `Stopped after ${r.done.toLocaleString("en")} of ${r.asked.toLocaleString("en")} profiles: the figures are from those done so far.`,
          )
        : null,
      h(
        "div",
        { class: "chart-head" },
        h("h3", { id: "rob-chart-title" }, `How likely each state is a ${c} equilibrium`),
        h("span", { class: "ctl" }, h("label", { for: "rob-concept" }, "Concept"), this.concept),
      ),
      this.chart(r, c),
      h(
        "p",
        { class: "muted" },
        `${plural(r.positive, "state")} ${r.positive === 1 ? "is an equilibrium" : "are equilibria"} under some concept with a positive probability. The most likely under ${c} are shown; states with the same probability are described together (+N: N more like the first).`,
      ),
      h("h3", {}, `What moves the answer under ${c}`),
      this.influence(r, c),
    );
  }

  private chart(r: RobustnessView, c: Concept): HTMLElement {
    const rows = r.top[c] ?? [];
    if (!rows.length) return h("p", { class: "muted" }, `No state is a ${c} equilibrium in any profile.`);
    const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
    return h(
      "table",
      { class: "prob-chart", "aria-labelledby": "rob-chart-title", "data-testid": "robustness-chart" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col", class: "state-col", title: "A state, or the first of a family of states with the same probability" }, "States"),
          h(
            "th",
            { scope: "col", class: "bar-col" },
            h("span", { class: "sr-only" }, `Probability of being a ${c} equilibrium`),
            h("span", { class: "axis", "aria-hidden": "true" }, ...["0", "0.25", "0.5", "0.75", "1"].map((t) => h("span", {}, t))),
          ),
          h("th", { scope: "col", class: "value-col", title: r.exact ? "The probability" : "The probability and its 95% interval" }, "P"),
          h("th", { scope: "col" }, "In words"),
        ),
      ),
      h(
        "tbody",
        {},
        ...rows.map((row) => {
          const x = row.probability;
          const interval = !r.exact && x.high > x.low;
          return h(
            "tr",
            { class: row.includesToday ? "sq" : undefined },
            h(
              "th",
              { scope: "row", class: "state-col" },
              row.includesToday ? h("span", { class: "sq-mark", title: "today is among them" }, "▸") : null,
              this.link(row.example, row.name),
              row.count > 1
                ? h(
                    "span",
                    { class: "muted more", title: `and ${row.count - 1} more states like it: the same probability, described together` },
                    ` +${row.count - 1}`,
                  )
                : null,
            ),
            h(
              "td",
              { class: "bar-col" },
              h(
                "span",
                { class: "bar-track", "aria-hidden": "true" },
                h("span", { class: "bar", style: `width:${pct(x.p)}` }),
                interval ? h("span", { class: "whisker", style: `left:${pct(x.low)};width:${pct(x.high - x.low)}` }) : null,
              ),
            ),
            h("td", { class: "value-col" }, fixed2(x.p), interval ? h("span", { class: "muted interval" }, ` ${fixed2(x.low)}–${fixed2(x.high)}`) : null),
            h(
              "td",
              { class: "words", title: row.count === 1 ? `${row.name}: ${row.words}` : row.words },
              h("span", { class: "clamp" }, row.count === 1 ? h("span", { class: "state-name" }, `${row.name}: `) : null, row.words),
            ),
          );
        }),
      ),
    );
  }

  /** The uncertain preferences that move the chart's concept most, each with the state it moves most under it. */
  private influence(r: RobustnessView, c: Concept): HTMLElement {
    const list = r.influenceByConcept[c] ?? [];
    if (!list.length) return h("p", { class: "muted" }, `No uncertain preference changes any state's probability of being a ${c} equilibrium.`);
    return h(
      "ol",
      { class: "influence", "data-testid": "robustness-influence" },
      ...list.slice(0, 8).map((i) =>
        h(
          "li",
          {},
          h(
            "p",
            { class: "infl-head" },
            h("span", { class: "swatch", style: `background:${dmColor(i.dm)}` }),
            h("strong", {}, i.dmName),
            i.kind === "alternative" ? `'s alternative “${i.label}”` : `: “${i.label}”`,
          ),
          h(
            "div",
            {
              class: "infl-bars",
              role: "img",
              "aria-label": `State ${i.state} is a ${i.concept} equilibrium with probability ${fixed2(i.whenHolds)} when it holds, ${fixed2(i.whenNot)} when it does not`,
            },
            h("span", { class: "lbl" }, "when it holds"),
            h("span", { class: "mini-track" }, h("span", { class: "mini-bar holds", style: `width:${(i.whenHolds * 100).toFixed(1)}%` })),
            h("span", { class: "num" }, fixed2(i.whenHolds)),
            h("span", { class: "lbl" }, "when it does not"),
            h("span", { class: "mini-track" }, h("span", { class: "mini-bar not", style: `width:${(i.whenNot * 100).toFixed(1)}%` })),
            h("span", { class: "num" }, fixed2(i.whenNot)),
          ),
          h("p", { class: "muted" }, "The probability that ", stateRef(this.hooks.select, i.state, i.name), ` is a ${i.concept} equilibrium: ${i.words}.`),
        ),
      ),
    );
  }

  private saveMd(): void {
    if (this.result && this.model) download(`${baseName(this.model.file)}-robustness.md`, this.result.markdown, "text/markdown;charset=utf-8");
  }
}
