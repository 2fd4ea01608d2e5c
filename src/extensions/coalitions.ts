/**
 * Coalition analysis: could a group of decision makers, moving together, leave
 * an equilibrium for a state every one of them prefers, and would the others'
 * response deter them? (Kilgour, Hipel, Fang & Peng 2001, "Coalition analysis
 * in group decision support", Group Decision and Negotiation 10; Inohara &
 * Hipel 2008, "Coalition analysis in the graph model for conflict resolution",
 * Systems Engineering 11(4).)
 *
 * Definitions, for a coalition H (a non-empty set of DMs) and the others N∖H:
 * - t ≻_H s, "t is better for H than s": every member of H strictly prefers t to s.
 * - R_H(s): the states H reaches from s by a sequence of one or more unilateral
 *   moves of its members, no DM moving twice in a row (`coalitionReach`).
 * - Coalition improvements R_H^{++}(s) = { t ∈ R_H(s) : t ≻_H s }. The steps of
 *   the sequence need not be improvements; only where it ends counts.
 * - A sanction of the joint move s → s1 is a state s2 the others reach from s1
 *   that is not better for H (some member i ∈ H has s ⪰_i s2: that member would
 *   rather not have joined).
 *
 * Stability of s for H:
 * 1. CNash: R_H^{++}(s) = ∅.
 * 2. CGMR: every s1 ∈ R_H^{++}(s) has some s2 ∈ R_{N∖H}(s1) with not s2 ≻_H s.
 * 3. CSMR: as CGMR, and also not s3 ≻_H s for every s3 ∈ R_H(s2): no joint
 *    counter-move of H from the sanction gets all its members above s.
 * 4. CSEQ: every s1 ∈ R_H^{++}(s) has some s2 ∈ R^+_{N∖H}(s1) (a sequence of the
 *    others' unilateral improvements, so the threat is credible) with not s2 ≻_H s.
 * Each is the plain concept with the DM i replaced by H (≻_i by ≻_H, and s ⪰_i t
 * by "not t ≻_H s"), so for H = {i} it is exactly the plain concept. For H = N
 * there are no others: every concept reduces to CNash (no reachable state that
 * everyone prefers). A state is a coalition equilibrium under a concept when it
 * is stable for every coalition (singletons included: it is a plain equilibrium).
 *
 * Variants not implemented (docs/coalitions.md): sanctions made jointly by
 * coalitions of the others (their coalition improvements rather than unilateral
 * ones, which only matters for SEQ), and sanctions required to leave every
 * member no better off.
 *
 * Computation. Verdicts: all four concepts for every state at once, per
 * coalition (`coalitionVerdicts`: components of H's union graph and a skyline
 * of member value vectors over each reach set, O(C · (S + E) · K), K a
 * skyline's size; for CSMR the skylines are also met over the others' reach
 * sets, src/extensions/coalition-verdicts.ts). Details, only for the
 * states asked for (CoalitionOptions.detail): R_H^{++}(s) by `coalitionReach`;
 * for CGMR and CSEQ, one `reachMin` per member over the others' move
 * (improvement) graph decides every joint move with |H| comparisons; for CSMR,
 * which depends on s through "better for H", two breadth-first passes over
 * reversed graphs per detailed state; each deterred move gets a breadth-first
 * search for a shortest sanction. As in the
 * plain concepts, plain reachability stands in for "no DM twice in a row": they
 * differ at most at the start s1, which is better for H and so never a sanction.
 */
import { ParleyError } from "../format/errors.js";
import { runToEnd, type Analysis } from "../stability/analyze.js";
import { coalitionReach } from "./coalition-reach.js";
import { coalitionVerdicts } from "./coalition-verdicts.js";
import { coalitionImprovements, coalitionMoves, type StabilityContext } from "../stability/context.js";
import type { MoveStep } from "../stability/explain.js";
import type { Adjacency } from "../stability/moves.js";
import { reachMin } from "../stability/reach.js";

export const COALITION_CONCEPTS = ["Nash", "GMR", "SMR", "SEQ"] as const;
export type CoalitionConcept = (typeof COALITION_CONCEPTS)[number];

/** More coalitions than this are refused up front (a bound on work and output, not on memory). */
export const MAX_COALITIONS = 4096;

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

export interface JointMoveCheck extends JointMove {
  /** concept -> the deterring sanction, or null when nothing deters the move (always null for Nash). */
  sanctions: Partial<Record<CoalitionConcept, CoalitionSanction | null>>;
}

export interface CoalitionAtState {
  /** DM indices, ascending. */
  coalition: number[];
  /** Its coalition improvements from the state: deterred under the fewest concepts first, then the most attractive to all members (empty when the state is not detailed). */
  moves: JointMoveCheck[];
  /** Whether the state is stable for this coalition under each concept. */
  stable: Partial<Record<CoalitionConcept, boolean>>;
}

export interface StateCoalitions {
  state: number;
  /** Whether the coalitions' joint moves and sanctions were computed (CoalitionOptions.detail); if not, their `moves` are empty. */
  detailed: boolean;
  /** Concepts (of those analysed) under which the state is a plain equilibrium. */
  equilibriumUnder: CoalitionConcept[];
  /** Coalitions (of the sizes examined) that have a coalition improvement from the state. */
  coalitions: CoalitionAtState[];
  /** Coalition equilibrium: a plain equilibrium stable for every coalition examined. */
  stable: Partial<Record<CoalitionConcept, boolean>>;
}

export interface CoalitionAnalysis {
  concepts: CoalitionConcept[];
  /** Sizes of the coalitions examined (at least 2; singletons are the plain analysis). */
  minSize: number;
  maxSize: number;
  /** How many coalitions were examined at each state. */
  coalitionCount: number;
  states: StateCoalitions[];
  /** concept -> the examined states that are coalition equilibria, ascending. */
  equilibria: Partial<Record<CoalitionConcept, number[]>>;
}

export interface CoalitionOptions {
  /** Default: the coalition concepts among those the analysis holds. */
  concepts?: readonly CoalitionConcept[];
  /** Largest coalition examined (default: every DM, the grand coalition). */
  maxSize?: number;
  /** States to examine (default: every equilibrium under some concept analysed). */
  states?: readonly number[];
  /**
   * Which of the examined states (given with the concepts under which each is
   * an equilibrium) to explain joint move by joint move, with sanctions
   * (default: all). The others get their verdicts only: each coalition's
   * stability, with `moves` left empty, at a fraction of the cost.
   */
  detail?: (examined: readonly { state: number; equilibriumUnder: CoalitionConcept[] }[]) => Iterable<number>;
}

/** Number of coalitions with between minSize and maxSize of n DMs. */
export function coalitionCount(n: number, minSize: number, maxSize: number): number {
  let total = 0;
  let binom = 1; // C(n, k)
  for (let k = 0; k <= Math.min(n, maxSize); k++) {
    if (k >= minSize) total += binom;
    binom = (binom * (n - k)) / (k + 1);
  }
  return total;
}

/** Every coalition of n DMs with between minSize and maxSize members: smaller first, then in DM order. */
export function enumerateCoalitions(n: number, minSize: number, maxSize: number): number[][] {
  const count = coalitionCount(n, minSize, maxSize);
  if (count > MAX_COALITIONS)
    throw new ParleyError({
      code: "too-many-coalitions",
      message: `${n} decision makers make ${count.toLocaleString("en-US")} coalitions of ${minSize} to ${maxSize} members, over the limit of ${MAX_COALITIONS.toLocaleString("en-US")}; examine smaller coalitions (a lower maximum size)`,
    });
  const out: number[][] = [];
  const grow = (size: number, from: number, acc: number[]) => {
    if (acc.length === size) {
      out.push(acc.slice());
      return;
    }
    for (let d = from; d <= n - (size - acc.length); d++) {
      acc.push(d);
      grow(size, d + 1, acc);
      acc.pop();
    }
  };
  for (let size = Math.max(1, minSize); size <= Math.min(n, maxSize); size++) grow(size, 0, []);
  return out;
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
  deterred(concept: CoalitionConcept, s: number, targets: readonly number[]): boolean[] {
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
  stableAt(concept: CoalitionConcept, s: number): boolean {
    const targets = coalitionReach(this.ctx, this.coalition, s).states.filter((t) => this.better(t, s));
    return targets.length === 0 || this.deterred(concept, s, targets).every(Boolean);
  }

  /** A shortest deterring sanction of the joint move s → s1, or null. */
  sanction(concept: CoalitionConcept, s: number, s1: number): CoalitionSanction | null {
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
  stableEverywhere(concept: CoalitionConcept): Uint8Array {
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

/**
 * Coalition analysis of the equilibria (or of chosen states):
 * 1. Enumerate the coalitions of 2 to maxSize DMs (refused beyond MAX_COALITIONS).
 * 2. Per coalition, the verdicts for every state at once (`coalitionVerdicts`):
 *    CNash (which also says whether the coalition has a joint move at all),
 *    and each concept asked for.
 * 3. For the states to detail only: the coalition improvements R_H^{++}(s),
 *    each with a shortest legal path of member moves; per joint move and
 *    concept, deterrence (`deterred`) and, when deterred, a shortest sanction.
 * 4. The state holds against coalitions under a concept when it is a plain
 *    equilibrium under it and stable for every coalition examined.
 */
export function coalitionAnalysis(analysis: Analysis, opts: CoalitionOptions = {}): CoalitionAnalysis {
  return runToEnd(coalitionAnalysisSteps(analysis, opts));
}

/**
 * The same, pausing after each coalition's verdicts and each state detailed,
 * so an adapter can show progress and stop. With S states, E moves, C
 * coalitions, Q states examined and D detailed: O(C · (S + E) · K) for the
 * verdicts (K the size of a skyline, src/stability/dominance.ts; CSMR's meets
 * add O(K²) per state and per edge between the others' components), plus the
 * details, O(S + E) per joint move and concept, for the D states
 * (docs/performance.md).
 */
export function* coalitionAnalysisSteps(
  analysis: Analysis,
  opts: CoalitionOptions = {},
): Generator<{ done: number; total: number; label: string }, CoalitionAnalysis> {
  const { model, context } = analysis;
  const concepts = [...(opts.concepts ?? COALITION_CONCEPTS.filter((c) => analysis.concepts.includes(c)))];
  for (const c of concepts) if (!analysis.equilibria[c]) throw new Error(`coalitionAnalysis: the analysis has no ${c} results`);
  const n = model.nDMs;
  const maxSize = Math.min(n, opts.maxSize ?? n);
  const minSize = 2;
  const coalitions = enumerateCoalitions(n, minSize, maxSize);
  const eqSets = new Map(concepts.map((c) => [c, new Set(analysis.equilibria[c])]));
  const states = opts.states
    ? [...new Set(opts.states)].sort((a, b) => a - b)
    : [...new Set(concepts.flatMap((c) => analysis.equilibria[c]!))].sort((a, b) => a - b);
  const examined = states.map((s) => ({ state: s, equilibriumUnder: concepts.filter((c) => eqSets.get(c)!.has(s)) }));
  const detailed = new Set(opts.detail ? opts.detail(examined) : states);
  const checkers = coalitions.map((H) => new CoalitionChecker(context, H));
  const total = coalitions.length + examined.filter((x) => detailed.has(x.state)).length;
  let done = 0;

  // Verdicts: per coalition and concept, for every state at once (only the examined states are used).
  const verdicts: Record<CoalitionConcept, Uint8Array>[] = [];
  const whole = COALITION_CONCEPTS.filter((c) => c === "Nash" || concepts.includes(c));
  for (const checker of checkers) {
    verdicts.push(coalitionVerdicts(context, checker.coalition, whole) as Record<CoalitionConcept, Uint8Array>);
    yield { done: ++done, total, label: `coalition ${checker.coalition.map((d) => model.scenario.decisionMakers[d].id).join(" + ")}` };
  }

  const out: StateCoalitions[] = [];
  for (const { state: s, equilibriumUnder } of examined) {
    const found: CoalitionAtState[] = [];
    checkers.forEach((checker, k) => {
      if (verdicts[k].Nash[s] === 1) return; // no joint move from s
      const stable: CoalitionAtState["stable"] = {};
      for (const c of concepts) stable[c] = verdicts[k][c][s] === 1;
      found.push({ coalition: [...checker.coalition], moves: detailed.has(s) ? jointMoves(checker, s) : [], stable });
    });
    const stable: StateCoalitions["stable"] = {};
    for (const c of concepts) stable[c] = equilibriumUnder.includes(c) && found.every((f) => f.stable[c]);
    out.push({ state: s, detailed: detailed.has(s), equilibriumUnder, coalitions: found, stable });
    if (detailed.has(s)) yield { done: ++done, total, label: `coalitions at state ${s + 1}` };
  }

  /** The coalition's joint moves from s with their sanctions, in the order shown. */
  function jointMoves(checker: CoalitionChecker, s: number): JointMoveCheck[] {
    const joint = checker.improvements(s);
    const targets = joint.map((m) => m.to);
    const deterred = new Map(concepts.map((c) => [c, checker.deterred(c, s, targets)]));
    const moves: JointMoveCheck[] = joint.map((m, k) => {
      const sanctions: JointMoveCheck["sanctions"] = {};
      for (const c of concepts) sanctions[c] = deterred.get(c)![k] ? checker.sanction(c, s, m.to) : null;
      return { ...m, sanctions };
    });
    // Those deterred under the fewest concepts first; then the one whose least-gaining member
    // gains the most preference levels (the most attractive for all), the shortest, the lowest state.
    const open = (m: JointMoveCheck) => concepts.filter((c) => m.sanctions[c] === null).length;
    const gain = (m: JointMoveCheck) => Math.min(...checker.coalition.map((i) => model.pref[i][m.to] - model.pref[i][s]));
    moves.sort((a, b) => open(b) - open(a) || gain(b) - gain(a) || a.path.length - b.path.length || a.to - b.to);
    return moves;
  }

  const equilibria: CoalitionAnalysis["equilibria"] = {};
  for (const c of concepts) equilibria[c] = out.filter((x) => x.stable[c]).map((x) => x.state);
  return { concepts, minSize, maxSize, coalitionCount: coalitions.length, states: out, equilibria };
}

/**
 * Per state: stable for coalition H under the concept (whole-graph verdicts).
 * For H = {i} this equals the plain concept.
 */
export function coalitionStable(ctx: StabilityContext, coalition: readonly number[], concept: CoalitionConcept): Uint8Array {
  return coalitionVerdicts(ctx, coalition, [concept])[concept]!;
}

// ---------------------------------------------------------------------------

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
