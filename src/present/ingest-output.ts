/** How `parley ingest` shows its result: the draft as YAML, everything as JSON, a review sheet in Markdown, and an update as a diff. */
import { stringify } from "yaml";
import type { IngestResult } from "../ingest/ingest.js";
import type { UpdatePlan } from "../ingest/update.js";
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
    elements: r.draft.elements.map((e) => ({ ...e, sources: e.sources.map((s) => ({ ...s, sentence: s.sentence + 1 })) })),
    warnings: r.draft.warnings,
    draft: r.draft.scenario,
  };
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function ingestMarkdown(r: IngestResult): string {
  const out: string[] = [];
  out.push(`# Ingest of ${r.name}`, "");
  out.push(
    `${r.clean.title ? `Title: ${r.clean.title}. ` : ""}${r.sentences.length} sentences (${r.clean.format}), ${r.events.length} events coded, ${r.actors.length} actors.`,
  );
  if (r.clean.dropped.length)
    out.push("", "Left out as repeated:", ...r.clean.dropped.map((d) => `- ${d.reason} at ${d.span.start}-${d.span.end}: "${cell(d.text.slice(0, 80))}"`));
  out.push("", "## Actors", "", "| id | name | mentions | in gazetteer |", "| --- | --- | --- | --- |");
  for (const a of r.actors) out.push(`| ${a.id} | ${cell(a.name)} | ${a.mentions} | ${a.known ? "yes" : "no"} |`);
  out.push(
    "",
    "## Events",
    "",
    "| sentence | source | event | PLOVER | CAMEO | topic | target | modality | condition | confidence |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  );
  for (const e of r.events)
    out.push(
      `| ${e.sentence + 1} | ${e.source} | ${e.negated ? "not " : ""}${e.kind}${e.quoted ? " (quoted)" : ""} | ${e.plover ?? "-"} | ${e.cameo.code} ${e.cameo.name} | ${e.inverse ? "against " : ""}${e.topic} | ${e.target ?? "-"} | ${e.modality} | ${e.condition ? cell(`${e.condition.kind} ${e.condition.topic}`) : "-"} | ${e.confidence.toFixed(2)} |`,
    );
  out.push("", "## Draft elements", "", "| element | confidence | sentences |", "| --- | --- | --- |");
  for (const el of r.draft.elements) out.push(`| ${cell(el.text)} | ${el.confidence.toFixed(2)} | ${el.sources.map((s) => s.sentence + 1).join(", ")} |`);
  if (r.draft.warnings.length) out.push("", "## Warnings", "", ...r.draft.warnings.map((w) => `- ${w}`));
  out.push("", "## Sentences", "", ...r.sentences.map((s) => `${s.index + 1}. ${s.text} (${s.span.start}-${s.span.end})`));
  return out.join("\n") + "\n";
}

const MARK: Record<string, string> = {
  "new-decision-maker": "+ decision maker",
  "new-option": "+ option",
  "new-stance": "+ stance",
  "moved-stance": "~ stance moved",
  "confirmed-stance": "= stance confirmed",
  "status-quo": "~ status quo",
};

export function renderUpdate(file: string, article: string, plan: UpdatePlan, md: boolean): string {
  const changes = plan.changes.filter((c) => c.kind !== "confirmed-stance");
  const confirmed = plan.changes.length - changes.length;
  const out: string[] = [];
  out.push(md ? `# What ${article} changes in ${file}` : `What ${article} changes in ${file}:`, "");
  if (changes.length === 0) out.push("No changes: the article adds no decision maker, option or stance the scenario lacks.");
  for (const c of [...changes, ...plan.changes.filter((x) => x.kind === "confirmed-stance")]) {
    const src = c.sources.length ? `  [${c.sources.join("; ")}]` : "";
    out.push(`${md ? "- " : ""}${MARK[c.kind]}: ${c.text}${src}`);
  }
  out.push("", `${changes.length} change(s), ${confirmed} stance(s) confirmed.`);
  return out.join("\n") + "\n";
}

const span = obj({ start: int, end: int });
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
  events: arr(
    obj(
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
        condition: obj({ kind: oneOfValues("before", "after", "if", "unless"), topic: str, inverse: bool, actor: str, text: str }, ["inverse", "actor"]),
        trigger: str,
        span,
        confidence: num,
      },
      ["plover", "target", "inverse", "condition"],
    ),
  ),
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
