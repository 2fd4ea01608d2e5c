/**
 * The forms' edits, made to the scenario's YAML text. The `yaml` Document API
 * finds the element and its exact place in the text; only that place is
 * rewritten (a value replaced, a line inserted, two list items swapped), so
 * comments, quoting and line breaks everywhere else stay as the author wrote
 * them, and the editor's undo history sees one ordinary change.
 */
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from "yaml";
import { type Irreversible, outline } from "./yaml-outline.js";
import {
  applySplices,
  blockMap,
  columnOf,
  dashOf,
  EditError,
  endOfContentLine,
  lineStart,
  oneLine,
  parse,
  removePairLine,
  scalar,
  setScalar,
  type Splice,
} from "./yaml-text.js";
import { ExprSyntaxError, exprVars, parseExpr } from "../../../src/index.js";

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
  const pad = " ".repeat(columnOf(text, dashOf(text, first.range![0])));
  const at = endOfContentLine(text, last.range![1]);
  const entry = `${pad}- id: ${id}\n${pad}  label: ${scalar(oneLine(label, "the label"))}\n`;
  const edits: Splice[] = [{ from: at, to: at, insert: (at > 0 && text[at - 1] !== "\n" ? "\n" : "") + entry }];
  // Where the new option falls among all options (declaration order).
  const js = doc.toJS() as { decisionMakers?: { options?: unknown[] }[] };
  const position = (js.decisionMakers ?? []).slice(0, dm + 1).reduce((n, d) => n + (d.options?.length ?? 0), 0);
  edits.push(...patternEdits(doc, position));
  return applySplices(text, edits);
}

/** Give every Y/N pattern that lists all the options a letter for a new option at `position`: N in the status quo, '-' elsewhere. */
export function patternEdits(doc: Document, position: number): Splice[] {
  const js = doc.toJS() as { decisionMakers?: { options?: unknown[] }[] };
  const total = (js.decisionMakers ?? []).reduce((n, d) => n + (d.options?.length ?? 0), 0);
  const edits: Splice[] = [];
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
  return edits;
}

/** Why a decision maker id cannot be used, or undefined when it can. */
export function badDmId(text: string, id: string): string | undefined {
  if (!ID.test(id)) return "an id starts with a letter or '_' and has only letters, digits and '_'";
  if (RESERVED.has(id.toLowerCase())) return `'${id}' is a word of the statement language`;
  return outline(text).some((d) => d.id === id) ? `a party '${id}' exists already` : undefined;
}

export interface NewDecisionMaker {
  id: string;
  name: string;
  /** Every party has at least one option: its first. */
  optionId: string;
  optionLabel: string;
}

/**
 * Add a decision maker at the end of the list, with its first option (not
 * taken today: patterns get a letter for it, as for addOption) and, since
 * every party needs preferences, a placeholder statement (it would rather
 * take its option) for the author to replace.
 */
export function addDecisionMaker(text: string, dm: NewDecisionMaker): string {
  const why = badDmId(text, dm.id) ?? badOptionId(text, dm.optionId);
  if (why) throw new EditError(why);
  const name = oneLine(dm.name, "the name");
  const label = oneLine(dm.optionLabel, "the option's label");
  const doc = parse(text);
  const seq = doc.get("decisionMakers", true);
  if (!isSeq(seq) || seq.flow || seq.items.length === 0 || !isMap(seq.items[0]) || !(seq.items[0] as Node).range)
    throw new EditError("the decision makers are not written as a list of lines; add the party in the editor");
  // Indent as the first party is indented.
  const first = seq.items[0] as YAMLMap;
  const dash = columnOf(text, dashOf(text, first.range![0]));
  const firstKey = first.items[0]?.key;
  const keys = isScalar(firstKey) && firstKey.range ? columnOf(text, firstKey.range[0]) : dash + 2;
  const firstOptions = first.get("options", true);
  const firstOption = isSeq(firstOptions) && !firstOptions.flow ? (firstOptions.items[0] as Node | undefined) : undefined;
  const optionDash = firstOption?.range ? columnOf(text, dashOf(text, firstOption.range[0])) : keys + 2;
  const sp = (n: number) => " ".repeat(n);
  const last = seq.items[seq.items.length - 1] as Node;
  const at = endOfContentLine(text, last.range![1]);
  const entry =
    `${sp(dash)}- id: ${dm.id}\n${sp(keys)}name: ${scalar(name)}\n${sp(keys)}options:\n` +
    `${sp(optionDash)}- id: ${dm.optionId}\n${sp(optionDash + 2)}label: ${scalar(label)}\n`;
  const edits: Splice[] = [{ from: at, to: at, insert: (at > 0 && text[at - 1] !== "\n" ? "\n" : "") + entry }];
  const js = doc.toJS() as { decisionMakers?: { options?: unknown[] }[] };
  edits.push(
    ...patternEdits(
      doc,
      (js.decisionMakers ?? []).reduce((n, d) => n + (d.options?.length ?? 0), 0),
    ),
  );

  // Preferences: a placeholder statement, written as the others are.
  const note = scalar(`A placeholder: write what ${name} wants, most important first.`);
  const prefs = doc.get("preferences", true);
  if (prefs === undefined || prefs === null) {
    const end = text.length;
    edits.push({
      from: end,
      to: end,
      insert: `${end > 0 && text[end - 1] !== "\n" ? "\n" : ""}\npreferences:\n  ${dm.id}:\n    - statement: ${dm.optionId}\n      note: ${note}\n`,
    });
  } else {
    if (!isMap(prefs) || prefs.flow || prefs.items.length === 0)
      throw new EditError("the preferences are not written as a block of lines; add the party in the editor");
    const k = prefs.items[0].key;
    const col = isScalar(k) && k.range ? columnOf(text, k.range[0]) : 2;
    const lastPair = prefs.items[prefs.items.length - 1];
    const lastEnd = (lastPair.value as Node | null)?.range?.[1] ?? (lastPair.key as Node).range![1];
    const pAt = endOfContentLine(text, lastEnd);
    edits.push({
      from: pAt,
      to: pAt,
      insert: `${pAt > 0 && text[pAt - 1] !== "\n" ? "\n" : ""}${sp(col)}${dm.id}:\n${sp(col + 2)}- statement: ${dm.optionId}\n${sp(col + 4)}note: ${note}\n`,
    });
  }
  return applySplices(text, edits);
}

/** Set or clear the phrases that describe a state where the option is taken / not taken (empty: no phrase). */
export function setOptionPhrases(text: string, dm: number, option: number, phrases: { whenTaken: string; whenNotTaken: string }): string {
  const path = ["decisionMakers", dm, "options", option];
  const set = (t: string, key: string, value: string, after: string): string => {
    const v = value.replace(/\s+/g, " ").trim();
    const map = blockMap(parse(t), path);
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (v) {
      if (pair && isScalar(pair.value) && pair.value.value === v) return t;
      return setScalar(t, path, key, v, after);
    }
    if (!pair) return t;
    const removed = removePairLine(t, map, pair);
    if (removed === undefined) throw new EditError(`the ${key} phrase shares a line with other keys; clear it in the editor`);
    return removed;
  };
  const withTaken = set(text, "whenTaken", phrases.whenTaken, "label");
  const hasTaken = blockMap(parse(withTaken), path).items.some((p) => isScalar(p.key) && p.key.value === "whenTaken");
  return set(withTaken, "whenNotTaken", phrases.whenNotTaken, hasTaken ? "whenTaken" : "label");
}

export type NewConstraint =
  | { kind: "condition"; condition: string; note?: string }
  | { kind: "mutuallyExclusive" | "atLeastOneOf"; options: string[]; note?: string };

/** Why a constraint cannot be added as given, or undefined when it can. */
export function badConstraint(text: string, c: NewConstraint): string | undefined {
  const known = new Set(outline(text).flatMap((d) => d.options.map((o) => o.id)));
  if (c.kind === "condition") {
    const cond = c.condition.trim();
    if (!cond) return "write the condition that cannot hold, e.g. a_strikes & b_strikes";
    try {
      const unknown = exprVars(parseExpr(cond)).find((v) => !known.has(v.id));
      if (unknown) return `there is no option '${unknown.id}'`;
    } catch (e) {
      if (e instanceof ExprSyntaxError) return `cannot read '${cond}': ${e.message}`;
      throw e;
    }
    return undefined;
  }
  if (c.options.length < 2) return "choose at least two options";
  if (new Set(c.options).size !== c.options.length) return "an option is chosen twice";
  const unknown = c.options.find((id) => !known.has(id));
  return unknown ? `there is no option '${unknown}'` : undefined;
}

/** Add a constraint at the end of `infeasible` (which is created after the decision makers when missing). */
export function addConstraint(text: string, c: NewConstraint): string {
  const why = badConstraint(text, c);
  if (why) throw new EditError(why);
  const note = c.note?.trim() ? scalar(oneLine(c.note, "the note")) : undefined;
  const lines = (pad: string): string => {
    const noteLine = note ? `${pad}  note: ${note}\n` : "";
    if (c.kind === "condition") {
      const cond = scalar(c.condition.replace(/\s+/g, " ").trim());
      return note ? `${pad}- condition: ${cond}\n${noteLine}` : `${pad}- ${cond}\n`;
    }
    return `${pad}- ${c.kind}: [${c.options.join(", ")}]\n${noteLine}`;
  };
  const doc = parse(text);
  const root = doc.contents;
  if (!isMap(root)) throw new EditError("the scenario is not a mapping of keys");
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === "infeasible");
  if (pair) {
    const key = pair.key as Node;
    const value = pair.value as Node | null;
    if (isSeq(value) && !value.flow && value.items.length > 0) {
      const first = value.items[0] as Node;
      const last = value.items[value.items.length - 1] as Node;
      const pad = " ".repeat(columnOf(text, dashOf(text, first.range![0])));
      const at = endOfContentLine(text, last.range![1]);
      return text.slice(0, at) + (at > 0 && text[at - 1] !== "\n" ? "\n" : "") + lines(pad) + text.slice(at);
    }
    const empty = value === null || (isScalar(value) && (value.value === null || value.value === "")) || (isSeq(value) && value.items.length === 0);
    if (!empty) throw new EditError("the constraints are written inline; add this one in the editor");
    const pad = " ".repeat(columnOf(text, key.range![0]) + 2);
    // `infeasible: []` or `infeasible:` becomes a block list; a comment on the key's line stays there.
    let t = text;
    if (isSeq(value) && value.range) t = text.slice(0, key.range![1]) + ":" + text.slice(value.range[1]);
    const at = endOfContentLine(t, key.range![1] + 1);
    return t.slice(0, at) + (at > 0 && t[at - 1] !== "\n" ? "\n" : "") + lines(pad) + t.slice(at);
  }
  const dms = root.items.find((p) => isScalar(p.key) && p.key.value === "decisionMakers");
  const end = (dms?.value as Node | null)?.range?.[1];
  const at = end !== undefined ? endOfContentLine(text, end) : text.length;
  return text.slice(0, at) + (at > 0 && text[at - 1] !== "\n" ? "\n" : "") + "\ninfeasible:\n" + lines("  ") + text.slice(at);
}

/**
 * Say whether an option is taken today, in whichever form the file gives the
 * status quo: a Y/N pattern (its letter changes), a map of option -> Y/N (its
 * value changes, or a pair is added: options left out are N), either under
 * `state`. Only that letter or pair is written.
 */
export function setStatusQuo(text: string, optionId: string, taken: boolean): string {
  const doc = parse(text);
  const js = doc.toJS() as { decisionMakers?: { options?: { id?: unknown }[] }[] } | null;
  const ids = (js?.decisionMakers ?? []).flatMap((d) => (Array.isArray(d?.options) ? d.options : []).map((o) => String(o?.id)));
  const position = ids.indexOf(optionId);
  if (position < 0) throw new EditError(`there is no option '${optionId}'`);
  const letter = taken ? "Y" : "N";
  const root = doc.contents;
  if (!isMap(root)) throw new EditError("the scenario is not a mapping of keys");
  let owner: YAMLMap = root;
  let key = "statusQuo";
  const top = root.get("statusQuo", true);
  if (isMap(top) && top.has("state")) {
    owner = top;
    key = "state";
  }
  const pair = owner.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair) {
    if (!taken) return text;
    const end = text.length;
    return `${text}${end > 0 && text[end - 1] !== "\n" ? "\n" : ""}statusQuo: { ${optionId}: Y }\n`;
  }
  const node = pair.value as Node | null;
  if (node === null || (isScalar(node) && (node.value === null || node.value === ""))) {
    if (!taken) return text;
    // `statusQuo:` with nothing after it: the pair goes on the key's line.
    const colon = text.indexOf(":", (pair.key as Node).range![1]);
    return text.slice(0, colon + 1) + ` { ${optionId}: Y }` + text.slice(node?.range ? node.range[1] : colon + 1);
  }
  if (isScalar(node)) {
    const value = String(node.value);
    if (value.length !== ids.length || !/^[YNyn]+$/.test(value) || !node.range)
      throw new EditError("the status quo is not a Y/N pattern over all the options; change it in the editor");
    if (value[position].toUpperCase() === letter) return text;
    return text.slice(0, node.range[0]) + scalar(value.slice(0, position) + letter + value.slice(position + 1)) + text.slice(node.range[1]);
  }
  if (!isMap(node) || !node.range) throw new EditError("the status quo is neither a Y/N pattern nor a map of options; change it in the editor");
  const own = node.items.find((p) => isScalar(p.key) && String(p.key.value) === optionId);
  if (own) {
    const v = own.value as Node | null;
    if (!isScalar(v) || !v.range) throw new EditError(`cannot find ${optionId} in the status quo`);
    const now = v.value === true || String(v.value).toUpperCase() === "Y";
    if (now === taken) return text;
    const word = typeof v.value === "boolean" ? String(taken) : letter;
    return text.slice(0, v.range[0]) + word + text.slice(v.range[1]);
  }
  if (!taken) return text;
  if (node.flow) {
    if (node.items.length === 0) {
      const close = text.lastIndexOf("}", node.range[1]);
      return text.slice(0, node.range[0]) + `{ ${optionId}: Y }` + text.slice(close + 1);
    }
    const last = node.items[node.items.length - 1];
    const end = ((last.value as Node | null)?.range ?? (last.key as Node).range)![1];
    return text.slice(0, end) + `, ${optionId}: Y` + text.slice(end);
  }
  const first = node.items[0].key as Node;
  const last = node.items[node.items.length - 1];
  const at = endOfContentLine(text, ((last.value as Node | null)?.range ?? (last.key as Node).range)![1]);
  return text.slice(0, at) + (at > 0 && text[at - 1] !== "\n" ? "\n" : "") + `${" ".repeat(columnOf(text, first.range![0]))}${optionId}: Y\n` + text.slice(at);
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
