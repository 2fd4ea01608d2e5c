/**
 * A Parley model -> a gmcr-py JSON file, with what gmcr-py cannot hold (ids,
 * status quo, provenance, the preferences as written) under the `parley` key;
 * the file's form is described in gmcrpy.ts.
 */
import { maskToPattern, type Cube } from "../format/cubes.js";
import type { ConstraintSpec, PreferenceSpec } from "../format/scenario.js";
import { FORMAT } from "../format/schema.js";
import type { Model } from "../model/compile.js";
import { bargainingToFile } from "./bargaining-file.js";
import type { Condition, GmcrPyFile, Statement } from "./gmcrpy.js";
import { preferenceToFile } from "./preference-file.js";
import { stateId } from "../model/states.js";

export function exportGmcrPy(model: Model): GmcrPyFile {
  const sc = model.scenario;
  const n = model.nOptions;
  const manual = sc.preferences.some((p) => p.kind === "ranking");
  return {
    program: "gmcr-py",
    version: "0.4.1",
    useManualPreferenceRanking: manual,
    options: sc.options.map((o) => ({ name: o.label, permittedDirection: o.direction })),
    decisionMakers: sc.decisionMakers.map((dm, d) => {
      const pref = sc.preferences[d];
      const out: GmcrPyFile["decisionMakers"][number] = {
        name: dm.name,
        options: [...dm.options],
        preferences: pref.kind === "statements" ? pref.statements.map((st) => cubesToStatement(st.cubes, n)) : [],
      };
      if (manual) out.preferenceRanking = rankingOf(model, d);
      if (dm.misperceives?.length) out.misperceptions = dm.misperceives.flatMap((x) => x.cubes.map((cube) => cubeToCondition(cube, n)));
      return out;
    }),
    infeasibles: sc.constraints.flatMap((c) => c.infeasible.map((cube) => cubeToCondition(cube, n))),
    parley: {
      format: FORMAT,
      name: sc.name,
      ...(sc.description !== undefined ? { description: sc.description } : {}),
      statusQuo:
        sc.statusQuoProvenance && Object.keys(provenance(sc.statusQuoProvenance)).length
          ? { state: maskToPattern(sc.statusQuo, n), ...provenance(sc.statusQuoProvenance) }
          : maskToPattern(sc.statusQuo, n),
      ...(sc.constraints.length ? { infeasible: sc.constraints.map((c) => constraintToFile(c, n)) } : {}),
      ...(sc.asOf !== undefined ? { asOf: sc.asOf } : {}),
      ...(sc.limitations !== undefined ? { limitations: sc.limitations } : {}),
      ...(sc.whatIfs !== undefined ? { whatIfs: sc.whatIfs } : {}),
      ...(sc.goals !== undefined ? { goals: sc.goals } : {}),
      ...(sc.facts !== undefined ? { facts: sc.facts } : {}),
      ...(sc.questions !== undefined
        ? {
            questions: sc.questions.map((q) => ({
              id: q.id,
              question: q.question,
              condition: q.condition,
              by: q.by,
              ...(q.resolution !== undefined ? { resolution: q.resolution } : {}),
              ...provenance(q),
            })),
          }
        : {}),
      ...(sc.forecast !== undefined ? { forecast: { ...sc.forecast } } : {}),
      // The preferences as written (provenance, probabilities, alternatives, unknown pairs),
      // which gmcr-py's statements and rankings cannot hold.
      preferences: Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, preferenceToFile(sc.preferences[d])])),
      ...provenance(sc),
      decisionMakers: sc.decisionMakers.map((dm) => ({
        id: dm.id,
        ...provenance(dm),
        ...(dm.rate !== undefined ? { rate: { ...dm.rate } } : {}),
        ...(dm.perceivedPreferences?.length
          ? { perceivedPreferences: Object.fromEntries(dm.perceivedPreferences.map((p) => [sc.decisionMakers[p.dm].id, preferenceEntry(p.preferences)])) }
          : {}),
      })),
      options: sc.options.map((o) => ({
        id: o.id,
        ...(o.whenTaken !== undefined ? { whenTaken: o.whenTaken } : {}),
        ...(o.whenNotTaken !== undefined ? { whenNotTaken: o.whenNotTaken } : {}),
        ...(o.withdrawLabel !== undefined ? { withdrawLabel: o.withdrawLabel } : {}),
        ...provenance(o),
      })),
      ...(sc.bargaining
        ? {
            bargaining: bargainingToFile(
              sc.bargaining,
              sc.options.map((o) => o.id),
            ),
          }
        : {}),
    },
  };
}

function provenance(x: { note?: string; sources?: string[]; assumption?: string }) {
  return {
    ...(x.note !== undefined ? { note: x.note } : {}),
    ...(x.sources !== undefined ? { sources: x.sources } : {}),
    ...(x.assumption !== undefined ? { assumption: x.assumption } : {}),
  };
}

/** Preferences back in the scenario-file form (statements as text, rankings as patterns). */
function preferenceEntry(p: PreferenceSpec): unknown {
  if (p.kind === "ranking") return { ranking: p.items.map((it) => (it.patterns.length === 1 ? it.patterns[0] : it.patterns)), ...provenance(p) };
  const statements = p.statements.map((st) => {
    const prov = provenance(st);
    return Object.keys(prov).length ? { statement: st.text, ...prov } : st.text;
  });
  const prov = provenance(p);
  return Object.keys(prov).length ? { statements, ...prov } : statements;
}

/** An infeasibility entry back in the scenario-file form, with its provenance. */
function constraintToFile(c: ConstraintSpec, n: number): unknown {
  const prov = provenance(c);
  const list = (prefix: string) => c.text.slice(prefix.length).split(", ");
  switch (c.kind) {
    case "mutuallyExclusive":
      return { mutuallyExclusive: list("at most one of "), ...prov };
    case "atLeastOneOf":
      return { atLeastOneOf: list("at least one of "), ...prov };
    case "pattern":
      // A pattern string is kept as written; a pattern mapping's text is the equivalent condition.
      return c.text.length === n && /^[YNyn-]+$/.test(c.text) ? { pattern: c.text, ...prov } : { condition: c.text, ...prov };
    default:
      return Object.keys(prov).length ? { condition: c.text, ...prov } : c.text;
  }
}

function cubeToCondition(cube: Cube, n: number): Condition {
  const out: Condition = [];
  for (let k = 0; k < n; k++) if (cube.care & (1 << k)) out.push([k, cube.value & (1 << k) ? "Y" : "N"]);
  return out;
}

function cubesToStatement(cubes: Cube[], n: number): Statement {
  return cubes.length === 1 ? cubeToCondition(cubes[0], n) : { compound: true, members: cubes.map((c) => cubeToCondition(c, n)) };
}

/** State numbers, most preferred first, ties as lists. */
function rankingOf(model: Model, d: number): (number | number[])[] {
  const pref = model.pref[d];
  const groups = new Map<number, number[]>();
  for (let s = 0; s < pref.length; s++) {
    const g = groups.get(pref[s]) ?? [];
    g.push(stateId(s));
    groups.set(pref[s], g);
  }
  return [...groups.entries()].sort((a, b) => b[0] - a[0]).map(([, g]) => (g.length === 1 ? g[0] : g));
}
