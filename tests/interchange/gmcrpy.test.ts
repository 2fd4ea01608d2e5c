// Long only because of its many real cases (gmcr-py files, round trips, the import command); generators and references are in tests/helpers/.
/** gmcr-py / GMCR+ JSON import and export. */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exportGmcrPy } from "../../src/interchange/gmcrpy-export.js";
import { importGmcrPy, readGmcrPy } from "../../src/interchange/gmcrpy-import.js";
import { analyzeHypergame } from "../../src/extensions/hypergame.js";
import { compileScenario, CONCEPTS, loadModel, statePattern, validateData, type Model } from "../../src/index.js";
import { EXAMPLES, fixtureDirs, fixtureToScenarioData, plainFixtures, type Fixture } from "../helpers/fixtures.js";

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
    const strip = (p: (typeof m.scenario.preferences)[number]) =>
      JSON.parse(JSON.stringify(p, (k, v) => (k === "expr" || k === "cubes" || k === "path" ? undefined : v)));
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
    infeasibles: [
      [
        [0, "N"],
        [2, "Y"],
      ],
    ],
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
    expect(file.decisionMakers[0].misperceptions).toEqual([
      [
        [0, "Y"],
        [1, "N"],
      ],
      [[1, "Y"]],
    ]);
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
        {
          name: "Villagers",
          options: [1],
          preferences: [[[0, "N"]]],
          misperceptions: [
            [
              [0, "Y"],
              [2, "N"],
            ],
          ],
        },
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

/** An oracle fixture written the way gmcr-py saves a model (conditions as [index, "Y"|"N"] pairs; no status quo). */
function asGmcrPyFile(fx: Fixture): Record<string, unknown> {
  const cond = (p: string) => [...p].flatMap((c, k) => (c === "-" ? [] : [[k, c]]));
  return {
    program: "gmcr-py",
    version: "0.4.1",
    useManualPreferenceRanking: fx.useManualPreferenceRanking,
    options: fx.options.map((o) => ({ name: o.name, permittedDirection: o.direction })),
    decisionMakers: fx.decisionMakers.map((dm) => ({
      name: dm.name,
      options: dm.options,
      preferences: dm.preferenceStatements.map((st) => (typeof st === "string" ? cond(st) : { compound: true, members: st.anyOf.map(cond) })),
      ...(dm.preferenceRanking ? { preferenceRanking: dm.preferenceRanking } : {}),
    })),
    infeasibles: fx.infeasible.map(cond),
  };
}

describe("gmcr-py files without a usable all-N state", () => {
  const examples = plainFixtures().filter((f) => f.file === "examples/Elmira.json" || f.file === "examples/Garrison.json");

  it.skipIf(!EXAMPLES)("finds gmcr-py's Elmira and Garrison examples", () => {
    expect(examples.map((f) => f.file)).toEqual(["examples/Elmira.json", "examples/Garrison.json"]);
  });

  it.each(examples)("imports $file with state 1 as the status quo, and the oracle's states and preferences", ({ fixture }) => {
    const file = asGmcrPyFile(fixture);
    const n = fixture.options.length;
    // The all-N state is infeasible in both: this used to fail with "the status quo NNNNN is infeasible".
    expect(fixture.states.some((s) => s.pattern === "N".repeat(n))).toBe(false);
    const r = readGmcrPy(file, fixture.name);
    expect(r.statusQuo).toEqual({ from: "first-feasible", state: 1, pattern: fixture.states[0].pattern });
    expect(r.data.statusQuo).toBe(fixture.states[0].pattern);
    const { scenario, issues } = validateData(r.data);
    expect(issues).toEqual([]);
    const m = compileScenario(scenario!);
    expect(m.statusQuo).toBe(0);
    expect(Array.from(m.states, (_, s) => statePattern(m, s))).toEqual(fixture.states.map((s) => s.pattern));
    fixture.decisionMakers.forEach((dm, d) => {
      const theirs = fixture.payoffs[dm.name];
      for (let a = 0; a < theirs.length; a++)
        for (let b = 0; b < theirs.length; b++) expect(Math.sign(m.pref[d][a] - m.pref[d][b])).toBe(Math.sign(theirs[a] - theirs[b]));
    });
  });

  it.each(examples)("takes another status quo with the statusQuo option, as a pattern or a state number: $file", ({ fixture }) => {
    const file = asGmcrPyFile(fixture);
    const third = fixture.states[2].pattern;
    expect(readGmcrPy(file, "x", { statusQuo: third.toLowerCase() })).toMatchObject({
      statusQuo: { from: "option", state: 3, pattern: third },
      data: { statusQuo: third },
    });
    expect(readGmcrPy(file, "x", { statusQuo: "3" }).data.statusQuo).toBe(third);
  });

  it("refuses a status quo of the wrong length, not Y/N, out of range or infeasible, saying why", () => {
    // Elmira as gmcr-py saves it: no status quo, the all-N state infeasible (made from the shipped scenario, without Parley's extras).
    const exported = JSON.parse(JSON.stringify(exportGmcrPy(loadModel(readFileSync("scenarios/elmira.yaml", "utf8")))));
    delete exported.parley;
    exported.options.forEach((o: { name: string }, k: number) => (o.name = ["modify", "delay", "accept", "abandon", "insist"][k]));
    const elmira = exported;
    expect(readGmcrPy(elmira, "x").statusQuo).toEqual({ from: "first-feasible", state: 1, pattern: "NYNNN" });
    expect(() => readGmcrPy(elmira, "x", { statusQuo: "NNN" })).toThrow(
      "--status-quo NNN: 'NNN' is not a state: give a number from 1 to 12 or a Y/N pattern of 5 letters (one per option); the options in order: modify, delay, accept, abandon, insist",
    );
    expect(() => readGmcrPy(elmira, "x", { statusQuo: "NYN-N" })).toThrow("--status-quo NYN-N: 'NYN-N' is not a state");
    expect(() => readGmcrPy(elmira, "x", { statusQuo: "13" })).toThrow("--status-quo 13: there is no state 13: the feasible states are numbered 1 to 12");
    expect(() => readGmcrPy(elmira, "x", { statusQuo: "NNNNN" })).toThrow(
      "--status-quo NNNNN is not a feasible state: it breaks '!delay & !accept & !abandon'; the first feasible state is NYNNN (state 1)",
    );
  });

  it("keeps the status quo of a file Parley exported, unless the option overrides it", () => {
    const m = loadModel(readFileSync("scenarios/elmira.yaml", "utf8"));
    const file = JSON.parse(JSON.stringify(exportGmcrPy(m)));
    expect(readGmcrPy(file).statusQuo).toEqual({ from: "file", state: m.statusQuo + 1, pattern: statePattern(m, m.statusQuo) });
    expect(readGmcrPy(file, "x", { statusQuo: "4" }).statusQuo).toEqual({ from: "option", state: 4, pattern: statePattern(m, 3) });
    file.parley.statusQuo = "NNNNN";
    expect(() => readGmcrPy(file)).toThrow(
      "the status quo NNNNN recorded under the file's 'parley' key is infeasible: it breaks 'at least one of delay, accept, abandon'; choose another with --status-quo PATTERN (at parley.statusQuo)",
    );
  });
});

describe("older gmcr-py files with preference vectors", () => {
  const base = {
    program: "gmcr-py",
    options: [
      { name: "Build", permittedDirection: "both" },
      { name: "Protest", permittedDirection: "both" },
    ],
    decisionMakers: [
      { name: "Government", options: [0], preferences: [] as unknown[], preferenceVector: [4, 3, 2, 1] },
      { name: "Villagers", options: [1], preferences: [] as unknown[], preferenceVector: [1, 2, 3, 4] },
    ],
    infeasibles: [],
  };

  it("refuses useManualPreferenceVectors instead of importing every preference as 'true'", () => {
    const file = { ...base, useManualPreferenceRanking: false, useManualPreferenceVectors: true };
    expect(() => importGmcrPy(file)).toThrow(
      "decision maker 1 (Government) gives its preferences as a preferenceVector (useManualPreferenceVectors), a form of older gmcr-py files that Parley does not read",
    );
    expect(() => importGmcrPy(file)).toThrow("Open the file in gmcr-py and enter the preferences as a ranking or as preference statements");
    // Even with statements beside them: which of the two gmcr-py used is the vectors.
    const withStatements = { ...file, decisionMakers: base.decisionMakers.map((d) => ({ ...d, preferences: [[[0, "Y"]]] })) };
    expect(() => importGmcrPy(withStatements)).toThrow("(Government) gives its preferences as a preferenceVector");
  });

  it("refuses a preferenceVector that is a DM's only preferences", () => {
    const file = { ...base, useManualPreferenceRanking: false };
    expect(() => importGmcrPy(file)).toThrow("decision maker 1 (Government) gives its preferences as a preferenceVector, a form of older gmcr-py files");
  });

  it("reads the statements or the manual ranking when the file uses those", () => {
    const statements = { ...base, useManualPreferenceRanking: false, decisionMakers: base.decisionMakers.map((d, i) => ({ ...d, preferences: [[[i, "Y"]]] })) };
    expect(importGmcrPy(statements).preferences).toEqual({ government: ["build"], villagers: ["protest"] });
    const ranked = { ...base, useManualPreferenceRanking: true, decisionMakers: base.decisionMakers.map((d) => ({ ...d, preferenceRanking: [4, 3, [2, 1]] })) };
    expect(importGmcrPy(ranked).preferences).toEqual({
      government: { ranking: ["YY", "NY", ["YN", "NN"]] },
      villagers: { ranking: ["YY", "NY", ["YN", "NN"]] },
    });
  });

  it("says so when a DM has no preferences at all (every state ties for it)", () => {
    const file = {
      ...base,
      useManualPreferenceRanking: false,
      decisionMakers: [
        { ...base.decisionMakers[0], preferenceVector: undefined },
        { ...base.decisionMakers[1], preferences: [[[1, "Y"]]] },
      ],
    };
    const r = readGmcrPy(file);
    expect(r.data.preferences).toEqual({ government: ["true"], villagers: ["protest"] });
    expect(r.notes).toEqual(["decision maker 1 (Government) has no preference statements: every state ties for it until you write its preferences"]);
  });
});

describe("gmcr-py export then import keeps the whole scenario", () => {
  // Statement positions (`at`) differ where a structured statement comes back as its text.
  const strip = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === "at" ? undefined : v)));

  it.each(readdirSync("scenarios").filter((f) => f.endsWith(".yaml")))(
    "scenarios/%s: the same scenario, with constraints as written and all provenance",
    (f) => {
      const m = loadModel(readFileSync(`scenarios/${f}`, "utf8"), f);
      const { scenario, issues } = validateData(importGmcrPy(JSON.parse(JSON.stringify(exportGmcrPy(m)))));
      expect(issues).toEqual([]);
      expect(strip(scenario)).toEqual(strip(m.scenario));
    },
  );

  it("keeps the Ukraine scenario's constraint notes and sources and the status quo's sources", () => {
    const m = loadModel(readFileSync("scenarios/ukraine-2025.yaml", "utf8"));
    const back = roundTrip(m);
    expect(back.scenario.constraints.map((c) => [c.text, c.note, c.sources])).toEqual([
      ["us_walk_away & us_guarantee", "The US cannot walk away from the talks and guarantee the settlement at the same time.", ["F3", "F13"]],
      ["ru_ceasefire & ru_offensive", "Agreeing to a ceasefire means halting the offensive.", ["F8"]],
    ]);
    expect(back.scenario.statusQuoProvenance?.sources).toEqual(["F1", "F5", "F6", "F8", "F9", "F11"]);
  });

  it("keeps every kind of constraint: condition, pattern (string and mapping), mutuallyExclusive, atLeastOneOf", () => {
    const text = `format: parley/1
name: Kinds
decisionMakers:
  - id: a
    options: [{ id: x }, { id: y }, { id: z }]
  - id: b
    options: [{ id: w }]
infeasible:
  - "x & w"
  - { pattern: "YY-Y", note: a pattern }
  - { pattern: { y: Y, x: N, w: Y } }
  - { mutuallyExclusive: [z, y], sources: [S1] }
  - { atLeastOneOf: [w, x, z], assumption: guessed }
statusQuo: { state: NNYY, note: today, sources: [S2], assumption: roughly }
preferences:
  a: [x]
  b: [w]
`;
    const m = loadModel(text, "kinds.yaml");
    const file = JSON.parse(JSON.stringify(exportGmcrPy(m)));
    expect(file.parley.statusQuo).toEqual({ state: "NNYY", note: "today", sources: ["S2"], assumption: "roughly" });
    expect(file.parley.infeasible).toEqual([
      "x & w",
      { pattern: "YY-Y", note: "a pattern" },
      { condition: "y & !x & w" },
      { mutuallyExclusive: ["z", "y"], sources: ["S1"] },
      { atLeastOneOf: ["w", "x", "z"], assumption: "guessed" },
    ]);
    const back = roundTrip(m);
    expect(back.scenario.constraints.map((c) => [c.text, c.note, c.sources, c.assumption])).toEqual(
      m.scenario.constraints.map((c) => [c.text, c.note, c.sources, c.assumption]),
    );
    expect(back.scenario.statusQuoProvenance).toEqual(m.scenario.statusQuoProvenance);
    expect(Array.from(back.states)).toEqual(Array.from(m.states));
  });

  it("uses the file's infeasibles, and says so, when they no longer match the entries under the parley key", () => {
    const m = loadModel(readFileSync("scenarios/ukraine-2025.yaml", "utf8"));
    const file = JSON.parse(JSON.stringify(exportGmcrPy(m)));
    file.infeasibles.pop(); // edited in gmcr-py: the ceasefire constraint is gone
    const r = readGmcrPy(file);
    expect(r.data.infeasible).toEqual(["us_guarantee & us_walk_away"]);
    expect(r.notes).toEqual([
      "the infeasibility entries under the file's 'parley' key no longer match its infeasibles (was it edited in gmcr-py?): the infeasibles are used",
    ]);
  });
});
