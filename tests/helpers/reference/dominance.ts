/**
 * Brute-force searches over small graphs given as adjacency lists (offsets,
 * targets), for the whole-graph dominance passes of src/stability/dominance.ts.
 */

/** A graph as an adjacency. */
export interface Adjacency {
  offsets: Int32Array;
  targets: Int32Array;
}

/** The states reached from s by a breadth-first search: zero or more steps, or one or more when `proper`. */
export function bruteReach(g: Adjacency, s: number, proper: boolean): number[] {
  const seen = new Set<number>();
  const queue = [s];
  if (!proper) seen.add(s);
  for (let q = 0; q < queue.length; q++)
    for (let e = g.offsets[queue[q]]; e < g.offsets[queue[q] + 1]; e++) {
      const t = g.targets[e];
      if (!seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
    }
  return [...seen];
}

/** Per state: 1 when some state it reaches (zero or more steps) is above its bar on every criterion. */
export function bruteDominates(g: Adjacency, value: Int32Array[], bar: Int32Array[]): number[] {
  return Array.from({ length: g.offsets.length - 1 }, (_, s) => (bruteReach(g, s, false).some((t) => value.every((v, k) => v[t] > bar[k][s])) ? 1 : 0));
}

/**
 * Per state s: 1 when some t reached by own steps (zero or more) is above s on
 * every criterion and every answer from t (one or more steps) leads, by own
 * steps again, somewhere above s: the CSMR condition, searched literally.
 */
export function bruteDominatesUnanswered(own: Adjacency, answers: Adjacency, value: Int32Array[]): number[] {
  const above = (t: number, s: number) => value.every((v) => v[t] > v[s]);
  return Array.from({ length: own.offsets.length - 1 }, (_, s) =>
    bruteReach(own, s, false).some((t) => above(t, s) && bruteReach(answers, t, true).every((x) => bruteReach(own, x, false).some((u) => above(u, s)))) ? 1 : 0,
  );
}
