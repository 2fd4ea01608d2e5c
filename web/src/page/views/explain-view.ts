/**
 * Why the clicked state is stable or not, for each party: how it ranks the
 * state, each move that would leave it better off, and for every concept the
 * response that deters that move (or that nothing does).
 */
import { dmColor } from "../widgets/colors.js";
import { clear, h, plural } from "../widgets/dom.js";
import { stateRef } from "../widgets/state-ref.js";
import type { Concept, ExplainView, SanctionView } from "../../protocol/engine.js";

export class ExplainPanel {
  private readonly body: HTMLElement;
  private readonly title: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly hooks: { select(id: number): void; centre(id: number): void; close(): void; coalitions(id: number): void; inverse(id: number): void },
  ) {
    this.title = h("h2", { id: "explain-title" }, "Explanation");
    this.body = h("div", { class: "explain-body" });
    root.setAttribute("aria-labelledby", "explain-title");
    root.append(
      h(
        "div",
        { class: "explain-head" },
        this.title,
        h(
          "button",
          { type: "button", class: "icon", "aria-label": "Close the explanation (Escape)", title: "Close (Escape)", onclick: () => hooks.close() },
          "×",
        ),
      ),
      this.body,
    );
  }

  loading(id: number): void {
    this.title.textContent = `State ${id}`;
    clear(this.body, h("p", { class: "muted" }, "Explaining…"));
  }

  failed(message: string): void {
    clear(this.body, h("p", { class: "error" }, message));
  }

  private sanctions(who: string, list: SanctionView[]): HTMLElement {
    return h(
      "table",
      { class: "sanctions" },
      h("caption", { class: "sr-only" }, `What deters ${who} from this move, per concept`),
      h(
        "tbody",
        {},
        ...groupSanctions(list).map((r) =>
          h(
            "tr",
            { class: r.how ? "deterred" : "open" },
            h("th", { scope: "row" }, r.concepts.length === list.length && list.length > 1 ? "All" : r.concepts.join(", ")),
            h("td", {}, r.how ? `Deterred: ${r.how}.` : r.concepts.length === list.length ? "Not deterred under any concept." : "Not deterred."),
          ),
        ),
      ),
    );
  }

  show(x: ExplainView): void {
    this.title.textContent = `State ${x.id}${x.isStatusQuo ? " (today)" : ""}`;
    const verdict = x.eq.length
      ? h("p", { class: "verdict good" }, `An equilibrium under ${x.eq.join(", ")}: no party leaves it${x.eq.length < 6 ? " under those concepts" : ""}.`)
      : h("p", { class: "verdict bad" }, "Not an equilibrium under any concept: some party gains by leaving it and nothing deters it.");
    const dms = x.dms.map((d) => {
      const head = h(
        "summary",
        {},
        h("span", { class: "swatch", style: `background:${dmColor(d.dm)}` }),
        h("strong", {}, d.name),
        h("span", { class: "muted" }, ` ranks it ${d.rank} of ${d.rankCount}`),
        h("span", { class: "chips" }, ...d.stable.map((c) => h("span", { class: "chip ok", title: `stable for ${d.name} under ${c}` }, c))),
      );
      const body =
        d.improvements.length === 0
          ? h("p", {}, `${d.name} has no move that leaves it better off from here: the state is stable for ${d.name} under every concept.`)
          : h(
              "div",
              {},
              h("p", {}, `${d.name} has ${plural(d.improvements.length, "move")} that would leave it better off:`),
              h(
                "ol",
                { class: "improvements" },
                ...d.improvements.map((imp) =>
                  h(
                    "li",
                    {},
                    h(
                      "p",
                      {},
                      `${capital(imp.action)} → `,
                      stateRef(this.hooks.select, imp.to, imp.toName),
                      h("span", { class: "muted" }, ` (ranked ${imp.rankTo}): ${imp.toWords}`),
                    ),
                    this.sanctions(d.name, imp.sanctions),
                  ),
                ),
              ),
              d.unstable.length === 0
                ? h("p", { class: "muted" }, `Every such move is deterred: stable for ${d.name} under every concept.`)
                : d.stable.length === 0
                  ? h("p", { class: "muted" }, `So the state is not stable for ${d.name} under any concept.`)
                  : h("p", { class: "muted" }, `Stable for ${d.name} under ${d.stable.join(", ")}; not under ${d.unstable.join(", ")}.`),
            );
      return h("details", { class: "dm-explain", open: true }, head, body);
    });
    clear(
      this.body,
      h("p", { class: "words" }, x.words),
      h(
        "p",
        { class: "muted" },
        `Name: ${x.name}. Pattern ${x.pattern}. `,
        h("button", { type: "button", class: "link", onclick: () => this.hooks.centre(x.id) }, "Show it in the graph"),
      ),
      h(
        "p",
        { class: "muted explain-more" },
        h("button", { type: "button", class: "link", onclick: () => this.hooks.coalitions(x.id) }, "Groups that could leave it"),
        h("button", { type: "button", class: "link", onclick: () => this.hooks.inverse(x.id) }, "Priorities that would make it stable"),
      ),
      verdict,
      ...dms,
    );
  }
}

/** One row per distinct answer: concepts that agree share a row. */
function groupSanctions(list: SanctionView[]): { concepts: Concept[]; how: string | null }[] {
  const rows: { concepts: Concept[]; how: string | null }[] = [];
  for (const s of list) {
    const same = rows.find((r) => r.how === s.how);
    if (same) same.concepts.push(s.concept);
    else rows.push({ concepts: [s.concept], how: s.how });
  }
  return rows;
}

function capital(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
