/**
 * Understand: sentences, tokens and actor mentions.
 *
 * Sentences, tokens, parts of speech, lemmas and negation come from wink-nlp
 * with its English "lite web" model (it ships the model; no network). Actors
 * are found with the gazetteer, in two passes:
 * 1. explicit mentions (mentions.ts): actor names, people,
 *    "<adjective|Country's> <title>" ("the Russian leader", "Ukraine's
 *    foreign minister"), bare adjectives, and capitalised names the
 *    gazetteer does not know;
 * 2. coreference, in reading order (coreference.ts): "he"/"she" -> the last
 *    person mentioned (of that gender when known), "they" -> the last plural
 *    group, "the president" -> the last person with that title; and here,
 *    beside the quotation marks the tokens carry, "we"/"I" inside a
 *    quotation -> its speaker (the mention next to a verb of saying).
 * This is rule-based resolution in the spirit of Lappin & Leass (1994,
 * "An algorithm for pronominal anaphora resolution"), reduced to recency and
 * agreement; confidences fall with the strength of the evidence.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { originalSpan } from "./clean.js";
import { anaphor, resolveCoreference } from "./coreference.js";
import type { Gazetteer } from "./gazetteer.js";
import { CONFIDENCE, explicitMentions } from "./mentions.js";
import type { CleanText, Mention, Sentence, Token } from "./types.js";

type Nlp = ReturnType<typeof winkNLP>;
let nlpInstance: Nlp | undefined;
/** One wink-nlp instance, made on first use (loading the model takes a moment). */
function nlp(): Nlp {
  nlpInstance ??= winkNLP(model);
  return nlpInstance;
}

export interface Understood {
  sentences: Sentence[];
  tokens: Token[];
  mentions: Mention[];
  /** Names the gazetteer does not know: id -> the name as written. */
  unknownNames: Map<string, string>;
}

const OPEN_QUOTES = new Set(["“", "‘‘", "«"]);
const CLOSE_QUOTES = new Set(["”", "’’", "»"]);
const SPEECH = new Set([
  "announce",
  "say",
  "tell",
  "add",
  "stress",
  "insist",
  "warn",
  "write",
  "declare",
  "state",
  "argue",
  "note",
  "claim",
  "tweet",
  "post",
  "reply",
  "respond",
  "explain",
]);
const WE = new Set(["we", "us", "our", "ours", "i", "me", "my"]);

export function understand(clean: CleanText, g: Gazetteer): Understood {
  const doc = nlp().readDoc(clean.text);
  const its = nlp().its;
  const values = doc.tokens().out(its.value) as string[];
  const lemmas = doc.tokens().out(its.lemma as never) as unknown as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  const sentenceOf: number[] = new Array(values.length).fill(0);
  const sentences: Sentence[] = [];
  doc.sentences().each((s: { out(f: unknown): unknown }) => {
    const [a, b] = s.out(its.span) as unknown as [number, number];
    for (let t = a; t <= b; t++) sentenceOf[t] = sentences.length;
    sentences.push({ index: sentences.length, start: 0, end: 0, span: { start: 0, end: 0 }, text: "" });
  });
  // Character offsets: wink-nlp is lossless, so each token is found in order.
  let cursor = 0;
  const docIndex: number[] = []; // wink token index -> our token index (-1 for white space)
  let quoted = false;
  for (let t = 0; t < values.length; t++) {
    const v = values[t];
    if (pos[t] === "SPACE") {
      docIndex.push(-1);
      if (v.includes("\n")) quoted = false;
      continue;
    }
    let at = clean.text.indexOf(v, cursor);
    if (at < 0 || at - cursor > 40) at = cursor;
    cursor = at + v.length;
    let isQuoted = quoted;
    if (v === '"' || v === "''" || v === "``") {
      quoted = !quoted;
      isQuoted = true;
    } else if (OPEN_QUOTES.has(v)) {
      quoted = true;
      isQuoted = true;
    } else if (CLOSE_QUOTES.has(v)) {
      quoted = false;
      isQuoted = true;
    }
    docIndex.push(tokens.length);
    tokens.push({
      value: v,
      lower: v.toLowerCase(),
      lemma: (lemmas[t] ?? v).toLowerCase(),
      pos: pos[t],
      start: at,
      end: at + v.length,
      sentence: sentenceOf[t],
      quoted: isQuoted,
    });
  }
  for (const s of sentences) {
    const own = tokens.filter((t) => t.sentence === s.index);
    if (own.length === 0) continue;
    s.start = own[0].start;
    s.end = own[own.length - 1].end;
    s.text = clean.text.slice(s.start, s.end);
    s.span = originalSpan(clean, s.start, s.end);
  }
  const kept = sentences.filter((s) => s.text.trim() !== "");
  const renumber = new Map(kept.map((s, i) => [s.index, i]));
  kept.forEach((s, i) => (s.index = i));
  for (const t of tokens) t.sentence = renumber.get(t.sentence) ?? 0;

  const unknownNames = new Map<string, string>();
  const explicit = peopleByTitle(explicitMentions(clean.text, tokens, g, unknownNames), tokens, unknownNames);
  const mentions = reportedSubjects(tokens, resolveSpeakers(tokens, resolveCoreference(tokens, explicit, g)));
  return { sentences: kept, tokens, mentions, unknownNames };
}

// ---------------------------------------------------------------------------
// quotations: who speaks

/** "we"/"I" inside a quotation: the speaker, the mention next to a verb of saying right after or before the quotation. */
function resolveSpeakers(tokens: Token[], mentions: Mention[]): Mention[] {
  const out = [...mentions];
  const mentionAt = new Map<number, Mention>();
  for (const m of mentions) for (let t = m.first; t <= m.last; t++) mentionAt.set(t, m);
  let t = 0;
  while (t < tokens.length) {
    if (!tokens[t].quoted) {
      t++;
      continue;
    }
    const start = t;
    while (t < tokens.length && tokens[t].quoted && !(t > start && isClosing(tokens[t]))) t++;
    const end = Math.min(t, tokens.length - 1);
    t = end + 1;
    const speaker = speakerOf(tokens, mentionAt, start, end);
    if (!speaker) continue;
    for (let k = start; k <= end; k++) if (tokens[k].pos === "PRON" && WE.has(tokens[k].lower)) out.push(anaphor(tokens, speaker, "speaker", k, k));
  }
  return out.sort((a, b) => a.first - b.first);
}

/** Pronouns a report may open with: "Iran has said it will not return …" (it = Iran). */
const REPORTED_PRONOUNS = new Set(["it", "they", "he", "she"]);

/**
 * "X (has) said (that) it / they / he / she …": the pronoun that opens what
 * was said is X, the subject of the verb of saying (speaker attribution); it
 * replaces whatever recency resolved it to.
 */
function reportedSubjects(tokens: Token[], mentions: Mention[]): Mention[] {
  const at = new Map<number, Mention>();
  for (const m of mentions) for (let t = m.first; t <= m.last; t++) at.set(t, m);
  const out = [...mentions];
  for (let t = 1; t < tokens.length; t++) {
    const p = tokens[t];
    if (p.pos !== "PRON" || p.quoted || !REPORTED_PRONOUNS.has(p.lower)) continue;
    let v = t - 1;
    if (tokens[v].lower === "that") {
      v--;
      // "said in a statement that it …", "said on Twitter that …": past a short phrase after the verb.
      for (let j = v; j >= Math.max(0, v - 4) && !SPEECH.has(tokens[v].lemma); j--)
        if (SPEECH.has(tokens[j].lemma) && tokens[j].pos === "VERB") v = j;
        else if (!["ADP", "DET", "NOUN", "PROPN", "ADJ"].includes(tokens[j].pos)) break;
    }
    if (v < 0 || !SPEECH.has(tokens[v].lemma) || tokens[v].pos !== "VERB") continue;
    const subject = subjectBefore(tokens, at, v - 1);
    if (!subject || subject.kind === "adjective" || subject.sentence !== p.sentence) continue;
    const i = out.findIndex((m) => m.first === t);
    const resolved = anaphor(tokens, subject, "pronoun", t, t);
    if (i >= 0) out[i] = resolved;
    else out.push(resolved);
  }
  return out.sort((a, b) => a.first - b.first);
}

/**
 * The subject that ends at token `k`, before a verb: past auxiliaries and adverbs ("has long said"), a clause set off by
 * commas (", which took office in January,"), to a mention, or to the possessor of a noun phrase ("Iran's clerical establishment").
 */
function subjectBefore(tokens: Token[], at: Map<number, Mention>, k: number): Mention | undefined {
  const sentence = tokens[k + 1]?.sentence;
  const inside = (j: number) => j >= 0 && tokens[j].sentence === sentence;
  while (inside(k) && (tokens[k].pos === "AUX" || tokens[k].pos === "ADV")) k--;
  if (inside(k) && tokens[k].value === ",") {
    let j = k - 1;
    while (inside(j) && k - j < 16 && tokens[j].value !== ",") j--;
    if (inside(j) && tokens[j].value === ",") k = j - 1;
  }
  if (at.has(k)) return at.get(k);
  for (let j = k; inside(j) && k - j < 4; j--) {
    if (tokens[j].value === "'s" || tokens[j].value === "’s") return at.get(j - 1);
    if (tokens[j].pos !== "NOUN" && tokens[j].pos !== "ADJ") return undefined;
  }
  return undefined;
}

function isClosing(t: Token): boolean {
  return t.value === '"' || CLOSE_QUOTES.has(t.value);
}

function speakerOf(tokens: Token[], mentionAt: Map<number, Mention>, start: number, end: number): Mention | undefined {
  // After: `," Putin said` / `," said the Russian leader` / `," he told reporters`.
  let verb = false;
  for (let k = end + 1; k < Math.min(tokens.length, end + 9); k++) {
    if (tokens[k].quoted) break;
    if (SPEECH.has(tokens[k].lemma)) verb = true;
    const m = mentionAt.get(k);
    if (m && (verb || (k + 1 < tokens.length && SPEECH.has(tokens[m.last + 1]?.lemma ?? "")))) return m;
    if (tokens[k].value === "." && k > end + 1) break;
  }
  // Before: `Putin said: "..."`.
  for (let k = start - 1; k >= Math.max(0, start - 12); k--) {
    if (tokens[k].quoted || tokens[k].sentence !== tokens[start].sentence) break;
    if (SPEECH.has(tokens[k].lemma)) {
      for (let j = k - 1; j >= Math.max(0, k - 6); j--) {
        const m = mentionAt.get(j);
        if (m) return m;
      }
    }
  }
  return undefined;
}

/**
 * A person the article named with a title ("Canadian Minister of Foreign
 * Affairs Chrystia Freeland", "FDP's leader Christian Lindner") is that
 * actor's when named again, by full name or surname ("Freeland"), where the
 * gazetteer does not know the name. An acronym in brackets after a name
 * ("the Free Democratic Party (FDP)") is that name's actor wherever it is
 * used.
 */
function peopleByTitle(mentions: Mention[], tokens: Token[], unknown: Map<string, string>): Mention[] {
  const out = [...mentions].sort((a, b) => a.first - b.first);
  // "the Free Democratic Party (FDP)": the acronym stands for the name before it.
  const acronyms = new Map<string, string>();
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i];
    const b = out[i + 1];
    if (b.kind !== "unknown-name" || !/^[A-Z][A-Za-z]{1,5}$/.test(b.text) || a.actor === b.actor) continue;
    // Its first letter is the name's ("Free Democratic Party (FDP)"; not "Alternative for Germany (AfD)" for Germany alone).
    if (tokens[a.last + 1]?.value === "(" && b.first === a.last + 2 && tokens[b.last + 1]?.value === ")" && b.text[0] === a.text.replace(/^the\s+/i, "")[0]) {
      acronyms.set(b.actor, a.actor);
      unknown.delete(b.actor);
    }
  }
  for (let i = 0; i < out.length; i++) {
    const alias = acronyms.get(out[i].actor);
    if (alias) out[i] = { ...out[i], actor: alias };
  }
  // A name right after a title mention, not yet part of it: that title's person.
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i];
    const b = out[i + 1];
    if (a.kind === "title" && b.kind === "unknown-name" && b.first === a.last + 1 && b.sentence === a.sentence && b.text.includes(" "))
      out[i + 1] = { ...b, actor: a.actor, kind: "person", person: b.text, confidence: CONFIDENCE.person * 0.9 };
  }
  const known = new Map<string, { actor: string; person: string }>();
  for (const m of out) {
    const person = m.kind === "title" ? m.person : m.kind === "person" && unknown.has(m.text.toLowerCase().replace(/[^a-z0-9]+/g, "_")) ? m.person : undefined;
    if (!person || !/^\p{Lu}/u.test(person) || !person.includes(" ")) continue;
    const p = { actor: m.actor, person };
    known.set(person, p);
    known.set(person.split(" ").at(-1) ?? person, p);
  }
  // "Juan Guaido" … "Guaido": a surname alone is the person named in full before (names of two or three proper nouns).
  const surnames = new Map<string, string>();
  for (const [id, written] of unknown) {
    const words = written.split(" ");
    if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) continue;
    if (!surnames.has(words[words.length - 1])) surnames.set(words[words.length - 1], id);
  }
  const merged = out.map((m) => {
    const p = m.kind === "unknown-name" ? known.get(m.text) : undefined;
    if (p) return { ...m, actor: p.actor, kind: "person" as const, person: p.person, confidence: CONFIDENCE.person * 0.9 };
    // "Maduro's government" after "Nicolas Maduro": the same actor, whatever the mention's kind.
    const written = unknown.get(m.actor);
    const full = written && !written.includes(" ") ? surnames.get(written) : undefined;
    if (!full || full === m.actor) return m;
    return m.kind === "unknown-name" ? { ...m, actor: full, kind: "alias" as const, confidence: CONFIDENCE.alias * 0.9 } : { ...m, actor: full };
  });
  for (const [id, written] of [...unknown]) if (!written.includes(" ") && surnames.has(written) && surnames.get(written) !== id) unknown.delete(id);
  return merged;
}
