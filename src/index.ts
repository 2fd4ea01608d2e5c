/**
 * Parley's engine, the main entry of the `parley-gmcr` package: pure
 * TypeScript, no I/O, the same in Node and in the browser.
 *
 * Conventions:
 * - A scenario becomes a {@link Model} with {@link loadModel}(text, name, options).
 * - {@link analyze}(model, options) finds the stable states under each concept.
 * - Every other analysis is `analyzeX(subject, options)` ({@link analyzeCoalitions},
 *   {@link analyzeUnknown}, {@link analyzeHypergame}, {@link analyzeForesight},
 *   {@link analyzeRobustness}, {@link analyzeSensitivity}, {@link analyzeInverse},
 *   {@link analyzePaths}), or a verb of its own ({@link explain}, {@link forecast},
 *   {@link compare}, {@link lint}, {@link bargain}), with the same subject: a Model,
 *   or an Analysis of it (whose work is reused); options are one object.
 * - States and decision makers are 0-based indices inside; {@link stateId} and
 *   {@link parseStateRef} convert from and to the 1-based ids people see.
 * - Bad input throws a {@link ParleyError} with located issues.
 *
 * Other entries: `parley-gmcr/present` (JSON documents, text renderers, the
 * report), `parley-gmcr/parallel` (the worker pool over any message port),
 * `parley-gmcr/node` (Node only: atomic files, worker threads),
 * `parley-gmcr/ingest` (news article to draft scenario; loads a language model).
 *
 * @packageDocumentation
 */

// The scenario format and errors.
export { ParleyError, formatIssue, formatIssues, formatPath, type Issue } from "./format/errors.js";
export type {
  SourceCode,
  ShapeCode,
  ScenarioCode,
  BargainingCode,
  ModelCode,
  CliCode,
  ScoreCode,
  IngestCode,
  ShardCode,
  InterchangeCode,
  WorkspaceCode,
  IssueCode,
} from "./format/issue-codes.js";
export { parseExpr, exprVars, formatExpr, ExprSyntaxError, type Expr } from "./format/expr.js";
export { FORMAT, ScenarioSchema, scenarioJsonSchema, type ScenarioFile } from "./format/schema.js";
export type * from "./format/scenario.js";
export type { Provenance } from "./format/provenance.js";
export { parseScenario, validateData } from "./format/validate.js";
export { DEFAULT_LIMITS, MAX_OPTIONS, parseLimits, type InputLimits } from "./format/limits.js";

// Models and states.
export { compileScenario, statePattern, DEFAULT_MAX_STATES, type Model, type CompileOptions } from "./model/compile.js";
export { loadModel } from "./model/load.js";
export { parseStateRef, parseStateSet, stateId, stateIds, stateIndex, stateLabel, stateOfId, statesMatching } from "./model/states.js";
export { describeChange, describeFamily, describeMove, describeState, dmName, rankCount, rankOf, stateName } from "./model/describe.js";
export { displayRanks, preferenceLevels } from "./preferences/ranks.js";

// Stability.
export { analyze, CONCEPTS, CONCEPT_BRIEFS, CONCEPT_NAMES, type Analysis, type AnalysisProgress, type Concept } from "./stability/analyze.js";
export type { StateExplanation, Sanction, MoveStep } from "./stability/explain.js";

// The analyses, under one convention (./api/analyses.ts).
export {
  analyzeCoalitions,
  analyzeForesight,
  analyzeHypergame,
  analyzeInverse,
  analyzePaths,
  analyzeRobustness,
  analyzeSensitivity,
  analyzeUnknown,
  bargain,
  compare,
  explain,
  forecast,
  lint,
  type AnalyzeInverseOptions,
  type AnalyzeRobustnessOptions,
  type ExplainOptions,
  type ForecastModelOptions,
  type ForesightOptions,
  type Subject,
} from "./api/analyses.js";
export { stateFamilies, familyPattern, type StateFamily } from "./analysis/families.js";
export { scenarioChanges } from "./analysis/diff.js";
export {
  uncertaintyOf,
  noUncertainty,
  type PreferenceUncertainty,
  type RobustnessOptions,
  type RobustnessResult,
  type StateRobustness,
} from "./analysis/robustness.js";
export { scoreRecords, type ForecastRecord, type Resolution, type ScoreReport } from "./analysis/score.js";
export {
  FORECAST_RECORD_FORMAT,
  forecastLogText,
  forecastRecords,
  readForecastLog,
  readResolutions,
  type ForecastLogRecord,
} from "./interchange/forecast-log.js";
export type { StatusQuoAnalysis } from "./analysis/paths.js";
export type { PreferenceChange, Sensitivity, SensitivityBudget, SensitivityPlan, SkipReason, Variant as SensitivityVariant } from "./analysis/sensitivity.js";
export type { ProfileLimit } from "./analysis/profile-budget.js";
export type { Comparison, StabilityChange } from "./analysis/compare.js";
export type { InverseResult, InverseOptions } from "./analysis/inverse.js";
export type { Forecast, ForecastOptions } from "./analysis/forecast.js";
export type { LintFinding, LintOptions } from "./analysis/lint.js";
export {
  COALITION_CONCEPTS,
  MAX_COALITIONS,
  allDeterred,
  coalitionCount,
  movesByEveryMember,
  type CoalitionAnalysis,
  type CoalitionConcept,
  type CoalitionOptions,
} from "./extensions/coalitions.js";
export type { CoalitionSanction } from "./extensions/coalition-checker.js";
export { UNKNOWN_CONCEPTS, UNKNOWN_VARIANTS, type UnknownAnalysis, type UnknownConcept, type UnknownVariant } from "./extensions/unknown.js";
export { FORESIGHT_VARIANTS, type ForesightVariant } from "./extensions/limited-move.js";
export type { Foresight } from "./extensions/foresight.js";
export { HYPERGAME_VIEWS, type Hypergame, type HypergameOptions, type HypergameView } from "./extensions/hypergame.js";
export { MODELS as BARGAINING_MODELS, type BargainingModel } from "./bargaining/types.js";
export type { BargainingRun, LinkVerdict, RunOptions as BargainOptions } from "./bargaining/scenario.js";

// Other file formats.
export type { GmcrPyFile } from "./interchange/gmcrpy.js";
export { exportGmcrPy } from "./interchange/gmcrpy-export.js";
export { importGmcrPy, parseGmcrPyText, readGmcrPy, type GmcrPyImport, type GmcrPyImportOptions } from "./interchange/gmcrpy-import.js";

/**
 * Lower level: the engine's own functions with a stability context as their
 * first argument, and step generators that pause between steps (for progress
 * and stopping). The workbench uses them; the `analyzeX` functions above wrap them.
 */
export { analyzeSteps, createContext } from "./stability/analyze.js";
export type { StabilityContext } from "./stability/context.js";
export { explainState } from "./stability/explain.js";
export { coalitionReach, type CoalitionReach } from "./extensions/coalition-reach.js";
export { statusQuoAnalysis } from "./analysis/paths.js";
export { compareModels, equilibriumSurvival } from "./analysis/compare.js";
export { inverseForTargets } from "./analysis/inverse.js";
export { robustnessSteps } from "./analysis/robustness.js";
/** Work split into shards (`--shard i/n`, docs/scale.md): where Monte Carlo draws run, and partial results. */
export { allDraws, mergedDraws, shardDraws, shardRange, DrawsMismatch, type Counts, type Draws, type LoopRecord } from "./analysis/draws.js";
export { robustnessWith } from "./analysis/robustness-split.js";
export { survivalOf } from "./analysis/compare.js";
export { PARTIAL_FORMAT, checkPartials, parseShard, readPartial, type PartialResult, type PartialScenario } from "./interchange/partial.js";
export { coalitionAnalysis, coalitionAnalysisSteps } from "./extensions/coalitions.js";
export { runBargaining } from "./bargaining/scenario.js";

// Types that the exported ones refer to (TypeDoc documents them; users can name them).
export type { ConceptComparison } from "./analysis/compare.js";
export type { OutcomeFamily, QuestionForecast, Signpost } from "./analysis/forecast.js";
export type { DMChange } from "./analysis/inverse.js";
export type { LintElement } from "./analysis/lint.js";
export type { ReachableEquilibrium } from "./analysis/paths.js";
export type { Outcome } from "./analysis/play.js";
export type { Influence, UncertainElement } from "./analysis/robustness.js";
export type { CalibrationBin, ScoreSummary, ScoredForecast } from "./analysis/score.js";
export type { ChangeEffect } from "./analysis/sensitivity.js";
export type { ExpectedUtilityOptions } from "./bargaining/expected-utility.js";
export type { NashOptions } from "./bargaining/nash.js";
export type { IssueResult } from "./bargaining/scenario.js";
export type { SmpOptions } from "./bargaining/smp.js";
export type { CoalitionAtState, JointMoveCheck, StateCoalitions } from "./extensions/coalitions.js";
export type { AnticipatedPlay } from "./extensions/foresight.js";
export type { NonMyopic } from "./extensions/limited-move.js";
export type { UnknownStability } from "./extensions/unknown.js";
export type { UnknownPreferences } from "./extensions/unknown-pairs.js";
export type { BargainingActorSpec, BargainingSpec, IssueLinkSpec, IssuePositionSpec, IssueSpec, RangedValue } from "./format/bargaining-spec.js";
export type { Cube } from "./format/cubes.js";
export type { SourceText } from "./format/source.js";
export type { ImprovementCheck } from "./stability/explain.js";
export type { Adjacency } from "./stability/moves.js";
export type { IssueForecast } from "./bargaining/forecast.js";
export type { ModelResult, RoundEvent, RoundRecord } from "./bargaining/types.js";
