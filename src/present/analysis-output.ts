/**
 * The results of `parley analyze` and `parley states` as JSON (a public
 * interface, documented in docs/cli.md), an aligned text table, Markdown or
 * CSV. Each is produced as a sequence of chunks (a row or a few lines at a
 * time), so that a model of millions of states is written as it is rendered
 * and never held whole in memory as text; the human tables show at most
 * `limit` rows and say how many they left out.
 */
import { statePattern, type Model } from "../model/compile.js";
import { displayRanks } from "../preferences/ranks.js";
import type { Analysis, Concept } from "../stability/analyze.js";
import { wrap } from "./text.js";
import { jsonChunks, LazyArray } from "./json-chunks.js";
import { csvLines, markdownLines, renderMarkdown, renderText, textLines, type RowTable, type Table } from "./table.js";
import { arr, concept, equilibriaSets, int, irreversible, map, obj, pattern, root, stableSets, stateIdSchema, str } from "./schema-kit.js";

export const ANALYSIS_FORMAT = "parley-analysis/1";
export const STATES_FORMAT = "parley-states/1";

export interface AnalysisJson {
  format: typeof ANALYSIS_FORMAT;
  scenario: { name: string; description?: string };
  decisionMakers: { id: string; name: string; options: string[] }[];
  options: { id: string; label: string; decisionMaker: string; irreversible: false | "taking" | "withdrawal" }[];
  concepts: Concept[];
  /** State id of the status quo. */
  statusQuo: number;
  /** Present (true) when `states` and `stable` list only the states that are an equilibrium under some concept analysed (`-e`). */
  equilibriaOnly?: true;
  /** Feasible states, numbered 1.. in ascending value (sum of 2^k over options taken). */
  states: { id: number; pattern: string; ranks: Record<string, number> }[];
  /** concept -> decision maker id -> ids of the states stable for it. */
  stable: Record<string, Record<string, number[]>>;
  /** concept -> ids of the states stable for every decision maker. */
  equilibria: Record<string, number[]>;
}

export interface AnalysisJsonOptions {
  /** Only the states that are an equilibrium under some concept analysed (in `states` and `stable`). */
  equilibriaOnly?: boolean;
}

/** Which states are an equilibrium under at least one of the concepts analysed. */
function equilibriumUnderSome(a: Analysis): Uint8Array {
  const mark = new Uint8Array(a.model.states.length);
  for (const c of a.concepts) for (const s of a.equilibria[c]!) mark[s] = 1;
  return mark;
}

/** The JSON document with its long lists lazy: `jsonChunks` writes it as it produces them. */
function analysisJsonDocument(a: Analysis, opts: AnalysisJsonOptions) {
  const m = a.model;
  const sc = m.scenario;
  const ranks = sc.decisionMakers.map((_, d) => displayRanks(m.pref[d]));
  const keep = opts.equilibriaOnly ? equilibriumUnderSome(a) : undefined;
  const n = m.states.length;
  const stable: Record<string, Record<string, LazyArray<number>>> = {};
  const equilibria: Record<string, LazyArray<number>> = {};
  for (const c of a.concepts) {
    stable[c] = Object.fromEntries(
      sc.decisionMakers.map((dm, d) => [
        dm.id,
        new LazyArray(function* () {
          const marks = a.stable[c]![d];
          for (let s = 0; s < n; s++) if (marks[s] && (!keep || keep[s])) yield s + 1;
        }),
      ]),
    );
    const eq = a.equilibria[c]!;
    equilibria[c] = new LazyArray(function* () {
      for (const s of eq) yield s + 1;
    });
  }
  return {
    format: ANALYSIS_FORMAT,
    scenario: { name: sc.name, ...(sc.description !== undefined ? { description: sc.description } : {}) },
    decisionMakers: sc.decisionMakers.map((dm) => ({ id: dm.id, name: dm.name, options: dm.options.map((k) => sc.options[k].id) })),
    options: sc.options.map((o) => ({
      id: o.id,
      label: o.label,
      decisionMaker: sc.decisionMakers[o.dm].id,
      irreversible: o.direction === "fwd" ? ("taking" as const) : o.direction === "back" ? ("withdrawal" as const) : false,
    })),
    concepts: a.concepts,
    statusQuo: m.statusQuo + 1,
    ...(keep ? { equilibriaOnly: true as const } : {}),
    states: new LazyArray(function* () {
      for (let s = 0; s < n; s++)
        if (!keep || keep[s])
          yield { id: s + 1, pattern: statePattern(m, s), ranks: Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, ranks[d][s]])) };
    }),
    stable,
    equilibria,
  };
}

/** Lists instead of LazyArrays, everywhere in a value. */
function materialize(value: unknown): unknown {
  if (value instanceof LazyArray) return Array.from(value.items(), materialize);
  if (Array.isArray(value)) return value.map(materialize);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialize(v)]));
  return value;
}

/** The analysis as one JSON object (for small models and tests; the CLI writes `analysisJsonChunks`). */
export function analysisToJson(a: Analysis, opts: AnalysisJsonOptions = {}): AnalysisJson {
  return materialize(analysisJsonDocument(a, opts)) as AnalysisJson;
}

/** `JSON.stringify(analysisToJson(a, opts), null, 2) + "\n"`, in chunks. */
export function analysisJsonChunks(a: Analysis, opts: AnalysisJsonOptions = {}): Iterable<string> {
  return jsonChunks(analysisJsonDocument(a, opts));
}

export type TableFormat = "table" | "md" | "csv";

/** Rows a human table (`table`, `md`) shows unless told otherwise: more than a person reads. */
export const DEFAULT_TABLE_LIMIT = 1000;

export interface StateTableOptions {
  /** Only the states that are an equilibrium under some concept analysed. */
  equilibriaOnly?: boolean;
  /** At most this many rows (the first ones), and as many equilibria listed per concept; all when undefined. */
  limit?: number;
}

/** A table of states: its rows are produced as they are read; `total` rows match, the first `shown` are listed. */
export interface StateTable extends RowTable {
  total: number;
  shown: number;
}

/** The feasible states with options, ranks and (when given) stability. */
export function stateTable(model: Model, analysis: Analysis | undefined, format: TableFormat, opts: StateTableOptions = {}): StateTable {
  const sc = model.scenario;
  const ranks = sc.decisionMakers.map((_, d) => displayRanks(model.pref[d]));
  const concepts = analysis?.concepts ?? [];
  const n = model.states.length;
  const eqMarks = new Map(
    concepts.map((c) => {
      const mark = new Uint8Array(n);
      for (const s of analysis!.equilibria[c]!) mark[s] = 1;
      return [c, mark] as const;
    }),
  );
  const any = analysis ? equilibriumUnderSome(analysis) : undefined;
  const csv = format === "csv";
  const header: string[] = ["state"];
  const right: boolean[] = [true];
  if (csv) header.push("pattern");
  sc.options.forEach((o, k) => header.push(format === "table" ? String(k + 1) : o.id));
  sc.decisionMakers.forEach((dm) => header.push(csv ? `rank_${dm.id}` : `rank ${dm.id}`));
  for (const _ of sc.options) right.push(false);
  for (const _ of sc.decisionMakers) right.push(true);
  if (csv) {
    for (const c of concepts) for (const dm of sc.decisionMakers) header.push(`${c}_${dm.id}`);
    for (const c of concepts) header.push(`${c}_equilibrium`);
  } else {
    for (const c of concepts) header.push(c);
    if (concepts.length) header.push("equilibrium under");
  }
  const onlyEq = Boolean(opts.equilibriaOnly && any);
  let total = n;
  if (onlyEq) {
    total = 0;
    for (let s = 0; s < n; s++) total += any![s];
  }
  const shown = Math.min(total, opts.limit ?? Infinity);
  function* rows(): Generator<string[]> {
    let listed = 0;
    for (let s = 0; s < n && listed < shown; s++) {
      if (onlyEq && !any![s]) continue;
      listed++;
      const x = model.states[s];
      const row: string[] = [csv ? String(s + 1) : `${s === model.statusQuo ? "▸" : ""}${s + 1}`];
      if (csv) row.push(statePattern(model, s));
      sc.options.forEach((_, k) => row.push(x & (1 << k) ? "Y" : "N"));
      sc.decisionMakers.forEach((_, d) => row.push(String(ranks[d][s])));
      if (csv) {
        for (const c of concepts) for (let d = 0; d < sc.decisionMakers.length; d++) row.push(String(analysis!.stable[c]![d][s]));
        for (const c of concepts) row.push(eqMarks.get(c)![s] ? "1" : "0");
      } else {
        const eqUnder = concepts.filter((c) => eqMarks.get(c)![s]);
        for (const c of concepts) row.push(sc.decisionMakers.map((_, d) => (analysis!.stable[c]![d][s] ? "✓" : "·")).join(""));
        if (concepts.length) row.push(eqUnder.length === concepts.length && concepts.length > 1 ? "all" : eqUnder.join(" "));
      }
      yield row;
    }
  }
  return { header, rows: { [Symbol.iterator]: rows }, right, total, shown };
}

/** The lines of a human table of states, indented for text, with a note on the rows left out. */
function* stateTableLines(t: StateTable, md: boolean, indentBy: string, hint: string): Generator<string> {
  for (const line of md ? markdownLines(t) : textLines(t)) yield indentBy + line;
  const left = t.total - t.shown;
  if (left > 0)
    yield `${md ? "\n" : ""}${indentBy}… and ${left.toLocaleString("en-US")} more state${left === 1 ? "" : "s"} not shown (${t.shown.toLocaleString("en-US")} of ${t.total.toLocaleString("en-US")}): ${hint}\n`;
}

const MORE_ROWS = "--limit N or --all to show more, --format csv for every row as data";

/** Full output of `parley analyze` as text, Markdown or CSV, in chunks. */
export function* renderAnalysis(a: Analysis, format: TableFormat, opts: StateTableOptions = {}): Generator<string> {
  const m = a.model;
  const sc = m.scenario;
  if (format === "csv") return yield* csvLines(stateTable(m, a, format, { equilibriaOnly: opts.equilibriaOnly }));
  const table = stateTable(m, a, format, opts);
  const md = format === "md";
  const out: string[] = [];
  const candidates = 2 ** m.nOptions;
  out.push(md ? `# ${sc.name}` : sc.name);
  if (sc.description) out.push("", md ? sc.description.trim() : wrap(sc.description));
  out.push(
    "",
    `${sc.decisionMakers.length} decision makers, ${m.nOptions} options, ${m.states.length} feasible states (of ${candidates}); status quo: state ${m.statusQuo + 1} (${statePattern(m, m.statusQuo)})`,
  );
  out.push("", optionKey(m, md));
  out.push("", md ? "## States and stability" : "States and stability:");
  yield out.join("\n") + "\n";
  yield* stateTableLines(table, md, md ? "" : "  ", opts.equilibriaOnly ? MORE_ROWS : `${MORE_ROWS}, -e for the equilibria only`);
  const tail: string[] = [];
  tail.push(
    "",
    `Ranks: 1 = most preferred, ties share a rank. Stability marks per decision maker in order (${sc.decisionMakers
      .map((d) => d.id)
      .join(", ")}): ✓ stable, · not stable. ▸ marks the status quo.`,
  );
  tail.push("", md ? "## Equilibria" : "Equilibria (stable for every decision maker):");
  yield tail.join("\n") + "\n";
  for (const c of a.concepts) yield* equilibriumList(c, a.equilibria[c]!, md, opts.limit);
}

/** One concept's equilibria, `  SEQ      1, 4, 9`, in chunks of a thousand ids; at most `limit` ids, then how many more. */
function* equilibriumList(c: Concept, eq: readonly number[], md: boolean, limit = Infinity): Generator<string> {
  yield `${md ? "- **" + c + "**:" : "  " + c.padEnd(8)} `;
  if (!eq.length) yield "none";
  const shown = Math.min(eq.length, limit);
  for (let k = 0; k < shown; k += 1000)
    yield (k ? ", " : "") +
      eq
        .slice(k, Math.min(k + 1000, shown))
        .map((s) => `${s + 1}`)
        .join(", ");
  const left = eq.length - shown;
  if (left > 0) yield `${shown ? " " : ""}… and ${left.toLocaleString("en-US")} more (${MORE_EQUILIBRIA})`;
  yield "\n";
}

const MORE_EQUILIBRIA = "--all, or --format csv/json for every one";

/** The option key above a table of states: which column is which option, who controls it, whether it is irreversible. */
function optionKey(model: Model, md: boolean): string {
  const sc = model.scenario;
  const rows = sc.options.map((o, k) => [
    String(k + 1),
    o.id,
    o.label,
    sc.decisionMakers[o.dm].name,
    o.direction === "fwd" ? "cannot be withdrawn once taken" : o.direction === "back" ? "cannot be retaken once withdrawn" : "",
  ]);
  const legend: Table = { header: ["#", "option", "meaning", "controlled by", "irreversible"], rows, right: [true] };
  return `${md ? "## Options" : "Options (columns in the table below):"}\n${md ? renderMarkdown(legend) : indent(renderText(legend))}`;
}

function indent(s: string): string {
  return s
    .split("\n")
    .map((l) => "  " + l)
    .join("\n");
}

/** `parley states`: the feasible states with their options and ranks, in chunks (table and md after the option key). */
export function* renderStates(model: Model, format: TableFormat | "json", opts: { limit?: number } = {}): Generator<string> {
  if (format === "json") {
    const sc = model.scenario;
    const ranks = sc.decisionMakers.map((_, d) => displayRanks(model.pref[d]));
    return yield* jsonChunks({
      format: STATES_FORMAT,
      statusQuo: model.statusQuo + 1,
      states: new LazyArray(function* () {
        for (let s = 0; s < model.states.length; s++) {
          const x = model.states[s];
          yield {
            id: s + 1,
            value: x,
            pattern: statePattern(model, s),
            taken: sc.options.filter((_, k) => x & (1 << k)).map((o) => o.id),
            ranks: Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, ranks[d][s]])),
          };
        }
      }),
    });
  }
  if (format === "csv") return yield* csvLines(stateTable(model, undefined, format));
  const md = format === "md";
  // The option key, as above the table of `parley analyze` (CSV and JSON name the options themselves).
  yield `${optionKey(model, md)}\n\n${md ? "## States\n" : ""}`;
  yield* stateTableLines(stateTable(model, undefined, format, opts), md, "", MORE_ROWS);
}

export const analysisSchema = root(
  "parley-analysis/1",
  "parley analyze --format json",
  {
    scenario: obj({ name: str, description: str }, ["description"]),
    decisionMakers: arr(obj({ id: str, name: str, options: arr(str) })),
    options: arr(obj({ id: str, label: str, decisionMaker: str, irreversible })),
    concepts: arr(concept),
    statusQuo: stateIdSchema,
    equilibriaOnly: {
      const: true,
      description: "Present (true) with -e: states and stable list only the states that are an equilibrium under some concept analysed.",
    },
    states: arr(obj({ id: stateIdSchema, pattern, ranks: map(int) })),
    stable: stableSets,
    equilibria: equilibriaSets,
  },
  ["equilibriaOnly"],
);

export const statesSchema = root("parley-states/1", "parley states --format json", {
  statusQuo: stateIdSchema,
  states: arr(obj({ id: stateIdSchema, value: { type: "integer", minimum: 0 }, pattern, taken: arr(str), ranks: map(int) })),
});
