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
import type { PlayReport } from "./play.js";

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
  /** Where play goes from today in each what-if: the moves, where they stop, and the joint move there or why no one moves. */
  whatIfs: { title: string; play: PlayReport }[];
  /** Play from today as each party that reads another its own way expects it. */
  perceptions: { reader: string; of: string[]; play: PlayReport }[];
  /** How many one-step changes of priorities the report tried, and how many of them move play from today. */
  tried: { variants: number; moving: number };
  /** The moves whose news would shift the questions most, each with the forecast's chance that it is the next move. */
  watch: { move: string; chance: number; effect: string }[];
  questions: { id: string; question: string; by: string; probability: number | null; retrodiction: boolean }[];
  /**
   * Present when the model was too large to weigh every reading of its
   * uncertain preferences: the likeliest `kept` of `of` were weighed, which
   * held `weight` of the probability (reweighted to 1).
   */
  readingsWeighed?: ProfileLimit;
}

export function bottomLineOf(
  model: Model,
  f: Forecast,
  decisive: AssumptionReport[],
  tried: BottomLine["tried"],
  play: Pick<BottomLine, "whatIfs" | "perceptions">,
  shown = 3,
): BottomLine {
  const outcomes = f.families
    .slice(0, shown)
    .map((fam) => ({ words: describeFamily(model, fam.states, fam.care, { varying: false, absent: false }), probability: fam.probability }));
  const rest = Math.max(0, 1 - outcomes.reduce((a, o) => a + o.probability, 0));
  const questionText = new Map(f.questions.map((q) => [q.id, q]));
  const ranked = [...f.signposts].filter((s) => s.impact >= 0.01).sort((a, b) => b.impact - a.impact || b.nextMove - a.nextMove);
  // The likeliest next move is news worth watching whatever its impact: it goes in first when the model expects it at all.
  const likeliest = [...f.signposts].sort((a, b) => b.nextMove - a.nextMove)[0];
  if (likeliest && likeliest.nextMove >= 0.05) {
    if (ranked.includes(likeliest)) ranked.splice(ranked.indexOf(likeliest), 1);
    ranked.unshift(likeliest);
  }
  const watch = ranked
    .map((s) => {
      // The question the move shifts most, or settles.
      // News today cannot change a question whose date has passed (a retrodiction): only questions ahead count.
      const ahead = s.questions.filter((q) => !questionText.get(q.id)!.retrodiction);
      const answered = ahead.find((q) => q.answers);
      const moved = [...ahead]
        .filter((q) => !q.answers && q.change !== null && Math.abs(q.change) >= 0.005)
        .sort((a, b) => Math.abs(b.change!) - Math.abs(a.change!))[0];
      const bits: string[] = [];
      if (answered) bits.push(`it would settle "${questionText.get(answered.id)!.question}" as yes`);
      if (moved && moved.probability !== null) {
        const before = moved.probability - moved.change!;
        bits.push(`"${questionText.get(moved.id)!.question}" would go from ${pct(before)} to ${pct(moved.probability)}`);
      }
      return { move: describeMove(model, s.dm, model.statusQuo, s.to), chance: s.nextMove, effect: bits.join("; ") };
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
    whatIfs: play.whatIfs,
    perceptions: play.perceptions,
    tried,
    watch,
    questions: f.questions.map((q) => ({ id: q.id, question: q.question, by: q.by, probability: q.probability, retrodiction: q.retrodiction })),
    ...(f.limited ? { readingsWeighed: f.limited } : {}),
  };
}
