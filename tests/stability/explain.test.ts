/**
 * Explanations agree with the analysis, and every sanction they show is a
 * real one: legal moves by opponents, no one moving twice in a row, credible
 * (improving) steps for SEQ, and an end state the DM likes no better.
 */
import { describe, expect, it } from "vitest";
import { analyze, compileScenario, CONCEPTS, validateData, type Model } from "../../src/index.js";
import { explainState, type Sanction } from "../../src/stability/explain.js";
import type { Concept } from "../../src/stability/analyze.js";
import { fixtureToScenarioData, plainFixtures } from "../helpers/fixtures.js";

function isMove(_m: Model, moves: ReturnType<typeof analyze>["context"]["moves"], d: number, from: number, to: number) {
  const { offsets, targets } = moves[d];
  return Array.from(targets.subarray(offsets[from], offsets[from + 1])).includes(to);
}

function checkSanction(m: Model, a: ReturnType<typeof analyze>, c: Concept, i: number, s: number, s1: number, sn: Sanction) {
  const pref = m.pref[i];
  expect(pref[sn.result]).toBeLessThanOrEqual(pref[s]);
  expect(sn.moves.length).toBeGreaterThan(0);
  for (const step of sn.moves) {
    expect(step.dm).not.toBe(i);
    expect(isMove(m, a.context.moves, step.dm, step.from, step.to)).toBe(true);
  }
  if (sn.simultaneous) {
    expect(["SIM", "SEQ+SIM"]).toContain(c);
    for (const step of sn.moves) {
      expect(step.from).toBe(s);
      expect(m.pref[step.dm][step.to]).toBeGreaterThan(m.pref[step.dm][s]);
    }
    expect(new Set(sn.moves.map((x) => x.dm)).size).toBe(sn.moves.length);
    return;
  }
  expect(sn.moves[0].from).toBe(s1);
  for (let k = 1; k < sn.moves.length; k++) {
    expect(sn.moves[k].from).toBe(sn.moves[k - 1].to);
    expect(sn.moves[k].dm).not.toBe(sn.moves[k - 1].dm);
  }
  expect(sn.moves[sn.moves.length - 1].to).toBe(sn.result);
  if (c === "SEQ" || c === "SEQ+SIM") for (const st of sn.moves) expect(m.pref[st.dm][st.to]).toBeGreaterThan(m.pref[st.dm][st.from]);
  if (c === "SMR") {
    const { offsets, targets } = a.context.moves[i];
    for (let e = offsets[sn.result]; e < offsets[sn.result + 1]; e++) expect(pref[targets[e]]).toBeLessThanOrEqual(pref[s]);
  }
}

describe.each(plainFixtures())("explanations for $file", ({ fixture }) => {
  it("agree with the analysis and show valid sanctions", () => {
    const { scenario } = validateData(fixtureToScenarioData(fixture));
    const m = compileScenario(scenario!);
    const a = analyze(m);
    for (let i = 0; i < m.nDMs; i++)
      for (let s = 0; s < m.states.length; s++) {
        const ex = explainState(a.context, s, i, CONCEPTS);
        for (const c of CONCEPTS) expect(ex.stable[c], `${c} dm ${i} state ${s + 1}`).toBe(a.stable[c]![i][s] === 1);
        for (const imp of ex.improvements) {
          expect(m.pref[i][imp.to]).toBeGreaterThan(m.pref[i][s]);
          expect(imp.sanctions.Nash).toBeNull();
          for (const c of CONCEPTS) {
            const sn = imp.sanctions[c];
            if (sn) checkSanction(m, a, c, i, s, imp.to, sn);
          }
        }
      }
  });
});
