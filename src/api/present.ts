/**
 * `parley-gmcr/present`: what the `parley` commands print, as functions.
 * The JSON documents (each with a `format` tag, `parley-<kind>/N`, and a JSON
 * Schema in `OUTPUT_SCHEMAS`), the text, Markdown and CSV renderers, and the
 * report. Pure: no I/O, usable in the browser.
 *
 * @packageDocumentation
 */
export { OUTPUT_SCHEMAS } from "../present/output-schemas.js";

// One way to present a result: an output kind (its JSON contract and its
// document) and one renderer for text, Markdown and HTML.
export type { OutputKind } from "../present/kind.js";
export { render, renderChunks, type Block, type Document, type DocumentFormat, type Flow, type Inline, type ItemLook, type Span } from "../present/document.js";
export type { Schema } from "../present/schema-kit.js";
export type { GraphLink } from "../bargaining/link.js";
export {
  analysisOutput,
  statesOutput,
  analysisToJson,
  analysisJsonChunks,
  stateTable,
  ANALYSIS_FORMAT,
  STATES_FORMAT,
  DEFAULT_TABLE_LIMIT,
} from "../present/analysis-output.js";
export type { AnalysisJson, AnalysisJsonOptions, AnalyzeResult, StateTable, StateTableOptions, TableFormat, TableLimit } from "../present/analysis-output.js";
export { explainOutput, type ExplainResult } from "../present/explain-text.js";
export { PATHS_FORMAT, pathsJson, pathsOutput, type PathsResult } from "../present/paths-output.js";
export { comparisonOutput, survivalOutput, renderComparison, type ComparisonResult, type SurvivalResult } from "../present/compare-output.js";
export { changeLines, inverseOutput, type InverseOutcome } from "../present/inverse-output.js";
export { robustnessJson, robustnessOutput, renderRobustness, type RobustnessOutcome } from "../present/robustness-output.js";
export { COALITIONS_FORMAT, coalitionsJson, coalitionsOutput, type CoalitionsOptions, type CoalitionsResult } from "../present/coalitions-output.js";
export { UNKNOWN_FORMAT, unknownToJson, unknownOutput, type UnknownResult } from "../present/unknown-output.js";
export { HYPERGAME_FORMAT, hypergameToJson, hypergameOutput, type HypergameJson } from "../present/hypergame-output.js";
export { FORESIGHT_FORMAT, foresightJson, foresightOutput } from "../present/foresight-output.js";
export { forecastJson, forecastOutput, forecastRecords, RECORD_FORMAT, type ForecastResult } from "../present/forecast-output.js";
export { lintJson, lintOutput, locateFindings, type LintResult, type LocatedFinding } from "../present/lint-output.js";
export { scoreJson, scoreOutput } from "../present/score-output.js";
export { BARGAIN_FORMAT, bargainJson, bargainOutput, type BargainJson, type BargainResult } from "../present/bargain-output.js";
export { validateOutput, type FileCheck } from "../present/validate-output.js";
export { renderCsv, renderMarkdown, renderText, type RowTable, type Table } from "../present/table.js";
export { REPORT_FORMAT, buildReport, type ReportData, type ReportOptions } from "../report/build.js";
export { renderReportHtml, renderReportMarkdown, renderReportText, reportDocument, reportOutput } from "../report/render.js";

// Types that the exported ones refer to (TypeDoc documents them; users can name them).
export type { Survival } from "../analysis/compare.js";
export type { Distribution } from "../bargaining/monte-carlo.js";
export type { Relation } from "../extensions/unknown-pairs.js";
export type { ReasonJson } from "../present/hypergame-output.js";
export type { BargainingReport } from "../report/bargaining.js";
export type { WhatIfReport } from "../report/build.js";
export type { AssumptionReport } from "../report/assumptions.js";
export type { Cited } from "../report/cited.js";
export type { FamilyReport, TierReport } from "../report/tiers.js";
export type { OutlookReport, PathReport, StepReport } from "../report/outlook.js";
export type { CoalitionReport, GoalReport, RobustnessReport } from "../report/deeper.js";
