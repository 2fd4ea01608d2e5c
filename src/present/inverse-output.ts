/** `parley inverse` (`parley-inverse/1`): what the priorities would have to be; its JSON, document and schema. */
import type { InverseResult } from "../analysis/inverse.js";
import { statePattern, type Model } from "../model/compile.js";
import { describeState } from "../model/describe.js";
import { stateId } from "../model/states.js";
import { type Block, type Document, inline, type Span, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";

const INVERSE_FORMAT = "parley-inverse/1";
import { arr, bool, concept, dashPattern, int, obj, pattern, root, stateIdSchema, str } from "./schema-kit.js";

function statementWords(model: Model, dm: number, j: number): Span[] {
  const p = model.scenario.preferences[dm];
  if (p.kind !== "statements") return [`item ${j + 1}`];
  const st = p.statements[j];
  const cite = [...(st.sources ?? []), ...(st.assumption ? ["assumption"] : [])];
  return t`"${user(st.note ?? st.text)}" (${user(st.text)})${cite.length ? t` [${user(cite.join(", "))}]` : ""}`;
}

/** What each DM would have to change, one sentence per change: Parley's words, scenario text as `user` spans. */
function changeSpans(model: Model, r: InverseResult): Span[][] {
  const out: Span[][] = [];
  for (const c of r.changes) {
    const name = user(model.scenario.decisionMakers[c.dm].name);
    for (const j of c.dropped) out.push(t`${name} would have to stop caring that ${statementWords(model, c.dm, j)}.`);
    for (const [a, b] of c.reversed) out.push(t`${name} would have to put ${statementWords(model, c.dm, a)} before ${statementWords(model, c.dm, b)}.`);
    if (c.raised) out.push(t`${name} would have to rank the target ${c.raised} place${c.raised > 1 ? "s" : ""} higher.`);
  }
  return out;
}

/** The same sentences as plain strings (the report's data, the workbench). */
export const changeLines = (model: Model, r: InverseResult): string[] => changeSpans(model, r).map((x) => inline(x, "text"));

/** What `parley inverse` computed. */
export interface InverseOutcome {
  model: Model;
  result: InverseResult;
}

function inverseJson({ model, result: r }: InverseOutcome) {
  return {
    format: INVERSE_FORMAT,
    target: stateId(r.target),
    pattern: statePattern(model, r.target),
    concept: r.concept,
    found: r.found,
    exhaustive: r.exhaustive,
    evaluated: r.evaluated,
    totalDistance: r.totalDistance,
    changes: r.changes.map((c) => {
      const p = c.preference;
      return {
        decisionMaker: model.scenario.decisionMakers[c.dm].id,
        distance: c.distance,
        ...(p.kind === "statements" ? { statements: p.statements.map((st) => st.text) } : { ranking: p.items.map((it) => it.patterns) }),
        reversed: c.reversed,
        dropped: c.dropped,
        ...(c.raised !== undefined ? { raised: c.raised } : {}),
      };
    }),
  };
}

function inverseDocument({ model, result: r }: InverseOutcome): Document {
  const title = `${model.scenario.name}: what it would take for state ${stateId(r.target)}`;
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: t`Target: state ${stateId(r.target)} (${statePattern(model, r.target)}): ${user(describeState(model, r.target))}` },
  ];
  const para = (text: Block & { kind: "paragraph" }) => blocks.push(text);
  if (r.found && r.totalDistance === 0) {
    para({ kind: "paragraph", text: `It is already an equilibrium under ${r.concept}: no preference needs to change.` });
    return { title, blocks };
  }
  if (!r.found) {
    para({
      kind: "paragraph",
      text: r.exhaustive
        ? `No reordering of the decision makers' priorities, nor dropping some of them, makes it an equilibrium under ${r.concept} (every candidate was tried: ${r.evaluated}).`
        : `Not found within the limit: ${r.evaluated} preference profiles were tried without making it an equilibrium under ${r.concept}. Raise --max-evaluations to search further.`,
    });
    return { title, blocks };
  }
  para({ kind: "paragraph", text: `For it to be an equilibrium under ${r.concept}:` });
  for (const line of changeSpans(model, r)) blocks.push({ kind: "item", level: 1, indent: 2, mdIndent: 0, joined: true, text: line });
  const unchanged = r.changes.filter((c) => c.distance === 0).map((c) => model.scenario.decisionMakers[c.dm].name);
  if (unchanged.length) para({ kind: "paragraph", joined: true, text: t`${user(unchanged.join(", "))}: no change needed.` });
  para({
    kind: "paragraph",
    text: `That is ${r.totalDistance} edit${r.totalDistance > 1 ? "s" : ""} to the priorities (a swap of two neighbouring statements, or dropping one, counts as one); no smaller change works. ${r.evaluated} preference profiles were checked.`,
  });
  return { title, blocks };
}

export const inverseSchema = root("parley-inverse/1", "parley inverse --format json", {
  target: stateIdSchema,
  pattern,
  concept,
  found: bool,
  exhaustive: bool,
  evaluated: int,
  totalDistance: int,
  changes: arr(
    obj(
      {
        decisionMaker: str,
        distance: int,
        statements: arr(str),
        ranking: arr(arr(dashPattern)),
        reversed: arr(arr(int, { minItems: 2, maxItems: 2 })),
        dropped: arr(int),
        raised: int,
      },
      ["statements", "ranking", "raised"],
    ),
  ),
});

export const inverseOutput: OutputKind<InverseOutcome> = {
  format: INVERSE_FORMAT,
  schema: inverseSchema,
  toJson: inverseJson,
  toDocument: inverseDocument,
};
