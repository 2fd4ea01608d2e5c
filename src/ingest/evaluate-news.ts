/**
 * Evaluation against gold files in the "news" format (a folder of
 * NAME.txt beside NAME.gold.json, as in a corpus of real published articles):
 * `actors` (canonical name -> the surface forms the article uses), `events`
 * (actor, PLOVER type, an exact quote), `expectedOptions` (per actor, the
 * options an analyst would model, in words) and `expectedPreferences` (actor,
 * statement, quote). The labels are words, not parley ids, so matching is
 * looser than in evaluate.ts:
 *
 * - the actors found are those the result lists (every gazetteer actor
 *   mentioned, and unknown names that act in some event); a found actor is a
 *   gold actor when one of its mentions is (part of) one of
 *   the gold actor's surface forms, or its name is the gold name;
 * - a found event matches a gold event of the same actor whose quote is in
 *   the event's sentence (or the sentence in the quote);
 * - a found option matches an expected option of the same actor when at least
 *   half of the content words of its label (compared by their first five
 *   letters) are in the expected option's words;
 * - a found preference statement matches an expected preference of the same
 *   actor when one of its sources is the sentence of the quote.
 *
 * Each gold item is matched at most once, and as many as can be (a maximum
 * matching); precision is matched / found and recall matched / gold (see
 * evaluate.ts).
 */
import type { IngestResult } from "./ingest.js";
import { precision, recall } from "./evaluate.js";

export interface NewsGold {
  actors: Record<string, string[]>;
  events: { actor: string; target?: string | string[]; type: string; mode?: string; quote: string; what?: string }[];
  expectedOptions: Record<string, string[]>;
  expectedPreferences: { actor: string; statement: string; quote: string }[];
  traps?: string[];
}

/** found: what ingest found; correct: of those, how many are in the gold; gold: what the gold has; recalled: of those, how many were found. */
export interface NewsCounts {
  found: number;
  correct: number;
  gold: number;
  recalled: number;
}

export const NEWS_KINDS = ["actors", "events", "options", "preferences"] as const;

export interface NewsScore {
  actors: NewsCounts;
  events: NewsCounts;
  options: NewsCounts;
  preferences: NewsCounts;
  missed: { actors: string[]; events: string[]; options: string[]; preferences: string[] };
  extra: { actors: string[]; events: string[]; options: string[]; preferences: string[] };
  /** Found actor id -> the gold actor it was taken for. */
  actorMap: Record<string, string>;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/'s\b|'\B/g, "")
    .replace(/[^a-z0-9./&' -]+/g, " ")
    .replace(/^(the|a|an) /, "")
    .replace(/\s+/g, " ")
    .trim();

const STOP = new Set(
  "a an the of to in on for with and or by at from as its their his her it that this be is are was were will would into any all new not no than rather between under e.g eg".split(
    " ",
  ),
);

/** Content words of a label, by their first five letters. */
export function contentStems(s: string): string[] {
  return norm(s)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map((w) => w.slice(0, 5));
}

/** Which gold actor a found actor is, if any. */
export function matchActors(r: IngestResult, gold: NewsGold): Record<string, string> {
  const out: Record<string, string> = {};
  const forms = Object.entries(gold.actors).map(([name, list]) => ({ name, forms: [name, ...list].map(norm).filter(Boolean) }));
  for (const a of r.actors) {
    const texts = [a.name, ...r.mentions.filter((m) => m.actor === a.id).map((m) => m.text)].map(norm).filter((t) => t.length > 1);
    let best: { name: string; score: number } | undefined;
    for (const g of forms) {
      let score = 0;
      for (const t of texts)
        if (g.forms.some((f) => f === t)) score += 2;
        else if (g.forms.some((f) => new RegExp(`(^|[^a-z])${escapeRe(t)}($|[^a-z])`).test(f))) score += 1;
      if (score > 0 && (!best || score > best.score)) best = { name: g.name, score };
    }
    if (best) out[a.id] = best.name;
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The most found items matched to distinct gold items (a maximum bipartite matching, by augmenting paths):
 * a greedy first fit could pair a found item with a gold item another found item needed and count one match too few.
 */
function assign<F, G>(found: F[], gold: G[], same: (f: F, g: G) => boolean, showF: (f: F) => string, showG: (g: G) => string) {
  const fits = found.map((f) => gold.map((g, j) => (same(f, g) ? j : -1)).filter((j) => j >= 0));
  const goldOf = new Array<number>(gold.length).fill(-1);
  const augment = (i: number, seen: Uint8Array): boolean => {
    for (const j of fits[i]) {
      if (seen[j]) continue;
      seen[j] = 1;
      if (goldOf[j] < 0 || augment(goldOf[j], seen)) {
        goldOf[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < found.length; i++) augment(i, new Uint8Array(gold.length));
  const matchedFound = new Set(goldOf.filter((i) => i >= 0));
  const matched = matchedFound.size;
  const counts: NewsCounts = { found: found.length, correct: matched, gold: gold.length, recalled: matched };
  return {
    counts,
    missed: gold.filter((_, j) => goldOf[j] < 0).map(showG),
    extra: found.filter((_, i) => !matchedFound.has(i)).map(showF),
  };
}

export function scoreNewsArticle(r: IngestResult, gold: NewsGold): NewsScore {
  const map = matchActors(r, gold);
  // Actors: those the result lists (known actors mentioned, unknown names that act); a gold actor is found when one of them is taken for it.
  const acting = r.actors;
  const goldActors = Object.keys(gold.actors);
  const covered = new Set(acting.map((a) => map[a.id]).filter(Boolean));
  const actors: NewsCounts = {
    found: acting.length,
    correct: acting.filter((a) => map[a.id]).length,
    gold: goldActors.length,
    recalled: goldActors.filter((g) => covered.has(g)).length,
  };

  const sentenceHas = (sentence: number, quote: string) => {
    // An ellipsis is read alike on both sides: the quote "Canada must ... treat our farmers" is its sentence's own words.
    const s = norm((r.sentences[sentence]?.text ?? "").replace(/\.\.\.|…/g, " "));
    const q = norm(quote.replace(/\.\.\.|…/g, " "));
    if (!s || !q) return false;
    const head = q.split(" ").slice(0, 8).join(" ");
    return s.includes(head) || q.includes(s);
  };
  const events = assign(
    r.events,
    gold.events,
    (e, g) => map[e.source] === g.actor && sentenceHas(e.sentence, g.quote),
    (e) => `s${e.sentence + 1} ${e.source} ${e.kind} ${e.topic}`,
    (g) => `${g.actor} ${g.type}: ${g.quote.slice(0, 60)}`,
  );

  const foundOptions = r.draft.scenario.decisionMakers.flatMap((d) => d.options.map((o) => ({ dm: d.id, id: o.id, label: o.label })));
  const goldOptions = Object.entries(gold.expectedOptions).flatMap(([actor, list]) => list.map((text) => ({ actor, text })));
  const options = assign(
    foundOptions,
    goldOptions,
    (o, g) => {
      if (map[o.dm] !== g.actor) return false;
      const mine = [...new Set(contentStems(o.label ?? o.id))];
      const theirs = new Set(contentStems(g.text));
      const shared = mine.filter((w) => theirs.has(w)).length;
      return shared > 0 && shared * 2 >= mine.length;
    },
    (o) => `${o.dm}: ${o.label}`,
    (g) => `${g.actor}: ${g.text}`,
  );

  const foundPrefs = r.draft.elements.filter((e) => e.kind === "preference").map((e) => ({ dm: e.key.split(":")[1], e }));
  const preferences = assign(
    foundPrefs,
    gold.expectedPreferences,
    (p, g) => map[p.dm] === g.actor && p.e.sources.some((s) => sentenceHas(s.sentence, g.quote)),
    (p) => p.e.text,
    (g) => `${g.actor}: ${g.statement}`,
  );

  return {
    actors,
    events: events.counts,
    options: options.counts,
    preferences: preferences.counts,
    missed: { actors: goldActors.filter((g) => !covered.has(g)), events: events.missed, options: options.missed, preferences: preferences.missed },
    extra: {
      actors: acting.filter((a) => !map[a.id]).map((a) => a.name),
      events: events.extra,
      options: options.extra,
      preferences: preferences.extra,
    },
    actorMap: map,
  };
}

// The same rules as evaluate.ts (nothing found of nothing is perfect), on the matches counted from each side.
export function newsPrecision(c: NewsCounts): number {
  return precision({ found: c.found, gold: c.gold, matched: c.correct });
}

export function newsRecall(c: NewsCounts): number {
  return recall({ found: c.found, gold: c.gold, matched: c.recalled });
}

export function addNewsCounts(a: NewsCounts, b: NewsCounts): NewsCounts {
  return { found: a.found + b.found, correct: a.correct + b.correct, gold: a.gold + b.gold, recalled: a.recalled + b.recalled };
}
