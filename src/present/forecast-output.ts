/** `parley forecast` as text, Markdown, CSV or JSON (parley-forecast/1). */
import type { Forecast } from "../analysis/forecast.js";
import { MOVE_RULE_NAMES } from "../analysis/play.js";
import { statePattern, type Model } from "../model/compile.js";
import { CONCEPT_NAMES } from "../stability/analyze.js";
import { describeFamily, describeMove, describeState } from "../model/describe.js";
import { hang, wrap } from "./text.js";
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

const pct = (p: number | null) => (p === null ? "—" : p < 0.005 && p > 0 ? "<1%" : p > 0.995 && p < 1 ? ">99%" : `${Math.round(p * 100)}%`);
const signed = (d: number | null) => (d === null ? "—" : `${d >= 0 ? "+" : "−"}${Math.round(Math.abs(d) * 100)} pts`);

/** "state 4", "states 3, 7", or for many "2,048 states: 3, 7, 11, 15, 19, 23, …". */
function stateList(states: readonly number[]): string {
  if (states.length === 1) return `state ${states[0] + 1}`;
  const ids = states.slice(0, 6).map((s) => s + 1);
  return states.length <= 6 ? `states ${ids.join(", ")}` : `${states.length.toLocaleString("en-US")} states: ${ids.join(", ")}, …`;
}

/** A family of states as a Y/N/- pattern over the options. */
function familyPattern(model: Model, care: number, value: number): string {
  return Array.from({ length: model.nOptions }, (_, k) => (care & (1 << k) ? (value & (1 << k) ? "Y" : "N") : "-")).join("");
}

/** The move of a signpost in words: "Russia: agree to a ceasefire and withdraw "press the offensive …"". */
function signpostWords(model: Model, s: Forecast["signposts"][number]): string {
  return describeMove(model, s.dm, model.statusQuo, s.to);
}

export function forecastJson(model: Model, f: Forecast, scenario: { name: string; hash: string }) {
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
      state: o.state + 1,
      pattern: statePattern(model, o.state),
      words: describeState(model, o.state),
      probability: o.probability,
      stderr: o.stderr,
      settledProbability: o.settledProbability,
    })),
    families: f.families.map((x) => ({
      pattern: familyPattern(model, x.care, x.value),
      words: describeFamily(model, x.states, x.care),
      states: x.states.map((s) => s + 1),
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
      to: s.to + 1,
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
    rows: f.families.map((x) => [pct(x.probability), describeFamily(model, x.states, x.care), x.states.map((s) => s + 1).join(", ")]),
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

function assumptions(model: Model, f: Forecast): string[] {
  const total = f.rules.reduce((a, r) => a + r.weight, 0);
  const rules = f.rules.map((r) => `${MOVE_RULE_NAMES[r.rule]} (${r.rule}, ${pct(r.weight / total)})`).join("; ");
  const rates = model.scenario.decisionMakers.map((dm, d) => `${dm.name} ${f.rates[d]}`).join(", ");
  return [
    `Play stops at an equilibrium under ${CONCEPT_NAMES[f.concept]} (${f.concept}), or after ${f.horizon} moves.`,
    `Behaviour rules, one per course of play, by weight: ${rules}.`,
    `Decisive moves a month: ${rates}${model.scenario.decisionMakers.some((dm) => dm.rate) ? "" : " (the default: none set in the scenario)"}.`,
    f.exact
      ? "Probabilities are exact for this model."
      : `Probabilities are estimated from ${f.samples.toLocaleString("en-US")} simulated courses of play (standard errors in the JSON).`,
  ];
}

export function renderForecast(model: Model, f: Forecast, format: "text" | "md" | "csv", top = 8): string {
  const t = tables(model, f, top);
  if (format === "csv") {
    // One table per section, each headed by its name: outcomes, questions, signposts.
    return ["# outcomes", renderCsv(t.outcomes), "# questions", renderCsv(t.questions), "# signposts", renderCsv(t.signposts)].join("\n") + "\n";
  }
  const md = format === "md";
  const esc = (x: string) => (md ? x.replace(/([\\`*_[\]<>|#])/g, "\\$1") : x);
  const h = (text: string) => (md ? `## ${text}` : `${text}\n${"─".repeat(text.length)}`);
  const para = (text: string) => (md ? text : wrap(text, 80));
  // A bullet with a hanging indent in text, a list item in Markdown.
  const item = (lead: string, text: string) => (md ? `- **${lead}** ${text}` : hang(`${lead.padStart(5)}  `, text));
  const lines: string[] = [];
  const title = `Forecast: ${model.scenario.name}`;
  lines.push(md ? `# ${esc(title)}` : title, "");
  lines.push(
    para(
      `Made ${f.made}${model.scenario.asOf ? `, from the scenario as of ${esc(model.scenario.asOf)}` : ""}. These are probabilities that each outcome is where the conflict ends up if the parties keep making moves that leave them better off; they are not the probability that a state is stable (parley robustness gives that).`,
    ),
    "",
  );
  lines.push(h(`Where play settles (within ${f.horizon} moves)`), "");
  for (const x of f.families) lines.push(item(pct(x.probability), `${esc(describeFamily(model, x.states, x.care))} (${stateList(x.states)})`));
  lines.push("");
  if (f.settled < 0.995) lines.push(para(`Play is still moving after ${f.horizon} moves with probability ${pct(1 - f.settled)}.`), "");
  if (!f.questions.length)
    lines.push(
      para(
        "The scenario asks no questions, so there are no probabilities by date and no signposts: add a questions: section (id, question, condition, by; docs/scenario-format.md).",
      ),
      "",
    );
  if (f.questions.length) {
    lines.push(h("Questions"), "");
    for (const q of f.questions) {
      const note = q.retrodiction
        ? q.probability === null
          ? " [date passed; the scenario gives no as-of date to retrodict from]"
          : ` [retrodiction: the date has passed; computed from ${f.asOf}, never scored]`
        : q.holdsToday
          ? " [already yes today]"
          : "";
      lines.push(item(pct(q.probability), `${esc(q.question)}${note}`));
    }
    lines.push("");
  }
  // The moves that change a question, and the likely next moves even when they only answer one.
  const posts = f.signposts.filter((s) => s.impact >= 0.01 || s.nextMove >= 0.05).slice(0, top);
  if (posts.length) {
    lines.push(h("Signposts: news that would change the forecast"), "");
    lines.push(para("Moves that could be seen next, with what each would do to the questions."), "");
    for (const s of posts) {
      const effects = s.questions
        .map((q, j) => ({ q, was: f.questions[j].probability }))
        .filter(({ q, was }) => q.answers || pct(was) !== pct(q.probability))
        .map(({ q, was }) => (q.answers ? `${q.id}: yes` : `${q.id} ${pct(was)} → ${pct(q.probability)}`));
      lines.push(
        item("if", `${esc(signpostWords(model, s))} [chance it is the next move: ${pct(s.nextMove)}]: ${effects.join("; ") || "no question changes"}`),
      );
    }
    lines.push("");
  }
  lines.push(h("Assumptions"), "");
  for (const a of assumptions(model, f)) lines.push(md ? `- ${esc(a)}` : hang("• ", a));
  return lines.join("\n") + "\n";
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

export const forecastRecordSchema = root("parley-forecast-record/1", "one line of a forecast log (parley forecast --record; JSON Lines)", {
  made: isoDate,
  scenario: obj({ name: str, hash: str }),
  question: obj({ id: str, text: str }),
  probability: nullable(prob),
  by: isoDate,
  retrodiction: bool,
  holdsToday: bool,
});
