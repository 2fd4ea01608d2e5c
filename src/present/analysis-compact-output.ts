/**
 * `parley analyze --format json --compact` (`parley-analysis-compact/1`): the
 * analysis of `parley-analysis/1` (analysis-output.ts) in a form whose size
 * follows what the sets hold rather than the number of states, for models of
 * hundreds of thousands of states and more. A public interface, documented
 * in docs/cli.md; `readCompactAnalysis` (analysis-compact-read.ts) decodes it.
 *
 * - `states`: the feasible states as the set of their values (a state's value
 *   is Σ 2^k over the options k it takes, k counted from 0 in `options`
 *   order); state id i is the i-th smallest value. Its pattern is then
 *   option k's Y/N, k = 0, 1, …: nothing per state is written.
 * - `ranks`: per decision maker, the rank of every listed state in id order,
 *   as little-endian integers in base64.
 * - `stable` and `equilibria`: sets of state ids, as ranges or bitsets.
 *
 * The sets and lists are written one at a time as they are made
 * (`Deferred`), so the output never holds more than one of them.
 */
import { displayRanks } from "../preferences/ranks.js";
import { type CompactInts, type CompactSet, encodeInts, encodeSet } from "./compact-sets.js";
import { Deferred, jsonLines } from "./json-chunks.js";
import {
  analysisHeader,
  analysisOutput,
  analysisSchema,
  type AnalysisJson,
  type AnalyzeResult,
  equilibriumUnderSome,
  type TableLimit,
} from "./analysis-output.js";
import type { OutputKind } from "./kind.js";
import { arr, byConcept, map, obj, root, type Schema } from "./schema-kit.js";

const COMPACT_FORMAT = "parley-analysis-compact/1";

/** `parley analyze --format json --compact`, as parsed. */
export interface AnalysisCompactJson extends Pick<AnalysisJson, "scenario" | "decisionMakers" | "options" | "concepts" | "statusQuo"> {
  format: typeof COMPACT_FORMAT;
  /** Present (true) with -e: `ranks` and `stable` are of the `listed` states only. */
  equilibriaOnly?: true;
  /** The values of the feasible states (numbers from 0); id i is the i-th smallest. */
  states: CompactSet;
  /** With -e: the ids of the states listed (an equilibrium under some concept analysed). Without, every state is listed. */
  listed?: CompactSet;
  /** Decision maker id -> the rank of each listed state, in id order (1 = most preferred). */
  ranks: Record<string, CompactInts>;
  /** concept -> decision maker id -> the ids of the listed states stable for it (numbers from 1). */
  stable: Record<string, Record<string, CompactSet>>;
  /** concept -> the ids of the states stable for every decision maker (numbers from 1). */
  equilibria: Record<string, CompactSet>;
}

/** The document with its sets deferred: `jsonLines` makes each when it writes it. */
function compactDocument({ analysis: a, equilibriaOnly }: AnalyzeResult) {
  const m = a.model;
  const sc = m.scenario;
  const n = m.states.length;
  const keep = equilibriaOnly ? equilibriumUnderSome(a) : undefined;
  /** The ranks of the listed states, in id order. */
  const listedRanks = (ranks: Int32Array): ArrayLike<number> => {
    if (!keep) return ranks;
    const out: number[] = [];
    for (let s = 0; s < n; s++) if (keep[s]) out.push(ranks[s]);
    return out;
  };
  const stable: Record<string, Record<string, Deferred<CompactSet>>> = {};
  const equilibria: Record<string, Deferred<CompactSet>> = {};
  for (const c of a.concepts) {
    stable[c] = Object.fromEntries(
      sc.decisionMakers.map((dm, d) => {
        const marks = a.stable[c]![d];
        return [dm.id, new Deferred(() => encodeSet(n, 1, keep ? (s) => marks[s] === 1 && keep[s] === 1 : (s) => marks[s] === 1))];
      }),
    );
    equilibria[c] = new Deferred(() => {
      const mark = new Uint8Array(n);
      for (const s of a.equilibria[c]!) mark[s] = 1;
      return encodeSet(n, 1, (s) => mark[s] === 1);
    });
  }
  return {
    format: COMPACT_FORMAT,
    ...analysisHeader(a),
    ...(keep ? { equilibriaOnly: true as const } : {}),
    states: new Deferred(() => encodeSet(2 ** m.nOptions, 0, (v) => m.indexOf[v] >= 0)),
    ...(keep ? { listed: new Deferred(() => encodeSet(n, 1, (s) => keep[s] === 1)) } : {}),
    ranks: Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, new Deferred(() => encodeInts(listedRanks(displayRanks(m.pref[d]))))])),
    stable,
    equilibria,
  };
}

/** Deferred values made, everywhere in a value. */
function made(value: unknown): unknown {
  if (value instanceof Deferred) return value.value();
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, made(v)]));
  return value;
}

const count: Schema = { type: "integer", minimum: 0, description: "How many numbers the set holds." };
const base64: Schema = { type: "string", contentEncoding: "base64", pattern: "^[A-Za-z0-9+/]*={0,2}$" };
const pair: Schema = {
  type: "array",
  prefixItems: [
    { type: "integer", minimum: 0 },
    { type: "integer", minimum: 0 },
  ],
  items: false,
  minItems: 2,
};
/** A set of whole numbers (compact-sets.ts): inclusive ranges, or a bitset in base64. */
const compactSet: Schema = {
  oneOf: [
    obj({ count, ranges: arr(pair, { description: "Inclusive [from, to] pairs, ascending and disjoint." }) }),
    obj({ count, bits: { ...base64, description: "A bitset: number first + k is in the set when bit k mod 8 (1 = lowest) of byte floor(k / 8) is set." } }),
  ],
};
const compactInts: Schema = obj({
  bytes: { enum: [1, 2, 4], description: "Bytes per number, little-endian." },
  base64: { ...base64, description: "The numbers one after the other." },
});
const header = analysisSchema.properties as Record<string, Schema>;

export const analysisCompactSchema = root(
  COMPACT_FORMAT,
  "parley analyze --format json --compact",
  {
    scenario: header.scenario,
    decisionMakers: header.decisionMakers,
    options: header.options,
    concepts: header.concepts,
    statusQuo: header.statusQuo,
    equilibriaOnly: { const: true, description: "Present (true) with -e: ranks and stable are of the listed states only." },
    states: {
      ...compactSet,
      description: "The values of the feasible states (Σ 2^k over the options k taken), numbers from 0; state id i is the i-th smallest.",
    },
    listed: { ...compactSet, description: "With -e: the ids of the states listed (an equilibrium under some concept analysed), numbers from 1." },
    ranks: { ...map(compactInts), description: "Decision maker id -> the rank (1 = most preferred) of each listed state, in id order." },
    stable: { ...byConcept(map(compactSet)), description: "Concept -> decision maker id -> the ids of the listed states stable for it (numbers from 1)." },
    equilibria: { ...byConcept(compactSet), description: "Concept -> the ids of the states stable for every decision maker (numbers from 1)." },
  },
  ["equilibriaOnly", "listed"],
);

export const analysisCompactOutput: OutputKind<AnalyzeResult, TableLimit, AnalysisCompactJson> = {
  format: COMPACT_FORMAT,
  schema: analysisCompactSchema,
  toJson: (result) => made(compactDocument(result)) as AnalysisCompactJson,
  jsonText: (json) => [...jsonLines(json)].join(""),
  jsonChunks: (result) => jsonLines(compactDocument(result)),
  csvChunks: analysisOutput.csvChunks,
  toDocument: analysisOutput.toDocument,
};
