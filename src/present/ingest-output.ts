/** How `parley ingest` shows its result (`parley-ingest/1`, `parley-ingest-update/1`): the draft as YAML, everything as JSON, a review sheet, and an update as a diff. */
import { stringify } from "yaml";
import type { IngestResult } from "../ingest/ingest.js";
import type { UpdatePlan } from "../ingest/update.js";
import { type Block, type Document, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";
import { arr, bool, int, nullable, num, obj, oneOfValues, root, str } from "./schema-kit.js";

export function ingestYaml(r: IngestResult): string {
  const head = [
    `# Draft scenario from ${r.name}, made by parley ingest: review it before you rely on it.`,
    `# ${r.sentences.length} sentences, ${r.events.length} events, ${r.actors.length} actors${r.clean.dropped.length ? `; ${r.clean.dropped.length} repeated block(s) left out` : ""}.`,
    `# sources: "<article>:<start>-<end> (sentence n, confidence c)", character offsets into the article as given.`,
  ];
  return `${head.join("\n")}\n${stringify(r.draft.scenario, { lineWidth: 0 })}`;
}

export const INGEST_FORMAT = "parley-ingest/1";
export const INGEST_UPDATE_FORMAT = "parley-ingest-update/1";

/** Everything `parley ingest` found; `articleType` is how the article was read (text, markdown or html). */
export function ingestJson(r: IngestResult): unknown {
  return {
    format: INGEST_FORMAT,
    article: r.name,
    articleType: r.clean.format,
    title: r.clean.title ?? null,
    dropped: r.clean.dropped,
    sentences: r.sentences.map((s) => ({ index: s.index + 1, start: s.span.start, end: s.span.end, text: s.text })),
    actors: r.actors,
    mentions: r.mentions.map((m) => ({ actor: m.actor, kind: m.kind, text: m.text, sentence: m.sentence + 1, person: m.person, confidence: m.confidence })),
    // `at` points into the cleaned text, which the JSON does not carry.
    events: r.events.map(({ at: _at, ...e }) => ({ ...e, sentence: e.sentence + 1 })),
    implied: r.implied.map(({ at: _at, ...e }) => ({ ...e, sentence: e.sentence + 1 })),
    elements: r.draft.elements.map((e) => ({ ...e, sources: e.sources.map((s) => ({ ...s, sentence: s.sentence + 1 })) })),
    warnings: r.draft.warnings,
    draft: r.draft.scenario,
  };
}

/** Text cut from the article, on one line. */
const oneLine = (s: string) => s.replace(/\n/g, " ");

/** The review sheet of a draft: what was found, in tables, and the sentences numbered. */
function ingestDocument(r: IngestResult): Document {
  const blocks: Block[] = [{ kind: "heading", level: 1, text: t`Ingest of ${user(r.name)}` }];
  blocks.push({
    kind: "paragraph",
    text: t`${r.clean.title ? t`Title: ${user(r.clean.title)}. ` : ""}${r.sentences.length} sentences (${r.clean.format}), ${r.events.length} events coded, ${r.actors.length} actors.`,
  });
  if (r.clean.dropped.length) {
    blocks.push({ kind: "paragraph", text: "Left out as repeated:" });
    for (const d of r.clean.dropped)
      blocks.push({ kind: "item", level: 1, joined: true, text: t`${d.reason} at ${d.span.start}-${d.span.end}: "${user(oneLine(d.text.slice(0, 80)))}"` });
  }
  blocks.push({ kind: "heading", level: 2, text: "Actors" });
  blocks.push({
    kind: "table",
    table: { header: ["id", "name", "mentions", "in gazetteer"], rows: r.actors.map((a) => [a.id, a.name, String(a.mentions), a.known ? "yes" : "no"]) },
  });
  blocks.push({ kind: "heading", level: 2, text: "Events" });
  blocks.push({
    kind: "table",
    table: {
      header: ["sentence", "source", "event", "PLOVER", "CAMEO", "topic", "target", "modality", "condition", "confidence"],
      rows: r.events.map((e) => [
        String(e.sentence + 1),
        e.source,
        `${e.negated ? "not " : ""}${e.kind}${e.quoted ? " (quoted)" : ""}`,
        e.plover ?? "-",
        `${e.cameo.code} ${e.cameo.name}`,
        `${e.inverse ? "against " : ""}${e.topic}`,
        e.target ?? "-",
        e.modality,
        e.condition ? `${e.condition.kind} ${e.condition.topic}` : "-",
        e.confidence.toFixed(2),
      ]),
    },
  });
  if (r.implied.length) {
    // A mediator's move, an awaited answer, a deal signed by no one: in the draft, but no event reports them.
    blocks.push({ kind: "heading", level: 2, text: "Moves implied by a role" });
    blocks.push({
      kind: "table",
      table: {
        header: ["sentence", "actor", "move", "topic", "read from"],
        rows: r.implied.map((e) => [String(e.sentence + 1), e.source, e.topicLabel, e.topic, e.trigger]),
      },
    });
  }
  blocks.push({ kind: "heading", level: 2, text: "Draft elements" });
  blocks.push({
    kind: "table",
    table: {
      header: ["element", "confidence", "sentences"],
      rows: r.draft.elements.map((el) => [el.text, el.confidence.toFixed(2), el.sources.map((s) => s.sentence + 1).join(", ")]),
    },
  });
  if (r.draft.warnings.length) {
    blocks.push({ kind: "heading", level: 2, text: "Warnings" });
    for (const w of r.draft.warnings) blocks.push({ kind: "item", level: 1, text: user(w) });
  }
  blocks.push({ kind: "heading", level: 2, text: "Sentences" });
  for (const x of r.sentences) blocks.push({ kind: "step", level: 1, n: x.index + 1, text: t`${user(x.text)} (${x.span.start}-${x.span.end})` });
  return { title: `Ingest of ${r.name}`, blocks };
}

const MARK: Record<string, string> = {
  "new-decision-maker": "+ decision maker",
  "new-option": "+ option",
  "new-stance": "+ stance",
  "moved-stance": "~ stance moved",
  "confirmed-stance": "= stance confirmed",
  "status-quo": "~ status quo",
};

/** What an article changes in a scenario; `write`: whether --write was given, `written`: whether the file was changed. */
export interface UpdateResult {
  scenario: string;
  article: string;
  plan: UpdatePlan;
  write: boolean;
  written: boolean;
}

function updateDocument({ scenario, article, plan, write }: UpdateResult): Document {
  const changes = plan.changes.filter((c) => c.kind !== "confirmed-stance");
  const confirmed = plan.changes.length - changes.length;
  const title = t`What ${user(article)} changes in ${user(scenario)}`;
  const blocks: Block[] = [{ kind: "heading", level: 1, text: title, asText: t`${title}:` }];
  if (changes.length === 0) blocks.push({ kind: "paragraph", text: "No changes: the article adds no decision maker, option or stance the scenario lacks." });
  for (const c of [...changes, ...plan.changes.filter((x) => x.kind === "confirmed-stance")]) {
    const src = c.sources.length ? t`  [${user(c.sources.join("; "))}]` : "";
    // A diff in text (the mark is the line's marker), a list in Markdown. The change is the planner's
    // line of ids and arrows ("us: !us_talks -> us_talks"), shown as it is.
    blocks.push({ kind: "item", level: 1, marker: "", joined: changes.length === 0, text: t`${MARK[c.kind]}: ${c.text}${src}` });
  }
  blocks.push({ kind: "paragraph", text: `${changes.length} change(s), ${confirmed} stance(s) confirmed.` });
  if (!write && changes.length) blocks.push({ kind: "paragraph", joined: true, text: "Nothing written: add --write to apply these changes." });
  return { title: `What ${article} changes in ${scenario}`, blocks };
}

function updateJson({ scenario, article, plan, written }: UpdateResult) {
  return { format: INGEST_UPDATE_FORMAT, scenario, article, written, changes: plan.changes };
}

const span = obj({ start: int, end: int });
/** One coded event (or a move implied by a role, with `implied`). */
const codedEvent = obj(
  {
    sentence: { type: "integer", minimum: 1 },
    kind: oneOfValues("propose", "demand", "threaten", "offer", "refuse", "agree", "hold", "aim", "act"),
    plover: str,
    cameo: obj({ code: str, name: str }),
    source: str,
    target: str,
    topic: str,
    topicLabel: str,
    knownTopic: bool,
    inverse: bool,
    modality: oneOfValues("stated", "hinted", "announced", "insisted", "on-hold", "unlikely"),
    negated: bool,
    quoted: bool,
    condition: obj({ kind: oneOfValues("before", "after", "if", "unless"), topic: str, inverse: bool, actor: str, label: str, text: str }, [
      "inverse",
      "actor",
      "label",
    ]),
    hypothetical: bool,
    nominal: bool,
    own: bool,
    byNoun: bool,
    implied: bool,
    trigger: str,
    span,
    confidence: num,
  },
  ["plover", "target", "inverse", "condition", "hypothetical", "nominal", "own", "byNoun", "implied"],
);
export const ingestSchema = root("parley-ingest/1", "parley ingest ARTICLE --format json", {
  article: str,
  articleType: oneOfValues("text", "markdown", "html"),
  title: nullable(str),
  dropped: arr(obj({ reason: oneOfValues("repeated-title", "repeated-paragraph"), span, text: str })),
  sentences: arr(obj({ index: { type: "integer", minimum: 1 }, start: int, end: int, text: str })),
  actors: arr(obj({ id: str, name: str, mentions: int, known: bool })),
  mentions: arr(
    obj(
      {
        actor: str,
        kind: oneOfValues("name", "alias", "person", "title", "adjective", "pronoun", "speaker", "unknown-name"),
        text: str,
        sentence: { type: "integer", minimum: 1 },
        person: str,
        confidence: num,
      },
      ["person"],
    ),
  ),
  events: arr(codedEvent),
  implied: arr(codedEvent),
  elements: arr(
    obj({
      key: str,
      kind: oneOfValues("decisionMaker", "option", "preference", "constraint", "statusQuo"),
      confidence: num,
      sources: arr(obj({ sentence: { type: "integer", minimum: 1 }, start: int, end: int, confidence: num })),
      text: str,
    }),
  ),
  warnings: arr(str),
  draft: { $ref: "parley-1.schema.json", description: "The draft scenario (format parley/1)." },
});

export const ingestUpdateSchema = root("parley-ingest-update/1", "parley ingest --update SCENARIO ARTICLE --format json", {
  scenario: str,
  article: str,
  written: bool,
  changes: arr(
    obj({
      kind: oneOfValues("new-decision-maker", "new-option", "new-stance", "moved-stance", "confirmed-stance", "status-quo"),
      dm: str,
      text: str,
      sources: arr(str),
    }),
  ),
});

export const ingestOutput: OutputKind<IngestResult> = {
  format: INGEST_FORMAT,
  schema: ingestSchema,
  toJson: ingestJson,
  toDocument: ingestDocument,
};

export const ingestUpdateOutput: OutputKind<UpdateResult> = {
  format: INGEST_UPDATE_FORMAT,
  schema: ingestUpdateSchema,
  toJson: updateJson,
  toDocument: updateDocument,
};
