/**
 * A gmcr-py / GMCR+ JSON file -> a parley/1 scenario object: options re-ordered
 * DM by DM, conditions written as expressions, the status quo settled and
 * manual rankings decoded once the feasible states are known, and a Parley
 * export's `parley` key read back (the file's form is described in gmcrpy.ts).
 */
import { maskToPattern } from "../format/cubes.js";
import { ParleyError, type Issue } from "../format/errors.js";
import type { InputLimits } from "../format/limits.js";
import type { Scenario } from "../format/scenario.js";
import { FORMAT } from "../format/schema.js";
import { readSource, textProblem } from "../format/source.js";
import { validateData } from "../format/validate.js";
import { compileScenario, DEFAULT_MAX_STATES, type Model } from "../model/compile.js";
import { parseStateRef } from "../model/states.js";
import type { GmcrPyFile } from "./gmcrpy.js";

export interface GmcrPyImportOptions {
  maxStates?: number;
  limits?: InputLimits;
  /**
   * Today's state: a Y/N pattern (one letter per option, in the imported
   * scenario's order: DM by DM) or a state number. Overrides the status quo a
   * Parley export recorded; its error messages name `--status-quo`, the flag
   * of `parley import` that passes it.
   */
  statusQuo?: string;
}

export interface GmcrPyImport {
  /** A parley/1 scenario object, ready to write as YAML. */
  data: Record<string, unknown>;
  /**
   * Where today's state came from: the file (a Parley export records it),
   * `opts.statusQuo`, or, since gmcr-py files have none, the first feasible
   * state (state 1), which callers should point out.
   */
  statusQuo: { from: "file" | "option" | "first-feasible"; state: number; pattern: string };
  /** Other things the reader should know about the conversion, as sentences. */
  notes: string[];
}

/** A gmcr-py JSON object -> a parley/1 scenario object (ready to write as YAML). */
export function importGmcrPy(raw: unknown, name = "Imported from gmcr-py", opts: GmcrPyImportOptions = {}): Record<string, unknown> {
  return readGmcrPy(raw, name, opts).data;
}

/**
 * The text of a gmcr-py file -> its JSON object, or a ParleyError saying what
 * the file is instead; `useDirectly` ends the message for a Parley scenario
 * (how to open it without importing).
 */
export function parseGmcrPyText(text: string, useDirectly = "open it as a scenario"): unknown {
  let data: unknown;
  let jsonError: Error | undefined;
  try {
    data = JSON.parse(text);
  } catch (e) {
    jsonError = e as Error;
    const problem = textProblem(text);
    if (problem) throw new ParleyError(problem);
    data = readSource(text).source?.data;
  }
  // A Parley file (YAML, or JSON too) is not one to import.
  if (isObject(data) && data.format === FORMAT)
    throw new ParleyError({ code: "not-gmcr-py", message: `this is a Parley scenario, not a gmcr-py JSON file: there is nothing to import; ${useDirectly}` });
  if (isObject(data) && typeof data.format === "string" && /^parley/.test(data.format))
    throw new ParleyError({ code: "not-gmcr-py", message: `this is a Parley file (format ${JSON.stringify(data.format)}), not a gmcr-py JSON file` });
  if (jsonError)
    throw new ParleyError({
      code: "syntax",
      message: `not valid JSON (${jsonError.message.split("\n")[0]}): a gmcr-py / GMCR+ file is a JSON object { "options": …, "decisionMakers": …, "infeasibles": … }`,
    });
  return data;
}

/** A gmcr-py JSON object -> a parley/1 scenario object, with what the conversion had to decide. */
export function readGmcrPy(raw: unknown, name = "Imported from gmcr-py", opts: GmcrPyImportOptions = {}): GmcrPyImport {
  const issues: Issue[] = [];
  const fail = (message: string, path: (string | number)[] = []): never => {
    issues.push({ code: "bad-gmcr-py", message, path });
    throw new ParleyError(issues);
  };
  if (!isObject(raw)) return fail("a gmcr-py file is a JSON object with options, decisionMakers and infeasibles");
  const options = raw.options;
  const dms = raw.decisionMakers;
  if (!Array.isArray(options) || options.length === 0) return fail("'options' must be a non-empty list", ["options"]);
  if (!Array.isArray(dms) || dms.length === 0) return fail("'decisionMakers' must be a non-empty list", ["decisionMakers"]);
  const meta = isObject(raw.parley) ? (raw.parley as NonNullable<GmcrPyFile["parley"]>) : undefined;
  const notes: string[] = [];

  // Parley's option order: DM by DM, each DM's options as it lists them.
  const owner = new Map<number, number>();
  const order: number[] = [];
  dms.forEach((dm, d) => {
    if (!isObject(dm) || !Array.isArray(dm.options)) fail(`decision maker ${d + 1} needs a list of option indices`, ["decisionMakers", d]);
    for (const k of (dm as { options: unknown[] }).options) {
      if (typeof k !== "number" || !Number.isInteger(k) || k < 0 || k >= options.length)
        fail(`decision maker ${d + 1} refers to option ${String(k)}, but there are ${options.length} options (0-based)`, ["decisionMakers", d, "options"]);
      if (owner.has(k as number)) fail(`option ${k} belongs to two decision makers`, ["decisionMakers", d, "options"]);
      owner.set(k as number, d);
      order.push(k as number);
    }
  });
  options.forEach((_, k) => {
    if (!owner.has(k)) fail(`option ${k} (${optionName(options[k])}) belongs to no decision maker`, ["options", k]);
  });
  const position = new Map(order.map((k, pos) => [k, pos]));
  const n = order.length;

  // Ids under the `parley` key are used only when they are text (a hand-edited file may hold anything).
  const text = (x: unknown): string | undefined => (typeof x === "string" ? x : undefined);
  const optionIds = uniqueIds(order.map((k, pos) => text(meta?.options?.[pos]?.id) ?? optionName(options[k])));
  const dmIds = uniqueIds(dms.map((dm, d) => text(meta?.decisionMakers?.[d]?.id) ?? (isObject(dm) && typeof dm.name === "string" ? dm.name : `dm${d + 1}`)));
  const dmLabel = (d: number) => {
    const nm = (dms[d] as { name?: unknown }).name;
    return `decision maker ${d + 1}${typeof nm === "string" && nm ? ` (${nm})` : ""}`;
  };

  const condition = (c: unknown, path: (string | number)[]): string => {
    if (!Array.isArray(c)) return fail('a condition must be a list of [optionIndex, "Y" or "N"] pairs', path);
    const parts = c.map((pair, j) => {
      if (!Array.isArray(pair) || pair.length !== 2 || !position.has(pair[0]) || (pair[1] !== "Y" && pair[1] !== "N"))
        return fail(`condition entry ${JSON.stringify(pair)} must be [optionIndex, "Y" or "N"]`, [...path, j]);
      const id = optionIds[position.get(pair[0])!];
      return pair[1] === "Y" ? id : `!${id}`;
    });
    return parts.length === 0 ? "true" : parts.join(" & ");
  };
  /** A misperception: a condition, or a Y/N/- pattern over the file's options (character k = option k). */
  const misperception = (c: unknown, path: (string | number)[]): string => {
    if (typeof c !== "string") return condition(c, path);
    if (c.length !== options.length || !/^[YN-]*$/.test(c))
      return fail(`misperception '${c}' must be a condition or a pattern of Y, N or - with one letter per option (${options.length})`, path);
    const pairs: [number, string][] = [];
    for (let k = 0; k < c.length; k++) if (c[k] !== "-") pairs.push([k, c[k]]);
    return condition(pairs, path);
  };

  const infeasibles = Array.isArray(raw.infeasibles) ? raw.infeasibles : [];
  const data: Record<string, unknown> = {
    format: FORMAT,
    name: meta?.name ?? name,
    ...(meta?.description ? { description: meta.description } : {}),
    ...(meta
      ? pick(meta as unknown as Record<string, unknown>, [
          "asOf",
          "limitations",
          "whatIfs",
          "goals",
          "facts",
          "questions",
          "forecast",
          "note",
          "sources",
          "assumption",
          "bargaining",
        ])
      : {}),
    decisionMakers: dms.map((dm, d) => {
      const o = dm as { name?: unknown; options: number[] };
      return {
        id: dmIds[d],
        name: typeof o.name === "string" ? o.name : dmIds[d],
        ...stripId(meta?.decisionMakers?.[d]),
        options: o.options.map((k) => {
          const pos = position.get(k)!;
          const dir = isObject(options[k]) ? options[k].permittedDirection : undefined;
          return {
            id: optionIds[pos],
            label: optionName(options[k]),
            ...(dir === "fwd" ? { irreversible: true } : dir === "back" ? { irreversible: "withdrawal" } : {}),
            ...stripId(meta?.options?.[pos]),
          };
        }),
        ...(Array.isArray((dm as { misperceptions?: unknown }).misperceptions) && (dm as { misperceptions: unknown[] }).misperceptions.length > 0
          ? { misperceives: (dm as { misperceptions: unknown[] }).misperceptions.map((c, j) => misperception(c, ["decisionMakers", d, "misperceptions", j])) }
          : {}),
      };
    }),
    infeasible: infeasibles.map((c, j) => condition(c, ["infeasibles", j])),
    // A placeholder until the feasible states are known (a Parley export's own status quo is checked as written).
    statusQuo: meta?.statusQuo ?? "N".repeat(n),
    preferences: {},
  };

  const manual = raw.useManualPreferenceRanking === true;
  const vectors = raw.useManualPreferenceVectors === true;
  const prefs = data.preferences as Record<string, unknown>;
  dms.forEach((dm, d) => {
    const list = (dm as { preferences?: unknown }).preferences;
    const statements = Array.isArray(list)
      ? list.map((st, j) => {
          const path = ["decisionMakers", d, "preferences", j];
          if (isObject(st) && st.compound === true) {
            const members = Array.isArray(st.members) ? st.members : [];
            return members.length === 0 ? "false" : { anyOf: members.map((m, k) => condition(m, [...path, "members", k])) };
          }
          return condition(st, path);
        })
      : [];
    // Older files: preferences as a vector, whose meaning is not published. Refuse rather than guess.
    const hasRanking = manual && Array.isArray((dm as { preferenceRanking?: unknown }).preferenceRanking);
    const vector = (dm as { preferenceVector?: unknown }).preferenceVector;
    const hasVector = Array.isArray(vector) && vector.length > 0;
    if (!hasRanking && (vectors || (hasVector && statements.length === 0)) && !isObject(meta?.preferences?.[dmIds[d]]))
      fail(
        `${dmLabel(d)} gives its preferences as a preferenceVector${vectors ? " (useManualPreferenceVectors)" : ""}, a form of older gmcr-py files that Parley does not read: ` +
          `what the numbers mean (a payoff or a rank per state, in which state order) is not published, and a guess could silently give wrong results. ` +
          `Open the file in gmcr-py and enter the preferences as a ranking or as preference statements, save it, and import it again; ` +
          `or remove the preferenceVector entries and write the preferences in the imported scenario`,
        ["decisionMakers", d, "preferenceVector"],
      );
    if (statements.length === 0 && !hasRanking && !isObject(meta?.preferences?.[dmIds[d]]))
      notes.push(`${dmLabel(d)} has no preference statements: every state ties for it until you write its preferences`);
    prefs[dmIds[d]] = statements.length > 0 ? statements : ["true"];
  });

  // Feasible states are known only now; they fix the status quo and decode rankings.
  const { scenario, issues: vIssues } = validateData(data, undefined, opts.limits);
  if (!scenario) throw new ParleyError(vIssues);
  const maxStates = opts.maxStates ?? DEFAULT_MAX_STATES;
  // The status quo is settled below; compile from a feasible one (compile refuses a too large space first).
  const first = 2 ** n <= maxStates ? firstFeasible(scenario) : 0;
  const model = compileScenario({ ...scenario, statusQuo: Math.max(first, 0) }, { maxStates });
  const firstPattern = maskToPattern(model.states[0], n);

  // The infeasibility entries as a Parley export wrote them, while they rule out the same states.
  let constraints = scenario.constraints;
  if (Array.isArray(meta?.infeasible)) {
    const written = validateData({ ...data, infeasible: meta.infeasible }, undefined, opts.limits).scenario;
    if (written && sameFeasible(model, written)) {
      data.infeasible = meta.infeasible;
      constraints = written.constraints;
    } else
      notes.push(
        "the infeasibility entries under the file's 'parley' key no longer match its infeasibles (was it edited in gmcr-py?): the infeasibles are used",
      );
  }

  const broken = (mask: number) =>
    constraints
      .filter((c) => c.infeasible.some((cube) => (mask & cube.care) === cube.value))
      .map((c) => `'${c.text}'`)
      .join(", ");

  let statusQuo: GmcrPyImport["statusQuo"];
  if (opts.statusQuo !== undefined) {
    const mask = chosenState(opts.statusQuo, model, optionIds);
    if (model.indexOf[mask] < 0)
      return fail(
        `--status-quo ${maskToPattern(mask, n)} is not a feasible state: it breaks ${broken(mask)}; the first feasible state is ${firstPattern} (state 1)`,
      );
    data.statusQuo = maskToPattern(mask, n);
    statusQuo = { from: "option", state: model.indexOf[mask] + 1, pattern: maskToPattern(mask, n) };
  } else if (meta?.statusQuo !== undefined) {
    const mask = scenario.statusQuo;
    if (model.indexOf[mask] < 0)
      return fail(
        `the status quo ${maskToPattern(mask, n)} recorded under the file's 'parley' key is infeasible: it breaks ${broken(mask)}; choose another with --status-quo PATTERN`,
        ["parley", "statusQuo"],
      );
    statusQuo = { from: "file", state: model.indexOf[mask] + 1, pattern: maskToPattern(mask, n) };
  } else {
    data.statusQuo = firstPattern;
    statusQuo = { from: "first-feasible", state: 1, pattern: firstPattern };
  }

  if (manual) {
    dms.forEach((dm, d) => {
      const ranking = (dm as { preferenceRanking?: unknown }).preferenceRanking;
      if (!Array.isArray(ranking)) fail(`decision maker ${d + 1} has no preferenceRanking although useManualPreferenceRanking is true`, ["decisionMakers", d]);
      const pat = (id: unknown) => {
        if (typeof id !== "number" || !Number.isInteger(id) || id < 1 || id > model.states.length)
          return fail(`preferenceRanking of decision maker ${d + 1} names state ${String(id)}, but the feasible states are 1..${model.states.length}`, [
            "decisionMakers",
            d,
            "preferenceRanking",
          ]);
        return maskToPattern(model.states[id - 1], n);
      };
      prefs[dmIds[d]] = { ranking: (ranking as unknown[]).map((x) => (Array.isArray(x) ? x.map(pat) : pat(x))) };
    });
  }
  // A file Parley exported carries the preferences as they were written: prefer those.
  if (meta?.preferences && isObject(meta.preferences)) for (const id of dmIds) if (isObject(meta.preferences[id])) prefs[id] = meta.preferences[id];
  return { data, statusQuo, notes };
}

/** The lowest feasible state mask (gmcr-py's and Parley's state 1), or -1 when none is. */
function firstFeasible(sc: Scenario): number {
  const cubes = sc.constraints.flatMap((c) => c.infeasible);
  const candidates = 2 ** sc.options.length;
  for (let s = 0; s < candidates; s++) if (!cubes.some((c) => (s & c.care) === c.value)) return s;
  return -1;
}

/** Whether `other`'s infeasibility entries leave exactly the model's feasible states. */
function sameFeasible(model: Model, other: Scenario): boolean {
  const cubes = other.constraints.flatMap((c) => c.infeasible);
  for (let s = 0; s < model.indexOf.length; s++) {
    const feasible = !cubes.some((c) => (s & c.care) === c.value);
    if (feasible !== model.indexOf[s] >= 0) return false;
  }
  return true;
}

/**
 * `--status-quo`: a state id or a Y/N pattern in the imported scenario's
 * option order, read by `parseStateRef` like every state a person types; an
 * infeasible pattern comes back as its mask, for the caller to say which
 * constraint it breaks.
 */
function chosenState(value: string, model: Model, optionIds: string[]): number {
  try {
    return model.states[parseStateRef(model, value)];
  } catch (e) {
    if (!(e instanceof ParleyError)) throw e;
    const [issue] = e.issues;
    const pattern = value.trim().toUpperCase();
    if (issue.code === "infeasible-state") return [...pattern].reduce((mask, c, k) => (c === "Y" ? mask | (1 << k) : mask), 0);
    // The option order is what a wrong pattern most likely got wrong.
    const order = /^\d+$/.test(pattern) ? "" : `; the options in order: ${optionIds.join(", ")}`;
    throw new ParleyError({ ...issue, message: `--status-quo ${value}: ${issue.message}${order}` });
  }
}

function pick(x: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => x[k] !== undefined).map((k) => [k, x[k]]));
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

function optionName(o: unknown): string {
  return isObject(o) && typeof o.name === "string" ? o.name : "option";
}

function stripId(x: { id?: string } | undefined): Record<string, unknown> {
  if (!x) return {};
  const { id: _id, ...rest } = x;
  return rest;
}

/** Names -> unique ids of letters, digits and '_'. */
function uniqueIds(names: string[]): string[] {
  const used = new Map<string, number>();
  return names.map((name) => {
    let base = name
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .toLowerCase();
    if (!base) base = "x";
    if (!/^[A-Za-z_]/.test(base)) base = "_" + base;
    const count = used.get(base) ?? 0;
    used.set(base, count + 1);
    return count === 0 ? base : `${base}_${count + 1}`;
  });
}
