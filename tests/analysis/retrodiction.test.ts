/**
 * Retrodiction on published cases: what the model of play (default rules,
 * SEQ) gives for what actually happened, from each case's status quo. These
 * models were built after the fact, so this is retrodiction, not forecasting;
 * docs/forecast.md shows the same table.
 *
 * - Cuban missile crisis (tests/fixtures/cases/cuban_missile_crisis.json; the
 *   case file records the historical resolution as the US blockade with the
 *   Soviet withdrawal, NYYN, from the status quo of the blockade alone, NYNN).
 * - Elmira (scenarios/elmira.yaml; the resolution, recalled in the case file
 *   and not verified against the paper, was the modified control order
 *   accepted by Uniroyal with the local government insisting, YNYNY, reached
 *   from the status quo NYNNN through the local government's insistence and
 *   then a joint move of the ministry and Uniroyal).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/analysis/forecast.js";
import { play } from "../../src/analysis/play.js";
import { noUncertainty } from "../../src/analysis/robustness.js";
import { createContext, loadModel, statePattern, type Model } from "../../src/index.js";
import { caseModel, readCase } from "../helpers/cases.js";

const probabilityOf = (m: Model, pattern: string) => {
  const r = play(createContext(m), noUncertainty(m), { concept: "SEQ", rules: DEFAULT_RULES, horizon: 30 });
  return r.outcomes.filter((o) => statePattern(m, o.state) === pattern).reduce((a, o) => a + o.probability, 0);
};

describe("retrodiction on published cases (models built after the fact)", () => {
  it("Cuban missile crisis: the blockade and the Soviet withdrawal get probability 1 from the blockade alone", () => {
    const m = caseModel(readCase("cuban_missile_crisis.json"));
    expect(statePattern(m, m.statusQuo)).toBe("NYNN");
    expect(probabilityOf(m, "NYYN")).toBeCloseTo(1, 12);
  });

  it("Elmira: the model of play, one party at a time, gives the historical resolution probability 0 (it came by a joint move)", () => {
    const m = loadModel(readFileSync("scenarios/elmira.yaml", "utf8"), "elmira.yaml");
    expect(statePattern(m, m.statusQuo)).toBe("NYNNN");
    expect(probabilityOf(m, "YNYNY")).toBe(0);
    // It stops where the local government's insistence leads: the state the coalition move then left.
    expect(probabilityOf(m, "NYNNY")).toBeCloseTo(1, 12);
  });
});
