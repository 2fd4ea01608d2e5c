/**
 * Inverse GMCR: what would the parties' priorities have to be for a state to
 * be an equilibrium? A target (a state, or a condition over option ids: then
 * the matching state nearest to stability) and a concept; the answer is the
 * nearest change to the priorities, in words, as `parley inverse` says it.
 */
import { clear, h, plural } from "../widgets/dom.js";
import { stateRef } from "../widgets/state-ref.js";
import type { Concept, InverseView, IssueView, ModelView } from "../../protocol/engine.js";
import { fillConcepts, RunControl, staleNote, type RunFn } from "./run-control.js";

export class InversePanel {
  private model: ModelView | null = null;
  private result: InverseView | null = null;
  private readonly target: HTMLInputElement;
  private readonly concept: HTMLSelectElement;
  private readonly limit: HTMLInputElement;
  private readonly ids = h("p", { class: "option-ids" });
  private readonly control = new RunControl("search", "Stop — keep the best so far");
  private readonly stale = h("p", { class: "stale", hidden: true });
  private readonly out = h("div", { class: "inverse-result", "aria-live": "polite" });
  private readonly searchButton: HTMLButtonElement;

  constructor(
    root: HTMLElement,
    private readonly hooks: { run: RunFn; select(id: number): void; selected(): number | null },
  ) {
    this.target = h("input", { id: "inverse-target", autocomplete: "off", spellcheck: "false", placeholder: "e.g. 301, or ru_ceasefire & us_guarantee" });
    this.concept = h("select", { id: "inverse-concept" });
    this.limit = h("input", { id: "inverse-limit", type: "number", min: 1000, step: 1000, value: 100_000, class: "wide-num" });
    this.searchButton = h("button", { type: "submit", class: "primary" }, "Find the nearest change");
    const form = h(
      "form",
      { class: "inverse-form", "aria-label": "What would make a state stable" },
      h(
        "div",
        { class: "row" },
        h("label", { for: "inverse-target" }, "Target"),
        this.target,
        h("button", { type: "button", class: "link", onclick: () => this.useSelected() }, "use the selected state"),
      ),
      h(
        "div",
        { class: "row" },
        h("label", { for: "inverse-concept" }, "an equilibrium under"),
        this.concept,
        h("label", { for: "inverse-limit" }, "checking at most"),
        this.limit,
        h("span", { class: "muted" }, "preference profiles"),
        this.searchButton,
        this.control.el,
      ),
      this.ids,
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.run();
    });
    root.append(
      h(
        "div",
        { class: "prose" },
        h(
          "p",
          { class: "muted intro" },
          "What would the parties' priorities have to be for a state to be stable? Name a state (its number or Y/N pattern) or describe one by a condition over option ids; Parley tries the priorities nearest to the scenario's first (swapping two neighbouring statements, or dropping one, is one edit) and reports the smallest change that works.",
        ),
        form,
        this.stale,
        this.out,
      ),
    );
  }

  setModel(m: ModelView): void {
    this.model = m;
    fillConcepts(this.concept, m.concepts);
    clear(
      this.ids,
      h("span", { class: "muted" }, "Option ids (click to add): "),
      ...m.options.map((o) => h("button", { type: "button", class: "id-chip", title: o.label, onclick: () => this.insert(o.id) }, o.id)),
    );
    staleNote(this.stale, this.result !== null && this.result.version !== m.version, () => void this.run());
  }

  /** The search runs when asked: nothing to do on showing. */
  show(): void {}

  hide(): void {}

  /** Ask about a state (from the explanation): fill it in and search. */
  searchFor(id: number): void {
    this.target.value = String(id);
    void this.run();
  }

  private useSelected(): void {
    const id = this.hooks.selected() ?? this.model?.statusQuo;
    if (id) this.target.value = String(id);
    this.target.focus();
  }

  private insert(id: string): void {
    const t = this.target;
    const at = t.selectionStart ?? t.value.length;
    const before = t.value.slice(0, at);
    const glue = before.trim() === "" || /[&|(!]\s*$/.test(before) ? "" : " & ";
    t.value = before.replace(/\s*$/, glue ? "" : before.trim() ? " " : "") + glue + id + t.value.slice(t.selectionEnd ?? at);
    t.focus();
  }

  async run(): Promise<void> {
    if (!this.model || this.control.running) return;
    if (!this.target.value.trim()) this.target.value = String(this.hooks.selected() ?? this.model.statusQuo);
    this.searchButton.disabled = true;
    const r = await this.control.run(
      this.hooks.run,
      {
        type: "inverse",
        target: this.target.value,
        concept: this.concept.value as Concept,
        maxEvaluations: Math.max(100, Math.round(Number(this.limit.value) || 100_000)),
      },
      (message) => clear(this.out, h("p", { class: "muted" }, message)),
    );
    this.searchButton.disabled = false;
    if (!r) return;
    if ("issues" in r) {
      this.problem(r.issues);
      return;
    }
    this.result = r;
    staleNote(this.stale, this.model !== null && r.version !== this.model.version, () => void this.run());
    this.render(r);
  }

  private problem(issues: IssueView[]): void {
    clear(this.out, h("p", { class: "error", role: "alert" }, `The target cannot be used: ${issues.map((i) => i.message).join("; ")}.`));
  }

  private render(r: InverseView): void {
    const head = h(
      "h3",
      { "data-testid": "inverse-target" },
      "Target: ",
      stateRef(this.hooks.select, r.target, r.name),
      h("span", { class: "muted" }, ` (${r.pattern})`),
    );
    const words = h("p", { class: "words" }, r.words);
    const among =
      r.candidates > 1
        ? h("p", { class: "muted" }, `${plural(r.candidates, "state")} match the condition; this one is the nearest to being a ${r.concept} equilibrium.`)
        : null;
    let body: (HTMLElement | null)[];
    if (r.found && r.totalDistance === 0)
      body = [h("p", { class: "verdict good" }, `It is already an equilibrium under ${r.concept}: no priority needs to change.`)];
    else if (r.found)
      body = [
        h("p", {}, `For it to be an equilibrium under ${r.concept}:`),
        h("ul", { class: "changes-needed", "data-testid": "inverse-changes" }, ...r.changes.map((c) => h("li", {}, c))),
        r.unchanged.length ? h("p", {}, `${r.unchanged.join(", ")}: no change needed.`) : null,
        h(
          "p",
          { class: "muted" },
          `That is ${plural(r.totalDistance, "edit")} to the priorities (a swap of two neighbouring statements, or dropping one, counts as one); ${r.interrupted ? "the search was stopped, so a smaller change among the states not searched cannot be ruled out" : "no smaller change works"}. ${plural(r.evaluated, "preference profile")} checked.`,
        ),
      ];
    else
      body = [
        h(
          "p",
          { class: "verdict bad" },
          r.exhaustive
            ? `No reordering of the parties' priorities, nor dropping some of them, makes it an equilibrium under ${r.concept} (every candidate was tried: ${r.evaluated.toLocaleString("en")}).`
            : r.interrupted
              ? `Stopped before a change was found (${plural(r.evaluated, "preference profile")} checked).`
              : `Not found within the limit: ${plural(r.evaluated, "preference profile")} were tried. Raise the limit to search further.`,
        ),
      ];
    clear(this.out, head, words, among, ...body);
  }
}
