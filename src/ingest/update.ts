/**
 * Update: what a new article changes in an existing scenario, as a reviewable
 * list of changes, and (on request) those changes applied to the file's YAML
 * document with its comments and layout kept.
 *
 * The draft's actors are matched to the scenario's decision makers by id, or
 * by name (partyNames: names, ids, acronyms and initials, never a generic
 * word alone); its options to the scenario's options by
 * id, or by the topic their label speaks of ("Accept territorial concessions"
 * -> territory). Then: decision makers and options the scenario lacks are new;
 * a statement the scenario holds already is confirmed, its opposite ("x" for
 * "!x") means the stance moved, anything else is a new stance; an option the
 * article says is under way but the status quo has not taken moves the status
 * quo.
 */
import { isMap, isSeq, parseDocument, type Document } from "yaml";
import { ParleyError } from "../format/errors.js";
import type { ScenarioFile } from "../format/schema.js";
import { parseScenario } from "../format/validate.js";
import { cueWords } from "./topics.js";
import type { Draft } from "./draft.js";
import type { Gazetteer } from "./gazetteer.js";

export type ChangeKind = "new-decision-maker" | "new-option" | "new-stance" | "moved-stance" | "confirmed-stance" | "status-quo";

export interface Change {
  kind: ChangeKind;
  dm: string;
  /** In words, with the scenario's ids. */
  text: string;
  sources: string[];
}

export interface UpdatePlan {
  changes: Change[];
  /** draft DM id -> scenario DM id; draft option id -> scenario option id. */
  dmMap: Map<string, string>;
  optionMap: Map<string, string>;
}

type Statement = string | { statement?: string; if?: string; then?: string; anyOf?: string[] };

function statementsOf(p: ScenarioFile["preferences"][string] | undefined): Statement[] {
  if (!p) return [];
  if (Array.isArray(p)) return p as Statement[];
  return (p.statements ?? []) as Statement[];
}

function keyOf(s: Statement): string {
  if (typeof s === "string") return s.replace(/\s+/g, " ").trim();
  if (s.statement) return s.statement.replace(/\s+/g, " ").trim();
  if (s.if !== undefined) return `if ${s.if} then ${s.then}`;
  return "";
}

function topicOfLabel(label: string, g: Gazetteer): string | undefined {
  const words = cueWords(label).map((w) => w.replace(/s$/, ""));
  const cues = g.topics
    .flatMap((t) => t.cues.map((c) => ({ t: t.id, w: cueWords(c).map((x) => x.replace(/s$/, "")) })))
    .sort((a, b) => b.w.length - a.w.length);
  for (let k = 0; k < words.length; k++) for (const c of cues) if (c.w.every((x, j) => words[k + j] === x)) return c.t;
  return undefined;
}

/** Words that name no one party on their own: a scenario's "Government" is not the article's government of anywhere. */
const GENERIC_PARTY_WORDS = new Set(
  "government opposition army military rebels alliance coalition leaders allies parties party mediators officials authorities president state states union forces europe west".split(
    " ",
  ),
);

/**
 * The names a party goes by, compared in lower case without "the" and punctuation: its names, its id ("fdp",
 * "free_democratic_party"), a name's acronym in brackets ("Free Democratic Party (FDP)") and the initials of a name of
 * several capitalised words ("Free Democratic Party" -> "fdp"); never a generic word alone ("Government", "the alliance").
 */
export function partyNames(names: string[], id: string): string[] {
  const out = new Set<string>();
  const add = (x: string) => {
    const n = x
      .toLowerCase()
      .replace(/^the\s+/, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
    if (n && !n.split(" ").every((w) => GENERIC_PARTY_WORDS.has(w))) out.add(n);
  };
  for (const name of names) {
    if (!name) continue;
    const bracket = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(name);
    const base = bracket ? bracket[1] : name;
    add(base);
    if (bracket) add(bracket[2]);
    const words = base.replace(/^the\s+/i, "").split(/\s+/);
    if (words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w))) add(words.map((w) => w[0]).join(""));
  }
  add(id.replace(/_/g, " "));
  return [...out];
}

export function planUpdate(scenario: ScenarioFile, draft: Draft, g: Gazetteer): UpdatePlan {
  const changes: Change[] = [];
  const dmMap = new Map<string, string>();
  const optionMap = new Map<string, string>();
  const d = draft.scenario;
  for (const dm of d.decisionMakers) {
    const actor = g.actors.find((a) => a.id === dm.id);
    const names = partyNames([dm.name ?? "", actor?.name ?? "", ...(actor?.names ?? [])], dm.id);
    const match =
      scenario.decisionMakers.find((s) => s.id === dm.id) ??
      scenario.decisionMakers.find((s) => partyNames([s.name ?? ""], s.id).some((n) => names.includes(n)));
    if (match) dmMap.set(dm.id, match.id);
    else
      changes.push({
        kind: "new-decision-maker",
        dm: dm.id,
        text: `${dm.name ?? dm.id} (${dm.options.map((o) => o.id).join(", ")})`,
        sources: dm.sources ?? [],
      });
  }
  for (const dm of d.decisionMakers) {
    const target = dmMap.get(dm.id);
    const existing = scenario.decisionMakers.find((s) => s.id === target);
    for (const o of dm.options) {
      const topic = o.id.slice(dm.id.length + 1);
      const same =
        existing?.options.find((x) => x.id === o.id || x.id === `${target}_${topic}`) ??
        existing?.options.find((x) => topicOfLabel(x.label ?? x.id, g) === topic);
      if (same) optionMap.set(o.id, same.id);
      else if (existing) changes.push({ kind: "new-option", dm: existing.id, text: `${existing.id}: ${o.label} (${o.id})`, sources: o.sources ?? [] });
    }
  }
  const rename = (text: string) => text.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (w) => optionMap.get(w) ?? w);
  for (const [draftDm, prefs] of Object.entries(d.preferences)) {
    const dm = dmMap.get(draftDm);
    if (!dm) continue;
    const held = new Set(statementsOf(scenario.preferences[dm]).map(keyOf));
    for (const s of statementsOf(prefs)) {
      const key = rename(keyOf(s));
      if (key === "true" || key === "") continue;
      const sources = typeof s === "string" ? [] : ((s as { sources?: string[] }).sources ?? []);
      const opposite = key.startsWith("!") ? key.slice(1) : `!${key}`;
      if (held.has(key)) changes.push({ kind: "confirmed-stance", dm, text: `${dm}: ${key}`, sources });
      else if (held.has(opposite)) changes.push({ kind: "moved-stance", dm, text: `${dm}: ${opposite} -> ${key}`, sources });
      else changes.push({ kind: "new-stance", dm, text: `${dm}: ${key}`, sources });
    }
  }
  const sq = statusQuoMap(scenario);
  for (const [opt, v] of Object.entries(d.statusQuo as Record<string, string>)) {
    const mapped = optionMap.get(opt);
    if (mapped && v === "Y" && sq && sq[mapped] !== "Y") {
      const dm = scenario.decisionMakers.find((x) => x.options.some((o) => o.id === mapped))!.id;
      const src = d.decisionMakers.flatMap((x) => x.options).find((o) => o.id === opt)?.sources ?? [];
      changes.push({ kind: "status-quo", dm, text: `${mapped}: N -> Y (the article says it is under way)`, sources: src });
    }
  }
  return { changes, dmMap, optionMap };
}

/** The status quo as option -> Y/N, when it is given as a map (undefined for a Y/N string). */
function statusQuoMap(s: ScenarioFile): Record<string, "Y" | "N"> | undefined {
  const sq = s.statusQuo as unknown;
  const raw = typeof sq === "object" && sq !== null && "state" in sq ? (sq as { state: unknown }).state : sq;
  if (typeof raw === "string") {
    const ids = s.decisionMakers.flatMap((dm) => dm.options.map((o) => o.id));
    return Object.fromEntries(ids.map((id, i) => [id, raw[i]?.toUpperCase() === "Y" ? "Y" : "N"]));
  }
  if (typeof raw !== "object" || raw === null) return undefined;
  const out: Record<string, "Y" | "N"> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) out[k] = v === true || String(v).toUpperCase() === "Y" ? "Y" : "N";
  return out;
}

/** Apply the plan to the scenario's YAML document: new decision makers, options and stances are appended; moved stances are replaced where they stand; the status quo is set. */
export function applyUpdate(doc: Document, scenario: ScenarioFile, draft: Draft, plan: UpdatePlan): void {
  const d = draft.scenario;
  const rename = (text: string) => text.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (w) => plan.optionMap.get(w) ?? w);
  const renameStatement = (s: Statement): Statement => {
    if (typeof s === "string") return rename(s);
    const out: Record<string, unknown> = { ...s };
    if (s.statement) out.statement = rename(s.statement);
    if (s.if) out.if = rename(s.if);
    if (s.then) out.then = rename(s.then);
    return out as Statement;
  };
  for (const c of plan.changes) {
    if (c.kind === "new-decision-maker") {
      const dm = d.decisionMakers.find((x) => x.id === c.dm)!;
      doc.addIn(["decisionMakers"], doc.createNode(dm));
      doc.setIn(["preferences", dm.id], doc.createNode(d.preferences[dm.id]));
    }
  }
  for (const dm of d.decisionMakers) {
    const target = plan.dmMap.get(dm.id);
    if (!target) continue;
    const index = scenario.decisionMakers.findIndex((x) => x.id === target);
    for (const o of dm.options)
      if (!plan.optionMap.has(o.id)) {
        doc.addIn(["decisionMakers", index, "options"], doc.createNode(o));
        plan.optionMap.set(o.id, o.id);
      }
  }
  for (const [draftDm, prefs] of Object.entries(d.preferences)) {
    const dm = plan.dmMap.get(draftDm);
    if (!dm) continue;
    const path = Array.isArray(scenario.preferences[dm]) ? ["preferences", dm] : ["preferences", dm, "statements"];
    const list = doc.getIn(path);
    const held = statementsOf(scenario.preferences[dm]).map(keyOf);
    for (const s of statementsOf(prefs)) {
      const key = rename(keyOf(s));
      if (key === "true" || key === "" || held.includes(key)) continue;
      const opposite = key.startsWith("!") ? key.slice(1) : `!${key}`;
      const at = held.indexOf(opposite);
      const node = doc.createNode(renameStatement(s));
      if (at >= 0 && isSeq(list)) list.set(at, node);
      else if (isSeq(list)) list.add(node);
      else doc.setIn(path, doc.createNode([renameStatement(s)]));
    }
  }
  const sqChanges = plan.changes.filter((c) => c.kind === "status-quo");
  if (sqChanges.length) {
    const current = statusQuoMap(scenario) ?? {};
    for (const c of sqChanges) current[c.text.split(":")[0]] = "Y";
    const path = isMap(doc.get("statusQuo")) && doc.getIn(["statusQuo", "state"]) !== undefined ? ["statusQuo", "state"] : ["statusQuo"];
    doc.setIn(path, doc.createNode(Object.fromEntries(Object.entries(current).filter(([, v]) => v === "Y"))));
  }
  // New options default to N; a Y/N string status quo would no longer have one letter per option, so write it as a map.
  const sqNode = doc.getIn(isMap(doc.get("statusQuo")) && doc.getIn(["statusQuo", "state"]) !== undefined ? ["statusQuo", "state"] : ["statusQuo"]);
  if (typeof sqNode === "string" || (sqNode && typeof (sqNode as { value?: unknown }).value === "string")) {
    const current = statusQuoMap(scenario) ?? {};
    const path = isMap(doc.get("statusQuo")) ? ["statusQuo", "state"] : ["statusQuo"];
    doc.setIn(path, doc.createNode(Object.fromEntries(Object.entries(current).filter(([, v]) => v === "Y"))));
  }
}

/** What a draft changes in a scenario file: the plan, and the file's new text when asked for. */
export interface ScenarioTextUpdate {
  plan: UpdatePlan;
  /** Whether the plan changes anything (confirmed stances alone do not). */
  changes: boolean;
  /** The updated text (comments and layout kept), with `apply` only. */
  text?: string;
}

/**
 * `ingest --update`: plan what `draft` changes in the scenario `text` (named
 * `name` in messages) and, with `apply`, write it into the text. A scenario
 * with problems is reported as such, not updated; changes that would make it
 * invalid are refused (update-breaks-scenario) rather than written.
 */
export function updateScenarioText(text: string, name: string, draft: Draft, g: Gazetteer, opts: { apply: boolean }): ScenarioTextUpdate {
  parseScenario(text, name);
  const doc = parseDocument(text);
  const data = doc.toJS() as ScenarioFile;
  const plan = planUpdate(data, draft, g);
  const changes = plan.changes.some((c) => c.kind !== "confirmed-stance");
  if (!opts.apply) return { plan, changes };
  applyUpdate(doc, data, draft, plan);
  const updated = doc.toString({ flowCollectionPadding: false });
  try {
    parseScenario(updated, name);
  } catch (e) {
    if (!(e instanceof ParleyError)) throw e;
    throw new ParleyError({
      code: "update-breaks-scenario",
      message: `applying the changes would make ${name} invalid (${e.issues[0]?.message ?? "see parley validate"}); apply them by hand`,
    });
  }
  return { plan, changes, text: updated };
}
