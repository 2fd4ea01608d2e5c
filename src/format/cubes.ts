/**
 * Statements compiled to disjunctive normal form over state bitmasks. A cube is
 * a partial assignment: a state s matches it when (s & care) === value. A list
 * of cubes holds when any cube matches. This one form serves feasibility,
 * preferences and gmcr-py export (whose conditions are cubes too), and checks a
 * state with a couple of integer operations.
 */
import type { Expr } from "./expr.js";

export interface Cube {
  care: number;
  value: number;
}

export class TooComplexError extends Error {
  constructor(readonly limit: number) {
    super(`the statement expands to more than ${limit} alternatives; split it or simplify it`);
  }
}

const TRUE_CUBE: Cube = { care: 0, value: 0 };

/** DNF of `e` (or of its negation), with `bitOf` giving each option's bit index. */
export function toCubes(e: Expr, bitOf: (id: string) => number, limit = 4096): Cube[] {
  const go = (x: Expr, neg: boolean): Cube[] => {
    switch (x.kind) {
      case "var": {
        const bit = 1 << bitOf(x.id);
        return [{ care: bit, value: neg ? 0 : bit }];
      }
      case "const":
        return x.value !== neg ? [TRUE_CUBE] : [];
      case "not":
        return go(x.arg, !neg);
      case "and":
      case "or": {
        const conjunctive = (x.kind === "and") !== neg;
        const parts = x.args.map((a) => go(a, neg));
        return conjunctive ? product(parts, limit) : union(parts, limit);
      }
      case "implies": {
        // if C then T  ==  !C | T
        const parts = [go(x.cond, !neg), go(x.then, neg)];
        return neg ? product(parts, limit) : union(parts, limit);
      }
    }
  };
  return go(e, false);
}

function union(parts: Cube[][], limit: number): Cube[] {
  const out: Cube[] = [];
  for (const p of parts) for (const c of p) out.push(c);
  return dedupe(out, limit);
}

function product(parts: Cube[][], limit: number): Cube[] {
  let acc: Cube[] = [TRUE_CUBE];
  for (const p of parts) {
    const next: Cube[] = [];
    for (const a of acc)
      for (const b of p) {
        if ((a.care & b.care & (a.value ^ b.value)) !== 0) continue; // contradictory
        next.push({ care: a.care | b.care, value: a.value | b.value });
      }
    acc = dedupe(next, limit);
  }
  return acc;
}

function dedupe(cubes: Cube[], limit: number): Cube[] {
  const seen = new Set<string>();
  const out: Cube[] = [];
  for (const c of cubes) {
    const key = `${c.care}:${c.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  if (out.length > limit) throw new TooComplexError(limit);
  return out;
}

export function cubesHold(cubes: readonly Cube[], s: number): boolean {
  for (let k = 0; k < cubes.length; k++) if ((s & cubes[k].care) === cubes[k].value) return true;
  return false;
}

/** A Y/N/- pattern (character k = option k) as a cube. */
export function patternToCube(pattern: string): Cube {
  let care = 0;
  let value = 0;
  for (let k = 0; k < pattern.length; k++) {
    const ch = pattern[k];
    if (ch === "Y") {
      care |= 1 << k;
      value |= 1 << k;
    } else if (ch === "N") care |= 1 << k;
  }
  return { care, value };
}

/** The Y/N string of a state mask over n options. */
export function maskToPattern(mask: number, n: number): string {
  let out = "";
  for (let k = 0; k < n; k++) out += mask & (1 << k) ? "Y" : "N";
  return out;
}
