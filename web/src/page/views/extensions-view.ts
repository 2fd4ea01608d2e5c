/**
 * The command line's extensions under Deeper analyses: limited-move and
 * non-myopic stability (`parley foresight`), hypergames (`parley hypergame`)
 * and unknown preferences (`parley unknown`). Each runs in the worker on the
 * loaded scenario and shows a verdict in words, a small table of states by
 * number and name, and the command's own text.
 */
import { clear, h, plural } from "../widgets/dom.js";
import { stateRef } from "../widgets/state-ref.js";
import type { ForesightView, HypergameView, ModelView, StateRefView, UnknownView } from "../../protocol/engine.js";
import { RunControl, staleNote, type RunFn } from "./run-control.js";

type Hooks = { run: RunFn; select(id: number): void; selected(): number | null };

/** Shared by the three panels: a form, the run control, the out-of-date note and the result. */
abstract class ExtensionPanel<R extends { version: number }> {
  protected model: ModelView | null = null;
  protected result: R | null = null;
  protected visible = false;
  protected readonly control: RunControl;
  protected readonly stale = h("p", { class: "stale", hidden: true });
  protected readonly out = h("div", { class: "extension-result", "aria-live": "polite" });

  constructor(
    protected readonly root: HTMLElement,
    protected readonly hooks: Hooks,
    what: string,
  ) {
    this.control = new RunControl(what);
  }

  /** The form (its submit runs), the introduction, then the result. */
  protected layout(label: string, controls: HTMLElement[], intro: string): void {
    const form = h("form", { class: "toolbar", "aria-label": label }, ...controls, h("button", { type: "submit", class: "primary" }, "Run"), this.control.el);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.run();
    });
    this.root.append(form, h("div", { class: "prose wide" }, h("p", { class: "muted intro" }, intro), this.stale, this.out));
  }

  setModel(m: ModelView): void {
    this.model = m;
    if (this.visible && this.result) void this.run();
    else staleNote(this.stale, this.result !== null && this.result.version !== m.version, () => void this.run());
  }

  show(): void {
    this.visible = true;
    const m = this.model;
    if (m && !this.control.running && (!this.result || this.result.version !== m.version)) void this.run();
  }

  hide(): void {
    this.visible = false;
  }

  protected abstract request(): Parameters<RunFn>[0] | null;
  protected abstract render(r: R): void;

  async run(): Promise<void> {
    const request = this.request();
    if (!this.model || !request) return;
    const r = (await this.control.run(this.hooks.run, request, (message) => clear(this.out, h("p", { class: "muted" }, message)))) as R | null;
    if (!r) return;
    this.result = r;
    staleNote(this.stale, this.model !== null && r.version !== this.model.version, () => void this.run());
    this.render(r);
  }

  /** "state 5 · moe_modify + local_insist" as a link that explains the state. */
  protected state(s: StateRefView): HTMLElement {
    return stateRef(this.hooks.select, s.id, s.name);
  }

  protected states(list: StateRefView[], caption: string): HTMLElement {
    if (!list.length) return h("p", { class: "muted" }, "None.");
    const shown = list.slice(0, 12);
    return h(
      "div",
      {},
      h(
        "table",
        { class: "small-table" },
        h("caption", { class: "sr-only" }, caption),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "State"), h("th", { scope: "col" }, "Pattern"), h("th", { scope: "col" }, "In words"))),
        h("tbody", {}, ...shown.map((s) => h("tr", {}, h("td", {}, this.state(s)), h("td", { class: "mono" }, s.pattern), h("td", {}, s.words)))),
      ),
      list.length > shown.length ? h("p", { class: "muted" }, `… and ${list.length - shown.length} more (in the text below).`) : null,
    );
  }

  protected text(t: string): HTMLElement {
    return h("details", { class: "command-text" }, h("summary", {}, "The command's text"), h("pre", { class: "doc-text" }, t));
  }
}

export class ForesightPanel extends ExtensionPanel<ForesightView> {
  private readonly variant = h("select", { id: "foresight-variant" });
  private readonly horizon = h("input", { id: "foresight-horizon", type: "number", min: 1, max: 50, value: 2, class: "narrow" });
  private readonly nm = h("input", { id: "foresight-nm", type: "checkbox" });
  private readonly at = h("input", { id: "foresight-state", type: "number", min: 1, class: "narrow" });

  constructor(root: HTMLElement, hooks: Hooks) {
    super(root, hooks, "foresight analysis");
    this.layout(
      "Foresight",
      [
        h("span", { class: "ctl" }, h("label", { for: "foresight-variant" }, "Turns"), this.variant),
        h("span", { class: "ctl" }, h("label", { for: "foresight-horizon" }, "Moves ahead"), this.horizon),
        h("label", { class: "check" }, this.nm, "Non-myopic (no limit)"),
        h("span", { class: "ctl" }, h("label", { for: "foresight-state" }, "Play from state"), this.at),
      ],
      "Limited-move stability L_h: each party looks h moves ahead (its move, the answers it anticipates, its own replies) and leaves a state only when play then ends in a state it prefers. Non-myopic stability (NM) is the limit as h grows. Defined for two parties; for more, choose how they take turns: rotation (in scenario order, each for itself) or maximin (the others answer to leave the mover as badly off as they can).",
    );
  }

  override setModel(m: ModelView): void {
    const two = m.dms.length === 2;
    const prev = this.variant.value;
    clear(
      this.variant,
      ...(two ? [h("option", { value: "two-dm" }, "two parties")] : []),
      h("option", { value: "rotation" }, "rotation"),
      h("option", { value: "maximin" }, "maximin"),
    );
    this.variant.value = [...this.variant.options].some((o) => o.value === prev) ? prev : two ? "two-dm" : "rotation";
    this.at.max = String(m.states.count);
    if (this.model?.file !== m.file || Number(this.at.value) > m.states.count || !this.at.value) this.at.value = String(m.statusQuo);
    super.setModel(m);
  }

  protected request() {
    const m = this.model;
    if (!m) return null;
    return {
      type: "foresight" as const,
      variant: this.variant.value,
      horizon: Number(this.horizon.value) || 2,
      nm: this.nm.checked,
      state: Number(this.at.value) || m.statusQuo,
    };
  }

  protected render(r: ForesightView): void {
    const eqIds = new Set(r.equilibria.map((s) => s.id));
    const focusEq = eqIds.has(r.focus.id);
    clear(
      this.out,
      h(
        "p",
        { class: `verdict ${focusEq ? "good" : "bad"}`, "data-testid": "foresight-verdict" },
        `${r.isStatusQuo ? "Today, " : ""}`,
        this.state(r.focus),
        `, is ${focusEq ? "" : "not "}${r.concept} stable for every party (variant ${r.variant}). ${plural(r.equilibria.length, `${r.concept} equilibrium`, `${r.concept} equilibria`)}.`,
      ),
      h(
        "table",
        { class: "small-table", "data-testid": "foresight-plays" },
        h("caption", {}, `What each party anticipates from state ${r.focus.id}`),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Party"), h("th", { scope: "col" }, "Leaves?"), h("th", { scope: "col" }, "Play ends in"))),
        h(
          "tbody",
          {},
          ...r.plays.map((p) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, p.name),
              h("td", {}, p.stable === null ? "no limit" : p.stable ? "stays" : "moves"),
              h("td", {}, p.result ? this.state(p.result) : "—"),
            ),
          ),
        ),
      ),
      h("h3", {}, `${r.concept} equilibria`),
      this.states(r.equilibria, `${r.concept} equilibria`),
      this.text(r.text),
    );
  }
}

export class HypergamePanel extends ExtensionPanel<HypergameView> {
  private readonly view = h(
    "select",
    { id: "hypergame-view" },
    h("option", { value: "gmcr" }, "gmcr (as GMCR+)"),
    h("option", { value: "subjective" }, "subjective"),
  );
  private readonly who = h("select", { id: "hypergame-dm" });
  private readonly file = h("select", { id: "hypergame-file" });

  constructor(
    root: HTMLElement,
    hooks: Hooks,
    private readonly read: (path: string) => Promise<string>,
  ) {
    super(root, hooks, "hypergame analysis");
    this.layout(
      "Hypergame",
      [
        h("span", { class: "ctl" }, h("label", { for: "hypergame-view" }, "View"), this.view),
        h("span", { class: "ctl" }, h("label", { for: "hypergame-file" }, "Perception from file"), this.file),
        h("span", { class: "ctl" }, h("label", { for: "hypergame-dm" }, "held by"), this.who),
      ],
      "A hypergame: parties may not know some states exist or may misjudge what the others want. Each party's stability is judged in the game it perceives; a hypergame equilibrium is stable for every party in its own perception. The perceptions are the scenario's misperceives and perceivedPreferences, or: another scenario file as one party's picture of the conflict (what that file says the others prefer is what the party believes; options it lacks are unknown to the party).",
    );
  }

  override setModel(m: ModelView): void {
    const prev = this.who.value;
    clear(this.who, ...m.dms.map((d, k) => h("option", { value: k }, d.name)));
    if (prev && Number(prev) < m.dms.length) this.who.value = prev;
    super.setModel(m);
  }

  setFiles(files: string[], current: string | null): void {
    const prev = this.file.value;
    const others = files.filter((f) => f !== current);
    clear(this.file, h("option", { value: "" }, "none: the scenario's own"), ...others.map((f) => h("option", { value: f }, f)));
    this.file.value = others.includes(prev) ? prev : "";
  }

  private perception: { dm: number; file: string; text: string } | undefined;

  override async run(): Promise<void> {
    this.perception = undefined;
    const path = this.file.value;
    if (path) {
      try {
        this.perception = { dm: Number(this.who.value) || 0, file: path, text: await this.read(path) };
      } catch (e) {
        clear(this.out, h("p", { class: "error" }, `Could not read ${path}: ${(e as Error).message}`));
        return;
      }
    }
    return super.run();
  }

  protected request() {
    return { type: "hypergame" as const, view: this.view.value, ...(this.perception ? { perception: this.perception } : {}) };
  }

  protected render(r: HypergameView): void {
    const changed = r.concepts.filter((c) => c.gained.length || c.lost.length);
    clear(
      this.out,
      h(
        "p",
        { class: "verdict", "data-testid": "hypergame-verdict" },
        !r.misperception
          ? "No party misperceives anything: the hypergame is the game itself, with the same equilibria."
          : changed.length
            ? `Misperception changes the equilibria under ${changed.map((c) => c.concept).join(", ")}.`
            : "Misperception changes no equilibrium.",
      ),
      h("p", { class: "muted", "data-testid": "hypergame-source" }, `Perceptions: ${r.source}. View: ${r.view}.`),
      h(
        "table",
        { class: "small-table", "data-testid": "hypergame-table" },
        h("caption", {}, "Equilibria with full information and in the hypergame"),
        h("thead", {}, h("tr", {}, ...["Concept", "Full information", "Hypergame", "Gained", "Lost"].map((x) => h("th", { scope: "col" }, x)))),
        h(
          "tbody",
          {},
          ...r.concepts.map((c) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, c.concept),
              h("td", {}, String(c.plain)),
              h("td", {}, String(c.hyper)),
              h("td", {}, ...this.refs(c.gained)),
              h("td", {}, ...this.refs(c.lost)),
            ),
          ),
        ),
      ),
      this.text(r.text),
    );
  }

  private refs(list: StateRefView[]): (HTMLElement | string)[] {
    if (!list.length) return ["—"];
    const out: (HTMLElement | string)[] = list.slice(0, 4).flatMap((s, k) => [k ? "; " : "", this.state(s)]);
    if (list.length > 4) out.push(` … (${list.length} in all)`);
    return out;
  }
}

export class UnknownPanel extends ExtensionPanel<UnknownView> {
  constructor(root: HTMLElement, hooks: Hooks) {
    super(root, hooks, "analysis with unknown preferences");
    this.layout(
      "Unknown preferences",
      [],
      "A party may not know which of two states it prefers (the unknown entries under its preferences). Nash, GMR, SMR and SEQ then come in four variants (Li, Hipel, Kilgour & Fang 2004), by how a party treats a state it cannot compare with the one it is in: a: it may move there, and only a sanction ending in a state known to be no better deters it; b: it moves only to states known to be better, same sanctions as a; c: it may move there, and a sanction ending in such a state deters it too; d: it moves only to states known to be better, and such a sanction deters it too.",
    );
  }

  protected request() {
    return { type: "unknown" as const };
  }

  protected render(r: UnknownView): void {
    const variants = r.rows[0]?.variants.map((v) => v.variant) ?? [];
    clear(
      this.out,
      h(
        "p",
        { class: "verdict", "data-testid": "unknown-verdict" },
        r.unknownPairs === 0
          ? "No party has unknown preferences in this scenario: every variant gives the plain equilibria. Add unknown entries under a party's preferences to see the difference."
          : `${plural(r.unknownPairs, "pair")} of states some party cannot compare. Equilibria per concept and variant (✓: today, `,
        r.unknownPairs === 0 ? "" : this.state(r.today),
        r.unknownPairs === 0 ? "" : ", is one):",
      ),
      h(
        "table",
        { class: "small-table", "data-testid": "unknown-table" },
        h("caption", {}, "Equilibria with the known preferences (plain) and in each variant"),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "Concept"),
            h("th", { scope: "col" }, "Plain"),
            ...variants.map((v) => h("th", { scope: "col" }, `Variant ${v}`)),
          ),
        ),
        h(
          "tbody",
          {},
          ...r.rows.map((row) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, row.concept),
              h("td", {}, String(row.plain)),
              ...row.variants.map((v) => h("td", {}, `${v.count}${v.today ? " ✓" : ""}`)),
            ),
          ),
        ),
      ),
      this.text(r.text),
    );
  }
}
