/** The forecast parts of the scenario format: facts, questions, forecast settings and decision makers' rates. */
import { describe, expect, it } from "vitest";
import { loadModel, ParleyError } from "../../src/index.js";

const BASE = `format: parley/1
name: Two options
decisionMakers:
  - id: a
    options: [{ id: x }]
    rate: { perMonth: 2, assumption: "a acts about twice a month, a test assumption" }
  - id: b
    options: [{ id: y }]
statusQuo: NN
preferences:
  a: [x]
  b: [y]
`;
const WITH = `${BASE}facts:
  - { id: F1, fact: "a said it wants x", quote: "We want x", source: "A paper, 1 May 2025", date: 2025-05-01 }
questions:
  - id: both
    question: Will both x and y be taken by the end of 2025?
    condition: x & y
    by: 2025-12-31
    resolution: Yes when both are publicly taken.
    sources: [F1]
forecast:
  concept: GMR
  rules: [{ rule: undeterred, weight: 2, note: likelier }, { rule: uniform, weight: 1 }]
  horizon: 12
`;

/** The issues of a scenario that fails validation, as "line:column message". */
function issues(text: string): string[] {
  try {
    loadModel(text, "t.yaml");
  } catch (e) {
    if (e instanceof ParleyError) return e.issues.map((i) => `${i.line}:${i.column} ${i.message}`);
    throw e;
  }
  return [];
}

describe("forecast sections of the format", () => {
  it("reads facts, questions (compiled to the states that answer yes), forecast settings and rates", () => {
    const m = loadModel(WITH, "t.yaml");
    const sc = m.scenario;
    expect(sc.decisionMakers[0].rate).toEqual({ perMonth: 2, assumption: "a acts about twice a month, a test assumption" });
    expect(sc.decisionMakers[1].rate).toBeUndefined();
    expect(sc.facts).toEqual([{ id: "F1", fact: "a said it wants x", quote: "We want x", source: "A paper, 1 May 2025", date: "2025-05-01" }]);
    const q = sc.questions![0];
    expect({ id: q.id, by: q.by, condition: q.condition, sources: q.sources }).toEqual({ id: "both", by: "2025-12-31", condition: "x & y", sources: ["F1"] });
    expect(q.cubes).toHaveLength(1);
    expect(sc.forecast).toEqual({
      concept: "GMR",
      rules: [
        { rule: "undeterred", weight: 2, note: "likelier" },
        { rule: "uniform", weight: 1 },
      ],
      horizon: 12,
    });
  });

  it("says where a question is wrong: an unknown option, an impossible date, a duplicate id", () => {
    const bad = WITH.replace("condition: x & y", "condition: x & z").replace("by: 2025-12-31", "by: 2025-02-30") + `  # end\n`;
    const text = bad.replace("forecast:", "  - { id: both, question: again?, condition: x, by: 2026-01-01 }\nforecast:");
    const found = issues(text);
    expect(found).toEqual([
      "18:20 unknown option 'z' in 'x & z'; did you mean 'x'?",
      "19:9 '2025-02-30' is not a calendar date; write it as YYYY-MM-DD",
      "22:11 duplicate question id 'both'",
    ]);
  });

  it("refuses dates in other forms, unknown rules and a zero rate, with the field and what is allowed", () => {
    expect(issues(WITH.replace("by: 2025-12-31", "by: 31 December 2025")).join("\n")).toMatch(/must be a date written YYYY-MM-DD/);
    expect(issues(WITH.replace("rule: undeterred", "rule: greedy")).join("\n")).toMatch(/uniform.*gain.*undeterred/);
    expect(issues(BASE.replace("perMonth: 2", "perMonth: 0")).length).toBe(1);
    expect(issues(WITH.replace("horizon: 12", "horzon: 12")).join("\n")).toMatch(/did you mean 'horizon'/);
  });
});

describe("through gmcr-py and back", () => {
  it("keeps facts, questions, forecast settings and rates under the parley key", async () => {
    const { exportGmcrPy } = await import("../../src/interchange/gmcrpy-export.js");
    const { importGmcrPy } = await import("../../src/interchange/gmcrpy-import.js");
    const { validateData } = await import("../../src/index.js");
    const m = loadModel(WITH, "t.yaml");
    const back = validateData(importGmcrPy(JSON.parse(JSON.stringify(exportGmcrPy(m))), "t"));
    expect(back.issues).toEqual([]);
    const sc = back.scenario!;
    expect(sc.facts).toEqual(m.scenario.facts);
    expect(sc.questions).toEqual(m.scenario.questions);
    expect(sc.forecast).toEqual(m.scenario.forecast);
    expect(sc.decisionMakers.map((d) => d.rate)).toEqual(m.scenario.decisionMakers.map((d) => d.rate));
  });
});
