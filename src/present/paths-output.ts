/** `parley paths`: the status quo analysis (`parley-paths/1`): its JSON, its document, its schema. */
import { statePattern, type Model } from "../model/compile.js";
import type { StatusQuoAnalysis } from "../analysis/paths.js";
import type { Analysis } from "../stability/analyze.js";
import { preferenceReason } from "../preferences/why.js";
import { describeMove, describeState, rankOf } from "../model/describe.js";
import { type Block, type Document, strong, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";
import { stateId } from "../model/states.js";
import { arr, concept, ids, obj, pattern, root, stateIdSchema, step } from "./schema-kit.js";

const PATHS_FORMAT = "parley-paths/1";

function pathsJson(model: Model, sq: StatusQuoAnalysis) {
  const dm = (d: number) => model.scenario.decisionMakers[d].id;
  return {
    format: PATHS_FORMAT,
    from: stateId(sq.from),
    pattern: statePattern(model, sq.from),
    reachable: sq.reachable.map(stateId),
    edges: sq.edges.map((e) => ({ decisionMaker: dm(e.dm), from: stateId(e.from), to: stateId(e.to) })),
    equilibria: sq.equilibria.map((e) => ({
      state: stateId(e.state),
      pattern: statePattern(model, e.state),
      concepts: e.concepts,
      path: e.path.map((st) => ({ decisionMaker: dm(st.dm), from: stateId(st.from), to: stateId(st.to) })),
    })),
    unreachable: sq.unreachable.map((u) => ({ state: stateId(u.state), pattern: statePattern(model, u.state), concepts: u.concepts })),
  };
}

/** What `parley paths` computed: the status quo analysis from one state. */
export interface PathsResult {
  model: Model;
  analysis: Analysis;
  sq: StatusQuoAnalysis;
}

function pathsDocument({ model, analysis, sq }: PathsResult): Document {
  const blocks: Block[] = [];
  const state = (s: number) => `${stateId(s)} (${statePattern(model, s)})`;
  const isSq = sq.from === model.statusQuo;
  blocks.push({ kind: "heading", level: 2, text: t`From state ${state(sq.from)}${isSq ? ", the status quo" : ""}: ${user(describeState(model, sq.from))}` });
  const here = analysis.concepts.filter((c) => analysis.equilibria[c]!.includes(sq.from));
  if (here.length) blocks.push({ kind: "paragraph", text: `This state is itself an equilibrium under ${here.join(", ")}.` });
  blocks.push({
    kind: "paragraph",
    joined: here.length > 0,
    text:
      sq.reachable.length === 0
        ? "No decision maker can improve its position from here by a move of its own."
        : `${sq.reachable.length} state${sq.reachable.length > 1 ? "s are" : " is"} reachable by unilateral improvements (each move leaves its mover better off; no decision maker moves twice in a row).`,
  });
  const reachableEq = sq.equilibria.filter((e) => e.path.length > 0);
  if (reachableEq.length) {
    blocks.push({ kind: "heading", level: 3, text: "Equilibria reachable, nearest first" });
    for (const e of reachableEq) {
      // Each reachable equilibrium with its steps is set apart by a blank line.
      blocks.push({
        kind: "item",
        level: 1,
        apart: true,
        text: t`${strong(`State ${state(e.state)}`)}, ${e.concepts.join(", ")}: ${user(describeState(model, e.state))}`,
      });
      e.path.forEach((st, k) => {
        const why = preferenceReason(model, st.dm, st.to, st.from).statement;
        const reason = why ? user(why.note ?? why.text) : `ranks it ${rankOf(model, st.dm, st.to)} instead of ${rankOf(model, st.dm, st.from)}`;
        blocks.push({
          kind: "step",
          level: 2,
          n: k + 1,
          indent: 4,
          mdIndent: 3,
          text: t`${user(describeMove(model, st.dm, st.from, st.to))} → state ${stateId(st.to)}; why: ${reason} (rank ${rankOf(model, st.dm, st.from)} → ${rankOf(model, st.dm, st.to)})`,
        });
      });
    }
  }
  if (sq.unreachable.length) {
    const n = sq.unreachable.length;
    const listed = sq.unreachable.slice(0, 20).map((u) => stateId(u.state));
    blocks.push({
      kind: "paragraph",
      text: `Not reachable by unilateral improvements: ${n} equilibri${n > 1 ? "a" : "um"} (state${n > 1 ? "s" : ""} ${listed.join(", ")}${n > 20 ? ", …" : ""}).`,
    });
  }
  return { title: `${model.scenario.name}: paths from state ${stateId(sq.from)}`, blocks };
}

export const pathsSchema = root("parley-paths/1", "parley paths --format json", {
  from: stateIdSchema,
  pattern,
  reachable: ids,
  edges: arr(step),
  equilibria: arr(obj({ state: stateIdSchema, pattern, concepts: arr(concept), path: arr(step) })),
  unreachable: arr(obj({ state: stateIdSchema, pattern, concepts: arr(concept) })),
});

export const pathsOutput: OutputKind<PathsResult> = {
  format: PATHS_FORMAT,
  schema: pathsSchema,
  toJson: ({ model, sq }) => pathsJson(model, sq),
  toDocument: pathsDocument,
};
