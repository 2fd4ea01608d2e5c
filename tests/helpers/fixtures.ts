/** Oracle fixtures from ../shared/fixtures/gmcr-py, read in place, turned into Parley scenario data. */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** The oracle data live beside the repository in ../shared (PARLEY_FIXTURES overrides). */
export const FIXTURES = process.env.PARLEY_FIXTURES ?? resolve(here, "../../../shared/fixtures/gmcr-py");

if (!existsSync(FIXTURES))
  throw new Error(`oracle fixtures not found at ${FIXTURES}: the tests read ../shared/fixtures/gmcr-py beside the repository (or set PARLEY_FIXTURES)`);

export interface Fixture {
  name: string;
  options: { index: number; name: string; dm: number; direction: "both" | "fwd" | "back" }[];
  decisionMakers: {
    name: string;
    options: number[];
    preferenceStatements: (string | { anyOf: string[] })[];
    preferenceRanking?: (number | number[])[];
  }[];
  useManualPreferenceRanking: boolean;
  infeasible: string[];
  states: { id: number; value: number; pattern: string }[];
  payoffs: Record<string, number[]>;
  reachable: Record<string, Record<string, number[]>>;
  unilateralImprovements: Record<string, Record<string, number[]>>;
  stable: Record<string, Record<string, number[]>>;
  equilibria: Record<string, number[]>;
}

export function plainFixtures(): { file: string; fixture: Fixture }[] {
  const out: { file: string; fixture: Fixture }[] = [];
  for (const group of ["examples", "random"]) {
    const dir = join(FIXTURES, group, "plain");
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".json")).sort()) {
      out.push({ file: `${group}/${f}`, fixture: JSON.parse(readFileSync(join(dir, f), "utf8")) as Fixture });
    }
  }
  return out;
}

/** The fixture as a parley/1 scenario object (option ids o0.., DM ids d0..). */
export function fixtureToScenarioData(fx: Fixture): Record<string, unknown> {
  const dir = { both: undefined, fwd: true, back: "withdrawal" } as const;
  const patternOf = (id: number) => fx.states.find((s) => s.id === id)!.pattern;
  return {
    format: "parley/1",
    name: fx.name,
    decisionMakers: fx.decisionMakers.map((dm, d) => ({
      id: `d${d}`,
      name: dm.name,
      options: dm.options.map((k) => ({
        id: `o${k}`,
        label: fx.options[k].name,
        ...(dir[fx.options[k].direction] !== undefined ? { irreversible: dir[fx.options[k].direction] } : {}),
      })),
    })),
    infeasible: fx.infeasible.map((p) => ({ pattern: p })),
    statusQuo: fx.states[0].pattern,
    preferences: Object.fromEntries(
      fx.decisionMakers.map((dm, d) => [
        `d${d}`,
        fx.useManualPreferenceRanking
          ? { ranking: dm.preferenceRanking!.map((x) => (Array.isArray(x) ? x.map(patternOf) : patternOf(x))) }
          : dm.preferenceStatements.map((st) =>
              typeof st === "string" ? patternStatement(st) : { anyOf: st.anyOf.map(patternStatement) },
            ),
      ]),
    ),
  };
}

/** A Y/N/- pattern as a logical statement over o0.. ids. */
function patternStatement(p: string): string {
  const parts: string[] = [];
  for (let k = 0; k < p.length; k++) if (p[k] !== "-") parts.push(p[k] === "Y" ? `o${k}` : `!o${k}`);
  return parts.length ? parts.join(" & ") : "true";
}
