/**
 * The summary above the views: the scenario's name, its size, today's state
 * and the number of equilibria under each concept (a click lists them in the
 * table); a note when the views show an older version or the analysis was
 * cancelled.
 */
import { byId, clear, h, plural } from "../widgets/dom.js";
import type { Concept } from "../../protocol/engine.js";
import type { DocState } from "./doc.js";
import { CONCEPT_BRIEFS } from "../../../../src/index.js";
import { conceptLegend, conceptNoteId, installConceptNotes } from "./concept-notes.js";
import { nameOf } from "../views/states.js";

export interface SummaryHooks {
  select(id: number): void;
  showEquilibria(concept: Concept): void;
  analyseAgain(): void;
}

export class Summary {
  private readonly box = byId("summary");
  private legendOpen = false;

  constructor(
    private readonly doc: DocState,
    private readonly hooks: SummaryHooks,
  ) {
    installConceptNotes();
  }

  message(node: Node | string): void {
    clear(this.box, typeof node === "string" ? h("p", {}, node) : node);
  }

  /** Redraw; a control of the summary that had the focus (reached by Tab, say) keeps it in its redrawn self, rather than the focus falling to the page. */
  render(state?: "cancelled"): void {
    const controls = () => [...this.box.querySelectorAll<HTMLElement>("button, a[href], summary, [tabindex]")];
    const active = document.activeElement;
    const at = active instanceof HTMLElement && this.box.contains(active) ? controls().indexOf(active) : -1;
    this.draw(state);
    if (at >= 0) controls()[at]?.focus({ preventScroll: true });
  }

  private draw(state?: "cancelled"): void {
    const m = this.doc.model;
    const issues = this.doc.issues;
    const stale =
      state === "cancelled"
        ? h(
            "p",
            { class: "stale" },
            "The analysis was cancelled. ",
            h("button", { type: "button", class: "link", onclick: () => this.hooks.analyseAgain() }, "Run it again"),
          )
        : issues.length
          ? h(
              "p",
              { class: "stale", role: "alert" },
              `The scenario has ${plural(issues.length, "problem")}; ${m ? "the views show the last version that loaded." : "fix it to see the analysis."}`,
            )
          : null;
    if (!m) {
      clear(this.box, stale ?? h("p", { class: "muted" }, "Analysing…"));
      return;
    }
    const chips = m.concepts.map((c) =>
      h(
        "button",
        {
          type: "button",
          class: "eq-chip",
          title: `${CONCEPT_BRIEFS[c]} Click to list its equilibria in the table.`,
          "aria-describedby": conceptNoteId(c),
          onclick: () => this.hooks.showEquilibria(c),
        },
        h("span", { class: "concept" }, c),
        h("span", { class: "count", "data-testid": `eq-count-${c}` }, String(m.equilibria[c]?.length ?? 0)),
      ),
    );
    clear(
      this.box,
      h("h2", { class: "scenario-name" }, m.name, m.asOf ? h("span", { class: "muted" }, ` — as of ${m.asOf}`) : null),
      h(
        "p",
        { class: "facts" },
        `${plural(m.dms.length, "party", "parties")}, ${plural(m.options.length, "option")}, ${plural(m.states.count, "state")} (of ${m.candidateStates.toLocaleString("en")} combinations). Today: `,
        h("button", { type: "button", class: "link", onclick: () => this.hooks.select(m.statusQuo) }, `state ${m.statusQuo}`),
        " ",
        h(
          "span",
          {
            class: "state-name",
            "data-testid": "today-name",
            title: "The state's name: the options taken. Numbers change when an option is added; the name does not.",
          },
          `(${nameOf(m, m.statusQuo - 1)})`,
        ),
        `. Analysed in ${m.ms} ms.`,
      ),
      h(
        "div",
        { class: "eq-chips", "aria-label": "Number of equilibria under each concept", role: "group" },
        h("span", { class: "label" }, "Equilibria"),
        ...chips,
        conceptLegend(m.concepts, this.legendOpen, (open) => (this.legendOpen = open)),
      ),
      stale,
    );
  }
}
