/**
 * Accepting an element proposed by `parley ingest` into the scenario in the
 * editor, as an edit of its YAML text (the same careful splices as the
 * forms': only the new lines are written, the rest of the file stays as it
 * was). Each element keeps its `sources` and `note`.
 *
 * What an element needs comes with it: accepting a statement about options
 * the scenario lacks adds those options (and their party, when it is new)
 * first. Parties and options the scenario has already are reused: the
 * worker matched them by id, by the gazetteer's names and by topic
 * (`dmMap`, `optionMap`, as `parley ingest --update` does), and ids in
 * accepted statements are renamed to the scenario's. A status-quo element
 * (an option the article says is taken today) sets that option in the
 * scenario's `statusQuo`, adding the option first when it is new.
 */
import { isMap, isScalar, isSeq, stringify, type Document, type Node, type YAMLMap } from "yaml";
import type { DraftDmView, ElementView } from "../protocol/ingest.js";
import { addConstraint, addOption, patternEdits, setStatusQuo } from "./yaml-edits.js";
import { applySplices, columnOf, dashOf, EditError, endOfContentLine, lineStart, parse, type Splice } from "./yaml-text.js";

export interface AcceptContext {
  dms: DraftDmView[];
  dmMap: Record<string, string>;
  optionMap: Record<string, string>;
}

export interface AcceptResult {
  text: string;
  /** What was written, in words ("option ru_ceasefire", "party Russia"). */
  added: string[];
}

/** A new party's statement until one is accepted or written: every state ties. */
export const PLACEHOLDER_NOTE = "No statement accepted from the article yet: every state ties for this party until you accept or write one.";

interface Scan {
  doc: Document;
  dmIds: string[];
  optionIds: Set<string>;
  optionCount: number;
  /** Each party's statements in one line each (null: a ranking or none). */
  statements: Map<string, string[] | null>;
  conditions: Set<string>;
  /** Options taken in the status quo. */
  taken: Set<string>;
}

function scan(text: string): Scan {
  const doc = parse(text);
  const js = (doc.toJS() ?? {}) as Record<string, unknown>;
  const dms = Array.isArray(js.decisionMakers) ? (js.decisionMakers as Record<string, unknown>[]) : [];
  const optionIds = new Set<string>();
  let optionCount = 0;
  for (const d of dms)
    for (const o of Array.isArray(d?.options) ? (d.options as Record<string, unknown>[]) : []) {
      optionIds.add(String(o?.id));
      optionCount++;
    }
  const statements = new Map<string, string[] | null>();
  const prefs = (js.preferences ?? {}) as Record<string, unknown>;
  for (const [dm, p] of Object.entries(typeof prefs === "object" && prefs ? prefs : {})) {
    const list = Array.isArray(p)
      ? p
      : p && typeof p === "object" && Array.isArray((p as { statements?: unknown }).statements)
        ? (p as { statements: unknown[] }).statements
        : null;
    statements.set(dm, list ? list.map(statementKey) : null);
  }
  const conditions = new Set<string>();
  for (const c of Array.isArray(js.infeasible) ? js.infeasible : []) {
    const cond = typeof c === "string" ? c : c && typeof c === "object" ? (c as { condition?: unknown }).condition : undefined;
    if (typeof cond === "string") conditions.add(squeeze(cond));
  }
  return { doc, dmIds: dms.map((d) => String(d?.id)), optionIds, optionCount, statements, conditions, taken: takenToday(js, [...optionIds]) };
}

/** The options the status quo takes: from a Y/N pattern over all options, or a map (either under `state`). */
function takenToday(js: Record<string, unknown>, ids: string[]): Set<string> {
  const sq = js.statusQuo;
  const raw = sq && typeof sq === "object" && "state" in sq ? (sq as { state: unknown }).state : sq;
  if (typeof raw === "string") return new Set(ids.filter((_, i) => raw[i]?.toUpperCase() === "Y"));
  if (!raw || typeof raw !== "object") return new Set();
  return new Set(
    Object.entries(raw)
      .filter(([, v]) => v === true || String(v).toUpperCase() === "Y")
      .map(([k]) => k),
  );
}

const squeeze = (s: string) => s.replace(/\s+/g, " ").trim();

function statementKey(s: unknown): string {
  if (typeof s === "string") return squeeze(s);
  if (!s || typeof s !== "object") return String(s);
  const o = s as Record<string, unknown>;
  if (typeof o.statement === "string") return squeeze(o.statement);
  if (o.if !== undefined) return squeeze(`if ${String(o.if)} then ${String(o.then)}`);
  return JSON.stringify(o);
}

/** The scenario's id for a draft party, when it has that party. */
function dmIdIn(s: Scan, ctx: AcceptContext, draftId: string): string | undefined {
  const mapped = ctx.dmMap[draftId];
  if (mapped && s.dmIds.includes(mapped)) return mapped;
  return s.dmIds.includes(draftId) ? draftId : undefined;
}

/** The scenario's id for a draft option, when it has that option. */
function optionIdIn(s: Scan, ctx: AcceptContext, draftId: string): string | undefined {
  const mapped = ctx.optionMap[draftId];
  if (mapped && s.optionIds.has(mapped)) return mapped;
  return s.optionIds.has(draftId) ? draftId : undefined;
}

/** Draft option ids in a statement or condition, renamed to the scenario's where it has them. */
function rename(s: Scan, ctx: AcceptContext, text: string): string {
  return text.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (w) => optionIdIn(s, ctx, w) ?? w);
}

function renameItem(s: Scan, ctx: AcceptContext, item: ElementView["item"]): ElementView["item"] {
  if (typeof item === "string") return rename(s, ctx, item);
  const out: Record<string, unknown> = { ...item };
  for (const k of ["statement", "if", "then", "condition"]) if (typeof out[k] === "string") out[k] = rename(s, ctx, out[k] as string);
  return out;
}

/** Whether the scenario has the element already (a party or option it matched, a statement or constraint it holds). */
export function isPresent(text: string, ctx: AcceptContext, el: ElementView): boolean {
  let s: Scan;
  try {
    s = scan(text);
  } catch {
    return false;
  }
  switch (el.kind) {
    case "decisionMaker":
      return dmIdIn(s, ctx, el.dm!) !== undefined;
    case "option":
      return optionIdIn(s, ctx, el.options[0]) !== undefined;
    case "preference": {
      const dm = dmIdIn(s, ctx, el.dm!);
      const held = dm ? s.statements.get(dm) : undefined;
      return Boolean(held?.includes(statementKey(renameItem(s, ctx, el.item))));
    }
    case "constraint":
      return s.conditions.has(squeeze(rename(s, ctx, String((el.item as { condition?: string }).condition ?? ""))));
    case "statusQuo": {
      const id = optionIdIn(s, ctx, el.options[0]);
      return id !== undefined && s.taken.has(id);
    }
  }
}

/** The scenario text with the element (and what it needs) added; an EditError says why it cannot be. */
export function acceptElement(text: string, ctx: AcceptContext, el: ElementView): AcceptResult {
  const added: string[] = [];
  let t = text;
  if (el.kind === "decisionMaker") {
    if (dmIdIn(scan(t), ctx, el.dm!)) return { text: t, added };
    t = ensureOption(t, ctx, el.options[0], added);
    return { text: t, added };
  }
  for (const o of el.options) t = ensureOption(t, ctx, o, added);
  if (el.kind === "option") return { text: t, added };
  if (el.kind === "statusQuo") {
    const id = optionIdIn(scan(t), ctx, el.options[0])!;
    const next = setStatusQuo(t, id, true);
    if (next !== t) added.push(`status quo: ${id} taken today`);
    return { text: next, added };
  }
  // A statement about others' options ("not their sanctions") still needs its own party.
  if (el.kind === "preference" && !dmIdIn(scan(t), ctx, el.dm!)) {
    const first = ctx.dms.find((d) => d.id === el.dm)?.options[0];
    if (!first) throw new EditError(`the draft has no party ${el.dm}`);
    t = ensureOption(t, ctx, first.id, added);
  }
  const s = scan(t);
  const item = renameItem(s, ctx, el.item);
  if (el.kind === "preference") {
    const dm = dmIdIn(s, ctx, el.dm!);
    if (!dm) throw new EditError(`the scenario has no party for ${el.dm}`);
    if (s.statements.get(dm)?.includes(statementKey(item))) return { text: t, added };
    t = addStatement(t, dm, item);
    added.push(`statement of ${dm}: ${statementKey(item)}`);
    return { text: t, added };
  }
  const c = item as { condition: string; note?: string; sources?: string[] };
  if (s.conditions.has(squeeze(c.condition))) return { text: t, added };
  t = addConstraint(t, { kind: "condition", condition: c.condition, ...(c.note ? { note: c.note } : {}) });
  if (c.sources?.length) {
    const n = (parse(t).toJS() as { infeasible: unknown[] }).infeasible.length;
    t = appendPairs(t, ["infeasible", n - 1], { sources: c.sources });
  }
  added.push(`constraint ${c.condition}`);
  return { text: t, added };
}

/** Add a draft option unless the scenario has it: to its party, or with its party when that is new too. */
function ensureOption(text: string, ctx: AcceptContext, optionId: string, added: string[]): string {
  const s = scan(text);
  if (optionIdIn(s, ctx, optionId)) return text;
  const owner = ctx.dms.find((d) => d.options.some((o) => o.id === optionId));
  if (!owner) throw new EditError(`the draft has no option ${optionId}`);
  const option = owner.options.find((o) => o.id === optionId)!;
  const dm = dmIdIn(s, ctx, owner.id);
  if (!dm) {
    added.push(`party ${owner.name} (${owner.id})`, `option ${option.id}`);
    return addParty(text, s, owner, option);
  }
  const index = s.dmIds.indexOf(dm);
  let t = addOption(text, index, option.id, option.label);
  const count = (parse(t).toJS() as { decisionMakers: { options: unknown[] }[] }).decisionMakers[index].options.length;
  const extra = { ...(option.note ? { note: option.note } : {}), ...(option.sources?.length ? { sources: option.sources } : {}) };
  if (Object.keys(extra).length) t = appendPairs(t, ["decisionMakers", index, "options", count - 1], extra);
  added.push(`option ${option.id}`);
  return t;
}

/** YAML lines of a value as a block list item at column `pad`. */
function listItem(value: unknown, pad: number): string {
  const lines = stringify(value, { lineWidth: 0 }).trimEnd().split("\n");
  const sp = " ".repeat(pad);
  return lines.map((l, i) => (i === 0 ? `${sp}- ${l}` : `${sp}  ${l}`)).join("\n") + "\n";
}

/** YAML lines of a map's pairs at column `pad`. */
function pairLines(value: Record<string, unknown>, pad: number): string {
  const sp = " ".repeat(pad);
  return (
    stringify(value, { lineWidth: 0 })
      .trimEnd()
      .split("\n")
      .map((l) => sp + l)
      .join("\n") + "\n"
  );
}

/** A new party with its first option, and a placeholder statement until one is accepted. */
function addParty(text: string, s: Scan, dm: DraftDmView, option: DraftDmView["options"][number]): string {
  const { doc } = s;
  const root = doc.contents;
  if (!isMap(root)) throw new EditError("the scenario is not a mapping of keys");
  const entry = { id: dm.id, name: dm.name, ...(dm.sources.length ? { sources: dm.sources } : {}), options: [option] };
  const edits: Splice[] = [];
  const seq = root.get("decisionMakers", true) as Node | undefined;
  if (isSeq(seq) && !seq.flow && seq.items.length > 0) {
    const first = seq.items[0] as Node;
    const last = seq.items[seq.items.length - 1] as Node;
    const pad = columnOf(text, dashOf(text, first.range![0]));
    const at = endOfContentLine(text, last.range![1]);
    edits.push({ from: at, to: at, insert: (at > 0 && text[at - 1] !== "\n" ? "\n" : "") + listItem(entry, pad) });
  } else edits.push(emptyKeyBlock(text, root, "decisionMakers", listItem(entry, 2)));
  edits.push(...patternEdits(doc, s.optionCount));

  const statement = { statement: "true", assumption: PLACEHOLDER_NOTE };
  const prefs = root.get("preferences", true) as Node | undefined;
  if (isMap(prefs) && !prefs.flow && prefs.items.length > 0) {
    const k = prefs.items[0].key as Node;
    const col = columnOf(text, k.range![0]);
    const lastPair = prefs.items[prefs.items.length - 1];
    const end = (lastPair.value as Node | null)?.range?.[1] ?? (lastPair.key as Node).range![1];
    const at = endOfContentLine(text, end);
    edits.push({ from: at, to: at, insert: (at > 0 && text[at - 1] !== "\n" ? "\n" : "") + `${" ".repeat(col)}${dm.id}:\n` + listItem(statement, col + 2) });
  } else edits.push(emptyKeyBlock(text, root, "preferences", `  ${dm.id}:\n` + listItem(statement, 4)));
  return applySplices(text, edits);
}

/** A top-level key that is missing or empty (`key: []`, `key: {}`, `key:`) given a block of lines. */
function emptyKeyBlock(text: string, root: YAMLMap, key: string, block: string): Splice {
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair) {
    const end = text.length;
    return { from: end, to: end, insert: `${end > 0 && text[end - 1] !== "\n" ? "\n" : ""}${key}:\n${block}` };
  }
  const k = pair.key as Node;
  const v = pair.value as Node | null;
  const empty = v === null || (isScalar(v) && (v.value === null || v.value === "")) || ((isSeq(v) || isMap(v)) && v.items.length === 0);
  if (!empty) throw new EditError(`the scenario's ${key} are written inline; add this in the editor`);
  // Replace from the key's end to the end of its line (the `[]` or `{}` and any comment go).
  const from = k.range![1];
  const lineEnd = text.indexOf("\n", from);
  const to = lineEnd < 0 ? text.length : lineEnd + 1;
  return { from, to, insert: `:\n${block}` };
}

/** Add keys at the end of the block map at `path`. */
function appendPairs(text: string, path: (string | number)[], value: Record<string, unknown>): string {
  const doc = parse(text);
  const map = doc.getIn(path, true);
  if (!isMap(map) || map.flow || map.items.length === 0) throw new EditError("cannot find where to add the sources");
  const first = map.items[0].key as Node;
  const last = map.items[map.items.length - 1];
  const end = (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range![1];
  const at = endOfContentLine(text, end);
  return text.slice(0, at) + (at > 0 && text[at - 1] !== "\n" ? "\n" : "") + pairLines(value, columnOf(text, first.range![0])) + text.slice(at);
}

/** Append a statement to a party's list (replacing the placeholder of a party added from the article). */
function addStatement(text: string, dm: string, item: ElementView["item"]): string {
  const doc = parse(text);
  const prefs = doc.get("preferences", true);
  if (!isMap(prefs)) throw new EditError("the scenario has no preferences to add to");
  let list = prefs.get(dm, true) as Node | undefined;
  if (isMap(list)) {
    if (list.get("ranking") !== undefined) throw new EditError(`${dm}'s preferences are a ranking of states; add the statement in the editor`);
    list = list.get("statements", true) as Node | undefined;
  }
  if (list === undefined || list === null) {
    if (prefs.flow) throw new EditError("the preferences are written inline; add the statement in the editor");
    const k = prefs.items[0]?.key as Node | undefined;
    const col = k?.range ? columnOf(text, k.range[0]) : 2;
    const lastPair = prefs.items[prefs.items.length - 1];
    const end = (lastPair?.value as Node | null)?.range?.[1] ?? (lastPair?.key as Node | undefined)?.range?.[1] ?? text.length;
    const at = endOfContentLine(text, end);
    return text.slice(0, at) + (at > 0 && text[at - 1] !== "\n" ? "\n" : "") + `${" ".repeat(col)}${dm}:\n` + listItem(item, col + 2) + text.slice(at);
  }
  if (!isSeq(list) || list.flow || list.items.length === 0) throw new EditError(`${dm}'s statements are written inline; add the statement in the editor`);
  const items = list.items as Node[];
  const pad = columnOf(text, dashOf(text, items[0].range![0]));
  const only = items.length === 1 ? (items[0] as unknown) : undefined;
  if (isMap(only) && only.get("statement") === "true" && only.get("assumption") === PLACEHOLDER_NOTE) {
    const from = lineStart(text, dashOf(text, items[0].range![0]));
    const to = endOfContentLine(text, items[0].range![1]);
    return text.slice(0, from) + listItem(item, pad) + text.slice(to);
  }
  const at = endOfContentLine(text, items[items.length - 1].range![1]);
  return text.slice(0, at) + (at > 0 && text[at - 1] !== "\n" ? "\n" : "") + listItem(item, pad) + text.slice(at);
}
