/**
 * Summarise a set of states (say, the equilibria) as a few families: partial
 * assignments (Y/N/- patterns) whose every feasible state lies in the set.
 * "A ceasefire holds; US guarantees; summit either way" reads better than a
 * list of twelve state numbers. Greedy: grow a pattern from an uncovered state
 * by freeing, one at a time, the option that keeps the pattern inside the set
 * and covers the most uncovered states.
 */
import type { Model } from "../model/compile.js";

export interface StateFamily {
  /** Options fixed by the family (bit set) and their values. */
  care: number;
  value: number;
  /** The states of the set that belong to the family, ascending. */
  states: number[];
}

export function stateFamilies(model: Model, states: readonly number[]): StateFamily[] {
  const n = model.nOptions;
  const full = n >= 31 ? -1 : (1 << n) - 1;
  const inSet = new Set(states.map((s) => model.states[s]));
  const uncovered = new Set(inSet);
  const members = (care: number, value: number): number[] | undefined => {
    // Every feasible mask matching (care, value) must be in the set.
    const free = full & ~care;
    const out: number[] = [];
    for (let sub = free; ; sub = (sub - 1) & free) {
      const mask = value | sub;
      if (model.indexOf[mask] >= 0) {
        if (!inSet.has(mask)) return undefined;
        out.push(mask);
      }
      if (sub === 0) break;
    }
    return out;
  };
  const families: StateFamily[] = [];
  for (const seed of [...inSet].sort((a, b) => a - b)) {
    if (!uncovered.has(seed)) continue;
    let care = full;
    let value = seed;
    let cover = [seed];
    for (;;) {
      let best: { care: number; value: number; cover: number[]; gain: number } | undefined;
      for (let k = 0; k < n; k++) {
        const bit = 1 << k;
        if (!(care & bit)) continue;
        const c = care & ~bit;
        const v = value & c;
        const m = members(c, v);
        if (!m) continue;
        const gain = m.filter((x) => uncovered.has(x)).length;
        if (!best || gain > best.gain) best = { care: c, value: v, cover: m, gain };
      }
      if (!best) break;
      ({ care, value, cover } = best);
    }
    for (const x of cover) uncovered.delete(x);
    families.push({ care, value, states: cover.map((x) => model.indexOf[x]).sort((a, b) => a - b) });
  }
  return families.sort((a, b) => b.states.length - a.states.length || a.states[0] - b.states[0]);
}

/** A family as a Y/N/- pattern. */
export function familyPattern(model: Model, f: StateFamily): string {
  let out = "";
  for (let k = 0; k < model.nOptions; k++) out += f.care & (1 << k) ? (f.value & (1 << k) ? "Y" : "N") : "-";
  return out;
}
