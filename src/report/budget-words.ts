/**
 * What the report's budgets left out, in words: the sensitivity phase's
 * changes tried and skipped (section "What the answer depends on", the
 * appendix) and the readings of the preferences the bottom line's forecast
 * weighed. Nothing here is said when no budget left anything out.
 */
import type { ProfileLimit } from "../analysis/profile-budget.js";
import { percent as pct } from "../present/percent.js";
import type { SensitivityBudgetReport } from "./build.js";
import { count } from "../format/count.js";

const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** Why the skipped changes were skipped, as a clause. */
function skippedBecause(b: SensitivityBudgetReport, states: number): string {
  const byTime = b.skipped.filter((x) => x.why === "time").length;
  const byCount = b.skipped.length - byTime;
  const parts: string[] = [];
  if (byTime)
    parts.push(
      `${count(byTime)} because the time cap of ${count(b.seconds ?? 0)} s was reached after ${plural(b.analysed.length, "analysis", "analyses")} (so this part of the report depends on the machine's speed)`,
    );
  if (byCount)
    parts.push(
      `${byTime ? `${count(byCount)} ` : ""}beyond the budget of ${plural(b.maxChanges ?? 0, "analysis", "analyses")} for a model of ${count(states)} states`,
    );
  return parts.join("; ");
}

/** The sentence of section "What the answer depends on" when the budget left changes untried. */
export function sensitivityBudgetSentence(b: SensitivityBudgetReport, tried: number, leaveOutlook: number, states: number): string {
  return (
    `Each party's priorities were changed one at a time (two neighbouring priorities swapped, or one dropped): ${count(b.candidates)} variants, ` +
    `of which ${count(tried)} were tried, those that can matter first (${count(b.sameRanking)} leave every ranking of the states as it was and needed no analysis, ${count(b.analysed.length)} were analysed). ` +
    `${count(b.skipped.length)} were not tried: ${skippedBecause(b, states)}; parley report --budget changes the budget, and the appendix lists them. ` +
    `${count(leaveOutlook)} of those tried leave the outlook from today unchanged. The changes that matter most:`
  );
}

/** The appendix's lists: the changes analysed in the order tried, and those skipped with the reason, at most `shown` of each. */
export function sensitivityBudgetLists(b: SensitivityBudgetReport, shown = 20): { analysed: string[]; skipped: string[]; more: string[] } {
  const more: string[] = [];
  if (b.analysed.length > shown) more.push(`…and ${count(b.analysed.length - shown)} more analysed`);
  if (b.skipped.length > shown) more.push(`…and ${count(b.skipped.length - shown)} more skipped`);
  return {
    analysed: b.analysed.slice(0, shown),
    skipped: b.skipped.slice(0, shown).map((x) => `${x.change} (${x.why === "time" ? "time cap reached" : "beyond the count budget"})`),
    more,
  };
}

/** The bottom line's note on a large model: which readings the chances weigh, and that what would change them comes from the changes tried. */
export function bottomLineLimits(readings: ProfileLimit | undefined, budget: SensitivityBudgetReport | undefined, states: number): string | undefined {
  const bits: string[] = [];
  if (readings)
    bits.push(
      `the chances weigh the ${count(readings.kept)} likeliest of ${count(readings.of)} readings of the uncertain preferences (${pct(readings.weight)} of their probability), since each reading costs an analysis of all ${count(states)} states`,
    );
  if (budget)
    bits.push(
      `what would change this comes from the ${count(budget.analysed.length + budget.sameRanking)} single changes of the priorities tried first; ${count(budget.skipped.length)} of ${count(budget.candidates)} were not tried ("What the answer depends on" says why)`,
    );
  return bits.length ? `${bits.join("; ")}.` : undefined;
}
