/**
 * Seeded random conflict models for benchmarks: `dms` decision makers sharing
 * `options` options, some mutually exclusive groups, some irreversible
 * options, and a handful of prioritization statements per decision maker.
 */
import { compileScenario, validateData, type Model } from "../src/index.js";
import { seededRandom } from "../src/analysis/random.js";

export { seededRandom as rng } from "../src/analysis/random.js";

export function generateScenarioData(dms: number, options: number, seed = 1): Record<string, unknown> {
  const r = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const ids = Array.from({ length: options }, (_, k) => `o${k}`);
  const owners = Array.from({ length: dms }, () => [] as string[]);
  ids.forEach((id, k) => owners[k % dms].push(id));
  const decisionMakers = owners.map((own, d) => ({
    id: `dm${d}`,
    options: own.map((id) => ({ id, ...(r() < 0.15 ? { irreversible: r() < 0.5 ? true : "withdrawal" } : {}) })),
  }));
  const infeasible: unknown[] = [];
  for (const own of owners) if (own.length >= 3 && r() < 0.7) infeasible.push({ mutuallyExclusive: [own[0], own[1]] });
  for (let k = 0; k < Math.floor(options / 6); k++) infeasible.push(`${pick(ids)} & ${pick(ids)} & !${pick(ids)}`);
  const literal = () => (r() < 0.4 ? "!" : "") + pick(ids);
  const statement = () => {
    const n = 1 + Math.floor(r() * 3);
    const parts = Array.from({ length: n }, literal);
    return parts.join(r() < 0.6 ? " & " : " | ");
  };
  const preferences = Object.fromEntries(decisionMakers.map((dm) => [dm.id, Array.from({ length: 4 + Math.floor(r() * 4) }, statement)]));
  return { format: "parley/1", name: `random ${dms}x${options} #${seed}`, decisionMakers, infeasible, statusQuo: {}, preferences };
}

/** Compile a generated model; retries the next seed when the all-N status quo is infeasible. */
export function generateModel(dms: number, options: number, seed = 1): Model {
  return generateModelAndData(dms, options, seed).model;
}

/** The same, with the scenario data it was compiled from (for another engine to read). */
export function generateModelAndData(dms: number, options: number, seed = 1): { model: Model; data: Record<string, unknown> } {
  for (let s = seed; ; s++) {
    const data = generateScenarioData(dms, options, s);
    const { scenario, issues } = validateData(data);
    if (!scenario) throw new Error(issues.map((i) => i.message).join("\n"));
    try {
      return { model: compileScenario(scenario), data };
    } catch {}
  }
}
