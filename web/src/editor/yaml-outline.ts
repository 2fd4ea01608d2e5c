/**
 * What the forms show, read from the scenario's YAML: the decision makers,
 * their options and preference statements, and the constraints, as written.
 */
import { parse } from "./yaml-text.js";

export type Irreversible = false | true | "withdrawal";

export interface OutlineOption {
  id: string;
  label: string;
  irreversible: Irreversible;
  /** How a description of a state says the option is taken / not taken (empty when the file gives no phrase). */
  whenTaken: string;
  whenNotTaken: string;
}

export interface OutlineStatement {
  /** The statement as written, in one line ("if a then b", "any of: …"). */
  text: string;
  note?: string;
  probability?: number;
}

export interface OutlineDm {
  id: string;
  name: string;
  options: OutlineOption[];
  /** Null when the preferences are an explicit ranking (or missing). */
  statements: OutlineStatement[] | null;
}

/** What the forms show: the decision makers, their options and preference statements, as written. */
export function outline(text: string): OutlineDm[] {
  const doc = parse(text);
  const js = doc.toJS() as Record<string, unknown> | null;
  const dms = Array.isArray(js?.decisionMakers) ? (js!.decisionMakers as Record<string, unknown>[]) : [];
  const prefs = (js?.preferences ?? {}) as Record<string, unknown>;
  return dms.map((dm) => {
    const id = String(dm?.id ?? "");
    const options = Array.isArray(dm?.options) ? (dm.options as Record<string, unknown>[]) : [];
    return {
      id,
      name: typeof dm?.name === "string" ? dm.name : id,
      options: options.map((o) => ({
        id: String(o?.id ?? ""),
        label: typeof o?.label === "string" ? o.label : "",
        irreversible: o?.irreversible === true || o?.irreversible === "taking" ? true : o?.irreversible === "withdrawal" ? "withdrawal" : false,
        whenTaken: typeof o?.whenTaken === "string" ? o.whenTaken : "",
        whenNotTaken: typeof o?.whenNotTaken === "string" ? o.whenNotTaken : "",
      })),
      statements: statementsOf(prefs[id]),
    };
  });
}

export interface OutlineConstraint {
  /** The constraint in one line: "at most one of: a, b", "us_walk_away & us_guarantee", … */
  text: string;
  note?: string;
}

/** What the scenario rules out (its `infeasible` list), as written. */
export function constraintsOf(text: string): OutlineConstraint[] {
  const js = parse(text).toJS() as Record<string, unknown> | null;
  const list = Array.isArray(js?.infeasible) ? (js!.infeasible as unknown[]) : [];
  return list.map((item) => {
    if (!isObject(item)) return { text: String(item) };
    const note = typeof item.note === "string" ? { note: item.note } : {};
    const ids = (x: unknown) => (Array.isArray(x) ? x.map(String).join(", ") : String(x));
    if (item.condition !== undefined) return { text: String(item.condition), ...note };
    if (item.mutuallyExclusive !== undefined) return { text: `at most one of: ${ids(item.mutuallyExclusive)}`, ...note };
    if (item.atLeastOneOf !== undefined) return { text: `at least one of: ${ids(item.atLeastOneOf)}`, ...note };
    if (typeof item.pattern === "string") return { text: `the pattern ${item.pattern}`, ...note };
    if (isObject(item.pattern))
      return {
        text: `the pattern ${Object.entries(item.pattern)
          .map(([k, v]) => `${k}: ${String(v)}`)
          .join(", ")}`,
        ...note,
      };
    return { text: JSON.stringify(item), ...note };
  });
}

function statementsOf(pref: unknown): OutlineStatement[] | null {
  const list = Array.isArray(pref) ? pref : isObject(pref) && Array.isArray(pref.statements) ? pref.statements : null;
  if (!list) return null;
  return list.map((item: unknown) => {
    if (typeof item === "string") return { text: item };
    if (!isObject(item)) return { text: String(item) };
    const text =
      typeof item.statement === "string"
        ? item.statement
        : item.if !== undefined
          ? `if ${String(item.if)} then ${String(item.then)}`
          : Array.isArray(item.anyOf)
            ? `any of: ${item.anyOf.map(String).join("; ")}`
            : JSON.stringify(item);
    return {
      text,
      ...(typeof item.note === "string" ? { note: item.note } : {}),
      ...(typeof item.probability === "number" ? { probability: item.probability } : {}),
    };
  });
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
