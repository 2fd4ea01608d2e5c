/**
 * The analyses of the public entry under one convention: `analyzeX(subject,
 * options)`. The subject is a {@link Model} or an {@link Analysis} of it (an
 * analysis lends its move lists and results, so nothing is computed twice);
 * every optional parameter is a field of the options object. These are thin
 * wrappers over the engine's functions, which keep their own signatures.
 */
import { compareModels, type Comparison } from "../analysis/compare.js";
import { forecast as forecastIn, type Forecast, type ForecastOptions } from "../analysis/forecast.js";
import { utcToday } from "../format/dates.js";
import { inverseForTargets, type InverseOptions, type InverseResult } from "../analysis/inverse.js";
import { lintModel, type LintFinding, type LintOptions } from "../analysis/lint.js";
import { statusQuoAnalysis, type StatusQuoAnalysis } from "../analysis/paths.js";
import { robustness, uncertaintyOf, type PreferenceUncertainty, type RobustnessOptions, type RobustnessResult } from "../analysis/robustness.js";
import { preferenceSensitivity, type Sensitivity, type SensitivityBudget } from "../analysis/sensitivity.js";
import { runBargaining, type BargainingRun, type RunOptions } from "../bargaining/scenario.js";
import { coalitionAnalysis, type CoalitionAnalysis, type CoalitionOptions } from "../extensions/coalitions.js";
import { foresight, type Foresight } from "../extensions/foresight.js";
import { analyzeHypergame as hypergameOf, type Hypergame, type HypergameOptions } from "../extensions/hypergame.js";
import type { ForesightVariant } from "../extensions/limited-move.js";
import { analyzeUnknown as unknownOf, type UnknownAnalysis, type UnknownConcept, type UnknownVariant } from "../extensions/unknown.js";
import type { Model } from "../model/compile.js";
import { analyze, CONCEPTS, createContext, type Analysis, type Concept } from "../stability/analyze.js";
import type { StabilityContext } from "../stability/context.js";
import { explainState, type StateExplanation } from "../stability/explain.js";

/** What an analysis runs on: a model, or an analysis of it (whose move lists are reused). */
export type Subject = Model | Analysis;

const isAnalysis = (s: Subject): s is Analysis => "context" in s && "equilibria" in s;
const modelOf = (s: Subject): Model => (isAnalysis(s) ? s.model : s);
const contextOf = (s: Subject): StabilityContext => (isAnalysis(s) ? s.context : createContext(s));
const analysisOf = (s: Subject): Analysis => (isAnalysis(s) ? s : analyze(s));

/** What `explain` looks at: a state and a decision maker (0-based indices; see `stateIndex`), and the concepts. */
export interface ExplainOptions {
  state: number;
  dm: number;
  /** Default: the analysis's concepts, or all. */
  concepts?: readonly Concept[];
}

/**
 * Why a state is or is not stable for one decision maker under each concept:
 * its improvements and what sanctions each one.
 */
export function explain(subject: Subject, opts: ExplainOptions): StateExplanation {
  const concepts = opts.concepts ?? (isAnalysis(subject) ? subject.concepts : CONCEPTS);
  return explainState(contextOf(subject), opts.state, opts.dm, concepts);
}

/** Status quo analysis: the states reachable from `from` (default: the status quo) by moves that each leave the mover better off. */
export function analyzePaths(subject: Subject, opts: { from?: number } = {}): StatusQuoAnalysis {
  const analysis = analysisOf(subject);
  return statusQuoAnalysis(analysis, opts.from ?? analysis.model.statusQuo);
}

/** Coalition analysis: which groups could leave each equilibrium together, and whether the others deter them. */
export function analyzeCoalitions(subject: Subject, opts: CoalitionOptions = {}): CoalitionAnalysis {
  return coalitionAnalysis(analysisOf(subject), opts);
}

/** Stability with unknown preferences (Li et al. 2004), in the variants a-d. */
export function analyzeUnknown(subject: Subject, opts: { concepts?: readonly UnknownConcept[]; variants?: readonly UnknownVariant[] } = {}): UnknownAnalysis {
  return unknownOf(modelOf(subject), { ...opts, context: contextOf(subject) });
}

/** Misperception: each decision maker's stability in the game it perceives, and the hypergame equilibria. */
export function analyzeHypergame(subject: Subject, opts: HypergameOptions = {}): Hypergame {
  return hypergameOf(modelOf(subject), opts);
}

export interface ForesightOptions {
  /** How decision makers take turns (default `two-dm`). */
  variant?: ForesightVariant;
  /** Moves each decision maker looks ahead (default 2). */
  horizon?: number;
  /** Non-myopic stability: the limit of ever longer horizons. */
  nm?: boolean;
  /** The state whose anticipated play is followed (default: the status quo). */
  focus?: number;
}

/** Limited-move (L_h) and non-myopic stability: decision makers who look several moves ahead. */
export function analyzeForesight(subject: Subject, opts: ForesightOptions = {}): Foresight {
  return foresight(contextOf(subject), opts.variant ?? "two-dm", { horizon: opts.horizon ?? 2, nm: opts.nm, focus: opts.focus ?? modelOf(subject).statusQuo });
}

export type AnalyzeRobustnessOptions = Partial<RobustnessOptions> & {
  /** The uncertain preferences (default: the scenario's ranges, `uncertaintyOf(model)`). */
  uncertainty?: PreferenceUncertainty;
};

/** How robust the equilibria are to uncertain preferences: a probability per state, and what moves it. */
export function analyzeRobustness(subject: Subject, opts: AnalyzeRobustnessOptions = {}): RobustnessResult {
  const { uncertainty, ...rest } = opts;
  return robustness(contextOf(subject), uncertainty ?? uncertaintyOf(modelOf(subject)), { ...rest, concepts: rest.concepts ?? CONCEPTS });
}

/**
 * Which single preference changes would change the equilibria. Every change by
 * default; `maxChanges` and `stop` (polled before each analysis) limit the
 * analyses, those that can matter first, and the result says what was skipped.
 */
export function analyzeSensitivity(subject: Subject, budget: SensitivityBudget = {}): Sensitivity {
  return preferenceSensitivity(analysisOf(subject), budget);
}

export interface AnalyzeInverseOptions extends InverseOptions {
  /** The state, or states (any one will do), to make an equilibrium. */
  target: number | readonly number[];
  /** The stability concept (default SEQ). */
  concept?: Concept;
}

/** Inverse GMCR: what the decision makers' priorities would have to be for a target state to be stable. */
export function analyzeInverse(subject: Subject, opts: AnalyzeInverseOptions): InverseResult {
  const { target, concept, ...rest } = opts;
  return inverseForTargets(contextOf(subject), typeof target === "number" ? [target] : target, concept ?? "SEQ", rest);
}

export type ForecastModelOptions = Partial<ForecastOptions> & {
  /** The uncertain preferences (default: the scenario's ranges). */
  uncertainty?: PreferenceUncertainty;
};

/** What is likely to happen, by when: outcome probabilities, each question's probability by its date, signposts. `today` defaults to the current UTC date. */
export function forecast(subject: Subject, opts: ForecastModelOptions = {}): Forecast {
  const { uncertainty, ...rest } = opts;
  const today = rest.today ?? utcToday();
  return forecastIn(contextOf(subject), uncertainty ?? uncertaintyOf(modelOf(subject)), { ...rest, today });
}

/** Checks of a model before forecasting with it: contradictions with today's state, inert options and statements, unsourced elements. */
export function lint(subject: Subject, opts: LintOptions = {}): LintFinding[] {
  return lintModel(contextOf(subject), opts);
}

/** What changes between two versions of a scenario: the model, the equilibria, and why. */
export function compare(a: Subject, b: Subject, opts: { concepts?: readonly Concept[] } = {}): Comparison {
  const analyses = isAnalysis(a) && isAnalysis(b) && !opts.concepts ? ([a, b] as const) : undefined;
  return compareModels(modelOf(a), modelOf(b), opts.concepts, analyses);
}

/** Where the scenario's continuous issues may settle under each bargaining model (weighted mean and median, Nash, expected utility, SMP). */
export function bargain(subject: Subject, opts: RunOptions = {}): BargainingRun {
  return runBargaining(modelOf(subject).scenario, opts);
}
