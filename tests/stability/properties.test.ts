/**
 * Property tests on random small conflicts (2–4 DMs, 1–3 options each, at most
 * 8 options): the fast engine agrees with the definition-by-definition
 * reference (tests/helpers/reference.ts) for every concept; the known
 * inclusions between concepts hold; renaming ids and reordering decision
 * makers or options changes no result; a DM that is indifferent between all
 * states is stable everywhere. The reference itself is anchored on the oracle
 * fixtures.
 *
 * Random models come from tests/helpers/arbitraries.ts, rendered under
 * "views" (ids, orders of DMs and options) to check invariance.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, compileScenario, createContext, CONCEPTS, statePattern, validateData, type Analysis, type Concept, type Model } from "../../src/index.js";
import { coalitionReach } from "../../src/extensions/coalition-reach.js";
import { exportGmcrPy } from "../../src/interchange/gmcrpy-export.js";
import { importGmcrPy } from "../../src/interchange/gmcrpy-import.js";
import { fixtureToScenarioData, plainFixtures, type Fixture } from "../helpers/fixtures.js";
import {
  arbIds,
  arbOrderKeys,
  arbSpec,
  compileData as compile,
  defaultView,
  permutation,
  render,
  runs,
  toOriginal,
  toRendered,
  type Pref,
  type Rendered,
  type View,
} from "../helpers/arbitraries.js";
import { Reference, referenceEquilibria, referenceMoves, referenceStable } from "../helpers/reference.js";

const specArb = arbSpec({ dms: [2, 4], optionsPerDM: [1, 3], maxOptions: 8 });
const idsArb = arbIds(4, 8);
const keysArb = arbOrderKeys(4);

/**
 * Every concept's results in terms of the original spec: per original DM, the
 * stable states as original-layout masks, and the equilibria; independent of
 * ids and order.
 */
function canonical(r: Rendered, model: Model, analysis: Analysis): Record<string, { perDM: number[][]; equilibria: number[] }> {
  const asOriginal = (states: number[]) => states.map((s) => toOriginal(r, model.states[s])).sort((a, b) => a - b);
  const out: Record<string, { perDM: number[][]; equilibria: number[] }> = {};
  for (const c of CONCEPTS) {
    const perDM: number[][] = new Array(model.nDMs);
    analysis.stable[c]!.forEach((arr, pos) => {
      perDM[r.dmAt[pos]] = asOriginal([...arr].flatMap((v, s) => (v ? [s] : [])));
    });
    out[c] = { perDM, equilibria: asOriginal(analysis.equilibria[c]!) };
  }
  return out;
}

// ---------------------------------------------------------------------------

describe("random models", () => {
  it("compile to the feasible states evaluated independently", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const r = render(spec, defaultView(spec));
        const model = compile(r.data);
        expect(Array.from(model.states)).toEqual(spec.feasible.map((m) => toRendered(r, m)).sort((a, b) => a - b));
        expect(model.states[model.statusQuo]).toBe(toRendered(r, spec.statusQuo));
      }),
      runs(200),
    );
  });

  it("the fast engine agrees with the reference for every concept, per DM and equilibria", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const model = compile(render(spec, defaultView(spec)).data);
        const analysis = analyze(model);
        for (let d = 0; d < model.nDMs; d++) {
          const adj = analysis.context.moves[d];
          for (let s = 0; s < model.states.length; s++) {
            const fast = Array.from(adj.targets.subarray(adj.offsets[s], adj.offsets[s + 1])).sort((a, b) => a - b);
            expect(fast, `moves of DM ${d} from ${statePattern(model, s)}`).toEqual(referenceMoves(model, d, s));
          }
        }
        for (const c of CONCEPTS) {
          for (let d = 0; d < model.nDMs; d++)
            expect(
              [...analysis.stable[c]![d]].map((v) => v === 1),
              `${c} for DM ${d}`,
            ).toEqual(referenceStable(model, c, d));
          expect(analysis.equilibria[c], `${c} equilibria`).toEqual(referenceEquilibria(model, c));
        }
      }),
      runs(250),
    );
  });

  it("coalition reachability equals the reference's (state, last mover) search, with legal paths", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const model = compile(render(spec, defaultView(spec)).data);
        const ctx = createContext(model);
        const ref = new Reference(model);
        const everyone = Array.from({ length: model.nDMs }, (_, d) => d);
        const coalitions = [everyone, everyone.slice(1), [0]];
        for (const H of coalitions)
          for (const improving of [false, true])
            for (let s = 0; s < model.states.length; s++) {
              const reach = coalitionReach(ctx, H, s, improving);
              // The literal search counts s itself when a legal cycle returns to it; no caller does, the engine leaves it out.
              const expected = [...ref.coalitionReach(H, s, improving)].filter((t) => t !== s).sort((a, b) => a - b);
              if (reach.states.join() !== expected.join()) expect(reach.states, `R_H from ${statePattern(model, s)}`).toEqual(expected);
              for (const t of reach.states) {
                const path = reach.pathTo(t);
                const legal =
                  path.length > 0 &&
                  path[0].from === s &&
                  path[path.length - 1].to === t &&
                  path.every(
                    (step, k) =>
                      H.includes(step.dm) &&
                      referenceMoves(model, step.dm, step.from).includes(step.to) &&
                      (!improving || model.pref[step.dm][step.to] > model.pref[step.dm][step.from]) &&
                      (k === 0 || (step.from === path[k - 1].to && step.dm !== path[k - 1].dm)),
                  );
                if (!legal) expect(path, `path to ${statePattern(model, t)}`).toBe("a legal coalition path");
              }
            }
      }),
      runs(100),
    );
  });

  it("survives gmcr-py export then import unchanged", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const model = compile(render(spec, defaultView(spec)).data);
        const back = compile(importGmcrPy(JSON.parse(JSON.stringify(exportGmcrPy(model)))));
        expect(Array.from(back.states)).toEqual(Array.from(model.states));
        expect(back.statusQuo).toBe(model.statusQuo);
        expect(back.pref.map((p) => Array.from(p))).toEqual(model.pref.map((p) => Array.from(p)));
        expect(back.scenario.options.map((o) => [o.id, o.dm, o.direction])).toEqual(model.scenario.options.map((o) => [o.id, o.dm, o.direction]));
        expect(back.scenario.decisionMakers.map((d) => d.id)).toEqual(model.scenario.decisionMakers.map((d) => d.id));
      }),
      runs(200),
    );
  });

  it("keeps the inclusions between concepts for every DM", () => {
    const inclusions: [Concept, Concept][] = [
      ["Nash", "SMR"],
      ["SMR", "GMR"],
      ["Nash", "SEQ"],
      ["SEQ", "GMR"],
      ["Nash", "SIM"],
      ["SEQ", "SEQ+SIM"],
      ["SIM", "SEQ+SIM"],
    ];
    fc.assert(
      fc.property(specArb, (spec) => {
        const model = compile(render(spec, defaultView(spec)).data);
        const { stable } = analyze(model);
        const broken: string[] = [];
        for (const [a, b] of inclusions)
          for (let d = 0; d < model.nDMs; d++)
            for (let s = 0; s < model.states.length; s++)
              if (stable[a]![d][s] && !stable[b]![d][s]) broken.push(`${a} ⊄ ${b} for DM ${d} at ${statePattern(model, s)}`);
        expect(broken).toEqual([]);
      }),
      runs(300),
    );
  });

  it("gives the same results when DM and option ids are renamed", () => {
    fc.assert(
      fc.property(specArb, idsArb, (spec, ids) => {
        const base = render(spec, defaultView(spec));
        const view: View = { ...defaultView(spec), dmIds: ids.slice(0, spec.dms.length), optIds: ids.slice(4, 4 + spec.nOptions) };
        const renamed = render(spec, view);
        const m1 = compile(base.data);
        const m2 = compile(renamed.data);
        // Same layout: compare by state pattern directly.
        expect(Array.from(m2.states, (_, s) => statePattern(m2, s))).toEqual(Array.from(m1.states, (_, s) => statePattern(m1, s)));
        expect(canonical(renamed, m2, analyze(m2))).toEqual(canonical(base, m1, analyze(m1)));
      }),
      runs(200),
    );
  });

  it("gives the same results when DMs and options are reordered (states matched by option values)", () => {
    fc.assert(
      fc.property(specArb, keysArb, fc.array(keysArb, { minLength: 4, maxLength: 4 }), fc.boolean(), idsArb, (spec, dmKeys, optKeys, rename, ids) => {
        const base = render(spec, defaultView(spec));
        const view: View = {
          ...defaultView(spec),
          dmOrder: permutation(dmKeys, spec.dms.length),
          optOrder: spec.dms.map((opts, d) => permutation(optKeys[d], opts.length)),
          ...(rename ? { dmIds: ids.slice(0, spec.dms.length), optIds: ids.slice(4, 4 + spec.nOptions) } : {}),
        };
        const moved = render(spec, view);
        const m1 = compile(base.data);
        const m2 = compile(moved.data);
        // The same states exist, matched by option values.
        expect(Array.from(m2.states, (x) => toOriginal(moved, x)).sort((a, b) => a - b)).toEqual(
          Array.from(m1.states, (x) => toOriginal(base, x)).sort((a, b) => a - b),
        );
        expect(toOriginal(moved, m2.states[m2.statusQuo])).toBe(toOriginal(base, m1.states[m1.statusQuo]));
        expect(canonical(moved, m2, analyze(m2))).toEqual(canonical(base, m1, analyze(m1)));
      }),
      runs(200),
    );
  });

  it("makes every state stable for a DM whose preferences tie everything", () => {
    fc.assert(
      fc.property(specArb, fc.nat(), fc.constantFrom("ranking", "tautology", "true"), (spec, pick, how) => {
        const d = pick % spec.dms.length;
        const o = pick % spec.nOptions;
        const tie: Pref =
          how === "ranking"
            ? { k: "ranking", groups: [spec.feasible] }
            : how === "tautology"
              ? {
                  k: "statements",
                  sts: [
                    {
                      k: "expr",
                      e: {
                        k: "or",
                        args: [
                          { k: "var", o },
                          { k: "not", a: { k: "var", o } },
                        ],
                      },
                    },
                  ],
                }
              : { k: "statements", sts: [{ k: "expr", e: { k: "var", o } }] };
        const prefs = spec.prefs.slice();
        prefs[d] = tie;
        let data = render({ ...spec, prefs }, defaultView(spec)).data;
        if (how === "true") data = { ...data, preferences: { ...(data.preferences as object), [`d${d}`]: ["true"] } };
        const model = compile(data);
        expect(new Set(model.pref[d]).size).toBe(1);
        const analysis = analyze(model);
        for (const c of CONCEPTS)
          expect(
            [...analysis.stable[c]![d]].every((v) => v === 1),
            `${c} for the indifferent DM`,
          ).toBe(true);
        expect(referenceStable(model, "Nash", d).every(Boolean)).toBe(true);
      }),
      runs(200),
    );
  });
});

// ---------------------------------------------------------------------------

describe("the reference implementation", () => {
  const byId = (fx: Fixture) => new Map(fx.states.map((s) => [s.id, s.pattern]));
  const patterns = (fx: Fixture, ids: number[]) => ids.map((id) => byId(fx).get(id)!).sort();

  it.each(plainFixtures())("agrees with the oracle fixture $file for every concept", ({ fixture: fx }) => {
    const { scenario, issues } = validateData(fixtureToScenarioData(fx));
    expect(issues).toEqual([]);
    const model = compileScenario(scenario!);
    const pat = (s: number) => statePattern(model, s);
    const ref = new Reference(model);
    fx.decisionMakers.forEach((dm, d) => {
      for (let s = 0; s < model.states.length; s++) {
        expect(ref.moves(d, s).map(pat).sort(), `moves of ${dm.name} from ${pat(s)}`).toEqual(patterns(fx, fx.reachable[dm.name][String(s + 1)]));
        expect(ref.improvements(d, s).map(pat).sort()).toEqual(patterns(fx, fx.unilateralImprovements[dm.name][String(s + 1)]));
      }
    });
    for (const c of CONCEPTS) {
      fx.decisionMakers.forEach((dm, d) => {
        const ours = ref
          .stable(c, d)
          .flatMap((v, s) => (v ? [pat(s)] : []))
          .sort();
        expect(ours, `${c} for ${dm.name}`).toEqual(patterns(fx, fx.stable[c][dm.name]));
      });
      expect(ref.equilibria(c).map(pat).sort(), `${c} equilibria`).toEqual(patterns(fx, fx.equilibria[c]));
    }
  });
});
