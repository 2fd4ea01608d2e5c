/** The report's summary: the findings a reader should take away, in a few sentences. */
import type { Analysis } from "../stability/analyze.js";
import { explainState } from "../stability/explain.js";
import type { AssumptionReport } from "./assumptions.js";
import type { CoalitionReport } from "./deeper.js";
import type { OutlookReport } from "./outlook.js";
import type { TierReport } from "./tiers.js";

/** The findings a reader should take away, from the analysis itself. */
export function summarize(
  analysis: Analysis,
  outlook: OutlookReport,
  tiers: TierReport[],
  decisive: AssumptionReport[],
  coalitions: CoalitionReport[],
): string[] {
  const { model } = analysis;
  const out: string[] = [];
  const today = model.statusQuo;
  if (outlook.todayStableUnder.includes("Nash") || outlook.reachableStates === 0)
    out.push(`Today's state holds: no party gains by moving on its own (stable under ${outlook.todayStableUnder.join(", ") || "no concept"}).`);
  else {
    const movers = model.scenario.decisionMakers
      .filter((_, d) => explainState(analysis.context, today, d, ["Nash"]).improvements.length > 0)
      .map((d) => d.name);
    out.push(
      `Today's state is not stable: ${listWords(movers)} ${movers.length > 1 ? "gain" : "gains"} by moving${outlook.todayStableUnder.length ? ` (it holds only under ${outlook.todayStableUnder.join(", ")})` : ""}.`,
    );
  }
  const next = outlook.paths.find((p) => p.steps.length > 0);
  if (next) {
    const who = [...new Set(next.steps.map((s) => s.moverName))];
    out.push(
      `The nearest stable outcome from today: ${next.words} (state ${next.state}, stable under ${next.concepts.join(", ")}), reached in ${next.steps.length} move${next.steps.length > 1 ? "s" : ""} by ${listWords(who)}.`,
    );
  }
  const credible = tiers.find((t) => t.key === "credible");
  const unreached = credible?.families.find((f) => !f.reachableFromToday);
  if (unreached)
    out.push(
      `Held by credible threats once reached, but not reachable from today by moves that each leave the mover better off: ${unreached.words} (${unreached.states.length} state${unreached.states.length > 1 ? "s" : ""}).`,
    );
  // The joint move that escapes where play is heading, if nothing credibly deters it.
  const from = coalitions[coalitions.length - 1];
  const way = from?.joint.find((j) => j.openUnder.includes("SEQ"));
  if (from && way)
    out.push(
      `From ${from.why}, ${listWords(way.members)} could move together to ${way.toWords} (state ${way.to}), which all of them prefer, and nothing credibly deters it: ${way.steps.join("; then ")}.`,
    );
  const top = decisive.find((d) => d.changesOutlook);
  if (top) out.push(`What decides the outlook most: ${top.change.replace(/^If /, "if ")}, ${top.effect}`);
  return out;
}

function listWords(xs: string[]): string {
  return xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
}
