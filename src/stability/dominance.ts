/**
 * "Does some state reachable from s beat s on every one of k criteria?" for
 * all states s at once: out[s] = 1 iff some t reachable from s in zero or more
 * steps has value_k(t) > bar_k(s) for every k. Coalition stability asks this
 * with one criterion per member of the coalition (src/extensions/coalition-verdicts.ts).
 *
 * Method: condense the graph into strongly connected components (Tarjan,
 * iterative; components come out sinks first). Every state of a component
 * reaches the same set: the component and everything its successor components
 * reach. For each component, in that order, keep the Pareto-maximal value
 * vectors ("skyline": no kept vector is ≤ another componentwise, no duplicates)
 * of its reach set, built from its own states' vectors and its successors'
 * skylines; some reachable t beats bar(s) iff some skyline vector does, since
 * every vector is ≤ a skyline one. For k = 2 the skyline is a staircase (first
 * value descending, second ascending): a check is a binary search. For k > 2
 * it is a plain list, checked in full.
 *
 * Cost: O(S + E) for the components, plus, per component, one dominance check
 * per own state and per vector of each distinct successor's skyline: O((S + E')
 * · K) for K the largest skyline (times log K for k = 2, times k·K for k > 2),
 * with E' the edges between components. K is at most the number of distinct
 * value vectors, and for k = 2 at most the number of distinct first values.
 * Memory: a skyline is dropped once every predecessor component has used it,
 * and a component that adds nothing to its only successor's skyline shares it.
 */
import type { Adjacency } from "./moves.js";

import { condense, type Condensation } from "./reach.js";

export { condense, type Condensation };

/**
 * out[s] = 1 iff some t reachable from s (zero or more steps of `graph`,
 * condensed as `cond`) has value[k][t] > bar[k][s] for every k.
 */
export function reachDominates(graph: Adjacency, cond: Condensation, value: readonly Int32Array[], bar: readonly Int32Array[]): Uint8Array {
  const k = value.length;
  const vec = new Int32Array(k);
  const single: VectorsOf = (v, add) => {
    for (let h = 0; h < k; h++) vec[h] = value[h][v];
    add(vec);
  };
  return dominatedBar(graph, cond, k, single, bar);
}

/**
 * The same question where a reachable t counts only if no answer deters it
 * (coalition SMR, src/extensions/coalition-verdicts.ts): out[s] = 1 iff some t
 * reachable from s over `graph` (zero or more steps) has value(t) > value(s)
 * and every x reachable from t over `answers` (one or more steps) leads back,
 * over `graph` (zero or more steps from x, x included), to some u with
 * value(u) > value(s). With no answer from t, t counts as soon as value(t) > value(s).
 *
 * Method, with down-sets of vectors ("v < some kept vector", strictly on every
 * criterion), each kept as its skyline of maximal vectors:
 * - D(x): the down-set of the values over graph-reach of x: the skyline
 *   `reachDominates` builds per component, kept for every component.
 * - Two down-sets meet in the down-set of the componentwise minima of their
 *   skyline vectors (v < a and v < b iff v < min(a, b)). M(y) = the meet of
 *   D(x) over x in the answers' reach of y (zero or more steps), per component
 *   of `answers`, sinks first: the meet of its states' D and of its successors' M.
 * - W(t): the meet of the down-set of value(t) with M(y) for every answer t → y
 *   (one step): v ∈ W(t) iff value(t) > v and every x one or more answers
 *   from t has a u in its graph-reach with value(u) > v.
 * - out[s] = 1 iff some vector of W(t), t reachable from s, is > value(s):
 *   the `reachDominates` sweep with the vectors W(t) in place of value(t). The
 *   zero-step t = s never counts: W(s) ≤ value(s).
 * Cost: the two sweeps, plus one meet per state and per edge between
 * components of `answers`, each O(A · B) dominance checks for skylines of
 * sizes A and B (bounded by the number of distinct vectors).
 */
export function reachDominatesUnanswered(graph: Adjacency, cond: Condensation, answers: Adjacency, value: readonly Int32Array[]): Uint8Array {
  const k = value.length;
  const n = graph.offsets.length - 1;
  const vec = new Int32Array(k);
  const single: VectorsOf = (v, add) => {
    for (let h = 0; h < k; h++) vec[h] = value[h][v];
    add(vec);
  };
  if (k === 0 || n === 0) return new Uint8Array(n);
  const down: Skyline[] = new Array(cond.count);
  sweep(graph, cond, k, single, (c, sky) => {
    down[c] = sky;
    return true;
  });

  const { offsets, targets } = answers;
  const acond = condense(answers);
  const { comp } = acond;
  const within: Skyline[] = new Array(n);
  const meetOf: (Skyline | null)[] = new Array(acond.count).fill(null);
  const stamp = new Int32Array(acond.count).fill(-1); // component -> the last state that met it
  forComponents(answers, acond, (c, states, next) => {
    let m: Skyline | null = null;
    for (const d of next) m = m ? meet(m, meetOf[d]!, k) : meetOf[d]!;
    for (const v of states) m = m ? meet(m, down[cond.comp[v]], k) : down[cond.comp[v]];
    meetOf[c] = m;
    for (const v of states) {
      const w = newSkyline(k);
      single(v, (x) => w.insert(x));
      let acc: Skyline = w;
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const d = comp[targets[e]];
        if (stamp[d] === v) continue;
        stamp[d] = v;
        acc = meet(acc, meetOf[d]!, k);
      }
      within[v] = acc;
    }
    return (d) => {
      meetOf[d] = null;
    };
  });
  return dominatedBar(graph, cond, k, (v, add) => within[v].forEach(add), value);
}

/** Per state: its vectors, handed to `add` one by one (the buffer may be reused: `add` copies what it keeps). */
type VectorsOf = (v: number, add: (x: Int32Array) => void) => void;

/** out[s] = 1 iff some vector of some t reachable from s (zero or more steps) is > bar(s). */
function dominatedBar(graph: Adjacency, cond: Condensation, k: number, vectorsOf: VectorsOf, bar: readonly Int32Array[]): Uint8Array {
  const n = graph.offsets.length - 1;
  const out = new Uint8Array(n);
  if (k === 0 || n === 0) return out;
  const vec = new Int32Array(k);
  sweep(graph, cond, k, vectorsOf, (_c, sky, states) => {
    for (const v of states) {
      for (let h = 0; h < k; h++) vec[h] = bar[h][v];
      out[v] = sky.dominatesStrictly(vec) ? 1 : 0;
    }
    return false;
  });
  return out;
}

/**
 * Components of `graph` sinks first: `visit(c, states, successors)` with the
 * distinct successor components; it returns what to do with a successor's data
 * once every predecessor component has been visited (`release`).
 */
function forComponents(graph: Adjacency, cond: Condensation, visit: (c: number, states: Int32Array, next: readonly number[]) => (d: number) => void): void {
  const { offsets, targets } = graph;
  const { comp, count } = cond;
  const n = offsets.length - 1;
  // States by component (counting sort).
  const start = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) start[comp[v] + 1]++;
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const members = new Int32Array(n);
  const fill = start.slice(0, count);
  for (let v = 0; v < n; v++) members[fill[comp[v]]++] = v;

  // Distinct successor components of c, via a stamp per component.
  const stamp = new Int32Array(count).fill(-1);
  const succ: number[] = [];
  const successors = (c: number) => {
    succ.length = 0;
    for (let x = start[c]; x < start[c + 1]; x++) {
      const v = members[x];
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const d = comp[targets[e]];
        if (d !== c && stamp[d] !== c) {
          stamp[d] = c;
          succ.push(d);
        }
      }
    }
    return succ;
  };
  // How many predecessor components still need each component's data.
  const users = new Int32Array(count);
  for (let c = 0; c < count; c++) for (const d of successors(c)) users[d]++;
  stamp.fill(-1);
  for (let c = 0; c < count; c++) {
    const next = successors(c);
    const release = visit(c, members.subarray(start[c], start[c + 1]), next);
    for (const d of next) if (--users[d] === 0) release(d);
    if (users[c] === 0) release(c);
  }
}

/**
 * The skyline of each component's reach set (its states' vectors and its
 * successors' skylines), handed to `visit`; it returns whether to keep the
 * skyline beyond the last predecessor (otherwise it is dropped then).
 */
function sweep(graph: Adjacency, cond: Condensation, k: number, vectorsOf: VectorsOf, visit: (c: number, sky: Skyline, states: Int32Array) => boolean): void {
  const sky: (Skyline | null)[] = new Array(cond.count).fill(null);
  forComponents(graph, cond, (c, states, next) => {
    // Start from the largest successor skyline; add the others' vectors and the component's own.
    let base: Skyline | null = null;
    for (const d of next) if (!base || sky[d]!.size > base.size) base = sky[d]!;
    let own: Skyline | null = base;
    const grow = (x: Int32Array) => {
      if (own?.dominatesWeakly(x)) return;
      if (own === base) own = base ? base.copy() : newSkyline(k);
      own!.insert(x);
    };
    for (const v of states) vectorsOf(v, grow);
    for (const d of next) {
      const other = sky[d]!;
      if (other !== base) other.forEach(grow);
    }
    sky[c] = own;
    const keep = visit(c, own!, states);
    return keep
      ? () => {}
      : (d) => {
          sky[d] = null;
        };
  });
}

function newSkyline(k: number): Skyline {
  return k === 2 ? new Staircase() : new VectorList(k);
}

/**
 * The meet of two down-sets: the skyline of the componentwise minima of their
 * vectors. When one down-set lies inside the other (each of its vectors is ≤
 * one of the other's), it is the meet, and is returned as is (shared).
 */
function meet(a: Skyline, b: Skyline, k: number): Skyline {
  if (a === b) return a;
  const inside = (p: Skyline, q: Skyline) => {
    let all = true;
    p.forEach((x) => {
      if (all && !q.dominatesWeakly(x)) all = false;
    });
    return all;
  };
  if (inside(a, b)) return a;
  if (inside(b, a)) return b;
  const out = newSkyline(k);
  const m = new Int32Array(k);
  a.forEach((x) =>
    b.forEach((y) => {
      for (let h = 0; h < k; h++) m[h] = Math.min(x[h], y[h]);
      if (!out.dominatesWeakly(m)) out.insert(m);
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------

interface Skyline {
  readonly size: number;
  /** Some kept vector ≥ x componentwise. */
  dominatesWeakly(x: Int32Array): boolean;
  /** Some kept vector > x componentwise. */
  dominatesStrictly(x: Int32Array): boolean;
  /** Add x, which no kept vector dominates weakly, and drop those it dominates. */
  insert(x: Int32Array): void;
  copy(): Skyline;
  forEach(f: (x: Int32Array) => void): void;
}

/** Two criteria: a[j] strictly descending, b[j] strictly ascending. */
class Staircase implements Skyline {
  constructor(
    private a: number[] = [],
    private b: number[] = [],
  ) {}

  get size() {
    return this.a.length;
  }

  /** Number of steps with a > x (or a ≥ x when `orEqual`). */
  private countAbove(x: number, orEqual: boolean): number {
    let lo = 0;
    let hi = this.a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.a[mid] > x || (orEqual && this.a[mid] === x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  dominatesWeakly(x: Int32Array): boolean {
    const j = this.countAbove(x[0], true) - 1;
    return j >= 0 && this.b[j] >= x[1];
  }

  dominatesStrictly(x: Int32Array): boolean {
    const j = this.countAbove(x[0], false) - 1;
    return j >= 0 && this.b[j] > x[1];
  }

  insert(x: Int32Array): void {
    // Steps from i on have a ≤ x[0]; those with b ≤ x[1] (a run, as b ascends) are dominated by x.
    const i = this.countAbove(x[0], false);
    let r = i;
    while (r < this.a.length && this.b[r] <= x[1]) r++;
    this.a.splice(i, r - i, x[0]);
    this.b.splice(i, r - i, x[1]);
  }

  copy(): Skyline {
    return new Staircase(this.a.slice(), this.b.slice());
  }

  forEach(f: (x: Int32Array) => void): void {
    const x = new Int32Array(2);
    for (let j = 0; j < this.a.length; j++) {
      x[0] = this.a[j];
      x[1] = this.b[j];
      f(x);
    }
  }
}

/** Any number of criteria: the vectors one after another in a flat list. */
class VectorList implements Skyline {
  constructor(
    private readonly k: number,
    private flat: number[] = [],
  ) {}

  get size() {
    return this.flat.length / this.k;
  }

  private some(x: Int32Array, strict: boolean): boolean {
    const { k, flat } = this;
    outer: for (let o = 0; o < flat.length; o += k) {
      for (let h = 0; h < k; h++) if (strict ? flat[o + h] <= x[h] : flat[o + h] < x[h]) continue outer;
      return true;
    }
    return false;
  }

  dominatesWeakly(x: Int32Array): boolean {
    return this.some(x, false);
  }

  dominatesStrictly(x: Int32Array): boolean {
    return this.some(x, true);
  }

  insert(x: Int32Array): void {
    const { k, flat } = this;
    const kept: number[] = [];
    for (let o = 0; o < flat.length; o += k) {
      let below = true;
      for (let h = 0; h < k && below; h++) if (flat[o + h] > x[h]) below = false;
      if (below) continue;
      for (let h = 0; h < k; h++) kept.push(flat[o + h]);
    }
    for (let h = 0; h < k; h++) kept.push(x[h]);
    this.flat = kept;
  }

  copy(): Skyline {
    return new VectorList(this.k, this.flat.slice());
  }

  forEach(f: (x: Int32Array) => void): void {
    const { k, flat } = this;
    const x = new Int32Array(k);
    for (let o = 0; o < flat.length; o += k) {
      for (let h = 0; h < k; h++) x[h] = flat[o + h];
      f(x);
    }
  }
}
