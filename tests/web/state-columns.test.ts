/** The state table's columns (web/src/page/views/state-columns.ts): the equilibrium column's text and the widths' order. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, loadModel } from "../../src/index.js";
import { columnWidths, eqText, WORDS_MIN } from "../../web/src/page/views/state-columns.js";
import { modelView } from "../../web/src/workers/engine/views.js";

const root = resolve(import.meta.dirname, "../..");
const v = modelView("ukraine-2025.yaml", analyze(loadModel(readFileSync(resolve(root, "scenarios/ukraine-2025.yaml"), "utf8"))), 0);

describe("the state table's columns", () => {
  it("says the equilibria shortly: all, all but one or two when shorter than the list, else the list", () => {
    expect(v.concepts).toEqual(["Nash", "GMR", "SMR", "SEQ", "SIM", "SEQ+SIM"]);
    expect(eqText(v, [...v.concepts])).toBe("all");
    expect(eqText(v, ["GMR", "SMR", "SEQ", "SIM", "SEQ+SIM"])).toBe("all but Nash");
    expect(eqText(v, ["GMR", "SMR", "SIM", "SEQ+SIM"])).toBe("all but Nash, SEQ");
    // "all but Nash, SEQ+SIM" would be longer than the list.
    expect(eqText(v, ["GMR", "SMR", "SEQ", "SIM"])).toBe("GMR SMR SEQ SIM");
    expect(eqText(v, ["GMR", "SMR"])).toBe("GMR SMR");
    expect(eqText(v, ["Nash"])).toBe("Nash");
    expect(eqText(v, [])).toBe("");
  });

  it("puts the equilibria after the ranks, before each party's marks, as wide as their longest text as measured", () => {
    const widths = columnWidths(v, (t) => t.length / 2);
    const eqAt = 1 + v.options.length + v.dms.length;
    expect(widths).toHaveLength(eqAt + 1 + v.concepts.length + 1);
    // The longest text any state shows ("all but Nash, SEQ": 17 characters, 8.5rem here) and the cell's padding.
    const texts = new Set(
      Array.from({ length: v.states.count }, (_, s) =>
        eqText(
          v,
          v.concepts.filter((_, c) => v.states.eq[s] & (1 << c)),
        ),
      ),
    );
    expect(Math.max(...[...texts].map((t) => t.length))).toBe(17);
    expect(texts.has("all but Nash, SEQ")).toBe(true);
    expect(widths[eqAt]).toBe(8.5 + 0.9);
    expect(widths.slice(eqAt + 1, -1).every((w) => w === widths[eqAt + 1])).toBe(true);
    expect(widths.at(-1)).toBe(WORDS_MIN);
    // Capped: past 13rem a cell is cut short, its tooltip giving the concepts.
    expect(columnWidths(v, () => 40)[eqAt]).toBe(13);
  });
});
