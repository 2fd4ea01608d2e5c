/**
 * Each decision maker's preferences: statements (plain, if/then, anyOf, with a
 * probability), or a ranking of patterns; alternatives with weights (preference
 * uncertainty); and unknown preferences (pairs of states it cannot compare).
 */
import { TooComplexError, type Cube } from "../cubes.js";
import type { Expr } from "../expr.js";
import type { AlternativeSpec, PreferenceSpec, Provenance, RankItemSpec, StatementSpec, UnknownPreferenceSpec } from "../scenario.js";
import type { PreferenceEntry, ScenarioFile, StatementEntry, UnknownPreferenceEntry } from "../schema.js";
import { provenanceOf, suggest, type Context, type Path } from "./context.js";
import { compile, pattern, stateSet, statement } from "./references.js";

/** The `preferences` section: one entry per decision maker, in the decision makers' order. */
export function validatePreferences(ctx: Context, file: ScenarioFile): PreferenceSpec[] {
  const { report, decisionMakers, dmIndex, source } = ctx;
  const preferences: PreferenceSpec[] = new Array(decisionMakers.length);
  for (const key of Object.keys(file.preferences)) {
    if (!dmIndex.has(key))
      report("unknown-decision-maker", `preferences given for unknown decision maker '${key}'${suggest(key, [...dmIndex.keys()])}`, ["preferences"], key);
  }
  decisionMakers.forEach((dm, d) => {
    const entry = Object.hasOwn(file.preferences, dm.id) ? (file.preferences[dm.id] as PreferenceEntry) : undefined;
    if (entry === undefined) {
      const issue = report("missing-preferences", `no preferences for decision maker '${dm.id}'`, ["preferences"]);
      Object.assign(issue, source?.locate([], "preferences"));
      return;
    }
    const path: Path = ["preferences", dm.id];
    const pref = preference(ctx, entry, path);
    if (pref) preferences[d] = pref;
    // Unknown preferences: pairs of states the DM cannot compare (parley unknown).
    if (!Array.isArray(entry) && entry.unknown !== undefined) {
      const list = unknownPreferences(ctx, entry.unknown, [...path, "unknown"]);
      if (pref && list) pref.unknown = list;
    }
  });
  return preferences;
}

/** A DM's `unknown` list: each entry's two sides; at most 31 entries (one bit each in the engine). */
function unknownPreferences(ctx: Context, list: UnknownPreferenceEntry[], path: Path): UnknownPreferenceSpec[] | undefined {
  if (list.length > 31) {
    ctx.report(
      "too-many-unknown",
      `${list.length} unknown-preference entries; at most 31 per decision maker (a fixed limit: one bit each in the engine); merge some with 'or' in a condition`,
      path,
    );
    return undefined;
  }
  const out: UnknownPreferenceSpec[] = [];
  let ok = true;
  list.forEach((u, k) => {
    const between = stateSet(ctx, u.between, [...path, k, "between"]);
    const and = stateSet(ctx, u.and, [...path, k, "and"]);
    if (between && and) out.push({ between, and, path: [...path, k], ...provenanceOf(u) });
    else ok = false;
  });
  return ok ? out : undefined;
}

/** One set of preferences (a DM's own, or as another DM perceives them), with its alternatives. */
export function preference(ctx: Context, entry: PreferenceEntry, path: Path): PreferenceSpec | undefined {
  const base = basePreference(ctx, entry, path);
  if (!base || Array.isArray(entry) || entry.alternatives === undefined) return base;
  // Preference uncertainty: alternatives with weights; the main preferences keep the rest.
  const alternatives: AlternativeSpec[] = [];
  let ok = true;
  entry.alternatives.forEach((alt, k) => {
    const apath: Path = [...path, "alternatives", k];
    const pref = basePreference(ctx, { statements: alt.statements, ranking: alt.ranking }, apath);
    if (!pref) ok = false;
    else alternatives.push({ weight: alt.weight, label: alt.label ?? `alternative ${k + 1}`, preference: pref, ...provenanceOf(alt) });
  });
  const total = entry.alternatives.reduce((a, x) => a + x.weight, 0);
  if (total > 1 + 1e-9) {
    ctx.report("bad-weights", `the weights of the alternatives add up to ${+total.toFixed(6)}; at most 1 (the main preferences keep 1 minus the sum)`, [
      ...path,
      "alternatives",
    ]);
    ok = false;
  }
  return ok ? { ...base, alternatives } : undefined;
}

function basePreference(
  ctx: Context,
  entry: PreferenceEntry | { statements?: StatementEntry[]; ranking?: (string | string[])[] },
  path: Path,
): PreferenceSpec | undefined {
  const { report } = ctx;
  const list = Array.isArray(entry) ? entry : undefined;
  if (!list && !Array.isArray(entry)) {
    const has = [entry.statements !== undefined, entry.ranking !== undefined];
    if (has[0] === has[1]) {
      report(
        "bad-preferences",
        has[0] ? "give either statements or a ranking, not both" : "preferences need 'statements' (a list, most important first) or 'ranking'",
        path,
      );
      return undefined;
    }
    if (entry.ranking !== undefined) {
      const items: RankItemSpec[] = [];
      let ok = true;
      entry.ranking.forEach((item, k) => {
        const patterns = typeof item === "string" ? [item] : item;
        const ipath: Path = [...path, "ranking", k];
        if (patterns.length === 0) {
          report("bad-ranking", "an empty tie group in the ranking", ipath);
          ok = false;
          return;
        }
        const cubes: Cube[] = [];
        patterns.forEach((p, j) => {
          const c = pattern(ctx, p, typeof item === "string" ? ipath : [...ipath, j], true);
          if (c) cubes.push(c);
          else ok = false;
        });
        items.push({ patterns, cubes, path: ipath });
      });
      if (entry.ranking.length === 0) {
        report("bad-ranking", "the ranking is empty", [...path, "ranking"]);
        ok = false;
      }
      return ok ? { kind: "ranking", items, ...provenanceOf(entry as Provenance) } : undefined;
    }
  }
  const statementsList = list ?? (entry as { statements: StatementEntry[] }).statements;
  const spath: Path = list ? path : [...path, "statements"];
  const statements: StatementSpec[] = [];
  let ok = true;
  if (statementsList.length === 0) {
    report("bad-preferences", "the list of preference statements is empty", spath);
    return undefined;
  }
  if (statementsList.length > 52) {
    report(
      "too-many-statements",
      `${statementsList.length} statements; at most 52 per decision maker (a fixed limit: each statement is one bit of a whole number's 53-bit precision); join some with anyOf or 'or'`,
      spath,
    );
    return undefined;
  }
  statementsList.forEach((st: StatementEntry, k) => {
    const one = statementEntry(ctx, st, [...spath, k]);
    if (one) statements.push(one);
    else ok = false;
  });
  return ok ? { kind: "statements", statements, ...(list ? {} : provenanceOf(entry as Provenance)) } : undefined;
}

function statementEntry(ctx: Context, st: StatementEntry, path: Path): StatementSpec | undefined {
  const { report } = ctx;
  if (typeof st === "string") {
    const r = statement(ctx, st, path);
    return r ? { text: st, ...r } : undefined;
  }
  const prov = { ...provenanceOf(st), ...(st.probability !== undefined ? { probability: st.probability } : {}) };
  const forms = [st.statement !== undefined, st.if !== undefined || st.then !== undefined, st.anyOf !== undefined].filter(Boolean).length;
  if (forms !== 1) {
    report(
      "bad-statement",
      forms === 0 ? "a statement needs one of: statement, if/then, anyOf" : "a statement takes only one of: statement, if/then, anyOf",
      path,
    );
    return undefined;
  }
  if (st.statement !== undefined) {
    const r = statement(ctx, st.statement, [...path, "statement"]);
    return r ? { text: st.statement, ...r, ...prov } : undefined;
  }
  if (st.anyOf !== undefined) {
    if (st.anyOf.length === 0) {
      report("bad-statement", "anyOf needs at least one member", [...path, "anyOf"]);
      return undefined;
    }
    const parts = st.anyOf.map((m, k) => statement(ctx, m, [...path, "anyOf", k]));
    if (parts.some((x) => !x)) return undefined;
    const expr: Expr = { kind: "or", args: parts.map((x) => x!.expr), at: 0 };
    const cubes = parts.flatMap((x) => x!.cubes);
    return { text: st.anyOf.map((m) => `(${m})`).join(" | "), expr, cubes: dedupeCubes(cubes), ...prov };
  }
  if (st.if === undefined || st.then === undefined) {
    report("bad-statement", `a conditional statement needs both 'if' and 'then'`, path);
    return undefined;
  }
  const cond = statement(ctx, st.if, [...path, "if"]);
  const then = statement(ctx, st.then, [...path, "then"]);
  if (!cond || !then) return undefined;
  const expr: Expr = { kind: "implies", cond: cond.expr, then: then.expr, at: 0 };
  let cubes: Cube[];
  try {
    cubes = compile(ctx, expr);
  } catch (e) {
    if (!(e instanceof TooComplexError)) throw e;
    report("statement-too-complex", `'if ${st.if} then ${st.then}': ${e.message}`, path);
    return undefined;
  }
  return { text: `if ${st.if} then ${st.then}`, expr, cubes, ...prov };
}

function dedupeCubes(cubes: Cube[]): Cube[] {
  const seen = new Set<string>();
  return cubes.filter((c) => {
    const k = `${c.care}:${c.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
