/** Parley's engine: pure TypeScript, no I/O. Adapters (CLI, server, web) build on this. */
export { ParleyError, formatIssue, formatIssues, type Issue } from "./model/errors.js";
export { parseExpr, formatExpr, ExprSyntaxError, type Expr } from "./model/expr.js";
export { toCubes, cubesHold, patternToCube, maskToPattern, type Cube } from "./model/cubes.js";
export { FORMAT, ScenarioSchema, scenarioJsonSchema, type ScenarioFile } from "./model/schema.js";
export type * from "./model/scenario.js";
export { parseScenario, parseScenarioSource, validateData, MAX_OPTIONS } from "./model/validate.js";
export { compileScenario, statePattern, DEFAULT_MAX_STATES, type Model, type CompileOptions } from "./model/compile.js";
export { loadModel } from "./model/load.js";
export { displayRanks, preferenceLevels } from "./preferences/ranks.js";
export { allMoves, unilateralMoves, improvementsOf, type Adjacency } from "./stability/moves.js";
export { analyze, createContext, CONCEPTS, CONCEPT_NAMES, type Analysis, type Concept } from "./stability/analyze.js";
export { reachMin } from "./stability/reach.js";
export { coalitionReach, type CoalitionReach } from "./stability/coalition.js";
export { explainState, type StateExplanation, type Sanction, type MoveStep } from "./stability/explain.js";
