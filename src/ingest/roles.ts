/**
 * Moves implied by a role rather than named by a verb (issue 17). Reporters
 * often say who holds a move without a verb for it:
 *
 * - a mediator's move is to keep mediating: "Egyptian and Qatari mediators",
 *   "the mediation of the Kingdom of Norway", "under Norwegian auspices",
 *   "an EU-brokered deal". A mediator that does something else in the same
 *   sentence ("Qatari mediators proposed a truce") is left to that move;
 * - a party whose answer is awaited holds the next move on the proposal on the
 *   table: "mediators are awaiting Israel's response", "we are waiting for the
 *   Israeli response", "the ball is now in Israel's court". The proposal is
 *   the last one the article has another party accept or put forward.
 *
 * - a deal said to be signed with no one signing it ("if new & fair NAFTA
 *   agreement is signed", "once a deal is reached") is signed by the parties
 *   to the talks: those the article has in talks, else the parties listed as
 *   the subject of the first sentence that speaks of the talks ("The U.S.,
 *   Canada and Mexico announced progress … in NAFTA talks").
 *
 * These are moves spoken of, not under way, and say nothing of what anyone
 * prefers (as moves named by a noun: joint.ts).
 */
import type { TopicEntry } from "./gazetteer.js";
import { nounMove } from "./joint.js";
import { nounPhrase, textOf, verbOf } from "./labels.js";
import { type Cue, findTopic, type Heads } from "./topics.js";
import type { Understood } from "./understand.js";
import type { CodedEvent, Mention, Token } from "./types.js";

const MEDIATOR_NOUNS = new Set(["mediator", "mediators"]);
const ANSWER_NOUNS = new Set(["response", "reply", "answer", "decision", "verdict"]);
/** Words that may join a list of mediators ("Egyptian and Qatari mediators"). */
const LIST_JOINERS = new Set(["and", ",", "the"]);

/** Role moves in the sentence [sFirst, sLast]; `earlier` are the events coded so far (this sentence's included). */
export function roleMoves(
  u: Understood,
  topics: TopicEntry[],
  mentionAt: Map<number, Mention>,
  earlier: CodedEvent[],
  sFirst: number,
  sLast: number,
): CodedEvent[] {
  const tokens = u.tokens;
  const sentence = tokens[sFirst].sentence;
  const actingHere = new Set(earlier.filter((e) => e.sentence === sentence && !e.byNoun).map((e) => e.source));
  const out: CodedEvent[] = [];
  const mediation = topics.find((t) => t.id === "mediation");
  for (let i = sFirst; i <= sLast; i++) {
    if (mediation) {
      for (const m of mediatorsAt(tokens, mentionAt, i, sFirst, sLast)) {
        if (actingHere.has(m.actor) || out.some((e) => e.source === m.actor && e.topic === mediation.id)) continue;
        out.push({ ...nounMove(u, tokens[i], mediation, mediation.label, m), implied: true });
      }
    }
    const awaited = awaitedAt(tokens, mentionAt, i, sLast);
    if (awaited) {
      const proposal = lastProposal(earlier, awaited.actor, sentence);
      const topic = proposal && topics.find((t) => t.id === proposal.topic);
      if (topic && !out.some((e) => e.source === awaited.actor)) out.push({ ...nounMove(u, tokens[i], topic, "Accept the proposal", awaited), implied: true });
    }
  }
  return out;
}

/** The mentions a mediator word at i names: "X and Y mediators", "mediation of X", "under X auspices", "X-brokered". */
function mediatorsAt(tokens: Token[], mentionAt: Map<number, Mention>, i: number, sFirst: number, sLast: number): Mention[] {
  const t = tokens[i];
  const after = (k: number) => (tokens[k]?.lower === "the" ? mentionAt.get(k + 1) : mentionAt.get(k));
  if (MEDIATOR_NOUNS.has(t.lower)) {
    // "Qatari mediators" is one title mention; "Egyptian and" before it adds Egypt.
    const own = mentionAt.get(i);
    return [...(own ? [own] : []), ...listBefore(tokens, mentionAt, own ? own.first - 1 : i - 1, sFirst)];
  }
  if (t.lower === "mediation" || t.lower === "auspices") {
    if ((tokens[i + 1]?.lower === "of" || tokens[i + 1]?.lower === "by") && i + 2 <= sLast) {
      const m = after(i + 2);
      return m ? [m] : [];
    }
    const m = mentionAt.get(i - 1);
    return m && m.kind !== "unknown-name" ? [m] : [];
  }
  if (t.lower === "brokered") {
    if (tokens[i - 1]?.value === "-") {
      const m = mentionAt.get(i - 2);
      return m ? [m] : [];
    }
    if (tokens[i + 1]?.lower === "by") {
      const m = after(i + 2);
      return m ? [m] : [];
    }
  }
  return [];
}

/** Mentions listed right before position `from`, walking back over "and", commas and "the". */
function listBefore(tokens: Token[], mentionAt: Map<number, Mention>, from: number, sFirst: number): Mention[] {
  const out: Mention[] = [];
  let j = from;
  while (j >= sFirst) {
    const m = mentionAt.get(j);
    if (m) {
      out.push(m);
      j = m.first - 1;
    } else if (LIST_JOINERS.has(tokens[j].lower)) j--;
    else break;
  }
  return out;
}

/** The actor whose answer is awaited at i: "awaiting X's response", "waiting for the X response", "in X's court". */
function awaitedAt(tokens: Token[], mentionAt: Map<number, Mention>, i: number, sLast: number): Mention | undefined {
  const t = tokens[i];
  const possessive = (k: number) => tokens[k]?.value === "'s" || tokens[k]?.value === "’s" || tokens[k]?.value === "’" || tokens[k]?.value === "'";
  // "the ball is in Israel's court" (or "yard", "courtyard").
  if (["court", "yard", "courtyard"].includes(t.lower) && possessive(i - 1) && tokens[i - 3]?.lower === "in") return mentionAt.get(i - 2);
  let k: number;
  if (t.lemma === "await") k = i + 1;
  else if ((t.lemma === "wait" || t.lower === "waiting") && tokens[i + 1]?.lower === "for") k = i + 2;
  else return undefined;
  if (tokens[k]?.lower === "the") k++;
  const m = mentionAt.get(k);
  if (!m || m.last + 2 > sLast) return undefined;
  const noun = possessive(m.last + 1) ? tokens[m.last + 2] : tokens[m.last + 1];
  return noun && ANSWER_NOUNS.has(noun.lower) ? m : undefined;
}

/** The last proposal another party accepted or put forward, up to this sentence, on a topic the gazetteer knows. */
function lastProposal(earlier: CodedEvent[], awaited: string, sentence: number): CodedEvent | undefined {
  for (let k = earlier.length - 1; k >= 0; k--) {
    const e = earlier[k];
    if (e.sentence > sentence || e.source === awaited || !e.knownTopic) continue;
    if (e.kind === "agree" || e.kind === "propose" || e.kind === "offer") return e;
  }
  return undefined;
}

/** Verbs of concluding a deal, by lemma. */
const CONCLUDE = new Set(["sign", "complete", "conclude", "reach", "finalise", "finalize", "strike", "seal"]);
const TALK_WORDS = new Set(["talks", "negotiations", "negotiation", "dialogue"]);

/** "if a new NAFTA deal was completed": the deal, signed by the parties to the talks (after all sentences are coded). */
export function passiveDeals(u: Understood, cues: Cue[], heads: Heads, mentionAt: Map<number, Mention>, events: CodedEvent[]): CodedEvent[] {
  const tokens = u.tokens;
  const out: CodedEvent[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos !== "VERB" || !CONCLUDE.has(t.lemma) || tokens[i - 1].lemma !== "be" || tokens[i + 1]?.lower === "by") continue;
    const from = Math.max(0, i - 8);
    let a = i - 2;
    while (a > from && tokens[a - 1].sentence === t.sentence && !["if", "once", "when", "until", "unless", ",", "that"].includes(tokens[a - 1].lower)) a--;
    const deal = findTopic(tokens, cues, a, i - 2, heads);
    if (deal?.topic.id !== "peace_deal") continue;
    const [p, q] = nounPhrase(tokens, deal.first, deal.last, a);
    const label = `${verbOf(t)} ${textOf(tokens, p, q).replace(/^(a|an|the)\s+/i, "")}`;
    for (const party of talksParties(tokens, mentionAt, events))
      if (!out.some((e) => e.source === party.actor)) out.push({ ...nounMove(u, t, deal.topic, label, party), implied: true });
  }
  return out;
}

/** The parties to the talks: actors the article has in talks, else the listed subject of the first sentence that speaks of talks. */
function talksParties(tokens: Token[], mentionAt: Map<number, Mention>, events: CodedEvent[]): { actor: string; confidence: number }[] {
  const inTalks = [...new Set(events.filter((e) => e.topic === "talks").map((e) => e.source))];
  if (inTalks.length >= 2) return inTalks.map((actor) => ({ actor, confidence: 0.5 }));
  const at = tokens.findIndex((t) => TALK_WORDS.has(t.lower));
  if (at < 0) return [];
  const listed: Mention[] = [];
  let k = tokens.findIndex((t) => t.sentence === tokens[at].sentence);
  for (; k < at; k++) {
    const m = mentionAt.get(k);
    if (m) {
      if (m.kind !== "adjective" && !listed.some((x) => x.actor === m.actor)) listed.push(m);
      k = m.last;
      continue;
    }
    if (!LIST_JOINERS.has(tokens[k].lower)) break;
  }
  return listed.length >= 2 ? listed : [];
}
