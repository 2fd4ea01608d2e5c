/** `parley robustness` in words, Markdown or JSON. */
import type { PreferenceUncertainty, RobustnessResult } from "../analysis/robustness.js";
import { statePattern, type Model } from "../model/compile.js";
import type { Concept } from "../stability/analyze.js";
import { describeState } from "../model/describe.js";
import { renderMarkdown, renderText, type Table } from "./table.js";
import { arr, bool, byConcept, concept, int, num, obj, oneOfValues, pattern, probability, root, stateId, str } from "./schema-kit.js";

const pct = (x: number) => x.toFixed(2);

export function robustnessJson(model: Model, r: RobustnessResult, concepts: readonly Concept[]) {
  return {
    format: "parley-robustness/1",
    exact: r.exact,
    done: r.done,
    asked: r.asked,
    interrupted: r.interrupted,
    distinctProfiles: r.distinctProfiles,
    concepts,
    states: r.states.map((s) => ({ state: s.state + 1, pattern: statePattern(model, s.state), probability: s.probability })),
    influence: r.influence.map((i) => ({
      decisionMaker: model.scenario.decisionMakers[i.element.dm].id,
      kind: i.element.kind,
      label: i.element.label,
      shift: i.shift,
      state: i.state + 1,
      concept: i.concept,
      whenHolds: i.whenHolds,
      whenNot: i.whenNot,
    })),
  };
}

export function renderRobustness(
  model: Model,
  u: PreferenceUncertainty,
  r: RobustnessResult,
  concepts: readonly Concept[],
  md: boolean,
  top: number,
  seed: number,
): string {
  const out: string[] = [];
  const nAlt = u.alternatives.reduce((a, x) => a + x.length, 0);
  out.push(md ? `# Robustness: ${model.scenario.name}` : `Robustness: ${model.scenario.name}`, "");
  if (u.statements.length === 0 && nAlt === 0)
    out.push(
      "The scenario marks no preference as uncertain (give statements a `probability`, or a decision maker `alternatives`): the answer is the deterministic one.",
      "",
    );
  out.push(
    `${u.statements.length} uncertain statement${u.statements.length === 1 ? "" : "s"} and ${nAlt} alternative preference${nAlt === 1 ? "" : "s"}: ` +
      (r.exact
        ? `${r.done.toLocaleString("en-US")} profiles, enumerated exactly with their probabilities.`
        : `${r.done.toLocaleString("en-US")} sampled profiles (seed ${seed}), ${r.distinctProfiles} distinct; 95% intervals in brackets.`),
  );
  if (r.interrupted)
    out.push(`Interrupted after ${r.done.toLocaleString("en-US")} of ${r.asked.toLocaleString("en-US")}: the figures below are from the profiles done so far.`);
  out.push(
    "",
    md
      ? "## Probability of being an equilibrium"
      : `Probability that each state is an equilibrium (the ${Math.min(top, r.states.length)} most likely of ${r.states.length}):`,
  );
  const cell = (p: { p: number; low: number; high: number } | undefined) => (!p ? "0.00" : r.exact ? pct(p.p) : `${pct(p.p)} [${pct(p.low)}–${pct(p.high)}]`);
  const table: Table = {
    header: ["state", ...concepts, "in words"],
    rows: r.states.slice(0, top).map((s) => [`${s.state + 1}`, ...concepts.map((c) => cell(s.probability[c])), describeState(model, s.state)]),
    right: [true, ...concepts.map(() => true), false],
  };
  out.push(md ? renderMarkdown(table) : renderText(table));
  // Shifts below half a percentage point do not show at two decimals.
  const moving = r.influence.filter((i) => i.shift >= 0.005);
  out.push("", md ? "## What moves the answer" : "Which uncertain preferences move the answer most:");
  if (moving.length === 0) out.push("  None changes any state's equilibrium probability.");
  for (const i of moving.slice(0, 8)) {
    const who = model.scenario.decisionMakers[i.element.dm].name;
    const what = i.element.kind === "alternative" ? `${who}'s alternative "${i.element.label}"` : `${who}: "${i.element.label}"`;
    out.push(
      `${md ? "- " : "  • "}${what}: state ${i.state + 1} is a ${i.concept} equilibrium with probability ${pct(i.whenHolds)} when it holds, ${pct(i.whenNot)} when it does not (${describeState(model, i.state)}).`,
    );
  }
  return out.join("\n") + "\n";
}

export const robustnessSchema = root("parley-robustness/1", "parley robustness --format json", {
  exact: bool,
  done: int,
  asked: int,
  interrupted: bool,
  distinctProfiles: int,
  concepts: arr(concept),
  states: arr(obj({ state: stateId, pattern, probability: byConcept(probability) })),
  influence: arr(
    obj({
      decisionMaker: str,
      kind: oneOfValues("statement", "alternative"),
      label: str,
      shift: num,
      state: stateId,
      concept,
      whenHolds: num,
      whenNot: num,
    }),
  ),
});
