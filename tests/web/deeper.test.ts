/** The deeper analyses as the workbench computes them in its worker: robustness, inverse GMCR, coalitions, gmcr-py import; and the worker's scheduling. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, inverseForTargets, loadModel, statesMatching } from "../../src/index.js";
import { robustness } from "../../src/analysis/robustness.js";
import { exportGmcrPy } from "../../src/interchange/gmcrpy-export.js";
import { changeLines } from "../../src/present/inverse-output.js";
import { uncertaintyOf } from "../../src/analysis/robustness.js";
import { coalitionsView, importScenario, inverseJob, robustnessJob, targetStates, type Control } from "../../web/src/workers/engine/deeper.js";
import { EngineSession } from "../../web/src/workers/engine/session.js";
import { Scheduler } from "../../web/src/workers/engine/scheduler.js";
import { slowScheduler } from "../helpers/scheduler.js";
import type { FromWorker, InverseView, Progress, RobustnessView } from "../../web/src/protocol/engine.js";
import { inProcessPool } from "../helpers/pool.js";

const root = resolve(import.meta.dirname, "../..");
const read = (f: string) => readFileSync(resolve(root, "scenarios", f), "utf8");
// The views are tested on the default scenario as it was before issue 16 (frozen: its today is not stable).
const readV1 = (f: string) => readFileSync(resolve(root, "tests/fixtures/views", f.replace("ukraine-2025", "ukraine-2025-v1")), "utf8");
const ukraine = analyze(loadModel(readV1("ukraine-2025.yaml")));

/** A small scenario with uncertain preferences: 2^3 x 2 = 16 joint profiles. */
const UNCERTAIN = `format: parley/1
name: Uncertain chicken
decisionMakers:
  - id: a
    name: Driver A
    options: [{ id: a_swerves, label: Driver A swerves }]
  - id: b
    name: Driver B
    options: [{ id: b_swerves, label: Driver B swerves }]
statusQuo: NN
preferences:
  a:
    - statement: a_swerves | b_swerves
      probability: 0.7
    - statement: b_swerves
      probability: 0.5
    - statement: "!a_swerves"
      probability: 0.9
  b:
    - statement: a_swerves | b_swerves
      probability: 0.6
    - a_swerves
    - "!b_swerves"
`;

function drive<T>(run: Generator<Progress, T>, each: (p: Progress) => void = () => {}): T {
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    each(step.value);
  }
}

describe("robustness view", () => {
  it("enumerates the default scenario's profiles exactly, as the engine does", () => {
    const phases: Progress[] = [];
    const v = drive(robustnessJob(ukraine, { samples: 10_000, seed: 1, exactLimit: 4096, top: 12 }, 3), (p) => phases.push(p));
    const r = robustness(ukraine.context, uncertaintyOf(ukraine.model), { concepts: ukraine.concepts, exactLimit: 4096 });
    expect(v).toMatchObject({
      version: 3,
      exact: true,
      done: 320,
      asked: 320,
      interrupted: false,
      uncertainStatements: 8,
      alternatives: 1,
      positive: r.states.length,
    });
    expect(phases).toContainEqual(expect.objectContaining({ done: 256, total: 320 }));
    // The SEQ chart: most probable first; states with the same probability together, in words.
    const seq = v.top.SEQ!;
    expect(seq).toHaveLength(12);
    for (let k = 1; k < seq.length; k++) expect(seq[k - 1].probability.p).toBeGreaterThanOrEqual(seq[k].probability.p);
    const engine = (id: number) => r.states.find((s) => s.state === id - 1)!.probability.SEQ;
    for (const row of seq) expect(row.probability).toEqual(engine(row.example));
    expect(seq[0]).toMatchObject({ example: 8, probability: { p: 0.75, low: 0.75, high: 0.75 } });
    expect(seq[0].words).toMatch(/^US air-support guarantees; new US sanctions stay on hold; a ceasefire holds/);
    expect(seq[0].count).toBeGreaterThan(1);
    // Every state with SEQ probability 0.75 is in the rows of that probability.
    const at75 = r.states.filter((s) => s.probability.SEQ?.p === 0.75).length;
    expect(seq.filter((row) => row.probability.p === 0.75).reduce((n, row) => n + row.count, 0)).toBeGreaterThanOrEqual(at75);
    expect(seq.some((row) => row.probability.p < 0.75)).toBe(true);
    // What moves the answer: Russia's territorial aims move state 8 under SEQ from 0.23 to 1.
    const territory = v.influence.find((i) => i.label === "Territorial gains recognised.")!;
    expect(territory).toMatchObject({ dmName: "Russia", kind: "statement", state: 8, concept: "SEQ", whenHolds: 1 });
    expect(territory.whenNot).toBeCloseTo(0.23, 2);
    expect(v.influence.every((i) => i.shift >= 0.005)).toBe(true);
    // Beside the chart of a concept, what moves that concept's answer: every entry cites it, and the largest shift under it.
    for (const c of v.concepts) {
      const list = v.influenceByConcept[c]!;
      expect(list.every((i) => i.concept === c && i.shift >= 0.005)).toBe(true);
      for (let k = 1; k < list.length; k++) expect(list[k - 1].shift).toBeGreaterThanOrEqual(list[k].shift);
    }
    expect(v.influence.some((i) => i.concept !== "SEQ")).toBe(true);
    expect(v.influenceByConcept.SEQ!.find((i) => i.label === "Territorial gains recognised.")).toEqual(territory);
    expect(v.markdown).toMatch(/^# Robustness: The 2025 Ukraine peace process/);
  });

  it("samples with intervals, reproducibly, and stops early with the result so far", () => {
    const analysis = analyze(loadModel(UNCERTAIN));
    const params = { samples: 3000, seed: 7, exactLimit: 0, top: 4 };
    const a = drive(robustnessJob(analysis, params, 1));
    const b = drive(robustnessJob(analysis, params, 1));
    expect(a.exact).toBe(false);
    expect(a.done).toBe(3000);
    expect({ ...a, ms: 0 }).toEqual({ ...b, ms: 0 });
    for (const c of a.concepts)
      for (const row of a.top[c]!) {
        const x = row.probability;
        expect(x.low).toBeLessThanOrEqual(x.p);
        expect(x.high).toBeGreaterThanOrEqual(x.p);
        expect(x.high).toBeGreaterThan(x.low);
      }
    let slices = 0;
    const stopAfterTwo: Control = { shouldStop: () => slices >= 2 };
    const partial = drive(robustnessJob(analysis, params, 1, stopAfterTwo), () => slices++);
    expect(partial.interrupted).toBe(true);
    expect(partial.done).toBeLessThan(3000);
    expect(partial.done).toBeGreaterThan(0);
  });
});

describe("inverse GMCR view", () => {
  const run = (target: string, concept: "SEQ" | "Nash", maxEvaluations = 100_000) => drive(inverseJob(ukraine, { target, concept, maxEvaluations }, 1));

  it("finds the nearest change for a state and says it in words", () => {
    const v = run("301", "SEQ") as InverseView;
    expect(v).toMatchObject({ target: 301, pattern: "NNNNYNNNNY", found: true, totalDistance: 1, candidates: 1 });
    expect(v.changes).toEqual([
      expect.stringMatching(
        /^United States would have to put ".+" \(!us_sanctions\) \[F9\] before ".+" \(if ru_offensive then us_sanctions\) \[F9, assumption\]\.$/,
      ),
    ]);
    expect(v.unchanged).toEqual(["Russia", "Ukraine", "European allies"]);
    expect((run("NNNNYNNNNY", "SEQ") as InverseView).target).toBe(301);
  });

  it("searches the states a condition selects, as inverseForTargets does", () => {
    const v = run("ru_ceasefire & ua_concede", "Nash") as InverseView;
    const m = ukraine.model;
    const targets = statesMatching(m, "ru_ceasefire & ua_concede");
    const r = inverseForTargets(ukraine.context, targets, "Nash");
    expect(v).toMatchObject({ target: r.target + 1, found: r.found, totalDistance: r.totalDistance, evaluated: r.evaluated, candidates: targets.length });
    expect(v.changes).toEqual(changeLines(m, r));
    expect(v.changes[0]).toMatch(/^Russia would have to stop caring that "Prolonging the war/);
  });

  it("says when the target is stable already, and reports a bad target as a problem", () => {
    const v = run("ru_ceasefire & eu_force & !us_sanctions", "SEQ") as InverseView;
    expect(v).toMatchObject({ found: true, totalDistance: 0, changes: [] });
    expect(run("ru_ceasefire & nonsense", "SEQ")).toEqual({
      issues: [expect.objectContaining({ message: "unknown option 'nonsense' in 'ru_ceasefire & nonsense'" })],
    });
    expect(run("999", "SEQ")).toEqual({ issues: [expect.objectContaining({ message: "there is no state 999: the feasible states are numbered 1 to 576" })] });
    expect(() => targetStates(ukraine.model, " ")).toThrow("give a state number, a Y/N pattern, or a condition over option ids");
  });

  it("stops at the evaluation limit and says the search was not exhaustive", () => {
    const v = run("301", "SEQ", 3) as InverseView;
    expect(v).toMatchObject({ found: false, exhaustive: false, evaluated: 3, changes: [] });
  });
});

describe("coalitions view", () => {
  it("lists the groups that could leave today's state by moves all their members take part in, and whether the others deter them", () => {
    const v = coalitionsView(ukraine, 301, 1);
    expect(v).toMatchObject({ state: 301, isStatusQuo: true, equilibriumUnder: [], concepts: ["Nash", "GMR", "SMR", "SEQ"], maxSize: 4, coalitionCount: 11 });
    // United States + Ukraine (and + European allies) only get there by the US's own move, Ukraine idle: left out, and counted.
    expect(v.coalitions.map((c) => c.name)).toEqual(["United States + European allies"]);
    expect(v.leftOut).toEqual([
      { name: "United States + Ukraine", breaks: ["Nash", "GMR", "SMR", "SEQ"] },
      { name: "United States + Ukraine + European allies", breaks: ["Nash", "GMR", "SMR", "SEQ"] },
    ]);
    const usEu = v.coalitions[0];
    // Of its 4 joint moves, the one where the European allies stay put (the US alone, to state 303) is not shown.
    expect(usEu).toMatchObject({ breaks: ["Nash", "SEQ"], deterred: ["GMR", "SMR"], moves: 3, alsoTo: [159, 447] });
    expect(usEu.example).toMatchObject({
      to: 15,
      steps: [
        { dmName: "United States", action: "impose the new sanctions put on hold", to: 303 },
        { dmName: "European allies", action: 'withdraw "insist on a ceasefire before any direct talks"', to: 15 },
      ],
      gains: [
        { name: "United States", from: 31, to: 30 },
        { name: "European allies", from: 37, to: 34 },
      ],
    });
    expect(usEu.example.sanctions).toEqual([
      { concepts: ["Nash", "SEQ"], how: null },
      {
        concepts: ["GMR", "SMR"],
        how: expect.stringMatching(
          /^then Ukraine: join a direct summit .+ → state 51 \(us_sanctions \+ ru_offensive \+ ua_summit\), which leaves European allies no better off than at state 301 \(ranked 42; was 37\)$/,
        ),
      },
    ]);
    // Every member of every group listed moves in its example.
    const at303 = coalitionsView(ukraine, 303, 1);
    for (const c of [...v.coalitions, ...at303.coalitions]) expect(new Set(c.example.steps.map((st) => st.dmName))).toEqual(new Set(c.name.split(" + ")));
  });

  it("for an equilibrium, judges only the concepts it is an equilibrium under; limits the coalition size", () => {
    const v = coalitionsView(ukraine, 303, 1);
    expect(v.equilibriumUnder).toEqual(["Nash", "GMR", "SMR", "SEQ"]);
    expect(Object.keys(v.holds)).toEqual(["Nash", "GMR", "SMR", "SEQ"]);
    const pairs = coalitionsView(ukraine, 303, 1, 2);
    expect(pairs).toMatchObject({ maxSize: 2, coalitionCount: 6 });
    expect(pairs.coalitions.every((c) => c.members.length === 2)).toBe(true);
    expect(() => coalitionsView(ukraine, 0, 1)).toThrow(/no state 0/);
  });
});

describe("gmcr-py import", () => {
  it("turns a gmcr-py file into a scenario that loads, as parley import does", () => {
    const gmcr = JSON.stringify(exportGmcrPy(loadModel(read("elmira.yaml"))));
    const r = importScenario(gmcr, "uploads/elmira.gmcr");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.yaml).toMatch(/^# Imported from elmira.gmcr \(gmcr-py\) in the Parley workbench.\nformat: parley\/1\n/);
    expect(r.states).toBe(loadModel(read("elmira.yaml")).states.length);
    expect(analyze(loadModel(r.yaml)).equilibria.SEQ).toEqual(analyze(loadModel(read("elmira.yaml"))).equilibria.SEQ);
  });
  it("says what is wrong with a file that is not one", () => {
    expect(importScenario("{ nope", "x.gmcr")).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringMatching(/^not valid JSON \(.+\): a gmcr-py \/ GMCR\+ file is a JSON object/) }],
    });
    expect(importScenario('{"options": []}', "x.gmcr")).toMatchObject({ ok: false, issues: [{ message: "'options' must be a non-empty list" }] });
    expect(importScenario(read("elmira.yaml"), "elmira.yaml")).toMatchObject({
      ok: false,
      issues: [
        { message: "this is a Parley scenario, not a gmcr-py JSON file: there is nothing to import; save it in the folder and open it from the file list" },
      ],
    });
  });
  it("takes the first feasible state as today's when the file records none, and says so", () => {
    const gmcr = {
      options: [{ name: "Delay" }, { name: "Accept" }],
      decisionMakers: [{ name: "Firm", options: [0, 1], preferences: [[[1, "Y"]]] }],
      infeasibles: [
        [
          [0, "N"],
          [1, "N"],
        ],
      ],
    };
    const r = importScenario(JSON.stringify(gmcr), "firm.gmcr");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(loadModel(r.yaml).statusQuo).toBe(0);
    expect(r.yaml).toContain("statusQuo: YN\n");
    expect(r.notes).toEqual([
      "gmcr-py files record no status quo: today's state is state 1 (YN), the first feasible one; change statusQuo in the editor to choose another",
    ]);
    const exported = importScenario(JSON.stringify(exportGmcrPy(loadModel(read("elmira.yaml")))), "elmira.gmcr");
    expect(exported).toMatchObject({ ok: true, notes: [] });
  });
});

describe("the worker's scheduling", () => {
  const load = (text: string) => ({ type: "load" as const, text, file: "u.yaml" });

  it("answers requests that arrive during a long one between its slices, and stops it on request", async () => {
    const posted: FromWorker[] = [];
    // While the robustness runs, the page clicks a state, then asks it to stop.
    const scheduler = slowScheduler(posted, (turn, s) => {
      if (turn === 1) s.receive({ id: 3, request: { type: "explain", state: 1 } });
      if (turn === 2) s.receive({ stop: 2 });
    });
    scheduler.receive({ id: 1, request: load(UNCERTAIN) });
    scheduler.receive({ id: 2, request: { type: "robustness", samples: 1_000_000, seed: 1, exactLimit: 0, top: 4 } });
    await scheduler.pump();
    const done = posted.filter((m) => m.kind === "done").map((m) => m.id);
    expect(done).toEqual([1, 3, 2]);
    const r = posted.find((m) => m.kind === "done" && m.id === 2) as { result: RobustnessView };
    expect(r.result.interrupted).toBe(true);
    expect(r.result.done).toBeLessThan(1_000_000);
    expect(posted.some((m) => m.kind === "progress" && m.id === 2 && m.total === 1_000_000)).toBe(true);
  });

  it("spreads a large robustness run over a pool of workers, with the same result, sleeping while it waits", async () => {
    let started = 0;
    const session = new EngineSession(() => {
      started++;
      return inProcessPool(2);
    });
    const posted: FromWorker[] = [];
    let pauses = 0;
    const scheduler = new Scheduler(
      session,
      (m) => posted.push(m),
      async () => void pauses++,
    );
    // 576 states x 40,000 samples: past the threshold for workers.
    const params = { samples: 40_000, seed: 2, exactLimit: 1, top: 6 };
    scheduler.receive({ id: 1, request: { type: "load", text: readV1("ukraine-2025.yaml"), file: "ukraine-2025.yaml" } });
    scheduler.receive({ id: 2, request: { type: "robustness", ...params } });
    await scheduler.pump();
    expect(started).toBe(1);
    const r = (posted.find((m) => m.kind === "done" && m.id === 2) as { result: RobustnessView }).result;
    const alone = drive(robustnessJob(ukraine, params, r.version));
    expect({ ...r, ms: 0 }).toEqual({ ...alone, ms: 0 });
    const phases = posted.filter((m) => m.kind === "progress" && m.id === 2).map((m) => (m as Progress).phase);
    expect(phases.some((p) => p.endsWith("on 2 workers"))).toBe(true);
    // It slept on the workers' answers rather than spinning through slices.
    expect(pauses).toBeLessThanOrEqual(r.distinctProfiles + 3); // about one turn per answer
  });

  it("analyses a large model on the pool and answers the requests after the load only once it is done", async () => {
    // Every model counts as large here, so the default scenario goes to the pool.
    const pooled = new EngineSession(() => inProcessPool(2), 1);
    const posted: FromWorker[] = [];
    const scheduler = new Scheduler(
      pooled,
      (m) => posted.push(m),
      async () => {},
    );
    const text = readV1("ukraine-2025.yaml");
    scheduler.receive({ id: 1, request: { type: "load", text, file: "ukraine-2025.yaml" } });
    scheduler.receive({ id: 2, request: { type: "explain", state: 305 } });
    await scheduler.pump();
    expect(posted.filter((m) => m.kind === "done").map((m) => m.id)).toEqual([1, 2]);
    expect(posted.some((m) => m.kind === "progress" && m.id === 1 && /on 2 workers/.test(m.phase))).toBe(true);
    const alone = new EngineSession();
    const strip = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x) => (k === "ms" ? 0 : x)));
    const done = (id: number) => (posted.find((m) => m.kind === "done" && m.id === id) as { result: unknown }).result;
    expect(strip(done(1))).toEqual(strip(alone.handle({ type: "load", text, file: "ukraine-2025.yaml" }, () => {})));
    expect(strip(done(2))).toEqual(strip(alone.handle({ type: "explain", state: 305 }, () => {})));
  });

  it("reports a failing request and goes on", async () => {
    const posted: FromWorker[] = [];
    const scheduler = new Scheduler(
      new EngineSession(),
      (m) => posted.push(m),
      async () => {},
    );
    scheduler.receive({ id: 1, request: { type: "explain", state: 1 } });
    scheduler.receive({ id: 2, request: load(UNCERTAIN) });
    await scheduler.pump();
    expect(posted.filter((m) => m.kind !== "progress")).toEqual([
      { id: 1, kind: "failed", message: "no scenario has been analysed yet" },
      { id: 2, kind: "done", result: expect.objectContaining({ ok: true }) },
    ]);
  });
});
