/**
 * Preference uncertainty and robustness. Some preference statements hold only
 * with a probability, and a decision maker may have alternative orderings
 * with weights. Each draw of every DM's preferences is a profile; for every
 * state and concept Parley reports the probability that the state is an
 * equilibrium, with a confidence interval when sampled, and which uncertain
 * element moves the answer most.
 *
 * When the profiles are few, they are enumerated exactly with their
 * probabilities; otherwise they are sampled with a seeded generator, so a run
 * is reproducible. Every distinct profile is analysed once (moves do not
 * depend on preferences and are shared), so repeated draws cost a lookup.
 */
import type { Model } from "../model/compile.js";
import type { PreferenceSpec } from "../format/scenario.js";
import { preferenceLevels } from "../preferences/ranks.js";
import { analyze, runToEnd, variantContext, type Concept } from "../stability/analyze.js";
import type { StabilityContext } from "../stability/context.js";
import { seededRandom } from "./random.js";

/** One uncertain element of one DM's preferences. */
export type UncertainElement =
  /** A statement of the DM's base list (alternative -1) or of an alternative that holds with a probability. */
  | { kind: "statement"; dm: number; alternative: number; index: number; probability: number; label: string }
  /** An alternative preference of the DM, chosen with a weight (the base keeps the rest). */
  | { kind: "alternative"; dm: number; alternative: number; weight: number; label: string };

export interface PreferenceUncertainty {
  /** Per DM: its alternative preferences with weights (empty when none). */
  alternatives: { weight: number; preference: PreferenceSpec; label: string }[][];
  /** Statements that hold with a probability: (dm, alternative or -1 for the base, statement index). */
  statements: { dm: number; alternative: number; index: number; probability: number; label: string }[];
}

export interface RobustnessOptions {
  concepts: readonly Concept[];
  /** Samples when profiles are too many to enumerate. */
  samples?: number;
  seed?: number;
  /** Enumerate exactly when there are at most this many joint profiles. */
  exactLimit?: number;
  /** Called after each chunk of work with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Polled between chunks: return true to stop and keep the partial result. */
  shouldStop?: () => boolean;
}

export interface StateRobustness {
  state: number;
  /** concept -> probability of being an equilibrium, and a 95% interval (equal to it when exact). */
  probability: Partial<Record<Concept, { p: number; low: number; high: number }>>;
}

export interface Influence {
  element: UncertainElement;
  /** The largest change in any state's equilibrium probability between "holds" and "does not hold". */
  shift: number;
  state: number;
  concept: Concept;
  /** P(equilibrium | element holds) and P(equilibrium | it does not), for that state and concept. */
  whenHolds: number;
  whenNot: number;
}

export interface RobustnessResult {
  exact: boolean;
  /** Samples drawn (or profiles enumerated); smaller than asked when interrupted. */
  done: number;
  asked: number;
  interrupted: boolean;
  distinctProfiles: number;
  /** States that are an equilibrium under some concept with positive probability, most probable first. */
  states: StateRobustness[];
  influence: Influence[];
  /** The same for each concept alone: per element, the state whose probability of being an equilibrium under that concept it moves most. */
  influenceByConcept: Partial<Record<Concept, Influence[]>>;
  elapsedMs: number;
}

/** The uncertainty a scenario declares: statements with a probability, alternatives with weights. */
export function uncertaintyOf(model: Model): PreferenceUncertainty {
  const statements: PreferenceUncertainty["statements"] = [];
  const collect = (pref: PreferenceSpec, dm: number, alternative: number, prefix: string) => {
    if (pref.kind !== "statements") return;
    pref.statements.forEach((st, index) => {
      if (st.probability !== undefined && st.probability !== 1)
        statements.push({ dm, alternative, index, probability: st.probability, label: `${prefix}${st.note ?? st.text}` });
    });
  };
  const alternatives = model.scenario.preferences.map((pref, dm) => {
    collect(pref, dm, -1, "");
    return (pref.alternatives ?? []).map((alt, k) => {
      collect(alt.preference, dm, k, `${alt.label}: `);
      return { weight: alt.weight, preference: alt.preference, label: alt.label };
    });
  });
  return { alternatives, statements };
}

/** No uncertainty at all: the deterministic model. */
export function noUncertainty(model: Model): PreferenceUncertainty {
  return { alternatives: model.scenario.preferences.map(() => []), statements: [] };
}

/** One DM's drawn preference: which alternative (-1 = base) and which uncertain statements hold. */
export interface DMDraw {
  alternative: number;
  /** Bit j set: the j-th uncertain statement of that alternative holds. */
  holds: number;
}

/** 95% Wilson score interval for k successes in n trials. */
export function wilson(k: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const z = 1.959963984540054;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return { low: Math.max(0, c - h), high: Math.min(1, c + h) };
}

/** Run to the end (or until `shouldStop`), synchronously. */
export function robustness(ctx: StabilityContext, u: PreferenceUncertainty, opts: RobustnessOptions): RobustnessResult {
  return runToEnd(robustnessSteps(ctx, u, opts));
}

/**
 * The same, as a generator that pauses after every analysed profile (yielding
 * progress), so an adapter can keep its event loop running between steps
 * (progress bars, Ctrl-C) without the engine knowing about either.
 */
export function* robustnessSteps(
  ctx: StabilityContext,
  u: PreferenceUncertainty,
  opts: RobustnessOptions,
): Generator<{ done: number; total: number }, RobustnessResult> {
  const t0 = performance.now();
  const plan = planRobustness(ctx.model, u, opts);
  const results: Uint8Array[][] = [];
  let interrupted = false;
  for (let k = 0; k < plan.profiles.length; k++) {
    results.push(profileEquilibria(ctx, plan.concepts, plan.levels(k)));
    const done = plan.coveredBy(k + 1);
    opts.onProgress?.(done, plan.asked);
    yield { done, total: plan.asked };
    if (k + 1 < plan.profiles.length && opts.shouldStop?.()) {
      interrupted = true;
      break;
    }
  }
  return summariseRobustness(plan, results, interrupted, performance.now() - t0);
}

/** A drawn choice of one DM: an alternative (or the base) with its weight and its still-uncertain statements. */
interface Choice {
  alternative: number;
  weight: number;
  preference: PreferenceSpec;
  uncertain: { index: number; original: number; probability: number }[];
}

/**
 * What a robustness run will analyse, fixed before any analysis: the distinct
 * joint profiles in the order they are first needed, with their weights
 * (exact) or the profile of every draw (sampling). Splitting the run this way
 * lets an adapter analyse the profiles anywhere (worker threads) and still get
 * the single-threaded result, bit for bit: the summary adds them in this order.
 */
export interface RobustnessPlan {
  model: Model;
  concepts: Concept[];
  exact: boolean;
  /** Profiles enumerated (exact) or samples asked. */
  asked: number;
  /** Distinct joint profiles: one draw per DM. */
  profiles: DMDraw[][];
  /** Exact: each profile's probability. */
  probability: Float64Array;
  /** Sampling: the profile index of every draw. */
  drawProfile: Int32Array;
  /** How many enumerated profiles or draws are covered once the first k profiles are analysed. */
  coveredBy(k: number): number;
  /** Each DM's preference levels in profile k (cached per DM and draw). */
  levels(k: number): Int32Array[];
  elements: UncertainElement[];
  holdsElement(draws: DMDraw[], e: UncertainElement): boolean;
}

export function planRobustness(model: Model, u: PreferenceUncertainty, opts: RobustnessOptions): RobustnessPlan {
  const nDMs = model.nDMs;
  const concepts = [...opts.concepts];

  // Per DM: the alternatives (index -1 = base) with weights, and each one's uncertain statements.
  const choices: Choice[][] = Array.from({ length: nDMs }, (_, d) => {
    const alts = u.alternatives[d] ?? [];
    const altWeight = alts.reduce((a, x) => a + x.weight, 0);
    const options = [
      { alternative: -1, weight: Math.max(0, 1 - altWeight), preference: model.scenario.preferences[d] },
      ...alts.map((x, k) => ({ alternative: k, weight: x.weight, preference: x.preference })),
    ].filter((o) => o.weight > 0);
    // Probabilities of 1 and 0 are certain: only the others are drawn.
    return options.map((o) => {
      const mine = u.statements.filter((s) => s.dm === d && s.alternative === o.alternative);
      const preference = applyDraw(
        o.preference,
        mine.filter((s) => s.probability <= 0),
        0,
      );
      const never = new Set(mine.filter((s) => s.probability <= 0).map((s) => s.index));
      // Statement indices shift once the never-holding ones are gone.
      const shift = (index: number) => index - [...never].filter((k) => k < index).length;
      const uncertain = mine
        .filter((s) => s.probability > 0 && s.probability < 1)
        .map((s) => ({ index: shift(s.index), original: s.index, probability: s.probability }));
      return { ...o, preference, uncertain };
    });
  });

  // Elements whose influence is measured: every uncertain statement, every alternative.
  const elements: UncertainElement[] = [
    ...u.statements.map((s) => ({ kind: "statement" as const, ...s })),
    ...u.alternatives.flatMap((alts, d) => alts.map((a, k) => ({ kind: "alternative" as const, dm: d, alternative: k, weight: a.weight, label: a.label }))),
  ];
  const holdsElement = (draws: DMDraw[], e: UncertainElement): boolean => {
    const dr = draws[e.dm];
    if (e.kind === "alternative") return dr.alternative === e.alternative;
    if (dr.alternative !== e.alternative) return false;
    if (e.probability >= 1) return true;
    if (e.probability <= 0) return false;
    const list = choices[e.dm].find((c) => c.alternative === e.alternative)!.uncertain;
    const j = list.findIndex((x) => x.original === e.index);
    return (dr.holds & (1 << j)) !== 0;
  };

  const levelCache = new Map<string, Int32Array>();
  const levelsOf = (d: number, dr: DMDraw): Int32Array => {
    const key = `${d}:${dr.alternative}:${dr.holds}`;
    let lv = levelCache.get(key);
    if (!lv) {
      const ch = choices[d].find((c) => c.alternative === dr.alternative)!;
      lv = preferenceLevels(applyDraw(ch.preference, ch.uncertain, dr.holds), model.states, model.nOptions, model.scenario.decisionMakers[d].id);
      levelCache.set(key, lv);
    }
    return lv;
  };

  // Exact when the joint profiles are few.
  const perDM = choices.map((o) => o.reduce((a, x) => a + 2 ** x.uncertain.length, 0));
  const joint = perDM.reduce((a, x) => a * x, 1);
  const exact = joint <= (opts.exactLimit ?? 4096);
  const asked = exact ? joint : (opts.samples ?? 10_000);
  const profiles: DMDraw[][] = [];
  const firstUse: number[] = [];
  const probability: number[] = [];
  let drawProfile = new Int32Array(0);

  if (exact) {
    const lists = choices.map((o) =>
      o.flatMap((x) =>
        Array.from({ length: 2 ** x.uncertain.length }, (_, holds) => {
          let p = x.weight;
          x.uncertain.forEach((y, j) => (p *= holds & (1 << j) ? y.probability : 1 - y.probability));
          return { draw: { alternative: x.alternative, holds }, p };
        }),
      ),
    );
    const idx = new Array(nDMs).fill(0);
    for (let t = 0; ; t++) {
      let p = 1;
      for (let d = 0; d < nDMs; d++) p *= lists[d][idx[d]].p;
      if (p > 0) {
        profiles.push(idx.map((i, d) => lists[d][i].draw));
        probability.push(p);
        firstUse.push(t);
      }
      let d = 0;
      while (d < nDMs && ++idx[d] === lists[d].length) idx[d++] = 0;
      if (d === nDMs) break;
    }
  } else {
    // Every draw first (cheap); each distinct profile is analysed once, in order of first appearance.
    drawProfile = new Int32Array(asked);
    const seen = new Map<string, number>();
    const rand = seededRandom(opts.seed ?? 1);
    for (let t = 0; t < asked; t++) {
      const draws = choices.map((o): DMDraw => {
        let r = rand() * o.reduce((a, x) => a + x.weight, 0);
        let c = o[o.length - 1];
        for (const x of o) {
          if (r < x.weight) {
            c = x;
            break;
          }
          r -= x.weight;
        }
        let holds = 0;
        c.uncertain.forEach((x, j) => {
          if (rand() < x.probability) holds |= 1 << j;
        });
        return { alternative: c.alternative, holds };
      });
      const key = draws.map((dr) => `${dr.alternative}.${dr.holds}`).join("|");
      let k = seen.get(key);
      if (k === undefined) {
        k = profiles.length;
        seen.set(key, k);
        profiles.push(draws);
        firstUse.push(t);
      }
      drawProfile[t] = k;
    }
  }

  return {
    model,
    concepts,
    exact,
    asked,
    profiles,
    probability: Float64Array.from(probability),
    drawProfile,
    coveredBy: (k) => (k >= profiles.length ? asked : firstUse[k]),
    levels: (k) => profiles[k].map((dr, d) => levelsOf(d, dr)),
    elements,
    holdsElement,
  };
}

/**
 * The equilibria of one profile (each DM's levels), one mark array per
 * concept. Moves do not depend on preferences: the profiles share the base's
 * moves (`variantContext`).
 */
export function profileEquilibria(ctx: StabilityContext, concepts: readonly Concept[], levels: Int32Array[]): Uint8Array[] {
  const S = ctx.model.states.length;
  const variant: Model = { ...ctx.model, pref: levels };
  const a = analyze(variant, { concepts, context: variantContext(ctx, variant) });
  return concepts.map((c) => {
    const mark = new Uint8Array(S);
    for (const s of a.equilibria[c]!) mark[s] = 1;
    return mark;
  });
}

/**
 * The result from a plan and the equilibria of its first `results.length`
 * profiles: the enumerated profiles or draws they cover, added in plan order.
 */
export function summariseRobustness(plan: RobustnessPlan, results: Uint8Array[][], interrupted: boolean, elapsedMs: number): RobustnessResult {
  const { exact, concepts, elements } = plan;
  const S = plan.model.states.length;
  const analysed = results.length;
  const done = plan.coveredBy(analysed);

  // Accumulators: weight of equilibrium per (concept, state), overall and conditional on each element.
  const C = concepts.length;
  const total = new Float64Array(C * S);
  const withE = elements.map(() => new Float64Array(C * S));
  const massWith = new Float64Array(elements.length);
  let mass = 0;
  const add = (k: number, w: number) => {
    const eq = results[k];
    const draws = plan.profiles[k];
    mass += w;
    const inE = elements.map((e) => plan.holdsElement(draws, e));
    for (let c = 0; c < C; c++) {
      const mark = eq[c];
      for (let s = 0; s < S; s++) {
        if (!mark[s]) continue;
        total[c * S + s] += w;
        for (let e = 0; e < elements.length; e++) if (inE[e]) withE[e][c * S + s] += w;
      }
    }
    for (let e = 0; e < elements.length; e++) if (inE[e]) massWith[e] += w;
  };
  if (exact) for (let k = 0; k < analysed; k++) add(k, plan.probability[k]);
  else {
    const count = new Float64Array(analysed);
    for (let t = 0; t < done; t++) count[plan.drawProfile[t]]++;
    for (let k = 0; k < analysed; k++) add(k, count[k]);
  }

  const n = exact ? 1 : done;
  const norm = exact ? mass : done;
  const states: StateRobustness[] = [];
  for (let s = 0; s < S; s++) {
    const probability: StateRobustness["probability"] = {};
    let any = false;
    concepts.forEach((c, ci) => {
      const k = total[ci * S + s];
      const p = norm > 0 ? k / norm : 0;
      if (p > 0) any = true;
      probability[c] = exact ? { p, low: p, high: p } : { p, ...wilson(k, n) };
    });
    if (any) states.push({ state: s, probability });
  }
  const score = (r: StateRobustness) => concepts.reduce((a, c) => a + (r.probability[c]?.p ?? 0), 0);
  states.sort((a, b) => score(b) - score(a) || a.state - b.state);

  /** Per element, the (state, concept) among `only` (all concepts when absent) whose probability it moves most. */
  const influenceOver = (only?: number): Influence[] =>
    elements
      .map((element, e) => {
        let best: Influence = { element, shift: 0, state: 0, concept: concepts[only ?? 0], whenHolds: 0, whenNot: 0 };
        const mIn = massWith[e];
        const mOut = mass - mIn;
        if (mIn <= 0 || mOut <= 0) return best;
        for (let c = only ?? 0; c < (only === undefined ? C : only + 1); c++)
          for (let s = 0; s < S; s++) {
            const pin = withE[e][c * S + s] / mIn;
            const pout = (total[c * S + s] - withE[e][c * S + s]) / mOut;
            const shift = Math.abs(pin - pout);
            if (shift > best.shift) best = { element, shift, state: s, concept: concepts[c], whenHolds: pin, whenNot: pout };
          }
        return best;
      })
      .sort((a, b) => b.shift - a.shift);
  const influence = influenceOver();
  const influenceByConcept: RobustnessResult["influenceByConcept"] = {};
  concepts.forEach((c, ci) => (influenceByConcept[c] = influenceOver(ci)));

  return { exact, done, asked: plan.asked, interrupted, distinctProfiles: analysed, states, influence, influenceByConcept, elapsedMs };
}

/** The preference with only the uncertain statements that hold in this draw. */
function applyDraw(pref: PreferenceSpec, uncertain: { index: number }[], holds: number): PreferenceSpec {
  if (pref.kind !== "statements" || uncertain.length === 0) return pref;
  const drop = new Set(uncertain.filter((_, j) => !(holds & (1 << j))).map((x) => x.index));
  return { ...pref, statements: pref.statements.filter((_, j) => !drop.has(j)) };
}
