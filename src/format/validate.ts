/**
 * Scenario text -> validated Scenario. Structure is checked by the zod schema,
 * then names, references and statements here; every problem found is reported
 * at once, each with its line and column.
 */
import { patternToCube, toCubes, TooComplexError, type Cube } from "./cubes.js";
import { ParleyError, type Issue } from "./errors.js";
import { ExprSyntaxError, exprVars, parseExpr, type Expr } from "./expr.js";
import {
  FORMAT,
  ScenarioSchema,
  type InfeasibleEntry,
  type MisperceptionEntry,
  type StateSetEntry,
  type UnknownPreferenceEntry,
  type PreferenceEntry,
  type ScenarioFile,
  type StatementEntry,
  type StatusQuoEntry,
} from "./schema.js";
import type {
  ConstraintSpec,
  DecisionMakerSpec,
  Direction,
  MisperceptionSpec,
  StateSetSpec,
  UnknownPreferenceSpec,
  OptionSpec,
  PerceivedPreferenceSpec,
  PreferenceSpec,
  Provenance,
  RankItemSpec,
  AlternativeSpec,
  Scenario,
  StatementSpec,
} from "./scenario.js";
import { readSource, type SourceText } from "./source.js";
import { isCalendarDate } from "./dates.js";
import { DEFAULT_LIMITS, MAX_OPTIONS, overLimit, tooManyOptions, type InputLimits } from "./limits.js";
import { validateBargaining } from "./bargaining-validate.js";

/** Words of the statement language (any case): they cannot name options. */
const KEYWORDS = new Set(["not", "and", "or", "if", "then", "true", "false"]);
/** Names that collide with JavaScript object internals. */
const RESERVED_IDS = new Set(["__proto__", "constructor", "prototype"]);

export { MAX_OPTIONS } from "./limits.js";

type Path = (string | number)[];

/** Parse and validate scenario text. Throws ParleyError listing every problem. */
export function parseScenario(text: string, file?: string, limits: InputLimits = DEFAULT_LIMITS): Scenario {
  return parseScenarioSource(text, file, limits).scenario;
}

/** Like parseScenario, also returning the source map for locating later issues. */
export function parseScenarioSource(text: string, file?: string, limits: InputLimits = DEFAULT_LIMITS): { scenario: Scenario; source: SourceText } {
  const { source, issues } = readSource(text, limits);
  if (!source) throw new ParleyError(issues, file);
  const result = validateData(source.data, source, limits);
  if (result.issues.length > 0) throw new ParleyError(sortIssues(result.issues), file);
  return { scenario: result.scenario!, source };
}

/** Validate already-parsed data (for example from the workbench); `source` adds positions. */
export function validateData(data: unknown, source?: SourceText, limits: InputLimits = DEFAULT_LIMITS): { scenario?: Scenario; issues: Issue[] } {
  const issues: Issue[] = [];
  const at = (path: Path, key?: string) => (source ? source.locate(path, key) : undefined);
  const report: Report = (code, message, path, key) => {
    const issue: Issue = { code, message, path, ...at(path, key) };
    issues.push(issue);
    return issue;
  };

  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    report("not-a-scenario", "a scenario file must be a mapping with format, name, decisionMakers, statusQuo and preferences", []);
    return { issues };
  }
  const format = (data as Record<string, unknown>).format;
  if (format === undefined) {
    const d = data as Record<string, unknown>;
    if (d.program === "gmcr-py" || (Array.isArray(d.options) && Array.isArray(d.decisionMakers) && ("infeasibles" in d || "useManualPreferenceRanking" in d))) {
      report(
        "gmcr-py-file",
        "this is a gmcr-py / GMCR+ file, not a Parley scenario: convert it first with parley import (e.g. parley import model.gmcr -o model.yaml), or with Import in the workbench",
        [],
      );
      return { issues };
    }
    report("missing-format", `missing 'format: ${FORMAT}' at the top of the file`, []);
    return { issues };
  }
  if (format !== FORMAT) {
    report("unsupported-format", `unsupported format '${clip(String(format), 40)}': this version of Parley reads '${FORMAT}'`, ["format"]);
    return { issues };
  }
  const parsed = ScenarioSchema.safeParse(data);
  if (!parsed.success) {
    for (const zi of parsed.error.issues) issues.push(...zodIssue(zi as ZodIssueLike, data, at));
    return { issues };
  }
  const scenario = buildScenario(parsed.data, report, limits, source);
  return { scenario: issues.length === 0 ? scenario : undefined, issues };
}

// ---------------------------------------------------------------------------
// zod issues -> our messages

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  keys?: string[];
  values?: unknown[];
  errors?: ZodIssueLike[][];
  minimum?: number | bigint;
  origin?: string;
}

function zodIssue(zi: ZodIssueLike, data: unknown, at: (path: Path, key?: string) => { line: number; column: number } | undefined, prefix: Path = []): Issue[] {
  const path = [...prefix, ...(zi.path as (string | number)[])];
  const value = valueAt(data, path);
  const field = describeField(path);
  switch (zi.code) {
    case "invalid_union": {
      if (value === undefined) {
        const parent = path.slice(0, -1);
        return [{ code: "missing-field", message: `missing required field '${String(path[path.length - 1])}'`, path: parent, ...at(parent) }];
      }
      // Report the branch that matches the kind of value given (string vs mapping).
      const branches = zi.errors ?? [];
      const fitting = branches.filter((b) => !b.some((x) => x.code === "invalid_type" && x.path.length === 0));
      if (fitting.length > 0) {
        const best = fitting.reduce((a, b) => (b.length < a.length ? b : a));
        return best.flatMap((x) => zodIssue(x, data, at, path));
      }
      return [{ code: "invalid-type", message: `${field} has the wrong type (${typeName(value)})`, path, ...at(path) }];
    }
    case "invalid_type":
      if (value === undefined) {
        const parent = path.slice(0, -1);
        return [{ code: "missing-field", message: `missing required field '${String(path[path.length - 1])}'`, path: parent, ...at(parent) }];
      }
      return [{ code: "invalid-type", message: `${field} should be ${article(zi.expected ?? "")}, not ${typeName(value)}`, path, ...at(path) }];
    case "unrecognized_keys":
      return (zi.keys ?? []).map((k) => ({
        code: "unknown-field",
        message: `unknown field '${k}'${suggest(k, knownFields(path))}`,
        path: [...path, k],
        ...at(path, k),
      }));
    case "invalid_value":
      return [{ code: "invalid-value", message: `${field} must be one of ${(zi.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`, path, ...at(path) }];
    default:
      return [{ code: "invalid", message: `${field}: ${zi.message}`, path, ...at(path) }];
  }
}

function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

function describeField(path: Path): string {
  const last = [...path].reverse().find((p) => typeof p === "string");
  return last ? `'${String(last)}'` : "the value";
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `the text ${JSON.stringify(clip(v, 80))}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

function article(t: string): string {
  const names: Record<string, string> = { string: "text", array: "a list", object: "a mapping", boolean: "true or false", number: "a number" };
  return names[t] ?? t;
}

const FIELDS: Record<string, string[]> = {
  top: [
    "format",
    "name",
    "description",
    "decisionMakers",
    "infeasible",
    "statusQuo",
    "preferences",
    "asOf",
    "limitations",
    "whatIfs",
    "goals",
    "facts",
    "questions",
    "forecast",
    "bargaining",
    "note",
    "sources",
    "assumption",
  ],
  facts: ["id", "fact", "quote", "source", "date"],
  questions: ["id", "question", "condition", "by", "resolution", "note", "sources", "assumption"],
  forecast: ["concept", "rules", "horizon", "rule", "weight", "note", "sources", "assumption"],
  rate: ["perMonth", "note", "sources", "assumption"],
  bargaining: [
    "actors",
    "issues",
    "id",
    "name",
    "title",
    "scale",
    "statusQuo",
    "positions",
    "onTable",
    "position",
    "salience",
    "capability",
    "value",
    "min",
    "max",
    "option",
    "atLeast",
    "atMost",
    "note",
    "sources",
    "assumption",
  ],
  decisionMakers: ["id", "name", "options", "misperceives", "perceivedPreferences", "rate", "note", "sources", "assumption"],
  options: ["id", "label", "whenTaken", "whenNotTaken", "irreversible", "note", "sources", "assumption"],
  infeasible: ["condition", "pattern", "mutuallyExclusive", "atLeastOneOf", "note", "sources", "assumption"],
  preferences: [
    "statements",
    "ranking",
    "alternatives",
    "unknown",
    "statement",
    "if",
    "then",
    "anyOf",
    "probability",
    "weight",
    "label",
    "note",
    "sources",
    "assumption",
  ],
  unknown: ["between", "and", "note", "sources", "assumption"],
  between: ["condition", "pattern"],
  and: ["condition", "pattern"],
  statusQuo: ["state", "note", "sources", "assumption"],
  misperceives: ["condition", "pattern", "note", "sources", "assumption"],
};

function knownFields(path: Path): string[] {
  const named = path.filter((p): p is string => typeof p === "string");
  const last = named[named.length - 1];
  if (!last) return FIELDS.top;
  if (last === "options") return FIELDS.options;
  if (named.includes("perceivedPreferences")) return FIELDS.preferences;
  // Own keys only: a field named 'toString' must not find Object.prototype.toString.
  return (Object.hasOwn(FIELDS, last) ? FIELDS[last] : Object.hasOwn(FIELDS, named[0]) ? FIELDS[named[0]] : undefined) ?? [];
}

/** ", did you mean 'x'?" for a near miss. */
export function suggest(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(word.length / 3)) ? `; did you mean '${best}'?` : "";
}

/** Edit distance where swapping two neighbouring letters counts as one edit (a common typo). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** A user's text in a message: long texts shortened, so a message stays readable. */
function clip(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length.toLocaleString("en-US")} characters)` : text;
}

function sortIssues(list: Issue[]): Issue[] {
  return [...list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

// ---------------------------------------------------------------------------
// names, references and statements

/** Records an issue and returns it, so the caller can refine its position. */
type Report = (code: string, message: string, path: Path, key?: string) => Issue;

function provenanceOf(x: Provenance | string | undefined): Provenance {
  if (x === undefined || typeof x === "string") return {};
  const out: Provenance = {};
  if (x.note !== undefined) out.note = x.note;
  if (x.sources !== undefined) out.sources = x.sources;
  if (x.assumption !== undefined) out.assumption = x.assumption;
  return out;
}

function buildScenario(file: ScenarioFile, report: Report, limits: InputLimits, source?: SourceText): Scenario {
  const options: OptionSpec[] = [];
  const decisionMakers: DecisionMakerSpec[] = [];
  const optionIndex = new Map<string, number>();
  const dmIndex = new Map<string, number>();

  file.decisionMakers.forEach((dm, d) => {
    const path: Path = ["decisionMakers", d];
    if (RESERVED_IDS.has(dm.id)) report("reserved-id", `'${dm.id}' cannot be used as an id`, [...path, "id"]);
    if (dmIndex.has(dm.id)) report("duplicate-id", `duplicate decision maker id '${dm.id}'`, [...path, "id"]);
    else dmIndex.set(dm.id, d);
    if (dm.options.length === 0) report("no-options", `decision maker '${dm.id}' has no options; give it at least one`, [...path, "options"]);
    const indices: number[] = [];
    dm.options.forEach((o, k) => {
      if (KEYWORDS.has(o.id.toLowerCase()) || RESERVED_IDS.has(o.id)) {
        report(
          "reserved-id",
          `'${o.id}' cannot be an option id: ${RESERVED_IDS.has(o.id) ? "it is reserved" : "it is a word of the statement language"} (${[...KEYWORDS].join(", ")})`,
          [...path, "options", k, "id"],
        );
        return;
      }
      if (optionIndex.has(o.id)) {
        report("duplicate-id", `duplicate option id '${o.id}' (option ids must be unique across all decision makers)`, [...path, "options", k, "id"]);
        return;
      }
      optionIndex.set(o.id, options.length);
      indices.push(options.length);
      const direction: Direction = o.irreversible === true || o.irreversible === "taking" ? "fwd" : o.irreversible === "withdrawal" ? "back" : "both";
      options.push({
        id: o.id,
        label: o.label ?? o.id,
        dm: d,
        direction,
        ...(o.whenTaken !== undefined ? { whenTaken: o.whenTaken } : {}),
        ...(o.whenNotTaken !== undefined ? { whenNotTaken: o.whenNotTaken } : {}),
        ...provenanceOf(o),
      });
    });
    decisionMakers.push({
      id: dm.id,
      name: dm.name ?? dm.id,
      options: indices,
      ...provenanceOf(dm),
      ...(dm.rate !== undefined ? { rate: { perMonth: dm.rate.perMonth, ...provenanceOf(dm.rate) } } : {}),
    });
  });
  if (file.decisionMakers.length === 0) report("no-decision-makers", "the scenario has no decision makers", ["decisionMakers"]);
  if (options.length > MAX_OPTIONS) report("too-many-options", tooManyOptions(options.length), ["decisionMakers"]);

  const n = options.length;
  const ids = [...optionIndex.keys()];
  const bitOf = (id: string) => optionIndex.get(id)!;

  /** Parse a statement at `path`; unknown ids and syntax errors are reported inside the text. */
  const statement = (text: string, path: Path): { expr: Expr; cubes: Cube[] } | undefined => {
    const pointAt = (offset: number) => {
      const start = source?.scalarStart(path);
      return start ? source!.position(start.offset + offset) : source?.locate(path);
    };
    if (text.length > limits.statementLength) {
      report(
        "statement-too-long",
        `the statement '${clip(text)}' has ${text.length.toLocaleString("en-US")} characters, ${overLimit("statementLength", limits.statementLength, text.length)}`,
        path,
      );
      return undefined;
    }
    let expr: Expr;
    try {
      expr = parseExpr(text);
    } catch (e) {
      if (!(e instanceof ExprSyntaxError)) throw e;
      const issue = report("statement-syntax", `cannot read '${clip(text)}': ${e.message} (character ${e.offset + 1})`, path);
      Object.assign(issue, pointAt(e.offset));
      return undefined;
    }
    let ok = true;
    const reported = new Set<string>();
    for (const v of exprVars(expr)) {
      if (!optionIndex.has(v.id)) {
        ok = false;
        if (reported.has(v.id)) continue; // once per statement is enough
        reported.add(v.id);
        const issue = report("unknown-option", `unknown option '${clip(v.id)}' in '${clip(text)}'${suggest(v.id, ids)}`, path);
        Object.assign(issue, pointAt(v.at));
      }
    }
    if (!ok) return undefined;
    try {
      return { expr, cubes: toCubes(expr, bitOf) };
    } catch (e) {
      if (!(e instanceof TooComplexError)) throw e;
      report("statement-too-complex", `'${clip(text)}': ${e.message}`, path);
      return undefined;
    }
  };
  const pattern = (text: string, path: Path, allowDash: boolean): Cube | undefined => {
    const allowed = allowDash ? /^[YNyn-]*$/ : /^[YNyn]*$/;
    if (text.length !== n || !allowed.test(text)) {
      report(
        "bad-pattern",
        `pattern '${text}' must have one ${allowDash ? "Y, N or -" : "Y or N"} per option (${n} in all, in declaration order: ${ids.join(", ")})`,
        path,
      );
      return undefined;
    }
    return patternToCube(text.toUpperCase());
  };
  const patternMap = (map: Record<string, string | boolean>, path: Path): Cube | undefined => {
    let care = 0;
    let value = 0;
    let ok = true;
    for (const [id, v] of Object.entries(map)) {
      const k = optionIndex.get(id);
      if (k === undefined) {
        report("unknown-option", `unknown option '${id}'${suggest(id, ids)}`, path, id);
        ok = false;
        continue;
      }
      care |= 1 << k;
      if (v === true || v === "Y" || v === "y") value |= 1 << k;
    }
    return ok ? { care, value } : undefined;
  };
  const optionList = (list: string[], path: Path): number[] | undefined => {
    const out: number[] = [];
    let ok = true;
    list.forEach((id, k) => {
      const bit = optionIndex.get(id);
      if (bit === undefined) {
        report("unknown-option", `unknown option '${id}'${suggest(id, ids)}`, [...path, k]);
        ok = false;
      } else if (out.includes(bit)) {
        report("duplicate-option", `option '${id}' is listed twice`, [...path, k]);
        ok = false;
      } else out.push(bit);
    });
    return ok ? out : undefined;
  };

  // Infeasibility
  const constraints: ConstraintSpec[] = [];
  if ((file.infeasible?.length ?? 0) > limits.conditions)
    report(
      "too-many-conditions",
      `${file.infeasible!.length.toLocaleString("en-US")} infeasibility entries, ${overLimit("conditions", limits.conditions, file.infeasible!.length)}`,
      ["infeasible"],
    );
  (file.infeasible ?? []).forEach((entry: InfeasibleEntry, k) => {
    const path: Path = ["infeasible", k];
    if (typeof entry === "string") {
      const st = statement(entry, path);
      if (st) constraints.push({ kind: "condition", text: entry, infeasible: st.cubes });
      return;
    }
    const kinds = (["condition", "pattern", "mutuallyExclusive", "atLeastOneOf"] as const).filter((x) => entry[x] !== undefined);
    if (kinds.length !== 1) {
      report(
        "bad-constraint",
        kinds.length === 0
          ? "an infeasibility entry needs one of: condition, pattern, mutuallyExclusive, atLeastOneOf"
          : `an infeasibility entry takes only one of ${kinds.join(", ")}; split it into several entries`,
        path,
      );
      return;
    }
    const prov = provenanceOf(entry);
    if (entry.condition !== undefined) {
      const st = statement(entry.condition, [...path, "condition"]);
      if (st) constraints.push({ kind: "condition", text: entry.condition, infeasible: st.cubes, ...prov });
    } else if (entry.pattern !== undefined) {
      const p = entry.pattern;
      const cube = typeof p === "string" ? pattern(p, [...path, "pattern"], true) : patternMap(p, [...path, "pattern"]);
      const text = patternText(p);
      if (cube) constraints.push({ kind: "pattern", text, infeasible: [cube], ...prov });
    } else if (entry.mutuallyExclusive !== undefined) {
      const list = entry.mutuallyExclusive;
      if (list.length < 2) report("bad-constraint", "mutuallyExclusive needs at least two options", [...path, "mutuallyExclusive"]);
      const bits = optionList(list, [...path, "mutuallyExclusive"]);
      if (bits && list.length >= 2) {
        const cubes: Cube[] = [];
        for (let a = 0; a < bits.length; a++)
          for (let b = a + 1; b < bits.length; b++) {
            const m = (1 << bits[a]) | (1 << bits[b]);
            cubes.push({ care: m, value: m });
          }
        constraints.push({ kind: "mutuallyExclusive", text: `at most one of ${list.join(", ")}`, infeasible: cubes, ...prov });
      }
    } else if (entry.atLeastOneOf !== undefined) {
      const list = entry.atLeastOneOf;
      if (list.length < 1) report("bad-constraint", "atLeastOneOf needs at least one option", [...path, "atLeastOneOf"]);
      const bits = optionList(list, [...path, "atLeastOneOf"]);
      if (bits && list.length >= 1) {
        const m = bits.reduce((acc, b) => acc | (1 << b), 0);
        constraints.push({ kind: "atLeastOneOf", text: `at least one of ${list.join(", ")}`, infeasible: [{ care: m, value: 0 }], ...prov });
      }
    }
  });

  // Status quo
  const sq = statusQuo(file.statusQuo, pattern, patternMap);

  // Preferences
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
    const pref = preference(entry, path, statement, pattern, report, (e) => toCubes(e, bitOf));
    if (pref) preferences[d] = pref;
    // Unknown preferences: pairs of states the DM cannot compare (parley unknown).
    if (!Array.isArray(entry) && entry.unknown !== undefined) {
      const list = unknownPreferences(entry.unknown, [...path, "unknown"]);
      if (pref && list) pref.unknown = list;
    }
  });

  // Hypergames: what each DM does not perceive, and how it sees the others' preferences.
  file.decisionMakers.forEach((entry, d) => {
    const dm = decisionMakers[d];
    const path: Path = ["decisionMakers", d];
    if (entry.misperceives !== undefined) {
      const list: MisperceptionSpec[] = [];
      entry.misperceives.forEach((m: MisperceptionEntry, k) => {
        const one = misperception(m, [...path, "misperceives", k]);
        if (one) list.push(one);
      });
      dm.misperceives = list;
    }
    if (entry.perceivedPreferences !== undefined) {
      const list: PerceivedPreferenceSpec[] = [];
      for (const key of Object.keys(entry.perceivedPreferences)) {
        const ppath: Path = [...path, "perceivedPreferences", key];
        const j = dmIndex.get(key);
        if (j === undefined) {
          report(
            "unknown-decision-maker",
            `perceivedPreferences given for unknown decision maker '${key}'${suggest(key, [...dmIndex.keys()])}`,
            [...path, "perceivedPreferences"],
            key,
          );
          continue;
        }
        if (j === d) {
          report(
            "own-perceived-preferences",
            `'${dm.id}' cannot misjudge its own preferences: perceivedPreferences is for other decision makers (its own are under preferences.${dm.id})`,
            [...path, "perceivedPreferences"],
            key,
          );
          continue;
        }
        const perceived = entry.perceivedPreferences[key] as PreferenceEntry;
        if (!Array.isArray(perceived) && perceived.unknown !== undefined)
          report(
            "unknown-in-perceived",
            `unknown preferences belong under preferences.${key}, not under perceivedPreferences: a decision maker's own preferences say which pairs of states it cannot compare`,
            [...ppath, "unknown"],
          );
        const pref = preference(perceived, ppath, statement, pattern, report, (e) => toCubes(e, bitOf));
        if (pref) list.push({ dm: j, preferences: pref, path: ppath });
      }
      dm.perceivedPreferences = list;
    }
  });

  function goals(list: NonNullable<ScenarioFile["goals"]>): NonNullable<Scenario["goals"]> {
    list.forEach((g, k) => statement(g.condition, ["goals", k, "condition"]));
    return list.map((g) => ({ title: g.title, condition: g.condition, ...(g.note !== undefined ? { note: g.note } : {}) }));
  }

  function facts(list: NonNullable<ScenarioFile["facts"]>): NonNullable<Scenario["facts"]> {
    const seen = new Set<string>();
    list.forEach((f, k) => {
      if (seen.has(f.id)) report("duplicate-id", `duplicate fact id '${f.id}'`, ["facts", k, "id"]);
      seen.add(f.id);
    });
    return list.map((f) => ({ ...f }));
  }

  function questions(list: NonNullable<ScenarioFile["questions"]>): NonNullable<Scenario["questions"]> {
    const seen = new Set<string>();
    const out: NonNullable<Scenario["questions"]> = [];
    list.forEach((q, k) => {
      if (seen.has(q.id)) report("duplicate-id", `duplicate question id '${q.id}'`, ["questions", k, "id"]);
      seen.add(q.id);
      if (!isCalendarDate(q.by)) report("bad-date", `'${q.by}' is not a calendar date; write it as YYYY-MM-DD`, ["questions", k, "by"]);
      const compiled = statement(q.condition, ["questions", k, "condition"]);
      if (compiled)
        out.push({
          id: q.id,
          question: q.question,
          condition: q.condition,
          by: q.by,
          ...(q.resolution !== undefined ? { resolution: q.resolution } : {}),
          cubes: compiled.cubes,
          ...provenanceOf(q),
        });
    });
    return out;
  }

  // Spatial bargaining (parley bargain): checked here, ignored by the graph model.
  const bargaining = file.bargaining !== undefined ? validateBargaining(file.bargaining, decisionMakers, optionIndex, report, suggest) : undefined;

  return {
    name: file.name,
    ...(file.description !== undefined ? { description: file.description } : {}),
    ...provenanceOf(file),
    decisionMakers,
    options,
    constraints,
    statusQuo: sq.mask,
    ...(sq.provenance ? { statusQuoProvenance: sq.provenance } : {}),
    preferences,
    ...(file.asOf !== undefined ? { asOf: file.asOf } : {}),
    ...(file.limitations !== undefined ? { limitations: file.limitations } : {}),
    ...(file.whatIfs !== undefined ? { whatIfs: file.whatIfs } : {}),
    ...(file.goals !== undefined ? { goals: goals(file.goals) } : {}),
    ...(file.facts !== undefined ? { facts: facts(file.facts) } : {}),
    ...(file.questions !== undefined ? { questions: questions(file.questions) } : {}),
    ...(file.forecast !== undefined
      ? {
          forecast: {
            ...(file.forecast.concept !== undefined ? { concept: file.forecast.concept } : {}),
            ...(file.forecast.rules !== undefined ? { rules: file.forecast.rules.map((r) => ({ rule: r.rule, weight: r.weight, ...provenanceOf(r) })) } : {}),
            ...(file.forecast.horizon !== undefined ? { horizon: file.forecast.horizon } : {}),
            ...provenanceOf(file.forecast),
          },
        }
      : {}),
    ...(bargaining ? { bargaining } : {}),
  };

  /**
   * One `misperceives` entry. A bare string is a condition, except that a string of
   * only Y, N and '-' with one letter per option (and not an option id) is a pattern.
   */
  /** A DM's `unknown` list: each entry's two sides; at most 31 entries (one bit each in the engine). */
  function unknownPreferences(list: UnknownPreferenceEntry[], path: Path): UnknownPreferenceSpec[] | undefined {
    if (list.length > 31) {
      report(
        "too-many-unknown",
        `${list.length} unknown-preference entries; at most 31 per decision maker (a fixed limit: one bit each in the engine); merge some with 'or' in a condition`,
        path,
      );
      return undefined;
    }
    const out: UnknownPreferenceSpec[] = [];
    let ok = true;
    list.forEach((u, k) => {
      const between = stateSet(u.between, [...path, k, "between"]);
      const and = stateSet(u.and, [...path, k, "and"]);
      if (between && and) out.push({ between, and, path: [...path, k], ...provenanceOf(u) });
      else ok = false;
    });
    return ok ? out : undefined;
  }

  /**
   * A set of states: a condition, or a Y/N/- pattern. A bare string is a condition,
   * except that a string of only Y, N and '-' with one letter per option (and not an
   * option id) is a pattern, as in `misperceives`.
   */
  function stateSet(
    entry: StateSetEntry,
    path: Path,
    messages: { code: string; missing: string; both: string } = {
      code: "bad-state-set",
      missing: `'${String(path[path.length - 1])}' needs a condition or a pattern`,
      both: `'${String(path[path.length - 1])}' takes a condition or a pattern, not both; join them with '&' in one condition`,
    },
  ): StateSetSpec | undefined {
    if (typeof entry === "string") {
      if (/^[YN-]+$/.test(entry) && entry.length === n && !optionIndex.has(entry)) {
        const cube = pattern(entry, path, true);
        return cube ? { kind: "pattern", text: entry, cubes: [cube] } : undefined;
      }
      const st = statement(entry, path);
      return st ? { kind: "condition", text: entry, cubes: st.cubes } : undefined;
    }
    if ((entry.condition === undefined) === (entry.pattern === undefined)) {
      report(messages.code, entry.condition === undefined ? messages.missing : messages.both, path);
      return undefined;
    }
    if (entry.condition !== undefined) {
      const st = statement(entry.condition, [...path, "condition"]);
      return st ? { kind: "condition", text: entry.condition, cubes: st.cubes } : undefined;
    }
    const p = entry.pattern!;
    const cube = typeof p === "string" ? pattern(p, [...path, "pattern"], true) : patternMap(p, [...path, "pattern"]);
    const text = patternText(p);
    return cube ? { kind: "pattern", text, cubes: [cube] } : undefined;
  }

  function misperception(entry: MisperceptionEntry, path: Path): MisperceptionSpec | undefined {
    const set = stateSet(entry, path, {
      code: "bad-misperception",
      missing: "a misperceives entry needs a condition or a pattern",
      both: "a misperceives entry takes a condition or a pattern, not both; split it into two entries",
    });
    return set && typeof entry !== "string" ? { ...set, ...provenanceOf(entry) } : set;
  }

  function statusQuo(entry: StatusQuoEntry, pat: typeof pattern, pmap: typeof patternMap): { mask: number; provenance?: Provenance } {
    const path: Path = ["statusQuo"];
    let value: string | Record<string, string | boolean> = entry as string | Record<string, string | boolean>;
    let provenance: Provenance | undefined;
    let at = path;
    if (typeof entry === "object" && "state" in entry && (typeof entry.state === "object" || !/^[YNyn]$/.test(String(entry.state)))) {
      value = entry.state as string | Record<string, string | boolean>;
      provenance = provenanceOf(entry as Provenance);
      at = [...path, "state"];
    }
    if (typeof value === "string") {
      const cube = pat(value, at, false);
      return { mask: cube ? cube.value : 0, provenance };
    }
    const cube = pmap(value, at);
    return { mask: cube ? cube.value : 0, provenance };
  }
}

function preference(
  entry: PreferenceEntry,
  path: Path,
  statement: (text: string, path: Path) => { expr: Expr; cubes: Cube[] } | undefined,
  pattern: (text: string, path: Path, allowDash: boolean) => Cube | undefined,
  report: Report,
  compile: (e: Expr) => Cube[],
): PreferenceSpec | undefined {
  const base = basePreference(entry, path, statement, pattern, report, compile);
  if (!base || Array.isArray(entry) || entry.alternatives === undefined) return base;
  // Preference uncertainty: alternatives with weights; the main preferences keep the rest.
  const alternatives: AlternativeSpec[] = [];
  let ok = true;
  entry.alternatives.forEach((alt, k) => {
    const apath: Path = [...path, "alternatives", k];
    const pref = basePreference({ statements: alt.statements, ranking: alt.ranking }, apath, statement, pattern, report, compile);
    if (!pref) ok = false;
    else alternatives.push({ weight: alt.weight, label: alt.label ?? `alternative ${k + 1}`, preference: pref, ...provenanceOf(alt) });
  });
  const total = entry.alternatives.reduce((a, x) => a + x.weight, 0);
  if (total > 1 + 1e-9) {
    report("bad-weights", `the weights of the alternatives add up to ${+total.toFixed(6)}; at most 1 (the main preferences keep 1 minus the sum)`, [
      ...path,
      "alternatives",
    ]);
    ok = false;
  }
  return ok ? { ...base, alternatives } : undefined;
}

function basePreference(
  entry: PreferenceEntry | { statements?: StatementEntry[]; ranking?: (string | string[])[] },
  path: Path,
  statement: (text: string, path: Path) => { expr: Expr; cubes: Cube[] } | undefined,
  pattern: (text: string, path: Path, allowDash: boolean) => Cube | undefined,
  report: Report,
  compile: (e: Expr) => Cube[],
): PreferenceSpec | undefined {
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
          const c = pattern(p, typeof item === "string" ? ipath : [...ipath, j], true);
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
    const p: Path = [...spath, k];
    const one = statementEntry(st, p, statement, report, compile);
    if (one) statements.push(one);
    else ok = false;
  });
  return ok ? { kind: "statements", statements, ...(list ? {} : provenanceOf(entry as Provenance)) } : undefined;
}

function statementEntry(
  st: StatementEntry,
  path: Path,
  statement: (text: string, path: Path) => { expr: Expr; cubes: Cube[] } | undefined,
  report: Report,
  compile: (e: Expr) => Cube[],
): StatementSpec | undefined {
  if (typeof st === "string") {
    const r = statement(st, path);
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
    const r = statement(st.statement, [...path, "statement"]);
    return r ? { text: st.statement, ...r, ...prov } : undefined;
  }
  if (st.anyOf !== undefined) {
    if (st.anyOf.length === 0) {
      report("bad-statement", "anyOf needs at least one member", [...path, "anyOf"]);
      return undefined;
    }
    const parts = st.anyOf.map((m, k) => statement(m, [...path, "anyOf", k]));
    if (parts.some((x) => !x)) return undefined;
    const expr: Expr = { kind: "or", args: parts.map((x) => x!.expr), at: 0 };
    const cubes = parts.flatMap((x) => x!.cubes);
    return { text: st.anyOf.map((m) => `(${m})`).join(" | "), expr, cubes: dedupeCubes(cubes), ...prov };
  }
  if (st.if === undefined || st.then === undefined) {
    report("bad-statement", `a conditional statement needs both 'if' and 'then'`, path);
    return undefined;
  }
  const cond = statement(st.if, [...path, "if"]);
  const then = statement(st.then, [...path, "then"]);
  if (!cond || !then) return undefined;
  const expr: Expr = { kind: "implies", cond: cond.expr, then: then.expr, at: 0 };
  let cubes: Cube[];
  try {
    cubes = compile(expr);
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

/** A pattern as the user reads it: the string as written, or a mapping as a condition ("x & !y"). */
function patternText(p: string | Record<string, string | boolean>): string {
  return typeof p === "string"
    ? p
    : Object.entries(p)
        .map(([id, v]) => (v === true || v === "Y" || v === "y" ? id : `!${id}`))
        .join(" & ");
}
