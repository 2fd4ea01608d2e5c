/** What-if comparison: model differences, equilibria gained and lost with reasons, survival across versions. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareModels, equilibriumSurvival } from "../../src/analysis/compare.js";
import { compileScenario, loadModel, validateData, CONCEPTS } from "../../src/index.js";
import { fixtureToScenarioData, plainFixtures } from "../helpers/fixtures.js";
import { parley } from "../helpers/cli.js";

const load = (f: string) => loadModel(readFileSync(`scenarios/${f}`, "utf8"), f);

describe("compare", () => {
  it("reports no change when a version is compared with itself", () => {
    for (const { fixture } of plainFixtures()) {
      const m = compileScenario(validateData(fixtureToScenarioData(fixture)).scenario!);
      const cmp = compareModels(m, m);
      expect(cmp.changes).toEqual([]);
      expect(cmp.sameOptions).toBe(true);
      for (const c of cmp.concepts) expect([c.concept, c.gained, c.lost]).toEqual([c.concept, [], []]);
    }
  });

  it("matches states by option ids, so reordering decision makers changes nothing", () => {
    const text = readFileSync("scenarios/chicken.yaml", "utf8");
    const a = loadModel(text);
    // Driver B first: every state gets another number and pattern, but nothing changes.
    const swapped = text.replace(
      /decisionMakers:\n( {2}- id: a\n(?: {4}.*\n)+)( {2}- id: b\n(?: {4}.*\n)+)/,
      (_m, first: string, second: string) => `decisionMakers:\n${second}${first}`,
    );
    expect(swapped).not.toBe(text);
    const b = loadModel(swapped);
    const cmp = compareModels(a, b);
    expect(cmp.changes).toEqual([]);
    expect(cmp.concepts.every((c) => c.gained.length === 0 && c.lost.length === 0)).toBe(true);
  });

  it("explains the equilibria a US air-support guarantee adds to the Ukraine scenario", () => {
    const cmp = compareModels(load("ukraine-2025.yaml"), load("ukraine-2025-us-air-guarantee.yaml"), ["Nash", "SEQ"]);
    expect(cmp.changes).toEqual([
      "Offer security guarantees limited to air support: now irreversible once taken (was reversible).",
      "Today: US air-support guarantees (was not taken).",
    ]);
    const nash = cmp.concepts.find((c) => c.concept === "Nash")!;
    expect(nash.lost).toEqual([]);
    expect(nash.gained.map((g) => g.key)).toEqual(["YNNNYNNNNY", "YNNNYNNYNY"]);
    // The US keeps a guarantee it can no longer withdraw: the moves that withdrew it are gone, said once (not once per move).
    const why = nash.gained.find((g) => g.key === "YNNNYNNNNY")!.dms;
    expect(why).toEqual([
      expect.objectContaining({
        dm: "us",
        before: false,
        after: true,
        why: "United States can no longer withdraw the air-support guarantees: it cannot be undone in this version, which rules out the 2 moves it gained by",
      }),
    ]);
  });

  it("compares versions with different options on the options they share", () => {
    const text = readFileSync("scenarios/prisoners-dilemma.yaml", "utf8");
    const more = text
      .replace("        label: Prisoner 2 confesses\n", "        label: Prisoner 2 confesses\n      - id: p2_flees\n        label: Prisoner 2 flees\n")
      .replace("statusQuo: NN", "statusQuo: NNN");
    const cmp = compareModels(loadModel(text), loadModel(more));
    expect(cmp.sameOptions).toBe(false);
    expect(cmp.sharedOptions).toEqual(["p1_confesses", "p2_confesses"]);
    expect(cmp.changes).toEqual(["New option for Prisoner 2: Prisoner 2 flees."]);
  });

  it("counts in how many versions each equilibrium survives", () => {
    const files = [
      "ukraine-2025.yaml",
      "ukraine-2025-us-walks-away.yaml",
      "ukraine-2025-us-air-guarantee.yaml",
      "ukraine-2025-europe-drops-ceasefire-first.yaml",
    ];
    const { rows } = equilibriumSurvival(files.map(load), ["Nash"]);
    // Today's war with the sanctions on hold and Europe insisting holds in every version (once Europe drops the
    // demand it no longer cares either way); with Europe not insisting, only in the version where it dropped the demand.
    expect(rows.find((r) => r.key === "NNNNYNNNNY")?.counts).toEqual({ Nash: 4 });
    expect(rows.find((r) => r.key === "NNNNYNNNNN")?.counts).toEqual({ Nash: 1 });
    expect(rows.every((r) => (r.counts.Nash ?? 0) >= 1 && (r.counts.Nash ?? 0) <= 4)).toBe(true);
    const a = equilibriumSurvival([load("chicken.yaml"), load("chicken.yaml")]);
    expect(a.rows.map((r) => [r.key, r.counts.Nash, r.counts.GMR])).toEqual([
      ["NY", 2, 2],
      ["YN", 2, 2],
      ["YY", undefined, 2],
    ]);
    void CONCEPTS;
  });

  it("parley compare prints differences, survival tables and JSON, and needs two files", async () => {
    const two = await parley("compare", "scenarios/ukraine-2025.yaml", "scenarios/ukraine-2025-us-walks-away.yaml", "-c", "Nash");
    expect(two.code).toBe(0);
    expect(two.stdout).toContain("• Today: the US has walked away from the talks (was not taken).");
    const json = JSON.parse((await parley("compare", "scenarios/chicken.yaml", "scenarios/chicken.yaml", "-f", "json")).stdout);
    expect(json.changes).toEqual([]);
    expect(json.concepts).toHaveLength(6);
    const many = await parley("compare", "scenarios/chicken.yaml", "scenarios/chicken.yaml", "scenarios/chicken.yaml", "-c", "Nash");
    expect(many.stdout).toMatch(/NY\s+3\/3/);
    const one = await parley("compare", "scenarios/chicken.yaml");
    expect([one.code, one.stderr]).toEqual([2, "parley: compare needs at least two scenario files\n"]);
  });
});
