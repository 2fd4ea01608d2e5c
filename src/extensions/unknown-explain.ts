/**
 * Why a state is or is not stable with unknown preferences: per move the
 * variant lets the DM consider, the shortest sanction that deters it, found
 * by breadth-first search over the same (state, last mover) pairs the solver
 * in unknown.ts reasons about.
 */
import type { MoveStep } from "../stability/explain.js";
import { opponents } from "../stability/context.js";
import { UNKNOWN_VARIANT_INFO, type UnknownConcept, type UnknownStability, type UnknownVariant } from "./unknown.js";
import { relationOf, type Relation } from "./unknown-pairs.js";

/** One move DM i may consider from s, and what deters it. */
export interface UnknownMoveCheck {
  to: number;
  /** How i rates the move's result against s: better or unknown. */
  relation: Relation;
  /** The deterring sanction (opponents' moves in order and where they end), or null. */
  sanction: { moves: MoveStep[]; result: number; relation: Relation; counter?: { to: number; relation: Relation } } | null;
}

/**
 * Why s is or is not stable for DM i under the concept's variant: each move
 * the variant lets i consider and the shortest sanction that deters it (for
 * SMR, with i's best counter-move from the sanction's end), or null.
 */
export function explainUnknown(
  solver: UnknownStability,
  s: number,
  i: number,
  concept: UnknownConcept,
  variant: UnknownVariant,
): { stable: boolean; moves: UnknownMoveCheck[] } {
  const { model, unknown } = solver;
  const loose = UNKNOWN_VARIANT_INFO[variant].sanctionsOnUnknown;
  const rel = (t: number) => relationOf(model, unknown, i, s, t);
  const inPhi = (t: number) => {
    const r = rel(t);
    return r === "worse" || r === "equal" || (loose && r === "unknown");
  };
  const own = solver.context.moves[i];
  const ownMoves = (t: number) => Array.from(own.targets.subarray(own.offsets[t], own.offsets[t + 1]));
  const ok = (t: number) => inPhi(t) && (concept !== "SMR" || ownMoves(t).every(inPhi));
  const moves: UnknownMoveCheck[] = [];
  for (const s1 of ownMoves(s)) {
    if (!solver.considers(variant, i, s, s1)) continue;
    const found = concept === "Nash" ? null : findSanction(solver, i, s1, concept === "SEQ", ok);
    const sanction: UnknownMoveCheck["sanction"] = found && { ...found, relation: rel(found.result) };
    if (sanction && concept === "SMR") {
      // The counter-move i likes best from the sanction's end, to show it does not pay.
      const escapes = ownMoves(sanction.result);
      const order: Record<Relation, number> = { better: 3, unknown: 2, equal: 1, worse: 0 };
      let best: number | undefined;
      for (const t of escapes)
        if (best === undefined || order[rel(t)] > order[rel(best)] || (order[rel(t)] === order[rel(best)] && model.pref[i][t] > model.pref[i][best])) best = t;
      if (best !== undefined) sanction.counter = { to: best, relation: rel(best) };
    }
    moves.push({ to: s1, relation: rel(s1), sanction });
  }
  return { stable: moves.every((m) => m.sanction !== null), moves };
}

/** The shortest legal sequence of opponents' moves from s1 (one or more) ending in a state where `ok` holds. */
function findSanction(
  solver: UnknownStability,
  i: number,
  s1: number,
  credible: boolean,
  ok: (t: number) => boolean,
): { moves: MoveStep[]; result: number } | null {
  const H = opponents(solver.context, i);
  const h = H.length;
  const parent = new Map<number, number>(); // node -> parent node (-1: the start)
  const queue: number[] = [];
  const visit = (t: number, k: number, from: number): number | undefined => {
    const node = t * h + k;
    if (parent.has(node)) return undefined;
    parent.set(node, from);
    if (ok(t)) return node;
    queue.push(node);
    return undefined;
  };
  const expand = (t: number, last: number, from: number): number | undefined => {
    for (let k = 0; k < h; k++) {
      if (k === last) continue;
      const j = H[k];
      const { offsets, targets } = solver.context.moves[j];
      for (let e = offsets[t]; e < offsets[t + 1]; e++) {
        const u = targets[e];
        if (credible && !solver.crediblyMoves(j, t, u)) continue;
        const found = visit(u, k, from);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  let found = expand(s1, -1, -1);
  for (let q = 0; found === undefined && q < queue.length; q++) found = expand((queue[q] / h) | 0, queue[q] % h, queue[q]);
  if (found === undefined) return null;
  const moves: MoveStep[] = [];
  for (let node = found; node !== -1; node = parent.get(node)!) {
    const p = parent.get(node)!;
    moves.unshift({ dm: H[node % h], from: p === -1 ? s1 : (p / h) | 0, to: (node / h) | 0 });
  }
  return { moves, result: (found / h) | 0 };
}
