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
}

export interface IngestResult {
  name: string;
  clean: CleanText;
  sentences: Sentence[];
  /** Tokens with their offsets in clean.text (mentions point into this list). */
  tokens: Token[];
  mentions: Mention[];
  actors: ActorSummary[];
  events: CodedEvent[];
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
  const u = understand(clean, options.gazetteer);
  const events = codeEvents(u, options.gazetteer);
  const actors = summarise(u.mentions, options.gazetteer, u.unknownNames, events);
  const draft = draftScenario(events, actors, u.sentences, options.gazetteer, name, clean.title);
  if (draft.scenario.decisionMakers.length === 0)
    throw new ParleyError({
      code: "nothing-found",
      message: `found no moves in ${what} (${u.sentences.length} sentences read, ${actors.length} actors known to the gazetteer): nothing anyone proposes, demands, threatens, offers, refuses or agrees to; add its actors and topics with --gazetteer`,
    });
  return { name, clean, sentences: u.sentences, tokens: u.tokens, mentions: u.mentions, actors, events, draft };
}

/** Actors in order of first mention; names the gazetteer does not know count only when they act in some event. */
function summarise(mentions: Mention[], g: Gazetteer, unknown: Map<string, string>, events: CodedEvent[]): ActorSummary[] {
  const acting = new Set(events.flatMap((e) => [e.source, e.target ?? ""]));
  const out = new Map<string, ActorSummary>();
  for (const m of mentions) {
    const known = g.actors.find((a) => a.id === m.actor);
    if (!known && !acting.has(m.actor)) continue;
    const a = out.get(m.actor) ?? { id: m.actor, name: known?.name ?? unknown.get(m.actor) ?? m.actor, mentions: 0, known: Boolean(known) };
    a.mentions++;
    out.set(m.actor, a);
  }
  return [...out.values()];
}
