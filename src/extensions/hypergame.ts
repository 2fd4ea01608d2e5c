/**
 * Misperception: first-level hypergame analysis in graph form. A decision
 * maker (DM) may not know that some states exist (`misperceives`), and may
 * misjudge what another DM prefers (`perceivedPreferences`). Each DM's
 * stability is judged in the game as it perceives it; a hypergame equilibrium
 * is a state stable for every DM, each in its own perception.
 * (Idea: Fraser & Hipel 1979, "Solving complex conflicts", IEEE SMC 9;
 * Takahashi, Fraser & Hipel 1984; Wang, Hipel & Fraser 1988, "Solution
 * concepts in hypergames", Applied Mathematics and Computation 34. Graph-form
 * misperception of states as in GMCR+; docs/hypergames.md.)
 *
 * Algorithm, for each DM i:
 *  1. P_i: the feasible states matching none of i's `misperceives` entries.
 *  2. i's moves: R_i(s) restricted to s ∈ P_i and targets in P_i (i makes no
 *     move from a state it does not know, nor to one).
 *  3. i's view of preferences: its own true ones; for every other DM j, the
 *     preferences i attributes to j, else j's true ones.
 *  4. i's game, by `view`:
 *     - "gmcr" (GMCR+ / gmcr-py, the oracle data): each opponent j responds with
 *       its own moves within P_j (what it can actually do, knowing what it knows);
 *     - "subjective": the game entirely as i sees it: every DM's moves within P_i,
 *       and a simultaneous response must land in P_i.
 *  5. Stability of i under each concept, by the textbook definitions, in i's game.
 *  6. Hypergame equilibria: states stable for every DM. A state i does not
 *     perceive is stable for i (it makes no move from it).
 * The engine is pure; it reuses the stability concepts of src/stability by
 * handing them a context whose moves and preferences are i's view.
 */
import type { Model } from "../model/compile.js";
import { cubesHold } from "../format/cubes.js";
import { ParleyError, type Issue } from "../format/errors.js";
import { perceivedPreferenceLevels } from "../preferences/perceived.js";
import { analyze, CONCEPTS, SOLVERS, solveConcepts, type Analysis, type Concept } from "../stability/analyze.js";
import type { StabilityContext } from "../stability/context.js";
import { explainState, type MoveStep, type Sanction } from "../stability/explain.js";
import type { Adjacency } from "../stability/moves.js";

export const HYPERGAME_VIEWS = ["gmcr", "subjective"] as const;
export type HypergameView = (typeof HYPERGAME_VIEWS)[number];

type BaseConcept = Exclude<Concept, "SEQ+SIM">;

export interface Hypergame {
  model: Model;
  view: HypergameView;
  concepts: Concept[];
  /** Whether some DM misperceives a state or has a view of another's preferences. */
  misperception: boolean;
  /** Per DM, per state: 1 when the DM knows the state exists. */
  perceived: Uint8Array[];
  /** Per DM, per state it does not perceive: the index of the first `misperceives` entry matching it, else -1. */
  unperceivedBy: Int32Array[];
  /** Per DM: its moves, within the states it perceives. */
  moves: Adjacency[];
  /** Per DM: the game it perceives, in which its stability is judged (moves and preferences as it sees them). */
  views: StabilityContext[];
  /** concept -> per DM -> per state: 1 when stable for the DM in its own perception. */
  stable: Partial<Record<Concept, Uint8Array[]>>;
  /** concept -> states stable for every DM (each in its own perception), ascending. */
  equilibria: Partial<Record<Concept, number[]>>;
  /** The same scenario with full information. */
  plain: Analysis;
}

export interface HypergameOptions {
  concepts?: readonly Concept[];
  view?: HypergameView;
}

/** Per state: 1 when DM d perceives it (matches none of its `misperceives` entries). */
export function perceivedStates(model: Model, d: number): Uint8Array {
  return perceptionOf(model, d).perceived;
}

function perceptionOf(model: Model, d: number): { perceived: Uint8Array; entry: Int32Array } {
  const list = model.scenario.decisionMakers[d].misperceives ?? [];
  const n = model.states.length;
  const perceived = new Uint8Array(n).fill(1);
  const entry = new Int32Array(n).fill(-1);
  for (let s = 0; s < n; s++)
    for (let k = 0; k < list.length; k++)
      if (cubesHold(list[k].cubes, model.states[s])) {
        perceived[s] = 0;
        entry[s] = k;
        break;
      }
  return { perceived, entry };
}

/** The moves of `adj` from and to states that `keep` marks. */
export function restrictMoves(adj: Adjacency, keep: Uint8Array): Adjacency {
  const n = adj.offsets.length - 1;
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(adj.targets.length);
  let len = 0;
  for (let s = 0; s < n; s++) {
    offsets[s] = len;
    if (!keep[s]) continue;
    for (let e = adj.offsets[s]; e < adj.offsets[s + 1]; e++) if (keep[adj.targets[e]]) targets[len++] = adj.targets[e];
  }
  offsets[n] = len;
  return { offsets, targets: targets.slice(0, len) };
}

/** Preference levels as DM i sees them: its own, and what it attributes to each other DM. */
export function preferencesSeenBy(model: Model, i: number): Int32Array[] {
  const dm = model.scenario.decisionMakers[i];
  const levels = model.perceivedPref?.[i] ?? perceivedPreferenceLevels(model.scenario, dm, model.states, model.nOptions);
  const out = model.pref.slice();
  (dm.perceivedPreferences ?? []).forEach((pp, k) => (out[pp.dm] = levels[k]));
  return out;
}

/** Analyse the scenario as a first-level hypergame. Throws ParleyError when a DM perceives no state at all. */
export function analyzeHypergame(model: Model, opts: HypergameOptions = {}): Hypergame {
  const concepts = [...(opts.concepts ?? CONCEPTS)];
  const view = opts.view ?? "gmcr";
  const nDMs = model.nDMs;
  const dms = model.scenario.decisionMakers;
  const plain = analyze(model, { concepts });
  const base = plain.context.moves;

  // 1-2. What each DM perceives, and its moves within it.
  const perceptions = dms.map((_, d) => perceptionOf(model, d));
  const perceived = perceptions.map((p) => p.perceived);
  const unperceivedBy = perceptions.map((p) => p.entry);
  const issues: Issue[] = [];
  perceived.forEach((p, d) => {
    if (p.every((v) => v === 0))
      issues.push({
        code: "perceives-nothing",
        message: `'${dms[d].id}' perceives no feasible state: its misperceives entries match all ${p.length} states`,
        path: ["decisionMakers", d, "misperceives"],
      });
  });
  if (issues.length > 0) throw new ParleyError(issues);
  const sees = perceived.map((p) => p.some((v) => v === 0));
  const moves = base.map((adj, d) => (sees[d] ? restrictMoves(adj, perceived[d]) : adj));
  const misjudges = dms.map((dm) => (dm.perceivedPreferences ?? []).length > 0);
  const misperception = sees.some(Boolean) || misjudges.some(Boolean);

  // 3-4. Each DM's game.
  const shared: StabilityContext = { model, moves };
  const views = dms.map((_, i): StabilityContext => {
    const pref = misjudges[i] ? preferencesSeenBy(model, i) : model.pref;
    if (view === "gmcr") return misjudges[i] ? { model: { ...model, pref }, moves } : shared;
    if (!sees[i]) return misjudges[i] ? { model: { ...model, pref }, moves: base } : plain.context;
    const indexOf = new Int32Array(model.indexOf);
    for (let s = 0; s < model.states.length; s++) if (!perceived[i][s]) indexOf[model.states[s]] = -1;
    return { model: { ...model, pref, indexOf }, moves: base.map((adj) => restrictMoves(adj, perceived[i])) };
  });

  // 5. Stability of each DM in its own game.
  const stable = solveConcepts(concepts, views.length, (c, i) => SOLVERS[c](views[i], i));

  // 6. Hypergame equilibria.
  const equilibria: Partial<Record<Concept, number[]>> = {};
  for (const c of concepts) {
    const rows = stable[c]!;
    const eq: number[] = [];
    for (let s = 0; s < model.states.length; s++) {
      let all = true;
      for (let d = 0; d < nDMs && all; d++) all = rows[d][s] === 1;
      if (all) eq.push(s);
    }
    equilibria[c] = eq;
  }
  return { model, view, concepts, misperception, perceived, unperceivedBy, moves, views, stable, equilibria, plain };
}

// ---------------------------------------------------------------------------
// Where misperception changes the result, and why

export interface StabilityChange {
  concept: Concept;
  dm: number;
  state: number;
  /** Stable for the DM with full information. */
  fullInformation: boolean;
  /** Stable for the DM in its own perception. */
  perceived: boolean;
}

/** Every (concept, DM, state) whose stability misperception changes; by concept, state, then DM. */
export function stabilityChanges(h: Hypergame): StabilityChange[] {
  const out: StabilityChange[] = [];
  for (const concept of h.concepts) {
    const ours = h.stable[concept]!;
    const full = h.plain.stable[concept]!;
    for (let s = 0; s < h.model.states.length; s++)
      for (let d = 0; d < h.model.nDMs; d++)
        if (ours[d][s] !== full[d][s]) out.push({ concept, dm: d, state: s, fullInformation: full[d][s] === 1, perceived: ours[d][s] === 1 });
  }
  return out;
}

/** Why a step of a response is open on one side (full information, or the DM's perception) and not on the other. */
export type Blocked =
  /** The mover does not know `state` exists, so it cannot make the move (gmcr view). */
  | { kind: "mover-unaware"; step: MoveStep; state: number }
  /** The DM judging does not know `state` exists, so it does not expect the move (subjective view). */
  | { kind: "judge-unaware"; step: MoveStep; state: number }
  /** The DM judging misjudges the mover's preferences: it believes the move is (`believed`) or is not an improvement. */
  | { kind: "misjudged"; step: MoveStep; believed: boolean }
  /** The simultaneous response ends in `state`, which the DM judging does not know exists (subjective view). */
  | { kind: "result-unknown"; state: number }
  /** SMR: with full information the DM could counter-move `from` -> `to`; it does not know `state` (one of them) exists. */
  | { kind: "counter-move-unseen"; from: number; to: number; state: number };

export type ChangeReason =
  /** The DM does not know `state` exists, so makes no move from it (with full information it would move to `to`). */
  | { kind: "unknown-state"; concept: BaseConcept; state: number; to: number; entry: number }
  /** The DM's improvement to `to` leads to a state it does not know exists, so it does not see it. */
  | { kind: "unseen-move"; concept: BaseConcept; from: number; to: number; entry: number }
  /** The improvement to `to` is deterred with full information by `sanction`, not in the DM's perception. */
  | { kind: "lost-sanction"; concept: BaseConcept; from: number; to: number; sanction: Sanction; blocked: Blocked | null }
  /** The improvement to `to` is deterred in the DM's perception by `sanction`, not with full information. */
  | { kind: "new-sanction"; concept: BaseConcept; from: number; to: number; sanction: Sanction; blocked: Blocked | null };

/** The reasons for one change, from the explanations of the state with full information and in the DM's perception. */
export function explainChange(h: Hypergame, change: StabilityChange): ChangeReason[] {
  const { concept, dm, state } = change;
  if (concept !== "SEQ+SIM") return explainBase(h, concept, dm, state);
  // SEQ+SIM is SEQ or SIM: explain whichever component changed.
  const out: ChangeReason[] = [];
  for (const c of ["SEQ", "SIM"] as const) {
    const full = isStable(h.plain.context, c, dm, state);
    const ours = isStable(h.views[dm], c, dm, state);
    if (full !== ours && full === change.fullInformation) out.push(...explainBase(h, c, dm, state));
  }
  return out;
}

function isStable(ctx: StabilityContext, c: BaseConcept, i: number, s: number): boolean {
  return explainState(ctx, s, i, [c]).stable[c] === true;
}

function explainBase(h: Hypergame, c: BaseConcept, i: number, s: number): ChangeReason[] {
  const full = explainState(h.plain.context, s, i, [c]);
  const ours = explainState(h.views[i], s, i, [c]);
  if (full.stable[c] === ours.stable[c]) return [];
  const out: ChangeReason[] = [];
  if (!full.stable[c]) {
    // Stable only in the DM's perception: each improvement that nothing deters is unseen or seems deterred.
    const open = full.improvements.filter((imp) => imp.sanctions[c] == null);
    if (!h.perceived[i][s]) return [{ kind: "unknown-state", concept: c, state: s, to: open[0].to, entry: h.unperceivedBy[i][s] }];
    for (const imp of open) {
      const seen = ours.improvements.find((x) => x.to === imp.to);
      if (!seen) out.push({ kind: "unseen-move", concept: c, from: s, to: imp.to, entry: h.unperceivedBy[i][imp.to] });
      else if (seen.sanctions[c]) {
        const sanction = seen.sanctions[c]!;
        out.push({ kind: "new-sanction", concept: c, from: s, to: imp.to, sanction, blocked: whyNotInFact(h, c, i, s, sanction) });
      }
    }
  } else {
    // Stable only with full information: each improvement the DM sees that nothing deters in its perception.
    for (const imp of ours.improvements) {
      if (imp.sanctions[c] != null) continue;
      const sanction = full.improvements.find((x) => x.to === imp.to)?.sanctions[c];
      if (sanction) out.push({ kind: "lost-sanction", concept: c, from: s, to: imp.to, sanction, blocked: whyNotPerceived(h, c, i, sanction) });
    }
  }
  return out;
}

/** Which part of a full-information sanction is not open in DM i's perception. */
function whyNotPerceived(h: Hypergame, c: BaseConcept, i: number, sn: Sanction): Blocked | null {
  const ctx = h.views[i];
  for (const step of sn.moves) {
    if (h.view === "gmcr") {
      const p = h.perceived[step.dm];
      if (!p[step.from]) return { kind: "mover-unaware", step, state: step.from };
      if (!p[step.to]) return { kind: "mover-unaware", step, state: step.to };
    } else {
      const p = h.perceived[i];
      if (!p[step.from]) return { kind: "judge-unaware", step, state: step.from };
      if (!p[step.to]) return { kind: "judge-unaware", step, state: step.to };
    }
    if (c === "SEQ" || c === "SIM") {
      const pref = ctx.model.pref[step.dm];
      if (pref[step.to] <= pref[step.from]) return { kind: "misjudged", step, believed: false };
    }
  }
  if (sn.simultaneous && h.view === "subjective" && !h.perceived[i][sn.result]) return { kind: "result-unknown", state: sn.result };
  return null;
}

/** Which part of a sanction in DM i's perception does not hold with full information. */
function whyNotInFact(h: Hypergame, c: BaseConcept, i: number, s: number, sn: Sanction): Blocked | null {
  const model = h.model;
  if (c === "SEQ" || c === "SIM")
    for (const step of sn.moves) if (model.pref[step.dm][step.to] <= model.pref[step.dm][step.from]) return { kind: "misjudged", step, believed: true };
  if (c === "SMR") {
    // With full information the DM has a counter-move from the sanction's result that it does not see
    // (it does not know the result, or the state the counter-move reaches).
    const pref = model.pref[i];
    const p = h.perceived[i];
    const { offsets, targets } = h.plain.context.moves[i];
    let best = -1;
    for (let e = offsets[sn.result]; e < offsets[sn.result + 1]; e++) {
      const t = targets[e];
      if (pref[t] > pref[s] && (!p[sn.result] || !p[t]) && (best < 0 || pref[t] > pref[best])) best = t;
    }
    if (best >= 0) return { kind: "counter-move-unseen", from: sn.result, to: best, state: p[sn.result] ? best : sn.result };
  }
  return null;
}

/** Equilibria gained and lost against the full-information analysis, per concept. */
export function equilibriumChanges(h: Hypergame): Partial<Record<Concept, { gained: number[]; lost: number[] }>> {
  const out: Partial<Record<Concept, { gained: number[]; lost: number[] }>> = {};
  for (const c of h.concepts) {
    const ours = new Set(h.equilibria[c]);
    const full = new Set(h.plain.equilibria[c]);
    out[c] = { gained: h.equilibria[c]!.filter((s) => !full.has(s)), lost: h.plain.equilibria[c]!.filter((s) => !ours.has(s)) };
  }
  return out;
}
