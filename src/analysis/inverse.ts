/**
 * Inverse GMCR: what would the decision makers' preferences have to be for a
 * chosen state to be an equilibrium under a chosen concept? (Kinsara, Kilgour
 * & Hipel 2015, "Inverse approach to the graph model for conflict
 * resolution", IEEE SMC: Systems 45(5); Wang, Hipel & Fang 2018 on inverse
 * analysis with prioritization.)
 *
 * Parley searches the preferences near the current model: for a DM given by
 * statements, every ordering of its statements, nearest first (distance =
 * number of pairs of statements whose order is reversed, i.e. the Kendall tau
 * distance); for a DM given by a ranking, the target's tie group moved up step
 * by step. For Nash, GMR and SMR a DM's stability depends on its own
 * preferences only, so each DM is searched on its own; for SEQ, SIM and
 * SEQ+SIM the opponents' preferences decide which sanctions are credible, so
 * combinations are searched, smallest total change first, within a limit.
 */
import type { Model } from "../model/compile.js";
import { cubesHold } from "../format/cubes.js";
import type { PreferenceSpec } from "../format/scenario.js";
import { preferenceLevels } from "../preferences/ranks.js";
import type { Concept } from "../stability/analyze.js";
import type { StabilityContext } from "../stability/context.js";
import { explainState } from "../stability/explain.js";

export interface DMChange {
  dm: number;
  /** Distance from the current preferences (0 = unchanged). */
  distance: number;
  preference: PreferenceSpec;
  /** For statements: pairs (a, b) of statement indices where a now comes before b, though b came before a. */
  reversed: [number, number][];
  /** For statements: indices of the statements the DM would have to stop caring about. */
  dropped: number[];
  /** For rankings: how many places the target's tie group moved up. */
  raised?: number;
}

export interface InverseResult {
  target: number;
  concept: Concept;
  found: boolean;
  /** True when every candidate within the search space was tried (so "not found" is definite). */
  exhaustive: boolean;
  evaluated: number;
  /** One entry per DM, when found. */
  changes: DMChange[];
  totalDistance: number;
}

export interface InverseOptions {
  /** Most preference orderings generated per DM. */
  maxPerDM?: number;
  /** Most stability checks in a joint search. */
  maxEvaluations?: number;
}

interface Candidate {
  distance: number;
  preference: PreferenceSpec;
  level: Int32Array;
  reversed: [number, number][];
  dropped: number[];
  raised?: number;
}

/**
 * Candidate preferences for one DM, nearest first, generated on demand.
 * Statements: breadth-first over single edits (swap two neighbouring
 * statements, or drop one), so candidate i is at the smallest number of edits
 * possible. Rankings: the target's tie group raised one place per edit.
 */
class DMCandidates {
  private readonly list: Candidate[] = [];
  private layer: number[][] = [];
  private readonly seen = new Set<string>();
  private distance = 0;
  complete = false;

  constructor(
    private readonly model: Model,
    private readonly dm: number,
    private readonly target: number,
    private readonly max: number,
  ) {
    const pref = model.scenario.preferences[dm];
    if (pref.kind === "statements") {
      const start = pref.statements.map((_, j) => j);
      this.layer = [start];
      this.seen.add(start.join(","));
    } else {
      this.rankingCandidates(pref);
      this.complete = true;
    }
  }

  get(i: number): Candidate | undefined {
    while (i >= this.list.length && !this.complete && this.list.length < this.max) this.nextLayer();
    return this.list[i];
  }

  private level(p: PreferenceSpec): Int32Array {
    return preferenceLevels(p, this.model.states, this.model.nOptions, this.model.scenario.decisionMakers[this.dm].id);
  }

  private nextLayer(): void {
    const pref = this.model.scenario.preferences[this.dm] as Extract<PreferenceSpec, { kind: "statements" }>;
    const k = pref.statements.length;
    for (const order of this.layer) {
      if (this.list.length >= this.max) return;
      const p: PreferenceSpec = { ...pref, statements: order.map((j) => pref.statements[j]) };
      const kept = new Set(order);
      const dropped = pref.statements.map((_, j) => j).filter((j) => !kept.has(j));
      this.list.push({ distance: this.distance, preference: p, level: this.level(p), reversed: reversedPairs(order), dropped });
    }
    const next: number[][] = [];
    const visit = (o: number[]) => {
      const key = o.join(",");
      if (this.seen.has(key)) return;
      this.seen.add(key);
      next.push(o);
    };
    for (const order of this.layer) {
      for (let j = 0; j + 1 < order.length; j++) {
        const o = [...order];
        [o[j], o[j + 1]] = [o[j + 1], o[j]];
        visit(o);
      }
      if (order.length > 1) for (let j = 0; j < order.length; j++) visit(order.filter((_, x) => x !== j));
    }
    void k;
    this.layer = next;
    this.distance++;
    if (next.length === 0) this.complete = true;
  }

  private rankingCandidates(pref: Extract<PreferenceSpec, { kind: "ranking" }>): void {
    const items = [...pref.items];
    let at = items.findIndex((it) => cubesHold(it.cubes, this.model.states[this.target]));
    this.list.push({ distance: 0, preference: pref, level: this.level(pref), reversed: [], dropped: [], raised: 0 });
    for (let raised = 1; at > 0 && this.list.length < this.max; raised++, at--) {
      [items[at - 1], items[at]] = [items[at], items[at - 1]];
      const p: PreferenceSpec = { ...pref, items: [...items] };
      this.list.push({ distance: raised, preference: p, level: this.level(p), reversed: [], dropped: [], raised });
    }
  }
}

/** Pairs of original positions whose order the permutation reverses. */
function reversedPairs(order: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let x = 0; x < order.length; x++) for (let y = x + 1; y < order.length; y++) if (order[x] > order[y]) out.push([order[x], order[y]]);
  return out;
}

function stableFor(ctx: StabilityContext, prefs: Int32Array[], target: number, dm: number, concept: Concept): boolean {
  const model = { ...ctx.model, pref: prefs };
  const ex = explainState({ model, moves: ctx.moves }, target, dm, [concept]);
  return ex.stable[concept] === true;
}

/** Nearest preferences that make `target` an equilibrium under `concept`. */
export function inverseGMCR(ctx: StabilityContext, target: number, concept: Concept, opts: InverseOptions = {}): InverseResult {
  const { model } = ctx;
  const maxPerDM = opts.maxPerDM ?? 5040;
  const maxEvaluations = opts.maxEvaluations ?? 100_000;
  const n = model.nDMs;
  const cands = Array.from({ length: n }, (_, d) => new DMCandidates(model, d, target, maxPerDM));
  let evaluated = 0;
  const result = (found: boolean, picks: Candidate[] | undefined, exhaustive: boolean): InverseResult => ({
    target,
    concept,
    found,
    exhaustive,
    evaluated,
    changes: picks
      ? picks.map((c, d) => ({
          dm: d,
          distance: c.distance,
          preference: c.preference,
          reversed: c.reversed,
          dropped: c.dropped,
          ...(c.raised !== undefined ? { raised: c.raised } : {}),
        }))
      : [],
    totalDistance: picks ? picks.reduce((a, c) => a + c.distance, 0) : 0,
  });

  if (concept === "Nash" || concept === "GMR" || concept === "SMR") {
    // Each DM on its own: its stability depends on its own preferences only.
    const picks: Candidate[] = [];
    for (let d = 0; d < n; d++) {
      const prefs = [...model.pref];
      let hit: Candidate | undefined;
      for (let i = 0; !hit; i++) {
        const c = cands[d].get(i);
        if (!c) break;
        evaluated++;
        prefs[d] = c.level;
        if (stableFor(ctx, prefs, target, d, concept)) hit = c;
      }
      if (!hit) return result(false, undefined, cands[d].complete);
      picks.push(hit);
    }
    return result(true, picks, false);
  }

  // Joint search, smallest total distance first (best-first over index vectors).
  const at = (d: number, i: number) => cands[d].get(i);
  const key = (v: number[]) => v.join(",");
  const cost = (v: number[]) => v.reduce((a, i, d) => a + at(d, i)!.distance, 0);
  const start = new Array(n).fill(0);
  const frontier = new MinHeap<number[]>();
  frontier.push(0, start);
  const seen = new Set([key(start)]);
  while (frontier.size && evaluated < maxEvaluations) {
    const v = frontier.pop()!;
    evaluated++;
    const prefs = v.map((i, d) => at(d, i)!.level);
    let ok = true;
    for (let d = 0; d < n && ok; d++) ok = stableFor(ctx, prefs, target, d, concept);
    if (ok)
      return result(
        true,
        v.map((i, d) => at(d, i)!),
        false,
      );
    for (let d = 0; d < n; d++) {
      const w = [...v];
      w[d]++;
      if (!at(d, w[d]) || seen.has(key(w))) continue;
      seen.add(key(w));
      frontier.push(cost(w), w);
    }
  }
  return result(false, undefined, frontier.size === 0 && cands.every((c) => c.complete));
}

/** A binary min-heap of items by priority. */
class MinHeap<T> {
  private keys: number[] = [];
  private items: T[] = [];
  get size(): number {
    return this.items.length;
  }
  push(priority: number, item: T): void {
    let i = this.items.length;
    this.keys.push(priority);
    this.items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= this.keys[i]) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): T | undefined {
    if (this.items.length === 0) return undefined;
    const top = this.items[0];
    const lastKey = this.keys.pop()!;
    const lastItem = this.items.pop()!;
    if (this.items.length > 0) {
      this.keys[0] = lastKey;
      this.items[0] = lastItem;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.keys[l] < this.keys[m]) m = l;
        if (r < this.keys.length && this.keys[r] < this.keys[m]) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b], this.keys[a]];
    [this.items[a], this.items[b]] = [this.items[b], this.items[a]];
  }
}

/**
 * Over several candidate targets (the states a condition selects): the one
 * whose nearest preferences are nearest overall. Shares the evaluation limit.
 */
export function inverseForTargets(ctx: StabilityContext, targets: readonly number[], concept: Concept, opts: InverseOptions = {}): InverseResult {
  let best: InverseResult | undefined;
  let budget = opts.maxEvaluations ?? 100_000;
  let exhaustive = true;
  let evaluated = 0;
  for (const t of targets) {
    if (budget <= 0) {
      exhaustive = false;
      break;
    }
    const r = inverseGMCR(ctx, t, concept, { ...opts, maxEvaluations: budget });
    budget -= r.evaluated;
    evaluated += r.evaluated;
    if (!r.found && !r.exhaustive) exhaustive = false;
    if (r.found && (!best?.found || r.totalDistance < best.totalDistance)) best = r;
    if (best?.found && best.totalDistance === 0) break;
  }
  const out = best ?? { target: targets[0], concept, found: false, exhaustive, evaluated, changes: [], totalDistance: 0 };
  return { ...out, evaluated, exhaustive: out.found ? false : exhaustive };
}
