/**
 * Finding places in the scenario's YAML text and rewriting only them: the
 * error the forms' edits report, parsing, splices, one-line scalars, and the
 * line and list-item arithmetic the edits share.
 */
import { isMap, isScalar, parseDocument, stringify, type Document, type Node, type YAMLMap } from "yaml";

export class EditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EditError";
  }
}

export function parse(text: string): Document {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new EditError("the YAML has a syntax error: fix it in the editor first");
  return doc;
}

export interface Splice {
  from: number;
  to: number;
  insert: string;
}

export function applySplices(text: string, edits: Splice[]): string {
  let out = text;
  for (const e of [...edits].sort((x, y) => y.from - x.from)) out = out.slice(0, e.from) + e.insert + out.slice(e.to);
  return out;
}

export function oneLine(value: string, what: string): string {
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

export function blockMap(doc: Document, path: (string | number)[]): YAMLMap {
  const node = doc.getIn(path, true);
  if (!isMap(node) || !node.range) throw new EditError("cannot find that element in the text");
  return node;
}

/** Set `key` of the block map at `path` to the YAML text `value`: replace the value, or add a line after the pair `after`. */
export function setScalar(text: string, path: (string | number)[], key: string, value: string, after: string): string {
  const doc = parse(text);
  const map = blockMap(doc, path);
  const yamlValue = key === "irreversible" ? value : scalar(value);
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (pair) {
    const node = pair.value as Node | null;
    if (!node?.range) throw new EditError(`cannot find the ${key} in the text`);
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
export function removePairLine(text: string, map: YAMLMap, pair: YAMLMap["items"][number]): string | undefined {
  if (!isScalar(pair.key) || !pair.key.range) return undefined;
  const start = lineStart(text, pair.key.range[0]);
  if (text.slice(start, pair.key.range[0]).trim() !== "" || map.items[0] === pair) return undefined;
  const end = endOfContentLine(text, (pair.value as Node | null)?.range?.[1] ?? pair.key.range[1]);
  return text.slice(0, start) + text.slice(end);
}

export function columnOf(text: string, pos: number): number {
  return pos - lineStart(text, pos);
}

export function lineStart(text: string, pos: number): number {
  return text.lastIndexOf("\n", pos - 1) + 1;
}

/** The position just after the last non-blank character before `pos`. */
function endOfContent(text: string, pos: number): number {
  let p = pos;
  while (p > 0 && /\s/.test(text[p - 1])) p--;
  return p;
}

/** The start of the line after the one holding the content that ends before `pos` (the text's end when there is none). */
export function endOfContentLine(text: string, pos: number): number {
  const p = endOfContent(text, pos);
  const nl = text.indexOf("\n", p);
  return nl < 0 ? text.length : nl + 1;
}

/** The '-' of the block list item whose value starts at `pos`. */
export function dashOf(text: string, pos: number): number {
  let p = pos - 1;
  while (p >= 0 && /\s/.test(text[p])) p--;
  if (text[p] !== "-") throw new EditError("cannot find the list item in the text");
  return p;
}
