/** `parley explain` (`parley-explanation/1`): each improvement and the sanction that deters it, or not. */
import { statePattern, type Model } from "../model/compile.js";
import type { Concept } from "../stability/analyze.js";
import type { Sanction, StateExplanation } from "../stability/explain.js";
import { describeMove, dmName, rankCount, rankOf } from "../model/describe.js";
import { stateId, stateLabel } from "../model/states.js";
import { type Block, type Document, type Span, strong, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";
import { arr, bool, byConcept, concept, nullable, obj, pattern, root, sanction, stateIdSchema, str } from "./schema-kit.js";

const EXPLANATION_FORMAT = "parley-explanation/1";

/** What `parley explain` computed: one state explained for some decision makers. */
export interface ExplainResult {
  model: Model;
  state: number;
  explanations: StateExplanation[];
  concepts: readonly Concept[];
  /** The concepts under which the state is an equilibrium (the document's first line; JSON does without). */
  equilibriumUnder?: readonly Concept[];
}

function explanationJson({ model, explanations, concepts }: ExplainResult) {
  const step = (m: { dm: number; from: number; to: number }) => ({
    decisionMaker: model.scenario.decisionMakers[m.dm].id,
    from: stateId(m.from),
    to: stateId(m.to),
  });
  return {
    format: EXPLANATION_FORMAT,
    state: explanations[0] ? stateId(explanations[0].state) : undefined,
    pattern: explanations[0] ? statePattern(model, explanations[0].state) : undefined,
    concepts,
    decisionMakers: explanations.map((ex) => ({
      id: model.scenario.decisionMakers[ex.dm].id,
      stable: ex.stable,
      improvements: ex.improvements.map((imp) => ({
        to: stateId(imp.to),
        pattern: statePattern(model, imp.to),
        sanctions: Object.fromEntries(
          Object.entries(imp.sanctions).map(([c, sn]) => [
            c,
            sn ? { simultaneous: sn.simultaneous, moves: sn.moves.map(step), result: stateId(sn.result) } : null,
          ]),
        ),
      })),
    })),
  };
}

function explanationDocument({ model, state, explanations, concepts, equilibriumUnder = [] }: ExplainResult): Document {
  const under = equilibriumUnder.length ? `an equilibrium under ${equilibriumUnder.join(", ")}` : "not an equilibrium under any concept analysed";
  const blocks: Block[] = [
    {
      kind: "heading",
      level: 1,
      text: `State ${stateId(state)} (${statePattern(model, state)})${state === model.statusQuo ? ", the status quo" : ""}: ${under}.`,
    },
  ];
  for (const ex of explanations) blocks.push(...explanationBlocks(model, ex, concepts));
  return { title: `${model.scenario.name}: why ${stateLabel(model, state)} is stable or not`, blocks };
}

/** One decision maker at the state: its improvements, each with a line per concept, then the verdict. */
function explanationBlocks(model: Model, ex: StateExplanation, concepts: readonly Concept[]): Block[] {
  const s = ex.state;
  const i = ex.dm;
  const who = user(dmName(model, i));
  const rank = (x: number) => rankOf(model, i, x);
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: t`${who} at state ${stateId(s)} (${statePattern(model, s)}) — ${who} ranks it ${rank(s)} of ${rankCount(model, i)}.` },
  ];
  const line = (text: Span[], level = 1, indent?: number): Block => ({ kind: "paragraph", level, indent, joined: true, text });
  if (ex.improvements.length === 0) {
    blocks.push(line(t`${who} has no unilateral improvement from here, so the state is stable for ${who} under every concept.`));
    return blocks;
  }
  const n = ex.improvements.length;
  blocks.push(line(t`${who} has ${n} unilateral improvement${n > 1 ? "s" : ""} from here:`));
  ex.improvements.forEach((imp, k) => {
    blocks.push({
      kind: "step",
      level: 1,
      n: k + 1,
      indent: 2,
      joined: true,
      text: t`${user(describeMove(model, i, s, imp.to))} → state ${stateId(imp.to)} (${statePattern(model, imp.to)}), which ${who} ranks ${rank(imp.to)}.`,
    });
    for (const c of concepts) {
      const sn = imp.sanctions[c];
      // The concepts in a column, under the step's text.
      const verdict = sn ? t`deterred: ${sanctionText(model, c, sn, s, i)}` : notDeterred(c, who);
      blocks.push(line(t`${strong(c)}${" ".repeat(Math.max(0, 8 - c.length))} ${verdict}`, 2, 5));
    }
  });
  const yes = concepts.filter((c) => ex.stable[c]);
  const no = concepts.filter((c) => !ex.stable[c]);
  const parts: string[] = [];
  if (yes.length) parts.push(`stable under ${yes.join(", ")}`);
  if (no.length) parts.push(`not stable under ${no.join(", ")}`);
  blocks.push(line(t`Verdict for ${who} at state ${stateId(s)}: ${parts.join("; ")}.`));
  return blocks;
}

function notDeterred(c: Concept, who: Span): Span[] {
  switch (c) {
    case "Nash":
      return t`not deterred: under Nash stability ${who} does not look at responses and would move.`;
    case "GMR":
      return t`not deterred: no sequence of moves by the others leaves ${who} no better off than staying.`;
    case "SMR":
      return t`not deterred: no response by the others holds once ${who} may counter-move.`;
    case "SEQ":
      return t`not deterred: no credible response (each move an improvement for its mover) leaves ${who} no better off.`;
    case "SIM":
      return t`not deterred: no simultaneous improvement by the others leaves ${who} no better off.`;
    case "SEQ+SIM":
      return t`not deterred (SEQ+SIM needs every improvement deterred credibly in sequence, or every one simultaneously).`;
  }
}

function sanctionText(model: Model, c: Concept, sn: Sanction, s: number, i: number): Span[] {
  const who = user(dmName(model, i));
  const steps = user(sn.moves.map((m) => describeMove(model, m.dm, m.from, m.to)).join(sn.simultaneous ? "; while " : "; then "));
  const moves = sn.simultaneous ? t`at the same time ${steps}` : t`then ${steps}`;
  const text = t`${moves} (→ state ${stateId(sn.result)}, which ${who} ranks ${rankOf(model, i, sn.result)}: no better than staying, ranked ${rankOf(model, i, s)})`;
  if (c === "SEQ" || (c === "SEQ+SIM" && !sn.simultaneous)) text.push("; each move improves things for its mover, so the threat is credible");
  if (c === "SMR" && sn.bestEscape !== undefined && sn.bestEscape !== sn.result)
    text.push(...t`; even ${who}'s best counter-move from there only reaches rank ${rankOf(model, i, sn.bestEscape)}`);
  text.push(".");
  return text;
}

export const explanationSchema = root("parley-explanation/1", "parley explain --format json", {
  state: stateIdSchema,
  pattern,
  concepts: arr(concept),
  decisionMakers: arr(
    obj({
      id: str,
      stable: byConcept(bool),
      improvements: arr(obj({ to: stateIdSchema, pattern, sanctions: byConcept(nullable(sanction)) })),
    }),
  ),
});

export const explainOutput: OutputKind<ExplainResult> = {
  format: EXPLANATION_FORMAT,
  schema: explanationSchema,
  toJson: explanationJson,
  toDocument: explanationDocument,
};
