/**
 * Limited-move stability, literally and top-down from the definition (written
 * apart from src/extensions/limited-move.ts: its own moves, R_i(s) from the
 * plain reference, and its own tie handling).
 */
import type { ForesightVariant } from "../../../src/extensions/limited-move.js";
import type { Model } from "../../../src/model/compile.js";
import { referenceMoves } from "./stability.js";

/** G_h: the final state anticipated by the side to move at s with h moves left, for the focal DM. */
export function referenceOutcome(m: Model, v: ForesightVariant, focal: number, h: number, s: number): number {
  const n = m.nDMs;
  const memo = new Map<string, number>();
  // side: for two-dm / rotation the DM to move; for maximin 0 = focal, 1 = the others.
  const g = (side: number, s: number, h: number): number => {
    if (h === 0) return s;
    const key = `${side},${s},${h}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const movers = v === "maximin" ? (side === 0 ? [focal] : [...Array(n).keys()].filter((d) => d !== focal)) : [side];
    const judge = v === "maximin" ? focal : side;
    const maximise = v !== "maximin" || side === 0;
    const next = v === "maximin" ? 1 - side : (side + 1) % n;
    const p = m.pref[judge];
    const outcomes = movers.flatMap((d) => referenceMoves(m, d, s).map((t) => g(next, t, h - 1)));
    const paying = outcomes.filter((o) => (maximise ? p[o] > p[s] : p[o] < p[s]));
    let result = s;
    if (paying.length) {
      const target = maximise ? Math.max(...paying.map((o) => p[o])) : Math.min(...paying.map((o) => p[o]));
      const against = v === "maximin" ? undefined : m.pref[(side + n - 1) % n];
      const best = [...new Set(paying.filter((o) => p[o] === target))].sort((x, y) => (against ? against[x] - against[y] : 0) || x - y);
      result = best[0];
    }
    memo.set(key, result);
    return result;
  };
  return g(v === "maximin" ? 0 : focal, s, h);
}
