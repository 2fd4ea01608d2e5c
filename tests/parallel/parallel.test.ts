/**
 * Worker threads give the single-threaded answer, bit for bit: every
 * (concept, DM) pass and every robustness profile, on the oracle fixtures,
 * seeded random models (irreversible options, ties) and the default scenario,
 * including a run stopped half-way.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { robustness, uncertaintyOf } from "../../src/analysis/robustness.js";
import { analyze, compileScenario, createContext, CONCEPTS, loadModel, validateData, type Analysis } from "../../src/index.js";
import { startNodePool } from "../../src/parallel/node-pool.js";
import { analyzeParallel, robustnessParallel } from "../../src/parallel/parallel.js";
import { WorkerPool, type WorkerPort } from "../../src/parallel/pool.js";
import { generateModel } from "../../bench/generate.js";
import { arbBenchModel } from "../helpers/arbitraries.js";
import { fixtureToScenarioData, plainFixtures } from "../helpers/fixtures.js";
import { readFileSync } from "node:fs";
import { parley } from "../helpers/cli.js";

let pool: WorkerPool;
beforeAll(() => void (pool = startNodePool(2)));
afterAll(() => pool.close());

const sameAnalysis = (a: Analysis, b: Analysis) => {
  expect(b.concepts).toEqual(a.concepts);
  expect(b.equilibria).toEqual(a.equilibria);
  for (const c of a.concepts) expect(b.stable[c]).toEqual(a.stable[c]);
};

describe("analysis on worker threads", () => {
  it("equals the single-threaded analysis on every oracle fixture", async () => {
    for (const { file, fixture } of plainFixtures()) {
      const { scenario, issues } = validateData(fixtureToScenarioData(fixture));
      expect(issues, file).toEqual([]);
      const model = compileScenario(scenario!);
      sameAnalysis(analyze(model), (await analyzeParallel(model, pool))!);
    }
  });

  it("equals it on random models with irreversible options and ties", async () => {
    await fc.assert(
      fc.asyncProperty(arbBenchModel({ dms: [2, 4], options: [4, 9] }), async ({ model }) => {
        sameAnalysis(analyze(model), (await analyzeParallel(model, pool, { concepts: CONCEPTS }))!);
      }),
      { numRuns: 40, seed: 6 },
    );
  });

  it("reports each pass and stops when asked, returning nothing", async () => {
    const model = generateModel(3, 9, 4);
    const labels: string[] = [];
    const done = await analyzeParallel(model, pool, { concepts: ["Nash", "SEQ"], onProgress: (d, t, label) => labels.push(`${d}/${t} ${label}`) });
    expect(done).toBeDefined();
    expect(labels).toHaveLength(6);
    expect(labels.at(-1)).toMatch(/^6\/6 (Nash|SEQ) for /);
    let calls = 0;
    const stopped = await analyzeParallel(model, pool, { shouldStop: () => ++calls >= 2 });
    expect(stopped).toBeUndefined();
  });
});

describe("robustness on worker threads", () => {
  const model = loadModel(readFileSync("scenarios/ukraine-2025.yaml", "utf8"));
  const u = uncertaintyOf(model);
  const concepts = [...CONCEPTS];
  const strip = <T extends { elapsedMs: number }>(r: T) => ({ ...r, elapsedMs: 0 });

  it("equals the sequential result, exact and sampled", async () => {
    const exact = { concepts };
    expect(strip(await robustnessParallel(model, u, pool, exact))).toEqual(strip(robustness(createContext(model), u, exact)));
    const sampled = { concepts: ["Nash", "SEQ", "SIM"] as typeof concepts, exactLimit: 1, samples: 1500, seed: 11 };
    const par = await robustnessParallel(model, u, pool, sampled);
    expect(par.exact).toBe(false);
    expect(strip(par)).toEqual(strip(robustness(createContext(model), u, sampled)));
  });

  it("keeps, when stopped, the run over the draws covered so far", async () => {
    const opts = { concepts: ["Nash", "GMR"] as const, exactLimit: 1, samples: 20_000, seed: 5 };
    let calls = 0;
    const r = await robustnessParallel(model, u, pool, { ...opts, concepts: [...opts.concepts], shouldStop: () => ++calls >= 10 });
    expect(r.interrupted).toBe(true);
    expect(r.done).toBeLessThan(20_000);
    const shorter = robustness(createContext(model), u, { ...opts, concepts: [...opts.concepts], samples: r.done });
    expect({ ...strip(shorter), interrupted: true, asked: 20_000 }).toEqual(strip(r));
  });
});

describe("--threads in the CLI", () => {
  it("prints the same analysis, comparison, robustness and report with two threads as with one", async () => {
    for (const args of [
      ["analyze", "scenarios/elmira.yaml", "-f", "json"],
      ["compare", "scenarios/ukraine-2025.yaml", "scenarios/ukraine-2025-us-walks-away.yaml", "scenarios/ukraine-2025-us-air-guarantee.yaml", "-c", "Nash,SEQ"],
      ["compare", "scenarios/ukraine-2025.yaml", "scenarios/ukraine-2025-us-walks-away.yaml", "-f", "json"],
      ["robustness", "scenarios/ukraine-2025.yaml", "-c", "Nash,GMR", "--exact-limit", "1", "-n", "800", "--seed", "4", "-f", "json"],
      // The report: the model's analysis and every single change of the priorities on the pool.
      ["report", "scenarios/elmira.yaml", "-f", "json"],
    ]) {
      const one = await parley(...args, "--threads", "1");
      const two = await parley(...args, "-j", "2");
      expect(one.code, args.join(" ")).toBe(0);
      expect(two.code).toBe(0);
      expect(two.stdout.replace(/"elapsedMs": [\d.]+/g, "")).toBe(one.stdout.replace(/"elapsedMs": [\d.]+/g, ""));
    }
  });

  it("refuses a thread count that is not a positive number", async () => {
    const r = await parley("analyze", "scenarios/elmira.yaml", "--threads", "0");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'0' is not a positive whole number/);
  });
});

describe("a worker that fails", () => {
  // A port whose worker dies as it starts (its module missing, say), before or after the pool waits on it.
  const dyingPort = (when: "at once" | "on first message"): WorkerPort => {
    const handlers: ((e: Error) => void)[] = [];
    const die = () => {
      for (const h of handlers) h(new Error("Cannot find module 'node-worker.js'"));
    };
    return {
      post: () => {
        if (when === "on first message") setTimeout(die, 1);
      },
      onMessage: () => {},
      onError: (h) => {
        handlers.push(h);
        if (when === "at once") die();
      },
      terminate: () => {},
    };
  };

  it.each(["at once", "on first message"] as const)("dying %s makes load and run fail instead of waiting for ever", async (when) => {
    const pool = new WorkerPool([dyingPort(when)]);
    const model = loadModel(readFileSync("scenarios/chicken.yaml", "utf8"), "chicken.yaml");
    await expect(pool.load(model)).rejects.toThrow("Cannot find module");
    await expect(pool.run([{ kind: "model", model }])).rejects.toThrow("Cannot find module");
  });
});
