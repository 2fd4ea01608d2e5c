/**
 * Topics of coded events: the gazetteer's cues found in an object (leftmost,
 * longest; a phrasal verb's particle may come after its object), a definite
 * noun phrase naming a topic met before, or, when no cue fits, a topic made
 * from the object's first noun phrase with a label saying what its
 * controller would do.
 */
import type { TopicEntry } from "./gazetteer.js";
import { INVERSE } from "./lexicon.js";
import type { CodedEvent, EventKind, Mention, Token } from "./types.js";

export interface Cue {
  topic: TopicEntry;
  words: string[];
}

/** Split a cue like words are split by the tokenizer: hyphens and slashes on their own. */
export function cueWords(cue: string): string[] {
  return cue
    .toLowerCase()
    .split(/\s+/)
    .flatMap((w) => w.split(/([-/])/))
    .filter(Boolean);
}

export type Heads = Map<string, TopicEntry>;
/** Topics named after noun phrases so far, by head noun. */
export type Fallbacks = Map<string, { id: string; label: string }>;

/** The leftmost, longest cue in tokens [a, b]; its last word is remembered as a head noun for later "the <noun>". */
export function findTopic(tokens: Token[], cues: Cue[], a: number, b: number, heads: Heads): { topic: TopicEntry; first: number; last: number } | undefined {
  for (let k = a; k <= b; k++)
    for (const c of cues) {
      if (k + c.words.length - 1 > b) continue;
      if (c.words.every((w, j) => sameWord(tokens[k + j], w))) {
        const last = k + c.words.length - 1;
        if (tokens[last].pos === "NOUN" || tokens[last].pos === "PROPN") heads.set(tokens[last].lemma, c.topic);
        return { topic: c.topic, first: k, last };
      }
      const gapEnd = gappedCue(tokens, c, k, b);
      if (gapEnd !== undefined) return { topic: c.topic, first: k, last: gapEnd };
    }
  return undefined;
}

/** A token is a cue word: as written, its lemma, or the lemma of a plural cue ("troop movements" for "troops"). */
function sameWord(t: Token, w: string): boolean {
  return t.lower === w || t.lemma === w || (w.length > 3 && w.endsWith("s") && t.lemma === w.slice(0, -1));
}

/** Particles of phrasal verbs, which may come after the object: "pull the police back". */
const PARTICLES = new Set(["back", "out", "off", "down", "up", "over"]);

/** A two-word cue "<verb> <particle>" with up to three words between ("pull the police back" for "pull back"), from token k. */
function gappedCue(tokens: Token[], c: Cue, k: number, b: number): number | undefined {
  if (c.words.length !== 2 || !PARTICLES.has(c.words[1]) || !sameWord(tokens[k], c.words[0]) || tokens[k].pos !== "VERB") return undefined;
  for (let j = k + 2; j <= Math.min(b, k + 4); j++) if (tokens[j].lower === c.words[1]) return j;
  return undefined;
}

/** A definite noun phrase naming a topic met before ("the treaty" after "the Indus Waters Treaty"). */
export function anaphoricTopic(tokens: Token[], a: number, b: number, heads: Heads): { topic: TopicEntry; first: number; last: number } | undefined {
  for (let k = a + 1; k <= b; k++) {
    const t = tokens[k];
    if (t.pos !== "NOUN" || !heads.has(t.lemma)) continue;
    if (["the", "this", "that", "its", "their"].includes(tokens[k - 1].lower)) return { topic: heads.get(t.lemma)!, first: k, last: k };
  }
  return undefined;
}

/** Nouns that report a move rather than name its topic: "the demand to halt enrichment" is about enrichment. */
/** Heads that name no move of anyone's ("offered a possible option", "accepted the parties", "resume self"): no topic. */
const GENERIC_HEADS = new Set([
  "way",
  "option",
  "self",
  "level",
  "party",
  "progress",
  "step",
  "thing",
  "matter",
  "point",
  "time",
  "sort",
  "kind",
  "lot",
  "part",
  "role",
  "issue",
]);
/** Nouns that measure what follows them: "a level of self-management" is about self-management. */
const MEASURE_NOUNS = new Set(["level", "degree", "form", "measure", "amount", "kind", "sort"]);
const SPEECH_NOUNS = new Set(["demand", "call", "request", "appeal", "idea", "suggestion", "notion", "plea", "proposal", "insistence"]);
/** Adjectives that describe a move without naming what it is ("a new plan" is the plan); classifying ones stay ("a joint patrol"). */
const PASSING_ADJECTIVES = new Set(
  "new fresh further possible immediate full renewed latest final first second third last other more any broader wider major minor formal informal direct indirect urgent quick swift early late".split(
    " ",
  ),
);

/**
 * No known topic: the first noun phrase of the object, without passing
 * adjectives ("a new plan" -> plan, "a joint patrol" -> joint_patrol); a
 * leading "the demand to / call for" is skipped. A later phrase with the same
 * head noun is the same topic ("halt enrichment" after "uranium enrichment").
 */
export function nounPhraseTopic(
  tokens: Token[],
  mentionAt: Map<number, Mention>,
  a: number,
  b: number,
  verb: string,
  kind: EventKind,
  fallbacks: Map<string, { id: string; label: string }>,
): { id: string; label: string; first: number } | undefined {
  const phraseAt = (from: number): { words: Token[]; first: number; next: number } | undefined => {
    let k = from;
    const starts = (t: Token, next: Token | undefined) => t.pos === "NOUN" || (t.pos === "ADJ" && next?.pos === "NOUN");
    while (k <= b && (mentionAt.has(k) || !starts(tokens[k], tokens[k + 1]) || INVERSE.has(tokens[k].lower))) k++;
    if (k > b) return undefined;
    const first = k;
    const words: Token[] = [];
    while (k <= b && words.length < 3 && (tokens[k].pos === "NOUN" || tokens[k].pos === "ADJ") && !mentionAt.has(k)) {
      // "self-management": a hyphenated compound is one word.
      const [x, dash, y] = [tokens[k], tokens[k + 1], tokens[k + 2]];
      if (k + 2 <= b && dash.value === "-" && dash.start === x.end && y.start === dash.end && (y.pos === "NOUN" || y.pos === "ADJ")) {
        words.push({ ...y, value: `${x.value}-${y.value}`, lower: `${x.lower}-${y.lower}`, lemma: `${x.lower}_${y.lemma}`, start: x.start });
        k += 3;
      } else words.push(tokens[k++]);
    }
    return { words, first, next: k };
  };
  const head = (w: Token[]) => [...w].reverse().find((x) => x.pos === "NOUN");
  let np = phraseAt(a);
  if (np && SPEECH_NOUNS.has(head(np.words)?.lemma ?? "") && ["to", "for", "of", "that"].includes(tokens[np.next]?.lower ?? ""))
    np = phraseAt(np.next + 1) ?? np;
  // "an appropriate level of self-management": the measure is of the thing after "of".
  if (np && MEASURE_NOUNS.has(head(np.words)?.lemma ?? "") && tokens[np.next]?.lower === "of") np = phraseAt(np.next + 1) ?? np;
  if (!np) return undefined;
  const h = head(np.words);
  if (!h || GENERIC_HEADS.has(h.lemma.toLowerCase()) || GENERIC_HEADS.has(h.lower)) return undefined;
  const kept = np.words.slice(0, np.words.indexOf(h) + 1).filter((w) => !(w.pos === "ADJ" && PASSING_ADJECTIVES.has(w.lower)));
  const id = kept
    .map((w) => (w.pos === "NOUN" ? w.lemma : w.lower))
    .join("_")
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "");
  if (!/^[a-z]/.test(id)) return undefined;
  const earlier = fallbacks.get(h.lemma.toLowerCase());
  if (earlier) return { ...earlier, first: np.first };
  const found = { id, label: fallbackLabel(tokens, mentionAt, a, np.first, np.words.slice(0, np.words.indexOf(h) + 1), verb, kind) };
  fallbacks.set(h.lemma.toLowerCase(), found);
  return { ...found, first: np.first };
}

/**
 * The label of an option named after a noun phrase: what its controller would
 * do. The object's own verb says it ("demanded that Kosovo withdraw …",
 * "called on Iran to restore full access" -> "Restore full access"); a verb
 * that turns the topic around ("halt enrichment") leaves the thing itself.
 * Without one, the trigger's verb for what the source offers, proposes,
 * accepts or does ("Propose a new plan"), "Accept …" for what it refuses, and
 * the thing itself for what it demands, wants, threatens or holds back; never
 * the verb of the demander's clause.
 */
function fallbackLabel(tokens: Token[], mentionAt: Map<number, Mention>, a: number, npFirst: number, words: Token[], verb: string, kind: EventKind): string {
  const det = npFirst > a && ["a", "an", "the"].includes(tokens[npFirst - 1].lower) ? `${tokens[npFirst - 1].lower} ` : "";
  const phrase = det + words.map((w) => w.value).join(" ");
  const cap = (x: string) => x[0].toUpperCase() + x.slice(1);
  let v: string | undefined;
  for (let k = a; k < npFirst; k++) {
    if (tokens[k].pos !== "VERB" || mentionAt.has(k)) continue;
    if (INVERSE.has(tokens[k].lower) || INVERSE.has(tokens[k].lemma)) return cap(words.map((w) => w.value).join(" "));
    v = tokens[k].lemma + (PARTICLES.has(tokens[k + 1]?.lower ?? "") && k + 1 < npFirst ? ` ${tokens[k + 1].lower}` : "");
  }
  if (v) return `${cap(v)} ${phrase}`;
  if (kind === "refuse") return `Accept ${phrase}`;
  // What is demanded, wanted, threatened or held back is the thing itself ("Retaliation", "Trade").
  if (kind === "demand" || kind === "aim" || kind === "threaten" || kind === "hold") return cap(words.map((w) => w.value).join(" "));
  return `${cap(verb)} ${phrase}`;
}

/**
 * "Serbia stops short of recognising Kosovo as an independent state but agrees to recognise official
 * documents": one actor denying and accepting moves on one topic in one sentence names two moves, so
 * the denied one gets a topic of its own (after the last word of its label).
 */
export function splitOpposed(events: CodedEvent[], sentence: number): void {
  const here = events.filter((e) => e.sentence === sentence && e.knownTopic);
  const denies = (e: CodedEvent) => e.negated || e.kind === "refuse";
  for (const a of here)
    if (denies(a) && here.some((b) => b.source === a.source && b.topic === a.topic && !denies(b) && b.topicLabel !== a.topicLabel)) {
      const last = a.topicLabel
        .toLowerCase()
        .replace(/[^a-z0-9 ]+/g, "")
        .trim()
        .split(/\s+/)
        .pop();
      if (last) a.topic = `${a.topic}_${last}`;
    }
}
