/**
 * The parts of Parley's engine the workbench uses, in one place (the engine is pure: it runs in the worker).
 * Imported module by module, not from src/index.ts: that also exports `parley ingest`, whose language model
 * (4 MB) belongs in the ingest worker only.
 */
export { analyze, type Analysis, type Concept } from "../../../../src/stability/analyze.js";
export { buildReport } from "../../../../src/report/build.js";
export { compareModels } from "../../../../src/analysis/compare.js";
export { explainState, type Sanction } from "../../../../src/stability/explain.js";
export { loadModel } from "../../../../src/model/load.js";
export { ParleyError } from "../../../../src/format/errors.js";
export { renderReportHtml, renderReportMarkdown } from "../../../../src/report/render.js";
export { statePattern, type Model } from "../../../../src/model/compile.js";
export { stateFamilies } from "../../../../src/analysis/families.js";
export { statusQuoAnalysis } from "../../../../src/analysis/paths.js";
export { describeChange, describeFamily, describeMove, describeState, rankCount, rankOf } from "../../../../src/model/describe.js";
export { renderComparison } from "../../../../src/present/compare-output.js";
export { stateTable } from "../../../../src/present/analysis-output.js";
export { renderCsv } from "../../../../src/present/table.js";
export { displayRanks } from "../../../../src/preferences/ranks.js";
export { robustnessSteps, uncertaintyOf, type RobustnessResult, type StateRobustness } from "../../../../src/analysis/robustness.js";
export { renderRobustness } from "../../../../src/present/robustness-output.js";
export { inverseForTargets, type InverseResult } from "../../../../src/analysis/inverse.js";
export { parseStateSet, stateOfId, statesMatching } from "../../../../src/model/states.js";
export { changeLines } from "../../../../src/present/inverse-output.js";
export { coalitionAnalysis, coalitionCount, COALITION_CONCEPTS, MAX_COALITIONS, type CoalitionConcept } from "../../../../src/extensions/coalitions.js";
export type { CoalitionSanction } from "../../../../src/extensions/coalition-checker.js";
export { importGmcrPy, parseGmcrPyText, readGmcrPy } from "../../../../src/interchange/gmcrpy-import.js";
