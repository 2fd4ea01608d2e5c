/**
 * Coalitions at the selected state: which groups of two or more parties could
 * leave it together for a state every member prefers, by what joint move, and
 * whether the other parties' answer deters them, concept by concept (as
 * `parley coalitions --state` says it; see docs/coalitions.md).
 */
import { dmTextColor } from "../widgets/colors.js";
import { clear, h, plural } from "../widgets/dom.js";
import { stateRef } from "../widgets/state-ref.js";
import type { CoalitionsView, CoalitionView, ModelView } from "../../protocol/engine.js";
import { RunControl, staleNote, type RunFn } from "./run-control.js";

export class CoalitionsPanel {
  private model: ModelView | null = null;
  private result: CoalitionsView | null = null;
  private visible = false;
  private wanted: number | null = null;
  private readonly state: HTMLInputElement;
  private readonly size: HTMLSelectElement;
  private readonly follow: HTMLInputElement;
  private readonly control = new RunControl("coalition analysis");
  private readonly stale = h("p", { class: "stale", hidden: true });
  private readonly out = h("div", { class: "coalitions-result", "aria-live": "polite" });

  constructor(
    root: HTMLElement,
    private readonly hooks: { run: RunFn; select(id: number): void; selected(): number | null },
  ) {
    this.state = h("input", { id: "coalition-state", type: "number", min: 1, class: "narrow" });
    this.size = h("select", { id: "coalition-size", onchange: () => void this.run() });
    this.follow = h("input", { id: "coalition-follow", type: "checkbox", checked: true });
    const form = h(
      "form",
      { class: "toolbar", "aria-label": "Which state" },
      h("span", { class: "ctl" }, h("label", { for: "coalition-state" }, "State"), this.state),
      h("span", { class: "ctl" }, h("label", { for: "coalition-size" }, "groups of up to"), this.size),
      h("button", { type: "submit", class: "primary" }, "Show"),
      h("label", { class: "check", title: "Show the state you click in the table, the graph or any view" }, this.follow, "Follow the selected state"),
      this.control.el,
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.wanted = Number(this.state.value) || null;
      void this.run();
    });
    root.append(
      form,
      h(
        "div",
        { class: "prose wide" },
        h(
          "p",
          { class: "muted intro" },
          "A coalition leaves a state by a joint move: its members move one after another (no party twice in a row) and end in a state every one of them prefers. The move is deterred when the other parties can answer so that at least one member ends up no better off: by any moves (GMR), by moves the coalition cannot escape by a joint counter-move (SMR), only by moves that each leave their mover better off (SEQ). Nash looks at no answer.",
        ),
        this.stale,
        this.out,
      ),
    );
  }

  setModel(m: ModelView): void {
    const first = this.model === null || this.model.file !== m.file;
    this.model = m;
    const n = m.dms.length;
    const prev = Number(this.size.value) || n;
    clear(this.size, ...Array.from({ length: Math.max(0, n - 1) }, (_, k) => k + 2).map((k) => h("option", { value: k }, k === n ? `${k} (all)` : String(k))));
    this.size.value = String(first ? n : Math.min(prev, n));
    this.state.max = String(m.states.count);
    if (first) this.wanted = null;
    if (this.wanted !== null && this.wanted > m.states.count) this.wanted = null;
    this.state.value = String(this.current());
    if (this.visible) void this.run();
    else staleNote(this.stale, this.result !== null && this.result.version !== m.version, () => void this.run());
  }

  /** The state shown: the one asked for, else the selected one, else today. */
  private current(): number {
    return this.wanted ?? this.hooks.selected() ?? this.model?.statusQuo ?? 1;
  }

  setSelected(id: number | null): void {
    if (id === null || !this.follow.checked) return;
    this.wanted = id;
    this.state.value = String(id);
    if (this.visible) void this.run();
  }

  /** Show the coalitions at this state next (from the explanation). */
  want(id: number): void {
    this.wanted = id;
    this.state.value = String(id);
  }

  show(): void {
    this.visible = true;
    const m = this.model;
    if (m && !this.control.running && (!this.result || this.result.version !== m.version || this.result.state !== this.current())) void this.run();
  }

  hide(): void {
    this.visible = false;
  }

  async run(): Promise<void> {
    const m = this.model;
    if (!m) return;
    const state = Math.min(Math.max(1, Number(this.state.value) || this.current()), m.states.count);
    this.state.value = String(state);
    const r = await this.control.run(this.hooks.run, { type: "coalitions", state, maxSize: Number(this.size.value) || m.dms.length }, (message) =>
      clear(this.out, h("p", { class: "muted" }, message)),
    );
    if (!r) return;
    this.result = r;
    staleNote(this.stale, this.model !== null && r.version !== this.model.version, () => void this.run());
    this.render(r);
  }

  private link(id: number, text: string, name: string): HTMLElement {
    return h("button", { type: "button", class: "link", title: `Explain state ${id} (${name})`, onclick: () => this.hooks.select(id) }, text);
  }

  private render(r: CoalitionsView): void {
    const eq = r.equilibriumUnder;
    const holds = eq.filter((c) => r.holds[c]);
    const broken = eq.filter((c) => !r.holds[c]);
    const verdict = eq.length
      ? h(
          "p",
          { class: `verdict ${broken.length ? "bad" : "good"}`, "data-testid": "coalitions-verdict" },
          `An equilibrium under ${eq.join(", ")}. Against coalitions: ${[holds.length ? `holds under ${holds.join(", ")}` : "", broken.length ? `broken under ${broken.join(", ")}` : ""].filter(Boolean).join("; ")}.`,
        )
      : h(
          "p",
          { class: "verdict bad", "data-testid": "coalitions-verdict" },
          `Not an equilibrium under ${r.concepts.join(", ")}: some party gains by leaving it on its own. The groups that could leave it together:`,
        );
    const sizes = r.maxSize === 2 ? "2" : `2 to ${r.maxSize}`;
    clear(
      this.out,
      h(
        "h3",
        {},
        `State ${r.state}${r.isStatusQuo ? " (today)" : ""} `,
        h("span", { class: "state-name" }, r.name),
        h("span", { class: "muted" }, ` ${r.pattern}`),
      ),
      h("p", { class: "words" }, r.words),
      verdict,
      h(
        "p",
        { class: "muted" },
        `Groups of ${sizes} parties examined (${plural(r.coalitionCount, "coalition")}); ${r.coalitions.length === 0 ? "none" : r.coalitions.length === r.coalitionCount ? "each" : r.coalitions.length} can reach a state all ${r.coalitions.length === 1 ? "its" : "their"} members prefer by moves each member takes part in.`,
        r.leftOut.length ? ` ${leftOutText(r.leftOut)}` : "",
      ),
      r.coalitions.length
        ? h("ul", { class: "coalitions", "data-testid": "coalitions-list" }, ...r.coalitions.map((c) => this.coalition(c, r)))
        : h(
            "p",
            {},
            eq.length
              ? "No group of parties can reach a state all its members prefer: it holds against every coalition."
              : "No group of two or more parties can reach a state all its members prefer.",
          ),
    );
  }

  private coalition(c: CoalitionView, r: CoalitionsView): HTMLElement {
    const x = c.example;
    const everyone = this.model !== null && c.members.length === this.model.dms.length;
    const who = c.members.length === 2 ? "Both prefer it" : `All ${c.members.length} prefer it`;
    return h(
      "li",
      { class: "coalition" },
      h(
        "div",
        { class: "co-head" },
        h("strong", {}, ...c.members.flatMap((d, k) => [k ? " + " : "", h("span", { class: `dm${d % 8}` }, this.model?.dms[d]?.name ?? String(d))])),
        h(
          "span",
          { class: "chips" },
          ...c.breaks.map((k) => h("span", { class: "chip bad", title: `breaks the state under ${k}` }, `breaks ${k}`)),
          ...c.deterred.map((k) => h("span", { class: "chip ok", title: `deterred under ${k}` }, `deterred ${k}`)),
        ),
      ),
      h(
        "p",
        {},
        c.moves === 1 ? "One joint move, to " : `${plural(c.moves, "joint move")}, for example to `,
        stateRef(this.hooks.select, x.to, x.toName),
        `: ${x.words}. ${who}: `,
        x.gains.map((g) => `${g.name} rank ${g.from} → ${g.to}`).join("; "),
        ".",
      ),
      h(
        "ol",
        { class: "steps" },
        ...x.steps.map((s) =>
          h("li", {}, h("strong", { style: `color:${dmTextColor(s.dm)}` }, s.dmName), `: ${s.action} → `, stateRef(this.hooks.select, s.to, s.toName)),
        ),
      ),
      h(
        "table",
        { class: "sanctions" },
        h("caption", { class: "sr-only" }, `What deters ${c.name} from this joint move, per concept`),
        h(
          "tbody",
          {},
          ...x.sanctions.map((s) =>
            h(
              "tr",
              { class: s.how ? "deterred" : "open" },
              h("th", { scope: "row" }, s.concepts.length === r.concepts.length && r.concepts.length > 1 ? "All" : s.concepts.join(", ")),
              h(
                "td",
                {},
                s.how ? `Deterred: ${s.how}.` : everyone ? "Not deterred: every party is in the coalition, so no one is left to answer." : "Not deterred.",
              ),
            ),
          ),
        ),
      ),
      c.alsoTo.length
        ? h(
            "p",
            { class: "muted" },
            `Also to state${c.alsoTo.length > 1 ? "s" : ""} `,
            ...c.alsoTo.slice(0, 12).flatMap((id, k) => [k ? ", " : "", this.link(id, String(id), c.alsoToNames[k])]),
            c.alsoTo.length > 12 ? `, … (${c.alsoTo.length} in all)` : "",
            ".",
          )
        : null,
    );
  }
}

/** The groups not listed, by name, and what their moves (made by fewer of their members) break. */
function leftOutText(list: CoalitionsView["leftOut"]): string {
  const named = list.map((g) => `${g.name}${g.breaks.length ? ` (breaks it under ${g.breaks.join(", ")})` : ""}`).join("; ");
  return `Left out: ${named}: ${list.length === 1 ? "a group" : "groups"} that could get there only by moves some of ${list.length === 1 ? "its" : "their"} members need not take part in (the moves of a smaller group, listed under it, or of one party, in the explanation of the state).`;
}
