/** Published cases (tests/fixtures/cases/) as Parley models. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { compileScenario, validateData, type Concept, type Model } from "../../src/index.js";
import { CASES } from "./fixtures.js";

export interface Case {
  name: string;
  decisionMakers: { name: string; options: string[] }[];
  optionOrder: string[];
  infeasible: { rules?: string[] };
  irreversible: { option: string; allowed: "N->Y" | "Y->N" }[];
  states: { id: number; pattern: string }[];
  statusQuo: number | null;
  preferences: Record<string, number[][]>;
  computed: { standard: Record<"nash" | "gmr" | "smr" | "seq", { equilibria: number[] }> };
}

export const CONCEPT_KEYS: [Concept, "nash" | "gmr" | "smr" | "seq"][] = [
  ["Nash", "nash"],
  ["GMR", "gmr"],
  ["SMR", "smr"],
  ["SEQ", "seq"],
];

export const readCase = (file: string) => JSON.parse(readFileSync(join(CASES, file), "utf8")) as Case;

/** A case file without explicit moves as a parley/1 scenario: option ids o0.., DM ids d0.., rankings of patterns with ties. */
export function caseModel(c: Case): Model {
  const id = (name: string) => `o${c.optionOrder.indexOf(name)}`;
  const patternOf = (n: number) => c.states.find((s) => s.id === n)!.pattern;
  const data = {
    format: "parley/1",
    name: c.name,
    decisionMakers: c.decisionMakers.map((dm, d) => ({
      id: `d${d}`,
      name: dm.name,
      options: dm.options.map((o) => {
        const irr = c.irreversible.find((x) => x.option === o);
        return { id: id(o), label: o, ...(irr ? { irreversible: irr.allowed === "N->Y" ? true : "withdrawal" } : {}) };
      }),
    })),
    infeasible: (c.infeasible.rules ?? []).map((p) => ({ pattern: p })),
    statusQuo: patternOf(c.statusQuo ?? 1),
    preferences: Object.fromEntries(
      c.decisionMakers.map((dm, d) => [`d${d}`, { ranking: c.preferences[dm.name].map((tie) => (tie.length === 1 ? patternOf(tie[0]) : tie.map(patternOf))) }]),
    ),
  };
  const { scenario, issues } = validateData(data);
  expect(issues).toEqual([]);
  return compileScenario(scenario!);
}
