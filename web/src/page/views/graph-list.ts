/**
 * The graph as text, beside the drawing: a table of the states drawn (number,
 * name, what they are) and the moves out of each (who moves, the options the
 * move changes, where to, whether it leaves the mover better off). It is the
 * drawing's text alternative and its keyboard route (each state is a button
 * that explains it), and it is linked to the drawing: hovering or focusing a
 * row highlights the state in the graph, and the graph highlights the row of
 * the state under the pointer. Also the legend under the drawing, with a
 * tick box per party that shows or hides its moves.
 */
import { dmColor } from "../widgets/colors.js";
import { clear, h, plural } from "../widgets/dom.js";
import type { GraphView, ModelView } from "../../protocol/engine.js";

export interface GraphListHooks {
  /** A row is hovered or focused (null: none). */
  hover(id: number | null): void;
  select(id: number): void;
}

export class GraphList {
  readonly root: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly caption: HTMLElement;
  private rows = new Map<number, HTMLTableRowElement>();
  private marked: HTMLTableRowElement | null = null;

  constructor(private readonly hooks: GraphListHooks) {
    this.caption = h("caption", {}, "States drawn");
    this.body = h("tbody");
    const table = h(
      "table",
      { class: "graph-table", "data-testid": "graph-table" },
      this.caption,
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "State"), h("th", { scope: "col" }, "Moves from it"))),
      this.body,
    );
    this.root = h("aside", { class: "graph-list", "aria-label": "The graph as text" }, table);
    table.addEventListener("mouseleave", () => this.hooks.hover(null));
    table.addEventListener("focusout", (e) => {
      if (!table.contains((e as FocusEvent).relatedTarget as Node | null)) this.hooks.hover(null);
    });
  }

  render(view: GraphView, model: ModelView): void {
    const out = new Map<number, GraphView["edges"]>();
    for (const e of view.edges) {
      const list = out.get(e.source) ?? [];
      list.push(e);
      out.set(e.source, list);
    }
    this.rows.clear();
    this.marked = null;
    this.caption.textContent = `${plural(view.nodes.length, "state")} and ${plural(view.edges.length, "move")} drawn`;
    const rows = view.nodes.map((n) => {
      const what = [n.sq ? "today" : "", n.eq ? "equilibrium" : "", n.focus ? "the centre" : n.depth > 0 ? plural(n.depth, "move") + " away" : ""].filter(
        Boolean,
      );
      const moves = out.get(n.id) ?? [];
      const row = h(
        "tr",
        { "data-state": n.id },
        h(
          "th",
          { scope: "row" },
          h("button", { type: "button", class: "link", title: n.words, onclick: () => this.hooks.select(n.id) }, `${n.id}`),
          " ",
          h("span", { class: "state-name" }, n.name),
          what.length ? h("span", { class: "muted" }, ` (${what.join(", ")})`) : null,
        ),
        h(
          "td",
          {},
          moves.length
            ? h(
                "ul",
                {},
                moves.map((e) =>
                  h(
                    "li",
                    { title: `${model.dms[e.dm].name}: ${e.words}` },
                    `${model.dms[e.dm].name}: ${e.change} → ${e.target}${e.improving ? " (better for it)" : ""}`,
                  ),
                ),
              )
            : h("span", { class: "muted" }, "none drawn"),
        ),
      );
      row.addEventListener("mouseenter", () => this.hooks.hover(n.id));
      row.addEventListener("focusin", () => this.hooks.hover(n.id));
      this.rows.set(n.id, row);
      return row;
    });
    clear(this.body, rows);
  }

  /** Mark the row of the state highlighted in the graph (null: none), scrolled into view. */
  mark(id: number | null, scroll: boolean): void {
    this.marked?.classList.remove("hovered");
    this.marked = id === null ? null : (this.rows.get(id) ?? null);
    if (!this.marked) return;
    this.marked.classList.add("hovered");
    if (scroll) this.marked.scrollIntoView({ block: "nearest" });
  }

  /** Focus the button of a state's row. */
  focusRow(id: number): void {
    this.rows.get(id)?.querySelector("button")?.focus();
  }
}

/** The legend under the drawing: a tick box per party (in its colour) that shows or hides its moves, then the looks. */
export function graphLegend(m: ModelView, shown: boolean[], toggle: (dm: number, on: boolean) => void): HTMLElement[] {
  return [
    h("span", { class: "legend-title", id: "graph-movers" }, "Moves by"),
    h(
      "span",
      { class: "movers", role: "group", "aria-labelledby": "graph-movers" },
      ...m.dms.map((dm, d) =>
        h(
          "label",
          { title: `Show or hide the moves of ${dm.name}` },
          h("input", {
            type: "checkbox",
            checked: shown[d],
            "data-dm": dm.id,
            onchange: (e: Event) => toggle(d, (e.target as HTMLInputElement).checked),
          }),
          h("span", { class: "swatch", style: `background:${dmColor(d)}` }),
          dm.name,
        ),
      ),
    ),
    h("span", {}, h("span", { class: "line solid" }), "better for the mover"),
    h("span", {}, h("span", { class: "line dashed" }), "not better"),
    h("span", {}, h("span", { class: "node-key sq" }), "today"),
    h("span", {}, h("span", { class: "node-key eq" }), "equilibrium"),
  ];
}
