/**
 * Understand: sentences, tokens and actor mentions.
 *
 * Sentences, tokens, parts of speech, lemmas and negation come from wink-nlp
 * with its English "lite web" model (it ships the model; no network). Actors
 * are found with the gazetteer, in two passes:
 * 1. explicit mentions: actor names, people, "<adjective|Country's> <title>"
 *    ("the Russian leader", "Ukraine's foreign minister"), bare adjectives,
 *    and capitalised names the gazetteer does not know;
 * 2. coreference, in reading order: "he"/"she" -> the last person mentioned
 *    (of that gender when known), "they" -> the last plural group, "the
 *    president" -> the last person with that title, and "we"/"I" inside a
 *    quotation -> its speaker (the mention next to a verb of saying).
 * This is rule-based resolution in the spirit of Lappin & Leass (1994,
 * "An algorithm for pronominal anaphora resolution"), reduced to recency and
 * agreement; confidences fall with the strength of the evidence.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { originalSpan } from "./clean.js";
import { principal, type Gazetteer } from "./gazetteer.js";
import type { CleanText, Mention, MentionKind, Sentence, Token } from "./types.js";

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

export const CONFIDENCE: Record<MentionKind, number> = {
  name: 0.95,
  alias: 0.9,
  person: 0.9,
  title: 0.75,
  adjective: 0.6,
  pronoun: 0.65,
  speaker: 0.8,
  "unknown-name": 0.5,
};

const OPEN_QUOTES = new Set(["“", "‘‘", "«"]);
const CLOSE_QUOTES = new Set(["”", "’’", "»"]);
const SPEECH = new Set([
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
const NOT_NAMES = new Set(
  "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december i mr mrs ms dr the a an but and or if when after before in on at".split(
    " ",
  ),
);

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
  const explicit = explicitMentions(clean.text, tokens, g, unknownNames);
  const mentions = resolveCoreference(tokens, explicit, g);
  return { sentences: kept, tokens, mentions, unknownNames };
}

// ---------------------------------------------------------------------------
// pass 1: explicit mentions

interface Phrase {
  text: string;
  lower: string;
  actor: string;
  /** The gazetteer entry named (the actor may be another one it acts for). */
  own: string;
  kind: MentionKind;
  person?: string;
  titles?: string[];
  gender?: "m" | "f";
}

function phrasesOf(g: Gazetteer): { names: Phrase[]; adjectives: Phrase[] } {
  const names: Phrase[] = [];
  const adjectives: Phrase[] = [];
  for (const a of g.actors) {
    const actor = principal(g, a.id);
    for (const n of new Set([a.name, ...(a.names ?? [])])) names.push({ text: n, lower: n.toLowerCase(), actor, own: a.id, kind: "name" });
    for (const adj of a.adjectives ?? []) adjectives.push({ text: adj, lower: adj.toLowerCase(), actor, own: a.id, kind: "adjective" });
    for (const p of a.people ?? []) {
      for (const n of new Set([p.name, ...(p.aliases ?? [])]))
        names.push({ text: n, lower: n.toLowerCase(), actor, own: a.id, kind: "person", person: p.name, titles: p.titles, gender: p.gender });
    }
  }
  names.sort((x, y) => y.text.length - x.text.length);
  adjectives.sort((x, y) => y.text.length - x.text.length);
  return { names, adjectives };
}

/** Whether text[at..] spells `p` with the capitals it requires (so "us" is not "US"). */
function casingFits(text: string, at: number, p: Phrase): boolean {
  const words = p.text.split(/(\s+)/);
  let k = at;
  for (const w of words) {
    const got = text.slice(k, k + w.length);
    if (/^\p{Lu}{2,}/u.test(w) && got !== w) return false;
    if (/^\p{Lu}/u.test(w) && !/^\p{Lu}/u.test(got)) return false;
    k += w.length;
  }
  return true;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Token range covering the characters [start, end). */
function tokenRange(tokens: Token[], start: number, end: number): [number, number] | undefined {
  let first = -1;
  let last = -1;
  // Binary search for the first token ending after start.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let t = lo; t < tokens.length && tokens[t].start < end; t++) {
    if (first < 0) first = t;
    last = t;
  }
  return first < 0 ? undefined : [first, last];
}

function explicitMentions(text: string, tokens: Token[], g: Gazetteer, unknown: Map<string, string>): Mention[] {
  const lower = text.toLowerCase();
  const taken = new Uint8Array(tokens.length);
  const out: Mention[] = [];
  const { names, adjectives } = phrasesOf(g);
  const titles = [...g.titles].sort((a, b) => b.length - a.length);
  const titleWords = new Set([...g.titles, ...TITLE_WORDS].flatMap((x) => x.toLowerCase().split(/\s+/)));
  // A capitalised topic ("the Indus Waters Treaty") is not an actor.
  const cueTexts = new Set(g.topics.flatMap((x) => x.cues.map((c) => c.toLowerCase())));

  const claim = (first: number, last: number) => {
    for (let t = first; t <= last; t++) if (taken[t]) return false;
    for (let t = first; t <= last; t++) taken[t] = 1;
    return true;
  };
  const findAll = (p: Phrase, each: (first: number, last: number) => void) => {
    for (let at = lower.indexOf(p.lower); at >= 0; at = lower.indexOf(p.lower, at + 1)) {
      const end = at + p.lower.length;
      if (isWordChar(text[at - 1]) || isWordChar(text[end]) || !casingFits(text, at, p)) continue;
      const r = tokenRange(tokens, at, end);
      if (r) each(r[0], r[1]);
    }
  };
  /** A title right after token `t` ("Russian leader", "Russia's foreign minister"): its last token. */
  const titleAfter = (t: number): { last: number; title: string } | undefined => {
    let k = t + 1;
    if (tokens[k]?.value === "'s" || tokens[k]?.value === "’s" || tokens[k]?.value === "'") k++;
    // "governments" is the title "government": words or their lemmas.
    const fits = (x: string, i: number) => tokens[k + i] !== undefined && (tokens[k + i].lower === x || tokens[k + i].lemma === x);
    for (const title of titles) {
      const w = title.toLowerCase().split(/\s+/);
      if (w.every(fits)) return { last: k + w.length - 1, title };
    }
    return undefined;
  };
  /** The person holding `title` for the entry named ("Finland's president" -> Stubb, not another president of the allies). */
  const personWithTitle = (own: string, title: string): string | undefined => {
    for (const p of g.actors.find((a) => a.id === own)?.people ?? []) if (p.titles?.includes(title)) return p.name;
    return undefined;
  };

  for (const p of names)
    findAll(p, (first, last) => {
      const title = p.kind === "name" ? titleAfter(last) : undefined;
      if (title && claim(first, title.last)) {
        const person = personWithTitle(p.own, title.title);
        out.push(mention(tokens, text, p.actor, "title", first, title.last, person ?? title.title));
      } else if (claim(first, last)) {
        out.push({ ...mention(tokens, text, p.actor, p.kind, first, last, p.person), ...(p.gender ? {} : {}) });
      }
    });
  for (const p of adjectives)
    findAll(p, (first, last) => {
      const title = titleAfter(last);
      if (title) {
        if (claim(first, title.last)) out.push(mention(tokens, text, p.actor, "title", first, title.last, personWithTitle(p.own, title.title) ?? title.title));
      } else if (claim(first, last)) out.push(mention(tokens, text, p.actor, "adjective", first, last));
    });

  // "Officials in Asmara", "diplomats from Kigali": people with a title, placed in an actor's capital, act for it.
  for (const m of out) {
    const at = m.first - 1;
    if (m.kind !== "name" && m.kind !== "alias") continue;
    if (!["in", "from"].includes(tokens[at]?.lower ?? "") || at < 1 || taken[at - 1] || tokens[at - 1].sentence !== m.sentence) continue;
    const t = tokens[at - 1];
    const title = g.titles.find((x) => !x.includes(" ") && (x === t.lower || x === t.lemma.toLowerCase()));
    if (!title) continue;
    taken[at - 1] = taken[at] = 1;
    Object.assign(m, { kind: "title", first: at - 1, person: title, confidence: CONFIDENCE.title, text: text.slice(t.start, tokens[m.last].end) });
  }
  // A name right after a title mention is that person's ("Valdoria's prime minister Ostrava"): part of the mention.
  for (const m of out) {
    if (m.kind !== "title") continue;
    let e = m.last;
    while (e + 1 < tokens.length && !taken[e + 1] && isCapitalisedName(tokens[e + 1], titleWords) && tokens[e + 1].sentence === m.sentence) e++;
    if (e === m.last) continue;
    for (let t = m.last + 1; t <= e; t++) taken[t] = 1;
    m.person = tokens
      .slice(m.last + 1, e + 1)
      .map((x) => x.value)
      .join(" ");
    m.last = e;
    m.text = text.slice(tokens[m.first].start, tokens[e].end);
  }
  // Capitalised names the gazetteer does not know: a run of capitalised words with a proper noun among them
  // ("African Union"), joined by "of" / "for" ("Association of Southeast Asian Nations").
  for (let t = 0; t < tokens.length; t++) {
    if (taken[t] || !isCapitalisedWord(tokens[t], titleWords)) continue;
    const e = nameRunEnd(tokens, t, taken, titleWords);
    // "Thai officials", "the Cambodian army": the adjective of a country already met, as the gazetteer's adjectives are read.
    const demonymOf = t === e ? demonym(tokens[t].value, unknown) : undefined;
    if (demonymOf) {
      const title = titleAfter(t);
      if (title && claim(t, title.last)) out.push(mention(tokens, text, demonymOf, "title", t, title.last, title.title));
      else if (claim(t, t)) out.push(mention(tokens, text, demonymOf, "adjective", t, t));
      continue;
    }
    if (!tokens.slice(t, e + 1).some((x) => isCapitalisedName(x, titleWords))) continue;
    const written = tokens
      .slice(t, e + 1)
      .map((x) => x.value)
      .join(" ");
    if (cueTexts.has(written.toLowerCase())) {
      t = e;
      continue;
    }
    const id = written
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "");
    if (id === "" || !/^[a-z]/.test(id)) {
      t = e;
      continue;
    }
    unknown.set(id, unknown.get(id) ?? written);
    // "Cambodia's defence minister": one mention, as for the gazetteer's names.
    const title = titleAfter(e);
    if (title && claim(t, title.last)) {
      out.push(mention(tokens, text, id, "title", t, title.last, title.title));
      t = title.last;
      continue;
    }
    claim(t, e);
    out.push(mention(tokens, text, id, "unknown-name", t, e));
    t = e;
  }
  return out.sort((a, b) => a.first - b.first);
}

/** Words of office that are capitalised before a name but are not names ("President", "Prime Minister"). */
const TITLE_WORDS = [
  "president",
  "prime",
  "minister",
  "secretary",
  "general",
  "chancellor",
  "king",
  "queen",
  "sheikh",
  "envoy",
  "foreign",
  "defence",
  "defense",
  "vice",
  "state",
  "senator",
  "ambassador",
  "commander",
  "spokesman",
  "spokeswoman",
];

/** A capitalised word that may be part of a name (an adjective or noun like "African", "Union", as well as a proper noun). */
function isCapitalisedWord(t: Token, titleWords: Set<string>): boolean {
  return (t.pos === "PROPN" || t.pos === "ADJ" || t.pos === "NOUN") && /^\p{Lu}/u.test(t.value) && !NOT_NAMES.has(t.lower) && !titleWords.has(t.lower);
}

/** The last token of the name starting at `t`: capitalised words, and "of" / "for" (with "the") between two of them. */
function nameRunEnd(tokens: Token[], t: number, taken: Uint8Array, titleWords: Set<string>): number {
  const sentence = tokens[t].sentence;
  const ok = (k: number) => k < tokens.length && !taken[k] && tokens[k].sentence === sentence && isCapitalisedWord(tokens[k], titleWords);
  let e = t;
  for (;;) {
    if (ok(e + 1)) {
      e++;
      continue;
    }
    const link = tokens[e + 1]?.lower === "of" || tokens[e + 1]?.lower === "for" ? e + 1 : -1;
    if (link < 0 || taken[link]) break;
    const next = tokens[link + 1]?.lower === "the" ? link + 2 : link + 1;
    if (!ok(next)) break;
    e = next;
  }
  return e;
}

/** The unknown actor an adjective names ("Thai" -> Thailand, "Cambodian" -> Cambodia), by the adjective's stem; at least four letters in common. */
function demonym(word: string, unknown: Map<string, string>): string | undefined {
  const w = word.toLowerCase();
  const stems = [w, ...["ian", "ese", "ish", "an", "i", "n"].filter((x) => w.endsWith(x)).map((x) => w.slice(0, -x.length))];
  for (const [id, written] of unknown) {
    const name = written.toLowerCase();
    if (name.includes(" ") || name === w) continue;
    if (stems.some((st) => st.length >= 4 && name.startsWith(st))) return id;
  }
  return undefined;
}

function isCapitalisedName(t: Token, titleWords: Set<string>): boolean {
  return t.pos === "PROPN" && /^\p{Lu}/u.test(t.value) && !NOT_NAMES.has(t.lower) && !titleWords.has(t.lower);
}

function mention(tokens: Token[], text: string, actor: string, kind: MentionKind, first: number, last: number, person?: string): Mention {
  return {
    actor,
    kind,
    ...(person ? { person } : {}),
    first,
    last,
    sentence: tokens[first].sentence,
    text: text.slice(tokens[first].start, tokens[last].end),
    confidence: CONFIDENCE[kind],
  };
}

// ---------------------------------------------------------------------------
// pass 2: coreference in reading order

const HE = new Set(["he", "him", "his", "himself"]);
const SHE = new Set(["she", "her", "hers", "herself"]);
const THEY = new Set(["they", "them", "their", "themselves"]);
const WE = new Set(["we", "us", "our", "ours", "i", "me", "my"]);
const PLURAL = /(s|forces|leaders|allies|officials|people)$/i;

function resolveCoreference(tokens: Token[], explicit: Mention[], g: Gazetteer): Mention[] {
  const genderOf = new Map<string, "m" | "f">();
  const titlesOf = new Map<string, string[]>();
  for (const a of g.actors)
    for (const p of a.people ?? []) {
      if (p.gender) genderOf.set(p.name, p.gender);
      titlesOf.set(p.name, p.titles ?? []);
    }
  const byFirst = new Map(explicit.map((m) => [m.first, m]));
  const out: Mention[] = [];
  const persons: Mention[] = []; // people and titled mentions, in order
  const plurals: Mention[] = [];
  const titleWords = [...g.titles].sort((a, b) => b.length - a.length);
  // Antecedents: the nearest one earlier in the same sentence; else, in the nearest earlier sentence
  // with one, the first (left to right, as in Hobbs 1978: subjects come first).
  const recent = (list: Mention[], t: number, ok: (m: Mention) => boolean) => {
    const here = tokens[t].sentence;
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i];
      if (m.sentence !== here) break;
      if (ok(m)) return m;
    }
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i];
      if (m.sentence === here || !ok(m)) continue;
      if (here - m.sentence > 3) return undefined;
      let first = m;
      for (let j = i - 1; j >= 0 && list[j].sentence === m.sentence; j--) if (ok(list[j])) first = list[j];
      return first;
    }
    return undefined;
  };
  for (let t = 0; t < tokens.length; t++) {
    const m = byFirst.get(t);
    if (m) {
      out.push(m);
      if (m.kind === "person" || (m.kind === "title" && !PLURAL.test(m.text))) persons.push(m);
      else if (m.kind !== "adjective" && PLURAL.test(m.text)) plurals.push(m);
      t = m.last;
      continue;
    }
    const w = tokens[t].lower;
    if (tokens[t].pos === "PRON" && !tokens[t].quoted && (HE.has(w) || SHE.has(w))) {
      const gender = HE.has(w) ? "m" : "f";
      const ref = recent(persons, t, (p) => !p.person || !genderOf.has(p.person) || genderOf.get(p.person) === gender);
      if (ref) out.push(anaphor(tokens, ref, "pronoun", t, t));
      continue;
    }
    if (tokens[t].pos === "PRON" && !tokens[t].quoted && THEY.has(w)) {
      const ref = recent(plurals, t, () => true);
      if (ref) out.push({ ...anaphor(tokens, ref, "pronoun", t, t), confidence: 0.55 });
      continue;
    }
    // "the president", "the foreign minister": the last person with that title.
    if (w === "the" && t + 1 < tokens.length) {
      const rest = tokens.slice(t + 1, t + 4).map((x) => x.lower);
      const title = titleWords.find((x) =>
        x
          .toLowerCase()
          .split(/\s+/)
          .every((y, i) => rest[i] === y),
      );
      if (title && !PLURAL.test(title)) {
        const last = t + title.split(/\s+/).length;
        const ref = recent(persons, t, (p) => (p.person ? (titlesOf.get(p.person) ?? [p.person]).includes(title) : false));
        if (ref) {
          const a = anaphor(tokens, ref, "title", t, last);
          out.push(a);
          persons.push(a);
          t = last;
        }
      }
    }
  }
  return resolveSpeakers(tokens, out);
}

function anaphor(tokens: Token[], ref: Mention, kind: MentionKind, first: number, last: number): Mention {
  return {
    actor: ref.actor,
    kind,
    ...(ref.person ? { person: ref.person } : {}),
    first,
    last,
    sentence: tokens[first].sentence,
    text: tokens
      .slice(first, last + 1)
      .map((x) => x.value)
      .join(" "),
    confidence: Math.min(ref.confidence, CONFIDENCE[kind]),
  };
}

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
