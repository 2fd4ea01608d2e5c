/** One module for states (src/model/states.ts): ids for people, indices inside, and the one parser of state references. */
import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/model/load.js";
import {
  parseStateRef,
  parseStateSet,
  stateId,
  stateIds,
  stateIndex,
  stateLabel,
  stateOfPattern,
  statePattern,
  statesMatching,
} from "../../src/model/states.js";
import { readFileSync } from "node:fs";

const elmira = loadModel(readFileSync("scenarios/elmira.yaml", "utf8"), "elmira.yaml");

describe("states", () => {
  it("ids are 1-based for people, indices 0-based inside", () => {
    expect(stateId(0)).toBe(1);
    expect(stateIndex(1)).toBe(0);
    expect(stateIds([0, 4, 2])).toEqual([1, 5, 3]);
    expect(stateLabel(elmira, 0)).toBe(`state 1 (${statePattern(elmira, 0)})`);
  });

  it("reads a state by id or by Y/N pattern, in any case, to the same index", () => {
    for (let s = 0; s < elmira.states.length; s++) {
      const p = statePattern(elmira, s);
      expect(parseStateRef(elmira, String(s + 1))).toBe(s);
      expect(parseStateRef(elmira, ` ${p.toLowerCase()} `)).toBe(s);
      expect(stateOfPattern(elmira, p)).toBe(s);
    }
  });

  it("names what is wrong with a reference", () => {
    expect(() => parseStateRef(elmira, "13")).toThrow("there is no state 13: the feasible states are numbered 1 to 12");
    expect(() => parseStateRef(elmira, "0")).toThrow("there is no state 0: the feasible states are numbered 1 to 12");
    expect(() => parseStateRef(elmira, "NY")).toThrow("'NY' is not a state: give a number from 1 to 12 or a Y/N pattern of 5 letters (one per option)");
    // Elmira's infeasible states include those where the local government insists while Uniroyal abandons and delays...
    const infeasible = Array.from({ length: 32 }, (_, m) => m).find((m) => elmira.indexOf[m] < 0)!;
    const p = Array.from({ length: 5 }, (_, k) => (infeasible & (1 << k) ? "Y" : "N")).join("");
    expect(stateOfPattern(elmira, p)).toBe(-1);
    expect(() => parseStateRef(elmira, p)).toThrow(`state ${p} is not feasible in this scenario`);
  });

  it("reads a set of states: one state, or every state a condition selects", () => {
    expect(parseStateSet(elmira, "3")).toEqual([2]);
    const ids = elmira.scenario.options.map((o) => o.id);
    const sel = parseStateSet(elmira, ids[0]);
    expect(sel).toEqual(statesMatching(elmira, ids[0]));
    expect(sel.every((s) => (elmira.states[s] & 1) === 1)).toBe(true);
    expect(sel.length).toBe(Array.from(elmira.states).filter((m) => m & 1).length);
    expect(() => parseStateSet(elmira, "  ")).toThrow("give a state number, a Y/N pattern, or a condition over option ids");
    expect(() => parseStateSet(elmira, "nonsense_option")).toThrow("unknown option 'nonsense_option' in 'nonsense_option'");
  });
});
