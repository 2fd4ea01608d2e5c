/** `parley robustness` (`parley-robustness/1`): its JSON, document and schema. */
import type { PreferenceUncertainty, RobustnessResult } from "../analysis/robustness.js";
import { statePattern, type Model } from "../model/compile.js";
import type { Concept } from "../stability/analyze.js";
import { describeState } from "../model/describe.js";
import type { Table } from "./table.js";
import { stateId } from "../model/states.js";
import { type Block, code, type Document, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";
import { arr, bool, byConcept, concept, int, num, obj, oneOfValues, pattern, probability, root, stateIdSchema, str } from "./schema-kit.js";
import { count } from "../format/count.js";

const pct = (x: number) => x.toFixed(2);

function robustnessJson(model: Model, r: RobustnessResult, concepts: readonly Concept[]) {
  return {
    format: "parley-robustness/1",
    exact: r.exact,
    done: r.done,
    asked: r.asked,
    interrupted: r.interrupted,
    distinctProfiles: r.distinctProfiles,
    concepts,
    states: r.states.map((s) => ({ state: stateId(s.state), pattern: statePattern(model, s.state), probability: s.probability })),
    influence: r.influence.map((i) => ({
      decisionMaker: model.scenario.decisionMakers[i.element.dm].id,
      kind: i.element.kind,
      label: i.element.label,
      shift: i.shift,
      state: stateId(i.state),
      concept: i.concept,
      whenHolds: i.whenHolds,
      whenNot: i.whenNot,
    })),
  };
}

/** What `parley robustness` computed. */
export interface RobustnessOutcome {
  model: Model;
  uncertainty: PreferenceUncertainty;
  result: RobustnessResult;
  concepts: readonly Concept[];
  /** The sampler's seed, named in the text when profiles were sampled. */
  seed: number;
}

function robustnessDocument({ model, uncertainty: u, result: r, concepts, seed }: RobustnessOutcome, { top }: { top: number }): Document {
  const blocks: Block[] = [];
  const nAlt = u.alternatives.reduce((a, x) => a + x.length, 0);
  blocks.push({ kind: "heading", level: 1, text: t`Robustness: ${user(model.scenario.name)}` });
  if (u.statements.length === 0 && nAlt === 0)
    blocks.push({
      kind: "paragraph",
      text: t`The scenario marks no preference as uncertain (give statements a ${code("probability")}, or a decision maker ${code("alternatives")}): the answer is the deterministic one.`,
    });
  blocks.push({
    kind: "paragraph",
    text:
      `${u.statements.length} uncertain statement${u.statements.length === 1 ? "" : "s"} and ${nAlt} alternative preference${nAlt === 1 ? "" : "s"}: ` +
      (r.exact
        ? `${count(r.done)} profiles, enumerated exactly with their probabilities.`
        : `${count(r.done)} sampled profiles (seed ${seed}), ${r.distinctProfiles} distinct; 95% intervals in brackets.`),
  });
  if (r.interrupted)
    blocks.push({
      kind: "paragraph",
      joined: true,
      text: `Interrupted after ${count(r.done)} of ${count(r.asked)}: the figures below are from the profiles done so far.`,
    });
  blocks.push({
    kind: "heading",
    level: 2,
    text: "Probability of being an equilibrium",
    asText: `Probability that each state is an equilibrium (the ${Math.min(top, r.states.length)} most likely of ${r.states.length}):`,
  });
  const cell = (p: { p: number; low: number; high: number } | undefined) => (!p ? "0.00" : r.exact ? pct(p.p) : `${pct(p.p)} [${pct(p.low)}–${pct(p.high)}]`);
  const table: Table = {
    header: ["state", ...concepts, "in words"],
    rows: r.states.slice(0, top).map((s) => [`${stateId(s.state)}`, ...concepts.map((c) => cell(s.probability[c])), describeState(model, s.state)]),
    right: [true, ...concepts.map(() => true), false],
  };
  blocks.push({ kind: "table", table, joined: true });
  // Shifts below half a percentage point do not show at two decimals.
  const moving = r.influence.filter((i) => i.shift >= 0.005);
  blocks.push({ kind: "heading", level: 2, text: "What moves the answer", asText: "Which uncertain preferences move the answer most:" });
  if (moving.length === 0) blocks.push({ kind: "paragraph", level: 1, joined: true, text: "None changes any state's equilibrium probability." });
  for (const i of moving.slice(0, 8)) {
    const who = model.scenario.decisionMakers[i.element.dm].name;
    const what = i.element.kind === "alternative" ? `${who}'s alternative "${i.element.label}"` : `${who}: "${i.element.label}"`;
    blocks.push({
      kind: "item",
      level: 1,
      indent: 2,
      joined: true,
      text: t`${user(what)}: state ${stateId(i.state)} is a ${i.concept} equilibrium with probability ${pct(i.whenHolds)} when it holds, ${pct(i.whenNot)} when it does not (${user(describeState(model, i.state))}).`,
    });
  }
  return { title: `Robustness: ${model.scenario.name}`, blocks };
}

export const robustnessSchema = root("parley-robustness/1", "parley robustness --format json", {
  exact: bool,
  done: int,
  asked: int,
  interrupted: bool,
  distinctProfiles: int,
  concepts: arr(concept),
  states: arr(obj({ state: stateIdSchema, pattern, probability: byConcept(probability) })),
  influence: arr(
    obj({
      decisionMaker: str,
      kind: oneOfValues("statement", "alternative"),
      label: str,
      shift: num,
      state: stateIdSchema,
      concept,
      whenHolds: num,
      whenNot: num,
    }),
  ),
});

export const robustnessOutput: OutputKind<RobustnessOutcome, { top: number }> = {
  format: "parley-robustness/1",
  schema: robustnessSchema,
  toJson: ({ model, result, concepts }) => robustnessJson(model, result, concepts),
  toDocument: robustnessDocument,
};
