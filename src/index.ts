/** Parley's engine: pure TypeScript, no I/O. Adapters (CLI, server, web) build on this. */
export { ParleyError, formatIssue, formatIssues, type Issue } from "./format/errors.js";
export { parseExpr, formatExpr, ExprSyntaxError, type Expr } from "./format/expr.js";
export { toCubes, cubesHold, patternToCube, maskToPattern, type Cube } from "./format/cubes.js";
export { FORMAT, ScenarioSchema, scenarioJsonSchema, type ScenarioFile } from "./format/schema.js";
export type * from "./format/scenario.js";
export { parseScenario, parseScenarioSource, validateData, MAX_OPTIONS } from "./format/validate.js";
export { compileScenario, statePattern, DEFAULT_MAX_STATES, type Model, type CompileOptions } from "./model/compile.js";
export { loadModel } from "./model/load.js";
export { displayRanks, preferenceLevels } from "./preferences/ranks.js";
export { allMoves, unilateralMoves, improvementsOf, moveListsBuilt, type Adjacency } from "./stability/moves.js";
export { analyze, analyzeSteps, createContext, CONCEPTS, CONCEPT_NAMES, type Analysis, type AnalysisProgress, type Concept } from "./stability/analyze.js";
export { reachMin } from "./stability/reach.js";
export { coalitionReach, type CoalitionReach } from "./extensions/coalition-reach.js";
export { explainState, type StateExplanation, type Sanction, type MoveStep } from "./stability/explain.js";
export { statusQuoAnalysis, type StatusQuoAnalysis } from "./analysis/paths.js";
export { stateFamilies, familyPattern, type StateFamily } from "./analysis/families.js";
export { preferenceSensitivity, type Sensitivity } from "./analysis/sensitivity.js";
export { scenarioChanges } from "./analysis/diff.js";
export { compareModels, equilibriumSurvival, type Comparison } from "./analysis/compare.js";
export { inverseGMCR, inverseForTargets, type InverseResult } from "./analysis/inverse.js";
export { parseStateRef, parseStateSet, stateId, stateIds, stateIndex, stateLabel, statesMatching } from "./model/states.js";
export { robustness, noUncertainty, type PreferenceUncertainty, type RobustnessResult } from "./analysis/robustness.js";
export { coalitionAnalysis, coalitionStable, enumerateCoalitions, COALITION_CONCEPTS, type CoalitionAnalysis } from "./extensions/coalitions.js";
export {
  limitedMove,
  limitedMoveStable,
  limitedMoveEquilibria,
  nonMyopicStability,
  FORESIGHT_VARIANTS,
  type ForesightVariant,
} from "./extensions/limited-move.js";
export { analyzeHypergame, type Hypergame } from "./extensions/hypergame.js";
export { buildReport, type ReportData } from "./report/build.js";
export { renderReportText, renderReportMarkdown, renderReportHtml } from "./report/render.js";
export { analyzeUnknown, UnknownStability, UNKNOWN_CONCEPTS, UNKNOWN_VARIANTS, type UnknownAnalysis } from "./extensions/unknown.js";
export { unknownPreferences, relationOf } from "./extensions/unknown-pairs.js";
export { explainUnknown } from "./extensions/unknown-explain.js";
export { ingestArticle, loadGazetteer, type IngestOptions, type IngestResult } from "./ingest/ingest.js";
export { parseGazetteer, mergeGazetteers, type Gazetteer } from "./ingest/gazetteer.js";
export { parseSourceString, type Draft, type DraftElement } from "./ingest/draft.js";
export { planUpdate, applyUpdate, type UpdatePlan } from "./ingest/update.js";
export type { CodedEvent, Mention, Sentence as IngestSentence, CleanText } from "./ingest/types.js";
export { DEFAULT_LIMITS, parseLimits, overLimit, type InputLimits } from "./format/limits.js";
