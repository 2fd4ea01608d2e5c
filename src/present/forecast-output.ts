/** `parley forecast` (`parley-forecast/1`): its JSON, CSV, document and schema. */
import type { Forecast } from "../analysis/forecast.js";
import { MOVE_RULE_NAMES } from "../analysis/play.js";
import { statePattern, type Model } from "../model/compile.js";
import { CONCEPT_NAMES } from "../stability/analyze.js";
import { describeFamily, describeMove, describeState } from "../model/describe.js";
import { type Block, type Document, type Inline, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";
import { FORECAST_RECORD_FORMAT } from "../interchange/forecast-log.js";
import { stateId, stateIds } from "../model/states.js";
import { renderCsv, type Table } from "./table.js";
import {
  arr,
  bool,
  concept,
  dashPattern,
  ids,
  int,
  isoDate,
  map,
  nullable,
  num,
  obj,
  pattern,
  prob,
  root,
  stateIdSchema,
  str,
  type Schema,
} from "./schema-kit.js";
import { count } from "../format/count.js";

const pct = (p: number | null) => (p === null ? "—" : p < 0.005 && p > 0 ? "<1%" : p > 0.995 && p < 1 ? ">99%" : `${Math.round(p * 100)}%`);
const signed = (d: number | null) => (d === null ? "—" : `${d >= 0 ? "+" : "−"}${Math.round(Math.abs(d) * 100)} pts`);

/** "state 4", "states 3, 7", or for many "2,048 states: 3, 7, 11, 15, 19, 23, …". */
function stateList(states: readonly number[]): string {
  if (states.length === 1) return `state ${stateId(states[0])}`;
  const ids = stateIds(states.slice(0, 6));
  return states.length <= 6 ? `states ${ids.join(", ")}` : `${count(states.length)} states: ${ids.join(", ")}, …`;
}

/** A family of states as a Y/N/- pattern over the options. */
function familyPattern(model: Model, care: number, value: number): string {
  return Array.from({ length: model.nOptions }, (_, k) => (care & (1 << k) ? (value & (1 << k) ? "Y" : "N") : "-")).join("");
}

/** The move of a signpost in words: "Russia: agree to a ceasefire and withdraw "press the offensive …"". */
function signpostWords(model: Model, s: Forecast["signposts"][number]): string {
  return describeMove(model, s.dm, model.statusQuo, s.to);
}

/** The forecast's JSON (`parley-forecast/1`). */
export type ForecastJson = ReturnType<typeof forecastJson>;

function forecastJson(model: Model, f: Forecast, scenario: { name: string; hash: string }) {
  return {
    format: "parley-forecast/1",
    made: f.made,
    asOf: f.asOf,
    scenario,
    model: {
      concept: f.concept,
      rules: f.rules,
      horizon: f.horizon,
      rates: Object.fromEntries(model.scenario.decisionMakers.map((dm, d) => [dm.id, f.rates[d]])),
    },
    exact: f.exact,
    samples: f.samples,
    settled: f.settled,
    outcomes: f.outcomes.map((o) => ({
      state: stateId(o.state),
      pattern: statePattern(model, o.state),
      words: describeState(model, o.state),
      probability: o.probability,
      stderr: o.stderr,
      settledProbability: o.settledProbability,
    })),
    families: f.families.map((x) => ({
      pattern: familyPattern(model, x.care, x.value),
      words: describeFamily(model, x.states, x.care),
      states: stateIds(x.states),
      probability: x.probability,
      settledProbability: x.settledProbability,
    })),
    questions: f.questions.map((q) => ({
      id: q.id,
      question: q.question,
      condition: q.condition,
      by: q.by,
      ...(q.resolution !== undefined ? { resolution: q.resolution } : {}),
      probability: q.probability,
      stderr: q.stderr,
      retrodiction: q.retrodiction,
      holdsToday: q.holdsToday,
      curve: q.curve,
    })),
    signposts: f.signposts.map((s) => ({
      decisionMaker: model.scenario.decisionMakers[s.dm].id,
      changes: s.changes.map((c) => ({ option: model.scenario.options[c.option].id, taken: c.taken })),
      to: stateId(s.to),
      words: signpostWords(model, s),
      nextMove: s.nextMove,
      impact: s.impact,
      questions: s.questions,
    })),
  };
}

/** The forecast's tables: outcomes (by family), questions, signposts. */
function tables(model: Model, f: Forecast, top: number): { outcomes: Table; questions: Table; signposts: Table } {
  const outcomes: Table = {
    header: ["probability", "outcome", "states"],
    right: [true, false, false],
    rows: f.families.map((x) => [pct(x.probability), describeFamily(model, x.states, x.care), stateIds(x.states).join(", ")]),
  };
  const questions: Table = {
    header: ["probability", "by", "question", "note"],
    right: [true, false, false, false],
    rows: f.questions.map((q) => [
      pct(q.probability),
      q.by,
      q.question,
      q.retrodiction
        ? q.probability === null
          ? "date passed; no as-of date to retrodict from"
          : `retrodiction from ${f.asOf} (date passed; not scored)`
        : q.holdsToday
          ? "already yes today"
          : "",
    ]),
  };
  const signposts: Table = {
    header: ["if next", "chance it is next", ...f.questions.map((q) => q.id)],
    right: [false, true, ...f.questions.map(() => true)],
    rows: f.signposts
      .filter((s) => s.impact >= 0.01 || s.nextMove >= 0.05)
      .slice(0, top)
      .map((s) => [signpostWords(model, s), pct(s.nextMove), ...s.questions.map((q) => (q.answers ? "yes" : `${pct(q.probability)} (${signed(q.change)})`))]),
  };
  return { outcomes, questions, signposts };
}

/** The assumptions behind the numbers; the decision makers' names are the scenario's. */
function assumptions(model: Model, f: Forecast): Inline[] {
  const total = f.rules.reduce((a, r) => a + r.weight, 0);
  const rules = f.rules.map((r) => `${MOVE_RULE_NAMES[r.rule]} (${r.rule}, ${pct(r.weight / total)})`).join("; ");
  const rates = model.scenario.decisionMakers.flatMap((dm, d) => t`${d ? ", " : ""}${user(dm.name)} ${String(f.rates[d])}`);
  return [
    `Play stops at an equilibrium under ${CONCEPT_NAMES[f.concept]} (${f.concept}), or after ${f.horizon} moves.`,
    `Behaviour rules, one per course of play, by weight: ${rules}.`,
    t`Decisive moves a month: ${rates}${model.scenario.decisionMakers.some((dm) => dm.rate) ? "" : " (the default: none set in the scenario)"}.`,
    f.exact
      ? "Probabilities are exact for this model."
      : `Probabilities are estimated from ${count(f.samples)} simulated courses of play (standard errors in the JSON).`,
  ];
}

/** What `parley forecast` computed; `signposts`: how many are listed (--signposts). */
export interface ForecastResult {
  model: Model;
  forecast: Forecast;
  scenario: { name: string; hash: string };
  signposts: number;
}

/** One table per section, each headed by its name: outcomes, questions, signposts. */
function forecastCsv(model: Model, f: Forecast, top: number): string {
  const x = tables(model, f, top);
  return ["# outcomes", renderCsv(x.outcomes), "# questions", renderCsv(x.questions), "# signposts", renderCsv(x.signposts)].join("\n") + "\n";
}

function forecastDocument({ model, forecast: f, signposts: top }: ForecastResult): Document {
  const blocks: Block[] = [];
  const h = (text: string): Block => ({ kind: "heading", level: 2, text, underline: true });
  const para = (text: Inline): Block => ({ kind: "paragraph", text, wrap: true });
  // A figure (a probability, "if") before each item: right-aligned in text, bold in Markdown.
  const item = (label: string, text: Inline): Block => ({ kind: "item", level: 1, label, labelWidth: 5, hang: true, text });
  const asOf = model.scenario.asOf;
  blocks.push({ kind: "heading", level: 1, text: t`Forecast: ${user(model.scenario.name)}` });
  blocks.push(
    para(
      t`Made ${f.made}${asOf ? t`, from the scenario as of ${user(asOf)}` : ""}. These are probabilities that each outcome is where the conflict ends up if the parties keep making moves that leave them better off; they are not the probability that a state is stable (parley robustness gives that).`,
    ),
  );
  blocks.push(h(`Where play settles (within ${f.horizon} moves)`));
  for (const x of f.families) blocks.push(item(pct(x.probability), t`${user(describeFamily(model, x.states, x.care))} (${stateList(x.states)})`));
  if (f.settled < 0.995) blocks.push(para(`Play is still moving after ${f.horizon} moves with probability ${pct(1 - f.settled)}.`));
  if (!f.questions.length)
    blocks.push(
      para(
        "The scenario asks no questions, so there are no probabilities by date and no signposts: add a questions: section (id, question, condition, by; docs/scenario-format.md).",
      ),
    );
  if (f.questions.length) {
    blocks.push(h("Questions"));
    for (const q of f.questions) {
      const note = q.retrodiction
        ? q.probability === null
          ? " [date passed; the scenario gives no as-of date to retrodict from]"
          : ` [retrodiction: the date has passed; computed from ${f.asOf}, never scored]`
        : q.holdsToday
          ? " [already yes today]"
          : "";
      blocks.push(item(pct(q.probability), t`${user(q.question)}${note}`));
    }
  }
  // The moves that change a question, and the likely next moves even when they only answer one.
  const posts = f.signposts.filter((s) => s.impact >= 0.01 || s.nextMove >= 0.05).slice(0, top);
  if (posts.length) {
    blocks.push(h("Signposts: news that would change the forecast"));
    blocks.push(para("Moves that could be seen next, with what each would do to the questions."));
    for (const s of posts) {
      // Question ids are identifiers (letters, digits, _): nothing in them to escape.
      const effects = s.questions
        .map((q, j) => ({ q, was: f.questions[j].probability }))
        .filter(({ q, was }) => q.answers || pct(was) !== pct(q.probability))
        .map(({ q, was }) => (q.answers ? `${q.id}: yes` : `${q.id} ${pct(was)} → ${pct(q.probability)}`));
      blocks.push(
        item("if", t`${user(signpostWords(model, s))} [chance it is the next move: ${pct(s.nextMove)}]: ${effects.join("; ") || "no question changes"}`),
      );
    }
  }
  blocks.push(h("Assumptions"));
  for (const a of assumptions(model, f)) blocks.push({ kind: "item", level: 1, hang: true, text: a });
  return { title: `Forecast: ${model.scenario.name}`, blocks };
}

const moveRule: Schema = { enum: ["uniform", "gain", "undeterred"] };

export const forecastSchema = root("parley-forecast/1", "parley forecast --format json", {
  made: isoDate,
  asOf: nullable(isoDate),
  scenario: obj({ name: str, hash: str }),
  model: obj({ concept, rules: arr(obj({ rule: moveRule, weight: num })), horizon: int, rates: map(num) }),
  exact: bool,
  samples: int,
  settled: prob,
  outcomes: arr(obj({ state: stateIdSchema, pattern, words: str, probability: prob, stderr: num, settledProbability: prob })),
  families: arr(obj({ pattern: dashPattern, words: str, states: ids, probability: prob, settledProbability: prob })),
  questions: arr(
    obj(
      {
        id: str,
        question: str,
        condition: str,
        by: isoDate,
        resolution: str,
        probability: nullable(prob),
        stderr: num,
        retrodiction: bool,
        holdsToday: bool,
        curve: arr(obj({ date: isoDate, probability: prob })),
      },
      ["resolution"],
    ),
  ),
  signposts: arr(
    obj({
      decisionMaker: str,
      changes: arr(obj({ option: str, taken: bool })),
      to: stateIdSchema,
      words: str,
      nextMove: prob,
      impact: num,
      questions: arr(obj({ id: str, probability: nullable(prob), change: nullable(num), answers: bool })),
    }),
  ),
});

export const forecastRecordSchema = root(FORECAST_RECORD_FORMAT, "one line of a forecast log (parley forecast --record; JSON Lines)", {
  made: isoDate,
  scenario: obj({ name: str, hash: str }),
  question: obj({ id: str, text: str }),
  probability: nullable(prob),
  by: isoDate,
  retrodiction: bool,
  holdsToday: bool,
});

export const forecastOutput: OutputKind<ForecastResult, undefined, ForecastJson> = {
  format: "parley-forecast/1",
  schema: forecastSchema,
  toJson: ({ model, forecast, scenario }) => forecastJson(model, forecast, scenario),
  toDocument: forecastDocument,
  toCsv: ({ model, forecast, signposts }) => forecastCsv(model, forecast, signposts),
};
