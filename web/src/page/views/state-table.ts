/**
 * The state table: one row per feasible state with Y/N per option (grouped
 * by decision maker), each decision maker's rank, stability marks per concept
 * and decision maker, and the concepts under which it is an equilibrium.
 * Sortable, filterable to equilibria (under a concept) and by words.
 *
 * Only the rows in view are in the page (plus a margin), with spacers for
 * the rest, and columns have fixed widths: tens of thousands of states scroll
 * as smoothly as ten. Rows are one tab stop: arrow keys move, Enter explains.
 */
import { CONCEPT_BRIEFS, stateIndex } from "../../../../src/index.js";
import { conceptNoteId } from "../app/concept-notes.js";
import { clear, h, plural } from "../widgets/dom.js";
import type { Concept, ModelView, StateRow } from "../../protocol/engine.js";
import { isEquilibrium, nameOf, patternOf, stateRow, wordsOf } from "./states.js";
import { measureInPage } from "./measure-text.js";
import { columnWidths, eqText, partyLabel, WORDS_MIN } from "./state-columns.js";
import { placeAt, scrollFor, type TablePlace } from "./table-place.js";

type SortKey = { kind: "id" } | { kind: "rank"; dm: number } | { kind: "eq" } | { kind: "words" };

/** Row height in pixels (fixed, see style.css), and rows drawn beyond the view on each side. */
const ROW = 22;
const MARGIN = 30;

export class StateTable {
  private model: ModelView | null = null;
  /** Words of each state, made when first needed (search and sorting by words). */
  private words: (string | undefined)[] = [];
  private sort: SortKey = { kind: "id" };
  private descending = false;
  private selected: number | null = null;
  /** The states (0-based) passing the filters, in order; and the position of the row with the keyboard focus. */
  private order: number[] = [];
  private active = 0;
  private drawn = { from: 0, to: 0 };
  private body: HTMLTableSectionElement | null = null;
  private readonly eqOnly: HTMLInputElement;
  private readonly concept: HTMLSelectElement;
  private readonly search: HTMLInputElement;
  private readonly count: HTMLElement;
  private readonly tableWrap: HTMLElement;
  private readonly key = h("span", { class: "table-key" });
  /** Today's row is to be shown once the table is laid out. */
  private todayPending = false;
  /** Where showToday scrolled to (-1 once the table has been scrolled or filtered since). */
  private todayScroll = -1;
  /** Where to scroll once the table is shown (-1: nowhere): a hidden table cannot be scrolled. */
  private pendingScroll = -1;
  /** Where the table was last scrolled while shown: a hidden one says 0. */
  private lastScroll = 0;

  constructor(
    root: HTMLElement,
    private readonly hooks: { select(id: number): void; exportCsv(): void },
  ) {
    this.eqOnly = h("input", { type: "checkbox", id: "eq-only", onchange: () => this.render() });
    this.concept = h("select", { id: "eq-concept", onchange: () => this.render() });
    let searchTimer = 0;
    this.search = h("input", {
      type: "search",
      id: "state-search",
      placeholder: "e.g. ceasefire",
      oninput: () => {
        clearTimeout(searchTimer);
        searchTimer = window.setTimeout(() => this.render(), 150);
      },
    });
    this.count = h("span", { class: "muted", role: "status", "data-testid": "table-count" });
    this.tableWrap = h("div", { class: "table-wrap" });
    let pending = 0;
    this.tableWrap.addEventListener("scroll", () => {
      if (this.tableWrap.clientHeight > 0) this.lastScroll = this.tableWrap.scrollTop;
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => this.drawIfNeeded());
    });
    // While the table still shows today's row as it was put in view, a change of its size (the bottom line above it filled in, the window resized) keeps it there.
    new ResizeObserver(() => {
      // Redrawn while hidden (another view open): the place it kept is taken once the table is shown again.
      if (this.pendingScroll >= 0 && this.tableWrap.clientHeight > 0) {
        this.tableWrap.scrollTop = this.pendingScroll;
        this.pendingScroll = -1;
      }
      if (this.todayPending || this.todayScroll === this.tableWrap.scrollTop) this.showToday();
      else this.drawIfNeeded();
    }).observe(this.tableWrap);
    root.append(
      h(
        "div",
        { class: "toolbar" },
        h("span", { class: "ctl" }, h("label", { class: "check" }, this.eqOnly, " Equilibria only"), h("label", { for: "eq-concept" }, "under"), this.concept),
        h("span", { class: "ctl" }, h("label", { for: "state-search" }, "Words"), this.search),
        this.count,
        h("span", { class: "spacer" }),
        this.key,
        h("button", { type: "button", onclick: () => hooks.exportCsv(), title: "The table as CSV, as `parley analyze --format csv` writes it" }, "Export CSV"),
      ),
      this.tableWrap,
    );
  }

  setModel(model: ModelView): void {
    const prev = this.concept.value;
    // A file opened (not an edit of the one open): start at today's state.
    const opened = model.file !== this.model?.file;
    // An edit (a form's, an undo) keeps the user's place: the state at the top of the view, found again by its name (numbers may change).
    const place = opened ? null : this.place();
    this.model = model;
    this.words = [];
    clear(this.concept, h("option", { value: "" }, "any concept"), ...model.concepts.map((c) => h("option", { value: c }, c)));
    this.concept.value = model.concepts.includes(prev as Concept) ? prev : "";
    this.render(place);
    if (opened) this.showToday();
  }

  /** Where the view is (table-place.ts); a hidden table says 0, so where it last was when shown. */
  private place(): TablePlace | null {
    const m = this.model;
    const scroll = this.tableWrap.clientHeight > 0 ? this.tableWrap.scrollTop : this.pendingScroll >= 0 ? this.pendingScroll : this.lastScroll;
    return m ? placeAt(this.order, scroll, ROW, (s) => nameOf(m, s)) : null;
  }

  /** Scroll today's row into view, a third of the way down, and make it the row the keyboard starts from. */
  private showToday(): void {
    const m = this.model;
    if (!m) return;
    // The keyboard is in the table already (a row has focus): the user has chosen where to be; moving the active row would take focus from it.
    if (this.body?.contains(document.activeElement)) {
      this.todayPending = false;
      this.todayScroll = -1;
      this.drawIfNeeded();
      return;
    }
    const pos = this.order.indexOf(stateIndex(m.statusQuo));
    this.todayPending = false;
    if (pos < 0) return;
    // Hidden (another view is open): when the table is next laid out.
    if (this.tableWrap.clientHeight === 0) {
      this.todayPending = true;
      return;
    }
    this.active = pos;
    const head = this.body?.parentElement?.querySelector("thead")?.offsetHeight ?? 0;
    this.tableWrap.scrollTop = Math.max(0, pos * ROW - (this.tableWrap.clientHeight - head) / 3);
    this.todayScroll = this.tableWrap.scrollTop;
    this.draw();
  }

  setSelected(id: number | null): void {
    this.selected = id;
    // The user has chosen a state: the table no longer brings today's row back into view on its own.
    if (id !== null) this.todayScroll = -1;
    if (id !== null) {
      const at = this.order.indexOf(stateIndex(id));
      if (at >= 0) this.active = at;
    }
    for (const tr of this.body?.querySelectorAll<HTMLTableRowElement>("tr[data-state]") ?? []) {
      const on = Number(tr.dataset.state) === id;
      tr.classList.toggle("selected", on);
      tr.setAttribute("aria-selected", String(on));
    }
  }

  /** Show only the equilibria under a concept (from the summary's counts). */
  filterEquilibria(concept: Concept | ""): void {
    this.eqOnly.checked = true;
    this.concept.value = concept;
    this.render();
  }

  private wordsAt(s: number): string {
    return (this.words[s] ??= wordsOf(this.model!, s));
  }

  /** The states (0-based) that pass the filters, in the chosen order. */
  private rows(): number[] {
    const m = this.model!;
    const concept = this.concept.value as Concept | "";
    const words = this.search.value.trim().toLowerCase();
    let rows = Array.from({ length: m.states.count }, (_, s) => s);
    if (this.eqOnly.checked) rows = rows.filter((s) => isEquilibrium(m, s, concept));
    if (words) {
      // A state typed by its id or its Y/N pattern is read as the engine reads one (parseStateRef): the id as a number, the pattern in any case.
      const byId = /^\d+$/.test(words) ? stateIndex(Number(words)) : -1;
      const pattern = words.toUpperCase();
      // …and a state's name (the options taken, "us_sanctions + ru_offensive"), which stays when states are renumbered.
      rows = rows.filter(
        (s) => s === byId || patternOf(m, s) === pattern || nameOf(m, s).toLowerCase() === words || this.wordsAt(s).toLowerCase().includes(words),
      );
    }
    const key = this.sort;
    if (key.kind === "id") return this.descending ? rows.reverse() : rows;
    const eqCount = (s: number) => {
      let n = 0;
      for (let bits = m.states.eq[s]; bits; bits &= bits - 1) n++;
      return n;
    };
    const value = (s: number): number | string => (key.kind === "rank" ? m.states.ranks[key.dm][s] : key.kind === "eq" ? -eqCount(s) : this.wordsAt(s));
    const dir = this.descending ? -1 : 1;
    return rows.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * dir || a - b;
    });
  }

  /** Redraw; a filter or an order starts at the top, an edit (`place` given) keeps the place. */
  render(place: TablePlace | null = null): void {
    const m = this.model;
    if (!m) return;
    this.todayScroll = -1;
    this.order = this.rows();
    const total = m.states.count;
    const n = this.order.length;
    this.count.textContent = n === total ? plural(total, "state") : `${n.toLocaleString("en")} of ${plural(total, "state")}`;
    this.active = Math.max(
      0,
      this.selected !== null && this.order.includes(stateIndex(this.selected)) ? this.order.indexOf(stateIndex(this.selected)) : Math.min(this.active, n - 1),
    );

    const sortButton = (label: string | Node, key: SortKey, title: string) => {
      const active = JSON.stringify(key) === JSON.stringify(this.sort);
      return h(
        "button",
        {
          type: "button",
          class: "sort" + (active ? " active" : ""),
          title: `${title} — click to sort`,
          onclick: () => {
            if (active) this.descending = !this.descending;
            else {
              this.sort = key;
              this.descending = false;
            }
            this.render();
          },
        },
        label,
        active ? (this.descending ? " ▾" : " ▴") : "",
      );
    };
    const ariaSort = (key: SortKey) => (JSON.stringify(key) === JSON.stringify(this.sort) ? (this.descending ? "descending" : "ascending") : undefined);

    const groupRow = h(
      "tr",
      { "aria-rowindex": 1 },
      h("th", { rowspan: 2, scope: "col", "aria-sort": ariaSort({ kind: "id" }) }, sortButton("State", { kind: "id" }, "State number")),
      ...m.dms.map((dm, d) => {
        const k = m.options.filter((o) => o.dm === d).length;
        return h("th", { colspan: k, scope: "colgroup", class: `dm-group dm${d % 8}`, title: dm.name, "aria-label": dm.name }, partyLabel(m, d));
      }),
      h("th", { colspan: m.dms.length, scope: "colgroup", class: "group", title: "Each party's rank of the state: 1 = its most preferred" }, "Rank (1 = best)"),
      // The equilibria before each party's marks: the answer stays in view in a narrow table, its detail follows.
      h(
        "th",
        { rowspan: 2, scope: "col", "aria-sort": ariaSort({ kind: "eq" }) },
        sortButton("Equilibrium", { kind: "eq" }, "Concepts under which the state is an equilibrium"),
      ),
      h(
        "th",
        {
          colspan: m.concepts.length,
          scope: "colgroup",
          class: "group",
          title: `Stable for each party under each concept: ✓ stable, · not, for ${m.dms.map((d) => d.name).join(", ")} in that order`,
        },
        "Stable for each party",
      ),
      h(
        "th",
        { rowspan: 2, scope: "col", class: "words-col", "aria-sort": ariaSort({ kind: "words" }) },
        sortButton("In words", { kind: "words" }, "The state described"),
      ),
    );
    const optionRow = h(
      "tr",
      { "aria-rowindex": 2 },
      ...m.options.map((o) => h("th", { scope: "col", class: `opt dm${o.dm % 8}`, title: `${o.id}: ${o.label}` }, h("span", { class: "vertical" }, o.id))),
      ...m.dms.map((dm, d) =>
        h(
          "th",
          { scope: "col", class: "num", "aria-sort": ariaSort({ kind: "rank", dm: d }) },
          sortButton(dm.id, { kind: "rank", dm: d }, `${dm.name}'s rank`),
        ),
      ),
      ...m.concepts.map((c) =>
        h(
          "th",
          { scope: "col", class: "marks", title: `${CONCEPT_BRIEFS[c]} Marks: ${m.dms.map((d) => d.id).join(", ")}.`, "aria-describedby": conceptNoteId(c) },
          // SEQ+SIM may break after its plus.
          c.replace("+", "+\u200b"),
        ),
      ),
    );
    const concept = this.concept.value as Concept | "";
    clear(
      this.key,
      ...(concept
        ? [h("span", { class: "k-strong" }, `${concept} equilibrium`)]
        : [
            "Shading:",
            h("span", { class: "k-strong", title: "An equilibrium under Nash: stable without any threat" }, "Nash"),
            h("span", { class: "k-mid", title: "An equilibrium under SEQ or SIM (not Nash): held by credible threats or simultaneous moves" }, "SEQ/SIM"),
            h("span", { class: "k-weak", title: "An equilibrium under GMR or SMR only: held by threats the others may not carry out" }, "GMR/SMR only"),
          ]),
    );

    const widths = columnWidths(m, measureInPage(this.tableWrap));
    const fixed = widths.slice(0, -1).reduce((a, b) => a + b, 0);
    this.body = h("tbody", {
      onkeydown: (e: Event) => this.keydown(e as KeyboardEvent),
      onclick: (e: Event) => {
        const tr = (e.target as HTMLElement).closest("tr");
        if (tr?.dataset.state) {
          this.active = Number(tr.dataset.pos);
          this.hooks.select(Number(tr.dataset.state));
        }
      },
    });
    const table = h(
      "table",
      // The words' column (no width of its own) takes whatever room is left.
      { class: "states", "aria-label": "States and their stability", "aria-rowcount": n + 2, style: `width:max(${fixed + WORDS_MIN}rem, 100%)` },
      h("colgroup", {}, ...widths.slice(0, -1).map((w) => h("col", { style: `width:${w}rem` })), h("col", {})),
      h("thead", {}, groupRow, optionRow),
      this.body,
    );
    const scroll = place ? scrollFor(place, this.order, ROW, (s) => nameOf(m, s)) : 0;
    clear(this.tableWrap, table);
    if (n === 0) this.tableWrap.append(h("p", { class: "empty" }, "No state matches the filter."));
    // Rows (and spacers) first: until they are there the table is too short to be scrolled anywhere.
    this.drawn = { from: 0, to: 0 };
    this.draw(scroll);
    this.tableWrap.scrollTop = scroll;
    this.pendingScroll = this.tableWrap.clientHeight === 0 ? scroll : -1;
    this.lastScroll = scroll;
  }

  /** The positions in view (at `scroll`, by default where the table is scrolled), with a margin. */
  private window(scroll = this.tableWrap.scrollTop): { from: number; to: number } {
    const head = this.body?.parentElement?.querySelector("thead")?.offsetHeight ?? 0;
    const top = Math.max(0, scroll - head);
    const first = Math.floor(top / ROW);
    const visible = Math.ceil((this.tableWrap.clientHeight || 800) / ROW);
    return { from: Math.max(0, first - MARGIN), to: Math.min(this.order.length, first + visible + MARGIN) };
  }

  private drawIfNeeded(): void {
    if (!this.body || !this.model) return;
    const w = this.window();
    const first = Math.floor(Math.max(0, this.tableWrap.scrollTop) / ROW);
    const need = w.from < this.drawn.from || w.to > this.drawn.to || (first > this.drawn.to && this.drawn.to < this.order.length);
    if (need) this.draw();
  }

  /** Rows from..to as one HTML string (every value escaped), between spacers standing for the rest. */
  private draw(scroll?: number): void {
    const m = this.model!;
    const body = this.body!;
    const { from, to } = this.window(scroll);
    this.drawn = { from, to };
    const concept = this.concept.value as Concept | "";
    // Equilibria are shaded by strength: stable without threats (Nash), held by credible
    // threats or simultaneous moves (SEQ, SIM), held only by threats (GMR, SMR).
    const eqClass = (r: StateRow) =>
      concept
        ? r.eq.includes(concept)
          ? "eq-strong"
          : ""
        : r.eq.includes("Nash")
          ? "eq-strong"
          : r.eq.some((c) => c === "SEQ" || c === "SIM" || c === "SEQ+SIM")
            ? "eq-mid"
            : r.eq.length
              ? "eq-weak"
              : "";
    const html: string[] = [];
    const cols = 3 + m.options.length + m.dms.length + m.concepts.length;
    if (from > 0) html.push(`<tr class="spacer" aria-hidden="true" style="height:${from * ROW}px"><td colspan="${cols}"></td></tr>`);
    for (let pos = from; pos < to; pos++) {
      const r = stateRow(m, this.order[pos]);
      const isSel = r.id === this.selected;
      const cls = [eqClass(r), r.id === m.statusQuo ? "sq" : "", isSel ? "selected" : ""].join(" ").trim();
      html.push(
        `<tr data-state="${r.id}" data-pos="${pos}" aria-rowindex="${pos + 3}"${cls ? ` class="${cls}"` : ""} tabindex="${pos === this.active ? 0 : -1}" aria-selected="${isSel}">`,
        `<th scope="row" class="num" title="State ${r.id}: ${escape(nameOf(m, this.order[pos]))}">${r.id === m.statusQuo ? '<span class="sq-mark" title="Today (the status quo)">▸</span>' : ""}${r.id}</th>`,
      );
      for (const ch of r.pattern) html.push(ch === "Y" ? '<td class="y">Y</td>' : '<td class="n">N</td>');
      for (const k of r.ranks) html.push(`<td class="num">${k}</td>`);
      html.push(
        `<td class="eqs" title="${r.eq.length ? escape(`An equilibrium under ${r.eq.join(", ")}`) : "Not an equilibrium under any concept"}">${escape(eqText(m, r.eq))}</td>`,
      );
      for (const c of m.concepts) {
        const bits = r.stable[c] ?? 0;
        const marks = m.dms.map((_, d) => (bits & (1 << d) ? "✓" : "·")).join("");
        const who = m.dms.filter((_, d) => bits & (1 << d)).map((d) => d.name);
        html.push(`<td class="marks" title="${escape(`${c}: stable for ${who.length ? who.join(", ") : "nobody"}`)}">${marks}</td>`);
      }
      // Today's row says so before its words (style.css: the words' cell of tr.sq).
      html.push(`<td class="words-col" title="${escape(r.words)}">${escape(r.words)}</td></tr>`);
    }
    const rest = this.order.length - to;
    if (rest > 0) html.push(`<tr class="spacer" aria-hidden="true" style="height:${rest * ROW}px"><td colspan="${cols}"></td></tr>`);
    const hadFocus = body.contains(document.activeElement);
    body.innerHTML = html.join("");
    if (hadFocus) this.focusActive();
  }

  private focusActive(): void {
    this.body?.querySelector<HTMLElement>(`tr[data-pos="${this.active}"]`)?.focus({ preventScroll: false });
  }

  private keydown(e: KeyboardEvent): void {
    this.todayScroll = -1;
    const tr = (e.target as HTMLElement).closest("tr");
    if (!tr?.dataset.pos) return;
    const pos = Number(tr.dataset.pos);
    const page = Math.max(1, Math.floor(this.tableWrap.clientHeight / ROW) - 3);
    let next: number;
    if (e.key === "ArrowDown") next = pos + 1;
    else if (e.key === "ArrowUp") next = pos - 1;
    else if (e.key === "PageDown") next = pos + page;
    else if (e.key === "PageUp") next = pos - page;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = this.order.length - 1;
    else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      this.hooks.select(Number(tr.dataset.state));
      return;
    } else return;
    e.preventDefault();
    this.active = Math.min(Math.max(next, 0), this.order.length - 1);
    // Bring the row into view (drawing it if it is not in the page yet), then focus it.
    const head = this.body?.parentElement?.querySelector("thead")?.offsetHeight ?? 0;
    const y = this.active * ROW;
    const view = this.tableWrap.clientHeight - head;
    if (y < this.tableWrap.scrollTop) this.tableWrap.scrollTop = y;
    else if (y + ROW > this.tableWrap.scrollTop + view) this.tableWrap.scrollTop = y + ROW - view;
    const w = this.window();
    if (w.from < this.drawn.from || w.to > this.drawn.to || this.active < this.drawn.from || this.active >= this.drawn.to) this.draw();
    for (const row of this.body?.querySelectorAll<HTMLElement>("tr[tabindex='0']") ?? []) row.tabIndex = -1;
    const target = this.body?.querySelector<HTMLElement>(`tr[data-pos="${this.active}"]`);
    if (target) {
      target.tabIndex = 0;
      target.focus({ preventScroll: true });
    }
  }
}

// biome-ignore lint/suspicious/noShadowRestrictedNames: the page's own escaper; the deprecated global is never used
function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
