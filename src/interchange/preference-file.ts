/**
 * A DM's validated preferences written back in the file format (parley/1), so
 * they can travel where only data goes (the `parley` key of a gmcr-py file):
 * statements with their provenance and probability, rankings, alternatives and
 * unknown pairs. Conditional and compound statements come back as the
 * equivalent single statement text.
 */
import type { PreferenceSpec, Provenance, StatementSpec } from "../format/scenario.js";

function provenance(x: Provenance): Record<string, unknown> {
  return {
    ...(x.note !== undefined ? { note: x.note } : {}),
    ...(x.sources !== undefined ? { sources: x.sources } : {}),
    ...(x.assumption !== undefined ? { assumption: x.assumption } : {}),
  };
}

function statementToFile(st: StatementSpec): unknown {
  const extra = { ...(st.probability !== undefined ? { probability: st.probability } : {}), ...provenance(st) };
  return Object.keys(extra).length ? { statement: st.text, ...extra } : st.text;
}

function body(pref: PreferenceSpec): Record<string, unknown> {
  return pref.kind === "statements"
    ? { statements: pref.statements.map(statementToFile) }
    : { ranking: pref.items.map((it) => (it.patterns.length === 1 ? it.patterns[0] : it.patterns)) };
}

export function preferenceToFile(pref: PreferenceSpec): Record<string, unknown> {
  return {
    ...body(pref),
    ...(pref.alternatives?.length
      ? { alternatives: pref.alternatives.map((a) => ({ weight: a.weight, label: a.label, ...body(a.preference), ...provenance(a) })) }
      : {}),
    ...(pref.unknown?.length ? { unknown: pref.unknown.map((u) => ({ between: u.between.text, and: u.and.text, ...provenance(u) })) } : {}),
    ...provenance(pref),
  };
}
