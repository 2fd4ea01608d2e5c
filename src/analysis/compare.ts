/**
 * What-if comparison. Two versions of a scenario: what changed in the model,
 * then which states gained or lost stability under each concept, for whom,
 * and why (which unilateral improvement or which sanction appeared or
 * vanished). Several versions: which equilibria survive in how many of them.
 *
 * States are matched by the values of the options the versions share (by
 * id), so reordering options or decision makers changes nothing. When a
 * version adds or removes options, its states are compared on the shared
 * options only (a state stands for all its completions).
 */
import { maskToPattern } from "../format/cubes.js";
import type { Model } from "../model/compile.js";
import { analyze, type Analysis, type Concept } from "../stability/analyze.js";
import { explainState, type StateExplanation } from "../stability/explain.js";
import { describeChange } from "../model/describe.js";
import { scenarioChanges } from "./diff.js";

/** A state as the values of the shared options, in the first version's option order. */
export type SharedKey = string;

export interface StabilityChange {
  /** Y/N over the shared options (in the first version's order). */
  key: SharedKey;
  stateA?: number;
  stateB?: number;
  /** Per decision maker present in both, whether stable before and after, and why it changed. */
  dms: { dm: string; before: boolean; after: boolean; why: string }[];
}

export interface ConceptComparison {
  concept: Concept;
  /** Equilibria in B that were not equilibria in A, and the reverse. */
  gained: StabilityChange[];
  lost: StabilityChange[];
}

export interface Comparison {
  changes: string[];
  /** Option ids both versions have, in A's order. */
  sharedOptions: string[];
  /** True when both versions have exactly the same options (states correspond one to one). */
  sameOptions: boolean;
  concepts: ConceptComparison[];
}

/** Shared-option key of each state of a model. */
function keysOf(model: Model, shared: string[]): SharedKey[] {
  const bits = shared.map((id) => model.scenario.options.findIndex((o) => o.id === id));
  return Array.from(model.states, (x) => bits.map((k) => (x & (1 << k) ? "Y" : "N")).join(""));
}

/** `analyses`: the two models' analyses when already computed (e.g. on worker threads), with the same concepts. */
export function compareModels(a: Model, b: Model, concepts?: readonly Concept[], analyses?: readonly [Analysis, Analysis]): Comparison {
  const A = analyses?.[0] ?? analyze(a, concepts ? { concepts } : {});
  const B = analyses?.[1] ?? analyze(b, concepts ? { concepts } : {});
  const idsB = new Set(b.scenario.options.map((o) => o.id));
  const shared = a.scenario.options.map((o) => o.id).filter((id) => idsB.has(id));
  const sameOptions = shared.length === a.nOptions && shared.length === b.nOptions;
  const keysA = keysOf(a, shared);
  const keysB = keysOf(b, shared);
  const byKeyA = groupBy(keysA);
  const byKeyB = groupBy(keysB);

  const result: ConceptComparison[] = [];
  for (const c of A.concepts) {
    if (!B.concepts.includes(c)) continue;
    const eqA = new Set(A.equilibria[c]!.map((s) => keysA[s]));
    const eqB = new Set(B.equilibria[c]!.map((s) => keysB[s]));
    const explainChange = (key: SharedKey): StabilityChange => {
      const sa = byKeyA.get(key)?.[0];
      const sb = byKeyB.get(key)?.[0];
      return { key, ...(sa !== undefined ? { stateA: sa } : {}), ...(sb !== undefined ? { stateB: sb } : {}), dms: dmChanges(A, B, c, sa, sb) };
    };
    result.push({
      concept: c,
      gained: [...eqB]
        .filter((k) => !eqA.has(k))
        .sort()
        .map(explainChange),
      lost: [...eqA]
        .filter((k) => !eqB.has(k))
        .sort()
        .map(explainChange),
    });
  }
  return { changes: scenarioChanges(a.scenario, b.scenario), sharedOptions: shared, sameOptions, concepts: result };
}

function groupBy(keys: SharedKey[]): Map<SharedKey, number[]> {
  const m = new Map<SharedKey, number[]>();
  keys.forEach((k, s) => m.set(k, [...(m.get(k) ?? []), s]));
  return m;
}

/** For each DM in both versions whose stability at the state differs: why, in words. */
function dmChanges(A: Analysis, B: Analysis, c: Concept, sa: number | undefined, sb: number | undefined): StabilityChange["dms"] {
  const out: StabilityChange["dms"] = [];
  const a = A.model;
  const b = B.model;
  a.scenario.decisionMakers.forEach((dm, i) => {
    const j = b.scenario.decisionMakers.findIndex((x) => x.id === dm.id);
    if (j < 0) return;
    const before = sa !== undefined && A.stable[c]![i][sa] === 1;
    const after = sb !== undefined && B.stable[c]![j][sb] === 1;
    if (before === after) return;
    let why: string;
    if (sa === undefined) why = "the state does not exist in the first version";
    else if (sb === undefined) why = "the state does not exist in the second version";
    else why = whyDifferent(A, B, c, explainState(A.context, sa, i, [c]), explainState(B.context, sb, j, [c]), dm.name);
    out.push({ dm: dm.id, before, after, why });
  });
  return out;
}

/** Which improvement or sanction appeared or vanished between two explanations. */
function whyDifferent(A: Analysis, B: Analysis, c: Concept, ea: StateExplanation, eb: StateExplanation, name: string): string {
  const pat = (m: Model, s: number) => maskToPattern(m.states[s], m.nOptions);
  const impA = new Map(ea.improvements.map((x) => [pat(A.model, x.to), x]));
  const impB = new Map(eb.improvements.map((x) => [pat(B.model, x.to), x]));
  const moveB = (to: number) => `moving (${describeChange(B.model, eb.state, to)})`;
  const moveA = (to: number) => `moving (${describeChange(A.model, ea.state, to)})`;
  const reasons: string[] = [];
  for (const [p, x] of impB) {
    const before = impA.get(p);
    if (!before) reasons.push(`${name} now gains by ${moveB(x.to)}${x.sanctions[c] ? ", though that is deterred" : ", and nothing deters it"}`);
    else if (before.sanctions[c] && !x.sanctions[c]) reasons.push(`nothing deters ${name} any more from ${moveB(x.to)}`);
    else if (!before.sanctions[c] && x.sanctions[c]) reasons.push(`${name} is now deterred from ${moveB(x.to)}`);
  }
  // A move that is gone because an option can no longer be changed that way is said once per option, not once per move.
  const blocked = new Map<string, number>();
  for (const [p, x] of impA) {
    if (impB.has(p)) continue;
    const lock = irreversibleNow(A.model, B.model, ea.state, x.to);
    if (lock) blocked.set(lock, (blocked.get(lock) ?? 0) + 1);
    else reasons.push(`${name} no longer gains by ${moveA(x.to)}${x.sanctions[c] ? "" : ", which nothing deterred"}`);
  }
  for (const [lock, n] of blocked)
    reasons.unshift(`${name} can no longer ${lock}, which rules out ${n === 1 ? "the move it gained by" : `the ${n} moves it gained by`}`);
  return reasons.length ? reasons.join("; ") : "its moves differ between the versions";
}

/**
 * When the move from `from` to `to` (states of A) changes an option that the
 * second version made irreversible that way, what can no longer be done, in
 * words ('withdraw "walk away from the talks": it cannot be undone in this version').
 */
function irreversibleNow(a: Model, b: Model, from: number, to: number): string | null {
  const x = a.states[from];
  const y = a.states[to];
  for (const [k, o] of a.scenario.options.entries()) {
    const bit = 1 << k;
    if ((x & bit) === (y & bit)) continue;
    const now = b.scenario.options.find((q) => q.id === o.id);
    if (!now || now.direction === o.direction) continue;
    const label = `"${o.label.charAt(0).toLowerCase()}${o.label.slice(1)}"`;
    const withdraw = o.withdrawLabel ? `${o.withdrawLabel.charAt(0).toLowerCase()}${o.withdrawLabel.slice(1)}` : `withdraw ${label}`;
    if (x & bit && now.direction === "fwd") return `${withdraw}: it cannot be undone in this version`;
    if (!(x & bit) && now.direction === "back") return `take ${label} again: once withdrawn it cannot be retaken in this version`;
  }
  return null;
}

export interface Survival {
  key: SharedKey;
  /** concept -> in how many versions the state is an equilibrium. */
  counts: Partial<Record<Concept, number>>;
}

/**
 * Across several versions: for every state that is an equilibrium in at least
 * one of them (matched on the options all versions share), in how many
 * versions it is an equilibrium under each concept; most robust first.
 */
export function equilibriumSurvival(
  models: readonly Model[],
  concepts?: readonly Concept[],
  precomputed?: readonly Analysis[],
): { sharedOptions: string[]; rows: Survival[] } {
  const analyses = precomputed ?? models.map((m) => analyze(m, concepts ? { concepts } : {}));
  return survivalOf(
    models,
    analyses.map((a) => a.equilibria),
    analyses[0]?.concepts ?? [],
  );
}

/**
 * The survival table from each version's equilibria under each concept,
 * however they were found (here, on worker threads, or on other machines:
 * `parley compare --shard`).
 */
export function survivalOf(
  models: readonly Model[],
  equilibria: readonly Partial<Record<Concept, readonly number[]>>[],
  concepts: readonly Concept[],
): { sharedOptions: string[]; rows: Survival[] } {
  const shared = models[0].scenario.options.map((o) => o.id).filter((id) => models.every((m) => m.scenario.options.some((o) => o.id === id)));
  const counts = new Map<SharedKey, Partial<Record<Concept, number>>>();
  equilibria.forEach((eq, v) => {
    const keys = keysOf(models[v], shared);
    for (const c of concepts) {
      for (const k of new Set((eq[c] ?? []).map((s) => keys[s]))) {
        const row = counts.get(k) ?? {};
        row[c] = (row[c] ?? 0) + 1;
        counts.set(k, row);
      }
    }
  });
  const total = (r: Partial<Record<Concept, number>>) => Object.values(r).reduce((x, y) => x + (y ?? 0), 0);
  const rows = [...counts.entries()].map(([key, c]) => ({ key, counts: c })).sort((x, y) => total(y.counts) - total(x.counts) || (x.key < y.key ? -1 : 1));
  return { sharedOptions: shared, rows };
}
