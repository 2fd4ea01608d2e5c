/**
 * A deliberately simple, slow reference implementation of GMCR stability,
 * written definition by definition (DESIGN.md, "Method") so that the fast
 * engine in src/stability can be checked against it. It shares nothing with
 * the engine's algorithms: no reachMin, no coalitionMoves, no concept files,
 * not even model.moveMasks. It reads only the compiled model's data:
 * `states`, `indexOf`, `pref`, `dmMask`, `fwdMask`, `backMask`, `nDMs`.
 *
 * Conventions: states are indices into model.states; s ⪰_i t means
 * pref_i[s] >= pref_i[t] (higher pref = more preferred).
 */
import type { Model } from "../../../src/model/compile.js";

export const REFERENCE_CONCEPTS = ["Nash", "GMR", "SMR", "SEQ", "SIM", "SEQ+SIM"] as const;
export type ReferenceConcept = (typeof REFERENCE_CONCEPTS)[number];

/** Bit positions of DM i's options, ascending. */
export function optionBits(model: Model, i: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < 31; k++) if ((model.dmMask[i] >> k) & 1) out.push(k);
  return out;
}

/**
 * R_i(s): every feasible state DM i reaches from s by flipping a non-empty
 * combination of its own options, where a "fwd" option may only go N->Y and a
 * "back" option only Y->N. Enumerates subsets of i's option list directly.
 */
export function referenceMoves(model: Model, i: number, s: number): number[] {
  const bits = optionBits(model, i);
  const x = model.states[s];
  const out: number[] = [];
  for (let subset = 1; subset < 1 << bits.length; subset++) {
    let y = x;
    let allowed = true;
    for (let j = 0; j < bits.length; j++) {
      if (!((subset >> j) & 1)) continue;
      const bit = 1 << bits[j];
      const isYes = (x & bit) !== 0;
      if ((model.fwdMask & bit) !== 0 && isYes) allowed = false; // fwd: only N -> Y
      if ((model.backMask & bit) !== 0 && !isYes) allowed = false; // back: only Y -> N
      y = isYes ? y & ~bit : y | bit;
    }
    if (!allowed) continue;
    const t = model.indexOf[y];
    if (t >= 0) out.push(t);
  }
  return out.sort((a, b) => a - b);
}

/** R_i^+(s): the moves in R_i(s) that i strictly prefers to s. */
export function referenceImprovements(model: Model, i: number, s: number): number[] {
  return referenceMoves(model, i, s).filter((t) => model.pref[i][t] > model.pref[i][s]);
}

/** Everything the reference computes for one model, built lazily and memoized. */
export class Reference {
  readonly n: number;
  private readonly movesOf: number[][][];
  private readonly improvementsOf: number[][][];
  private readonly reachCache = new Map<string, number[]>();
  private readonly stableCache = new Map<string, boolean[]>();

  constructor(readonly model: Model) {
    this.n = model.states.length;
    this.movesOf = Array.from({ length: model.nDMs }, (_, i) => Array.from({ length: this.n }, (_, s) => referenceMoves(model, i, s)));
    this.improvementsOf = this.movesOf.map((perState, i) => perState.map((ts, s) => ts.filter((t) => model.pref[i][t] > model.pref[i][s])));
  }

  /** R_i(s). */
  moves(i: number, s: number): number[] {
    return this.movesOf[i][s];
  }

  /** R_i^+(s). */
  improvements(i: number, s: number): number[] {
    return this.improvementsOf[i][s];
  }

  /** N \ {i}. */
  opponents(i: number): number[] {
    return Array.from({ length: this.model.nDMs }, (_, d) => d).filter((d) => d !== i);
  }

  /**
   * R_H(s) (or R_H^+(s) when `improving`): states reached by a sequence of one
   * or more unilateral moves (improvements) of members of H in which no DM moves
   * twice in a row. A breadth-first search over (state, last mover) pairs; s
   * itself belongs to the result only when some such sequence returns to it.
   */
  coalitionReach(H: readonly number[], s: number, improving: boolean): number[] {
    const key = `${H.join(",")}|${s}|${improving ? 1 : 0}`;
    const hit = this.reachCache.get(key);
    if (hit) return hit;
    const nD = this.model.nDMs;
    const visited = new Uint8Array(this.n * nD); // pair (state, last mover)
    const reached = new Uint8Array(this.n);
    const queue: [number, number][] = [[s, -1]];
    for (let q = 0; q < queue.length; q++) {
      const [v, last] = queue[q];
      for (const j of H) {
        if (j === last) continue;
        const next = improving ? this.improvementsOf[j][v] : this.movesOf[j][v];
        for (const t of next) {
          reached[t] = 1;
          if (!visited[t * nD + j]) {
            visited[t * nD + j] = 1;
            queue.push([t, j]);
          }
        }
      }
    }
    const out: number[] = [];
    for (let t = 0; t < this.n; t++) if (reached[t]) out.push(t);
    this.reachCache.set(key, out);
    return out;
  }

  /** s ⪰_i t. */
  atLeastAsGood(i: number, s: number, t: number): boolean {
    return this.model.pref[i][s] >= this.model.pref[i][t];
  }

  nash(i: number, s: number): boolean {
    return this.improvements(i, s).length === 0;
  }

  gmr(i: number, s: number): boolean {
    const others = this.opponents(i);
    return this.improvements(i, s).every((s1) => this.coalitionReach(others, s1, false).some((s2) => this.atLeastAsGood(i, s, s2)));
  }

  smr(i: number, s: number): boolean {
    const others = this.opponents(i);
    return this.improvements(i, s).every((s1) =>
      this.coalitionReach(others, s1, false).some((s2) => this.atLeastAsGood(i, s, s2) && this.moves(i, s2).every((s3) => this.atLeastAsGood(i, s, s3))),
    );
  }

  seq(i: number, s: number): boolean {
    const others = this.opponents(i);
    return this.improvements(i, s).every((s1) => this.coalitionReach(others, s1, true).some((s2) => this.atLeastAsGood(i, s, s2)));
  }

  /**
   * Every improvement s1 of i is deterred by some non-empty set of opponents,
   * each making one of its own unilateral improvements from s at the same time:
   * all option changes (i's and theirs) applied to s together give a feasible
   * state that i does not prefer to s.
   */
  sim(i: number, s: number): boolean {
    const { model } = this;
    const x = model.states[s];
    const others = this.opponents(i);
    // Per opponent: the option changes of each of its improvements from s.
    const changes = others.map((j) => this.improvements(j, s).map((t) => x ^ model.states[t]));
    return this.improvements(i, s).every((s1) => {
      const mine = x ^ model.states[s1];
      // Try every choice: each opponent sits out or makes one of its improvements.
      const deterred = (k: number, joint: number, anyone: boolean): boolean => {
        if (k === others.length) {
          if (!anyone) return false;
          const t = model.indexOf[x ^ mine ^ joint];
          return t >= 0 && this.atLeastAsGood(i, s, t);
        }
        if (deterred(k + 1, joint, anyone)) return true;
        return changes[k].some((c) => deterred(k + 1, joint ^ c, true));
      };
      return deterred(0, 0, false);
    });
  }

  isStable(concept: ReferenceConcept, i: number, s: number): boolean {
    switch (concept) {
      case "Nash":
        return this.nash(i, s);
      case "GMR":
        return this.gmr(i, s);
      case "SMR":
        return this.smr(i, s);
      case "SEQ":
        return this.seq(i, s);
      case "SIM":
        return this.sim(i, s);
      case "SEQ+SIM":
        return this.seq(i, s) || this.sim(i, s);
    }
  }

  /** Per state: stable for DM i under the concept. */
  stable(concept: ReferenceConcept, i: number): boolean[] {
    const key = `${concept}|${i}`;
    let out = this.stableCache.get(key);
    if (!out) {
      out = Array.from({ length: this.n }, (_, s) => this.isStable(concept, i, s));
      this.stableCache.set(key, out);
    }
    return out;
  }

  /** States stable for every DM, ascending. */
  equilibria(concept: ReferenceConcept): number[] {
    const perDM = Array.from({ length: this.model.nDMs }, (_, i) => this.stable(concept, i));
    const out: number[] = [];
    for (let s = 0; s < this.n; s++) if (perDM.every((a) => a[s])) out.push(s);
    return out;
  }
}

const cache = new WeakMap<Model, Reference>();

/** The (memoized) reference for a model. */
export function reference(model: Model): Reference {
  let r = cache.get(model);
  if (!r) {
    r = new Reference(model);
    cache.set(model, r);
  }
  return r;
}

/** Per state: whether it is stable for DM `dm` under `concept`. */
export function referenceStable(model: Model, concept: ReferenceConcept, dm: number): boolean[] {
  return reference(model).stable(concept, dm);
}

/** Indices of the states stable for every DM under `concept`, ascending. */
export function referenceEquilibria(model: Model, concept: ReferenceConcept): number[] {
  return reference(model).equilibria(concept);
}
