/**
 * "Minimum of a per-state value over everything reachable" for all states at
 * once. GMR, SMR and SEQ each ask, for every unilateral improvement s1, whether
 * the opponents can reach some state whose value is low enough; the value of
 * the best reachable sanction is this minimum. One pass of Tarjan's strongly
 * connected components (iterative) with dynamic programming over the
 * condensation: a component's minimum is the minimum of its own states and of
 * the components it points to, which Tarjan emits first. O(states + moves).
 *
 * Why plain reachability is right although coalition moves forbid a DM to
 * move twice in a row: two consecutive moves by one DM equal a single move of
 * that DM (or no move at all), so the no-twice rule changes reachability only
 * for the starting state itself, which can never be a sanction (its value is
 * above the bar by construction). The reference implementation in tests
 * follows the definition literally, over (state, last mover) pairs.
 */
import type { Adjacency } from "./moves.js";

/** For every v: min of value[w] over w reachable from v in zero or more steps of `graph`. */
export function reachMin(graph: Adjacency, value: Int32Array): Int32Array {
  const { offsets, targets } = graph;
  const n = offsets.length - 1;
  const { comp, count } = condense(graph);
  // The states of each component, components in order (counting sort by component).
  const start = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) start[comp[v] + 1]++;
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const fill = start.slice(0, count);
  const members = new Int32Array(n);
  for (let v = 0; v < n; v++) members[fill[comp[v]]++] = v;
  // Sinks first: every edge leaves for a component already done.
  const compMin = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    let m = 0x7fffffff;
    for (let k = start[c]; k < start[c + 1]; k++) {
      const w = members[k];
      if (value[w] < m) m = value[w];
      for (let e = offsets[w]; e < offsets[w + 1]; e++) {
        const ct = comp[targets[e]];
        if (ct !== c && compMin[ct] < m) m = compMin[ct];
      }
    }
    compMin[c] = m;
  }
  const out = new Int32Array(n);
  for (let v = 0; v < n; v++) out[v] = compMin[comp[v]];
  return out;
}

/** Strongly connected components: comp[v] in 0..count-1, numbered so that every edge goes to a component numbered no higher. */
export interface Condensation {
  comp: Int32Array;
  count: number;
}

export function condense(graph: Adjacency): Condensation {
  const { offsets, targets } = graph;
  const n = offsets.length - 1;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let top = 0;
  const onStack = new Uint8Array(n);
  const frameNode = new Int32Array(n);
  const framePos = new Int32Array(n);
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    index[root] = low[root] = counter++;
    stack[top++] = root;
    onStack[root] = 1;
    frameNode[0] = root;
    framePos[0] = offsets[root];
    let depth = 1;
    while (depth > 0) {
      const v = frameNode[depth - 1];
      const pos = framePos[depth - 1];
      if (pos < offsets[v + 1]) {
        framePos[depth - 1] = pos + 1;
        const w = targets[pos];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[top++] = w;
          onStack[w] = 1;
          frameNode[depth] = w;
          framePos[depth] = offsets[w];
          depth++;
        } else if (onStack[w] === 1 && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      depth--;
      if (low[v] === index[v]) {
        const c = count++;
        let w: number;
        do {
          w = stack[--top];
          onStack[w] = 0;
          comp[w] = c;
        } while (w !== v);
      }
      if (depth > 0) {
        const parent = frameNode[depth - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  return { comp, count };
}
