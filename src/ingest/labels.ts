/**
 * Option labels from the sentence (issue 17): an option is named for what its
 * decision maker would do, in the article's words where they say it, not
 * only with the gazetteer topic's generic label. For an event on a known
 * topic, in this order:
 *
 * 1. the topic's cue is itself a verb ("agrees to recognise official
 *    documents"): that verb and the noun phrase after it ("Recognise official
 *    documents");
 * 2. a verb of the object before the cue ("demanded that Kabul release all
 *    detainees", "offered to host a new round of talks", "seeking to rejoin
 *    the accord"): that verb and the cue's noun phrase ("Release all
 *    detainees", "Host a new round of talks", "Rejoin the accord"); a verb
 *    that turns the topic around ("lift", "halt") leaves the topic's label;
 * 3. the source's own acceptance or action ("accepted a Gaza ceasefire",
 *    "will resume talks"): the trigger's verb and the noun phrase;
 * 4. the verb of the topic's label and the noun phrase ("Impose" + "new
 *    sanctions", "Join" + "coalition talks"), when the label begins with a
 *    verb that is not itself a cue of the topic;
 * 5. else the topic's label.
 *
 * The noun phrase is the cue with the words that modify it (determiner,
 * adjectives, nouns, a possessor: "Kosovo's official documents") and the
 * nouns that follow it as its head ("ceasefire proposal"), at most six words.
 */
import type { TopicEntry } from "./gazetteer.js";
import { INVERSE } from "./lexicon.js";
import type { EventKind, Mention, Token } from "./types.js";

/** Words the noun phrase does not start with ("any withdrawal" is the withdrawal). */
/** Words that end a noun phrase ("official documents such as …"). */
const STOP_AFTER = new Set(["such", "as", "own"]);
const DROPPED_DETERMINERS = new Set(["any", "such", "some"]);
/** Verbs that carry no move of their own (a cue's noun phrase after them names the move). */
const EMPTY_VERBS = new Set(["be", "have", "do", "make", "get", "say", "see", "give", "reach", "need", "let", "help", "take"]);
/** Actions whose verb names taking part in the topic rather than the topic's own verb ("join talks", "resume talks"). */
const JOINING = new Set([
  "join",
  "lead",
  "host",
  "re-open",
  "reopen",
  "return",
  "resume",
  "continue",
  "keep",
  "attend",
  "enter",
  "rejoin",
  "prolong",
  "intensify",
  "maintain",
  "pursue",
]);

/** Nouns for a proposal, kept in a label ("Endorse the proposal for a ceasefire"). */
const PROPOSAL_WORDS = new Set(["proposal", "plan", "offer", "initiative", "call", "demand", "request"]);

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function isPhraseWord(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.value === "-" || t.value === "'s" || t.value === "’s") return true;
  return t.pos === "ADJ" || t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "NUM" || (t.pos === "VERB" && /(ed|ing)$/.test(t.lower) && t.lower !== "being");
}

/** The noun phrase around a cue [first, last], not before `from`: its first and last token. */
export function nounPhrase(tokens: Token[], first: number, last: number, from: number): [number, number] {
  let a = first;
  while (a - 1 >= from && first - (a - 1) < 4 && isPhraseWord(tokens[a - 1])) a--;
  if (a - 1 >= from && ["a", "an", "the", "its", "their", "his", "her"].includes(tokens[a - 1].lower)) a--;
  while (a <= first && DROPPED_DETERMINERS.has(tokens[a].lower)) a++;
  return [a, phraseEnd(tokens, last, 5 - (last - a), (t) => t.pos === "NOUN")];
}

/** The last token of a phrase from `k`: up to `max` more words that `ok` accepts, hyphenated compounds whole ("face-to-face"). */
function phraseEnd(tokens: Token[], k: number, max: number, ok: (t: Token) => boolean = isPhraseWord): number {
  let b = k;
  const same = (j: number) => j < tokens.length && tokens[j].sentence === tokens[k].sentence;
  while (b - k < max) {
    if (same(b + 2) && tokens[b + 1].value === "-") b += 2;
    else if (same(b + 1) && ok(tokens[b + 1]) && !STOP_AFTER.has(tokens[b + 1].lower)) b++;
    else break;
  }
  return b;
}

export function textOf(tokens: Token[], a: number, b: number): string {
  let s = "";
  for (let k = a; k <= b; k++) s += (k > a && tokens[k].start > tokens[k - 1].end ? " " : "") + tokens[k].value;
  return s.replace(/\s+/g, " ");
}

/** The verb the topic's label begins with ("Impose", "Agree to"), unless it is a cue of the topic itself ("Withdraw", "Release"). */
function labelVerb(topic: TopicEntry, label: string): string | undefined {
  const words = label.split(/\s+/);
  const cueFirst = new Set(topic.cues.map((c) => c.toLowerCase().split(/\s+/)[0]));
  if (words.length < 2 || cueFirst.has(words[0].toLowerCase()) || cueFirst.has(words[0].toLowerCase().replace(/e$/, ""))) return undefined;
  const out = [words[0]];
  if (["to", "at", "with", "on"].includes(words[1]?.toLowerCase())) out.push(words[1]);
  return out.join(" ");
}

export interface LabelContext {
  tokens: Token[];
  mentionAt: Map<number, Mention>;
  topic: TopicEntry;
  /** The topic's label as it would be without the sentence (labelFor). */
  label: string;
  /** The cue's tokens. */
  first: number;
  last: number;
  /** Where the object starts (the trigger's first word after it). */
  objFirst: number;
  /** The object turns the topic around ("lift the sanctions"): the topic's label names the option. */
  inverse: boolean;
  /** The trigger's first token and its kind. */
  trigger: number;
  kind: EventKind;
}

/** The option's label from the sentence, or undefined to keep the topic's own. */
export function sentenceLabel(c: LabelContext): string | undefined {
  const { tokens, mentionAt, topic, label, first, last, objFirst, trigger, kind } = c;
  if (c.inverse) return undefined;
  const cue = tokens[first];
  // 1. The cue is a verb: it and its object's noun phrase.
  // wink tags a bare verb after its subject as a noun at times ("that Kabul release all detainees").
  const subject = mentionAt.get(first - 1);
  const bareVerb =
    cue.pos === "NOUN" && subject !== undefined && subject.kind !== "adjective" && tokens[subject.first - 1]?.lower === "that" && cue.lower === cue.lemma;
  if ((cue.pos === "VERB" || bareVerb) && first === last) {
    let k = last + 1;
    const here = (j: number) => j < tokens.length && tokens[j].sentence === cue.sentence;
    if (here(k) && ["a", "an", "the", "its", "their", "all", "some", "any"].includes(tokens[k].lower)) k++;
    if (here(k) && (isPhraseWord(tokens[k]) || mentionAt.has(k))) return `${verbOf(cue)} ${textOf(tokens, last + 1, phraseEnd(tokens, k, 4))}`;
    // "offered to mediate.": the verb alone says it.
    if (k === last + 1 && (!here(k) || tokens[k].pos === "PUNCT")) return verbOf(cue);
    return undefined;
  }
  const [a, b] = nounPhrase(tokens, first, last, objFirst);
  // "Dialogue between …" at the start of a sentence is "dialogue" in a label.
  const opening = !mentionAt.has(a) && /^\p{Lu}\p{Ll}+$/u.test(tokens[a].value) && (a === 0 || tokens[a - 1].sentence !== tokens[a].sentence);
  const phrase = opening ? lowerFirst(textOf(tokens, a, b)) : textOf(tokens, a, b);
  // 2. A verb of the object that governs the noun phrase (no preposition but "of" between).
  for (let k = a - 1; k >= Math.max(objFirst, a - 6); k--) {
    const t = tokens[k];
    if (mentionAt.has(k)) continue;
    if (t.pos === "ADP" && t.lower !== "of" && !(t.lower === "to" && tokens[k - 1]?.pos === "VERB")) break;
    if (t.pos !== "VERB") continue;
    if (INVERSE.has(t.lower) || INVERSE.has(t.lemma) || EMPTY_VERBS.has(t.lemma)) return undefined;
    return [verbOf(t), textOf(tokens, k + 1, a - 1), phrase].filter(Boolean).join(" ");
  }
  // 3. The source's own acceptance, or its joining, resuming or keeping up a move.
  const tr = tokens[trigger];
  // wink tags some bare infinitives as nouns ("to re-open talks").
  const verbLike = tr.pos === "VERB" || (tr.pos === "NOUN" && tokens[trigger - 1]?.lower === "to");
  if (verbLike && (kind === "agree" || (kind === "act" && JOINING.has(tr.lemma)))) {
    const joined = objFirst > trigger + 1 ? textOf(tokens, trigger + 1, objFirst - 1) : "";
    let prep = tokens[a - 1] && a - 1 >= objFirst && tokens[a - 1].pos === "ADP" && tokens[a - 1].lower !== "of" ? tokens[a - 1].value : "";
    // "endorsed Biden's proposal for a ceasefire": the proposal is what is endorsed.
    if (prep && PROPOSAL_WORDS.has(tokens[a - 2]?.lemma ?? "") && a - 2 >= objFirst) prep = `the ${tokens[a - 2].lower} ${prep}`;
    // "re-open talks with the Maduro government": the other side, when named right after.
    const other = tokens[b + 1]?.lower === "with" ? (tokens[b + 2]?.lower === "the" ? mentionAt.get(b + 3) : mentionAt.get(b + 2)) : undefined;
    const partner = other && other.kind !== "adjective" && other.kind !== "pronoun" ? textOf(tokens, b + 1, other.last) : "";
    return [verbOf(tr), joined, prep, phrase, partner].filter(Boolean).join(" ");
  }
  // 4. The verb of the topic's label with the article's noun phrase.
  const verb = labelVerb(topic, label);
  return verb ? `${verb} ${phrase}` : undefined;
}

/** A verb's lemma as the article spells it ("recognise", not the lemmatiser's "recognize"), capitalised. */
export function verbOf(t: Token): string {
  const lemma = /ize$/.test(t.lemma) && /is(e|es|ed|ing)$/.test(t.lower) ? t.lemma.replace(/ize$/, "ise") : t.lemma;
  return cap(lemma);
}
