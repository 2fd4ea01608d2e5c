/**
 * The results of `parley analyze` as JSON (a public interface, documented in
 * docs/cli.md), an aligned text table, Markdown or CSV.
 */
import { statePattern, type Model } from "../model/compile.js";
import { displayRanks } from "../preferences/ranks.js";
import type { Analysis, Concept } from "../stability/analyze.js";
import { wrap } from "./describe.js";
import { renderCsv, renderMarkdown, renderText, type Table } from "./table.js";

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
  /** Feasible states, numbered 1.. in ascending value (sum of 2^k over options taken). */
  states: { id: number; pattern: string; ranks: Record<string, number> }[];
  /** concept -> decision maker id -> ids of the states stable for it. */
  stable: Record<string, Record<string, number[]>>;
  /** concept -> ids of the states stable for every decision maker. */
  equilibria: Record<string, number[]>;
}

export function analysisToJson(a: Analysis): AnalysisJson {
  const m = a.model;
  const sc = m.scenario;
  const ranks = sc.decisionMakers.map((_, d) => displayRanks(m.pref[d]));
  const stable: AnalysisJson["stable"] = {};
  const equilibria: AnalysisJson["equilibria"] = {};
  for (const c of a.concepts) {
    stable[c] = Object.fromEntries(
      sc.decisionMakers.map((dm, d) => [dm.id, [...a.stable[c]![d]].flatMap((v, s) => (v ? [s + 1] : []))]),
    );
    equilibria[c] = a.equilibria[c]!.map((s) => s + 1);
  }
  return {
    format: ANALYSIS_FORMAT,
    scenario: { name: sc.name, ...(sc.description !== undefined ? { description: sc.description } : {}) },
    decisionMakers: sc.decisionMakers.map((dm) => ({ id: dm.id, name: dm.name, options: dm.options.map((k) => sc.options[k].id) })),
    options: sc.options.map((o) => ({
      id: o.id,
      label: o.label,
      decisionMaker: sc.decisionMakers[o.dm].id,
      irreversible: o.direction === "fwd" ? "taking" : o.direction === "back" ? "withdrawal" : false,
    })),
    concepts: a.concepts,
    statusQuo: m.statusQuo + 1,
    states: Array.from(m.states, (_, s) => ({
      id: s + 1,
      pattern: statePattern(m, s),
      ranks: Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, ranks[d][s]])),
    })),
    stable,
    equilibria,
  };
}

export type TableFormat = "table" | "md" | "csv";

export interface StateTableOptions {
  /** Only the states that are an equilibrium under some concept analysed. */
  equilibriaOnly?: boolean;
}

/** The feasible states with options, ranks and (when given) stability. */
export function stateTable(model: Model, analysis: Analysis | undefined, format: TableFormat, opts: StateTableOptions = {}): Table {
  const sc = model.scenario;
  const ranks = sc.decisionMakers.map((_, d) => displayRanks(model.pref[d]));
  const concepts = analysis?.concepts ?? [];
  const eqSets = new Map(concepts.map((c) => [c, new Set(analysis!.equilibria[c])]));
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
  const rows: string[][] = [];
  for (let s = 0; s < model.states.length; s++) {
    const eqUnder = concepts.filter((c) => eqSets.get(c)!.has(s));
    if (opts.equilibriaOnly && eqUnder.length === 0) continue;
    const x = model.states[s];
    const row: string[] = [csv ? String(s + 1) : `${s === model.statusQuo ? "▸" : ""}${s + 1}`];
    if (csv) row.push(statePattern(model, s));
    sc.options.forEach((_, k) => row.push(x & (1 << k) ? "Y" : "N"));
    sc.decisionMakers.forEach((_, d) => row.push(String(ranks[d][s])));
    if (csv) {
      for (const c of concepts) for (let d = 0; d < sc.decisionMakers.length; d++) row.push(String(analysis!.stable[c]![d][s]));
      for (const c of concepts) row.push(eqSets.get(c)!.has(s) ? "1" : "0");
    } else {
      for (const c of concepts) row.push(sc.decisionMakers.map((_, d) => (analysis!.stable[c]![d][s] ? "✓" : "·")).join(""));
      if (concepts.length) row.push(eqUnder.length === concepts.length && concepts.length > 1 ? "all" : eqUnder.join(" "));
    }
    rows.push(row);
  }
  return { header, rows, right };
}

/** Full human-readable output of `parley analyze` (text or Markdown). */
export function renderAnalysis(a: Analysis, format: TableFormat, opts: StateTableOptions = {}): string {
  const m = a.model;
  const sc = m.scenario;
  const table = stateTable(m, a, format, opts);
  if (format === "csv") return renderCsv(table);
  const md = format === "md";
  const out: string[] = [];
  const candidates = 2 ** m.nOptions;
  out.push(md ? `# ${sc.name}` : sc.name);
  if (sc.description) out.push("", md ? sc.description.trim() : wrap(sc.description));
  out.push(
    "",
    `${sc.decisionMakers.length} decision makers, ${m.nOptions} options, ${m.states.length} feasible states (of ${candidates}); status quo: state ${m.statusQuo + 1} (${statePattern(m, m.statusQuo)})`,
  );
  // Option legend: which column is which option and who controls it.
  out.push("", md ? "## Options" : "Options (columns in the table below):");
  const optRows = sc.options.map((o, k) => [
    String(k + 1),
    o.id,
    o.label,
    sc.decisionMakers[o.dm].name,
    o.direction === "fwd" ? "cannot be withdrawn once taken" : o.direction === "back" ? "cannot be retaken once withdrawn" : "",
  ]);
  const legend: Table = { header: ["#", "option", "meaning", "controlled by", "irreversible"], rows: optRows, right: [true] };
  out.push(md ? renderMarkdown(legend) : indent(renderText(legend)));
  out.push("", md ? "## States and stability" : "States and stability:");
  out.push(md ? renderMarkdown(table) : indent(renderText(table)));
  out.push(
    "",
    `Ranks: 1 = most preferred, ties share a rank. Stability marks per decision maker in order (${sc.decisionMakers
      .map((d) => d.id)
      .join(", ")}): ✓ stable, · not stable. ▸ marks the status quo.`,
  );
  out.push("", md ? "## Equilibria" : "Equilibria (stable for every decision maker):");
  for (const c of a.concepts) {
    const eq = a.equilibria[c]!;
    const list = eq.length ? eq.map((s) => `${s + 1}`).join(", ") : "none";
    out.push(`${md ? "- **" + c + "**:" : "  " + c.padEnd(8)} ${list}`);
  }
  return out.join("\n") + "\n";
}

function indent(s: string): string {
  return s
    .split("\n")
    .map((l) => "  " + l)
    .join("\n");
}

/** `parley states`: the feasible states with their options and ranks. */
export function renderStates(model: Model, format: TableFormat | "json"): string {
  if (format === "json") {
    const sc = model.scenario;
    const ranks = sc.decisionMakers.map((_, d) => displayRanks(model.pref[d]));
    return (
      JSON.stringify(
        {
          format: STATES_FORMAT,
          statusQuo: model.statusQuo + 1,
          states: Array.from(model.states, (x, s) => ({
            id: s + 1,
            value: x,
            pattern: statePattern(model, s),
            taken: sc.options.filter((_, k) => x & (1 << k)).map((o) => o.id),
            ranks: Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, ranks[d][s]])),
          })),
        },
        null,
        2,
      ) + "\n"
    );
  }
  const t = stateTable(model, undefined, format);
  if (format === "csv") return renderCsv(t);
  return (format === "md" ? renderMarkdown(t) : renderText(t)) + "\n";
}
