/** The parts of Parley's engine the workbench uses, in one place (the engine is pure: it runs in the worker). */
export {
  analyze,
  buildReport,
  compareModels,
  explainState,
  loadModel,
  ParleyError,
  renderReportHtml,
  renderReportMarkdown,
  statePattern,
  stateFamilies,
  statusQuoAnalysis,
  type Analysis,
  type Concept,
  type Model,
  type Sanction,
} from "../../../src/index.js";
export { describeChange, describeFamily, describeMove, describeState, rankCount, rankOf } from "../../../src/io/describe.js";
export { renderComparison } from "../../../src/io/compare-output.js";
export { stateTable } from "../../../src/io/analysis-output.js";
export { renderCsv } from "../../../src/io/table.js";
export { displayRanks } from "../../../src/preferences/ranks.js";
export { robustnessSteps, uncertaintyOf, type RobustnessResult, type StateRobustness } from "../../../src/analysis/robustness.js";
export { renderRobustness } from "../../../src/io/robustness-output.js";
export { inverseForTargets, statesMatching, type InverseResult } from "../../../src/analysis/inverse.js";
export { changeLines } from "../../../src/io/inverse-output.js";
export {
  coalitionAnalysis,
  coalitionCount,
  COALITION_CONCEPTS,
  MAX_COALITIONS,
  type CoalitionConcept,
  type CoalitionSanction,
} from "../../../src/analysis/coalitions.js";
export { importGmcrPy } from "../../../src/io/gmcrpy.js";
