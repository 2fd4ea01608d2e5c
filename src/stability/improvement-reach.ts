/**
 * reachMin over the union of a coalition's unilateral improvements (SEQ's
 * sanctions), with every member's improvements read from its improvement sets
 * (improvement-sets.ts) instead of tried move by move: the same iterative
 * Tarjan pass as reachMinImplicit (implicit.ts), whose edge cursor here is a
 * member and the bits of its set still to visit, so a state costs its
 * improvements only, not every allowed move (on a model without constraints
 * about half of them are improvements). For members of at most SET_OPTIONS
 * options; the result lives in the model's shared scratch arrays, valid until
 * the next pass (the solver consumes it at once).
 */
import type { Model } from "../model/compile.js";
import { codeMasks, improvementSets, popcount, SET_OPTIONS } from "./improvement-sets.js";
import { finishVertex, scratchOf } from "./implicit.js";

/** Whether reachMinImproving applies: every member has improvement sets. */
export function improvingApplies(model: Model, coalition: readonly number[]): boolean {
  return coalition.length > 0 && coalition.every((j) => popcount(model.dmMask[j]) <= SET_OPTIONS);
}

/** The member each DFS frame's cursor is at, beside the shared scratch (its framePos holds the bits left). */
const frameMembers = new WeakMap<Int32Array, Int32Array>();

export function reachMinImproving(model: Model, coalition: readonly number[], value: Int32Array): Int32Array {
  const { indexOf, states } = model;
  const nO = coalition.length;
  const sets = coalition.map((j) => improvementSets(model, j));
  const deps = coalition.map((j) => codeMasks(model.dmMask[j]));
  const n = states.length;
  const scratch = scratchOf(states);
  const { index, low, out, sccStack, onStack, frameNode, framePos } = scratch;
  let frameMember = frameMembers.get(states);
  if (!frameMember) frameMembers.set(states, (frameMember = new Int32Array(n)));
  index.fill(-1);
  let sccTop = 0;
  let counter = 0;
  const first = sets[0];
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    index[root] = low[root] = counter++;
    out[root] = value[root];
    sccStack[sccTop++] = root;
    onStack[root] = 1;
    frameNode[0] = root;
    frameMember[0] = 0;
    framePos[0] = first[root];
    let depth = 1;
    while (depth > 0) {
      const f = depth - 1;
      const v = frameNode[f];
      const x = states[v];
      let o = frameMember[f];
      let bits = framePos[f];
      let w = -1;
      while (o < nO) {
        if (bits === 0) {
          if (++o < nO) bits = sets[o][v];
          continue;
        }
        const t = indexOf[x ^ deps[o][31 - Math.clz32(bits & -bits)]];
        bits &= bits - 1;
        if (index[t] < 0) {
          w = t;
          break;
        }
        if (onStack[t] === 1) {
          if (index[t] < low[v]) low[v] = index[t];
        } else if (out[t] < out[v]) out[v] = out[t]; // a finished component
      }
      frameMember[f] = o;
      framePos[f] = bits;
      if (w >= 0) {
        index[w] = low[w] = counter++;
        out[w] = value[w];
        sccStack[sccTop++] = w;
        onStack[w] = 1;
        frameNode[depth] = w;
        frameMember[depth] = 0;
        framePos[depth] = first[w];
        depth++;
        continue;
      }
      depth--;
      sccTop = finishVertex(scratch, v, depth, sccTop);
    }
  }
  return out;
}
