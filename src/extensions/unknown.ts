/**
 * Stability with unknown preferences: Li, Hipel, Kilgour & Fang (2004),
 * "Preference uncertainty in the graph model for conflict resolution", IEEE
 * Transactions on Systems, Man, and Cybernetics, Part A 34(4) 507–520. Between
 * two states a decision maker (DM) prefers one (≻), is indifferent (∼), or
 * does not know (U). Nash, GMR, SMR and SEQ each come in four variants, a–d,
 * by how the DM treats a state whose preference against the current one it
 * does not know: whether it may move there, and whether a sanction that ends
 * there deters it.
 *
 * Notation, for DM i at state s (N∖i: its opponents):
 *
 *   R_i^+(s)        = {t ∈ R_i(s) : t ≻_i s}              unilateral improvements
 *   R_i^{+,U}(s)    = R_i^+(s) ∪ {t ∈ R_i(s) : t U_i s}   improvements and uncertain moves
 *   Φ_i^{-,=}(s)    = {t : s ≻_i t or s ∼_i t}             known to be no better (s itself included)
 *   Φ_i^{-,=,U}(s)  = Φ_i^{-,=}(s) ∪ {t : t U_i s}         not known to be better
 *   R_H(s), R^{+,U}_H(s): states reached by a legal sequence (no DM twice in a
 *   row, one move or more) of moves, or of moves each in its mover's R_j^{+,U}
 *
 * Variant   moves the DM may make (M)   a sanction must end in (Φ)
 *    a      R_i^{+,U}(s)                Φ_i^{-,=}(s)
 *    b      R_i^+(s)                    Φ_i^{-,=}(s)
 *    c      R_i^{+,U}(s)                Φ_i^{-,=,U}(s)
 *    d      R_i^+(s)                    Φ_i^{-,=,U}(s)
 *
 *   Nash_x: M = ∅.
 *   GMR_x:  every s1 ∈ M has some s2 ∈ R_{N∖i}(s1) ∩ Φ.
 *   SMR_x:  every s1 ∈ M has some s2 ∈ R_{N∖i}(s1) ∩ Φ with R_i(s2) ⊆ Φ.
 *   SEQ_x:  every s1 ∈ M has some s2 ∈ R^{+,U}_{N∖i}(s1) ∩ Φ.
 *
 * Sources and what is inferred. The full text of Li et al. (2004) was not
 * reachable; its abstract confirms the preference structure {≻, ∼, U}, the four
 * concepts and "four distinct ways to consider uncertain preference
 * information … producing sixteen extended stability definitions". The table
 * above is read from the matrix form of the sixteen definitions in a public
 * implementation of the matrix method of Xu, Hipel, Kilgour et al. (NUAA GMCR,
 * `UncertainStability.cs`: J^{+,U} and J^+ for the moves, P^{-,=} and
 * P^{-,=,U} for the sanctions, M^{+,U}_{N-i} for SEQ); the restatements in
 * Xu, Hipel, Kilgour & Chen (Theory and Decision, doi:10.1007/s11238-009-9134-6)
 * and Xu, Hipel, Kilgour & Fang (2018, Conflict Resolution Using the Graph
 * Model) could not be read either. Parley's own choices:
 *   1. [inferred] An entry's pairs are unordered and never pair a state with
 *      itself (∼ is reflexive), so s ∈ Φ_i^{-,=}(s) always.
 *   2. [inferred; as in the matrix form] SEQ sanctions are credible when each
 *      sanctioning move is in its mover's R_j^{+,U}, in every variant: an
 *      opponent may make a move whose preference it does not know.
 *   3. [inferred; as in the matrix form] In SMR the DM's counter-move s3
 *      ranges over all of R_i(s2), as in the plain definition, and must land
 *      in the variant's Φ.
 *   4. [inferred] A side matching no feasible state, or an entry pairing no
 *      two distinct states, is an error (unknownPreferences), not a no-op.
 *
 * How it is computed. Φ is not a threshold on preference levels once pairs
 * are unknown, but it is one outside the set U(s) of states s cannot be
 * compared with: Φ^{-,=}(s) = {t ∉ U(s) : level t ≤ level s} and Φ^{-,=,U}(s)
 * = {t : level t ≤ level s} ∪ U(s). U(s) depends only on which sides of the
 * DM's entries s matches (its signature), so states are grouped by signature,
 * and per group the test "some reachable state in Φ" becomes "the minimum of
 * a per-state value over the reachable states is at most level s", solved for
 * all states at once by reachMin. Unknown pairs make "improvement or
 * uncertain" intransitive, so two consecutive moves of one opponent no longer
 * merge into one (the argument docs/method.md gives for the plain union
 * graph), and in variant c a move s1 may itself be a sanction when the
 * opponents can come back to it: reachability is therefore taken over
 * (state, last mover) pairs, exactly as the definition reads. Cost per DM:
 * O(groups × |N∖i| × (states + moves)).
 *
 * The unknown pairs themselves are read in unknown-pairs.ts; why a state is
 * or is not stable (the sanctions found) is in unknown-explain.ts.
 */
import type { Model } from "../model/compile.js";
import { analyze, createContext, type Analysis } from "../stability/analyze.js";
import { opponents, type StabilityContext } from "../stability/context.js";
import type { Adjacency } from "../stability/moves.js";
import { reachMin } from "../stability/reach.js";
import { isUnknown, unknownPreferences, type UnknownPreferences } from "./unknown-pairs.js";

export const UNKNOWN_CONCEPTS = ["Nash", "GMR", "SMR", "SEQ"] as const;
export type UnknownConcept = (typeof UNKNOWN_CONCEPTS)[number];

export const UNKNOWN_VARIANTS = ["a", "b", "c", "d"] as const;
export type UnknownVariant = (typeof UNKNOWN_VARIANTS)[number];

export const UNKNOWN_VARIANT_INFO: Record<UnknownVariant, { movesToUnknown: boolean; sanctionsOnUnknown: boolean; summary: string }> = {
  a: {
    movesToUnknown: true,
    sanctionsOnUnknown: false,
    summary: "may move to a state it cannot compare with the current one; only a sanction ending in a state known to be no better deters it",
  },
  b: {
    movesToUnknown: false,
    sanctionsOnUnknown: false,
    summary: "moves only to states known to be better; only a sanction ending in a state known to be no better deters it",
  },
  c: {
    movesToUnknown: true,
    sanctionsOnUnknown: true,
    summary: "may move to a state it cannot compare with the current one; a sanction ending in such a state deters it too",
  },
  d: {
    movesToUnknown: false,
    sanctionsOnUnknown: true,
    summary: "moves only to states known to be better; a sanction ending in a state it cannot compare with the current one deters it too",
  },
};

/** Values at or above this never sanction; below every level, always. */
const NEVER = 0x7ffffffe;
const ALWAYS = -1;

type SanctionKind = "known" | "loose";
const kindOf = (v: UnknownVariant): SanctionKind => (UNKNOWN_VARIANT_INFO[v].sanctionsOnUnknown ? "loose" : "known");

/**
 * The sixteen concepts for one model, computed lazily and memoised: the
 * (state, last mover) graphs of each DM's opponents, and per DM the stability
 * arrays of every concept and variant asked for.
 */
export class UnknownStability {
  readonly model: Model;
  private readonly graphs = new Map<string, Adjacency>();
  private readonly results = new Map<string, Uint8Array>();

  constructor(
    readonly context: StabilityContext,
    readonly unknown: UnknownPreferences,
  ) {
    this.model = context.model;
  }

  /** Per state: 1 when stable for DM i under the concept's variant. */
  stable(concept: UnknownConcept, variant: UnknownVariant, i: number): Uint8Array {
    const key = `${concept}|${variant}|${i}`;
    let out = this.results.get(key);
    if (!out) {
      if (concept === "Nash") out = this.nash(variant, i);
      else {
        // Variants sharing the sanction set share the work: compute both at once.
        const kind = kindOf(variant);
        const pair = UNKNOWN_VARIANTS.filter((v) => kindOf(v) === kind);
        const arrays = this.sanctioned(concept, kind, pair, i);
        pair.forEach((v, k) => this.results.set(`${concept}|${v}|${i}`, arrays[k]));
        out = arrays[pair.indexOf(variant)];
      }
      this.results.set(key, out);
    }
    return out;
  }

  /** States stable for every DM, ascending. */
  equilibria(concept: UnknownConcept, variant: UnknownVariant): number[] {
    const perDM = Array.from({ length: this.model.nDMs }, (_, i) => this.stable(concept, variant, i));
    const out: number[] = [];
    for (let s = 0; s < this.model.states.length; s++) if (perDM.every((a) => a[s] === 1)) out.push(s);
    return out;
  }

  /** Whether DM i at s may consider moving to t under the variant: t in R_i^{+,U}(s) (a, c) or R_i^+(s) (b, d). */
  considers(variant: UnknownVariant, i: number, s: number, t: number): boolean {
    const p = this.model.pref[i];
    const unknown = isUnknown(this.unknown, i, s, t);
    return UNKNOWN_VARIANT_INFO[variant].movesToUnknown ? p[t] > p[s] || unknown : p[t] > p[s] && !unknown;
  }

  private nash(variant: UnknownVariant, i: number): Uint8Array {
    const { offsets, targets } = this.context.moves[i];
    const n = this.model.states.length;
    const out = new Uint8Array(n);
    for (let s = 0; s < n; s++) {
      let ok = 1;
      for (let e = offsets[s]; e < offsets[s + 1]; e++)
        if (this.considers(variant, i, s, targets[e])) {
          ok = 0;
          break;
        }
      out[s] = ok;
    }
    return out;
  }

  /**
   * GMR, SMR or SEQ for the variants in `variants` (which share the sanction
   * set `kind`): per signature group, the least value over what the opponents
   * reach from each move s1 (one legal move or more), against level s.
   */
  private sanctioned(concept: Exclude<UnknownConcept, "Nash">, kind: SanctionKind, variants: UnknownVariant[], i: number): Uint8Array[] {
    const { model } = this;
    const n = model.states.length;
    const pref = model.pref[i];
    const A = this.unknown.between[i];
    const B = this.unknown.and[i];
    const H = opponents(this.context, i);
    const h = H.length;
    const credible = concept === "SEQ";
    const graph = this.graph(i, credible);
    const out = variants.map(() => new Uint8Array(n));
    const own = this.context.moves[i];

    // Group the states by signature: the same U(s) for every state of a group.
    const groups = new Map<string, number[]>();
    for (let s = 0; s < n; s++) {
      const key = `${A[s]},${B[s]}`;
      const g = groups.get(key);
      if (g) g.push(s);
      else groups.set(key, [s]);
    }
    const value = new Int32Array(n);
    const lifted = new Int32Array(n * h);
    const first = new Int32Array(n);
    for (const states of groups.values()) {
      const sa = A[states[0]];
      const sb = B[states[0]];
      const inU = (t: number) => ((sa & B[t]) | (sb & A[t])) !== 0;
      // A state's own value: its level when it counts by level; NEVER or ALWAYS when it is in U(s).
      const own1 = (t: number) => (inU(t) ? (kind === "known" ? NEVER : ALWAYS) : pref[t]);
      for (let t = 0; t < n; t++) {
        let v = own1(t);
        if (concept === "SMR" && v !== NEVER) {
          // The sanction must hold after i's counter-move: every s3 in R_i(t) in Φ.
          for (let e = own.offsets[t]; e < own.offsets[t + 1] && v !== NEVER; e++) v = Math.max(v, own1(own.targets[e]));
        }
        value[t] = v;
      }
      for (let node = 0; node < n * h; node++) lifted[node] = value[(node / h) | 0];
      const reach = reachMin(graph, lifted);
      first.fill(NEVER + 1); // not yet computed
      const bestFrom = (s1: number) => {
        if (first[s1] !== NEVER + 1) return first[s1];
        let m = NEVER;
        for (let k = 0; k < h; k++) {
          const j = H[k];
          const { offsets, targets } = this.context.moves[j];
          for (let e = offsets[s1]; e < offsets[s1 + 1]; e++) {
            const t = targets[e];
            if (credible && !this.crediblyMoves(j, s1, t)) continue;
            const r = reach[t * h + k];
            if (r < m) m = r;
          }
        }
        first[s1] = m;
        return m;
      };
      for (const s of states) {
        variants.forEach((v, k) => {
          let ok = 1;
          for (let e = own.offsets[s]; e < own.offsets[s + 1]; e++) {
            const s1 = own.targets[e];
            if (this.considers(v, i, s, s1) && bestFrom(s1) > pref[s]) {
              ok = 0;
              break;
            }
          }
          out[k][s] = ok;
        });
      }
    }
    return out;
  }

  /** An opponent's move that counts in a credible (SEQ) sanction: t ∈ R_j^{+,U}(s). */
  crediblyMoves(j: number, s: number, t: number): boolean {
    const p = this.model.pref[j];
    return p[t] > p[s] || isUnknown(this.unknown, j, s, t);
  }

  /**
   * The opponents of i over (state, last mover) pairs: node t·h + k is "at t,
   * opponent k moved last"; it leads to (u, j) for every move t -> u of every
   * other opponent j (only moves in R_j^{+,U} when `credible`).
   */
  graph(i: number, credible: boolean): Adjacency {
    const key = `${i}|${credible}`;
    const hit = this.graphs.get(key);
    if (hit) return hit;
    const H = opponents(this.context, i);
    const h = H.length;
    const n = this.model.states.length;
    let total = 0;
    for (const j of H) total += this.context.moves[j].targets.length;
    const offsets = new Int32Array(n * h + 1);
    let targets = new Int32Array(Math.max(0, (h - 1) * total));
    let len = 0;
    for (let t = 0; t < n; t++)
      for (let k = 0; k < h; k++) {
        offsets[t * h + k] = len;
        for (let k2 = 0; k2 < h; k2++) {
          if (k2 === k) continue;
          const j = H[k2];
          const { offsets: o, targets: tg } = this.context.moves[j];
          for (let e = o[t]; e < o[t + 1]; e++) {
            const u = tg[e];
            if (credible && !this.crediblyMoves(j, t, u)) continue;
            targets[len++] = u * h + k2;
          }
        }
      }
    offsets[n * h] = len;
    if (len < targets.length) targets = targets.slice(0, len);
    const g = { offsets, targets };
    this.graphs.set(key, g);
    return g;
  }
}

export interface UnknownAnalysis {
  model: Model;
  context: StabilityContext;
  unknown: UnknownPreferences;
  concepts: UnknownConcept[];
  variants: UnknownVariant[];
  /** concept -> variant -> per DM -> per state: 1 when stable. */
  stable: Partial<Record<UnknownConcept, Partial<Record<UnknownVariant, Uint8Array[]>>>>;
  /** concept -> variant -> state indices stable for every DM, ascending. */
  equilibria: Partial<Record<UnknownConcept, Partial<Record<UnknownVariant, number[]>>>>;
  /** The plain analysis of the known preferences (what `parley analyze` gives). */
  plain: Analysis;
  solver: UnknownStability;
}

/** Every concept and variant asked for (default: all sixteen), beside the plain analysis. */
export function analyzeUnknown(
  model: Model,
  opts: { concepts?: readonly UnknownConcept[]; variants?: readonly UnknownVariant[]; context?: StabilityContext; unknown?: UnknownPreferences } = {},
): UnknownAnalysis {
  const concepts = [...(opts.concepts ?? UNKNOWN_CONCEPTS)];
  const variants = [...(opts.variants ?? UNKNOWN_VARIANTS)];
  const context = opts.context ?? createContext(model);
  const unknown = opts.unknown ?? unknownPreferences(model);
  const solver = new UnknownStability(context, unknown);
  const stable: UnknownAnalysis["stable"] = {};
  const equilibria: UnknownAnalysis["equilibria"] = {};
  for (const c of concepts) {
    stable[c] = {};
    equilibria[c] = {};
    for (const v of variants) {
      stable[c]![v] = Array.from({ length: model.nDMs }, (_, i) => solver.stable(c, v, i));
      equilibria[c]![v] = solver.equilibria(c, v);
    }
  }
  const plain = analyze(model, { concepts, context });
  return { model, context, unknown, concepts, variants, stable, equilibria, plain, solver };
}
