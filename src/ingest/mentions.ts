/**
 * Actor mentions, pass 1: the explicit ones. Actor names, people,
 * "<adjective|Country's> <title>" ("the Russian leader", "Ukraine's foreign
 * minister"), bare adjectives, and capitalised names the gazetteer does not
 * know, each with a confidence by the strength of the evidence.
 */
import { principal, type Gazetteer } from "./gazetteer.js";
import type { Mention, MentionKind, Token } from "./types.js";

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

const NOT_NAMES = new Set(
  "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec. i mr mrs ms dr the a an but and or if when after before in on at".split(
    " ",
  ),
);

/** Endings of adjectives and common plurals ("diplomatic", "regional", "negotiators"). */
const COMMON_SHAPE = /(ic|al|ous|ive|ful|less|ary|ory|able|ions|ers|ors|ists|ants|ents)$/;

/** The word at t is capitalised somewhere else in the text, not at a sentence's start. */
function capitalisedElsewhere(tokens: Token[], t: number): boolean {
  const lower = tokens[t].lower;
  return tokens.some((x, k) => k !== t && x.lower === lower && /^\p{Lu}/u.test(x.value) && k > 0 && tokens[k - 1].sentence === x.sentence);
}

/** Words that make a demonym a region's ("South American"). */
const REGION_WORDS = new Set(["south", "north", "east", "west", "central", "latin", "southern", "northern", "eastern", "western"]);

/** Plural nouns for groups of people, capitalised only when they open a sentence ("Delegations representing …", "Mediators are …"). */
const GROUP_NOUNS = new Set(
  "delegations delegates mediators negotiators officials diplomats envoys leaders ministers lawmakers legislators representatives rebels insurgents militants protesters demonstrators analysts critics observers sources authorities troops soldiers forces parties sides residents".split(
    " ",
  ),
);

const HYPHEN_PREFIXES = new Set(["inter", "intra", "pan", "trans", "anti", "pro", "non", "post", "pre", "neo", "sub", "afro", "euro", "ex"]);

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
export function explicitMentions(text: string, tokens: Token[], g: Gazetteer, unknown: Map<string, string>): Mention[] {
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
      // "Inter-American", "pan-African": a prefix makes another word.
      if (text[at - 1] === "-" && HYPHEN_PREFIXES.has(/([A-Za-z]+)-$/.exec(text.slice(Math.max(0, at - 12), at))?.[1]?.toLowerCase() ?? "")) continue;
      const r = tokenRange(tokens, at, end);
      if (r) each(r[0], r[1]);
    }
  };
  /** A title right after token `t` ("Russian leader", "Russia's foreign minister"): its last token. */
  const titleAfter = (t: number): { last: number; title: string } | undefined => {
    let k = t + 1;
    if (tokens[k]?.value === "'s" || tokens[k]?.value === "’s" || tokens[k]?.value === "'") k++;
    // "governments" is the title "government": words or their lemmas.
    // A title belongs to its name's sentence: a dateline "ISTANBUL" is not the title of "Mediators" below it.
    const fits = (x: string, i: number) =>
      tokens[k + i] !== undefined && tokens[k + i].sentence === tokens[t].sentence && (tokens[k + i].lower === x || tokens[k + i].lemma === x);
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
      // "South American", "North African": a region, not the country.
      if (first === last && REGION_WORDS.has(tokens[first - 1]?.lower ?? "")) return;
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
    // "the Maduro government in Barbados": the title has its own name before it; the place is only where.
    if (at >= 2 && /^\p{Lu}/u.test(tokens[at - 2].value) && tokens[at - 2].sentence === m.sentence) continue;
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
    const opensSentence = t === 0 || tokens[t - 1].sentence !== tokens[t].sentence;
    if (t === e && opensSentence && GROUP_NOUNS.has(tokens[t].lower)) continue;
    // "Diplomatic pressure on Israel …": a word shaped like an adjective or a common plural, capitalised only because it
    // opens the sentence and nowhere else in the text, is no name.
    if (t === e && opensSentence && COMMON_SHAPE.test(tokens[t].lower) && !capitalisedElsewhere(tokens, t)) continue;
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
  "representatives",
  "delegates",
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

export function mention(tokens: Token[], text: string, actor: string, kind: MentionKind, first: number, last: number, person?: string): Mention {
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
