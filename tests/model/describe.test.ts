/** Moves and states in words: the phrases a scenario gives its options, or the labels when it gives none. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/index.js";
import { describeChange } from "../../src/model/describe.js";

const chicken = readFileSync("scenarios/chicken.yaml", "utf8");

describe("describeChange", () => {
  it('says a withdrawn option with its withdrawLabel, and as withdraw "label" without one', () => {
    const plain = loadModel(chicken);
    const id = plain.scenario.options[0].id;
    const label = plain.scenario.options[0].label;
    const on = plain.indexOf[1];
    const off = plain.indexOf[0];
    expect(describeChange(plain, on, off)).toBe(`withdraw "${label.charAt(0).toLowerCase()}${label.slice(1)}"`);
    const labelled = loadModel(chicken.replace(new RegExp(`(- id: ${id}\\n(\\s+)label: [^\\n]*\\n)`), "$1$2withdrawLabel: Back down after all\n"));
    expect(labelled.scenario.options[0].withdrawLabel).toBe("Back down after all");
    expect(describeChange(labelled, on, off)).toBe("back down after all");
    // Taking the option still reads as its label.
    expect(describeChange(labelled, off, on)).toBe(describeChange(plain, off, on));
  });
});
