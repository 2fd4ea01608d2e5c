/** `parley compare`: two versions in detail (`parley-comparison/1`), or several in a survival table (`parley-survival/1`). */
import type { Comparison, StabilityChange, Survival } from "../analysis/compare.js";
import type { Model } from "../model/compile.js";
import type { Concept } from "../stability/analyze.js";
import { stateFamilies } from "../analysis/families.js";
import { describeFamily, describeState } from "../model/describe.js";
import { stateId } from "../model/states.js";
import { type Block, type Document, type Inline, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";
import type { Table } from "./table.js";
import { arr, bool, byConcept, concept, nullable, obj, pattern, root, stateIdSchema, str } from "./schema-kit.js";

/** Two versions compared in detail. */
const COMPARISON_FORMAT = "parley-comparison/1";
/** Several versions: in how many each equilibrium holds. */
const SURVIVAL_FORMAT = "parley-survival/1";

/** What `parley compare A B` computed. */
export interface ComparisonResult {
  a: Model;
  b: Model;
  fileA: string;
  fileB: string;
  cmp: Comparison;
}

/** What `parley compare A B C …` (or --survival) computed. */
export interface SurvivalResult {
  models: Model[];
  files: string[];
  sharedOptions: string[];
  rows: Survival[];
  concepts: readonly Concept[];
}

/** State indices become 1-based ids, as everywhere in Parley's JSON. */
function comparisonJson({ cmp, fileA, fileB }: ComparisonResult) {
  const change = ({ stateA, stateB, ...rest }: StabilityChange) => ({
    ...rest,
    stateA: stateA === undefined ? null : stateId(stateA),
    stateB: stateB === undefined ? null : stateId(stateB),
  });
  return {
    format: COMPARISON_FORMAT,
    files: [fileA, fileB],
    ...cmp,
    concepts: cmp.concepts.map((c) => ({ ...c, gained: c.gained.map(change), lost: c.lost.map(change) })),
  };
}

function comparisonDocument({ a, b, fileA, fileB, cmp }: ComparisonResult): Document {
  const blocks: Block[] = [];
  blocks.push({
    kind: "heading",
    level: 1,
    text: t`${user(fileA)} → ${user(fileB)}`,
    asText: t`Comparing ${user(fileA)} (${user(a.scenario.name)}) with ${user(fileB)} (${user(b.scenario.name)})`,
  });
  blocks.push({ kind: "heading", level: 2, text: "What changed in the model" });
  if (cmp.changes.length === 0) blocks.push({ kind: "paragraph", level: 1, joined: true, text: "Nothing.", asText: "nothing" });
  for (const c of cmp.changes) blocks.push({ kind: "item", level: 1, indent: 2, joined: true, text: user(c) });
  if (!cmp.sameOptions)
    blocks.push({
      kind: "paragraph",
      text: `The versions have different options; states are matched on the ${cmp.sharedOptions.length} they share: ${cmp.sharedOptions.join(", ")}.`,
    });
  blocks.push({ kind: "heading", level: 2, text: "What changed in the results" });
  let any = false;
  for (const c of cmp.concepts) {
    if (!c.gained.length && !c.lost.length) continue;
    any = true;
    blocks.push({ kind: "heading", level: 3, text: c.concept, asText: `${c.concept}:` });
    // In text the changes are indented lines under the concept; in Markdown and HTML a list.
    const line = (level: number, text: Inline): Block => ({
      kind: "item",
      level,
      indent: level === 1 ? 2 : 6,
      marker: "",
      joined: true,
      text,
    });
    for (const [list, model, side, label] of [
      [c.gained, b, "stateB", "+ now an equilibrium"],
      [c.lost, a, "stateA", "− no longer an equilibrium"],
    ] as const) {
      // Group the states into families, explained by one member each.
      const withState = list.filter((x) => x[side] !== undefined);
      const byState = new Map(withState.map((x) => [x[side]!, x]));
      for (const f of stateFamilies(model, [...byState.keys()])) {
        const example = byState.get(f.states[0])!;
        const size = f.states.length > 1 ? ` (${f.states.length} states)` : ` (state ${stateId(f.states[0])})`;
        blocks.push(line(1, t`${label}: ${user(describeFamily(model, f.states, f.care))}${size}`));
        for (const d of example.dms) blocks.push(line(2, t`${user(d.dm)}: ${d.after ? "now stable" : "no longer stable"}, since ${user(shorten(d.why))}.`));
      }
      for (const x of list.filter((y) => y[side] === undefined)) blocks.push(line(1, `${label}: ${x.key} (only in the other version)`));
    }
  }
  const same = cmp.concepts.filter((c) => !c.gained.length && !c.lost.length).map((c) => c.concept);
  if (!any) blocks.push({ kind: "paragraph", level: 1, joined: true, text: "No equilibrium changed under any concept." });
  else if (same.length) blocks.push({ kind: "paragraph", text: `No change under ${same.join(", ")}.` });
  return { title: `${fileA} → ${fileB}`, blocks };
}

function survivalJson({ files, sharedOptions, concepts, rows }: SurvivalResult) {
  return { format: SURVIVAL_FORMAT, files, sharedOptions, concepts, rows };
}

function survivalDocument({ models, files, sharedOptions: shared, rows, concepts }: SurvivalResult, { limit }: { limit: number }): Document {
  const n = models.length;
  const first = models[0];
  const keyIndex = new Map<string, number>();
  const bits = shared.map((id) => first.scenario.options.findIndex((o) => o.id === id));
  first.states.forEach((x, s) => keyIndex.set(bits.map((k) => (x & (1 << k) ? "Y" : "N")).join(""), s));
  const table: Table = {
    header: ["state (shared options)", ...concepts, "in words (first version)"],
    rows: rows.slice(0, limit).map((r) => {
      const s = shared.length === first.nOptions ? keyIndex.get(r.key) : undefined;
      return [r.key, ...concepts.map((c) => `${r.counts[c] ?? 0}/${n}`), s !== undefined ? describeState(first, s) : ""];
    }),
    right: [false, ...concepts.map(() => true), false],
  };
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: `Equilibria across ${n} versions`, asText: t`Equilibria across ${n} versions: ${user(files.join(", "))}` },
    {
      kind: "paragraph",
      text: `States are matched on the ${shared.length} options all versions share; a cell counts the versions in which the state is an equilibrium.`,
    },
    { kind: "table", table },
  ];
  if (rows.length > limit) blocks.push({ kind: "paragraph", text: `…and ${rows.length - limit} more (use --limit).` });
  return { title: `Equilibria across ${n} versions`, blocks };
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

export const comparisonOutput: OutputKind<ComparisonResult> = {
  format: COMPARISON_FORMAT,
  schema: comparisonSchema,
  toJson: comparisonJson,
  toDocument: comparisonDocument,
};

export const survivalOutput: OutputKind<SurvivalResult, { limit: number }> = {
  format: SURVIVAL_FORMAT,
  schema: survivalSchema,
  toJson: survivalJson,
  toDocument: survivalDocument,
};
