/**
 * The forms' edits, made to the scenario's YAML text. The `yaml` Document API
 * finds the element and its exact place in the text; only that place is
 * rewritten (a value replaced, a line inserted, two list items swapped), so
 * comments, quoting and line breaks everywhere else stay as the author wrote
 * them, and the editor's undo history sees one ordinary change.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type YAMLMap } from "yaml";

export class EditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EditError";
  }
}

export type Irreversible = false | true | "withdrawal";

export interface OutlineOption {
  id: string;
  label: string;
  irreversible: Irreversible;
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
      })),
      statements: statementsOf(prefs[id]),
    };
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

function parse(text: string): Document {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new EditError("the YAML has a syntax error: fix it in the editor first");
  return doc;
}

// ---------------------------------------------------------------- edits

/** Rename a decision maker (its display `name`; the id stays, so nothing else changes). */
export function setDmName(text: string, dm: number, name: string): string {
  return setScalar(text, ["decisionMakers", dm], "name", oneLine(name, "the name"), "id");
}

/** Change an option's label. */
export function setOptionLabel(text: string, dm: number, option: number, label: string): string {
  return setScalar(text, ["decisionMakers", dm, "options", option], "label", oneLine(label, "the label"), "id");
}

/** Mark an option irreversible (true: once taken it stays; "withdrawal": once withdrawn it cannot be retaken) or not. */
export function setIrreversible(text: string, dm: number, option: number, value: Irreversible): string {
  const doc = parse(text);
  const path = ["decisionMakers", dm, "options", option];
  const map = blockMap(doc, path);
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === "irreversible");
  if (value === false) {
    if (!pair) return text;
    const removed = removePairLine(text, map, pair);
    return removed ?? setScalar(text, path, "irreversible", "false", "label");
  }
  return setScalar(text, path, "irreversible", value === true ? "true" : "withdrawal", "label");
}

const ID = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set(["not", "and", "or", "if", "then", "true", "false", "__proto__", "constructor", "prototype"]);

/** Why an option id cannot be used, or undefined when it can. */
export function badOptionId(text: string, id: string): string | undefined {
  if (!ID.test(id)) return "an id starts with a letter or '_' and has only letters, digits and '_'";
  if (RESERVED.has(id.toLowerCase())) return `'${id}' is a word of the statement language`;
  const taken = outline(text).some((d) => d.options.some((o) => o.id === id));
  return taken ? `an option '${id}' exists already` : undefined;
}

/**
 * Add an option at the end of a decision maker's options. Y/N patterns that
 * list every option (the status quo, infeasible patterns, ranking patterns)
 * get a letter for it: N in the status quo, '-' (either) elsewhere.
 */
export function addOption(text: string, dm: number, id: string, label: string): string {
  const why = badOptionId(text, id);
  if (why) throw new EditError(why);
  const doc = parse(text);
  const seq = doc.getIn(["decisionMakers", dm, "options"], true) as Node | undefined;
  if (!isSeq(seq) || seq.flow || seq.items.length === 0 || !(seq.items[0] as Node).range)
    throw new EditError("this decision maker's options are not written as a list of lines; add the option in the editor");
  const first = seq.items[0] as Node;
  const last = seq.items[seq.items.length - 1] as Node;
  const dash = dashOf(text, first.range![0]);
  const pad = " ".repeat(dash - lineStart(text, dash));
  const at = endOfContentLine(text, last.range![1]);
  const entry = `${pad}- id: ${id}\n${pad}  label: ${scalar(oneLine(label, "the label"))}\n`;
  const edits: Splice[] = [{ from: at, to: at, insert: (at > 0 && text[at - 1] !== "\n" ? "\n" : "") + entry }];

  // Where the new option falls among all options (declaration order).
  const js = doc.toJS() as { decisionMakers?: { options?: unknown[] }[] };
  const position = (js.decisionMakers ?? []).slice(0, dm + 1).reduce((n, d) => n + (d.options?.length ?? 0), 0);
  const total = (js.decisionMakers ?? []).reduce((n, d) => n + (d.options?.length ?? 0), 0);
  const patch = (node: unknown, letter: string) => {
    if (!isScalar(node) || typeof node.value !== "string" || !node.range) return;
    const value = node.value;
    if (value.length !== total || !/^[YNyn-]+$/.test(value)) return;
    const next = value.slice(0, position) + letter + value.slice(position);
    edits.push({ from: node.range[0], to: node.range[1], insert: scalar(next) });
  };
  const sq = doc.get("statusQuo", true);
  patch(sq, "N");
  if (isMap(sq)) patch(sq.get("state", true), "N");
  const infeasible = doc.get("infeasible", true);
  if (isSeq(infeasible)) for (const item of infeasible.items) if (isMap(item)) patch(item.get("pattern", true), "-");
  const prefs = doc.get("preferences", true);
  if (isMap(prefs))
    for (const p of prefs.items) {
      const ranking = isMap(p.value) ? p.value.get("ranking", true) : undefined;
      if (!isSeq(ranking)) continue;
      for (const item of ranking.items) {
        if (isSeq(item)) for (const x of item.items) patch(x, "-");
        else patch(item, "-");
      }
    }
  return applySplices(text, edits);
}

/** Move a decision maker's preference statement from one place in its list to another (0-based; most important first). */
export function moveStatement(text: string, dmId: string, from: number, to: number): string {
  let out = text;
  const step = to > from ? 1 : -1;
  for (let i = from; i !== to; i += step) out = swapStatements(out, dmId, Math.min(i, i + step));
  return out;
}

/** Swap statements i and i+1 of a decision maker. */
function swapStatements(text: string, dmId: string, i: number): string {
  const doc = parse(text);
  const prefs = doc.get("preferences", true);
  let seq: unknown = isMap(prefs) ? prefs.get(dmId, true) : undefined;
  if (isMap(seq)) seq = seq.get("statements", true);
  if (!isSeq(seq)) throw new EditError(`'${dmId}' has no list of preference statements`);
  const items = seq.items as Node[];
  if (i < 0 || i + 1 >= items.length) throw new EditError("there is no statement to swap with");
  const a = items[i];
  const b = items[i + 1];
  if (!a.range || !b.range) throw new EditError("cannot find the statements in the text");
  if (seq.flow) {
    // [x, y]: swap just the two values.
    const ta = text.slice(a.range[0], a.range[1]);
    const tb = text.slice(b.range[0], b.range[1]);
    return text.slice(0, a.range[0]) + tb + text.slice(a.range[1], b.range[0]) + ta + text.slice(b.range[1]);
  }
  // Block list: each item runs from the line of its dash to the line of the next dash.
  const startA = lineStart(text, dashOf(text, a.range[0]));
  const startB = lineStart(text, dashOf(text, b.range[0]));
  const endB = i + 2 < items.length ? lineStart(text, dashOf(text, items[i + 2].range![0])) : endOfContentLine(text, b.range[1]);
  let blockA = text.slice(startA, startB);
  let blockB = text.slice(startB, endB);
  if (!blockB.endsWith("\n")) {
    blockB += "\n";
    blockA = blockA.replace(/\n$/, "");
  }
  return text.slice(0, startA) + blockB + blockA + text.slice(endB);
}

// ---------------------------------------------------------------- text helpers

interface Splice {
  from: number;
  to: number;
  insert: string;
}

function applySplices(text: string, edits: Splice[]): string {
  let out = text;
  for (const e of [...edits].sort((x, y) => y.from - x.from)) out = out.slice(0, e.from) + e.insert + out.slice(e.to);
  return out;
}

function oneLine(value: string, what: string): string {
  const v = value.replace(/\s+/g, " ").trim();
  if (!v) throw new EditError(`${what} cannot be empty`);
  return v;
}

/** A string as a one-line YAML scalar: plain when that reads back the same, quoted otherwise. */
export function scalar(value: string): string {
  const s = stringify(value, { lineWidth: 0 }).trimEnd();
  // YAML would write some strings (like "---Y-") as block scalars; JSON's quoting is valid YAML on one line.
  return s.includes("\n") ? JSON.stringify(value) : s;
}

function blockMap(doc: Document, path: (string | number)[]): YAMLMap {
  const node = doc.getIn(path, true);
  if (!isMap(node) || !node.range) throw new EditError("cannot find that element in the text");
  return node;
}

/** Set `key` of the block map at `path` to the YAML text `value`: replace the value, or add a line after the pair `after`. */
function setScalar(text: string, path: (string | number)[], key: string, value: string, after: string): string {
  const doc = parse(text);
  const map = blockMap(doc, path);
  const yamlValue = key === "irreversible" ? value : scalar(value);
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (pair) {
    const node = pair.value as Node | null;
    if (!node || !node.range) throw new EditError(`cannot find the ${key} in the text`);
    let [from, to] = node.range;
    // Block scalars (| and >) end with their line break: keep it.
    if (text[to - 1] === "\n") to = Math.max(from, endOfContent(text, to));
    return text.slice(0, from) + yamlValue + text.slice(to);
  }
  if (map.flow) throw new EditError("this element is written inline; edit it in the editor");
  const anchor = map.items.find((p) => isScalar(p.key) && p.key.value === after) ?? map.items[0];
  if (!anchor || !isScalar(anchor.key) || !anchor.key.range) throw new EditError("cannot find where to add it");
  const keyStart = anchor.key.range[0];
  const pad = " ".repeat(keyStart - lineStart(text, keyStart));
  const valueEnd = (anchor.value as Node | null)?.range?.[1] ?? anchor.key.range[1];
  const at = endOfContentLine(text, valueEnd);
  return text.slice(0, at) + (at > 0 && text[at - 1] !== "\n" ? "\n" : "") + `${pad}${key}: ${yamlValue}\n` + text.slice(at);
}

/** Remove a pair that sits on lines of its own; undefined when it shares a line (e.g. `- key: v`). */
function removePairLine(text: string, map: YAMLMap, pair: YAMLMap["items"][number]): string | undefined {
  if (!isScalar(pair.key) || !pair.key.range) return undefined;
  const start = lineStart(text, pair.key.range[0]);
  if (text.slice(start, pair.key.range[0]).trim() !== "" || map.items[0] === pair) return undefined;
  const end = endOfContentLine(text, (pair.value as Node | null)?.range?.[1] ?? pair.key.range[1]);
  return text.slice(0, start) + text.slice(end);
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf("\n", pos - 1) + 1;
}

/** The position just after the last non-blank character before `pos`. */
function endOfContent(text: string, pos: number): number {
  let p = pos;
  while (p > 0 && /\s/.test(text[p - 1])) p--;
  return p;
}

/** The start of the line after the one holding the content that ends before `pos` (the text's end when there is none). */
function endOfContentLine(text: string, pos: number): number {
  const p = endOfContent(text, pos);
  const nl = text.indexOf("\n", p);
  return nl < 0 ? text.length : nl + 1;
}

/** The '-' of the block list item whose value starts at `pos`. */
function dashOf(text: string, pos: number): number {
  let p = pos - 1;
  while (p >= 0 && /\s/.test(text[p])) p--;
  if (text[p] !== "-") throw new EditError("cannot find the list item in the text");
  return p;
}
