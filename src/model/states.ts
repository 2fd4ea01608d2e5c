/**
 * States as people name them and as the engine stores them. Inside, a state is
 * its index 0..N-1 into `model.states` (ascending masks). People see its id,
 * index + 1 (gmcr-py numbers states the same way), or its Y/N pattern: one
 * letter per option, in declaration order. Everything that reads a state a
 * person typed (the command line, the workbench, the report's goals) goes
 * through `parseStateRef` or `parseStateSet`, so the same text means the same
 * state everywhere and fails with the same message.
 */
import { cubesHold, toCubes } from "../format/cubes.js";
import { ParleyError } from "../format/errors.js";
import { ExprSyntaxError, exprVars, parseExpr } from "../format/expr.js";
import { statePattern, type Model } from "./compile.js";

export { statePattern };

/** The id people see for state index `s` (1-based). */
export function stateId(s: number): number {
  return s + 1;
}

/** The ids of several states, in the same order. */
export function stateIds(states: Iterable<number>): number[] {
  return Array.from(states, stateId);
}

/** The index of the state people call `id`. */
export function stateIndex(id: number): number {
  return id - 1;
}

/** "state 3 (NYN)" */
export function stateLabel(model: Model, s: number): string {
  return `state ${stateId(s)} (${statePattern(model, s)})`;
}

const IS_ID = /^\d+$/;
const IS_PATTERN = /^[YNyn]+$/;

/** Whether `text` is written as a state (an id or a Y/N pattern) rather than as a condition over options. */
export function looksLikeStateRef(text: string): boolean {
  const t = text.trim();
  return IS_ID.test(t) || IS_PATTERN.test(t);
}

/** The index of state id `id`, or a ParleyError saying which ids exist. */
export function stateOfId(model: Model, id: number): number {
  if (Number.isInteger(id) && id >= 1 && id <= model.states.length) return stateIndex(id);
  throw new ParleyError({ code: "unknown-state", message: `there is no state ${id}: the feasible states are numbered 1 to ${model.states.length}` });
}

/** The index of the feasible state with this Y/N pattern (any case), -1 when it is infeasible or not a pattern of the right length. */
export function stateOfPattern(model: Model, pattern: string): number {
  const p = pattern.trim().toUpperCase();
  if (p.length !== model.nOptions || !/^[YN]+$/.test(p)) return -1;
  let mask = 0;
  for (let k = 0; k < p.length; k++) if (p[k] === "Y") mask |= 1 << k;
  return model.indexOf[mask];
}

/** A state a person named by its id (1..N) or its Y/N pattern. */
export function parseStateRef(model: Model, text: string): number {
  const t = text.trim();
  if (IS_ID.test(t)) return stateOfId(model, Number(t));
  if (!IS_PATTERN.test(t) || t.length !== model.nOptions)
    throw new ParleyError({
      code: "unknown-state",
      message: `'${text}' is not a state: give a number from 1 to ${model.states.length} or a Y/N pattern of ${model.nOptions} letters (one per option)`,
    });
  const s = stateOfPattern(model, t);
  if (s < 0) throw new ParleyError({ code: "infeasible-state", message: `state ${t.toUpperCase()} is not feasible in this scenario` });
  return s;
}

/** The feasible states a condition over option ids selects (`"ceasefire & guarantee"`), at least one. */
export function statesMatching(model: Model, condition: string): number[] {
  let cubes;
  try {
    const expr = parseExpr(condition);
    const ids = new Map(model.scenario.options.map((o, k) => [o.id, k]));
    for (const v of exprVars(expr))
      if (!ids.has(v.id)) throw new ParleyError({ code: "unknown-option", message: `unknown option '${v.id}' in '${condition}'` });
    cubes = toCubes(expr, (id) => ids.get(id)!);
  } catch (e) {
    if (e instanceof ExprSyntaxError)
      throw new ParleyError({ code: "statement-syntax", message: `cannot read '${condition}': ${e.message} (character ${e.offset + 1})` });
    throw e;
  }
  const out: number[] = [];
  for (let s = 0; s < model.states.length; s++) if (cubesHold(cubes, model.states[s])) out.push(s);
  if (out.length === 0) throw new ParleyError({ code: "no-target", message: `no feasible state satisfies '${condition}'` });
  return out;
}

/** One state (id or Y/N pattern) or every state a condition over option ids selects. */
export function parseStateSet(model: Model, text: string): number[] {
  const t = text.trim();
  if (!t) throw new ParleyError({ code: "no-target", message: "give a state number, a Y/N pattern, or a condition over option ids" });
  return looksLikeStateRef(t) ? [parseStateRef(model, t)] : statesMatching(model, t);
}
