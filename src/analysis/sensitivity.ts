/**
 * Which preference assumptions the answer depends on: change one thing at a
 * time in one decision maker's preferences (swap two neighbouring statements
 * or ranking items, or drop a statement), re-run the analysis, and record the
 * equilibria gained and lost under each concept. Moves do not depend on
 * preferences, so each variant reuses them.
 */
import type { Model } from "../model/compile.js";
import type { PreferenceSpec } from "../format/scenario.js";
import { preferenceLevels } from "../preferences/ranks.js";
import { analyze, variantContext, type Analysis, type Concept } from "../stability/analyze.js";
import { statusQuoAnalysis } from "./paths.js";

export type PreferenceChange = { kind: "swap"; dm: number; first: number; second: number } | { kind: "drop"; dm: number; index: number };

export interface ChangeEffect {
  change: PreferenceChange;
  /** Per concept: equilibria (state indices) the change adds and removes. */
  effects: Partial<Record<Concept, { gained: number[]; lost: number[] }>>;
  /** Number of equilibrium changes, summed over concepts: how much the answer moves. */
  weight: number;
  /** Equilibria reachable from the status quo by unilateral improvements (any concept) gained and lost. */
  fromStatusQuo: { gained: number[]; lost: number[] };
}

export interface Sensitivity {
  changes: ChangeEffect[];
  /** Per concept: equilibria that survive every single change tried. */
  robust: Partial<Record<Concept, number[]>>;
  tried: number;
}

/** Every single change to the preferences, with its effect; those that move the answer first. */
export function preferenceSensitivity(base: Analysis): Sensitivity {
  const variants = sensitivityVariants(base);
  return sensitivityOf(
    base,
    variants,
    variants.map(({ model }) => analyze(model, { concepts: base.concepts, context: variantContext(base.context, model) }).equilibria),
  );
}

/** The single changes tried, each with its variant of the model (same states and moves). */
export function sensitivityVariants(base: Analysis): { change: PreferenceChange; model: Model }[] {
  const { model } = base;
  return model.scenario.preferences.flatMap((pref, dm) =>
    candidateChanges(pref, dm).map((change) => ({ change, model: withPreference(model, dm, applyChange(pref, change)) })),
  );
}

/**
 * The effects of the changes from each variant's equilibria, however they
 * were computed (here, or on worker threads: each variant is independent).
 */
export function sensitivityOf(
  base: Analysis,
  variants: readonly { change: PreferenceChange; model: Model }[],
  equilibria: readonly Partial<Record<Concept, number[]>>[],
): Sensitivity {
  const changes: ChangeEffect[] = [];
  const survive = new Map(base.concepts.map((c) => [c, new Set(base.equilibria[c])]));
  const reachedFrom = (a: Analysis) => new Set(statusQuoAnalysis(a).equilibria.map((e) => e.state));
  const baseReached = reachedFrom(base);
  const tried = variants.length;
  variants.forEach(({ change, model: variant }, k) => {
    const a: Analysis = { model: variant, context: variantContext(base.context, variant), concepts: base.concepts, stable: {}, equilibria: equilibria[k] };
    const effects: ChangeEffect["effects"] = {};
    let weight = 0;
    for (const c of base.concepts) {
      const before = new Set(base.equilibria[c]);
      const after = new Set(a.equilibria[c]);
      const gained = [...after].filter((s) => !before.has(s));
      const lost = [...before].filter((s) => !after.has(s));
      for (const s of lost) survive.get(c)!.delete(s);
      if (gained.length || lost.length) effects[c] = { gained, lost };
      weight += gained.length + lost.length;
    }
    const reached = reachedFrom(a);
    const fromStatusQuo = {
      gained: [...reached].filter((x) => !baseReached.has(x)).sort((x, y) => x - y),
      lost: [...baseReached].filter((x) => !reached.has(x)).sort((x, y) => x - y),
    };
    changes.push({ change, effects, weight, fromStatusQuo });
  });
  // What changes the outlook from today first, then what moves the most equilibria.
  const today = (c: ChangeEffect) => c.fromStatusQuo.gained.length + c.fromStatusQuo.lost.length;
  changes.sort((a, b) => today(b) - today(a) || b.weight - a.weight);
  const robust: Sensitivity["robust"] = {};
  for (const [c, set] of survive) robust[c] = [...set].sort((a, b) => a - b);
  return { changes, robust, tried };
}

function candidateChanges(pref: PreferenceSpec, dm: number): PreferenceChange[] {
  const out: PreferenceChange[] = [];
  const n = pref.kind === "statements" ? pref.statements.length : pref.items.length;
  for (let j = 0; j + 1 < n; j++) out.push({ kind: "swap", dm, first: j, second: j + 1 });
  if (pref.kind === "statements" && n > 1) for (let j = 0; j < n; j++) out.push({ kind: "drop", dm, index: j });
  return out;
}

export function applyChange(pref: PreferenceSpec, change: PreferenceChange): PreferenceSpec {
  if (pref.kind === "statements") {
    const statements = [...pref.statements];
    if (change.kind === "swap") [statements[change.first], statements[change.second]] = [statements[change.second], statements[change.first]];
    else statements.splice(change.index, 1);
    return { ...pref, statements };
  }
  const items = [...pref.items];
  if (change.kind === "swap") [items[change.first], items[change.second]] = [items[change.second], items[change.first]];
  return { ...pref, items };
}

/** The model with one decision maker's preferences replaced (same states and moves). */
export function withPreference(model: Model, dm: number, pref: PreferenceSpec): Model {
  const preferences = [...model.scenario.preferences];
  preferences[dm] = pref;
  const levels = preferenceLevels(pref, model.states, model.nOptions, model.scenario.decisionMakers[dm].id);
  const prefArrays = [...model.pref];
  prefArrays[dm] = levels;
  return { ...model, scenario: { ...model.scenario, preferences }, pref: prefArrays };
}
