/**
 * Evaluation of `parley ingest` against hand-labelled gold files: precision
 * (share of what it found that the gold has) and recall (share of the gold it
 * found), for actors, events and draft elements, summed over articles
 * (micro-averaged). An event matches when sentence, source, PLOVER category,
 * topic, negation and inversion all agree; a draft element when its key
 * ("dm:ru", "option:ru_ceasefire", "pref:eu:ru_ceasefire", …) is the same.
 */
import type { IngestResult } from "./ingest.js";

export interface GoldEvent {
  /** A piece of the sentence the event is in. */
  quote: string;
  source: string;
  kind?: string;
  /** PLOVER category, or "none" for aims. */
  category: string;
  topic: string;
  negated?: boolean;
  inverse?: boolean;
}

export interface Gold {
  gazetteer?: string[];
  actors: string[];
  events: GoldEvent[];
  draft: string[];
}

export interface Counts {
  found: number;
  gold: number;
  matched: number;
}

export interface ArticleScore {
  actors: Counts;
  events: Counts;
  draft: Counts;
  missed: { actors: string[]; events: string[]; draft: string[] };
  extra: { actors: string[]; events: string[]; draft: string[] };
}

function eventKey(sentence: number, source: string, category: string, topic: string, negated: boolean, inverse: boolean): string {
  return `s${sentence + 1} ${source} ${category} ${inverse ? "!" : ""}${topic}${negated ? " (negated)" : ""}`;
}

function compare(found: string[], gold: string[]): { counts: Counts; missed: string[]; extra: string[] } {
  const left = [...gold];
  const extra: string[] = [];
  let matched = 0;
  for (const f of found) {
    const i = left.indexOf(f);
    if (i >= 0) {
      left.splice(i, 1);
      matched++;
    } else extra.push(f);
  }
  return { counts: { found: found.length, gold: gold.length, matched }, missed: left, extra };
}

export function scoreArticle(r: IngestResult, gold: Gold): ArticleScore {
  const actors = compare(
    r.actors.filter((a) => r.events.some((e) => e.source === a.id || e.target === a.id)).map((a) => a.id),
    [...new Set(gold.actors)],
  );
  const sentenceOf = (quote: string) => r.sentences.findIndex((s) => s.text.includes(quote));
  const goldEvents = gold.events.map((e) => eventKey(sentenceOf(e.quote), e.source, e.category, e.topic, Boolean(e.negated), Boolean(e.inverse)));
  const foundEvents = r.events.map((e) => eventKey(e.sentence, e.source, e.plover ?? "none", e.topic, e.negated, Boolean(e.inverse)));
  const events = compare(foundEvents, goldEvents);
  const draft = compare(
    r.draft.elements.map((e) => e.key),
    gold.draft,
  );
  return {
    actors: actors.counts,
    events: events.counts,
    draft: draft.counts,
    missed: { actors: actors.missed, events: events.missed, draft: draft.missed },
    extra: { actors: actors.extra, events: events.extra, draft: draft.extra },
  };
}

export function precision(c: Counts): number {
  return c.found === 0 ? (c.gold === 0 ? 1 : 0) : c.matched / c.found;
}

export function recall(c: Counts): number {
  return c.gold === 0 ? 1 : c.matched / c.gold;
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { found: a.found + b.found, gold: a.gold + b.gold, matched: a.matched + b.matched };
}
