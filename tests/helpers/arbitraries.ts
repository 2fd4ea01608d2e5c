// Long because it is the one model generator: every property test draws its scenarios here, so the pieces stay together.
/**
 * The one generator of random GMCR models for the property tests, as
 * fast-check arbitraries, and the seeded generators some tests use on purpose.
 *
 * Models are generated abstractly (options by index in declaration order,
 * preferences as expressions or rankings over state masks), then rendered as
 * parley/1 scenario data under a "view": ids for DMs and options and an order
 * of DMs and of each DM's options. Feasibility is evaluated here, apart from
 * the engine, so the status quo is picked among feasible states and rankings
 * list every feasible state once; a test can compare the compiled states with
 * `spec.feasible`.
 *
 * Options say how large and of what kind: number of DMs and of options each,
 * how many infeasibility constraints, statements or rankings (and how many
 * ties), and random unknown preference pairs.
 */
import fc from "fast-check";
import { compileScenario, validateData, type Model } from "../../src/index.js";
import { seededRandom } from "../../src/analysis/random.js";
import { generateModel } from "../../bench/generate.js";
import type { Adjacency } from "./reference/dominance.js";

// ---------------------------------------------------------------------------
// Runs

/** Fixed seed, so the suite is reproducible; PARLEY_FC_SEED and PARLEY_FC_SCALE (a run multiplier) allow longer soaks. */
export const FC_SEED = Number(process.env.PARLEY_FC_SEED ?? 20250611);
const SCALE = Number(process.env.PARLEY_FC_SCALE ?? 1);
/** fast-check parameters: the fixed seed (or the one given when PARLEY_FC_SEED is unset) and numRuns times the scale. */
export const runs = (numRuns: number, seed = FC_SEED) => ({
  seed: process.env.PARLEY_FC_SEED ? FC_SEED : seed,
  numRuns: Math.max(1, Math.round(numRuns * SCALE)),
});

// ---------------------------------------------------------------------------
// Abstract models

export type Dir = "both" | "taking" | "withdrawal";
export type Ex = { k: "var"; o: number } | { k: "not"; a: Ex } | { k: "and" | "or"; args: Ex[] };
/** A literal: option o is taken (y) or not. */
export interface Lit {
  o: number;
  y: boolean;
}
export type Constraint =
  | { k: "cond"; e: Ex; wrapped: boolean }
  | { k: "pattern"; lits: Lit[]; asMap: boolean }
  | { k: "mutex"; opts: number[] }
  | { k: "atLeast"; opts: number[] };
export type Statement = { k: "expr"; e: Ex } | { k: "if"; c: Ex; t: Ex; asObject: boolean } | { k: "anyOf"; es: Ex[] };
/** Statements, or a ranking: groups of state masks (original layout), most preferred first; a group of several ties. */
export type Pref = { k: "statements"; sts: Statement[] } | { k: "ranking"; groups: number[][] };
/** An unknown preference entry: between the states matching `a` and those matching `b` (an empty list matches every state). */
export interface UnknownPair {
  a: Lit[];
  b: Lit[];
}

export interface ModelSpec {
  /** Per DM, its options (global index = position in declaration order of the original). */
  dms: { dir: Dir; style: boolean }[][];
  nOptions: number;
  infeasible: Constraint[];
  prefs: Pref[];
  /** Per DM, its unknown entries: each matches a feasible state on both sides and is more than one state against itself. */
  unknown: UnknownPair[][];
  /** Feasible state masks, ascending (original layout), as evaluated here. */
  feasible: number[];
  statusQuo: number;
  sqAsMap: boolean;
}

export interface ModelOptions {
  /** Number of DMs, [min, max]; default [2, 4]. */
  dms?: [number, number];
  /** Options per DM, [min, max]; default [1, 3]. */
  optionsPerDM?: [number, number];
  /** At most this many options in all (later DMs lose options first, each keeps one); default 8. */
  maxOptions?: number;
  /** At most this many infeasibility constraints (conditions, patterns, mutually exclusive, at least one of); default 3. */
  maxInfeasible?: number;
  /** Preference kinds; default "both" (statements twice as often as rankings). */
  preferences?: "both" | "ranking" | "statements";
  /** Distinct ranking levels drawn from, [min, max]: few give many ties; default [1, 1000]. */
  spread?: [number, number];
  /** Up to three unknown preference entries per DM; default false. */
  unknown?: boolean;
}

export function evalEx(e: Ex, mask: number): boolean {
  switch (e.k) {
    case "var":
      return ((mask >> e.o) & 1) === 1;
    case "not":
      return !evalEx(e.a, mask);
    case "and":
      return e.args.every((a) => evalEx(a, mask));
    case "or":
      return e.args.some((a) => evalEx(a, mask));
  }
}

const matchesLits = (lits: Lit[], mask: number) => lits.every((l) => (((mask >> l.o) & 1) === 1) === l.y);

export function infeasibleBy(c: Constraint, mask: number): boolean {
  switch (c.k) {
    case "cond":
      return evalEx(c.e, mask);
    case "pattern":
      return matchesLits(c.lits, mask);
    case "mutex":
      return c.opts.filter((o) => (mask >> o) & 1).length >= 2;
    case "atLeast":
      return c.opts.every((o) => ((mask >> o) & 1) === 0);
  }
}

// Raw generators: option references are any natural number, reduced modulo the
// number of options once it is known.
const exArb = (depth: number): fc.Arbitrary<Ex> => {
  const leaf: fc.Arbitrary<Ex> = fc.record({ k: fc.constant("var" as const), o: fc.nat(63) });
  if (depth === 0) return leaf;
  const sub = exArb(depth - 1);
  return fc.oneof(
    { arbitrary: leaf, weight: 4 },
    { arbitrary: fc.record({ k: fc.constant("not" as const), a: sub }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constantFrom("and" as const, "or" as const), args: fc.array(sub, { minLength: 2, maxLength: 3 }) }), weight: 3 },
  );
};
const ex = exArb(2);
const litsArb = (minLength: number) => fc.array(fc.record({ o: fc.nat(63), y: fc.boolean() }), { minLength, maxLength: 4 });

const constraintArb: fc.Arbitrary<Constraint> = fc.oneof(
  fc.record({ k: fc.constant("cond" as const), e: ex, wrapped: fc.boolean() }),
  fc.record({ k: fc.constant("pattern" as const), lits: litsArb(1), asMap: fc.boolean() }),
  fc.record({ k: fc.constant("mutex" as const), opts: fc.array(fc.nat(63), { minLength: 2, maxLength: 4 }) }),
  fc.record({ k: fc.constant("atLeast" as const), opts: fc.array(fc.nat(63), { minLength: 1, maxLength: 3 }) }),
);

const statementArb: fc.Arbitrary<Statement> = fc.oneof(
  { arbitrary: fc.record({ k: fc.constant("expr" as const), e: ex }), weight: 5 },
  { arbitrary: fc.record({ k: fc.constant("if" as const), c: ex, t: ex, asObject: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constant("anyOf" as const), es: fc.array(ex, { minLength: 1, maxLength: 3 }) }), weight: 1 },
);

type RawPref = { k: "statements"; sts: Statement[] } | { k: "ranking"; levels: number[]; spread: number };

function rawPrefArb(o: Required<ModelOptions>): fc.Arbitrary<RawPref> {
  const statements = fc.record({ k: fc.constant("statements" as const), sts: fc.array(statementArb, { minLength: 1, maxLength: 4 }) });
  const ranking = fc.record({
    k: fc.constant("ranking" as const),
    levels: fc.array(fc.nat(1000), { minLength: 1 << o.maxOptions, maxLength: 1 << o.maxOptions }),
    spread: fc.integer({ min: o.spread[0], max: o.spread[1] }),
  });
  if (o.preferences === "statements") return statements;
  if (o.preferences === "ranking") return ranking;
  return fc.oneof({ arbitrary: statements, weight: 2 }, { arbitrary: ranking, weight: 1 });
}

function rawArb(o: Required<ModelOptions>) {
  const maxDMs = o.dms[1];
  return fc.record({
    dms: fc.array(
      fc.array(fc.record({ dir: fc.constantFrom<Dir>("both", "both", "taking", "withdrawal"), style: fc.boolean() }), {
        minLength: o.optionsPerDM[0],
        maxLength: o.optionsPerDM[1],
      }),
      { minLength: o.dms[0], maxLength: maxDMs },
    ),
    infeasible: fc.array(constraintArb, { maxLength: o.maxInfeasible }),
    prefs: fc.array(rawPrefArb(o), { minLength: maxDMs, maxLength: maxDMs }),
    unknown: o.unknown
      ? fc.array(fc.array(fc.record({ a: litsArb(0), b: litsArb(0) }), { maxLength: 3 }), { minLength: maxDMs, maxLength: maxDMs })
      : fc.constant([] as UnknownPair[][]),
    sqPick: fc.nat(),
    sqAsMap: fc.boolean(),
  });
}

type Raw = ReturnType<typeof rawArb> extends fc.Arbitrary<infer R> ? R : never;

function normalize(raw: Raw, maxOptions: number): ModelSpec | undefined {
  // At most maxOptions options: trim the later DMs' option lists (each keeps one).
  const dms = raw.dms.map((opts) => opts.slice());
  let total = dms.reduce((a, o) => a + o.length, 0);
  for (let d = dms.length - 1; d >= 0 && total > maxOptions; d--) {
    while (dms[d].length > 1 && total > maxOptions) {
      dms[d].pop();
      total--;
    }
  }
  const n = total;
  const fixEx = (e: Ex): Ex => (e.k === "var" ? { k: "var", o: e.o % n } : e.k === "not" ? { k: "not", a: fixEx(e.a) } : { k: e.k, args: e.args.map(fixEx) });
  const distinct = (xs: number[]) => [...new Set(xs.map((o) => o % n))];
  // One literal per option: the first one given.
  const fixLits = (lits: Lit[]) => lits.map((l) => ({ o: l.o % n, y: l.y })).filter((l, k, all) => all.findIndex((x) => x.o === l.o) === k);
  const infeasible: Constraint[] = [];
  for (const c of raw.infeasible) {
    if (c.k === "cond") infeasible.push({ ...c, e: fixEx(c.e) });
    else if (c.k === "pattern") infeasible.push({ ...c, lits: fixLits(c.lits) });
    else if (c.k === "mutex") {
      const opts = distinct(c.opts);
      if (opts.length >= 2) infeasible.push({ k: "mutex", opts });
    } else infeasible.push({ k: "atLeast", opts: distinct(c.opts) });
  }
  const feasible: number[] = [];
  for (let m = 0; m < 1 << n; m++) if (!infeasible.some((c) => infeasibleBy(c, m))) feasible.push(m);
  if (feasible.length === 0) return undefined;
  const fixSt = (st: Statement): Statement =>
    st.k === "expr" ? { k: "expr", e: fixEx(st.e) } : st.k === "if" ? { ...st, c: fixEx(st.c), t: fixEx(st.t) } : { k: "anyOf", es: st.es.map(fixEx) };
  const prefs: Pref[] = raw.prefs.slice(0, dms.length).map((p) => {
    if (p.k === "statements") return { k: "statements", sts: p.sts.map(fixSt) };
    const level = (m: number) => p.levels[m] % p.spread;
    const byLevel = new Map<number, number[]>();
    for (const m of feasible) byLevel.set(level(m), [...(byLevel.get(level(m)) ?? []), m]);
    const groups = [...byLevel.entries()].sort((a, b) => b[0] - a[0]).map(([, ms]) => ms);
    return { k: "ranking", groups };
  });
  // Unknown entries that leave no pair unknown are refused by the format: keep only those with one.
  const unknown = dms.map((_, d) =>
    (raw.unknown[d] ?? [])
      .map((e) => ({ a: fixLits(e.a), b: fixLits(e.b) }))
      .filter((e) => {
        const A = feasible.filter((m) => matchesLits(e.a, m));
        const B = feasible.filter((m) => matchesLits(e.b, m));
        return A.length > 0 && B.length > 0 && !(A.length === 1 && B.length === 1 && A[0] === B[0]);
      }),
  );
  return { dms, nOptions: n, infeasible, prefs, unknown, feasible, statusQuo: feasible[raw.sqPick % feasible.length], sqAsMap: raw.sqAsMap };
}

function withDefaults(opts: ModelOptions): Required<ModelOptions> {
  const o: Required<ModelOptions> = {
    dms: [2, 4],
    optionsPerDM: [1, 3],
    maxOptions: 8,
    maxInfeasible: 3,
    preferences: "both",
    spread: [1, 1000],
    unknown: false,
    ...opts,
  };
  if (o.dms[1] > o.maxOptions || o.maxOptions > 12) throw new Error(`arbSpec: ${o.dms[1]} DMs need at least as many options, at most 12 in all`);
  return o;
}

/** Random abstract models (at least one feasible state). */
export function arbSpec(opts: ModelOptions = {}): fc.Arbitrary<ModelSpec> {
  const o = withDefaults(opts);
  return rawArb(o)
    .map((raw) => normalize(raw, o.maxOptions))
    .filter((s): s is ModelSpec => s !== undefined);
}

/** Random models with their compiled form (default view: DM d is `d<d>`, option g is `o<g>` at bit g). */
export function arbCase(opts: ModelOptions = {}): fc.Arbitrary<{ spec: ModelSpec; model: Model }> {
  return arbSpec(opts).map((spec) => ({ spec, model: compileData(render(spec, defaultView(spec)).data) }));
}

/** Random compiled models. */
export function arbModel(opts: ModelOptions = {}): fc.Arbitrary<Model> {
  return arbCase(opts).map(({ model }) => model);
}

/** The spec's unknown entries as Y/N/- patterns over the options of the default view (bit order), per DM. */
export function unknownPatterns(spec: ModelSpec): { a: string; b: string }[][] {
  const pattern = (lits: Lit[]) =>
    Array.from({ length: spec.nOptions }, (_, g) => {
      const l = lits.find((x) => x.o === g);
      return l ? (l.y ? "Y" : "N") : "-";
    }).join("");
  return spec.unknown.map((list) => list.map((e) => ({ a: pattern(e.a), b: pattern(e.b) })));
}

// ---------------------------------------------------------------------------
// Rendering a spec as parley/1 data under a view

export interface View {
  /** Declaration order of the DMs (original DM indices). */
  dmOrder: number[];
  /** Per original DM: the declaration order of its options (local positions). */
  optOrder: number[][];
  /** Ids by original DM index / original global option index. */
  dmIds: string[];
  optIds: string[];
}

export interface Rendered {
  data: Record<string, unknown>;
  /** Original global option index -> bit position in the rendered scenario. */
  bitOf: number[];
  /** Rendered DM position -> original DM index. */
  dmAt: number[];
}

function starts(spec: ModelSpec): number[] {
  const out: number[] = [];
  let k = 0;
  for (const opts of spec.dms) {
    out.push(k);
    k += opts.length;
  }
  return out;
}

export function defaultView(spec: ModelSpec): View {
  return {
    dmOrder: spec.dms.map((_, d) => d),
    optOrder: spec.dms.map((opts) => opts.map((_, p) => p)),
    dmIds: spec.dms.map((_, d) => `d${d}`),
    optIds: Array.from({ length: spec.nOptions }, (_, g) => `o${g}`),
  };
}

export function render(spec: ModelSpec, view: View): Rendered {
  const first = starts(spec);
  const bitOf = new Array<number>(spec.nOptions);
  let pos = 0;
  for (const d of view.dmOrder) for (const p of view.optOrder[d]) bitOf[first[d] + p] = pos++;
  const globalAt = new Array<number>(spec.nOptions);
  bitOf.forEach((b, g) => (globalAt[b] = g));
  const id = (g: number) => view.optIds[g];

  const text = (e: Ex): string => {
    if (e.k === "var") return id(e.o);
    if (e.k === "not") return `!${atom(e.a)}`;
    return e.args.map(atom).join(e.k === "and" ? " & " : " | ");
  };
  const atom = (e: Ex): string => (e.k === "var" || e.k === "not" ? text(e) : `(${text(e)})`);
  /** Y/N/- pattern string over the rendered option order. */
  const pattern = (val: (g: number) => "Y" | "N" | "-") => globalAt.map(val).join("");
  const full = (mask: number) => pattern((g) => ((mask >> g) & 1 ? "Y" : "N"));
  const partial = (lits: Lit[]) =>
    pattern((g) => {
      const l = lits.find((x) => x.o === g);
      return l ? (l.y ? "Y" : "N") : "-";
    });

  const infeasible = spec.infeasible.map((c) => {
    switch (c.k) {
      case "cond":
        return c.wrapped ? { condition: text(c.e) } : text(c.e);
      case "pattern":
        return { pattern: c.asMap ? Object.fromEntries(c.lits.map((l) => [id(l.o), l.y ? "Y" : "N"])) : partial(c.lits) };
      case "mutex":
        return { mutuallyExclusive: c.opts.map(id) };
      case "atLeast":
        return { atLeastOneOf: c.opts.map(id) };
    }
  });

  const statement = (st: Statement): unknown => {
    switch (st.k) {
      case "expr":
        return text(st.e);
      case "if":
        return st.asObject ? { if: text(st.c), then: text(st.t) } : `if ${text(st.c)} then ${text(st.t)}`;
      case "anyOf":
        return { anyOf: st.es.map(text) };
    }
  };
  // A plain list of statements, or an object when it carries unknown entries (or is a ranking).
  const preference = (p: Pref, unknown: UnknownPair[]): unknown => {
    if (p.k === "statements" && unknown.length === 0) return p.sts.map(statement);
    const body =
      p.k === "statements" ? { statements: p.sts.map(statement) } : { ranking: p.groups.map((ms) => (ms.length === 1 ? full(ms[0]) : ms.map(full))) };
    return unknown.length === 0 ? body : { ...body, unknown: unknown.map((e) => ({ between: partial(e.a), and: partial(e.b) })) };
  };

  const irreversible = (o: { dir: Dir; style: boolean }) =>
    o.dir === "both"
      ? o.style
        ? { irreversible: false }
        : {}
      : o.dir === "taking"
        ? { irreversible: o.style ? true : "taking" }
        : { irreversible: "withdrawal" };

  const data = {
    format: "parley/1",
    name: "random",
    decisionMakers: view.dmOrder.map((d) => ({
      id: view.dmIds[d],
      name: `DM ${d}`,
      options: view.optOrder[d].map((p) => ({ id: id(first[d] + p), label: `option ${first[d] + p}`, ...irreversible(spec.dms[d][p]) })),
    })),
    infeasible,
    statusQuo: spec.sqAsMap
      ? Object.fromEntries(
          spec.dms
            .flatMap((opts, d) => opts.map((_, p) => first[d] + p))
            .filter((g) => (spec.statusQuo >> g) & 1)
            .map((g) => [id(g), "Y"]),
        )
      : full(spec.statusQuo),
    preferences: Object.fromEntries(view.dmOrder.map((d) => [view.dmIds[d], preference(spec.prefs[d], spec.unknown[d] ?? [])])),
  };
  return { data, bitOf, dmAt: view.dmOrder.slice() };
}

/** Scenario data compiled; throws with the issues when the data is invalid (a generator bug). */
export function compileData(data: unknown): Model {
  const { scenario, issues } = validateData(data);
  if (issues.length > 0) throw new Error(`invalid random scenario: ${JSON.stringify(issues)}\n${JSON.stringify(data)}`);
  return compileScenario(scenario!);
}

/** Original-layout mask -> rendered mask. */
export function toRendered(r: Rendered, mask: number): number {
  let out = 0;
  r.bitOf.forEach((b, g) => {
    if ((mask >> g) & 1) out |= 1 << b;
  });
  return out;
}

/** Rendered mask -> original-layout mask. */
export function toOriginal(r: Rendered, mask: number): number {
  let out = 0;
  r.bitOf.forEach((b, g) => {
    if ((mask >> b) & 1) out |= 1 << g;
  });
  return out;
}

// ---------------------------------------------------------------------------
// Views: ids and orders

const RESERVED = new Set(["not", "and", "or", "if", "then", "true", "false"]);
const idArb = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/).filter((s) => !RESERVED.has(s.toLowerCase()));
/** Distinct ids, enough for `dms` DMs (the first `dms`) and `options` options (the rest). */
export const arbIds = (dms = 4, options = 8) => fc.uniqueArray(idArb, { minLength: dms + options, maxLength: dms + options });
/** Random keys for `permutation`. */
export const arbOrderKeys = (n = 4) => fc.array(fc.nat(1000), { minLength: n, maxLength: n });

/** A random permutation of 0..n-1 from a list of random keys. */
export function permutation(keys: number[], n: number): number[] {
  return Array.from({ length: n }, (_, k) => k).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b);
}

// ---------------------------------------------------------------------------
// Larger models from the benchmark's seeded generator (bench/generate.ts)

/**
 * Models of `dms` DMs (at most one per option) and `options` options from the
 * benchmark's generator, seeded by fast-check: bigger than arbModel's, with
 * irreversible options and ties, as the benchmarks see them. The seed comes
 * along for tests that draw more values from it.
 */
export const arbBenchModel = (o: { dms: [number, number]; options: [number, number] }) =>
  fc
    .record({
      dms: fc.integer({ min: o.dms[0], max: o.dms[1] }),
      options: fc.integer({ min: o.options[0], max: o.options[1] }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
    })
    .map(({ dms, options, seed }) => ({ model: generateModel(Math.min(dms, options), options, seed), seed }));

// ---------------------------------------------------------------------------
// Random graphs, for the graph passes under the stability concepts

/** The graph on n states with the given (from, to) edges, as an adjacency. */
export function adjacency(n: number, edges: readonly [number, number][]): Adjacency {
  const sorted = [...edges].sort((a, b) => a[0] - b[0]);
  const offsets = new Int32Array(n + 1);
  for (const [u] of sorted) offsets[u + 1]++;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  return { offsets, targets: Int32Array.from(sorted.map(([, v]) => v)) };
}

/**
 * Random graphs on 1 to maxStates states: `edgeLists` graphs over the same
 * states, each with up to edgesPerState × n edges (loops and repeats allowed),
 * `valueRows` rows of values 0..maxValue per state, and a number k of 1 to 4
 * criteria.
 */
export const arbGraphs = (o: { maxStates: number; edgeLists: number; edgesPerState: number; valueRows: number; maxValue: number }) =>
  fc
    .integer({ min: 1, max: o.maxStates })
    .chain((n) =>
      fc.record({
        n: fc.constant(n),
        edges: fc.array(fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: o.edgesPerState * n }), {
          minLength: o.edgeLists,
          maxLength: o.edgeLists,
        }),
        k: fc.integer({ min: 1, max: 4 }),
        values: fc.array(fc.nat(o.maxValue), { minLength: o.valueRows * n, maxLength: o.valueRows * n }),
      }),
    )
    .map(({ n, edges, k, values }) => ({
      n,
      graphs: edges.map((e) => adjacency(n, e)),
      k,
      rows: Array.from({ length: o.valueRows }, (_, h) => Int32Array.from({ length: n }, (_, v) => values[h * n + v])),
    }));

// ---------------------------------------------------------------------------
// Bargaining issues (src/bargaining): positions on a 0–100 scale

/** An actor: a whole-number position, capability and salience in tenths from 0.1 to 1. */
export const arbBargainingActor = fc.record({
  position: fc.integer({ min: 0, max: 100 }),
  capability: fc.integer({ min: 1, max: 10 }).map((x) => x / 10),
  salience: fc.integer({ min: 1, max: 10 }).map((x) => x / 10),
});
/** An issue on 0–100 with 2 to 6 actors a0, a1, … */
export const arbBargainingIssue = fc
  .array(arbBargainingActor, { minLength: 2, maxLength: 6 })
  .map((list) => ({ min: 0, max: 100, actors: list.map((a, k) => ({ id: `a${k}`, ...a })) }));

// ---------------------------------------------------------------------------
// Seeded generators, for tests that perturb fixed models on purpose

/**
 * Random misperceptions and misjudged preferences added to a scenario's data
 * (options `o0`, `o1`, … as in oracle fixtures), from a seed: each DM
 * misperceives the states of one random Y/N/- pattern with probability 0.6,
 * and with probability 0.5 sees the next DM's preferences as two random literals.
 */
export function addRandomMisperceptions(data: Record<string, unknown>, nOptions: number, seed: number): Record<string, unknown> {
  const next = seededRandom(seed);
  const dms = data.decisionMakers as Record<string, unknown>[];
  dms.forEach((dm, d) => {
    if (next() < 0.6) {
      const p = Array.from({ length: nOptions }, () => (next() < 0.3 ? (next() < 0.5 ? "Y" : "N") : "-")).join("");
      dm.misperceives = [p.includes("Y") || p.includes("N") ? p : "Y" + p.slice(1)];
    }
    if (next() < 0.5 && dms.length > 1) {
      const other = dms[(d + 1) % dms.length].id as string;
      const lits = Array.from({ length: 2 }, () => {
        const o = Math.floor(next() * nOptions);
        return next() < 0.5 ? `o${o}` : `!o${o}`;
      });
      dm.perceivedPreferences = { [other]: lits };
    }
  });
  return data;
}
