/**
 * The report's decisive assumptions: preference changes (a swap of two
 * statements, or one dropped) that would change the outlook, in words, with
 * the statements involved and their sources.
 */
import type { PreferenceChange } from "../analysis/sensitivity.js";
import type { Scenario } from "../format/scenario.js";
import type { Model } from "../model/compile.js";
import { describeState } from "../model/describe.js";
import type { Concept } from "../stability/analyze.js";
import { cite, type Cited } from "./cited.js";
import { stateId } from "../model/states.js";

export interface AssumptionReport {
  change: string;
  dm: string;
  /** The statements involved, with their sources or assumption. */
  statements: Cited[];
  effect: string;
  changesOutlook: boolean;
}

export function assumptionReport(
  model: Model,
  change: PreferenceChange,
  effects: Partial<Record<Concept, { gained: number[]; lost: number[] }>>,
  fromStatusQuo: { gained: number[]; lost: number[] },
): AssumptionReport {
  const sc: Scenario = model.scenario;
  const dm = sc.decisionMakers[change.dm];
  const { text, statements } = changeInWords(model, change);
  const parts: string[] = [];
  const words = (xs: number[]) => xs.map((s) => `${describeState(model, s)} (state ${stateId(s)})`).join("; or ");
  const { gained, lost } = fromStatusQuo;
  if (gained.length && lost.length) parts.push(`from today play would lead to ${words(gained)}, instead of ${words(lost)}`);
  else if (gained.length) parts.push(`from today play could also reach ${words(gained)}`);
  else if (lost.length) parts.push(`from today play could no longer reach ${words(lost)}`);
  const counted = (["Nash", "SEQ"] as Concept[])
    .filter((c) => effects[c])
    .map((c) => `${c} equilibria ${signed(effects[c]!.gained.length, effects[c]!.lost.length)}`);
  if (counted.length) parts.push(counted.join(", "));
  if (!parts.length) {
    const other = (Object.keys(effects) as Concept[]).map((c) => `${c} ${signed(effects[c]!.gained.length, effects[c]!.lost.length)}`);
    parts.push(`only the weaker concepts move (${other.join(", ")})`);
  }
  return {
    change: text,
    dm: dm.id,
    statements,
    effect: parts.join("; ") + ".",
    changesOutlook: fromStatusQuo.gained.length + fromStatusQuo.lost.length > 0,
  };
}

/** A single change of the priorities in words ("If Russia put … before …"), with the statements it involves. */
export function changeInWords(model: Model, change: PreferenceChange): { text: string; statements: Cited[] } {
  const sc: Scenario = model.scenario;
  const dm = sc.decisionMakers[change.dm];
  const pref = sc.preferences[change.dm];
  const statementText = (j: number): Cited => {
    if (pref.kind !== "statements") return { text: `ranking item ${j + 1}` };
    const st = pref.statements[j];
    return { text: st.note ?? st.text, expression: st.text, ...cite(st) };
  };
  if (change.kind === "swap") {
    const statements = [statementText(change.second), statementText(change.first)];
    return { text: `If ${dm.name} put "${statements[0].text}" before "${statements[1].text}"`, statements };
  }
  const statements = [statementText(change.index)];
  return { text: `If ${dm.name} did not care about "${statements[0].text}"`, statements };
}

function signed(gained: number, lost: number): string {
  const bits: string[] = [];
  if (gained) bits.push(`+${gained}`);
  if (lost) bits.push(`−${lost}`);
  return bits.join(" ") || "unchanged";
}
