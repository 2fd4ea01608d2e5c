/**
 * Reading `parley-analysis-compact/1` (analysis-compact-output.ts, docs/cli.md):
 * a state's value, pattern and ranks decoded when asked for, a stable set or
 * the equilibria as ids, and the whole result as the readable
 * `parley-analysis/1` (`toReadable`, for models small enough to list).
 */
import { maskToPattern } from "../format/cubes.js";
import type { AnalysisJson } from "./analysis-output.js";
import type { AnalysisCompactJson } from "./analysis-compact-output.js";
import { decodeInts, decodeSet } from "./compact-sets.js";

export interface CompactAnalysisReader {
  /** The number of feasible states: ids run from 1 to it. */
  stateCount: number;
  /** State id -> its value, Σ 2^k over the options k it takes (k counted from 0 in `options` order). */
  value(id: number): number;
  /** A value -> its state id, or undefined when that combination of options is infeasible. */
  idOf(value: number): number | undefined;
  /** State id -> Y/N per option, in `options` order. */
  pattern(id: number): string;
  /** The ids of the states listed (every state, or with -e those that are an equilibrium under some concept), ascending. */
  listed(): number[];
  /** The rank (1 = most preferred) a decision maker (by id) gives a listed state; undefined for a state not listed. */
  rank(dm: string, id: number): number | undefined;
  /** The ids of the listed states stable for a decision maker under a concept, ascending. */
  stable(concept: string, dm: string): number[];
  /** The ids of the equilibria under a concept, ascending. */
  equilibria(concept: string): number[];
  /** The same result as `parley analyze --format json` prints it. */
  toReadable(): AnalysisJson;
}

/** A reader of a compact analysis; throws when its sets do not decode (a wrong count, a bad base64 text). */
export function readCompactAnalysis(json: AnalysisCompactJson): CompactAnalysisReader {
  if (json.format !== "parley-analysis-compact/1") throw new Error(`not a parley-analysis-compact/1 result: ${String(json.format)}`);
  const values = Int32Array.from(decodeSet(json.states, 0));
  const nOptions = json.options.length;
  const listed = json.listed ? decodeSet(json.listed, 1) : undefined;
  // Listed state id -> its position in the ranks lists.
  const position = (id: number): number | undefined => {
    if (!listed) return id >= 1 && id <= values.length ? id - 1 : undefined;
    let lo = 0;
    let hi = listed.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (listed[mid] === id) return mid;
      if (listed[mid] < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  const ranks = new Map<string, number[]>();
  const ranksOf = (dm: string) => {
    let r = ranks.get(dm);
    if (!r) {
      const list = json.ranks[dm];
      if (!list) throw new Error(`no decision maker '${dm}'`);
      r = decodeInts(list);
      ranks.set(dm, r);
    }
    return r;
  };
  const value = (id: number) => {
    if (!(Number.isInteger(id) && id >= 1 && id <= values.length)) throw new Error(`no state ${id}: the ids run from 1 to ${values.length}`);
    return values[id - 1];
  };
  const reader: CompactAnalysisReader = {
    stateCount: values.length,
    value,
    idOf(v) {
      let lo = 0;
      let hi = values.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (values[mid] === v) return mid + 1;
        if (values[mid] < v) lo = mid + 1;
        else hi = mid - 1;
      }
      return undefined;
    },
    pattern: (id) => maskToPattern(value(id), nOptions),
    listed: () => listed ?? Array.from({ length: values.length }, (_, k) => k + 1),
    rank(dm, id) {
      const p = position(id);
      return p === undefined ? undefined : ranksOf(dm)[p];
    },
    stable(concept, dm) {
      const set = json.stable[concept]?.[dm];
      if (!set) throw new Error(`no stable set for ${dm} under ${concept}`);
      return decodeSet(set, 1);
    },
    equilibria(concept) {
      const set = json.equilibria[concept];
      if (!set) throw new Error(`no equilibria under ${concept}`);
      return decodeSet(set, 1);
    },
    toReadable() {
      const dms = json.decisionMakers.map((dm) => dm.id);
      const ids = reader.listed();
      return {
        format: "parley-analysis/1",
        scenario: json.scenario,
        decisionMakers: json.decisionMakers,
        options: json.options,
        concepts: json.concepts,
        statusQuo: json.statusQuo,
        ...(json.equilibriaOnly ? { equilibriaOnly: true as const } : {}),
        states: ids.map((id) => ({ id, pattern: reader.pattern(id), ranks: Object.fromEntries(dms.map((dm) => [dm, reader.rank(dm, id)!])) })),
        stable: Object.fromEntries(json.concepts.map((c) => [c, Object.fromEntries(dms.map((dm) => [dm, reader.stable(c, dm)]))])),
        equilibria: Object.fromEntries(json.concepts.map((c) => [c, reader.equilibria(c)])),
      };
    },
  };
  return reader;
}
