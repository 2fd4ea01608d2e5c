/**
 * The data that flows through `parley ingest`: clean -> understand -> code ->
 * draft. Every offset is a character offset into the ORIGINAL input (the file
 * as given: text, Markdown or HTML), so each element of the draft can be shown
 * beside the words it came from.
 */

/** A half-open character range [start, end) in the original input. */
export interface Span {
  start: number;
  end: number;
}

/** The main text of an article, with a map back to the original input. */
export interface CleanText {
  /** Kept paragraphs joined by blank lines. */
  text: string;
  /** origin[i] is the offset in the original input of text[i]. */
  origin: Int32Array;
  /** The article's title, when one was found (not part of `text`). */
  title?: string;
  format: "text" | "markdown" | "html";
  /** Blocks left out, and why, with where they were in the original. */
  dropped: { reason: "repeated-title" | "repeated-paragraph"; span: Span; text: string }[];
}

export interface Sentence {
  index: number;
  /** Offsets into CleanText.text. */
  start: number;
  end: number;
  /** The same sentence in the original input. */
  span: Span;
  text: string;
}

export interface Token {
  value: string;
  lower: string;
  lemma: string;
  pos: string;
  /** Offsets into CleanText.text. */
  start: number;
  end: number;
  sentence: number;
  /** Inside quotation marks. */
  quoted: boolean;
}

/** How a mention was resolved to its actor; the weaker the evidence, the lower the confidence. */
export type MentionKind = "name" | "alias" | "person" | "title" | "adjective" | "pronoun" | "speaker" | "unknown-name";

export interface Mention {
  actor: string;
  kind: MentionKind;
  /** For people: the person's name as in the gazetteer (or as written, for titles). */
  person?: string;
  /** Token range [first, last] in the document's token list. */
  first: number;
  last: number;
  sentence: number;
  text: string;
  confidence: number;
}

/** `hold`: puts on hold or holds back; `aim`: states what it wants; `act`: takes or keeps up an action. */
export type EventKind = "propose" | "demand" | "threaten" | "offer" | "refuse" | "agree" | "hold" | "aim" | "act";

export type Modality = "stated" | "hinted" | "announced" | "insisted" | "on-hold" | "unlikely";

export interface Condition {
  /** `before`: the event's topic must come before this one; `after`: only after this one ("until", "once"); `if` / `unless`: the event depends on it. */
  kind: "before" | "after" | "if" | "unless";
  topic: string;
  /** The condition is the topic's opposite ("unless construction stops"). */
  inverse?: boolean;
  /** Who would take the condition's action, when the text says. */
  actor?: string;
  /** The actor was named by a pronoun (read while coding, then dropped). */
  pronoun?: boolean;
  /** The condition's move in its own words ("Attend the talks"), when they say it. */
  label?: string;
  text: string;
}

export interface CodedEvent {
  sentence: number;
  kind: EventKind;
  /** PLOVER event category, or undefined for statements of aims (no PLOVER event). */
  plover?: string;
  /** CAMEO root code (two digits) and its name. */
  cameo: { code: string; name: string };
  source: string;
  target?: string;
  topic: string;
  topicLabel: string;
  /** The topic came from the lexicon (true) or from the words after the verb (false). */
  knownTopic: boolean;
  /** The object turns the topic around ("an end to sanctions", "lift the blockade"). */
  inverse?: boolean;
  modality: Modality;
  negated: boolean;
  quoted: boolean;
  condition?: Condition;
  /** Inside a leading "if" / "unless" clause: a move that may come, not one of today. */
  hypothetical?: boolean;
  /** Named by a noun ("the plan to levy tariffs", "the decision to …"): a move spoken of, not one under way. */
  nominal?: boolean;
  /** An aim or demand whose object is the source's own infinitive ("seeking to rejoin the accord"): the source's option. */
  own?: boolean;
  /** A move named by a noun with its actors ("talks between A and B", "Kabul's freeing of prisoners"): it says who acts, nothing of what anyone prefers. */
  byNoun?: boolean;
  /** A move implied by a role ("Qatari mediators", "awaiting Israel's response": roles.ts), not an event the article reports. */
  implied?: boolean;
  /** The verb that triggered the event, and the sentence's span in the original. */
  trigger: string;
  span: Span;
  /** Where the trigger is in CleanText.text (for highlighting it). */
  at?: Span;
  confidence: number;
}

export interface ActorSummary {
  id: string;
  name: string;
  mentions: number;
  /** Whether the actor came from the gazetteer (false: an unknown proper name). */
  known: boolean;
}
