/** `parley compare` in words, Markdown or JSON. */
import type { Comparison, Survival } from "../analysis/compare.js";
import type { Model } from "../model/compile.js";
import type { Concept } from "../stability/analyze.js";
import { stateFamilies } from "../analysis/families.js";
import { describeFamily, describeState } from "../model/describe.js";
import { renderMarkdown, renderText, type Table } from "./table.js";
import { arr, bool, byConcept, concept, nullable, obj, pattern, root, stateIdSchema, str } from "./schema-kit.js";

export function renderComparison(a: Model, b: Model, fileA: string, fileB: string, cmp: Comparison, md: boolean): string {
  const out: string[] = [];
  const h = (s: string) => (md ? `## ${s}` : s);
  out.push(md ? `# ${fileA} → ${fileB}` : `Comparing ${fileA} (${a.scenario.name}) with ${fileB} (${b.scenario.name})`, "");
  out.push(h("What changed in the model"));
  if (cmp.changes.length === 0) out.push(md ? "Nothing." : "  nothing");
  for (const c of cmp.changes) out.push(`${md ? "-" : "  •"} ${c}`);
  if (!cmp.sameOptions)
    out.push("", `The versions have different options; states are matched on the ${cmp.sharedOptions.length} they share: ${cmp.sharedOptions.join(", ")}.`);
  out.push("", h("What changed in the results"));
  let any = false;
  for (const c of cmp.concepts) {
    if (!c.gained.length && !c.lost.length) continue;
    any = true;
    out.push("", md ? `### ${c.concept}` : `${c.concept}:`);
    for (const [list, model, side, label] of [
      [c.gained, b, "stateB", "+ now an equilibrium"],
      [c.lost, a, "stateA", "− no longer an equilibrium"],
    ] as const) {
      // Group the states into families, explained by one member each.
      const withState = list.filter((x) => x[side] !== undefined);
      const byState = new Map(withState.map((x) => [x[side]!, x]));
      for (const f of stateFamilies(model, [...byState.keys()])) {
        const example = byState.get(f.states[0])!;
        const size = f.states.length > 1 ? ` (${f.states.length} states)` : ` (state ${f.states[0] + 1})`;
        out.push(`${md ? "- " : "  "}${label}: ${describeFamily(model, f.states, f.care)}${size}`);
        for (const d of example.dms) out.push(`${md ? "  - " : "      "}${d.dm}: ${d.after ? "now stable" : "no longer stable"}, since ${shorten(d.why)}.`);
      }
      for (const x of list.filter((y) => y[side] === undefined)) out.push(`${md ? "- " : "  "}${label}: ${x.key} (only in the other version)`);
    }
  }
  const same = cmp.concepts.filter((c) => !c.gained.length && !c.lost.length).map((c) => c.concept);
  if (!any) out.push(md ? "No equilibrium changed under any concept." : "  No equilibrium changed under any concept.");
  else if (same.length) out.push("", `No change under ${same.join(", ")}.`);
  return out.join("\n") + "\n";
}

export function renderSurvival(
  models: Model[],
  files: string[],
  shared: string[],
  rows: Survival[],
  concepts: readonly Concept[],
  md: boolean,
  limit: number,
): string {
  const out: string[] = [];
  out.push(
    md ? `# Equilibria across ${models.length} versions` : `Equilibria across ${models.length} versions: ${files.join(", ")}`,
    "",
    `States are matched on the ${shared.length} options all versions share; a cell counts the versions in which the state is an equilibrium.`,
    "",
  );
  const first = models[0];
  const keyIndex = new Map<string, number>();
  const bits = shared.map((id) => first.scenario.options.findIndex((o) => o.id === id));
  first.states.forEach((x, s) => keyIndex.set(bits.map((k) => (x & (1 << k) ? "Y" : "N")).join(""), s));
  const table: Table = {
    header: ["state (shared options)", ...concepts.map((c) => c), "in words (first version)"],
    rows: rows.slice(0, limit).map((r) => {
      const s = shared.length === first.nOptions ? keyIndex.get(r.key) : undefined;
      return [r.key, ...concepts.map((c) => `${r.counts[c] ?? 0}/${models.length}`), s !== undefined ? describeState(first, s) : ""];
    }),
    right: [false, ...concepts.map(() => true), false],
  };
  out.push(md ? renderMarkdown(table) : renderText(table));
  if (rows.length > limit) out.push("", `…and ${rows.length - limit} more (use --limit).`);
  return out.join("\n") + "\n";
}

/** At most two reasons, then a count. */
function shorten(why: string): string {
  const parts = why.split("; ");
  return parts.length <= 2 ? why : `${parts.slice(0, 2).join("; ")}; and ${parts.length - 2} more`;
}

const stabilityChange = obj({
  key: pattern,
  stateA: nullable(stateIdSchema),
  stateB: nullable(stateIdSchema),
  dms: arr(obj({ dm: str, before: bool, after: bool, why: str })),
});
export const comparisonSchema = root("parley-comparison/1", "parley compare A B --format json (two versions)", {
  files: arr(str, { minItems: 2, maxItems: 2 }),
  changes: arr(str),
  sharedOptions: arr(str),
  sameOptions: bool,
  concepts: arr(obj({ concept, gained: arr(stabilityChange), lost: arr(stabilityChange) })),
});

export const survivalSchema = root("parley-survival/1", "parley compare A B C … --format json (three or more versions, or --survival)", {
  files: arr(str, { minItems: 2 }),
  sharedOptions: arr(str),
  concepts: arr(concept),
  rows: arr(obj({ key: pattern, counts: byConcept({ type: "integer", minimum: 1 }) })),
});
