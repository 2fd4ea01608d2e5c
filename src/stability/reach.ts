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

/** Calls `emit(t)` for every successor t of v. */
export type Successors = (v: number, emit: (t: number) => void) => void;

/** For every v: min of value[w] over w reachable from v in zero or more steps. */
export function reachMin(n: number, succ: Successors, value: Int32Array): Int32Array {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const compMin: number[] = [];
  const sccStack = new Int32Array(n);
  let sccTop = 0;
  const onStack = new Uint8Array(n);
  // DFS frames: node, and the range of its successors in the edge buffer.
  const frameNode = new Int32Array(n);
  const framePos = new Int32Array(n);
  const frameEnd = new Int32Array(n);
  let edges = new Int32Array(1024);
  let edgeTop = 0;
  let counter = 0;
  const pushEdge = (t: number) => {
    if (edgeTop === edges.length) {
      const bigger = new Int32Array(edges.length * 2);
      bigger.set(edges);
      edges = bigger;
    }
    edges[edgeTop++] = t;
  };
  const out = new Int32Array(n);

  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    let depth = 0;
    const open = (v: number) => {
      index[v] = low[v] = counter++;
      sccStack[sccTop++] = v;
      onStack[v] = 1;
      frameNode[depth] = v;
      framePos[depth] = edgeTop;
      succ(v, pushEdge);
      frameEnd[depth] = edgeTop;
      depth++;
    };
    open(root);
    while (depth > 0) {
      const f = depth - 1;
      const v = frameNode[f];
      if (framePos[f] < frameEnd[f]) {
        const w = edges[framePos[f]++];
        if (index[w] < 0) open(w);
        else if (onStack[w] && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      // v is finished
      // Its successor range sits right above its parent's, so drop back to the parent's end.
      edgeTop = f > 0 ? frameEnd[f - 1] : 0;
      depth--;
      if (low[v] === index[v]) {
        const c = compMin.length;
        let m = 0x7fffffff;
        let top = sccTop;
        do {
          const w = sccStack[--top];
          onStack[w] = 0;
          comp[w] = c;
          if (value[w] < m) m = value[w];
        } while (sccStack[top] !== v);
        // successors outside the component were emitted earlier
        for (let k = top; k < sccTop; k++) {
          succ(sccStack[k], (t) => {
            const ct = comp[t];
            if (ct !== c && compMin[ct] < m) m = compMin[ct];
          });
        }
        for (let k = top; k < sccTop; k++) out[sccStack[k]] = m;
        sccTop = top;
        compMin.push(m);
      }
      if (depth > 0) {
        const parent = frameNode[depth - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  return out;
}
