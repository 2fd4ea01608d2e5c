/**
 * `parley-gmcr/present`: what the `parley` commands print, as functions.
 * The JSON documents (each with a `format` tag, `parley-<kind>/N`, and a JSON
 * Schema in `OUTPUT_SCHEMAS`), the text, Markdown and CSV renderers, and the
 * report. Pure: no I/O, usable in the browser.
 *
 * @packageDocumentation
 */
export { OUTPUT_SCHEMAS } from "../present/output-schemas.js";
export {
  ANALYSIS_FORMAT,
  STATES_FORMAT,
  DEFAULT_TABLE_LIMIT,
  analysisToJson,
  analysisJsonChunks,
  renderAnalysis,
  renderStates,
  stateTable,
  type AnalysisJson,
  type AnalysisJsonOptions,
  type StateTable,
  type StateTableOptions,
  type TableFormat,
} from "../present/analysis-output.js";
export { renderExplanation } from "../present/explain-text.js";
export { PATHS_FORMAT, pathsJson, pathsOutput, type PathsResult } from "../present/paths-output.js";
export { renderComparison, renderSurvival } from "../present/compare-output.js";
export { changeLines, inverseOutput, type InverseOutcome } from "../present/inverse-output.js";
export { robustnessJson, renderRobustness } from "../present/robustness-output.js";
export { COALITIONS_FORMAT, coalitionsJson, renderCoalitions } from "../present/coalitions-output.js";
export { UNKNOWN_FORMAT, unknownToJson, renderUnknown } from "../present/unknown-output.js";
export { HYPERGAME_FORMAT, hypergameToJson, renderHypergame, type HypergameJson } from "../present/hypergame-output.js";
export { FORESIGHT_FORMAT, foresightJson, renderForesight } from "../present/foresight-output.js";
export { forecastJson, renderForecast } from "../present/forecast-output.js";
export { lintJson, renderLint, type LocatedFinding } from "../present/lint-output.js";
export { scoreJson, renderScore } from "../present/score-output.js";
export { BARGAIN_FORMAT, bargainJson, renderBargain, type BargainJson } from "../present/bargain-output.js";
export { renderCsv, renderMarkdown, renderText, type RowTable, type Table } from "../present/table.js";
export { REPORT_FORMAT, buildReport, type ReportData, type ReportOptions } from "../report/build.js";
export { renderReportHtml, renderReportMarkdown, renderReportText } from "../report/render.js";

// Types that the exported ones refer to (TypeDoc documents them; users can name them).
export type { Survival } from "../analysis/compare.js";
export type { Distribution } from "../bargaining/monte-carlo.js";
export type { Relation } from "../extensions/unknown-pairs.js";
export type { RenderOptions } from "../present/coalitions-output.js";
export type { HypergameRenderOptions, ReasonJson } from "../present/hypergame-output.js";
export type { BargainingReport } from "../report/bargaining.js";
export type { WhatIfReport } from "../report/build.js";
export type { AssumptionReport } from "../report/assumptions.js";
export type { Cited } from "../report/cited.js";
export type { FamilyReport, TierReport } from "../report/tiers.js";
export type { OutlookReport, PathReport, StepReport } from "../report/outlook.js";
export type { CoalitionReport, GoalReport, RobustnessReport } from "../report/deeper.js";
