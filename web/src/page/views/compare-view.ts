/**
 * Two scenarios side by side: the one in the editor (A) and a file of the
 * folder (B). Each side's size, today and equilibria per concept; between
 * them, what changed in the model and which equilibria were lost (left) or
 * gained (right) under each concept, with the reason for each party.
 */
import { baseName, clear, download, h, plural } from "../widgets/dom.js";
import type { CompareSide, CompareView, IssueView, PathsView, StabilityChangeView } from "../../protocol/engine.js";

export class ComparePanel {
  private readonly select: HTMLSelectElement;
  private readonly result: HTMLElement;
  private readonly mdButton: HTMLButtonElement;
  private last: CompareView | null = null;

  constructor(
    root: HTMLElement,
    private readonly hooks: { compare(file: string): Promise<CompareView | { issues: IssueView[] }>; select(id: number): void },
  ) {
    this.select = h("select", { id: "compare-file" });
    this.mdButton = h("button", { type: "button", disabled: true, onclick: () => this.saveMd() }, "Download Markdown");
    this.result = h("div", { class: "compare-result", "aria-live": "polite" });
    root.append(
      h(
        "div",
        { class: "toolbar" },
        h("label", { for: "compare-file" }, "Compare this scenario with"),
        this.select,
        h("button", { type: "button", id: "compare-run", class: "primary", onclick: () => void this.run() }, "Compare"),
        h("span", { class: "spacer" }),
        this.mdButton,
      ),
      this.result,
    );
    clear(this.result, h("p", { class: "muted prose" }, "Choose a second scenario file (a what-if, an earlier version) and press Compare."));
  }

  setFiles(files: string[], current: string | null, suggested: string[]): void {
    const prev = this.select.value;
    const others = files.filter((f) => f !== current);
    const first = suggested.find((f) => others.includes(f)) ?? others[0] ?? "";
    clear(this.select, ...others.map((f) => h("option", { value: f }, f)));
    this.select.value = others.includes(prev) ? prev : first;
  }

  async run(): Promise<void> {
    const file = this.select.value;
    if (!file) return;
    clear(this.result, h("p", { class: "muted prose" }, `Comparing with ${file}…`));
    let r: CompareView | { issues: IssueView[] };
    try {
      r = await this.hooks.compare(file);
    } catch (e) {
      clear(
        this.result,
        h("p", { class: "error prose" }, (e as Error).name === "Cancelled" ? "The comparison was cancelled." : `Could not compare: ${(e as Error).message}`),
      );
      return;
    }
    if ("issues" in r) {
      clear(
        this.result,
        h(
          "div",
          { class: "prose" },
          h("p", { class: "error" }, `${file} has problems, so it cannot be compared:`),
          h("ul", {}, ...r.issues.map((i) => h("li", {}, `line ${i.line}, column ${i.column}: ${i.message}`))),
        ),
      );
      return;
    }
    this.last = r;
    this.mdButton.disabled = false;
    this.render(r);
  }

  private side(s: CompareSide, label: string): HTMLElement {
    return h(
      "section",
      { class: "side", "aria-label": `${label}: ${s.file}` },
      h("h3", {}, h("span", { class: "side-tag" }, label), s.name),
      h("p", { class: "muted" }, `${s.file} — ${plural(s.options, "option")}, ${plural(s.states, "state")}`),
      h("p", {}, h("strong", {}, "Today: "), s.today),
    );
  }

  /** Equilibria per concept, A beside B. */
  private counts(r: CompareView): HTMLElement {
    return h(
      "table",
      { class: "count-table" },
      h("caption", {}, "Equilibria under each concept"),
      h(
        "thead",
        {},
        h("tr", {}, h("th", { scope: "col" }, "Concept"), h("th", { scope: "col" }, "A"), h("th", { scope: "col" }, "B"), h("th", { scope: "col" }, "Change")),
      ),
      h(
        "tbody",
        {},
        ...r.a.equilibria.map((ea) => {
          const eb = r.b.equilibria.find((x) => x.concept === ea.concept);
          const d = eb ? eb.count - ea.count : 0;
          return h(
            "tr",
            {},
            h("th", { scope: "row" }, ea.concept),
            h("td", { class: "num", "data-testid": `compare-count-A-${ea.concept}` }, String(ea.count)),
            h("td", { class: "num", "data-testid": `compare-count-B-${ea.concept}` }, eb ? String(eb.count) : "—"),
            h("td", { class: d > 0 ? "num plus" : d < 0 ? "num minus" : "num muted" }, d > 0 ? `+${d}` : d < 0 ? `−${-d}` : "same"),
          );
        }),
      ),
    );
  }

  /** Each version's equilibria in families (collapsed: long). */
  private families(s: CompareSide, label: string): HTMLElement {
    return h(
      "details",
      { class: "side-families" },
      h("summary", {}, `${label}: the equilibria of ${s.file}, in families`),
      h(
        "dl",
        { class: "eq-list" },
        ...s.equilibria.flatMap((e) => [
          h("dt", {}, h("span", { class: "concept" }, e.concept), " ", h("span", { class: "count" }, String(e.count))),
          h(
            "dd",
            {},
            e.families.length
              ? h("ul", { class: "families" }, ...e.families.map((f) => h("li", {}, `${f.words} (${plural(f.count, "state")})`)))
              : h("span", { class: "muted" }, "none"),
          ),
        ]),
      ),
    );
  }

  private changes(list: StabilityChangeView[], kind: "lost" | "gained"): HTMLElement {
    if (!list.length) return h("p", { class: "muted" }, kind === "lost" ? "No equilibrium lost." : "No equilibrium gained.");
    return h(
      "ul",
      { class: "changes" },
      ...list.map((c) =>
        h(
          "li",
          {},
          h("span", { class: kind === "lost" ? "minus" : "plus" }, kind === "lost" ? "− " : "+ "),
          c.words,
          c.why.length
            ? h("ul", {}, ...c.why.map((w) => h("li", { class: "muted" }, `${w.dm}: ${w.after ? "now stable" : "no longer stable"}, since ${w.why}.`)))
            : null,
        ),
      ),
    );
  }

  /** Where play goes from each version's today: the same, or each side's nearest outcome and the moves there. */
  private fromToday(r: CompareView): HTMLElement {
    const a = outlook(r.a.paths);
    const b = outlook(r.b.paths);
    const same = a.key === b.key;
    return h(
      "section",
      { class: "prose from-today", "data-testid": "compare-today" },
      h("h4", {}, "Where play goes from today"),
      same
        ? h("div", {}, h("p", {}, "The same in A and B: ", a.lead), a.steps)
        : h(
            "div",
            { class: "sides" },
            h(
              "div",
              { "data-testid": "compare-today-A" },
              h("h5", {}, `A (today: state ${r.a.paths.from}, ${r.a.paths.fromName})`),
              h("p", {}, capital(a.lead)),
              a.steps,
            ),
            h(
              "div",
              { "data-testid": "compare-today-B" },
              h("h5", {}, `B (today: state ${r.b.paths.from}, ${r.b.paths.fromName})`),
              h("p", {}, capital(b.lead)),
              b.steps,
            ),
          ),
    );
  }

  private render(r: CompareView): void {
    const changed = r.concepts.filter((c) => c.gained.length || c.lost.length);
    const same = r.concepts.filter((c) => !c.gained.length && !c.lost.length).map((c) => c.concept);
    clear(
      this.result,
      h("div", { class: "sides" }, this.side(r.a, "A"), this.side(r.b, "B")),
      h(
        "div",
        { class: "compare-top" },
        this.counts(r),
        h(
          "section",
          { class: "model-changes" },
          h("h3", {}, "What changed in the model"),
          r.changes.length ? h("ul", {}, ...r.changes.map((c) => h("li", {}, c))) : h("p", { class: "muted" }, "Nothing."),
          r.sameOptions
            ? null
            : h("p", { class: "muted" }, `The versions have different options; states are matched on the ${r.sharedOptions.length} they share.`),
        ),
      ),
      h(
        "section",
        { class: "prose" },
        h("h3", {}, "What changed in the results"),
        changed.length === 0 ? h("p", { "data-testid": "compare-nochange" }, "No equilibrium changed under any concept.") : null,
      ),
      this.fromToday(r),
      ...changed.map((c) =>
        h(
          "section",
          { class: "concept-diff", "data-testid": `compare-diff-${c.concept}` },
          h("h4", {}, `${c.concept} equilibria`),
          h(
            "div",
            { class: "sides" },
            h("div", {}, h("h5", {}, "Only in A"), this.changes(c.lost, "lost")),
            h("div", {}, h("h5", {}, "Only in B"), this.changes(c.gained, "gained")),
          ),
        ),
      ),
      changed.length && same.length ? h("p", { class: "muted prose" }, `No change under ${same.join(", ")}.`) : null,
      h("div", { class: "sides" }, this.families(r.a, "A"), this.families(r.b, "B")),
    );
  }

  private saveMd(): void {
    if (!this.last) return;
    download(`${baseName(this.last.a.file)}-vs-${baseName(this.last.b.file)}.md`, this.last.markdown, "text/markdown;charset=utf-8");
  }
}

/**
 * One version's way from today, in words: whether today is an equilibrium,
 * else the nearest equilibrium play reaches by moves that each leave the
 * mover better off, and those moves. `key` compares two versions' ways.
 */
function outlook(p: PathsView): { lead: string; steps: HTMLElement | null; key: string } {
  const stays = p.equilibria.find((e) => e.steps.length === 0);
  if (stays) return { lead: `today's state is an equilibrium under ${stays.concepts.join(", ")}: play stays there.`, steps: null, key: `stay ${stays.words}` };
  const next = p.equilibria.find((e) => e.steps.length > 0);
  if (!next)
    return p.reachable === 0
      ? { lead: "no party gains by a move of its own: play stays at today's state.", steps: null, key: "still" }
      : {
          lead: `moves that each leave the mover better off reach ${plural(p.reachable, "state")}, none of them an equilibrium.`,
          steps: null,
          key: `wander ${p.reachable}`,
        };
  const n = next.steps.length;
  const moves = next.steps.map((st) => `${st.dmName}: ${st.action}`);
  return {
    lead: `the nearest equilibrium is ${next.words} (state ${next.id}, ${next.name}; ${next.concepts.join(", ")}), ${n === 1 ? "one move" : `${n} moves`} away:`,
    steps: h("ol", { class: "steps" }, ...next.steps.map((st, k) => h("li", {}, `${moves[k]} → state ${st.to} (${st.toName})`))),
    key: `${next.words} by ${moves.join("; ")}`,
  };
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
