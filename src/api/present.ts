/**
 * `parley-gmcr/present`: what the `parley` commands print, as functions.
 * Each command's output is an output kind (`analysisOutput`, `pathsOutput`,
 * …): its `format` tag (`parley-<kind>/N`, with a JSON Schema in
 * `OUTPUT_SCHEMAS`), `toJson(result)`, `toDocument(result, options)` and, for
 * a result that is one table, CSV. `render(document, "text" | "md" | "html")`
 * turns a document into terminal text, Markdown or a self-contained HTML page
 * (`renderChunks` in chunks, for tables as large as the model). Pure: no
 * I/O, usable in the browser.
 *
 * @packageDocumentation
 */
export { OUTPUT_SCHEMAS } from "../report/output-schemas.js";

// One way to present a result: an output kind (its JSON contract and its
// document) and one renderer for text, Markdown and HTML.
export type { OutputKind } from "../present/kind.js";
export { render, renderChunks, type Block, type Document, type DocumentFormat, type Flow, type Inline, type ItemLook, type Span } from "../present/document.js";
export type { Schema } from "../present/schema-kit.js";
export type { GraphLink } from "../bargaining/link.js";
export type { RowTable, Table } from "../present/table.js";

// The kinds, with the results they present.
export { analysisOutput, statesOutput, type AnalysisJson, type AnalyzeResult, type TableLimit } from "../present/analysis-output.js";
export { analysisCompactOutput, type AnalysisCompactJson } from "../present/analysis-compact-output.js";
export { readCompactAnalysis, type CompactAnalysisReader } from "../present/analysis-compact-read.js";
export { decodeInts, decodeSet, type CompactInts, type CompactSet } from "../present/compact-sets.js";
export { explainOutput, type ExplainResult } from "../present/explain-text.js";
export { pathsOutput, type PathsResult } from "../present/paths-output.js";
export { comparisonOutput, survivalOutput, type ComparisonResult, type SurvivalResult } from "../present/compare-output.js";
export { inverseOutput, type InverseOutcome } from "../present/inverse-output.js";
export { robustnessOutput, type RobustnessOutcome } from "../present/robustness-output.js";
export { coalitionsOutput, type CoalitionsOptions, type CoalitionsResult } from "../present/coalitions-output.js";
export { unknownOutput, type UnknownResult } from "../present/unknown-output.js";
export { hypergameOutput } from "../present/hypergame-output.js";
export { foresightOutput } from "../present/foresight-output.js";
export { forecastOutput, type ForecastJson, type ForecastResult } from "../present/forecast-output.js";
export { lintOutput, locateFindings, type FindingWords, type LintResult, type LocatedFinding } from "../present/lint-output.js";
export { scoreOutput } from "../present/score-output.js";
export { bargainOutput, type BargainJson, type BargainResult } from "../present/bargain-output.js";
export { validateOutput, type FileCheck } from "../present/validate-output.js";
export { reportOutput } from "../report/report-output.js";

// The report's data and document (the workbench renders it), and the inverse problem's changes in words.
export {
  buildReport,
  bottomLineSteps,
  type ReportBudget,
  type ReportData,
  type ReportOptions,
  type ReportProgress,
  type SensitivityBudgetReport,
} from "../report/build.js";
export { reportDocument, type ReportLayout } from "../report/render.js";
export { bottomLineBlocks } from "../report/render-bottom-line.js";
export type { BottomLine } from "../report/bottom-line.js";
export { changeLines } from "../present/inverse-output.js";

// Types that the exported ones refer to (TypeDoc documents them; users can name them).
export type { Survival } from "../analysis/compare.js";
export type { Distribution } from "../bargaining/monte-carlo.js";
export type { Relation } from "../extensions/unknown-pairs.js";
export type { ReasonJson } from "../present/hypergame-output.js";
export type { BargainingReport } from "../report/bargaining.js";
export type { WhatIfReport } from "../report/build.js";
export type { PlayReport } from "../report/play.js";
export type { AssumptionReport } from "../report/assumptions.js";
export type { Cited } from "../report/cited.js";
export type { FamilyReport, TierReport } from "../report/tiers.js";
export type { OutlookReport, PathReport, StepReport } from "../report/outlook.js";
export type { CoalitionReport, GoalReport, RobustnessReport } from "../report/deeper.js";
