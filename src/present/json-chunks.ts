/**
 * JSON text in chunks, exactly as `JSON.stringify(value, null, 2)` would write
 * it, for outputs as large as the model (every state): arrays may be given as
 * `LazyArray`s, whose items are produced as they are written, so neither the
 * data nor the text is ever whole in memory. `jsonLines` writes the compact
 * layout of the compact analysis (a few long lines), its large values given
 * as `Deferred`s, each made when it is written.
 */

/** An array whose items are produced when written (each time it is iterated, from the start). */
export class LazyArray<T = unknown> {
  constructor(readonly items: () => Iterable<T>) {}
}

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
  let first = true;
  for (const item of items) {
    const value = item === undefined || typeof item === "function" || typeof item === "symbol" ? null : item;
    if (hasLazy(value)) {
      yield `${first ? "[\n" : ",\n"}${inner}`;
      yield* write(value, inner);
    } else yield `${first ? "[\n" : ",\n"}${inner}${whole(value, inner)}`;
    first = false;
  }
  yield first ? "[]" : `\n${indent}]`;
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
