/**
 * Joint moves named by a noun (issue 17): "talks between the CDU, the CSU,
 * the Greens and the FDP", "dialogue between the opposition and the
 * government", "a meeting between Vucic and Kurti". Every actor listed after
 * "between" takes part: each gets the move (talks, or a summit for a
 * meeting), spoken of rather than under way (a noun does not say it is
 * happening today), with a lower confidence than a verb's.
 *
 * The list runs from "between" to the clause's verb, a relative pronoun
 * ("an Afghan delegation that included …") or the sentence's end. A noun
 * inside another move's object or condition ("insisted on a ceasefire before
 * any direct talks between Moscow and Kyiv") is left to that move.
 */
import type { TopicEntry } from "./gazetteer.js";
import { type Cue, findTopic, type Heads } from "./topics.js";
import { CAMEO_ROOTS, categorise } from "./lexicon.js";
import { sentenceLabel } from "./labels.js";
import type { Understood } from "./understand.js";
import type { CodedEvent, Mention, Token } from "./types.js";

/** Nouns of joint moves, by lemma, and the topic each is about. */
const JOINT_NOUNS: Record<string, string> = {
  talk: "talks",
  talks: "talks",
  negotiation: "talks",
  dialogue: "talks",
  consultation: "talks",
  meeting: "summit",
  summit: "summit",
};
const STOP = new Set(["that", "which", "who", "whose", "where", "when", "while", "after", "before", "since", "as", "to", "on", "in", "at"]);
/** Nouns of a rise in something ("an increase in Taliban violence"). */
const RISE_NOUNS = new Set(["increase", "rise", "surge", "upsurge", "escalation", "spike", "uptick"]);
/** How much less sure a move named by a noun is than one named by a verb. */
const NOUN_WEIGHT = 0.7;

/** Joint moves in the sentence [sFirst, sLast]; `consumed` marks words already read as another move's object or condition. */
export function jointMoves(
  u: Understood,
  topics: TopicEntry[],
  mentionAt: Map<number, Mention>,
  sFirst: number,
  sLast: number,
  consumed: Uint8Array,
): CodedEvent[] {
  const tokens = u.tokens;
  const out: CodedEvent[] = [];
  for (let i = sFirst; i <= sLast; i++) {
    const t = tokens[i];
    const topicId = t.pos === "NOUN" || t.pos === "PROPN" ? (JOINT_NOUNS[t.lemma] ?? JOINT_NOUNS[t.lower]) : undefined;
    if (!topicId || consumed[i - sFirst]) continue;
    const topic = topics.find((x) => x.id === topicId);
    if (!topic) continue;
    // "talks between …", "talks in Brussels between …".
    let k = i + 1;
    if (tokens[k]?.lower === "in" && mentionAt.has(k + 1)) k = mentionAt.get(k + 1)!.last + 1;
    if (k > sLast || tokens[k].lower !== "between") continue;
    const parties = partiesAfter(tokens, mentionAt, k + 1, sLast);
    if (parties.length < 2) continue;
    const label =
      sentenceLabel({ tokens, mentionAt, topic, label: topic.label, first: i, last: i, objFirst: i, trigger: i, kind: "act", inverse: false }) ?? topic.label;
    for (const m of parties) out.push(nounMove(u, t, topic, label, m, parties.find((p) => p.actor !== m.actor)!.actor));
    i = k;
  }
  return out;
}

/** The actors listed from `from`: mentions (not bare adjectives) up to the clause's verb, a relative pronoun or the sentence's end; one per actor. */
function partiesAfter(tokens: Token[], mentionAt: Map<number, Mention>, from: number, sLast: number): Mention[] {
  const out: Mention[] = [];
  for (let k = from; k <= sLast; k++) {
    const m = mentionAt.get(k);
    if (m) {
      const next = tokens[m.last + 1];
      // "… and Kurti, Borrell said": the subject of the next clause ends the list.
      const before = tokens[m.first - 1]?.lower === "the" ? tokens[m.first - 2] : tokens[m.first - 1];
      if (out.length >= 2 && before?.value === "," && next && (next.pos === "VERB" || next.pos === "AUX")) break;
      // "its Bavarian sister party CSU": an unknown name before common nouns and another name describes that name.
      let j = m.last + 1;
      while (j <= sLast && (tokens[j].pos === "NOUN" || tokens[j].pos === "ADJ") && !/^\p{Lu}/u.test(tokens[j].value)) j++;
      const modifier = m.kind === "unknown-name" && m.first === m.last && j > m.last + 1 && mentionAt.has(j);
      if (m.kind !== "adjective" && !modifier && !out.some((x) => x.actor === m.actor)) out.push(m);
      k = m.last;
      continue;
    }
    const t = tokens[k];
    if (t.pos === "VERB" || t.pos === "AUX" || STOP.has(t.lower) || [".", ";", ":", "!", "?", "(", ")"].includes(t.value)) break;
  }
  return out;
}

/** Nouns (and gerunds) that name doing something, whose topic may follow "of" ("the freeing of 300 prisoners"). */
function isActionNoun(t: Token): boolean {
  return (t.pos === "NOUN" || t.pos === "VERB") && /(ing|ion|al|ment|ease|ike|ack)$/.test(t.lower);
}

/** Moves named by a noun with their actor, in the sentence [sFirst, sLast], outside what other moves read (`consumed`). */
export function nominalMoves(
  u: Understood,
  cues: Cue[],
  heads: Heads,
  mentionAt: Map<number, Mention>,
  sFirst: number,
  sLast: number,
  consumed: Uint8Array,
): CodedEvent[] {
  const tokens = u.tokens;
  const out: CodedEvent[] = [];
  for (let i = sFirst; i <= sLast; i++) {
    const t = tokens[i];
    if (consumed[i - sFirst] || mentionAt.has(i)) continue;
    // "an increase in Taliban violence": a rise in an actor's hostile action is that actor escalating it.
    const rise = RISE_NOUNS.has(t.lower) && tokens[i + 1]?.lower === "in" ? mentionAt.get(i + 2) : undefined;
    if (rise && rise.last + 1 <= sLast) {
      const what = findTopic(tokens, cues, rise.last + 1, rise.last + 1, heads);
      if (what?.topic.hostile) {
        out.push(nounMove(u, t, what.topic, `Escalate ${tokens[rise.last + 1].lower}`, rise));
        for (let k = i; k <= rise.last + 1; k++) consumed[k - sFirst] = 1;
        continue;
      }
    }
    if (!isActionNoun(t)) continue;
    // The topic: the noun itself ("withdrawal", "release"), else what follows "of" ("the freeing of … prisoners").
    let topic = findTopic(tokens, cues, i, i, heads);
    let last = i;
    if (!topic && tokens[i + 1]?.lower === "of") {
      let e = i + 2;
      while (e <= sLast && e < i + 8 && !mentionAt.has(e) && tokens[e].pos !== "VERB" && tokens[e].pos !== "PUNCT" && tokens[e].lower !== "of") e++;
      topic = findTopic(tokens, cues, i + 2, e - 1, heads);
      last = e - 1;
    }
    // A deal or an agreement named by a noun is a thing, not one actor's move.
    if (!topic || topic.topic.id === "peace_deal") continue;
    const agent = actorOf(tokens, mentionAt, i, sFirst, sLast);
    if (!agent) continue;
    out.push(nounMove(u, t, topic.topic, topic.topic.label, agent));
    for (let k = i; k <= last; k++) consumed[k - sFirst] = 1;
  }
  return out;
}

/** The actor of the action noun at i: its possessor ("Kabul government's freeing"), its "by" agent, or the name right before ("a U.S. troop withdrawal"). */
function actorOf(tokens: Token[], mentionAt: Map<number, Mention>, i: number, sFirst: number, sLast: number): Mention | undefined {
  let k = i - 1;
  while (k >= sFirst && k > i - 4 && (tokens[k].pos === "ADJ" || (tokens[k].pos === "NOUN" && !mentionAt.has(k)))) k--;
  const m = mentionAt.get(k);
  if (tokens[k]?.value === "'s" || tokens[k]?.value === "’s") return mentionAt.get(k - 1);
  if (m && m.kind !== "adjective" && !["of", "on", "against", "to", "with", "from"].includes(tokens[m.first - 1]?.lower ?? "")) return m;
  if (tokens[i + 1]?.lower === "by" && i + 2 <= sLast) {
    const agent = mentionAt.get(i + 2) ?? (tokens[i + 2].lower === "the" ? mentionAt.get(i + 3) : undefined);
    if (agent && agent.kind !== "adjective") return agent;
  }
  return undefined;
}

/**
 * A move named by a noun, as a coded event: stated (not under way), with the
 * noun as its trigger and a lower confidence than a verb's. `target` is the
 * other side of a joint move, when there is one.
 */
export function nounMove(u: Understood, t: Token, topic: TopicEntry, label: string, by: Pick<Mention, "actor" | "confidence">, target?: string): CodedEvent {
  const sentence = u.sentences[t.sentence];
  const { plover, cameo } = categorise("act", Boolean(topic.hostile), undefined, topic.id);
  return {
    sentence: sentence.index,
    kind: "act",
    ...(plover ? { plover } : {}),
    cameo: { code: cameo, name: CAMEO_ROOTS[cameo] },
    source: by.actor,
    ...(target !== undefined ? { target } : {}),
    topic: topic.id,
    topicLabel: label,
    knownTopic: true,
    modality: "stated",
    negated: false,
    quoted: t.quoted,
    nominal: true,
    byNoun: true,
    trigger: t.value,
    span: sentence.span,
    at: { start: t.start, end: t.end },
    confidence: Math.round(by.confidence * NOUN_WEIGHT * 100) / 100,
  };
}
