/** gmcr-py / GMCR+ JSON import and export. */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exportGmcrPy, importGmcrPy } from "../src/io/gmcrpy.js";
import { analyzeHypergame } from "../src/analysis/hypergame.js";
import { compileScenario, CONCEPTS, loadModel, statePattern, validateData, type Model } from "../src/index.js";
import { fixtureDirs, fixtureToScenarioData, plainFixtures, type Fixture } from "./helpers/fixtures.js";

/** Everything the engine derives from a model, for comparing two of them. */
function essence(m: Model) {
  const sc = m.scenario;
  return {
    name: sc.name,
    dms: sc.decisionMakers.map((d) => [d.id, d.name, d.options]),
    options: sc.options.map((o) => [o.id, o.label, o.dm, o.direction, o.whenTaken, o.whenNotTaken, o.note, o.sources, o.assumption]),
    meta: [sc.description, sc.asOf, sc.limitations, sc.whatIfs, sc.goals, sc.note, sc.sources, sc.assumption],
    states: Array.from(m.states),
    statusQuo: m.statusQuo,
    prefs: m.pref.map((p) => Array.from(p)),
  };
}

function roundTrip(m: Model): Model {
  const file = JSON.parse(JSON.stringify(exportGmcrPy(m)));
  const { scenario, issues } = validateData(importGmcrPy(file));
  expect(issues).toEqual([]);
  return compileScenario(scenario!);
}

describe("gmcr-py export then import", () => {
  it.each(plainFixtures())("is the identity on the model: $file", ({ fixture }) => {
    const { scenario } = validateData(fixtureToScenarioData(fixture));
    const m = compileScenario(scenario!);
    expect(essence(roundTrip(m))).toEqual(essence(m));
  });

  it.each(readdirSync("scenarios").filter((f) => f.endsWith(".yaml")))("is the identity on scenarios/%s", (f) => {
    const m = loadModel(readFileSync(`scenarios/${f}`, "utf8"), f);
    expect(essence(roundTrip(m))).toEqual(essence(m));
  });
});

describe("gmcr-py export keeps what gmcr-py cannot hold", () => {
  it("keeps probabilities, alternatives and statement provenance of the Ukraine scenario", () => {
    const m = loadModel(readFileSync("scenarios/ukraine-2025.yaml", "utf8"));
    const back = roundTrip(m);
    const strip = (p: (typeof m.scenario.preferences)[number]) => JSON.parse(JSON.stringify(p, (k, v) => (k === "expr" || k === "cubes" || k === "path" ? undefined : v)));
    expect(back.scenario.preferences.map(strip)).toEqual(m.scenario.preferences.map(strip));
  });
});

describe("gmcr-py import", () => {
  // A hand-written file in the gmcr-py layout: DM 1 owns options 0 and 2, DM 2 owns option 1,
  // so Parley's order (DM by DM) is 0, 2, 1.
  const file = {
    program: "gmcr-py",
    version: "0.4.1",
    useManualPreferenceRanking: false,
    options: [
      { name: "Build dam", permittedDirection: "fwd" },
      { name: "Protest", permittedDirection: "both" },
      { name: "Compensate", permittedDirection: "back" },
    ],
    decisionMakers: [
      { name: "Government", options: [0, 2], preferences: [[[1, "N"]], { compound: true, members: [[[0, "Y"]], [[2, "Y"]]] }] },
      { name: "Villagers", options: [1], preferences: [[[0, "N"]], [[2, "Y"]]] },
    ],
    infeasibles: [[[0, "N"], [2, "Y"]]],
  };

  it("re-orders options DM by DM and translates statements", () => {
    const data = importGmcrPy(file, "dam");
    expect(data.decisionMakers).toEqual([
      {
        id: "government",
        name: "Government",
        options: [
          { id: "build_dam", label: "Build dam", irreversible: true },
          { id: "compensate", label: "Compensate", irreversible: "withdrawal" },
        ],
      },
      { id: "villagers", name: "Villagers", options: [{ id: "protest", label: "Protest" }] },
    ]);
    expect(data.infeasible).toEqual(["!build_dam & compensate"]);
    expect(data.preferences).toEqual({
      government: ["!protest", { anyOf: ["build_dam", "compensate"] }],
      villagers: ["!build_dam", "compensate"],
    });
    // No status quo in gmcr-py files: the first feasible state.
    expect(data.statusQuo).toBe("NNN");
  });

  it("decodes a manual ranking by gmcr-py state numbers", () => {
    const manual = {
      ...file,
      useManualPreferenceRanking: true,
      decisionMakers: [
        { ...file.decisionMakers[0], preferenceRanking: [6, [5, 4], 3, 2, 1] },
        { ...file.decisionMakers[1], preferenceRanking: [1, 2, 3, 4, 5, 6] },
      ],
    };
    const { scenario, issues } = validateData(importGmcrPy(manual));
    expect(issues).toEqual([]);
    const m = compileScenario(scenario!);
    // Feasible states in gmcr-py numbering (options 0, 2, 1): NNN NNY? -- by value: 0, 1, 3, 4, 5, 7
    expect(Array.from(m.states, (_, s) => statePattern(m, s))).toEqual(["NNN", "YNN", "YYN", "NNY", "YNY", "YYY"]);
    expect(Array.from(m.pref[0])).toEqual([0, 1, 2, 3, 3, 4]);
    expect(Array.from(m.pref[1])).toEqual([5, 4, 3, 2, 1, 0]);
  });

  it("reports what is wrong with a malformed file", () => {
    expect(() => importGmcrPy({ options: [] })).toThrow("'options' must be a non-empty list");
    expect(() => importGmcrPy({ ...file, decisionMakers: [{ name: "A", options: [0, 7], preferences: [] }] })).toThrow(
      "decision maker 1 refers to option 7, but there are 3 options (0-based)",
    );
    expect(() => importGmcrPy({ ...file, decisionMakers: [{ name: "A", options: [0, 1], preferences: [] }] })).toThrow(
      "option 2 (Compensate) belongs to no decision maker",
    );
    expect(() => importGmcrPy({ ...file, useManualPreferenceRanking: true })).toThrow("has no preferenceRanking");
    expect(() =>
      importGmcrPy({ ...file, useManualPreferenceRanking: true, decisionMakers: file.decisionMakers.map((d) => ({ ...d, preferenceRanking: [1, 99] })) }),
    ).toThrow("names state 99, but the feasible states are 1..6");
  });
});

describe("gmcr-py misperceptions (GMCR+ hypergames)", () => {
  const files = fixtureDirs("misperception")
    .flatMap(({ dir }) => readdirSync(dir).map((f) => `${dir}/${f}`))
    .filter((f) => f.endsWith(".json"));

  /** A misperception oracle model as a Parley model. */
  function mispModel(path: string): Model {
    const fx = JSON.parse(readFileSync(path, "utf8")) as Fixture & { decisionMakers: { misperceptions?: string[] }[] };
    const data = fixtureToScenarioData(fx);
    (data.decisionMakers as Record<string, unknown>[]).forEach((dm, d) => {
      if (fx.decisionMakers[d].misperceptions) dm.misperceives = fx.decisionMakers[d].misperceptions;
    });
    const { scenario, issues } = validateData(data);
    expect(issues).toEqual([]);
    return compileScenario(scenario!);
  }

  it.each(files.map((f) => [f.split("/").slice(-3).join("/"), f]))("export then import keeps them: %s", (_, path) => {
    const m = mispModel(path);
    const exported = JSON.parse(JSON.stringify(exportGmcrPy(m)));
    expect(exported.decisionMakers.some((dm: { misperceptions?: unknown[] }) => (dm.misperceptions ?? []).length > 0)).toBe(true);
    const back = roundTrip(m);
    expect(essence(back)).toEqual(essence(m));
    const [h1, h2] = [analyzeHypergame(m), analyzeHypergame(back)];
    expect(h2.perceived.map((p) => [...p])).toEqual(h1.perceived.map((p) => [...p]));
    for (const c of CONCEPTS) expect(h2.stable[c]!.map((r) => [...r])).toEqual(h1.stable[c]!.map((r) => [...r]));
  });

  it("exports misperceptions as conditions, and keeps perceivedPreferences under the parley key", () => {
    const text = `format: parley/1
name: Views
decisionMakers:
  - id: a
    options: [{ id: x }]
    misperceives: ["x & !y", { pattern: "-Y" }]
    perceivedPreferences:
      b:
        statements: [{ statement: "!x", note: believed }, "if x then y"]
        note: what a thinks b wants
  - id: b
    options: [{ id: y }]
    perceivedPreferences:
      a: { ranking: [YN, [NN, NY], YY] }
statusQuo: NN
preferences:
  a: [x]
  b: [y]
`;
    const m = loadModel(text, "views.yaml");
    const file = JSON.parse(JSON.stringify(exportGmcrPy(m)));
    expect(file.decisionMakers[0].misperceptions).toEqual([[[0, "Y"], [1, "N"]], [[1, "Y"]]]);
    expect(file.decisionMakers[1].misperceptions).toBeUndefined();
    expect(file.parley.decisionMakers[1].perceivedPreferences).toEqual({ a: { ranking: ["YN", ["NN", "NY"], "YY"] } });
    const data = importGmcrPy(file);
    expect((data.decisionMakers as Record<string, unknown>[])[0]).toMatchObject({
      misperceives: ["x & !y", "y"],
      perceivedPreferences: { b: { statements: [{ statement: "!x", note: "believed" }, "if x then y"], note: "what a thinks b wants" } },
    });
    const back = roundTrip(m);
    for (const view of ["gmcr", "subjective"] as const) {
      const [h1, h2] = [analyzeHypergame(m, { view }), analyzeHypergame(back, { view })];
      expect(h2.views.map((v) => v.model.pref.map((p) => [...p]))).toEqual(h1.views.map((v) => v.model.pref.map((p) => [...p])));
      for (const c of CONCEPTS) expect(h2.stable[c]!.map((r) => [...r])).toEqual(h1.stable[c]!.map((r) => [...r]));
    }
  });

  it("imports misperceptions written as conditions or as Y/N/- patterns over the file's options", () => {
    const file = {
      program: "gmcr-py",
      version: "0.4.1",
      useManualPreferenceRanking: false,
      options: [
        { name: "Build dam", permittedDirection: "both" },
        { name: "Protest", permittedDirection: "both" },
        { name: "Compensate", permittedDirection: "both" },
      ],
      decisionMakers: [
        { name: "Government", options: [0, 2], preferences: [[[1, "N"]]], misperceptions: ["-Y-"] },
        { name: "Villagers", options: [1], preferences: [[[0, "N"]]], misperceptions: [[[0, "Y"], [2, "N"]]] },
      ],
      infeasibles: [],
    };
    const data = importGmcrPy(file);
    const dms = data.decisionMakers as { misperceives?: string[] }[];
    expect(dms[0].misperceives).toEqual(["protest"]);
    expect(dms[1].misperceives).toEqual(["build_dam & !compensate"]);
    expect(validateData(data).issues).toEqual([]);
    expect(() => importGmcrPy({ ...file, decisionMakers: [{ ...file.decisionMakers[0], misperceptions: ["YY"] }, file.decisionMakers[1]] })).toThrow(
      "misperception 'YY' must be a condition or a pattern of Y, N or - with one letter per option (3)",
    );
  });
});
