/**
 * Coalition stability of one coalition H, state by state, with the joint moves
 * and sanctions that explain it (the definitions are in coalitions.ts): per
 * concept, the graphs and minima it needs, built on first use, and the
 * breadth-first searches for shortest sanctions.
 */
import { coalitionImprovements, coalitionMoves, type StabilityContext } from "../stability/context.js";
import type { MoveStep } from "../stability/explain.js";
import type { Adjacency } from "../stability/moves.js";
import { reachMin } from "../stability/reach.js";
import { coalitionReach } from "./coalition-reach.js";
import type { WholeGraphConcept } from "./coalition-verdicts.js";

/** A joint move: where it ends and a shortest legal sequence of member moves that gets there. */
export interface JointMove {
  to: number;
  path: MoveStep[];
}

export interface CoalitionSanction {
  /** The others' moves, in order (each an improvement for its mover under SEQ). */
  moves: MoveStep[];
  /** Where the sanction leaves the coalition. */
  result: number;
  /** The first member of the coalition that `result` leaves no better off than the start. */
  member: number;
}

/**
 * Coalition stability for one coalition: per concept, the graphs and minima it
 * needs, built on first use. Checks and explanations both go through it.
 */
export class CoalitionChecker {
  readonly others: number[];
  private readonly cache: {
    othersMoves?: Adjacency;
    othersCredible?: Adjacency;
    othersMovesBack?: Adjacency;
    ownMovesBack?: Adjacency;
    worst?: Int32Array[];
    worstCredible?: Int32Array[];
    /** CSMR depends on the state s: the last one asked about. */
    escapes?: { s: number; mark: Uint8Array };
  } = {};

  constructor(
    readonly ctx: StabilityContext,
    readonly coalition: readonly number[],
  ) {
    this.others = Array.from({ length: ctx.model.nDMs }, (_, d) => d).filter((d) => !coalition.includes(d));
  }

  /** t ≻_H s: every member strictly prefers t to s. */
  better(t: number, s: number): boolean {
    const { pref } = this.ctx.model;
    for (const i of this.coalition) if (pref[i][t] <= pref[i][s]) return false;
    return true;
  }

  /** R_H^{++}(s), ascending, each with a shortest legal sequence of member moves. */
  improvements(s: number): JointMove[] {
    const reach = coalitionReach(this.ctx, this.coalition, s);
    const out: JointMove[] = [];
    for (const t of reach.states) if (this.better(t, s)) out.push({ to: t, path: reach.pathTo(t) });
    return out;
  }

  /**
   * For each s1 of `targets`, which must be coalition improvements from s (in
   * R_H^{++}(s)): whether some sanction deters the joint move s → s1 under the concept.
   */
  deterred(concept: WholeGraphConcept, s: number, targets: readonly number[]): boolean[] {
    if (concept === "Nash" || this.others.length === 0) return targets.map(() => false);
    if (concept === "SMR") {
      const reach = this.smrSanctionable(s);
      return targets.map((t) => reach[t] === 1);
    }
    const worst = concept === "GMR" ? this.worstMove() : this.worstCredible();
    const { pref } = this.ctx.model;
    return targets.map((t) => this.coalition.some((i, k) => worst[k][t] <= pref[i][s]));
  }

  /** Whether s is stable for the coalition under the concept. */
  stableAt(concept: WholeGraphConcept, s: number): boolean {
    const targets = coalitionReach(this.ctx, this.coalition, s).states.filter((t) => this.better(t, s));
    return targets.length === 0 || this.deterred(concept, s, targets).every(Boolean);
  }

  /** A shortest deterring sanction of the joint move s → s1, or null. */
  sanction(concept: WholeGraphConcept, s: number, s1: number): CoalitionSanction | null {
    if (concept === "Nash" || this.others.length === 0) return null;
    const graph = concept === "SEQ" ? this.othersCredible() : this.othersMoves();
    let ok: (t: number) => boolean = (t) => !this.better(t, s);
    if (concept === "SMR") {
      const escapes = this.escapes(s);
      ok = (t) => !this.better(t, s) && escapes[t] === 0;
    }
    const found = shortestPath(graph, s1, ok);
    if (!found) return null;
    const { pref } = this.ctx.model;
    const member = this.coalition.find((i) => pref[i][found.result] <= pref[i][s])!;
    return { moves: found.steps.map((st) => ({ dm: this.moverOf(st.from, st.to), from: st.from, to: st.to })), result: found.result, member };
  }

  /** Every state stable for the coalition under the concept (1) or not (0). */
  stableEverywhere(concept: WholeGraphConcept): Uint8Array {
    const n = this.ctx.model.states.length;
    const out = new Uint8Array(n);
    for (let s = 0; s < n; s++) out[s] = this.stableAt(concept, s) ? 1 : 0;
    return out;
  }

  private othersMoves(): Adjacency {
    return (this.cache.othersMoves ??= coalitionMoves(this.ctx, this.others));
  }

  private othersCredible(): Adjacency {
    return (this.cache.othersCredible ??= coalitionImprovements(this.ctx, this.others));
  }

  private worstMove(): Int32Array[] {
    const g = this.othersMoves();
    return (this.cache.worst ??= this.coalition.map((i) => reachMin(g, this.ctx.model.pref[i])));
  }

  private worstCredible(): Int32Array[] {
    const g = this.othersCredible();
    return (this.cache.worstCredible ??= this.coalition.map((i) => reachMin(g, this.ctx.model.pref[i])));
  }

  /** Per state t: whether some joint counter-move of H from t (R_H(t)) is better for H than s. */
  private escapes(s: number): Uint8Array {
    if (this.cache.escapes?.s === s) return this.cache.escapes.mark;
    const back = (this.cache.ownMovesBack ??= reverse(coalitionMoves(this.ctx, this.coalition)));
    const n = this.ctx.model.states.length;
    const seeds: number[] = [];
    for (let t = 0; t < n; t++) if (this.better(t, s)) seeds.push(t);
    const mark = predecessors(back, seeds, false);
    this.cache.escapes = { s, mark };
    return mark;
  }

  /** Per state t: whether the others can move from t to a CSMR sanction (zero or more steps). */
  private smrSanctionable(s: number): Uint8Array {
    const escapes = this.escapes(s);
    const n = this.ctx.model.states.length;
    const seeds: number[] = [];
    for (let t = 0; t < n; t++) if (escapes[t] === 0 && !this.better(t, s)) seeds.push(t);
    const back = (this.cache.othersMovesBack ??= reverse(this.othersMoves()));
    return predecessors(back, seeds, true);
  }

  /** The other DM whose unilateral move goes from `from` to `to` (options are disjoint, so exactly one). */
  private moverOf(from: number, to: number): number {
    const { model } = this.ctx;
    const changed = model.states[from] ^ model.states[to];
    return this.others.find((d) => (model.dmMask[d] & changed) === changed)!;
  }
}

/** The graph with every edge turned around. */
function reverse(g: Adjacency): Adjacency {
  const n = g.offsets.length - 1;
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < g.targets.length; e++) offsets[g.targets[e] + 1]++;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(g.targets.length);
  for (let v = 0; v < n; v++) for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) targets[fill[g.targets[e]]++] = v;
  return { offsets, targets };
}

/**
 * In a reversed graph: every state with a path to some seed, of one or more
 * steps (or zero or more when `includeSeeds`). The queue and the "queued"
 * stamps are kept per graph: this runs twice per detailed state and coalition,
 * and allocating them each time cost more than the search on large models.
 */
function predecessors(back: Adjacency, seeds: readonly number[], includeSeeds: boolean): Uint8Array {
  const n = back.offsets.length - 1;
  let scratch = predecessorScratch.get(back);
  if (!scratch) predecessorScratch.set(back, (scratch = { queue: new Int32Array(n), stamp: new Uint32Array(n), generation: 0 }));
  const gen = ++scratch.generation;
  const { queue, stamp } = scratch;
  const mark = new Uint8Array(n);
  let tail = 0;
  for (const t of seeds) {
    if (stamp[t] === gen) continue;
    stamp[t] = gen;
    queue[tail++] = t;
    if (includeSeeds) mark[t] = 1;
  }
  const { offsets, targets } = back;
  for (let q = 0; q < tail; q++) {
    const v = queue[q];
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const u = targets[e];
      mark[u] = 1;
      if (stamp[u] !== gen) {
        stamp[u] = gen;
        queue[tail++] = u;
      }
    }
  }
  return mark;
}
const predecessorScratch = new WeakMap<Adjacency, { queue: Int32Array; stamp: Uint32Array; generation: number }>();

/** Breadth-first from `start` (excluded) to the nearest state where `ok` holds; the steps to it. */
function shortestPath(g: Adjacency, start: number, ok: (t: number) => boolean): { steps: { from: number; to: number }[]; result: number } | null {
  const parent = new Map<number, number>([[start, -1]]);
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
      const t = g.targets[e];
      if (parent.has(t)) continue;
      parent.set(t, v);
      if (ok(t)) {
        const steps: { from: number; to: number }[] = [];
        for (let x = t; x !== start; x = parent.get(x)!) steps.unshift({ from: parent.get(x)!, to: x });
        return { steps, result: t };
      }
      queue.push(t);
    }
  }
  return null;
}
