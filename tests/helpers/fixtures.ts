/**
 * Oracle fixtures, turned into Parley scenario data. The seeded random models
 * (tests/fixtures/oracle/, copied from the project's shared fixtures) ship
 * with the repository; gmcr-py's own example models may not be copied, so
 * tests that use them run only when they are found beside the repository
 * (../shared/fixtures/gmcr-py/examples, or PARLEY_GMCRPY_EXAMPLES) and are
 * skipped with a notice otherwise.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** The seeded random oracle models, in the repository. */
export const ORACLE = resolve(here, "../fixtures/oracle");
/** The published cases (Elmira, Prisoner's Dilemma, Chicken, Cuban missile crisis), in the repository. */
export const CASES = resolve(here, "../fixtures/cases");

const examplesDir = process.env.PARLEY_GMCRPY_EXAMPLES ?? resolve(here, "../../../shared/fixtures/gmcr-py/examples");
/** gmcr-py's example models when they are beside the repository, else undefined. */
export const EXAMPLES: string | undefined = existsSync(examplesDir) ? examplesDir : undefined;

let noticed = false;
/** Says once per test file that the tests on gmcr-py's examples are skipped. */
export function noticeMissingExamples(): void {
  if (EXAMPLES || noticed) return;
  noticed = true;
  process.stderr.write(
    `notice: gmcr-py's example models are not at ${examplesDir} (they may not be copied into the repository); the tests that use them are skipped\n`,
  );
}

/** The fixture folders of one kind: the repository's random models, and gmcr-py's examples when present (examples first). */
export function fixtureDirs(kind: "plain" | "misperception"): { group: "examples" | "random"; dir: string }[] {
  noticeMissingExamples();
  return [...(EXAMPLES ? [{ group: "examples" as const, dir: join(EXAMPLES, kind) }] : []), { group: "random" as const, dir: join(ORACLE, kind) }];
}

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
  for (const { group, dir } of fixtureDirs("plain")) {
    for (const f of readdirSync(dir)
      .filter((x) => x.endsWith(".json"))
      .sort()) {
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
          : dm.preferenceStatements.map((st) => (typeof st === "string" ? patternStatement(st) : { anyOf: st.anyOf.map(patternStatement) })),
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
