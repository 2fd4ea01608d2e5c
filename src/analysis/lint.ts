/**
 * Checks of a model before anyone forecasts with it: findings that do not
 * make a scenario invalid but make its results suspect.
 *
 * - `revealed-preference`: today's state is unstable for a party under the
 *   chosen concept (it has an improvement no credible sanction deters), yet
 *   today is what the parties chose. Either the move is not really open, or
 *   the statement that makes the party prefer it ranks too high.
 * - `inert-option`: no party's preferences depend on the option (every two
 *   feasible states that differ in it alone are tied for everyone), so taking
 *   or leaving it decides no comparison. An option the others determine
 *   (no two feasible states differ in it alone) is not reported.
 * - `dead-statement`: a preference statement that never decides any
 *   comparison between two feasible states (the statements above it already
 *   decide every pair it could): it can be removed without changing anything.
 * - `unsourced`: an option, constraint or preference statement with neither
 *   `sources` nor an `assumption`.
 * - `undefined-fact`: a source that names a fact id (as F12) which the
 *   scenario's fact table does not define.
 *
 * The findings are data; src/present/lint-output.ts puts them in words.
 */
import type { Model } from "../model/compile.js";
import { cubesHold } from "../format/cubes.js";
import type { Provenance, StatementSpec } from "../format/scenario.js";
import { preferenceReason } from "../preferences/why.js";
import type { Concept } from "../stability/analyze.js";
import type { StabilityContext } from "../stability/context.js";
import { explainState } from "../stability/explain.js";

export type LintFinding =
  | { code: "revealed-preference"; dm: number; to: number; concept: Concept; statement?: number }
  | { code: "inert-option"; option: number }
  | { code: "dead-statement"; dm: number; statement: number; alternative?: number }
  | { code: "unsourced"; element: LintElement }
  | { code: "undefined-fact"; element: LintElement; fact: string };

/** An element of the scenario, by where it is. */
export type LintElement =
  | { kind: "option"; option: number }
  | { kind: "constraint"; constraint: number }
  | { kind: "statement"; dm: number; statement: number; alternative?: number };

export const LINT_CODES = ["revealed-preference", "inert-option", "dead-statement", "unsourced", "undefined-fact"] as const;

export interface LintOptions {
  /** The concept under which today's stability is judged (default SEQ: credible sanctions). */
  concept?: Concept;
  /** The fact ids the scenario defines; when given, cited ids that look like facts (F1, F12…) must be among them. */
  facts?: ReadonlySet<string>;
}

/** Sources that look like fact ids. */
const FACT_ID = /^F\d+$/;

export function lintModel(ctx: StabilityContext, opts: LintOptions = {}): LintFinding[] {
  const { model } = ctx;
  const concept = opts.concept ?? "SEQ";
  return [...revealedPreference(ctx, concept), ...inertOptions(model), ...deadStatements(model), ...provenance(model, opts.facts)];
}

function revealedPreference(ctx: StabilityContext, concept: Concept): LintFinding[] {
  const { model } = ctx;
  const sq = model.statusQuo;
  const out: LintFinding[] = [];
  for (let d = 0; d < model.nDMs; d++) {
    const ex = explainState(ctx, sq, d, [concept]);
    const open = ex.improvements.filter((imp) => imp.sanctions[concept] == null);
    if (!open.length) continue;
    // The most preferred undeterred improvement: the move the party would make.
    const pref = model.pref[d];
    const to = open.reduce((best, imp) => (pref[imp.to] > pref[best.to] ? imp : best)).to;
    const reason = preferenceReason(model, d, to, sq);
    out.push({ code: "revealed-preference", dm: d, to, concept, ...(reason.index !== undefined ? { statement: reason.index } : {}) });
  }
  return out;
}

function inertOptions(model: Model): LintFinding[] {
  const out: LintFinding[] = [];
  for (let k = 0; k < model.nOptions; k++) {
    const bit = 1 << k;
    // Pairs of feasible states that differ in this option only; an option the others determine has none, and is not inert.
    let pairs = 0;
    let matters = false;
    for (let s = 0; s < model.states.length && !matters; s++) {
      const mask = model.states[s];
      if (mask & bit) continue;
      const t = model.indexOf[mask | bit];
      if (t < 0) continue;
      pairs++;
      for (let d = 0; d < model.nDMs && !matters; d++) if (model.pref[d][s] !== model.pref[d][t]) matters = true;
    }
    if (pairs > 0 && !matters) out.push({ code: "inert-option", option: k });
  }
  return out;
}

/** Statement j decides some pair when two feasible states agree on every statement above it and differ on it. */
function deadIn(model: Model, statements: readonly StatementSpec[]): number[] {
  const dead: number[] = [];
  // Key of a state: the truth of the statements so far, as a string of 0/1.
  const keys = Array.from(model.states, () => "");
  statements.forEach((st, j) => {
    const seen = new Map<string, boolean>();
    let decides = false;
    for (let s = 0; s < model.states.length; s++) {
      const holds = cubesHold(st.cubes, model.states[s]);
      const before = seen.get(keys[s]);
      if (before === undefined) seen.set(keys[s], holds);
      else if (before !== holds) decides = true;
      keys[s] += holds ? "1" : "0";
    }
    if (!decides) dead.push(j);
  });
  return dead;
}

function deadStatements(model: Model): LintFinding[] {
  const out: LintFinding[] = [];
  model.scenario.preferences.forEach((pref, d) => {
    if (pref.kind === "statements") for (const j of deadIn(model, pref.statements)) out.push({ code: "dead-statement", dm: d, statement: j });
    (pref.alternatives ?? []).forEach((alt, a) => {
      if (alt.preference.kind === "statements")
        for (const j of deadIn(model, alt.preference.statements)) out.push({ code: "dead-statement", dm: d, statement: j, alternative: a });
    });
  });
  return out;
}

function provenance(model: Model, facts: ReadonlySet<string> | undefined): LintFinding[] {
  const out: LintFinding[] = [];
  const check = (element: LintElement, p: Provenance) => {
    const sources = p.sources ?? [];
    if (!sources.length && !(p.assumption ?? "").trim()) out.push({ code: "unsourced", element });
    if (facts) for (const f of sources) if (FACT_ID.test(f) && !facts.has(f)) out.push({ code: "undefined-fact", element, fact: f });
  };
  model.scenario.options.forEach((o, k) => check({ kind: "option", option: k }, o));
  model.scenario.constraints.forEach((c, k) => check({ kind: "constraint", constraint: k }, c));
  model.scenario.preferences.forEach((pref, d) => {
    if (pref.kind === "statements") pref.statements.forEach((st, j) => check({ kind: "statement", dm: d, statement: j }, st));
    (pref.alternatives ?? []).forEach((alt, a) => {
      if (alt.preference.kind === "statements")
        alt.preference.statements.forEach((st, j) => check({ kind: "statement", dm: d, statement: j, alternative: a }, st));
    });
  });
  return out;
}
