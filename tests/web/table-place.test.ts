/**
 * The state table's place across an edit (issue 19, item 4): the state at the
 * top of the view is found again by its name after an edit renumbers every
 * state, at the same height; a view at the top stays at the top; a state the
 * edit removed leaves the view where it was.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { addOption } from "../../web/src/editor/yaml-edits.js";
import { nameOf } from "../../web/src/page/views/states.js";
import { placeAt, scrollFor } from "../../web/src/page/views/table-place.js";
import { analyze, loadModel } from "../../src/index.js";
import { modelView } from "../../web/src/workers/engine/views.js";

const text = readFileSync(resolve(import.meta.dirname, "../fixtures/views/ukraine-2025-v1.yaml"), "utf8");
const view = (t: string) => modelView("u.yaml", analyze(loadModel(t)), 0);
const ROW = 22;
const order = (n: number) => Array.from({ length: n }, (_, s) => s);

describe("the state table's place", () => {
  const before = view(text);
  const name = (s: number) => nameOf(before, s);

  it("finds the state at the top again after every state is renumbered, at the same height", () => {
    // An option for the first party: every state's number changes (today goes from 301 to 589).
    const after = view(addOption(text, 0, "us_talks", "Join the talks"));
    expect(after.states.count).toBe(2 * before.states.count);
    const place = placeAt(order(before.states.count), 180 * ROW + 5, ROW, name);
    expect(place).toEqual({ name: name(180), offset: 5, scroll: 180 * ROW + 5 });
    const scroll = scrollFor(place, order(after.states.count), ROW, (s) => nameOf(after, s));
    const pos = Math.floor(scroll / ROW);
    expect(pos).not.toBe(180);
    expect(nameOf(after, pos)).toBe(name(180));
    expect(scroll - pos * ROW).toBe(5);
  });

  it("stays at the top when it was at the top, and keeps the position when the state is gone", () => {
    expect(placeAt(order(before.states.count), 0, ROW, name)).toEqual({ name: null, offset: 0, scroll: 0 });
    expect(scrollFor({ name: null, offset: 0, scroll: 0 }, order(10), ROW, name)).toBe(0);
    // The edit ruled the top state out (no state of that name any more): the view stays where it was.
    const top = placeAt(order(before.states.count), 40 * ROW, ROW, name);
    expect(scrollFor(top, [1, 2, 3], ROW, () => "another state")).toBe(40 * ROW);
  });
});
