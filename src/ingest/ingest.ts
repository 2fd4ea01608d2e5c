/**
 * `ingestArticle`: a news article -> a draft scenario, in four steps (clean,
 * understand, code, draft; one module each). Pure: the caller reads files and
 * passes the HTML extractor (html.ts in Node, the browser's DOM in the
 * workbench). Bad input (empty, binary, too large, not English, an HTML page
 * without an article) is refused with a ParleyError; nothing else is thrown
 * on purpose.
 */
import { ParleyError } from "../format/errors.js";
import { cleanArticle, detectFormat, type HtmlExtractor, type InputFormat } from "./clean.js";
import { codeEvents } from "./code.js";
import { countryGazetteer } from "./countries.js";
import { draftScenario, type Draft } from "./draft.js";
import { mergeGazetteers, parseGazetteer, readGazetteer, type Gazetteer } from "./gazetteer.js";
import { checkBinary, checkEnglish, checkNotEmpty, checkSize, DEFAULT_MAX_CHARS } from "./guard.js";
import type { ActorSummary, CleanText, CodedEvent, Mention, Sentence, Token } from "./types.js";
import { understand } from "./understand.js";

export interface IngestOptions {
  /** The article's name in sources and messages (a file name); default "article". */
  name?: string;
  /** Default: from the name's extension, else from the text. */
  format?: InputFormat | "auto";
  /** The gazetteer to use (see loadGazetteer); required. */
  gazetteer: Gazetteer;
  /** Needed for HTML input. */
  extractHtml?: HtmlExtractor;
  /** Largest input accepted, in characters (default DEFAULT_MAX_CHARS). */
  maxChars?: number;
  /** Every country as an actor under the gazetteer (countries.ts); default true. */
  countries?: boolean;
}

export interface IngestResult {
  name: string;
  clean: CleanText;
  sentences: Sentence[];
  /** Tokens with their offsets in clean.text (mentions point into this list). */
  tokens: Token[];
  mentions: Mention[];
  actors: ActorSummary[];
  /** The events the article reports. */
  events: CodedEvent[];
  /** Moves the draft also has that no event reports: a mediator's, or the next move of a party whose answer is awaited (roles.ts). */
  implied: CodedEvent[];
  draft: Draft;
}

/** The built-in gazetteer text plus any user files, merged (a user entry replaces a built-in one with the same id). */
export function loadGazetteer(builtIn: string, extra: { text: string; file: string }[] = []): Gazetteer {
  let g = parseGazetteer(builtIn, "data/gazetteer.yaml");
  for (const x of extra) {
    const { gazetteer, locate } = readGazetteer(x.text, x.file);
    g = mergeGazetteers(g, gazetteer, { file: x.file, locate });
  }
  return g;
}

export function ingestArticle(text: string, options: IngestOptions): IngestResult {
  const name = options.name ?? "article";
  const what = name === "article" ? "the article" : name;
  if (typeof text !== "string") throw new ParleyError({ code: "bad-input", message: `${what} is not text` });
  checkSize(text, options.maxChars ?? DEFAULT_MAX_CHARS, what);
  checkNotEmpty(text, what);
  checkBinary(text, what);
  const format = !options.format || options.format === "auto" ? detectFormat(text, options.name) : options.format;
  const clean = cleanArticle(text, format, options.extractHtml);
  checkNotEmpty(clean.text, `the main text of ${what}`);
  checkEnglish(clean.text, what);
  const g = options.countries === false ? options.gazetteer : withCountries(options.gazetteer);
  const u = understand(clean, g);
  const notes: string[] = [];
  const events = codeEvents(u, g, notes);
  const actors = summarise(u.mentions, g, u.unknownNames, events, u.tokens);
  const draft = draftScenario(events, actors, u.sentences, g, name, clean.title, notes);
  if (draft.scenario.decisionMakers.length === 0)
    throw new ParleyError({
      code: "nothing-found",
      message: `found no moves in ${what} (${u.sentences.length} sentences read, ${actors.length} actors known to the gazetteer): nothing anyone proposes, demands, threatens, offers, refuses or agrees to; add its actors and topics with --gazetteer`,
    });
  const reported = events.filter((e) => !e.implied);
  const implied = events.filter((e) => e.implied);
  return { name, clean, sentences: u.sentences, tokens: u.tokens, mentions: u.mentions, actors, events: reported, implied, draft };
}

const withCountriesCache = new WeakMap<Gazetteer, Gazetteer>();

/** The gazetteer with every country it does not name laid under it (the gazetteer's entries win). */
export function withCountries(g: Gazetteer): Gazetteer {
  let out = withCountriesCache.get(g);
  if (!out) {
    const countries = countryGazetteer(g);
    out = { titles: g.titles, actors: [...g.actors, ...countries.actors], topics: g.topics };
    withCountriesCache.set(g, out);
  }
  return out;
}

/** A name after these words is a place ("talks in Vienna"), not an actor, unless the actor also acts. */
const PLACE_BEFORE = new Set(["in", "at", "near", "outside", "inside", "across", "for", "to", "from", "via", "into"]);
/** Nouns a place name may modify: "the Barbados talks" happen there. */
const VENUE_OF = new Set(["talks", "meeting", "summit", "negotiations", "round", "process", "conference", "format"]);

/** Actors in order of first mention; names the gazetteer does not know count only when they act in some event, and places only when they act. */
function summarise(mentions: Mention[], g: Gazetteer, unknown: Map<string, string>, events: CodedEvent[], tokens: Token[]): ActorSummary[] {
  const acting = new Set(events.flatMap((e) => [e.source, e.target ?? ""]));
  const out = new Map<string, ActorSummary>();
  for (const m of mentions) {
    const known = g.actors.find((a) => a.id === m.actor);
    if (!known && !acting.has(m.actor)) continue;
    if (!acting.has(m.actor) && m.kind === "name" && PLACE_BEFORE.has(tokens[m.first - 1]?.lower ?? "")) continue;
    if (!acting.has(m.actor) && m.kind === "name" && VENUE_OF.has(tokens[m.last + 1]?.lower ?? "")) continue;
    const a = out.get(m.actor) ?? { id: m.actor, name: known?.name ?? unknown.get(m.actor) ?? m.actor, mentions: 0, known: Boolean(known) };
    a.mentions++;
    out.set(m.actor, a);
  }
  // "the Palestinian people", "ethnic Albanian": an actor only ever an adjective, that does nothing, is a description.
  for (const id of [...out.keys()]) if (!acting.has(id) && mentions.every((m) => m.actor !== id || m.kind === "adjective")) out.delete(id);
  // An actor the article never calls by the gazetteer's name is named as the article names it most ("the EU", not "European allies").
  for (const a of out.values()) {
    const entry = g.actors.find((x) => x.id === a.id);
    if (!entry) continue;
    const said = mentions.filter((m) => m.actor === a.id && m.kind === "name").map((m) => m.text.replace(/^the\s+/i, ""));
    const own = new Set([entry.name, ...(entry.names ?? [])].map((n) => n.toLowerCase()));
    if (said.length === 0 || said.some((t) => t.toLowerCase() === entry.name.toLowerCase())) continue;
    const counts = new Map<string, number>();
    // A name of several words or an acronym ("European Union", "EU"), not a metonym ("Washington", "Brussels").
    for (const t of said) if (own.has(t.toLowerCase()) && (/\s/.test(t) || /^[A-Z][A-Z.]{1,5}$/.test(t))) counts.set(t, (counts.get(t) ?? 0) + 1);
    const best = [...counts].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length)[0];
    if (best) a.name = best[0];
  }
  return [...out.values()];
}
