/**
 * Simultaneous stability (SIM), in option form: s is SIM for DM i when every
 * unilateral improvement of i is deterred by what the opponents could do at
 * the same moment: some non-empty group of opponents, each making one of its
 * own unilateral improvements from s, turns i's move into a feasible state
 * that i does not prefer to s. Moves combine by applying every mover's option
 * changes at once. (Fang, Hipel & Kilgour 1993, simultaneous sanctioning.)
 *
 * ## The algorithm
 *
 * Write a state as its blocks of options, one block per DM: x = (x_i, x_1, …).
 * Opponent j's responses from s are the values A_j(s) = {x_j} ∪ {its
 * improvements' values of block j} ("stay" included). i's move to t changes
 * block i only, so the states a joint response can produce are exactly the
 * box {t_i} × ∏_j A_j(s) minus t itself, and "staying" for everyone gives t,
 * which i prefers to s: it can never deter. So the move is deterred iff
 *
 *     the box {t_i} × ∏_j A_j(s) meets L(s) = {feasible q : pref_i(q) ≤ pref_i(s)}.
 *
 * Enumerating the box costs ∏_j |A_j| per move (up to 32^3 with three
 * opponents of five options each); the previous solver did that. Here:
 *
 * 1. **The lower set as a bitset, grown in preference order.** States are
 *    visited in ascending pref_i, and before a level is decided every state of
 *    that level is added to a bitset of the candidate space (one bit per
 *    option combination, feasible or not: 2^options / 8 bytes). When s is
 *    decided the bitset is exactly L(s), ties included; each state is added
 *    once, so maintaining it costs O(S) for the whole pass.
 * 2. **One opponent's block as the bits of a word.** The bitset is laid out
 *    as rows × columns: the column is the value of a group G of opponents'
 *    blocks (the opponent with most options, joined by others while the group
 *    has at most five options, so a row is one 32-bit word), the row the value
 *    of every other option. Membership of the whole slice {t_i} × ∏_{j∉G} {y_j}
 *    × ∏_{g∈G} A_g(s) in L(s) is then one AND of the row's word with the mask
 *    of G's joint responses, which is built once per state (not per move).
 * 3. **The remaining opponents are walked depth-first** (each: stay, or one of
 *    its improvements), stopping at the first row that meets the mask.
 *
 * Correctness: the bitset is L(s) (1.), the row/column split is a bijection
 * of option masks, and every mover changes only its own block, so the row of
 * a joint outcome depends only on i and the walked opponents and its column
 * only on G (2.); the walk covers ∏_{j∉G} A_j (3.). The test is therefore the
 * definition, box by box. A context whose stored moves change another DM's
 * options (none in Parley: hypergames restrict unilateral moves) breaks the
 * split, so such a state is decided by walking every opponent and testing one
 * bit per outcome, the definition again. tests/stability/sim.test.ts checks
 * the result against the previous solver (every joint response enumerated) on
 * random models and the oracle fixtures.
 *
 * Cost per DM, with S states, K_j moves per opponent from a state and J_j =
 * |A_j|: listing the opponents' improvements, O(S · Σ_j K_j) tried move by
 * move (once per state where i can improve, as before), or, when every DM has
 * at most five options, read from their improvement sets (improvement-sets.ts:
 * computed once per DM and shared with the other concepts' passes, O(S · 2^k)
 * register work), plus, per improvement of i examined, O(∏_{j∉G} J_j) word
 * tests instead of O(∏_j J_j) lookups: a factor of up to 2^|G's options| (32)
 * less, and O(1) per move with two DMs. Sorting the states by level is a
 * counting sort, O(S + levels). Memory: the bitset (2^options / 8 bytes,
 * 128 KiB for 2^20 candidates), the order of the states (4 bytes each) and
 * the opponents' improvements of one state.
 *
 * On 4 DMs × 5 options without constraints (1,048,576 states) the four DMs'
 * passes took 22.9 s before and 2.7 s now, sets included (docs/performance.md).
 */
import type { Model } from "../model/compile.js";
import { opponents, type StabilityContext } from "./context.js";
import { codeMasks, improvementSets, popcount, SET_OPTIONS } from "./improvement-sets.js";
import { nashStable } from "./nash.js";

/** Options in a column group at most: its joint values fit in the 32 bits of a word. */
const WORD_BITS = 5;

export function simStable(ctx: StabilityContext, i: number): Uint8Array {
  const others = opponents(ctx, i);
  // With no opponent nothing deters: stable exactly where i cannot improve.
  if (others.length === 0) return nashStable(ctx, i);
  return new SimPass(ctx, i, others).run();
}

/** Byte tables of the bit gather (pext) of a mask onto `bits`: bit k of `bits` goes to bit popcount(bits below k). */
function gatherTable(bits: number): Int32Array {
  const table = new Int32Array(1024);
  for (let b = 0; b < 4; b++)
    for (let v = 0; v < 256; v++) {
      let out = 0;
      for (let k = 0; k < 8; k++) {
        const p = 8 * b + k;
        if (p < 31 && v & (1 << k) && bits & (1 << p)) out |= 1 << popcount(bits & ((1 << p) - 1));
      }
      table[256 * b + v] = out;
    }
  return table;
}

const gather = (t: Int32Array, m: number): number => t[m & 255] | t[256 | ((m >>> 8) & 255)] | t[512 | ((m >>> 16) & 255)] | t[768 | (m >>> 24)];

/** State indices in ascending order of `level` (a counting sort when the levels are dense enough). */
function ascending(level: Int32Array): Int32Array {
  const n = level.length;
  let lo = 0;
  let hi = 0;
  for (let s = 0; s < n; s++) {
    if (s === 0 || level[s] < lo) lo = level[s];
    if (s === 0 || level[s] > hi) hi = level[s];
  }
  if (hi - lo > 4 * n + 1024) return Int32Array.from({ length: n }, (_, s) => s).sort((a, b) => level[a] - level[b] || a - b);
  const start = new Int32Array(hi - lo + 2);
  for (let s = 0; s < n; s++) start[level[s] - lo + 1]++;
  for (let v = 1; v < start.length; v++) start[v] += start[v - 1];
  const order = new Int32Array(n);
  for (let s = 0; s < n; s++) order[start[level[s] - lo]++] = s;
  return order;
}

/** The opponents of the column group: the one with most options, then others while they fit in a word. */
function columnGroup(model: Model, others: readonly number[]): number[] {
  const size = (d: number) => popcount(model.dmMask[d]);
  const bySize = [...others].sort((a, b) => size(b) - size(a) || a - b);
  const group = [bySize[0]];
  let bits = size(bySize[0]);
  for (const j of bySize.slice(1))
    if (bits + size(j) <= WORD_BITS) {
      group.push(j);
      bits += size(j);
    }
  return group;
}

class SimPass {
  private readonly model: Model;
  private readonly pref: Int32Array;
  /** Opponents: the walked ones first (nWalked of them), then the column group. */
  private readonly opp: number[];
  private readonly nWalked: number;
  private readonly rowT: Int32Array;
  private readonly colT: Int32Array;
  private readonly colBits: number;
  /** Words per row of the bitset. */
  private readonly W: number;
  /** The lower set L(s) as a bitset: bit c of word row·W + c/32 for the option mask with that row and column. */
  private readonly lower: Int32Array;
  /** Per opponent, for the state being decided: its responses (0 = stay, then its improvements) as masks, and as row (walked) or column (group) values. */
  private readonly raw: Int32Array[];
  private readonly delta: Int32Array[];
  private readonly count: Int32Array;
  /** Per opponent in implicit mode: the row or column value of each of its submasks. */
  private readonly maskDelta: Int32Array[];
  /** The column group's joint responses from the state being decided: a mask per word, and the words in use. */
  private readonly colWords: Int32Array;
  private readonly touched: Int32Array;
  private nTouched = 0;
  private colMask = 0;
  private readonly combos: Int32Array;
  /** The row value of each of i's submasks. */
  private readonly moveRow: Int32Array;
  /** Implicit adjacency with every DM at most SET_OPTIONS options: the improvement sets of i and of each opponent, and the row (walked) or column (group) value of each move code. */
  private readonly sets?: { own: Int32Array; ownRow: Int32Array; opp: Int32Array[]; code: Int32Array[] };

  constructor(
    private readonly ctx: StabilityContext,
    private readonly i: number,
    others: readonly number[],
  ) {
    const model = (this.model = ctx.model);
    this.pref = model.pref[i];
    const group = columnGroup(model, others);
    this.opp = [...others.filter((j) => !group.includes(j)), ...group];
    this.nWalked = others.length - group.length;
    let colBits = 0;
    for (const g of group) colBits |= model.dmMask[g];
    const all = model.nOptions >= 31 ? -1 : (1 << model.nOptions) - 1;
    const rowBits = all & ~colBits;
    this.colBits = colBits;
    this.rowT = gatherTable(rowBits);
    this.colT = gatherTable(colBits);
    const kC = popcount(colBits);
    this.W = kC <= WORD_BITS ? 1 : 2 ** (kC - WORD_BITS);
    this.lower = new Int32Array(2 ** popcount(rowBits) * this.W);
    const cap = this.opp.map((j) => 1 + (ctx.implicit ? model.moveMasks[j].length : maxDegree(ctx.moves[j].offsets)));
    this.raw = cap.map((c) => new Int32Array(c));
    this.delta = cap.map((c) => new Int32Array(c));
    this.count = new Int32Array(this.opp.length);
    this.maskDelta = this.opp.map((j, o) => Int32Array.from(model.moveMasks[j], (m) => gather(o < this.nWalked ? this.rowT : this.colT, m)));
    this.colWords = new Int32Array(this.W);
    this.touched = new Int32Array(this.W);
    let combos = 1;
    for (let o = this.nWalked; o < this.opp.length; o++) combos *= cap[o];
    this.combos = new Int32Array(combos);
    this.moveRow = Int32Array.from(model.moveMasks[i], (m) => gather(this.rowT, m));
    if (ctx.implicit && [i, ...others].every((d) => popcount(model.dmMask[d]) <= SET_OPTIONS))
      this.sets = {
        own: improvementSets(model, i),
        ownRow: codeMasks(model.dmMask[i]).map((m) => gather(this.rowT, m)),
        opp: this.opp.map((j) => improvementSets(model, j)),
        code: this.opp.map((j, o) => codeMasks(model.dmMask[j]).map((m) => gather(o < this.nWalked ? this.rowT : this.colT, m))),
      };
  }

  run(): Uint8Array {
    const { model, pref, lower, W, rowT, colT } = this;
    const { states, indexOf } = model;
    const n = states.length;
    const stable = new Uint8Array(n);
    const order = ascending(pref);
    for (let a = 0; a < n; ) {
      const level = pref[order[a]];
      let b = a;
      for (; b < n && pref[order[b]] === level; b++) {
        const u = order[b];
        const mask = states[u];
        if (indexOf[mask] !== u) continue; // not feasible in this context
        const c = gather(colT, mask);
        lower[gather(rowT, mask) * W + (c >>> 5)] |= 1 << (c & 31);
      }
      for (let k = a; k < b; k++)
        stable[order[k]] = this.sets ? this.decideFromSets(order[k]) : this.ctx.implicit ? this.decideImplicit(order[k]) : this.decideStored(order[k]);
      a = b;
    }
    return stable;
  }

  /** Whether every improvement of i from s is deterred, every DM's improvements read from its sets. */
  private decideFromSets(s: number): number {
    const { own, ownRow, opp: setsOf, code } = this.sets!;
    const mine = own[s];
    if (mine === 0) return 1;
    const { delta, count } = this;
    for (let o = 0; o < setsOf.length; o++) {
      const d = delta[o];
      const table = code[o];
      let c = 1;
      for (let b = setsOf[o][s]; b !== 0; b &= b - 1) d[c++] = table[31 - Math.clz32(b & -b)];
      count[o] = c;
    }
    const x = this.model.states[s];
    this.columnResponses(x);
    const rowX = gather(this.rowT, x);
    for (let b = mine; b !== 0; b &= b - 1) if (!this.walk(rowX ^ ownRow[31 - Math.clz32(b & -b)])) return 0;
    return 1;
  }

  /** Whether every improvement of i from s is deterred, i's moves enumerated from its submasks. */
  private decideImplicit(s: number): number {
    const { model, pref, rowT, moveRow } = this;
    const { states, indexOf, fwdMask: fwd, backMask: back } = model;
    const masks = model.moveMasks[this.i];
    const x = states[s];
    const bar = pref[s];
    let listed = false;
    let rowX = 0;
    for (let k = 0; k < masks.length; k++) {
      const mv = masks[k];
      if ((mv & fwd & x) !== 0 || (mv & back & ~x) !== 0) continue;
      const t = indexOf[x ^ mv];
      if (t < 0 || pref[t] <= bar) continue;
      if (!listed) {
        listed = true;
        this.listImplicit(s);
        rowX = gather(rowT, x);
      }
      if (!this.walk(rowX ^ moveRow[k])) return 0;
    }
    return 1;
  }

  /** The same over the context's stored move lists (restricted moves). */
  private decideStored(s: number): number {
    const { model, pref, rowT, colBits } = this;
    const { states } = model;
    const own = model.dmMask[this.i];
    const { offsets, targets } = this.ctx.moves[this.i];
    const x = states[s];
    const bar = pref[s];
    let listed = false;
    let split = true;
    let rowX = 0;
    for (let e = offsets[s]; e < offsets[s + 1]; e++) {
      const t = targets[e];
      if (pref[t] <= bar) continue;
      if (!listed) {
        listed = true;
        split = this.listStored(s);
        rowX = gather(rowT, x);
      }
      const mv = states[t] ^ x;
      const deterred = split && (mv & ~own) === 0 && (mv & colBits) === 0 ? this.walk(rowX ^ gather(rowT, mv)) : this.exact(states[t], 0, 0);
      if (!deterred) return 0;
    }
    return 1;
  }

  /** Each opponent's improvements from s (implicit adjacency), then the column group's joint responses. */
  private listImplicit(s: number): void {
    const { model, opp, raw, delta, count, maskDelta } = this;
    const { states, indexOf, fwdMask: fwd, backMask: back } = model;
    const x = states[s];
    for (let o = 0; o < opp.length; o++) {
      const pj = model.pref[opp[o]];
      const jm = model.moveMasks[opp[o]];
      const md = maskDelta[o];
      const r = raw[o];
      const d = delta[o];
      const here = pj[s];
      let c = 1;
      for (let h = 0; h < jm.length; h++) {
        const m = jm[h];
        if ((m & fwd & x) !== 0 || (m & back & ~x) !== 0) continue;
        const u = indexOf[x ^ m];
        if (u >= 0 && pj[u] > here) {
          r[c] = m;
          d[c++] = md[h];
        }
      }
      count[o] = c;
    }
    this.columnResponses(x);
  }

  /** The same from stored lists; false when some listed move changes options outside its DM's block. */
  private listStored(s: number): boolean {
    const { model, opp, raw, delta, count, nWalked, rowT, colT } = this;
    const { states } = model;
    const x = states[s];
    let split = true;
    for (let o = 0; o < opp.length; o++) {
      const j = opp[o];
      const pj = model.pref[j];
      const own = model.dmMask[j];
      const { offsets, targets } = this.ctx.moves[j];
      const r = raw[o];
      const d = delta[o];
      const here = pj[s];
      let c = 1;
      for (let e = offsets[s]; e < offsets[s + 1]; e++) {
        const u = targets[e];
        if (pj[u] <= here) continue;
        const m = states[u] ^ x;
        if ((m & ~own) !== 0) split = false;
        r[c] = m;
        d[c++] = gather(o < nWalked ? rowT : colT, m);
      }
      count[o] = c;
    }
    if (split) this.columnResponses(x);
    return split;
  }

  /** The column values of the group's joint responses from x (staying included), as word masks. */
  private columnResponses(x: number): void {
    const { opp, nWalked, delta, count, combos, colWords, touched } = this;
    for (let k = 0; k < this.nTouched; k++) colWords[touched[k]] = 0;
    this.nTouched = 0;
    combos[0] = gather(this.colT, x);
    let len = 1;
    for (let o = nWalked; o < opp.length; o++) {
      const d = delta[o];
      const c = count[o];
      const was = len;
      for (let a = 0; a < was; a++) for (let k = 1; k < c; k++) combos[len++] = combos[a] ^ d[k];
    }
    if (this.W === 1) {
      let mask = 0;
      for (let a = 0; a < len; a++) mask |= 1 << combos[a];
      this.colMask = mask;
      return;
    }
    for (let a = 0; a < len; a++) {
      const w = combos[a] >>> 5;
      if (colWords[w] === 0) touched[this.nTouched++] = w;
      colWords[w] |= 1 << (combos[a] & 31);
    }
  }

  /** Whether some response of the walked opponents, with the group's, from i's move (row `base`) lands in L(s). */
  private walk(base: number): boolean {
    const { lower, delta, count, nWalked } = this;
    if (this.W !== 1) return this.walkWide(0, base);
    const mask = this.colMask;
    if (nWalked === 0) return (lower[base] & mask) !== 0;
    if (nWalked === 1) {
      const d0 = delta[0];
      for (let k = 0, c = count[0]; k < c; k++) if ((lower[base ^ d0[k]] & mask) !== 0) return true;
      return false;
    }
    if (nWalked === 2) {
      const d0 = delta[0];
      const d1 = delta[1];
      const c1 = count[1];
      for (let k = 0, c0 = count[0]; k < c0; k++) {
        const r = base ^ d0[k];
        for (let h = 0; h < c1; h++) if ((lower[r ^ d1[h]] & mask) !== 0) return true;
      }
      return false;
    }
    return this.walkWide(0, base);
  }

  /** The general walk: any number of walked opponents, rows of any width. */
  private walkWide(o: number, row: number): boolean {
    if (o === this.nWalked) {
      const { lower, W, colWords, touched } = this;
      if (W === 1) return (lower[row] & this.colMask) !== 0;
      const at = row * W;
      for (let k = 0; k < this.nTouched; k++) if ((lower[at + touched[k]] & colWords[touched[k]]) !== 0) return true;
      return false;
    }
    const d = this.delta[o];
    for (let k = 0, c = this.count[o]; k < c; k++) if (this.walkWide(o + 1, row ^ d[k])) return true;
    return false;
  }

  /** The definition outcome by outcome: some joint response (every opponent walked) from `moved` lands in L(s). */
  private exact(moved: number, o: number, acc: number): boolean {
    if (o === this.opp.length) {
      const q = moved ^ acc;
      const c = gather(this.colT, q);
      return ((this.lower[gather(this.rowT, q) * this.W + (c >>> 5)] >>> (c & 31)) & 1) === 1;
    }
    const r = this.raw[o];
    for (let k = 0, c = this.count[o]; k < c; k++) if (this.exact(moved, o + 1, acc ^ r[k])) return true;
    return false;
  }
}

function maxDegree(offsets: Int32Array): number {
  let most = 0;
  for (let s = 0; s + 1 < offsets.length; s++) most = Math.max(most, offsets[s + 1] - offsets[s]);
  return most;
}
