/**
 * Messages between the page and the ingest worker (web/src/ingest-worker.ts),
 * and the view of an ingested article it returns: plain data, ready to draw.
 * Offsets in `text`, `sentences`, `mentions` and `events` are into the
 * article's cleaned text (what the page shows); `span` and `sources` are
 * offsets into the article as given, as `parley ingest` writes them.
 */

export interface IngestRequest {
  id: number;
  /** The article as pasted or dropped. */
  text: string;
  /** Its name in sources ("article.txt" when pasted). */
  name: string;
  /** For HTML: the page's title and article blocks, read in the page (workers have no DOMParser). */
  html?: { title?: string; blocks: string[] } | null;
  /** The scenario in the editor, to match the draft's parties and options to its own. */
  scenario?: { text: string; file: string };
}

export type IngestReply = { id: number; ok: true; view: IngestView } | { id: number; ok: false; message: string; code?: string };

export interface SentenceView {
  start: number;
  end: number;
  /** Offsets in the article as given. */
  span: { start: number; end: number };
}

export interface MentionView {
  start: number;
  end: number;
  sentence: number;
  actor: string;
  actorName: string;
  kind: string;
  person?: string;
  confidence: number;
}

export interface EventView {
  /** The trigger's place in the text. */
  start: number;
  end: number;
  sentence: number;
  kind: string;
  trigger: string;
  plover?: string;
  cameo: { code: string; name: string };
  source: string;
  sourceName: string;
  target?: string;
  targetName?: string;
  topicLabel: string;
  inverse: boolean;
  modality: string;
  negated: boolean;
  quoted: boolean;
  /** "before ceasefire", "unless …": the condition in words, when there is one. */
  condition?: string;
  confidence: number;
}

export type ElementKind = "decisionMaker" | "option" | "preference" | "constraint";

/** A proposed element of the draft, with the YAML it becomes. */
export interface ElementView {
  key: string;
  kind: ElementKind;
  text: string;
  confidence: number;
  /** 0-based sentence numbers it came from. */
  sentences: number[];
  /** The decision maker it belongs to (draft id); none for constraints. */
  dm?: string;
  /** The draft's option ids it mentions. */
  options: string[];
  /** The element as it goes into the scenario (draft ids): a decision maker without options, an option, a statement or a constraint. */
  item: Record<string, unknown> | string;
}

export interface DraftDmView {
  id: string;
  name: string;
  sources: string[];
  options: { id: string; label: string; note?: string; sources?: string[] }[];
}

export interface IngestView {
  name: string;
  format: "text" | "markdown" | "html";
  title?: string;
  /** The cleaned text: paragraphs separated by blank lines. */
  text: string;
  dropped: number;
  sentences: SentenceView[];
  mentions: MentionView[];
  events: EventView[];
  actors: { id: string; name: string; mentions: number; known: boolean }[];
  elements: ElementView[];
  dms: DraftDmView[];
  /** The whole draft as a scenario file (YAML). */
  yaml: string;
  warnings: string[];
  /** Draft id -> the id in the editor's scenario, for parties and options it has already. */
  dmMap: Record<string, string>;
  optionMap: Record<string, string>;
  ms: number;
}
