/**
 * Why a state is stable or not for one decision maker: each unilateral
 * improvement it has, and for every concept the sanction that deters it (the
 * opponents' moves that leave it no better off than staying), or the fact
 * that none does. Sanction paths are shortest paths, found by breadth-first
 * search over the opponents' moves (improving moves for SEQ).
 */
import type { Concept } from "./analyze.js";
import { opponents, type StabilityContext } from "./context.js";

export interface MoveStep {
  dm: number;
  from: number;
  to: number;
}

export interface Sanction {
  /** The opponents' moves, in order (GMR, SMR, SEQ), or made at the same time (SIM). */
  moves: MoveStep[];
  simultaneous: boolean;
  /** Where the sanction leaves the decision maker. */
  result: number;
  /** SMR: the best the decision maker could reach from `result` by its own move (no better than staying). */
  bestEscape?: number;
}

export interface ImprovementCheck {
  to: number;
  /** concept -> the deterring sanction, or null when nothing deters the move. */
  sanctions: Partial<Record<Concept, Sanction | null>>;
}

export interface StateExplanation {
  state: number;
  dm: number;
  improvements: ImprovementCheck[];
  stable: Partial<Record<Concept, boolean>>;
}

const BASE: Exclude<Concept, "SEQ+SIM">[] = ["Nash", "GMR", "SMR", "SEQ", "SIM"];

export function explainState(ctx: StabilityContext, state: number, dm: number, concepts: readonly Concept[]): StateExplanation {
  const { model } = ctx;
  const pref = model.pref[dm];
  const { offsets, targets } = ctx.moves[dm];
  const improvements: ImprovementCheck[] = [];
  const want = new Set<Concept>(concepts);
  if (want.has("SEQ+SIM")) {
    want.add("SEQ");
    want.add("SIM");
  }
  for (let e = offsets[state]; e < offsets[state + 1]; e++) {
    const s1 = targets[e];
    if (pref[s1] <= pref[state]) continue;
    const sanctions: Partial<Record<Concept, Sanction | null>> = {};
    for (const c of BASE) if (want.has(c)) sanctions[c] = findSanction(ctx, c, state, s1, dm);
    improvements.push({ to: s1, sanctions });
  }
  const deterredAll = (c: Concept) => improvements.every((imp) => imp.sanctions[c] != null);
  if (want.has("SEQ+SIM")) {
    // SEQ+SIM holds when the state is SEQ stable or SIM stable (as a whole, not move by move):
    // show the sanctions of whichever holds, else of the one that deters more moves.
    const count = (c: Concept) => improvements.filter((imp) => imp.sanctions[c] != null).length;
    const use: Concept = deterredAll("SEQ") ? "SEQ" : deterredAll("SIM") ? "SIM" : count("SEQ") >= count("SIM") ? "SEQ" : "SIM";
    for (const imp of improvements) imp.sanctions["SEQ+SIM"] = imp.sanctions[use] ?? null;
  }
  const stable: Partial<Record<Concept, boolean>> = {};
  for (const c of concepts) stable[c] = c === "SEQ+SIM" ? deterredAll("SEQ") || deterredAll("SIM") : deterredAll(c);
  for (const imp of improvements) for (const c of BASE) if (!concepts.includes(c)) delete imp.sanctions[c];
  return { state, dm, improvements, stable };
}

function findSanction(ctx: StabilityContext, concept: Exclude<Concept, "SEQ+SIM">, s: number, s1: number, i: number): Sanction | null {
  const pref = ctx.model.pref[i];
  const bar = pref[s];
  switch (concept) {
    case "Nash":
      return null;
    case "GMR":
      return searchSanction(ctx, i, s1, false, (t) => pref[t] <= bar);
    case "SEQ":
      return searchSanction(ctx, i, s1, true, (t) => pref[t] <= bar);
    case "SMR": {
      const found = searchSanction(ctx, i, s1, false, (t) => pref[t] <= bar && pref[bestEscape(ctx, i, t)] <= bar);
      if (found) found.bestEscape = bestEscape(ctx, i, found.result);
      return found;
    }
    case "SIM":
      return simultaneousSanction(ctx, i, s, s1);
  }
}

/** The state i likes best among staying at t and its own moves from t. */
function bestEscape(ctx: StabilityContext, i: number, t: number): number {
  const pref = ctx.model.pref[i];
  const { offsets, targets } = ctx.moves[i];
  let best = t;
  for (let e = offsets[t]; e < offsets[t + 1]; e++) if (pref[targets[e]] > pref[best]) best = targets[e];
  return best;
}

/** Shortest sequence of opponents' moves from s1 to a state where `ok` holds. */
function searchSanction(ctx: StabilityContext, i: number, s1: number, improving: boolean, ok: (t: number) => boolean): Sanction | null {
  const { model } = ctx;
  const others = opponents(ctx, i);
  const parent = new Map<number, MoveStep>();
  const queue = [s1];
  const seen = new Set([s1]);
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const j of others) {
      const { offsets, targets } = ctx.moves[j];
      const pj = model.pref[j];
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const t = targets[e];
        if (improving && pj[t] <= pj[v]) continue;
        if (seen.has(t)) continue;
        seen.add(t);
        parent.set(t, { dm: j, from: v, to: t });
        if (ok(t)) {
          const moves: MoveStep[] = [];
          for (let x = t; x !== s1; x = parent.get(x)!.from) moves.unshift(parent.get(x)!);
          return { moves, simultaneous: false, result: t };
        }
        queue.push(t);
      }
    }
  }
  return null;
}

/** Some non-empty set of opponents' simultaneous improvements from s that turns i's move s -> s1 into a state i does not prefer to s. */
function simultaneousSanction(ctx: StabilityContext, i: number, s: number, s1: number): Sanction | null {
  const { model } = ctx;
  const x = model.states[s];
  const bar = model.pref[i][s];
  let combos: { mask: number; moves: MoveStep[] }[] = [{ mask: 0, moves: [] }];
  for (const j of opponents(ctx, i)) {
    const pj = model.pref[j];
    const { offsets, targets } = ctx.moves[j];
    const next = combos.slice();
    for (let e = offsets[s]; e < offsets[s + 1]; e++) {
      const t = targets[e];
      if (pj[t] <= pj[s]) continue;
      for (const c of combos) next.push({ mask: c.mask ^ model.states[t] ^ x, moves: [...c.moves, { dm: j, from: s, to: t }] });
    }
    combos = next;
  }
  const moved = model.states[s1];
  combos.sort((a, b) => a.moves.length - b.moves.length); // simplest response first
  for (const c of combos) {
    if (c.moves.length === 0) continue;
    const q = model.indexOf[moved ^ c.mask];
    if (q >= 0 && model.pref[i][q] <= bar) return { moves: c.moves, simultaneous: true, result: q };
  }
  return null;
}
