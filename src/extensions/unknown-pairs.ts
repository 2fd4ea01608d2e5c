/**
 * Unknown preferences as data: which pairs of states each DM cannot compare,
 * read from its `unknown` entries, and how a DM rates one state against
 * another once such pairs exist (better, equal, worse or unknown). The
 * stability concepts built on them are in unknown.ts.
 */
import { cubesHold } from "../format/cubes.js";
import { ParleyError, type Issue } from "../format/errors.js";
import { statePattern, type Model } from "../model/compile.js";

/** The unknown pairs of every DM, by which sides of its `unknown` entries each state matches. */
export interface UnknownPreferences {
  /** Per DM, per state: bit e is set when the state matches `between` of the DM's entry e. */
  between: Int32Array[];
  /** Per DM, per state: bit e is set when the state matches `and` of entry e. */
  and: Int32Array[];
  /** Per DM: how many pairs of distinct feasible states it cannot compare. */
  pairs: number[];
  /** Whether some DM cannot compare some pair. */
  any: boolean;
}

/** How a DM rates state t against state s. */
export type Relation = "better" | "equal" | "worse" | "unknown";

/**
 * Each DM's unknown pairs. Throws a ParleyError (with the entry's path) for an
 * entry a side of which matches no feasible state, or that pairs no two
 * distinct states.
 */
export function unknownPreferences(model: Model): UnknownPreferences {
  const n = model.states.length;
  const issues: Issue[] = [];
  const between: Int32Array[] = [];
  const and: Int32Array[] = [];
  model.scenario.preferences.forEach((pref, d) => {
    const a = new Int32Array(n);
    const b = new Int32Array(n);
    (pref.unknown ?? []).forEach((entry, e) => {
      const bit = 1 << e;
      let na = 0;
      let nb = 0;
      let lastA = -1;
      let lastB = -1;
      for (let s = 0; s < n; s++) {
        if (cubesHold(entry.between.cubes, model.states[s])) {
          a[s] |= bit;
          na++;
          lastA = s;
        }
        if (cubesHold(entry.and.cubes, model.states[s])) {
          b[s] |= bit;
          nb++;
          lastB = s;
        }
      }
      const who = model.scenario.decisionMakers[d].id;
      if (na === 0 || nb === 0) {
        const side = na === 0 ? "between" : "and";
        const text = (na === 0 ? entry.between : entry.and).text;
        issues.push({
          code: "unknown-no-state",
          message: `in the unknown preferences of '${who}', ${side} '${text}' matches no feasible state`,
          path: [...entry.path, side],
        });
      } else if (na === 1 && nb === 1 && lastA === lastB) {
        issues.push({
          code: "unknown-no-pair",
          message: `in the unknown preferences of '${who}', between and and both match only state ${lastA + 1} (${statePattern(model, lastA)}): a state is never unknown against itself`,
          path: entry.path,
        });
      }
    });
    between.push(a);
    and.push(b);
  });
  if (issues.length > 0) throw new ParleyError(issues);
  const pairs = between.map((a, d) => countPairs(a, and[d]));
  return { between, and, pairs, any: pairs.some((p) => p > 0) };
}

/** Pairs {s, t}, s ≠ t, with (A_s & B_t) | (B_s & A_t) ≠ 0, counted by signature rather than pair by pair. */
function countPairs(a: Int32Array, b: Int32Array): number {
  const bySig = new Map<string, { a: number; b: number; count: number }>();
  for (let s = 0; s < a.length; s++) {
    if (a[s] === 0 && b[s] === 0) continue;
    const key = `${a[s]},${b[s]}`;
    const g = bySig.get(key);
    if (g) g.count++;
    else bySig.set(key, { a: a[s], b: b[s], count: 1 });
  }
  const groups = [...bySig.values()];
  let ordered = 0;
  for (const g of groups) {
    for (const h of groups) if (((g.a & h.b) | (g.b & h.a)) !== 0) ordered += g.count * h.count;
    if ((g.a & g.b) !== 0) ordered -= g.count; // a state against itself
  }
  return ordered / 2;
}

/** Whether DM d cannot compare states s and t. */
export function isUnknown(u: UnknownPreferences, d: number, s: number, t: number): boolean {
  const a = u.between[d];
  const b = u.and[d];
  return s !== t && ((a[s] & b[t]) | (b[s] & a[t])) !== 0;
}

/** How DM d rates t against s: better, equal, worse, or unknown. */
export function relationOf(model: Model, u: UnknownPreferences, d: number, s: number, t: number): Relation {
  if (isUnknown(u, d, s, t)) return "unknown";
  const p = model.pref[d];
  return p[t] > p[s] ? "better" : p[t] < p[s] ? "worse" : "equal";
}
