/**
 * Preferences -> per-state preference levels for one decision maker: an
 * Int32Array over feasible states where a higher level is more preferred and
 * equal levels tie (a total preorder).
 *
 * Option prioritization (Fang, Hipel, Kilgour & Peng 2003): with k statements,
 * statement j (0-based, most important first) adds 2^(k-1-j) to a state's
 * score when it holds, so a more important statement outweighs all less
 * important ones together. An explicit ranking lists states, most preferred first.
 */
import { cubesHold } from "../format/cubes.js";
import { ParleyError, type Issue } from "../format/errors.js";
import { maskToPattern } from "../format/cubes.js";
import type { PreferenceSpec } from "../format/scenario.js";

export function preferenceLevels(pref: PreferenceSpec, states: Int32Array, nOptions: number, dmId: string): Int32Array {
  return pref.kind === "statements" ? levelsFromStatements(pref, states) : levelsFromRanking(pref, states, nOptions, dmId);
}

function levelsFromStatements(pref: Extract<PreferenceSpec, { kind: "statements" }>, states: Int32Array): Int32Array {
  const k = pref.statements.length;
  const score = new Float64Array(states.length);
  for (let j = 0; j < k; j++) {
    const w = 2 ** (k - 1 - j);
    const cubes = pref.statements[j].cubes;
    for (let s = 0; s < states.length; s++) if (cubesHold(cubes, states[s])) score[s] += w;
  }
  return denseLevels(score);
}

function levelsFromRanking(pref: Extract<PreferenceSpec, { kind: "ranking" }>, states: Int32Array, nOptions: number, dmId: string): Int32Array {
  const items = pref.items;
  const itemOf = new Int32Array(states.length).fill(-1);
  const issues: Issue[] = [];
  const matched = new Uint8Array(items.length);
  for (let s = 0; s < states.length; s++) {
    for (let i = 0; i < items.length; i++) {
      if (!cubesHold(items[i].cubes, states[s])) continue;
      matched[i] = 1;
      if (itemOf[s] >= 0 && itemOf[s] !== i) {
        issues.push({
          code: "ranked-twice",
          message: `in the ranking of '${dmId}', state ${maskToPattern(states[s], nOptions)} is matched by item ${itemOf[s] + 1} and item ${i + 1}`,
          path: items[i].path,
        });
      } else itemOf[s] = i;
    }
  }
  items.forEach((item, i) => {
    if (!matched[i])
      issues.push({
        code: "ranking-no-state",
        message: `in the ranking of '${dmId}', item ${i + 1} (${item.patterns.join(", ")}) matches no feasible state`,
        path: item.path,
      });
  });
  const missing: string[] = [];
  for (let s = 0; s < states.length; s++) if (itemOf[s] < 0) missing.push(maskToPattern(states[s], nOptions));
  if (missing.length > 0) {
    const shown = missing.slice(0, 8).join(", ") + (missing.length > 8 ? `, … (${missing.length} in all)` : "");
    issues.push({
      code: "ranking-incomplete",
      message: `the ranking of '${dmId}' leaves out ${missing.length} feasible state${missing.length > 1 ? "s" : ""}: ${shown}`,
      path: ["preferences", dmId, "ranking"],
    });
  }
  if (issues.length > 0) throw new ParleyError(issues);
  const level = new Int32Array(states.length);
  for (let s = 0; s < states.length; s++) level[s] = items.length - itemOf[s];
  return denseLevels(Float64Array.from(level));
}

/** Scores -> levels 0..m-1 (higher score, higher level), ties kept. */
export function denseLevels(score: Float64Array): Int32Array {
  const distinct = Array.from(new Set(score)).sort((a, b) => a - b);
  const levelOf = new Map<number, number>();
  distinct.forEach((v, i) => levelOf.set(v, i));
  const out = new Int32Array(score.length);
  for (let s = 0; s < score.length; s++) out[s] = levelOf.get(score[s])!;
  return out;
}

/** Display ranks: 1 = most preferred; tied states share a rank (dense ranking). */
export function displayRanks(level: Int32Array): Int32Array {
  let max = 0;
  for (let s = 0; s < level.length; s++) if (level[s] > max) max = level[s];
  const out = new Int32Array(level.length);
  for (let s = 0; s < level.length; s++) out[s] = max - level[s] + 1;
  return out;
}
