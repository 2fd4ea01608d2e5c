/**
 * `parley analyze` (`parley-analysis/1`) and `parley states`
 * (`parley-states/1`): JSON (a public interface, documented in docs/cli.md),
 * CSV, and a document (text, Markdown, HTML). JSON, CSV and the table of
 * states are produced in chunks (a row or a few lines at a time), so that a
 * model of millions of states is written as it is rendered and never held
 * whole in memory as text; the human tables show at most `limit` rows and
 * say how many they left out.
 */
import { statePattern, type Model } from "../model/compile.js";
import { displayRanks } from "../preferences/ranks.js";
import type { Analysis, Concept } from "../stability/analyze.js";
import { stateId, stateIds } from "../model/states.js";
import { wrap } from "./text.js";
import { jsonChunks, LazyArray } from "./json-chunks.js";
import { csvLines, type RowTable, type Table } from "./table.js";
import { type Block, type Document, strong, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";
import { arr, concept, equilibriaSets, int, irreversible, map, obj, pattern, root, stableSets, stateIdSchema, str } from "./schema-kit.js";
import { count } from "../format/count.js";

const ANALYSIS_FORMAT = "parley-analysis/1";
const STATES_FORMAT = "parley-states/1";

/** `parley analyze --format json`, as parsed. */
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

interface AnalysisJsonOptions {
  /** Only the states that are an equilibrium under some concept analysed (in `states` and `stable`). */
  equilibriaOnly?: boolean;
}

/** Which states are an equilibrium under at least one of the concepts analysed. */
export function equilibriumUnderSome(a: Analysis): Uint8Array {
  const mark = new Uint8Array(a.model.states.length);
  for (const c of a.concepts) for (const s of a.equilibria[c]!) mark[s] = 1;
  return mark;
}

/** The fields both JSON forms (readable and compact) give after `format`: the scenario, its parties and options, the concepts, the status quo. */
export function analysisHeader(a: Analysis): Pick<AnalysisJson, "scenario" | "decisionMakers" | "options" | "concepts" | "statusQuo"> {
  const sc = a.model.scenario;
  return {
    scenario: { name: sc.name, ...(sc.description !== undefined ? { description: sc.description } : {}) },
    decisionMakers: sc.decisionMakers.map((dm) => ({ id: dm.id, name: dm.name, options: dm.options.map((k) => sc.options[k].id) })),
    options: sc.options.map((o) => ({
      id: o.id,
      label: o.label,
      decisionMaker: sc.decisionMakers[o.dm].id,
      irreversible: o.direction === "fwd" ? ("taking" as const) : o.direction === "back" ? ("withdrawal" as const) : false,
    })),
    concepts: a.concepts,
    statusQuo: stateId(a.model.statusQuo),
  };
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
          for (let s = 0; s < n; s++) if (marks[s] && (!keep || keep[s])) yield stateId(s);
        }),
      ]),
    );
    const eq = a.equilibria[c]!;
    equilibria[c] = new LazyArray(function* () {
      for (const s of eq) yield stateId(s);
    });
  }
  return {
    format: ANALYSIS_FORMAT,
    ...analysisHeader(a),
    ...(keep ? { equilibriaOnly: true as const } : {}),
    states: new LazyArray(function* () {
      for (let s = 0; s < n; s++)
        if (!keep || keep[s])
          yield { id: stateId(s), pattern: statePattern(m, s), ranks: Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, ranks[d][s]])) };
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
function analysisToJson(a: Analysis, opts: AnalysisJsonOptions = {}): AnalysisJson {
  return materialize(analysisJsonDocument(a, opts)) as AnalysisJson;
}

/** `JSON.stringify(analysisToJson(a, opts), null, 2) + "\n"`, in chunks. */
function analysisJsonChunks(a: Analysis, opts: AnalysisJsonOptions = {}): Iterable<string> {
  return jsonChunks(analysisJsonDocument(a, opts));
}

type TableFormat = "table" | "md" | "csv";

/** Rows a human table (`table`, `md`) shows unless told otherwise: more than a person reads. */
export const DEFAULT_TABLE_LIMIT = 1000;

interface StateTableOptions {
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

/** The columns of a table of states: in text the options are numbered (the key above names them), elsewhere named. */
function stateTableHeader(model: Model, concepts: readonly Concept[], format: TableFormat): { header: string[]; right: boolean[] } {
  const sc = model.scenario;
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
  return { header, right };
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
  const { header, right } = stateTableHeader(model, concepts, format);
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
      const row: string[] = [csv ? String(stateId(s)) : `${s === model.statusQuo ? "▸" : ""}${stateId(s)}`];
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

const MORE_ROWS = "--limit N or --all to show more, --format csv for every row as data";
const MORE_EQUILIBRIA = "--all, or --format csv/json for every one";

/** What `parley analyze` computed; `equilibriaOnly` (-e) keeps the states that are an equilibrium under some concept, in every format. */
export interface AnalyzeResult {
  analysis: Analysis;
  equilibriaOnly?: boolean;
}

/** What the flags change in the document: at most `limit` rows and equilibria per concept (all when undefined). */
export interface TableLimit {
  limit?: number;
}

/**
 * A human table of states, its rows produced as they are written (text numbers the option columns), then
 * a note on the rows left out.
 */
function stateTableBlocks(model: Model, analysis: Analysis | undefined, opts: StateTableOptions, level: number, hint: string): Block[] {
  const table = stateTable(model, analysis, "md", opts);
  const textHeader = stateTableHeader(model, analysis?.concepts ?? [], "table").header;
  const blocks: Block[] = [{ kind: "table", table, textHeader, indent: 2 * level, joined: true }];
  const left = table.total - table.shown;
  if (left > 0)
    blocks.push({
      kind: "paragraph",
      level,
      joined: "text",
      text: `… and ${count(left)} more state${left === 1 ? "" : "s"} not shown (${count(table.shown)} of ${count(table.total)}): ${hint}`,
    });
  return blocks;
}

function analysisDocument({ analysis: a, equilibriaOnly }: AnalyzeResult, { limit }: TableLimit): Document {
  const m = a.model;
  const sc = m.scenario;
  const blocks: Block[] = [{ kind: "heading", level: 1, text: user(sc.name) }];
  if (sc.description) blocks.push({ kind: "paragraph", text: user(sc.description.trim()), asText: user(wrap(sc.description)) });
  blocks.push({
    kind: "paragraph",
    text: `${sc.decisionMakers.length} decision makers, ${m.nOptions} options, ${m.states.length} feasible states (of ${2 ** m.nOptions}); status quo: state ${stateId(m.statusQuo)} (${statePattern(m, m.statusQuo)})`,
  });
  blocks.push(...optionKey(m));
  blocks.push({ kind: "heading", level: 2, text: "States and stability", asText: "States and stability:" });
  blocks.push(...stateTableBlocks(m, a, { equilibriaOnly, limit }, 1, equilibriaOnly ? MORE_ROWS : `${MORE_ROWS}, -e for the equilibria only`));
  blocks.push({
    kind: "paragraph",
    text: t`Ranks: 1 = most preferred, ties share a rank. Stability marks per decision maker in order (${user(sc.decisionMakers.map((d) => d.id).join(", "))}): ✓ stable, · not stable. ▸ marks the status quo.`,
  });
  blocks.push({ kind: "heading", level: 2, text: "Equilibria", asText: "Equilibria (stable for every decision maker):" });
  a.concepts.forEach((c, k) => {
    const ids = equilibriumList(a.equilibria[c]!, limit);
    // Text aligns the lists in a column after the concepts.
    blocks.push({ kind: "item", level: 1, indent: 2, marker: "", joined: k === 0, text: t`${strong(c)}: ${ids}`, asText: `${c.padEnd(8)} ${ids}` });
  });
  return { title: `${sc.name}: stability and equilibria`, blocks };
}

/** One concept's equilibria, `1, 4, 9`: at most `limit` ids, then how many more. */
function equilibriumList(eq: readonly number[], limit = Infinity): string {
  if (!eq.length) return "none";
  const shown = Math.min(eq.length, limit);
  const left = eq.length - shown;
  return stateIds(eq.slice(0, shown)).join(", ") + (left > 0 ? ` … and ${count(left)} more (${MORE_EQUILIBRIA})` : "");
}

/** The option key above a table of states: which column is which option, who controls it, whether it is irreversible. */
function optionKey(model: Model): Block[] {
  const sc = model.scenario;
  const rows = sc.options.map((o, k) => [
    String(k + 1),
    o.id,
    o.label,
    sc.decisionMakers[o.dm].name,
    o.direction === "fwd" ? "cannot be withdrawn once taken" : o.direction === "back" ? "cannot be retaken once withdrawn" : "",
  ]);
  const legend: Table = { header: ["#", "option", "meaning", "controlled by", "irreversible"], rows, right: [true] };
  return [
    { kind: "heading", level: 2, text: "Options", asText: "Options (columns in the table below):" },
    { kind: "table", table: legend, indent: 2, joined: true },
  ];
}

/** `parley states`: the option key, as above the table of `parley analyze`, then the states (CSV and JSON name the options themselves). */
function statesDocument(model: Model, { limit }: TableLimit): Document {
  return {
    title: `${model.scenario.name}: feasible states`,
    blocks: [
      ...optionKey(model),
      { kind: "heading", level: 2, text: "States", skipInText: true },
      ...stateTableBlocks(model, undefined, { limit }, 0, MORE_ROWS),
    ],
  };
}

function statesJsonDocument(model: Model) {
  const sc = model.scenario;
  const ranks = sc.decisionMakers.map((_, d) => displayRanks(model.pref[d]));
  return {
    format: STATES_FORMAT,
    statusQuo: stateId(model.statusQuo),
    states: new LazyArray(function* () {
      for (let s = 0; s < model.states.length; s++) {
        const x = model.states[s];
        yield {
          id: stateId(s),
          value: x,
          pattern: statePattern(model, s),
          taken: sc.options.filter((_, k) => x & (1 << k)).map((o) => o.id),
          ranks: Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, ranks[d][s]])),
        };
      }
    }),
  };
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

export const analysisOutput: OutputKind<AnalyzeResult, TableLimit, AnalysisJson> = {
  format: ANALYSIS_FORMAT,
  schema: analysisSchema,
  toJson: ({ analysis, equilibriaOnly }) => analysisToJson(analysis, { equilibriaOnly }),
  jsonChunks: ({ analysis, equilibriaOnly }) => analysisJsonChunks(analysis, { equilibriaOnly }),
  csvChunks: ({ analysis, equilibriaOnly }) => csvLines(stateTable(analysis.model, analysis, "csv", { equilibriaOnly })),
  toDocument: analysisDocument,
};

export const statesOutput: OutputKind<Model, TableLimit> = {
  format: STATES_FORMAT,
  schema: statesSchema,
  toJson: (model) => materialize(statesJsonDocument(model)),
  jsonChunks: (model) => jsonChunks(statesJsonDocument(model)),
  csvChunks: (model) => csvLines(stateTable(model, undefined, "csv")),
  toDocument: statesDocument,
};
