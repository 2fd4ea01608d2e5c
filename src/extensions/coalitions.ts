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
 * states asked for (CoalitionOptions.detail, by `CoalitionChecker` in
 * coalition-checker.ts): R_H^{++}(s) by `coalitionReach`;
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
import type { StabilityContext } from "../stability/context.js";
import { CoalitionChecker, type CoalitionSanction, type JointMove } from "./coalition-checker.js";
import { coalitionVerdicts } from "./coalition-verdicts.js";
import { stateId } from "../model/states.js";
import { count } from "../format/count.js";

export const COALITION_CONCEPTS = ["Nash", "GMR", "SMR", "SEQ"] as const;
export type CoalitionConcept = (typeof COALITION_CONCEPTS)[number];

/** More coalitions than this are refused up front (a bound on work and output, not on memory). */
export const MAX_COALITIONS = 4096;

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

/**
 * The coalition's joint moves in which every member moves at least once. A move that leaves a member idle is a
 * smaller group's move (listed under that group, or one party's own improvement), so a report of this coalition
 * shows these (the verdicts still count every move).
 */
export function movesByEveryMember<M extends { path: readonly { dm: number }[] }>(co: { coalition: readonly number[]; moves: readonly M[] }): M[] {
  return co.moves.filter((mv) => co.coalition.every((d) => mv.path.some((p) => p.dm === d)));
}

/** Whether every joint move of `moves` is deterred under concept c (a coalition's verdict judged on the moves shown). */
export function allDeterred(moves: readonly JointMoveCheck[], c: CoalitionConcept): boolean {
  return moves.every((mv) => mv.sanctions[c]);
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
  const coalitions = coalitionCount(n, minSize, maxSize);
  if (coalitions > MAX_COALITIONS)
    throw new ParleyError({
      code: "too-many-coalitions",
      message: `${n} decision makers make ${count(coalitions)} coalitions of ${minSize} to ${maxSize} members, over the limit of ${count(MAX_COALITIONS)}; examine smaller coalitions (a lower maximum size)`,
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
    if (detailed.has(s)) yield { done: ++done, total, label: `coalitions at state ${stateId(s)}` };
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
