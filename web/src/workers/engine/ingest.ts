/**
 * The workbench's side of `parley ingest`: run the pipeline on an article and
 * describe the result for the page (text with highlights, coded events,
 * proposed elements with the YAML each becomes), and match the draft's
 * parties and options to those of the scenario in the editor (as
 * `parley ingest --update` does), so accepting an element reuses what is
 * there. Pure: runs in the ingest worker and in the tests.
 */
import { parse as parseYaml } from "yaml";
import type { DraftDmView, ElementView, Failure, GazetteerInfo, IngestRequest, IngestView, UserGazetteer } from "../../protocol/ingest.js";
import {
  ingestArticle,
  ingestYaml,
  loadGazetteer,
  mergeGazetteers,
  planUpdate,
  readGazetteer,
  type Gazetteer,
  type HtmlExtractor,
  type IngestResult,
} from "../../../../src/api/ingest.js";
import { formatPath, ParleyError, type ScenarioFile } from "../../../../src/index.js";

export { loadGazetteer, type Gazetteer };

/** Option ids in a statement or condition. */
const IDS = /[A-Za-z_][A-Za-z0-9_]*/g;
const WORDS = new Set(["if", "then", "and", "or", "not", "true", "false"]);

export function idsIn(text: string): string[] {
  return [...new Set((text.match(IDS) ?? []).filter((w) => !WORDS.has(w)))];
}

/** The article read and described; a ParleyError for bad input (empty, binary, not English, no article, nothing found). */
export function ingestView(req: Omit<IngestRequest, "id">, gazetteer: Gazetteer, now: () => number = () => Date.now(), gazetteerName = "built-in"): IngestView {
  const t0 = now();
  const pre = req.html;
  const extractHtml: HtmlExtractor | undefined = pre === undefined ? undefined : () => pre;
  const r = ingestArticle(req.text, { name: req.name, gazetteer, ...(extractHtml ? { extractHtml } : {}) });
  const names = new Map(r.actors.map((a) => [a.id, a.name]));
  const nameOf = (id: string) => names.get(id) ?? gazetteer.actors.find((a) => a.id === id)?.name ?? id;
  const { dmMap, optionMap } = matchScenario(r, gazetteer, req.scenario?.text);
  return {
    name: r.name,
    format: r.clean.format,
    ...(r.clean.title ? { title: r.clean.title } : {}),
    text: r.clean.text,
    dropped: r.clean.dropped.length,
    sentences: r.sentences.map((s) => ({ start: s.start, end: s.end, span: s.span })),
    // Names the gazetteer does not know are actors only when they act (as in the draft).
    mentions: r.mentions
      .filter((m) => names.has(m.actor))
      .map((m) => ({
        start: r.tokens[m.first].start,
        end: r.tokens[m.last].end,
        sentence: m.sentence,
        actor: m.actor,
        actorName: nameOf(m.actor),
        kind: m.kind,
        ...(m.person ? { person: m.person } : {}),
        confidence: m.confidence,
      })),
    events: r.events
      .filter((e) => e.at)
      .map((e) => ({
        start: e.at!.start,
        end: e.at!.end,
        sentence: e.sentence,
        kind: e.kind,
        trigger: e.trigger,
        ...(e.plover ? { plover: e.plover } : {}),
        cameo: e.cameo,
        source: e.source,
        sourceName: nameOf(e.source),
        ...(e.target ? { target: e.target, targetName: nameOf(e.target) } : {}),
        topicLabel: e.topicLabel,
        inverse: Boolean(e.inverse),
        modality: e.modality,
        negated: e.negated,
        quoted: e.quoted,
        ...(e.condition ? { condition: `${e.condition.kind} ${e.condition.text}` } : {}),
        confidence: e.confidence,
      })),
    actors: r.actors,
    elements: elementsOf(r),
    dms: r.draft.scenario.decisionMakers.map(
      (d): DraftDmView => ({
        id: d.id,
        name: d.name ?? d.id,
        sources: d.sources ?? [],
        options: d.options.map((o) => ({
          id: o.id,
          label: o.label ?? o.id,
          ...(o.note ? { note: o.note } : {}),
          ...(o.sources ? { sources: o.sources } : {}),
        })),
      }),
    ),
    yaml: ingestYaml(r),
    gazetteer: gazetteerName,
    warnings: r.draft.warnings,
    dmMap: Object.fromEntries(dmMap),
    optionMap: Object.fromEntries(optionMap),
    ms: Math.round(now() - t0),
  };
}

type Statement = string | { statement?: string; if?: string; then?: string };

function keyOf(s: Statement): string {
  if (typeof s === "string") return s;
  if (s.statement !== undefined) return s.statement;
  return `if ${s.if} then ${s.then}`;
}

/** The draft's elements a reviewer accepts one by one; the status quo as one element per option the article says is taken today. */
function elementsOf(r: IngestResult): ElementView[] {
  const sc = r.draft.scenario;
  const out: ElementView[] = [];
  for (const el of r.draft.elements) {
    const base = { key: el.key, text: el.text, confidence: el.confidence, sentences: el.sources.map((s) => s.sentence) };
    if (el.kind === "decisionMaker") {
      const d = sc.decisionMakers.find((x) => `dm:${x.id}` === el.key);
      if (d)
        out.push({ ...base, kind: "decisionMaker", dm: d.id, options: [d.options[0].id], item: { id: d.id, name: d.name ?? d.id, sources: d.sources ?? [] } });
    } else if (el.kind === "option") {
      const id = el.key.slice("option:".length);
      const d = sc.decisionMakers.find((x) => x.options.some((o) => o.id === id));
      const o = d?.options.find((x) => x.id === id);
      if (d && o) out.push({ ...base, kind: "option", dm: d.id, options: [id], item: { ...o } });
    } else if (el.kind === "preference") {
      const [, dm, ...rest] = el.key.split(":");
      const key = rest.join(":");
      const list = (sc.preferences[dm] ?? []) as Statement[];
      const s = (Array.isArray(list) ? list : []).find((x) => keyOf(x) === key);
      if (s !== undefined) out.push({ ...base, kind: "preference", dm, options: idsIn(key), item: typeof s === "string" ? s : { ...s } });
    } else if (el.kind === "constraint") {
      const cond = el.key.slice("constraint:".length);
      const c = (sc.infeasible ?? []).find((x) => typeof x !== "string" && x.condition === cond);
      if (c) out.push({ ...base, kind: "constraint", options: idsIn(cond), item: { ...(c as object) } });
    } else if (el.kind === "statusQuo") {
      const id = el.key.slice("statusquo:".length);
      const d = sc.decisionMakers.find((x) => x.options.some((o) => o.id === id));
      if (d) out.push({ ...base, kind: "statusQuo", dm: d.id, options: [id], item: id });
    }
  }
  return out;
}

/** Draft ids -> the editor scenario's ids for the parties and options it has already (empty when its text does not read as a scenario). */
function matchScenario(r: IngestResult, g: Gazetteer, text: string | undefined): { dmMap: Map<string, string>; optionMap: Map<string, string> } {
  const none = { dmMap: new Map<string, string>(), optionMap: new Map<string, string>() };
  if (!text) return none;
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch {
    return none;
  }
  const sc = data as Partial<ScenarioFile> | null;
  if (!sc || !Array.isArray(sc.decisionMakers)) return none;
  const clean: ScenarioFile = {
    ...(sc as ScenarioFile),
    decisionMakers: sc.decisionMakers
      .filter((d) => d && typeof d.id === "string")
      .map((d) => ({ ...d, options: Array.isArray(d.options) ? d.options.filter((o) => o && typeof o.id === "string") : [] })),
    preferences: (sc.preferences && typeof sc.preferences === "object" ? sc.preferences : {}) as ScenarioFile["preferences"],
  };
  try {
    const plan = planUpdate(clean, r.draft, g);
    return { dmMap: plan.dmMap, optionMap: plan.optionMap };
  } catch {
    return none;
  }
}

/** A failure as the page shows it: for a file (a gazetteer), each problem with its line and column. */
export function ingestFailure(e: unknown): Failure {
  if (e instanceof ParleyError)
    return {
      message: e.message,
      ...(e.issues[0]?.code ? { code: e.issues[0].code } : {}),
      ...(e.file
        ? {
            file: e.file,
            issues: e.issues.map((i) => ({
              message: i.message,
              ...(i.line !== undefined ? { line: i.line, column: i.column ?? 1 } : {}),
              ...(i.path?.length ? { at: formatPath(i.path) } : {}),
            })),
          }
        : {}),
    };
  return { message: e instanceof Error ? e.message : String(e) };
}

/** The built-in gazetteer with a user's file on top (its errors: a ParleyError naming the file, line and column). */
export function userGazetteer(builtIn: Gazetteer, user: UserGazetteer): { gazetteer: Gazetteer; info: GazetteerInfo } {
  const { gazetteer: extra, locate } = readGazetteer(user.text, user.file);
  const merged = mergeGazetteers(builtIn, extra, { file: user.file, locate });
  const actorIds = new Set(builtIn.actors.map((a) => a.id));
  const topicIds = new Set(builtIn.topics.map((t) => t.id));
  const titles = new Set(builtIn.titles);
  return {
    gazetteer: merged,
    info: {
      file: user.file,
      added: extra.actors.filter((a) => !actorIds.has(a.id)).map((a) => a.name),
      replaced: extra.actors.filter((a) => actorIds.has(a.id)).map((a) => a.name),
      topicsAdded: extra.topics.filter((t) => !topicIds.has(t.id)).map((t) => t.label),
      topicsReplaced: extra.topics.filter((t) => topicIds.has(t.id)).map((t) => t.label),
      titles: extra.titles.filter((t) => !titles.has(t)).length,
    },
  };
}
