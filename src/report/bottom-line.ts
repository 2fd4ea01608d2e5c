/**
 * The report's bottom line: what is likely to happen (the forecast's outcome
 * families, in words), what would change that (the decisive assumptions), the
 * news to watch for (the strongest signposts), and each question's
 * probability by its date. It is dated the day the report is made, never the
 * scenario's as-of date (a question whose date has passed is a retrodiction).
 */
import type { Forecast } from "../analysis/forecast.js";
import type { ProfileLimit } from "../analysis/profile-budget.js";
import type { Model } from "../model/compile.js";
import { describeFamily, describeMove } from "../model/describe.js";
import type { AssumptionReport } from "./assumptions.js";
import { percent as pct } from "../present/percent.js";

export interface BottomLine {
  /** The day the report was made (YYYY-MM-DD). */
  made: string;
  /** The scenario's own date, as read from `asOf`. */
  asOf: string | null;
  /** Moves of play the forecast looks ahead. */
  horizon: number;
  /** The likeliest outcome families, most likely first, in words of what they share. */
  outcomes: { words: string; probability: number }[];
  /** Probability of every other outcome together. */
  rest: number;
  /** The assumptions that would change the outlook, in words. */
  change: string[];
  /**
   * The other readings of a party's preferences (its `alternatives`) that the
   * probabilities weigh, with their weights: where the scenario gives a
   * decisive ranking both ways, the reader sees it beside the numbers.
   */
  readings: { dm: string; label: string; weight: number }[];
  /** The what-ifs in which play moves from their today: the moves to the nearest stable outcome, and that outcome in words. */
  whatIfs: { title: string; moves: string[]; words: string }[];
  /** The single moves whose news would shift the questions most. */
  watch: { move: string; effect: string }[];
  questions: { id: string; question: string; by: string; probability: number | null; retrodiction: boolean }[];
  /**
   * Present when the model was too large to weigh every reading of its
   * uncertain preferences: the likeliest `kept` of `of` were weighed, which
   * held `weight` of the probability (reweighted to 1).
   */
  readingsWeighed?: ProfileLimit;
}

export function bottomLineOf(model: Model, f: Forecast, decisive: AssumptionReport[], shown = 3): BottomLine {
  const outcomes = f.families
    .slice(0, shown)
    .map((fam) => ({ words: describeFamily(model, fam.states, fam.care, { varying: false, absent: false }), probability: fam.probability }));
  const rest = Math.max(0, 1 - outcomes.reduce((a, o) => a + o.probability, 0));
  const questionText = new Map(f.questions.map((q) => [q.id, q]));
  const ranked = [...f.signposts].filter((s) => s.impact >= 0.01).sort((a, b) => b.impact - a.impact || b.nextMove - a.nextMove);
  const watch = ranked
    .map((s) => {
      // The question the move shifts most, or settles.
      const answered = s.questions.find((q) => q.answers);
      const moved = [...s.questions].filter((q) => !q.answers && q.change !== null).sort((a, b) => Math.abs(b.change!) - Math.abs(a.change!))[0];
      const bits: string[] = [];
      if (answered) bits.push(`it would settle "${questionText.get(answered.id)!.question}" as yes`);
      if (moved && moved.probability !== null) {
        const before = moved.probability - moved.change!;
        bits.push(`"${questionText.get(moved.id)!.question}" would go from ${pct(before)} to ${pct(moved.probability)}`);
      }
      return { move: describeMove(model, s.dm, model.statusQuo, s.to), effect: bits.join("; ") };
    })
    // Two moves with the same effect on the questions tell a reader one thing: keep the first (the stronger).
    .filter((w, k, all) => all.findIndex((o) => o.effect === w.effect) === k)
    .slice(0, 2);
  return {
    made: f.made,
    asOf: f.asOf,
    horizon: f.horizon,
    outcomes,
    rest,
    change: decisive
      .filter((a) => a.changesOutlook)
      .slice(0, 2)
      .map((a) => a.change),
    readings: model.scenario.preferences.flatMap((p, d) =>
      (p.alternatives ?? []).map((a) => ({ dm: model.scenario.decisionMakers[d].name, label: a.label, weight: a.weight })),
    ),
    whatIfs: [],
    watch,
    questions: f.questions.map((q) => ({ id: q.id, question: q.question, by: q.by, probability: q.probability, retrodiction: q.retrodiction })),
    ...(f.limited ? { readingsWeighed: f.limited } : {}),
  };
}
