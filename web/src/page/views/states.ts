/**
 * One state of a ModelView, made on demand from its columns: the Y/N pattern,
 * the state in words (as the engine's describeState writes it: each option's
 * whenTaken / whenNotTaken phrase, the label when taken without a phrase), the
 * ranks, the stability marks and the concepts it is an equilibrium under.
 */
import { stateId } from "../../../../src/index.js";
import type { Concept, ModelView, StateRow } from "../../protocol/engine.js";

/** s is 0-based (state s + 1). */
export function patternOf(m: ModelView, s: number): string {
  const x = m.states.masks[s];
  let out = "";
  for (let k = 0; k < m.options.length; k++) out += x & (1 << k) ? "Y" : "N";
  return out;
}

/** The state's name (the engine's stateName): the ids of the options taken, or "nothing taken"; it stays when states are renumbered. */
export function nameOf(m: ModelView, s: number): string {
  const x = m.states.masks[s];
  const taken = m.options.filter((_, k) => x & (1 << k)).map((o) => o.id);
  return taken.length ? taken.join(" + ") : "nothing taken";
}

export function wordsOf(m: ModelView, s: number): string {
  const x = m.states.masks[s];
  const parts: string[] = [];
  m.options.forEach((o, k) => {
    const phrase = x & (1 << k) ? o.taken : o.notTaken;
    if (phrase) parts.push(phrase);
  });
  return parts.length ? parts.join("; ") : "no option taken";
}

export function eqConcepts(m: ModelView, s: number): Concept[] {
  const bits = m.states.eq[s];
  return m.concepts.filter((_, c) => bits & (1 << c));
}

export function isEquilibrium(m: ModelView, s: number, concept: Concept | ""): boolean {
  const bits = m.states.eq[s];
  return concept ? (bits & (1 << m.concepts.indexOf(concept))) !== 0 : bits !== 0;
}

export function stateRow(m: ModelView, s: number): StateRow {
  const stable: StateRow["stable"] = {};
  for (const c of m.concepts) stable[c] = m.states.stable[c]![s];
  return {
    id: stateId(s),
    pattern: patternOf(m, s),
    words: wordsOf(m, s),
    ranks: m.states.ranks.map((r) => r[s]),
    stable,
    eq: eqConcepts(m, s),
  };
}
