/**
 * zod's issues -> Parley's messages: a missing field, a wrong type, an unknown
 * field (with "did you mean" from the fields the schema allows at that place),
 * a value outside an enum.
 */
import * as z from "zod";
import type { Issue } from "../errors.js";
import { ScenarioSchema } from "../schema.js";
import { clip, suggest, type Path } from "./context.js";

export interface ZodIssueLike {
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

type Locate = (path: Path, key?: string) => { line: number; column: number } | undefined;

export function zodIssue(zi: ZodIssueLike, data: unknown, at: Locate, prefix: Path = []): Issue[] {
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

/**
 * The fields allowed in the mapping at `path`: the keys of the object schema found
 * by walking ScenarioSchema along the path, so the suggestions follow the schema.
 */
export function knownFields(path: Path): string[] {
  let schema: z.ZodType | undefined = ScenarioSchema;
  for (const step of path) {
    schema = schema && child(schema, step);
    if (!schema) return [];
  }
  const object = schema && branches(schema).find((s): s is z.ZodObject => s instanceof z.ZodObject);
  return object ? Object.keys(object.shape) : [];
}

/** The schema of `step` (a key or an index) inside `schema`, through optionals and unions. */
function child(schema: z.ZodType, step: string | number): z.ZodType | undefined {
  const options = branches(schema);
  if (typeof step === "number") return options.find((s): s is z.ZodArray => s instanceof z.ZodArray)?.element as z.ZodType | undefined;
  // Own keys only: a field named 'toString' must not find Object.prototype.toString.
  const object = options.find((s): s is z.ZodObject => s instanceof z.ZodObject && Object.hasOwn(s.shape, step));
  if (object) return object.shape[step] as z.ZodType;
  return options.find((s): s is z.ZodRecord => s instanceof z.ZodRecord)?.valueType as z.ZodType | undefined;
}

/** The alternatives a value may take: optionals unwrapped, unions spread. */
function branches(schema: z.ZodType): z.ZodType[] {
  if (schema instanceof z.ZodOptional) return branches(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap(branches);
  return [schema];
}
