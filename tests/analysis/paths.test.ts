/** Status quo analysis on the classic cases, checked by hand against the definitions. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { statusQuoAnalysis } from "../../src/analysis/paths.js";
import { analyze, loadModel, statePattern, type Model } from "../../src/index.js";
import { parley } from "../helpers/cli.js";

const load = (f: string) => loadModel(readFileSync(`scenarios/${f}`, "utf8"), f);
const pat = (m: Model, s: number) => statePattern(m, s);
const summary = (m: Model, from?: number) => {
  const sq = statusQuoAnalysis(analyze(m), from);
  return {
    reachable: sq.reachable.map((s) => pat(m, s)),
    equilibria: sq.equilibria.map((e) => ({
      state: pat(m, e.state),
      concepts: e.concepts.join(","),
      path: e.path.map((st) => `${m.scenario.decisionMakers[st.dm].id}:${pat(m, st.from)}>${pat(m, st.to)}`),
    })),
    unreachable: sq.unreachable.map((u) => pat(m, u.state)),
  };
};

describe("status quo analysis", () => {
  it("Prisoner's Dilemma: from mutual silence, confessions lead to the Nash equilibrium", () => {
    // Each prisoner gains by confessing; from NN, P1 confesses (YN, P1's best), then P2 confesses (YY).
    // The other order (NY then YY) is as short; the search explores P1's moves first.
    expect(summary(load("prisoners-dilemma.yaml"))).toEqual({
      reachable: ["YN", "NY", "YY"],
      equilibria: [
        { state: "NN", concepts: "GMR,SMR,SEQ,SIM,SEQ+SIM", path: [] },
        { state: "YY", concepts: "Nash,GMR,SMR,SEQ,SIM,SEQ+SIM", path: ["p1:NN>YN", "p2:YN>YY"] },
      ],
      unreachable: [],
    });
  });

  it("Chicken: from a head-on course, either driver swerving ends the game; both swerving is never reached", () => {
    // From NN (crash course) each driver gains by swerving; after one swerves, the other has no improvement.
    expect(summary(load("chicken.yaml"))).toEqual({
      reachable: ["YN", "NY"],
      equilibria: [
        { state: "YN", concepts: "Nash,GMR,SMR,SEQ,SIM,SEQ+SIM", path: ["a:NN>YN"] },
        { state: "NY", concepts: "Nash,GMR,SMR,SEQ,SIM,SEQ+SIM", path: ["b:NN>NY"] },
      ],
      unreachable: ["YY"],
    });
  });

  it("Elmira: from Uniroyal's delay, the local government's insistence is the only improvement, and it ends there", () => {
    expect(summary(load("elmira.yaml"))).toEqual({
      reachable: ["NYNNY"],
      equilibria: [
        { state: "NYNNN", concepts: "GMR,SMR", path: [] },
        { state: "NYNNY", concepts: "Nash,GMR,SMR,SEQ,SIM,SEQ+SIM", path: ["local:NYNNN>NYNNY"] },
      ],
      unreachable: ["YNYNN", "NNNYN", "YNNYN", "YNYNY", "NNNYY", "YNNYY"],
    });
  });

  it("starts from any state, and every path step is an improvement for its mover", () => {
    const m = load("elmira.yaml");
    const a = analyze(m);
    for (let from = 0; from < m.states.length; from++) {
      const sq = statusQuoAnalysis(a, from);
      for (const e of sq.equilibria) for (const st of e.path) expect(m.pref[st.dm][st.to]).toBeGreaterThan(m.pref[st.dm][st.from]);
      for (const edge of sq.edges) expect(m.pref[edge.dm][edge.to]).toBeGreaterThan(m.pref[edge.dm][edge.from]);
    }
  });

  it("parley paths prints the steps with their reasons, and JSON with edges", async () => {
    const t = await parley("paths", "scenarios/prisoners-dilemma.yaml");
    expect(t.code).toBe(0);
    expect(t.stdout).toContain(
      "1. Prisoner 1: prisoner 1 confesses → state 2; why: Given what the other does, confessing is better for prisoner 1. (rank 2 → 1)",
    );
    const j = JSON.parse((await parley("paths", "scenarios/chicken.yaml", "--from", "YY", "-f", "json")).stdout);
    expect(j.from).toBe(4);
    expect(j.reachable).toEqual([2, 3]);
    expect(j.edges).toEqual([
      { decisionMaker: "a", from: 4, to: 3 },
      { decisionMaker: "b", from: 4, to: 2 },
    ]);
  });
});
