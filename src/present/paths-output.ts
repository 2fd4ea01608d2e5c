/** `parley paths`: the status quo analysis as text, Markdown or JSON. */
import { statePattern, type Model } from "../model/compile.js";
import type { StatusQuoAnalysis } from "../analysis/paths.js";
import type { Analysis } from "../stability/analyze.js";
import { preferenceReason } from "../preferences/why.js";
import { describeMove, describeState, rankOf } from "../model/describe.js";

export const PATHS_FORMAT = "parley-paths/1";

export function pathsJson(model: Model, sq: StatusQuoAnalysis) {
  const dm = (d: number) => model.scenario.decisionMakers[d].id;
  return {
    format: PATHS_FORMAT,
    from: sq.from + 1,
    pattern: statePattern(model, sq.from),
    reachable: sq.reachable.map((s) => s + 1),
    edges: sq.edges.map((e) => ({ decisionMaker: dm(e.dm), from: e.from + 1, to: e.to + 1 })),
    equilibria: sq.equilibria.map((e) => ({
      state: e.state + 1,
      pattern: statePattern(model, e.state),
      concepts: e.concepts,
      path: e.path.map((st) => ({ decisionMaker: dm(st.dm), from: st.from + 1, to: st.to + 1 })),
    })),
    unreachable: sq.unreachable.map((u) => ({ state: u.state + 1, pattern: statePattern(model, u.state), concepts: u.concepts })),
  };
}

export function renderPaths(model: Model, analysis: Analysis, sq: StatusQuoAnalysis, md: boolean): string {
  const out: string[] = [];
  const isSq = sq.from === model.statusQuo;
  out.push(
    `${md ? "## " : ""}From state ${sq.from + 1} (${statePattern(model, sq.from)})${isSq ? ", the status quo" : ""}: ${describeState(model, sq.from)}`,
    "",
  );
  const here = analysis.concepts.filter((c) => analysis.equilibria[c]!.includes(sq.from));
  if (here.length) out.push(`This state is itself an equilibrium under ${here.join(", ")}.`);
  out.push(
    sq.reachable.length === 0
      ? "No decision maker can improve its position from here by a move of its own."
      : `${sq.reachable.length} state${sq.reachable.length > 1 ? "s are" : " is"} reachable by unilateral improvements (each move leaves its mover better off; no decision maker moves twice in a row).`,
  );
  const reachableEq = sq.equilibria.filter((e) => e.path.length > 0);
  if (reachableEq.length) {
    out.push("", `${md ? "### " : ""}Equilibria reachable, nearest first`);
    for (const e of reachableEq) {
      out.push(
        "",
        `${md ? "- **" : "• "}State ${e.state + 1} (${statePattern(model, e.state)})${md ? "**" : ""}, ${e.concepts.join(", ")}: ${describeState(model, e.state)}`,
      );
      e.path.forEach((st, k) => {
        const why = preferenceReason(model, st.dm, st.to, st.from).statement;
        const reason = why ? (why.note ?? why.text) : `ranks it ${rankOf(model, st.dm, st.to)} instead of ${rankOf(model, st.dm, st.from)}`;
        out.push(
          `${md ? "   " : "    "}${k + 1}. ${describeMove(model, st.dm, st.from, st.to)} → state ${st.to + 1}; why: ${reason} (rank ${rankOf(model, st.dm, st.from)} → ${rankOf(model, st.dm, st.to)})`,
        );
      });
    }
  }
  if (sq.unreachable.length) {
    out.push(
      "",
      `Not reachable by unilateral improvements: ${sq.unreachable.length} equilibri${sq.unreachable.length > 1 ? "a" : "um"} (state${sq.unreachable.length > 1 ? "s" : ""} ${sq.unreachable
        .slice(0, 20)
        .map((u) => u.state + 1)
        .join(", ")}${sq.unreachable.length > 20 ? ", …" : ""}).`,
    );
  }
  return out.join("\n") + "\n";
}
