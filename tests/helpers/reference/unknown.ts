/**
 * Stability with unknown preferences, definition by definition
 * (docs/unknown-preferences.md): relations from the levels and the unknown
 * entries' Y/N/- patterns, moves from the plain reference's own enumeration,
 * coalition reach by breadth-first search over (state, last mover) pairs, one
 * move or more. Shares nothing with the engine but the compiled model's states
 * and levels.
 */
import type { UnknownConcept, UnknownVariant } from "../../../src/extensions/unknown.js";
import type { Model } from "../../../src/model/compile.js";
import { referenceMoves } from "./stability.js";

/** One unknown entry: Y/N/- patterns over the model's options, in bit order. */
export interface UnknownEntry {
  a: string;
  b: string;
}

/** Does the state mask match the Y/N/- pattern (character k is bit k)? */
export const matchesPattern = (p: string, mask: number) => [...p].every((ch, k) => ch === "-" || (ch === "Y") === (((mask >> k) & 1) === 1));

export class UnknownReference {
  private readonly reachMemo = new Map<string, number[]>();
  constructor(
    readonly model: Model,
    /** Per DM, its unknown entries. */
    readonly entries: UnknownEntry[][],
  ) {}

  unknown(d: number, s: number, t: number): boolean {
    const x = this.model.states[s];
    const y = this.model.states[t];
    return s !== t && this.entries[d].some((e) => (matchesPattern(e.a, x) && matchesPattern(e.b, y)) || (matchesPattern(e.b, x) && matchesPattern(e.a, y)));
  }
  /** t ≻_d s, known. */
  better(d: number, s: number, t: number): boolean {
    return !this.unknown(d, s, t) && this.model.pref[d][t] > this.model.pref[d][s];
  }
  /** t ∈ Φ_i^{-,=}(s) or, when loose, Φ_i^{-,=,U}(s). */
  phi(i: number, s: number, t: number, loose: boolean): boolean {
    if (this.unknown(i, s, t)) return loose;
    return this.model.pref[i][t] <= this.model.pref[i][s];
  }
  /** The moves DM i may consider from s under the variant. */
  considered(i: number, s: number, v: UnknownVariant): number[] {
    const toUnknown = v === "a" || v === "c";
    return referenceMoves(this.model, i, s).filter((t) => this.better(i, s, t) || (toUnknown && this.unknown(i, s, t)));
  }
  /** R_H(s1) or R^{+,U}_H(s1), literally. */
  reach(H: number[], s1: number, credible: boolean): number[] {
    const key = `${H}|${s1}|${credible}`;
    const hit = this.reachMemo.get(key);
    if (hit) return hit;
    const seen = new Set<string>();
    const reached = new Set<number>();
    const queue: [number, number][] = [[s1, -1]];
    for (let q = 0; q < queue.length; q++) {
      const [t, last] = queue[q];
      for (const j of H) {
        if (j === last) continue;
        for (const u of referenceMoves(this.model, j, t)) {
          if (credible && !(this.better(j, t, u) || this.unknown(j, t, u))) continue;
          reached.add(u);
          if (!seen.has(`${u},${j}`)) {
            seen.add(`${u},${j}`);
            queue.push([u, j]);
          }
        }
      }
    }
    const out = [...reached];
    this.reachMemo.set(key, out);
    return out;
  }
  stable(c: UnknownConcept, v: UnknownVariant, i: number, s: number): boolean {
    const loose = v === "c" || v === "d";
    const others = Array.from({ length: this.model.nDMs }, (_, d) => d).filter((d) => d !== i);
    const moves = this.considered(i, s, v);
    switch (c) {
      case "Nash":
        return moves.length === 0;
      case "GMR":
        return moves.every((s1) => this.reach(others, s1, false).some((s2) => this.phi(i, s, s2, loose)));
      case "SMR":
        return moves.every((s1) =>
          this.reach(others, s1, false).some((s2) => this.phi(i, s, s2, loose) && referenceMoves(this.model, i, s2).every((s3) => this.phi(i, s, s3, loose))),
        );
      case "SEQ":
        return moves.every((s1) => this.reach(others, s1, true).some((s2) => this.phi(i, s, s2, loose)));
    }
  }
}
