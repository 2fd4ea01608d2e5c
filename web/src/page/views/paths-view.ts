/**
 * Where play can go from today: the equilibria reachable by moves that each
 * leave the mover better off (no party moving twice in a row), nearest first,
 * each with its path and why every step pays for its mover; then the
 * equilibria that cannot be reached, in families.
 */
import { dmTextColor } from "../widgets/colors.js";
import { clear, h, plural } from "../widgets/dom.js";
import { stateRef } from "../widgets/state-ref.js";
import { stateIndex } from "../../../../src/index.js";
import type { ModelView } from "../../protocol/engine.js";
import { stateRow } from "./states.js";

export class PathsPanel {
  constructor(
    private readonly root: HTMLElement,
    private readonly hooks: { select(id: number): void },
  ) {}

  setModel(m: ModelView): void {
    const p = m.paths;
    const today = stateRow(m, stateIndex(p.from));
    const nash = m.concepts.includes("Nash") ? "Nash" : m.concepts[0];
    const todayStable = today.eq.length
      ? `an equilibrium under ${today.eq.join(", ")}`
      : `not an equilibrium: ${
          m.dms
            .filter((_, d) => !((today.stable[nash] ?? 0) & (1 << d)))
            .map((d) => d.name)
            .join(", ") || "someone"
        } could gain by moving`;
    const list = h("ol", { class: "paths" });
    for (const e of p.equilibria) {
      const steps =
        e.steps.length === 0
          ? h("p", { class: "muted" }, "This is today's state.")
          : h(
              "ol",
              { class: "steps" },
              ...e.steps.map((s) =>
                h(
                  "li",
                  {},
                  h("strong", { class: "mover", style: `color:${dmTextColor(s.dm)}` }, s.dmName),
                  `: ${s.action} → `,
                  stateRef(this.hooks.select, s.to, s.toName),
                  h("span", { class: "muted" }, ` (${s.dmName} ranks it ${s.rankTo}, up from ${s.rankFrom})`),
                ),
              ),
            );
      list.append(
        h(
          "li",
          { class: "path" },
          h(
            "div",
            { class: "path-head" },
            stateRef(this.hooks.select, e.id, e.name, `State ${e.id}`),
            h("span", { class: "chips" }, ...e.concepts.map((c) => h("span", { class: "chip" }, c))),
            h("span", { class: "muted" }, e.steps.length ? ` — ${plural(e.steps.length, "move")} away` : " — today"),
          ),
          h("p", { class: "words" }, e.words),
          steps,
        ),
      );
    }
    const unreachable = p.unreachable.count
      ? h(
          "section",
          {},
          h("h3", {}, `Equilibria that cannot be reached from today (${p.unreachable.count.toLocaleString("en")})`),
          h("p", { class: "muted" }, "They hold once reached, but no sequence of moves that each leave the mover better off leads to them from today."),
          h(
            "ul",
            { class: "families" },
            ...p.unreachable.families.map((f) =>
              h(
                "li",
                {},
                f.words,
                " ",
                h("span", { class: "muted" }, `(${plural(f.count, "state")}, e.g. `),
                stateRef(this.hooks.select, f.example, f.exampleName),
                h("span", { class: "muted" }, `; ${f.concepts.join(", ")})`),
              ),
            ),
          ),
        )
      : null;
    clear(
      this.root,
      h(
        "div",
        { class: "prose" },
        h("h3", {}, "From today"),
        h("p", {}, stateRef(this.hooks.select, p.from, p.fromName, `State ${p.from}`), `: ${p.fromWords}. It is ${todayStable}.`),
        h(
          "p",
          { class: "muted" },
          `${plural(p.reachable, "state")} can be reached from today by moves that each leave the mover better off, no party moving twice in a row (status quo analysis).`,
        ),
        p.equilibria.length
          ? h("h3", {}, `Equilibria within reach (${p.equilibria.length}), nearest first`)
          : h("p", {}, "No equilibrium can be reached from today by such moves."),
        list,
        unreachable,
      ),
    );
  }
}
