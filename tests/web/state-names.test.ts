/**
 * State names (issue 19, point 6): a state is also named by the options taken,
 * a name that stays when an edit renumbers the states; the page names states
 * as the engine does.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, loadModel, stateName, stateOfId } from "../../src/index.js";
import { nameOf } from "../../web/src/page/views/states.js";
import { EngineSession } from "../../web/src/workers/engine/session.js";
import { modelView } from "../../web/src/workers/engine/views.js";

const text = readFileSync(resolve(import.meta.dirname, "../fixtures/views/ukraine-2025-v1.yaml"), "utf8");

describe("state names", () => {
  it("are the options taken, the same in the page as in the engine", () => {
    const a = analyze(loadModel(text));
    const v = modelView("u.yaml", a, 0);
    for (let s = 0; s < v.states.count; s++) expect(nameOf(v, s)).toBe(stateName(a.model, s));
    expect(nameOf(v, v.statusQuo - 1)).toBe("ru_offensive + eu_ceasefire_first");
    expect(stateName(a.model, a.model.states.indexOf(0))).toBe("nothing taken");
  });

  it("stay when an added option renumbers every state, where the numbers do not", () => {
    const before = loadModel(text);
    // A new option for the European allies, not taken today.
    const after = loadModel(text.replace("      - id: eu_force\n", "      - id: eu_aid\n        label: Send more aid\n      - id: eu_force\n"));
    expect(after.states.length).toBeGreaterThan(before.states.length);
    const today = { before: stateName(before, before.statusQuo), after: stateName(after, after.statusQuo) };
    expect(today.after).toBe(today.before);
    expect(after.statusQuo).not.toBe(before.statusQuo);
    // Every state of the old model has its name in the new one, where the new option is not taken.
    const names = new Set(Array.from(after.states, (_, s) => stateName(after, s)));
    for (let s = 0; s < before.states.length; s++) expect(names.has(stateName(before, s))).toBe(true);
  });

  it("are in the explanation of a state", () => {
    const session = new EngineSession();
    session.handle({ type: "load", text, file: "u.yaml" }, () => {});
    const x = session.handle({ type: "explain", state: 301 }, () => {});
    expect(x.name).toBe(stateName(loadModel(text), stateOfId(loadModel(text), 301)));
  });
});
