/**
 * Draft: coded events -> a parley/1 scenario for an analyst to correct.
 *
 * - Options: an actor's own moves (it proposes, offers, threatens, agrees to,
 *   refuses, holds back or keeps up T) become option "<actor>_<T>" of that
 *   actor; what an actor demands or wants of another becomes an option of the
 *   actor the demand is aimed at (or of whoever already has an option on T,
 *   or of the one actor with an option that T rules out).
 * - Decision makers: the actors that control at least one option.
 * - Preferences (option prioritization, most important first): X demands or
 *   wants T -> "T" for X; X refuses T -> "!T"; X agrees to, proposes, offers
 *   or keeps up T -> "T" (weaker); X threatens Y with T -> "!T" for Y.
 *   Negation and "lift"/"end to" turn a statement around. Conditions become
 *   conditional statements: "T before C" -> if C then T; "T only after C"
 *   -> if T then C; "T if C" -> if C then T; a threat "T unless C" -> if !C
 *   then T. Statements are ordered by confidence x modality x kind.
 * - Constraints: topics that exclude each other for one actor (a ceasefire
 *   and an offensive) -> an infeasible combination.
 * - Status quo: an action the article says is under way is taken (Y); all
 *   else, including what was put on hold, is not (N).
 * Every element carries `sources` ("<article>:<start>-<end> (sentence n,
 * confidence c)", offsets into the original input) and a note quoting the
 * first sentence it came from.
 */
import type { ScenarioFile } from "../format/schema.js";
import { FORMAT } from "../format/schema.js";
import type { Gazetteer, TopicEntry } from "./gazetteer.js";
import type { ActorSummary, CodedEvent, Modality, Sentence } from "./types.js";

/** Candidate states grow as 2^options; a draft stays small enough to analyse at once. */
export const MAX_DRAFT_OPTIONS = 16;

export interface DraftSource {
  sentence: number;
  start: number;
  end: number;
  confidence: number;
}

/** One proposed element of the draft, for review (accept or reject) and for the evaluation. */
export interface DraftElement {
  /** A stable key: "dm:ru", "option:ru_ceasefire", "pref:eu:if ua_talks then ru_ceasefire", "constraint:ru_ceasefire & ru_offensive", "statusquo:ru_offensive". */
  key: string;
  kind: "decisionMaker" | "option" | "preference" | "constraint" | "statusQuo";
  confidence: number;
  sources: DraftSource[];
  /** The element in words. */
  text: string;
}

export interface Draft {
  scenario: ScenarioFile;
  elements: DraftElement[];
  warnings: string[];
}

interface OptionAcc {
  id: string;
  dm: string;
  topic: string;
  label: string;
  sources: DraftSource[];
  taken: boolean;
  support: number;
  /** Labelled only from moves named by a noun with their actors. */
  byNoun: boolean;
}

interface StatementAcc {
  dm: string;
  key: string;
  value: string | { if: string; then: string };
  score: number;
  sources: DraftSource[];
  text: string;
}

const MODALITY_WEIGHT: Record<Modality, number> = { insisted: 1, announced: 0.9, stated: 0.9, hinted: 0.6, "on-hold": 0.6, unlikely: 0.4 };
const OWN_MOVES = new Set(["propose", "offer", "threaten", "refuse", "agree", "hold", "act"]);

export function sourceString(article: string, s: DraftSource): string {
  return `${article}:${s.start}-${s.end} (sentence ${s.sentence + 1}, confidence ${s.confidence.toFixed(2)})`;
}

/** Reads back a source written by `sourceString`; undefined for any other source. */
export function parseSourceString(text: string): ({ article: string } & DraftSource) | undefined {
  const m = /^(.*):(\d+)-(\d+) \(sentence (\d+), confidence ([0-9.]+)\)$/.exec(text);
  if (!m) return undefined;
  return { article: m[1], start: Number(m[2]), end: Number(m[3]), sentence: Number(m[4]) - 1, confidence: Number(m[5]) };
}

/** `notes`: what the coding read but did not code (reported beliefs, …), kept as limitations. */
export function draftScenario(
  events: CodedEvent[],
  actors: ActorSummary[],
  sentences: Sentence[],
  g: Gazetteer,
  article: string,
  title?: string,
  notes: string[] = [],
): Draft {
  const warnings: string[] = [...notes];
  const topics = new Map(g.topics.map((t) => [t.id, t]));
  const options = new Map<string, OptionAcc>();
  const src = (e: CodedEvent): DraftSource => ({ sentence: e.sentence, start: e.span.start, end: e.span.end, confidence: e.confidence });
  const optionFor = (dm: string, topic: string, label: string, e: CodedEvent): OptionAcc => {
    const id = `${dm}_${topic}`;
    let o = options.get(id);
    if (!o) {
      o = { id, dm, topic, label, sources: [], taken: false, support: 0, byNoun: Boolean(e.byNoun) };
      options.set(id, o);
    } else if (o.byNoun && !e.byNoun) {
      // A verb names the move better than a list of parties ("talks between A and B").
      o.label = label;
      o.byNoun = false;
    }
    addSource(o.sources, src(e));
    o.support += e.confidence;
    return o;
  };
  const controllerOf = (topic: string, preferred: (string | undefined)[], not?: string): string | undefined => {
    for (const p of preferred) if (p && p !== not && options.has(`${p}_${topic}`)) return p;
    for (const o of options.values()) if (o.topic === topic && o.dm !== not) return o.dm;
    return undefined;
  };

  // Options: own moves first, then demands and aims aimed at others.
  for (const e of events)
    if (OWN_MOVES.has(e.kind)) {
      const o = optionFor(e.source, e.topic, e.topicLabel, e);
      // Under way: an action stated, not denied, hedged or made to wait for something ("would resume talks once …", "… if …");
      // "continue the offensive until …" is under way.
      const waits = e.condition?.kind === "if" || e.condition?.kind === "after" || e.hypothetical || e.nominal;
      if (e.kind === "act" && !e.negated && !e.inverse && !waits && (e.modality === "stated" || e.modality === "announced" || e.modality === "insisted"))
        o.taken = true;
    }
  /** The addressee a demand leaves implied: the one actor with an option the demanded topic rules out (a ceasefire: whoever presses the offensive). */
  const opposedBy = (topic: string, not: string): string | undefined => {
    const excluded = new Set(topics.get(topic)?.excludes ?? []);
    for (const t of g.topics) if (t.excludes?.includes(topic)) excluded.add(t.id);
    const dms = new Set([...options.values()].filter((o) => excluded.has(o.topic) && o.dm !== not).map((o) => o.dm));
    return dms.size === 1 ? [...dms][0] : undefined;
  };
  const controllers = new Map<CodedEvent, string | undefined>();
  for (const e of events) {
    if (OWN_MOVES.has(e.kind)) {
      controllers.set(e, e.source);
      continue;
    }
    const c =
      e.target ??
      (e.own ? e.source : undefined) ??
      controllerOf(e.topic, [], e.source) ??
      opposedBy(e.topic, e.source) ??
      (e.kind === "aim" ? e.source : undefined);
    controllers.set(e, c);
    if (c) optionFor(c, e.topic, e.topicLabel, e);
    else
      warnings.push(`sentence ${e.sentence + 1}: ${e.source} ${e.kind}s '${e.topicLabel.toLowerCase()}' but the article does not say of whom; no option made`);
  }

  // A condition that names who would act ("unless Moscow agrees to a ceasefire") is that actor's option.
  for (const e of events)
    if (e.condition?.actor && !(e.negated && e.kind !== "refuse")) {
      const t = topics.get(e.condition.topic);
      if (t) optionFor(e.condition.actor, t.id, e.condition.label ?? t.label, e);
    }

  // Keep the best-supported options when there are too many to analyse.
  if (options.size > MAX_DRAFT_OPTIONS) {
    const ranked = [...options.values()].sort((a, b) => b.support - a.support);
    for (const o of ranked.slice(MAX_DRAFT_OPTIONS)) {
      options.delete(o.id);
      warnings.push(`option ${o.id} left out: a draft keeps the ${MAX_DRAFT_OPTIONS} best-supported options`);
    }
  }

  // Preference statements.
  const statements = new Map<string, StatementAcc>();
  const say = (dm: string, value: StatementAcc["value"], score: number, e: CodedEvent) => {
    const key = typeof value === "string" ? value : `if ${value.if} then ${value.then}`;
    const id = `${dm}:${key}`;
    const s = statements.get(id);
    if (s) {
      s.score = Math.max(s.score, score);
      addSource(s.sources, src(e));
    } else statements.set(id, { dm, key, value, score, sources: [src(e)], text: key });
  };
  for (const e of events) {
    const c = controllers.get(e);
    if (!c) continue;
    const opt = `${c}_${e.topic}`;
    if (!options.has(opt)) continue;
    // "if the US imposes tariffs, …": the move is the condition of another, no stance of its own.
    if (e.hypothetical) continue;
    // "talks between A and B", "Kabul's freeing of prisoners" name who acts, not what anyone wants.
    if (e.byNoun) continue;
    // "unlikely to accept" reads as a refusal; negation and "an end to" turn the stance around.
    const doubt = e.modality === "unlikely" && (e.kind === "agree" || e.kind === "propose" || e.kind === "offer" || e.kind === "act");
    const sign = (e.negated ? -1 : 1) * (e.inverse ? -1 : 1) * (doubt ? -1 : 1);
    const lit = (positive: boolean) => (positive ? opt : `!${opt}`);
    const score = e.confidence * MODALITY_WEIGHT[e.modality];
    /** What the source wants of the option. */
    const own = e.kind === "refuse" ? lit(sign < 0) : e.kind === "threaten" || e.kind === "hold" ? opt : lit(sign > 0);
    switch (e.kind) {
      case "demand":
      case "aim":
        if (sign > 0 || e.kind === "aim" || e.inverse) say(e.source, own, score * (e.kind === "aim" ? 0.9 : 1), e);
        break;
      case "refuse":
        say(e.source, own, score * (sign > 0 ? 1 : 0.5), e);
        break;
      case "agree":
      case "propose":
        say(e.source, own, score * 0.8, e);
        break;
      case "offer":
      case "act":
        say(e.source, own, score * 0.6, e);
        break;
      case "threaten":
        if (sign > 0 && e.target && e.target !== e.source) say(e.target, `!${opt}`, score * 0.8, e);
        break;
      case "hold":
        break;
    }
    if (e.condition && !(e.negated && e.kind !== "refuse" && e.condition.kind !== "after")) {
      const cc = e.condition.actor ?? controllerOf(e.condition.topic, [e.target, c, e.source]);
      const copt = cc ? `${cc}_${e.condition.topic}` : undefined;
      if (!copt || !options.has(copt)) {
        warnings.push(`sentence ${e.sentence + 1}: condition '${e.condition.text}' names no option of the draft; left out`);
        continue;
      }
      const C = e.condition.inverse ? `!${copt}` : copt;
      const k = e.condition.kind;
      let value: { if: string; then: string } | undefined;
      if (k === "before") value = { if: C, then: own };
      else if (k === "after") value = { if: opt, then: C };
      else if (k === "if" && e.kind !== "refuse") value = { if: C, then: own };
      else if (k === "unless") value = e.kind === "refuse" ? { if: opt, then: C } : { if: negate(C), then: own };
      if (value && value.if.replace(/^!/, "") !== value.then.replace(/^!/, "")) say(e.source, value, score * 1.05, e);
    }
  }

  // Decision makers: actors with options, in order of first mention.
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const order = actors.map((a) => a.id);
  const dmIds = [...new Set([...options.values()].map((o) => o.dm))].sort((a, b) => rank(order, a) - rank(order, b));
  for (const a of actors)
    if (!dmIds.includes(a.id) && a.mentions >= 2) warnings.push(`${a.name} is mentioned ${a.mentions} times but controls no option in the draft`);

  const optionText = (id: string) => {
    const o = options.get(id.replace(/^!/, ""));
    return o ? `${names.get(o.dm) ?? o.dm}: ${o.label.toLowerCase()}` : id;
  };
  const elements: DraftElement[] = [];
  const cite = (sources: DraftSource[]) => ({
    sources: sources.map((s) => sourceString(article, s)),
    note: `From: "${clip(sentences[sources[0].sentence]?.text ?? "")}"`,
  });
  const conf = (sources: DraftSource[]) => Math.max(...sources.map((s) => s.confidence));

  // Contradictions: keep the better-supported of "x" and "!x".
  for (const s of [...statements.values()]) {
    if (typeof s.value !== "string") continue;
    const other = statements.get(`${s.dm}:${s.key.startsWith("!") ? s.key.slice(1) : `!${s.key}`}`);
    if (other && statements.has(`${s.dm}:${s.key}`) && other.score > s.score) {
      statements.delete(`${s.dm}:${s.key}`);
      warnings.push(`${names.get(s.dm) ?? s.dm}: '${s.key}' and '${other.key}' both found; kept '${other.key}', which the article supports more`);
    }
  }

  const decisionMakers: ScenarioFile["decisionMakers"] = [];
  const preferences: ScenarioFile["preferences"] = {};
  for (const dm of dmIds) {
    const own = [...options.values()].filter((o) => o.dm === dm);
    const dmSources = mergeSources(own.flatMap((o) => o.sources));
    decisionMakers.push({
      id: dm,
      name: names.get(dm) ?? dm,
      options: own.map((o) => ({ id: o.id, label: o.label, ...cite(o.sources) })),
      sources: dmSources.map((s) => sourceString(article, s)),
    });
    elements.push({ key: `dm:${dm}`, kind: "decisionMaker", confidence: conf(dmSources), sources: dmSources, text: names.get(dm) ?? dm });
    for (const o of own)
      elements.push({ key: `option:${o.id}`, kind: "option", confidence: conf(o.sources), sources: o.sources, text: `${names.get(dm) ?? dm}: ${o.label}` });
    const list = [...statements.values()].filter((s) => s.dm === dm).sort((a, b) => b.score - a.score);
    if (list.length === 0) {
      preferences[dm] = [
        { statement: "true", assumption: `The article states no preference of ${names.get(dm) ?? dm}: every state ties until you add statements.` },
      ];
      continue;
    }
    preferences[dm] = list.map((s) =>
      typeof s.value === "string" ? { statement: s.value, ...cite(s.sources) } : { if: s.value.if, then: s.value.then, ...cite(s.sources) },
    );
    for (const s of list) {
      const lit = (x: string) => `${x.startsWith("!") ? "not " : ""}${optionText(x)}`;
      const words = typeof s.value === "string" ? lit(s.value) : `if ${lit(s.value.if)} then ${lit(s.value.then)}`;
      elements.push({
        key: `pref:${dm}:${s.key}`,
        kind: "preference",
        confidence: conf(s.sources),
        sources: s.sources,
        text: `${names.get(dm) ?? dm} prefers: ${words}`,
      });
    }
  }

  // Constraints from topics that exclude each other.
  const infeasible: NonNullable<ScenarioFile["infeasible"]> = [];
  for (const o of options.values()) {
    const t: TopicEntry | undefined = topics.get(o.topic);
    for (const x of t?.excludes ?? []) {
      const other = options.get(`${o.dm}_${x}`);
      if (!other || (o.taken && other.taken)) continue;
      const condition = `${o.id} & ${other.id}`;
      const sources = mergeSources([...o.sources, ...other.sources]);
      infeasible.push({
        condition,
        note: `${t!.label} rules out: ${topics.get(x)?.label.toLowerCase() ?? x}.`,
        sources: sources.map((s) => sourceString(article, s)),
      });
      elements.push({
        key: `constraint:${condition}`,
        kind: "constraint",
        confidence: conf(sources),
        sources,
        text: `${names.get(o.dm) ?? o.dm} cannot ${t!.label.toLowerCase()} and ${topics.get(x)?.label.toLowerCase() ?? x} at once`,
      });
    }
  }

  const statusQuo: Record<string, "Y" | "N"> = {};
  for (const o of options.values()) {
    statusQuo[o.id] = o.taken ? "Y" : "N";
    if (o.taken)
      elements.push({ key: `statusquo:${o.id}`, kind: "statusQuo", confidence: conf(o.sources), sources: o.sources, text: `Today: ${optionText(o.id)}` });
  }

  // Moves implied by a role are in the draft but are no events the article reports (roles.ts).
  const implied = events.filter((e) => e.implied).length;
  const reported = events.length - implied;
  const scenario: ScenarioFile = {
    format: FORMAT,
    name: title?.trim() ? title.trim() : `Draft from ${article}`,
    description: `Drafted by parley ingest from ${article}: ${sentences.length} sentences, ${reported} events coded${implied ? `, ${implied} move${implied === 1 ? "" : "s"} implied by a role` : ""}. Review every element: sources give the character offsets of the sentences each came from, and a confidence.`,
    decisionMakers,
    ...(infeasible.length ? { infeasible } : {}),
    statusQuo,
    preferences,
    ...(warnings.length ? { limitations: warnings } : {}),
  };
  return { scenario, elements, warnings };
}

function negate(literal: string): string {
  return literal.startsWith("!") ? literal.slice(1) : `!${literal}`;
}

function rank(order: string[], id: string): number {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
}

function addSource(list: DraftSource[], s: DraftSource): void {
  const same = list.find((x) => x.sentence === s.sentence);
  if (same) same.confidence = Math.max(same.confidence, s.confidence);
  else list.push({ ...s });
}

function mergeSources(list: DraftSource[]): DraftSource[] {
  const out: DraftSource[] = [];
  for (const s of list) addSource(out, s);
  return out.sort((a, b) => a.sentence - b.sentence);
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > 160 ? `${one.slice(0, 157)}...` : one;
}
