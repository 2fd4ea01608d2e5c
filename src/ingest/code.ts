/**
 * Code: events and stances, sentence by sentence.
 *
 * For each verb of the lexicon (lexicon.ts: the trigger), in reading order:
 * 1. the source: the subject of its clause (subjects.ts: not the object of a
 *    preposition or a verb, not inside a relative clause or an apposition);
 *    in the passive, the "by" agent; inside a quotation with no such
 *    mention, the speaker; "X must …" in a quotation is the speaker's demand
 *    of X;
 * 2. the object: the words after it up to a clause boundary; its topic is the
 *    leftmost, longest topic cue of the gazetteer (else its first noun
 *    phrase; topics.ts), its target the first other actor mentioned in it;
 *    words such as "lift" or "end to" before the cue turn the topic around;
 * 3. a condition introduced by before / until / after / once / if / unless,
 *    after the object or in a leading "if" clause;
 * 4. negation (not, n't, never, no longer just before the verb) and modality
 *    from hedges in the clause (hinted, announced, insisted, on hold, unlikely).
 * Words of the object and condition are not read again as triggers, so
 * "demanded that Russia agree to a ceasefire" is one demand, not an agreement.
 * Then moves named by a noun with their actors (joint.ts: "talks between A
 * and B", "Kabul's freeing of prisoners") in words no move has read, and
 * moves implied by a role (roles.ts: a mediator's, an awaited answer's, a
 * deal signed by no one named). Clause boundaries, negation and hedges are
 * read by clauses.ts. Option
 * labels come from the sentence where it says what the actor would do
 * (labels.ts).
 *
 * The kinds map to PLOVER event categories (Halterman et al. 2023, "PLOVER
 * and POLECAT: A new political event ontology and dataset") and CAMEO root
 * codes (Schrodt 2012, "CAMEO Conflict and Mediation Event Observations Event
 * and Actor Codebook", v1.1b3); docs/ingest.md has the table and its reasons.
 */
import type { Gazetteer, TopicEntry } from "./gazetteer.js";
import { CAMEO_ROOTS, categorise, CONDITION_MARKERS, INVERSE, NEGATIONS, PREPOSITIONS, TRIGGERS, type Trigger } from "./lexicon.js";
import { insideCondition, labelFor, NOMINAL_MODALITY, nominalBefore, possessor, ratherThan, reportedBelief } from "./phrasing.js";
import { jointMoves, nominalMoves } from "./joint.js";
import { passiveDeals, roleMoves } from "./roles.js";
import { sentenceLabel } from "./labels.js";
import { clauseEnd, hedge, isAttribution, leadingCondition, negatedBefore } from "./clauses.js";
import { coordinated, nounSubject, participleSubject, passiveAgent, quoteSpeaker, sourceOf } from "./subjects.js";
import { anaphoricTopic, cueWords, findTopic, nounPhraseTopic, splitOpposed, type Cue, type Fallbacks, type Heads } from "./topics.js";
import type { Understood } from "./understand.js";
import type { CodedEvent, Condition, EventKind, Mention, Modality, Token } from "./types.js";

/** `notes` receives what was read but not coded, and why (for the draft's limitations). */
export function codeEvents(u: Understood, g: Gazetteer, notes: string[] = []): CodedEvent[] {
  const cues: Cue[] = g.topics.flatMap((topic) => topic.cues.map((c) => ({ topic, words: cueWords(c) }))).sort((a, b) => b.words.length - a.words.length);
  const topicVerbs = new Map<string, TopicEntry>();
  for (const c of cues) if (c.words.length === 1) topicVerbs.set(c.words[0], c.topic);
  const mentionAt = new Map<number, Mention>();
  for (const m of u.mentions) for (let t = m.first; t <= m.last; t++) if (!mentionAt.has(t) || m.kind !== "adjective") mentionAt.set(t, m);
  const byFirst = [...u.mentions].sort((a, b) => a.first - b.first);

  const events: CodedEvent[] = [];
  const heads: Heads = new Map();
  const fallbacks: Fallbacks = new Map();
  const tokens = u.tokens;
  let sFirst = 0;
  while (sFirst < tokens.length) {
    let sLast = sFirst;
    while (sLast + 1 < tokens.length && tokens[sLast + 1].sentence === tokens[sFirst].sentence) sLast++;
    const consumed = new Uint8Array(sLast - sFirst + 1);
    for (let i = sFirst; i <= sLast; i++) {
      if (consumed[i - sFirst] || mentionAt.has(i)) continue;
      // "…, according to state media": an attribution, not an agreement ("accord") or any other move.
      if (isAttribution(tokens, i)) {
        for (let k = i; k <= clauseEnd(tokens, i + 2, sLast, mentionAt) && k <= sLast; k++) consumed[k - sFirst] = 1;
        continue;
      }
      const hit = matchTrigger(tokens, i, sLast) ?? topicVerb(tokens, i, topicVerbs);
      if (!hit) continue;
      events.push(...codeOne(u, g, cues, mentionAt, byFirst, hit, sFirst, sLast, consumed, heads, fallbacks, notes));
    }
    splitOpposed(events, tokens[sFirst].sentence);
    /** A move no verb of the sentence already gave its source on its topic. */
    const addNew = (e: CodedEvent) => {
      if (!events.some((x) => x.sentence === e.sentence && x.source === e.source && x.topic === e.topic)) events.push(e);
    };
    // "talks between A, B and C": each takes part, unless a verb already made one of them its source.
    for (const e of jointMoves(u, g.topics, mentionAt, sFirst, sLast, consumed)) addNew(e);
    for (const e of nominalMoves(u, cues, heads, mentionAt, sFirst, sLast, consumed)) addNew(e);
    // A mediator's move, and the next move of a party whose answer is awaited (roles.ts): after those, which they read.
    for (const e of roleMoves(u, g.topics, mentionAt, events, sFirst, sLast)) addNew(e);
    sFirst = sLast + 1;
  }
  // A deal said to be signed, by no one: the parties to the talks (roles.ts).
  for (const e of passiveDeals(u, cues, heads, mentionAt, events)) if (!events.some((x) => x.source === e.source && x.topic === e.topic)) events.push(e);
  // A mediator that holds talks in its own right ("after hosting talks", "an EU-brokered deal") has its move already.
  const inTalks = new Set(events.filter((e) => e.topic === "talks" && !e.implied).map((e) => e.source));
  for (let k = events.length - 1; k >= 0; k--) if (events[k].implied && events[k].topic === "mediation" && inTalks.has(events[k].source)) events.splice(k, 1);
  // A name the gazetteer does not know is an actor only if it acts; as a target it is more often a place ("from Gaza").
  const acting = new Set(events.map((e) => e.source));
  for (const e of events) {
    if (e.target && u.unknownNames.has(e.target) && !acting.has(e.target)) delete e.target;
    if (e.condition?.actor && u.unknownNames.has(e.condition.actor) && !acting.has(e.condition.actor)) delete e.condition.actor;
  }
  return events;
}

interface Hit {
  trigger: Trigger;
  /** First and last token of the trigger; for "put * on hold", the object lies between gapStart and gapEnd. */
  first: number;
  last: number;
  gap?: [number, number];
  /** The trigger is itself a topic cue ("withdraw", "meet"). */
  ownTopic?: TopicEntry;
}

function matchTrigger(tokens: Token[], i: number, sLast: number): Hit | undefined {
  const nominal = nominalBefore(tokens, i) !== undefined;
  // "is ready to remove": an adjective of readiness before "to" offers what follows.
  // "ready to resume talks" is left to "resume", a move of its own.
  const readiness = READINESS.has(tokens[i].lower) && tokens[i + 1]?.lower === "to" && !TRIGGERS.some((tr) => tr.words[0] === tokens[i + 2]?.lemma);
  if (!nominal && !readiness && tokens[i].pos !== "VERB" && tokens[i].pos !== "AUX" && !(tokens[i].pos === "NOUN" && i > 0 && tokens[i - 1].lower === "to")) {
    // wink tags some verbs as nouns after a subject ("Russia demands"); accept a noun only right after a mention or "to".
    if (!(tokens[i].pos === "NOUN" && /s$/.test(tokens[i].lower) && i > 0 && tokens[i - 1].pos === "PROPN")) return undefined;
  }
  // "a self-imposed deadline": an adjective, not a move.
  if (tokens[i - 1]?.value === "-" && tokens[i - 2]?.lower === "self") return undefined;
  // A nominalised move's gerund may be tagged a noun and keep its -ing ("the possibility of offering").
  const lemmas = nominal ? [tokens[i].lemma, tokens[i].lower.replace(/ing$/, ""), tokens[i].lower.replace(/ing$/, "e")] : [tokens[i].lemma];
  for (const tr of TRIGGERS) {
    if (!lemmas.includes(tr.words[0])) continue;
    const star = tr.words.indexOf("*");
    if (star < 0) {
      if (tr.words.every((w, k) => k === 0 || (i + k <= sLast && tokens[i + k].lemma === w))) return { trigger: tr, first: i, last: i + tr.words.length - 1 };
      continue;
    }
    const tail = tr.words.slice(star + 1);
    for (let k = i + 1; k <= Math.min(sLast, i + 12); k++) {
      if (tail.every((w, j) => k + j <= sLast && tokens[k + j].lemma === w)) return { trigger: tr, first: i, last: k + tail.length - 1, gap: [i + 1, k - 1] };
    }
  }
  return undefined;
}

const READINESS = new Set(["ready", "prepared", "willing"]);

function topicVerb(tokens: Token[], i: number, topicVerbs: Map<string, TopicEntry>): Hit | undefined {
  const nominal = nominalBefore(tokens, i) !== undefined;
  if (tokens[i].pos !== "VERB" && !nominal) return undefined;
  // "a week of shelling", "the fighting": a gerund after a preposition or determiner names the action, nobody takes it here.
  const before = tokens[i - 1];
  const shortOf = before?.lower === "of" && tokens[i - 2]?.lower === "short"; // "stops short of recognising": a move not made
  if (
    !nominal &&
    !shortOf &&
    before &&
    (before.pos === "DET" || (before.pos === "ADP" && before.lower !== "to") || (PREPOSITIONS.has(before.lower) && before.lower !== "to"))
  )
    return undefined;
  const topic = topicVerbs.get(tokens[i].lemma) ?? topicVerbs.get(tokens[i].lower);
  if (!topic) return undefined;
  return { trigger: { words: [tokens[i].lemma], kind: "act" }, first: i, last: i, ownTopic: topic };
}

function codeOne(
  u: Understood,
  _g: Gazetteer,
  cues: Cue[],
  mentionAt: Map<number, Mention>,
  byFirst: Mention[],
  hit: Hit,
  sFirst: number,
  sLast: number,
  consumed: Uint8Array,
  heads: Heads,
  fallbacks: Fallbacks,
  notes: string[],
): CodedEvent[] {
  const tokens = u.tokens;
  const { trigger } = hit;
  const sentenceNo = tokens[hit.first].sentence + 1;
  // 2. the object and the condition.
  // "rejected what it described as new conditions": the object is what follows "as".
  const w = hit.last + 1;
  const describedAs = !hit.gap && tokens[w]?.lower === "what" && DESCRIBING.has(tokens[w + 2]?.lemma ?? "") && tokens[w + 3]?.lower === "as" && w + 4 <= sLast;
  const [objFirst, objLast0] = hit.gap ?? (describedAs ? [w + 4, clauseEnd(tokens, w + 4, sLast, mentionAt)] : [w, clauseEnd(tokens, w, sLast, mentionAt)]);
  // A leading "if" clause ends at its comma: "if the US imposes tariffs next month, the EU …".
  let objLast = objLast0;
  if (!hit.gap && insideCondition(tokens, sFirst, hit.first))
    for (let k = objFirst; k <= objLast0; k++)
      if (tokens[k].value === ",") {
        objLast = k - 1;
        break;
      }
  // "take countermeasures": a common verb is a move only with a known topic as its direct object
  // ("took office in January seeking to rejoin the accord" is not, and leaves its words to "seeking").
  if (trigger.knownTopicOnly) {
    const direct = findTopic(tokens, cues, objFirst, Math.min(objLast, objFirst + 3), heads);
    if (!direct || tokens.slice(objFirst, direct.first).some((t) => t.pos === "VERB")) return [];
  }
  let condition: Condition | undefined;
  let condRange: [number, number] | undefined;
  /** The condition opened by the marker at k and running to cEnd. */
  const conditionAt = (k: number, cEnd: number, marker: Condition["kind"]): Condition | undefined => {
    const topic = findTopic(tokens, cues, k + 1, cEnd, heads);
    if (!topic) return undefined;
    const actor = firstMention(byFirst, k + 1, cEnd, undefined);
    // "before they would attend the talks": the condition's own words name its move.
    const cLabel = sentenceLabel({
      tokens,
      mentionAt,
      topic: topic.topic,
      label: topic.topic.label,
      first: topic.first,
      last: topic.last,
      objFirst: k + 1,
      trigger: k,
      kind: "act",
      inverse: false,
    });
    // "if Russia does not agree" is "unless Russia agrees".
    const denied = tokens.slice(k + 1, cEnd + 1).some((t) => NEGATIONS.has(t.lemma) || NEGATIONS.has(t.lower));
    // "unless construction stops", "if Corland drops its lawsuit": the condition is the topic's opposite.
    const cInverse = tokens.slice(k + 1, cEnd + 1).some((t, j) => k + 1 + j !== topic.first && (INVERSE.has(t.lemma) || INVERSE.has(t.lower)));
    // "keeps fighting until X" holds while X has not happened; "no talks until X" waits for X.
    const kind0 = tokens[k].lower === "until" ? (negatedBefore(tokens, mentionAt, hit.first, sFirst) ? "after" : "unless") : marker;
    return {
      kind: denied && kind0 === "if" ? "unless" : denied && kind0 === "unless" ? "if" : kind0,
      ...(cInverse ? { inverse: true } : {}),
      topic: topic.topic.id,
      ...(actor ? { actor: actor.actor } : {}),
      // "before they would attend": its subject is a pronoun, resolved or not.
      ...(PRONOUN_SUBJECTS.has(tokens[k + 1]?.lower ?? "") ? { pronoun: true } : {}),
      ...(cLabel ? { label: cLabel } : {}),
      text: textOf(tokens, k, cEnd),
    };
  };
  const scanFrom = hit.gap ? hit.last + 1 : objLast + 1;
  if (scanFrom <= sLast) {
    let k = scanFrom;
    if (tokens[k]?.value === ",") k++;
    if (tokens[k]?.lower === "only") k++;
    const marker = tokens[k] && CONDITION_MARKERS[tokens[k].lower];
    if (marker) {
      const cEnd = clauseEnd(tokens, k + 1, sLast, mentionAt);
      condRange = [k, cEnd];
      condition = conditionAt(k, cEnd, marker);
    }
  }
  // "If the US imposes the tariffs, Canada will retaliate": a leading condition of the clause the trigger is in.
  if (!condition && !insideCondition(tokens, sFirst, hit.first)) {
    const lead = leadingCondition(tokens, sFirst, hit.first);
    if (lead) condition = conditionAt(lead.marker, lead.end, CONDITION_MARKERS[tokens[lead.marker].lower]);
  }
  for (let k = objFirst; k <= objLast; k++) consumed[k - sFirst] = 1;
  if (condRange) for (let k = condRange[0]; k <= condRange[1]; k++) consumed[k - sFirst] = 1;
  for (let k = hit.first; k <= hit.last; k++) consumed[k - sFirst] = 1;

  let topicHit = hit.ownTopic
    ? { topic: hit.ownTopic, first: hit.first, last: hit.first }
    : (findTopic(tokens, cues, objFirst, objLast, heads) ?? anaphoricTopic(tokens, objFirst, objLast, heads));
  // "accepted a proposal by Egyptian and Qatari mediators for a Gaza ceasefire": the proposal is about what the sentence says later.
  let laterTopic = false;
  const proposal = tokens.slice(objFirst, Math.min(objLast, objFirst + 2) + 1).some((t) => PROPOSAL_NOUNS.has(t.lemma));
  if (!topicHit && proposal) {
    // Only in the same phrase: up to a verb, a comma or a relative pronoun ("the plan, which calls for a withdrawal" is not a withdrawal).
    let end = objLast + 1;
    while (
      end <= sLast &&
      tokens[end].pos !== "VERB" &&
      tokens[end].pos !== "AUX" &&
      tokens[end].value !== "," &&
      !["which", "that", "who"].includes(tokens[end].lower)
    )
      end++;
    const later = findTopic(tokens, cues, objLast + 1, end - 1, heads);
    if (later) topicHit = later;
    laterTopic = Boolean(later);
  }
  // "a Gaza ceasefire and prisoner swap proposal": a later "the plan" or "the proposal" is that ceasefire.
  if (topicHit && !hit.ownTopic && (trigger.kind === "agree" || trigger.kind === "propose" || trigger.kind === "offer"))
    for (let k = topicHit.last + 1; k <= Math.min(objLast, topicHit.last + 5); k++)
      if (PROPOSAL_NOUNS.has(tokens[k].lemma)) for (const n of PROPOSAL_NOUNS) heads.set(n, topicHit.topic);
  const knownTopic = Boolean(topicHit);
  let fallback: { id: string; label: string; first: number } | undefined;
  if (!topicHit) {
    fallback = nounPhraseTopic(tokens, mentionAt, objFirst, objLast, trigger.words.filter((w) => w !== "*").join(" "), trigger.kind, fallbacks);
    if (!fallback) return [];
  }
  const inverseBefore = (at: number) => tokens.slice(objFirst, at).some((t) => INVERSE.has(t.lemma) || INVERSE.has(t.lower));
  const inverse = Boolean(trigger.inverse) !== (topicHit ? inverseBefore(topicHit.first) : inverseBefore(fallback!.first));

  // 1. the source; of a nominalised move, its possessor ("Trump's decision to …").
  const quoted = tokens[hit.first].quoted;
  const nominal = nominalBefore(tokens, hit.first);
  // "Borrell said the leaders agreed": a common noun right before the verb is its subject, and names no actor.
  const ownSubject = nominal === undefined && nounSubject(tokens, mentionAt, hit.first, sFirst);
  let source =
    (nominal !== undefined ? possessor(tokens, mentionAt, nominal, sFirst) : undefined) ??
    (ownSubject ? undefined : sourceOf(tokens, mentionAt, byFirst, hit.first, sFirst));
  if (!source && /^(be|been|being|was|were|is|are)$/.test(tokens[hit.first - 1]?.lemma ?? "")) source = passiveAgent(tokens, byFirst, hit.last + 1, sLast);
  // "“The two parties will meet …,” the statement said": a subject of its own, so not the speaker's move.
  if (!source && quoted && !ownSubject) source = quoteSpeaker(tokens, byFirst, hit.first);
  // "Speaking after hosting talks in Brussels, Borrell said …": an opening participle clause has the main clause's subject.
  if (!source && !ownSubject) source = participleSubject(tokens, byFirst, hit.first, sFirst, sLast);
  // "Canada must … treat our farmers better," said in a quotation: the speaker demands it of the subject.
  let addressee: Mention | undefined;
  if (trigger.words[0] === "must" && source) {
    addressee = source;
    source = quoted ? quoteSpeaker(tokens, byFirst, hit.first) : undefined;
    if (source?.actor === addressee.actor) source = undefined;
  }
  if (!source) return [];
  // "The Taliban demanded that Kabul release all detainees before they would attend the talks": a demand's
  // own condition, named by a pronoun, is the demander's move (its price), not the addressee's.
  if (trigger.kind === "demand" && condition?.pronoun && condition.actor !== source.actor) condition = { ...condition, actor: source.actor };
  if (condition) delete condition.pronoun;
  // "Trump believed Putin might …": what one actor believes or hopes another will do is not that actor's move.
  const belief = reportedBelief(tokens, mentionAt, source, sFirst);
  if (belief) {
    notes.push(`sentence ${sentenceNo}: '${textOf(tokens, belief, hit.last)}' reports a belief or hope, not a move; not coded`);
    return [];
  }
  // A move inside a leading "if" / "unless" clause ("if the US imposes tariffs, …") is a condition, not a fact about today.
  const hypothetical = insideCondition(tokens, sFirst, hit.first);
  // "air support rather than deploying troops": the move set aside.
  const setAside = ratherThan(tokens, hit.first);
  // A threat "unless Moscow agrees" is aimed at Moscow when the object names no one.
  const target =
    addressee ??
    firstMention(byFirst, objFirst, objLast, source.actor, tokens) ??
    (trigger.kind === "threaten" && condition?.actor && condition.actor !== source.actor ? { actor: condition.actor } : undefined);

  // 4. negation and modality.
  const negated = negatedBefore(tokens, mentionAt, hit.first, sFirst) || setAside;
  // "will not accept a flood of cheap steel": what is refused is not a move the gazetteer knows, and its words name no one's option.
  if (negated && fallback && (trigger.kind === "agree" || trigger.kind === "aim")) {
    notes.push(
      `sentence ${sentenceNo}: '${textOf(tokens, hit.first, Math.min(objLast, hit.last + 6)).replace(/[,;:]$/, "")}' refuses something that is no known move; not coded`,
    );
    return [];
  }
  const hedged = hedge(tokens, sFirst, sLast, hit.first) ?? (nominal !== undefined ? NOMINAL_MODALITY[tokens[nominal].lemma] : undefined);
  const modality: Modality = trigger.kind === "hold" ? "on-hold" : (hedged ?? trigger.modality ?? "stated");

  const topic = topicHit?.topic;
  const { plover, cameo } = categorise(trigger.kind, Boolean(topic?.hostile), trigger.cameo, topic?.id);
  const sentence = u.sentences[tokens[hit.first].sentence];
  const weight = hit.ownTopic ? 0.75 : trigger.kind === "aim" ? 0.8 : 0.9;
  const event = {
    sentence: sentence.index,
    kind: trigger.kind,
    ...(plover ? { plover } : {}),
    cameo: { code: cameo, name: CAMEO_ROOTS[cameo] },
    source: source.actor,
    ...(target ? { target: target.actor } : {}),
    topic: topic?.id ?? fallback!.id,
    topicLabel: topic
      ? laterTopic
        ? labelFor(topic, tokens, topicHit!.first, topicHit!.last)
        : topicLabelOf(tokens, mentionAt, topic, topicHit!, objFirst, hit.first, trigger.kind, inverse)
      : fallback!.label,
    knownTopic,
    ...(inverse ? { inverse } : {}),
    modality,
    negated,
    quoted,
    ...(condition ? { condition } : {}),
    ...(hypothetical ? { hypothetical } : {}),
    ...(nominal !== undefined ? { nominal: true } : {}),
    ...(!target && (trigger.kind === "aim" || trigger.kind === "demand") && ownInfinitive(tokens, objFirst) ? { own: true } : {}),
    trigger: textOf(tokens, hit.first, hit.last),
    span: sentence.span,
    at: { start: tokens[hit.first].start, end: tokens[hit.last].end },
    confidence: round(source.confidence * weight * (knownTopic ? 1 : 0.75)),
  } as CodedEvent;
  // "Qatari and Egyptian mediators proposed": both act.
  const partner = coordinated(tokens, mentionAt, source, sFirst);
  return partner && partner.actor !== source.actor ? [event, { ...event, source: partner.actor, confidence: round(event.confidence * 0.9) }] : [event];
}

/** Verbs of naming something ("what it described as …"). */
const DESCRIBING = new Set(["describe", "call", "term", "dub", "characterise", "characterize", "see", "regard"]);

const PRONOUN_SUBJECTS = new Set(["they", "it", "he", "she", "we"]);

/** Nouns for a proposal on the table: "the plan" after "a ceasefire proposal" is that proposal. */
const PROPOSAL_NOUNS = new Set(["plan", "proposal", "offer", "initiative", "blueprint", "roadmap"]);

/** "seeking to rejoin the accord", "wants to join the talks": an aim whose object is a bare infinitive is the source's own move. */
function ownInfinitive(tokens: Token[], objFirst: number): boolean {
  return tokens[objFirst]?.lower === "to" && tokens[objFirst + 1]?.pos === "VERB";
}

/** The option's label in the sentence's words (labels.ts), else the topic's. */
function topicLabelOf(
  tokens: Token[],
  mentionAt: Map<number, Mention>,
  topic: TopicEntry,
  cue: { first: number; last: number },
  objFirst: number,
  trigger: number,
  kind: EventKind,
  inverse: boolean,
): string {
  const label = labelFor(topic, tokens, cue.first, cue.last);
  return sentenceLabel({ tokens, mentionAt, topic, label, first: cue.first, last: cue.last, objFirst, trigger, kind, inverse }) ?? label;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function textOf(tokens: Token[], a: number, b: number): string {
  let s = "";
  for (let k = a; k <= b; k++) s += (k > a && tokens[k].start > tokens[k - 1].end ? " " : "") + tokens[k].value;
  return s;
}

/** The first mention of another actor in tokens [a, b]; a place after "in" / "at" ("talks in Doha") is where, not whom. */
function firstMention(byFirst: Mention[], a: number, b: number, not: string | undefined, tokens?: Token[]): Mention | undefined {
  const where = (m: Mention) => tokens !== undefined && m.first > a && (tokens[m.first - 1].lower === "in" || tokens[m.first - 1].lower === "at");
  for (const adjectives of [false, true])
    for (const m of byFirst) {
      if (m.first < a) continue;
      if (m.first > b) break;
      if (m.actor !== not && (adjectives || m.kind !== "adjective") && !where(m)) return m;
    }
  return undefined;
}
