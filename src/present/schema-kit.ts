/**
 * Building blocks of the JSON Schemas (draft 2020-12) of the commands' outputs:
 * each output kind declares its schema in its module; src/report/output-schemas.ts collects them.
 */
import { MODELS } from "../bargaining/types.js";
import { CONCEPTS } from "../stability/concepts.js";

export type Schema = Record<string, unknown>;

export const str: Schema = { type: "string" };
export const int: Schema = { type: "integer" };
export const num: Schema = { type: "number" };
export const bool: Schema = { type: "boolean" };
/** A state id (1-based). */
export const stateIdSchema: Schema = { type: "integer", minimum: 1 };
export const pattern: Schema = { type: "string", pattern: "^[YN]*$" };
export const dashPattern: Schema = { type: "string", pattern: "^[YN-]*$" };
export const arr = (items: Schema, extra: Schema = {}): Schema => ({ type: "array", items, ...extra });
export const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: "null" }] });
export const oneOfValues = (...values: (string | number | boolean)[]): Schema => ({ enum: values });
/** An object with exactly these fields; all are required except those named in `optional`. */
export function obj(properties: Record<string, Schema>, optional: string[] = [], description?: string): Schema {
  return {
    type: "object",
    ...(description ? { description } : {}),
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    additionalProperties: false,
  };
}
/** An object used as a map from keys (ids, concepts, variants) to values. */
export const map = (values: Schema, keys?: Schema): Schema => ({ type: "object", ...(keys ? { propertyNames: keys } : {}), additionalProperties: values });
export const concept: Schema = { enum: [...CONCEPTS] };
export const byConcept = (values: Schema) => map(values, concept);
export const ids = arr(stateIdSchema);
/** The top-level tag of a kind. */
export const tag = (kind: string): Schema => ({ const: kind, description: "The kind of output and its version." });

export function root(kind: string, title: string, properties: Record<string, Schema>, optional: string[] = []): Schema {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `${kindFile(kind)}`,
    title,
    ...obj({ format: tag(kind), ...properties }, optional),
  };
}

/** One move: who, from which state, to which. */
export const step = obj({ decisionMaker: str, from: stateIdSchema, to: stateIdSchema });
export const irreversible = oneOfValues(false, "taking", "withdrawal");
/** concept -> decision maker id -> state ids. */
export const stableSets = byConcept(map(ids));
export const equilibriaSets = byConcept(ids);

export const sanction = obj({ simultaneous: bool, moves: arr(step), result: stateIdSchema });
export const probability = obj({ p: num, low: num, high: num });
export const bargainModel: Schema = { enum: [...MODELS] };
/** A probability. */
export const prob: Schema = { type: "number", minimum: 0, maximum: 1 };
export const isoDate: Schema = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" };

/** The file name of a kind's schema: parley-analysis/1 -> parley-analysis-1.schema.json. */
export function kindFile(kind: string): string {
  return `${kind.replace("/", "-")}.schema.json`;
}
