/**
 * The forecast of a scenario: how likely each outcome is (the model of play,
 * src/analysis/play.ts), how likely each of its questions resolves yes by
 * its date (src/analysis/timeline.ts), and which news would change that most
 * (signposts: the single option changes that could be seen next, each with
 * the forecast as it would be after it).
 *
 * Dates. A forecast is dated the day it is computed (`today`, given by the
 * caller: the engine reads no clock). A question whose date is after today is
 * forecast from today, taking the scenario's state as today's. A question
 * whose date has passed is a retrodiction: it is computed from the
 * scenario's own date (`asOf`) to the question's, labelled so, and never
 * scored as a forecast; without a usable as-of date it gets no probability.
 */
import { cubesHold } from "../format/cubes.js";
import { isCalendarDate } from "../format/dates.js";
import type { Concept } from "../stability/analyze.js";
import type { StabilityContext } from "../stability/context.js";
import type { Draws } from "./draws.js";
import { stateFamilies } from "./families.js";
import { play, preparePlay, type MoveRule, type Outcome, type PreparedPlay } from "./play.js";
import type { PreferenceUncertainty } from "./robustness.js";
import type { ProfileLimit } from "./profile-budget.js";
import { questionTimeline } from "./timeline.js";

export const DEFAULT_RULES: { rule: MoveRule; weight: number }[] = [
  { rule: "undeterred", weight: 2 },
  { rule: "uniform", weight: 1 },
];
export const DEFAULT_CONCEPT: Concept = "SEQ";
export const DEFAULT_HORIZON = 30;
/** Days in an average month (365.25 / 12): rates are per month. */
export const DAYS_PER_MONTH = 30.4375;

export interface ForecastOptions {
  /** The day the forecast is computed, YYYY-MM-DD. */
  today: string;
  concept?: Concept;
  rules?: { rule: MoveRule; weight: number }[];
  horizon?: number;
  method?: "auto" | "sample";
  samples?: number;
  seed?: number;
  /** Signposts: how many single moves to try (the likeliest next ones first; default all). */
  signposts?: number;
  /** Where the sampled courses of play are run (default: all here; a shard's share, or a merge: src/analysis/draws.ts). */
  draws?: Draws;
  /**
   * At most this many preference profiles weighed (default all): each costs an
   * analysis of the whole model, so a large model keeps the likeliest,
   * reweighted, and the forecast says so (`limited`).
   */
  maxProfiles?: number;
}

export interface QuestionForecast {
  id: string;
  question: string;
  condition: string;
  by: string;
  resolution?: string;
  /** Null for a retrodiction without an as-of date. */
  probability: number | null;
  stderr: number;
  /** The date has passed: computed from the scenario's as-of date, never scored. */
  retrodiction: boolean;
  /** The condition holds in the scenario's state. */
  holdsToday: boolean;
  /** The probability by the end of each month from the start up to the question's date. */
  curve: { date: string; probability: number }[];
}

export interface OutcomeFamily {
  /** Options the family fixes (bit set) and their values. */
  care: number;
  value: number;
  states: number[];
  probability: number;
  settledProbability: number;
}

export interface Signpost {
  dm: number;
  /** The state the move leads to. */
  to: number;
  /** The options that change, each taken (true) or withdrawn. */
  changes: { option: number; taken: boolean }[];
  /** Probability that this is the next move, under the model (0 when the model would not make it). */
  nextMove: number;
  /** Each question's probability if this move happens next, the change from the forecast, and whether the move itself answers it yes. */
  questions: { id: string; probability: number | null; change: number | null; answers: boolean }[];
  /** The largest change in the probability of a question the move does not itself answer. */
  impact: number;
}

export interface Forecast {
  made: string;
  /** The scenario's own date as read from asOf (YYYY-MM-DD), when it gives one. */
  asOf: string | null;
  concept: Concept;
  rules: { rule: MoveRule; weight: number }[];
  horizon: number;
  rates: number[];
  exact: boolean;
  samples: number;
  outcomes: Outcome[];
  families: OutcomeFamily[];
  /** Probability that play reaches an equilibrium within the horizon. */
  settled: number;
  questions: QuestionForecast[];
  signposts: Signpost[];
  /** Present when `maxProfiles` left preference profiles out: how many were weighed, of how many, and their share of the probability. */
  limited?: ProfileLimit;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * The scenario's as-of date as YYYY-MM-DD: "2025-08-20" as is; "2025-08" and
 * "August 2025" as the 15th of the month (the middle: a month-level date says
 * no more); anything else gives null.
 */
export function asOfDate(asOf: string | undefined): string | null {
  if (!asOf) return null;
  const t = asOf.trim();
  if (isCalendarDate(t)) return t;
  let m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2]}-15`;
  m = /^(?:(?:early|mid|late)[- ])?([a-z]+)\.? (\d{4})$/i.exec(t);
  if (m) {
    const k = MONTHS.findIndex((x) => x.startsWith(m![1].toLowerCase()) && m![1].length >= 3);
    if (k >= 0) return `${m[2]}-${String(k + 1).padStart(2, "0")}-15`;
  }
  return null;
}

/** Months from a to b (dates YYYY-MM-DD), by days over the average month. */
export function monthsBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000 / DAYS_PER_MONTH;
}

function addMonths(date: string, months: number): string {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + months * DAYS_PER_MONTH * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export function forecast(ctx: StabilityContext, u: PreferenceUncertainty, opts: ForecastOptions): Forecast {
  const { model } = ctx;
  const sc = model.scenario;
  const concept = opts.concept ?? sc.forecast?.concept ?? DEFAULT_CONCEPT;
  const rules = opts.rules ?? sc.forecast?.rules?.map((r) => ({ rule: r.rule, weight: r.weight })) ?? DEFAULT_RULES;
  const horizon = opts.horizon ?? sc.forecast?.horizon ?? DEFAULT_HORIZON;
  const rates = sc.decisionMakers.map((dm) => dm.rate?.perMonth ?? 1);
  const prepared = preparePlay(ctx, u, { concept, samples: opts.samples, seed: opts.seed, maxProfiles: opts.maxProfiles });
  const common = { concept, rules, method: opts.method, samples: opts.samples, seed: opts.seed, prepared, draws: opts.draws };
  const asOf = asOfDate(sc.asOf);

  const p = play(ctx, u, { ...common, rates, horizon });
  const families = stateFamilies(
    model,
    p.outcomes.map((o) => o.state),
  )
    .map((f) => {
      const members = new Set(f.states);
      const mine = p.outcomes.filter((o) => members.has(o.state));
      return {
        care: f.care,
        value: f.value,
        states: f.states,
        probability: mine.reduce((a, o) => a + o.probability, 0),
        settledProbability: mine.reduce((a, o) => a + o.settledProbability, 0),
      };
    })
    .sort((a, b) => b.probability - a.probability);

  const questions = questionsFrom(ctx, u, [model.statusQuo], opts.today, asOf, { ...common, rates }, true)[0];
  const signposts = signpostsFor(ctx, u, questions, opts, { ...common, rates, horizon }, asOf);
  return {
    made: opts.today,
    asOf,
    concept,
    rules,
    horizon,
    rates,
    exact: p.exact,
    samples: p.samples,
    outcomes: p.outcomes,
    families,
    settled: p.settled,
    questions,
    signposts,
    ...(prepared.limited ? { limited: prepared.limited } : {}),
  };
}

type Common = {
  concept: Concept;
  rules: { rule: MoveRule; weight: number }[];
  method?: "auto" | "sample";
  samples?: number;
  seed?: number;
  rates: number[];
  prepared: PreparedPlay;
  draws?: Draws;
};

/**
 * Each question's probability by its date from each of `froms` (the first is
 * the forecast's own start, the others signposts'), with the monthly curve for
 * the first when asked: one timeline per start date serves every start.
 */
function questionsFrom(
  ctx: StabilityContext,
  u: PreferenceUncertainty,
  froms: readonly number[],
  today: string,
  asOf: string | null,
  common: Common,
  curves: boolean,
): QuestionForecast[][] {
  const { model } = ctx;
  const list = model.scenario.questions ?? [];
  const items = list.map((q) => {
    const holds = Uint8Array.from(model.states, (mask) => (cubesHold(q.cubes, mask) ? 1 : 0));
    const retrodiction = q.by <= today;
    const start = retrodiction ? asOf : today;
    const span = start && start <= q.by ? monthsBetween(start, q.by) : null;
    // Monthly points up to the date (at most 60), and the date itself last.
    const steps = span === null || !curves ? 0 : Math.min(60, Math.floor(span));
    const times = span === null ? [] : [...Array.from({ length: steps }, (_, k) => ((k + 1) * span) / (steps + 1)), span];
    return { q, holds, retrodiction, start, times };
  });
  // One timeline per start date (today, or the as-of date for retrodictions), every question and every start at once.
  const results = new Map<string, { times: number[]; probability: number[][][]; stderr: number[][][] }>();
  for (const start of new Set(items.flatMap((x) => (x.start && x.times.length ? [x.start] : [])))) {
    const mine = items.filter((x) => x.start === start && x.times.length);
    const times = [...new Set(mine.flatMap((x) => x.times))].sort((a, b) => a - b);
    const t = questionTimeline(
      ctx,
      u,
      mine.map((x) => ({ id: x.q.id, holds: x.holds })),
      { ...common, times, from: froms[0], also: froms.slice(1), settled: false },
    );
    const perStart = [t.questions, ...t.also];
    results.set(start, { times, probability: perStart.map((qs) => qs.map((x) => x.probability)), stderr: perStart.map((qs) => qs.map((x) => x.stderr)) });
  }
  return froms.map((from, f) =>
    items.map(({ q, holds, retrodiction, start, times }) => {
      const base = {
        id: q.id,
        question: q.question,
        condition: q.condition,
        by: q.by,
        ...(q.resolution !== undefined ? { resolution: q.resolution } : {}),
        retrodiction,
        holdsToday: holds[from] === 1,
      };
      if (!start || !times.length) return { ...base, probability: null, stderr: 0, curve: [] };
      const r = results.get(start)!;
      const j = items.filter((x) => x.start === start && x.times.length).findIndex((x) => x.q === q);
      const at = (m: number) => r.times.indexOf(m);
      const last = at(times[times.length - 1]);
      return {
        ...base,
        probability: r.probability[f][j][last],
        stderr: r.stderr[f][j][last],
        curve:
          curves && f === 0
            ? times.map((m, k) => ({ date: k === times.length - 1 ? q.by : addMonths(start, m), probability: r.probability[f][j][at(m)] }))
            : [],
      };
    }),
  );
}

/**
 * The moves that could be seen next from today (every unilateral move of
 * every party: what a news item reports), each with the questions as they
 * would be after it; ranked by how much they change the questions they do not
 * themselves answer.
 */
function signpostsFor(
  ctx: StabilityContext,
  u: PreferenceUncertainty,
  base: QuestionForecast[],
  opts: ForecastOptions,
  common: Common & { horizon: number },
  asOf: string | null,
): Signpost[] {
  const { model } = ctx;
  const sq = model.statusQuo;
  if (!base.length || opts.signposts === 0) return [];
  // The model's own chance of each first move: play one move from today.
  const first = play(ctx, u, { ...common, horizon: 1 });
  const nextP = new Map(first.outcomes.filter((o) => o.state !== sq).map((o) => [o.state, o.probability]));
  const moves: { dm: number; to: number }[] = [];
  for (let d = 0; d < model.nDMs; d++) {
    const { offsets, targets } = ctx.moves[d];
    for (let e = offsets[sq]; e < offsets[sq + 1]; e++) moves.push({ dm: d, to: targets[e] });
  }
  const after = questionsFrom(ctx, u, [sq, ...moves.map((m) => m.to)], opts.today, asOf, common, false).slice(1);
  const out: Signpost[] = moves.map(({ dm, to }, k) => {
    const questions = after[k].map((q, j) => {
      const was = base[j].probability;
      return { id: q.id, probability: q.probability, change: q.probability === null || was === null ? null : q.probability - was, answers: q.holdsToday };
    });
    // News that answers a question is no signpost for it: rank by what the move changes elsewhere.
    const impact = Math.max(0, ...questions.filter((q) => !q.answers).map((q) => Math.abs(q.change ?? 0)));
    const diff = model.states[to] ^ model.states[sq];
    const changes = model.scenario.options.flatMap((_, o) => (diff & (1 << o) ? [{ option: o, taken: (model.states[to] & (1 << o)) !== 0 }] : []));
    return { dm, to, changes, nextMove: nextP.get(to) ?? 0, questions, impact };
  });
  const order = (a: Signpost, b: Signpost) => b.impact - a.impact || b.nextMove - a.nextMove || a.to - b.to;
  out.sort(order);
  if (opts.signposts === undefined) return out;
  // Within the limit, the moves the model expects next (5% or more) come first, then the most telling of the others.
  const likely = out.filter((s) => s.nextMove >= 0.05).sort((a, b) => b.nextMove - a.nextMove);
  const chosen = new Set(likely.slice(0, opts.signposts));
  for (const s of out) if (chosen.size < opts.signposts) chosen.add(s);
  return out.filter((s) => chosen.has(s));
}
