/** What changed between two versions, in words: a reordered preference says which statements moved. */
import { describe, expect, it } from "vitest";
import { loadModel, scenarioChanges } from "../../src/index.js";

const scenario = (order: string[]) => `format: parley/1
name: Order
decisionMakers:
  - id: a
    name: Alpha
    options: [{ id: p }, { id: q }, { id: r }, { id: s }]
  - id: b
    options: [{ id: t }]
statusQuo: NNNNN
preferences:
  a: [${order.join(", ")}]
  b: [t]
`;
const changes = (before: string[], after: string[]) => scenarioChanges(loadModel(scenario(before)).scenario, loadModel(scenario(after)).scenario);

describe("a reordered preference", () => {
  it("names the statement that moved up, where it now stands, and the new order", () => {
    expect(changes(["p", "q", "r", "s"], ["s", "p", "q", "r"])).toEqual([
      'Alpha now puts "s" before "p" (moved up from 4th to 1st of its priorities).',
      "Alpha's priorities are now, most important first: s > p > q > r.",
    ]);
  });

  it("names a statement that moved down by the one now above it", () => {
    expect(changes(["p", "q", "r", "s"], ["q", "r", "p", "s"])).toEqual([
      'Alpha now puts "p" after "r" (moved down from 1st to 3rd of its priorities).',
      "Alpha's priorities are now, most important first: q > r > p > s.",
    ]);
  });

  it("says a swap of neighbours as the one moved up; two moves as two lines", () => {
    expect(changes(["p", "q", "r", "s"], ["p", "r", "q", "s"])[0]).toBe('Alpha now puts "r" before "q" (moved up from 3rd to 2nd of its priorities).');
    const two = changes(["p", "q", "r", "s"], ["s", "r", "p", "q"]);
    expect(two.slice(0, 2)).toEqual([
      'Alpha now puts "s" before "r" (moved up from 4th to 1st of its priorities).',
      'Alpha now puts "r" before "p" (moved up from 3rd to 2nd of its priorities).',
    ]);
    expect(two).toHaveLength(3);
  });

  it("says nothing when the order is the same", () => {
    expect(changes(["p", "q"], ["p", "q"])).toEqual([]);
  });
});
