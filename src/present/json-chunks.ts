/**
 * JSON text in chunks, exactly as `JSON.stringify(value, null, 2)` would write
 * it, for outputs as large as the model (every state): arrays may be given as
 * `LazyArray`s, whose items are produced as they are written, so neither the
 * data nor the text is ever whole in memory. `jsonLines` writes the compact
 * layout of the compact analysis (a few long lines), its large values given
 * as `Deferred`s, each made when it is written.
 *
 * The items of a long array are written by `pretty` (plain values, objects and
 * arrays, the same text as JSON.stringify's) and gathered into chunks of about
 * CHUNK characters: a million states with a dozen lists of state ids are tens
 * of millions of items, and one generator step per item cost more than the
 * text itself.
 */

/** An array whose items are produced when written (each time it is iterated, from the start). */
export class LazyArray<T = unknown> {
  constructor(readonly items: () => Iterable<T>) {}
}

/** Characters gathered before a chunk is yielded (a chunk may be one item longer). */
const CHUNK = 16_384;

/** The chunks of `JSON.stringify(value, null, 2) + "\n"`, with LazyArrays written as arrays. */
export function* jsonChunks(value: unknown): Generator<string> {
  yield* write(value, "");
  yield "\n";
}

/** Whether a value holds a LazyArray anywhere (else JSON.stringify writes it whole, faster). */
function hasLazy(value: unknown): boolean {
  if (value instanceof LazyArray) return true;
  if (value === null || typeof value !== "object") return false;
  return (Array.isArray(value) ? value : Object.values(value)).some(hasLazy);
}

/** JSON.stringify's text of a value with no LazyArray, its nested lines indented by `indent`. */
function whole(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2) ?? "null";
  return indent && text.includes("\n") ? text.replace(/\n/g, `\n${indent}`) : text;
}

/**
 * The same text as `whole` for numbers, strings, booleans, null and plain
 * objects and arrays of them (built here, without the re-indenting pass);
 * anything else (toJSON, class instances) through `whole`; undefined when the
 * value holds a LazyArray.
 */
function pretty(value: unknown, indent: string): string | undefined {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "object":
      break;
    default:
      return whole(value, indent);
  }
  if (value === null) return "null";
  if (value instanceof LazyArray) return undefined;
  const inner = `${indent}  `;
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return hasLazy(value) ? undefined : whole(value, indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    let out = "[";
    for (let k = 0; k < value.length; k++) {
      const item = value[k];
      const text = item === undefined || typeof item === "function" || typeof item === "symbol" ? "null" : pretty(item, inner);
      if (text === undefined) return undefined;
      out += `${k === 0 ? "\n" : ",\n"}${inner}${text}`;
    }
    return `${out}\n${indent}]`;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return hasLazy(value) ? undefined : whole(value, indent);
  let out = "";
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
    const text = pretty(v, inner);
    if (text === undefined) return undefined;
    out += `${out ? ",\n" : "{\n"}${inner}${quoted(key)}: ${text}`;
  }
  return out ? `${out}\n${indent}}` : "{}";
}

/** JSON.stringify of an object key; the keys of a large result are few and repeat (ids of DMs, fields). */
const quotedKeys = new Map<string, string>();
function quoted(key: string): string {
  let q = quotedKeys.get(key);
  if (q === undefined) {
    q = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, q);
  }
  return q;
}

function* write(value: unknown, indent: string): Generator<string> {
  if (!hasLazy(value)) return yield whole(value, indent);
  if (value instanceof LazyArray) return yield* writeArray(value.items(), indent);
  if (Array.isArray(value)) return yield* writeArray(value, indent);
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON !== "function") {
    const inner = indent + "  ";
    let first = true;
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
      yield `${first ? "{\n" : ",\n"}${inner}${JSON.stringify(key)}: `;
      yield* write(v, inner);
      first = false;
    }
    yield first ? "{}" : `\n${indent}}`;
    return;
  }
  yield whole(value, indent);
}

function* writeArray(items: Iterable<unknown>, indent: string): Generator<string> {
  const inner = indent + "  ";
  const open = `[\n${inner}`;
  const next = `,\n${inner}`;
  let first = true;
  let buffer = "";
  for (const item of items) {
    const head = first ? open : next;
    first = false;
    if (typeof item === "number" && Number.isFinite(item)) {
      // State ids, the bulk of a large result.
      buffer += head + item;
      if (buffer.length >= CHUNK) {
        yield buffer;
        buffer = "";
      }
      continue;
    }
    const value = item === undefined || typeof item === "function" || typeof item === "symbol" ? null : item;
    const text = pretty(value, inner);
    if (text !== undefined) {
      buffer += head + text;
      if (buffer.length >= CHUNK) {
        yield buffer;
        buffer = "";
      }
      continue;
    }
    yield buffer + head;
    buffer = "";
    yield* write(value, inner);
  }
  yield `${buffer}${first ? "[]" : `\n${indent}]`}`;
}

/** A value produced when it is written (and dropped after): a large set or list that need not wait in memory. */
export class Deferred<T = unknown> {
  constructor(readonly value: () => T) {}
}

/**
 * The chunks of a JSON text laid out for large values written compactly: an
 * object that holds an object (or a `Deferred`) is spread over lines with
 * two-space indentation, one field a line; anything else (an array, an object
 * of plain values and arrays) is written on one line without spaces
 * (`JSON.stringify(value)`). A `Deferred` is produced as it is written, then
 * laid out by the same rule, so the text of a document with Deferreds is the
 * text of the same document with them produced. It parses to the same value
 * as `JSON.stringify`'s, and ends with a newline.
 */
export function* jsonLines(value: unknown): Generator<string> {
  yield* writeLines(value, "");
  yield "\n";
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON !== "function";

function* writeLines(value: unknown, indent: string): Generator<string> {
  if (value instanceof Deferred) return yield* writeLines(value.value(), indent);
  if (isObject(value) && Object.values(value).some((v) => v instanceof Deferred || isObject(v))) {
    const inner = indent + "  ";
    let first = true;
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
      yield `${first ? "{\n" : ",\n"}${inner}${JSON.stringify(key)}: `;
      yield* writeLines(v, inner);
      first = false;
    }
    yield `\n${indent}}`;
    return;
  }
  yield JSON.stringify(value) ?? "null";
}
