/**
 * Messages between the page and the ingest worker (web/src/workers/ingest-worker.ts),
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
  /** A user gazetteer on top of the built-in one (as `parley ingest --gazetteer FILE`). */
  gazetteer?: UserGazetteer;
}

/** A gazetteer file's text and its name (a workspace path or a file name from disk). */
export interface UserGazetteer {
  text: string;
  file: string;
}

/** Check a user gazetteer before it is used: read and merge it, say what it adds. */
export interface GazetteerCheck {
  id: number;
  check: UserGazetteer;
}

/** A user gazetteer as read: what it adds to the built-in one and what it replaces. */
export interface GazetteerInfo {
  file: string;
  /** Names of actors new to the built-in gazetteer, and of those it replaces (same id). */
  added: string[];
  replaced: string[];
  /** Topic labels, likewise. */
  topicsAdded: string[];
  topicsReplaced: string[];
  titles: number;
}

/** A problem at a place (1-based line and column, when known), as the scenario's problems are shown. */
export interface PlacedIssue {
  message: string;
  line?: number;
  column?: number;
  /** The element's path in words ("actors[0].actsFor"). */
  at?: string;
}

export interface Failure {
  message: string;
  code?: string;
  /** The file at fault (a gazetteer) and its problems, each with its place. */
  file?: string;
  issues?: PlacedIssue[];
}

export type IngestReply =
  | { id: number; ok: true; view: IngestView }
  | { id: number; ok: true; gazetteer: GazetteerInfo }
  | ({ id: number; ok: false } & Failure);

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

export type ElementKind = "decisionMaker" | "option" | "preference" | "constraint" | "statusQuo";

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
  /** The element as it goes into the scenario (draft ids): a decision maker without options, an option, a statement, a constraint, or (status quo) the option taken today. */
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
  /** The gazetteer used: "built-in", or "built-in + FILE". */
  gazetteer: string;
  /** Draft id -> the id in the editor's scenario, for parties and options it has already. */
  dmMap: Record<string, string>;
  optionMap: Record<string, string>;
  ms: number;
}
