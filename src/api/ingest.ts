/**
 * `parley-gmcr/ingest`: a news article to a draft scenario, each element
 * traced to its sentences. It loads an English language model (wink-nlp,
 * about 4 MB): import it only where articles are read. HTML needs an
 * extractor: the browser's DOM with `readArticle`, or `extractHtmlWithReadability`
 * from `parley-gmcr/node`.
 *
 * @packageDocumentation
 */
export { ingestArticle, loadGazetteer, type IngestOptions, type IngestResult } from "../ingest/ingest.js";
export { detectFormat, type HtmlExtractor, type InputFormat } from "../ingest/clean.js";
export { readArticle } from "../ingest/readability.js";
export { GAZETTEER_FORMAT, mergeGazetteers, parseGazetteer, readGazetteer, type Gazetteer } from "../ingest/gazetteer.js";
export { parseSourceString, type Draft, type DraftElement } from "../ingest/draft.js";
export { applyUpdate, planUpdate, type UpdatePlan } from "../ingest/update.js";
export type { CleanText, CodedEvent, Condition, Mention, Sentence } from "../ingest/types.js";
export { INGEST_FORMAT, INGEST_UPDATE_FORMAT, ingestJson, ingestOutput, ingestUpdateOutput, ingestYaml, type UpdateResult } from "../present/ingest-output.js";

// Types that the exported ones refer to (TypeDoc documents them; users can name them).
export type { DraftSource } from "../ingest/draft.js";
export type { Locate } from "../ingest/gazetteer.js";
export type { ActorSummary, EventKind, MentionKind, Modality, Span, Token } from "../ingest/types.js";
export type { Change, ChangeKind } from "../ingest/update.js";
