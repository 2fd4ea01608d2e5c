/**
 * The literal reference implementations the tests compare the engine with,
 * one file per topic under reference/: plain stability (the base the others
 * build on), coalitions, unknown preferences, foresight, hypergames, and the
 * brute-force graph searches behind whole-graph dominance.
 */
export * from "./reference/stability.js";
export * from "./reference/coalitions.js";
export * from "./reference/dominance.js";
export * from "./reference/foresight.js";
export * from "./reference/hypergame.js";
export * from "./reference/unknown.js";
