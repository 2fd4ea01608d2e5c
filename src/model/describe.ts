/** Plain-words descriptions of states and moves, shared by every text output. */
import type { Model } from "./compile.js";

export function dmName(model: Model, d: number): string {
  return model.scenario.decisionMakers[d].name;
}

/** "Press the offensive" -> "press the offensive" (but "US sanctions" stays). */
function lowerFirst(s: string): string {
  return s.length > 1 && s[1] === s[1].toLowerCase() ? s[0].toLowerCase() + s.slice(1) : s;
}

/**
 * What a move does, as actions that read after any subject: the label of each
 * option taken ("press the offensive …") and, for each withdrawn, its
 * `withdrawLabel` ("halt the offensive") or `withdraw "…"`.
 */
export function describeChange(model: Model, from: number, to: number): string {
  const a = model.states[from];
  const b = model.states[to];
  const parts: string[] = [];
  model.scenario.options.forEach((o, k) => {
    const bit = 1 << k;
    if ((a & bit) === (b & bit)) return;
    parts.push(b & bit ? lowerFirst(o.label) : o.withdrawLabel ? lowerFirst(o.withdrawLabel) : `withdraw "${lowerFirst(o.label)}"`);
  });
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : parts.join("");
}

/** "Russia: no longer agree to a ceasefire and press the offensive …" */
export function describeMove(model: Model, dm: number, from: number, to: number): string {
  return `${model.scenario.decisionMakers[dm].name}: ${describeChange(model, from, to)}`;
}

/**
 * A state's short name, which stays when states are renumbered (an option
 * added to a party, a constraint added): the ids of the options taken, in the
 * scenario's order, joined by " + ", or "nothing taken". State numbers stay
 * for compatibility; the name is what a reader can write down.
 */
export function stateName(model: Model, s: number): string {
  const x = model.states[s];
  const taken = model.scenario.options.filter((_, k) => x & (1 << k)).map((o) => o.id);
  return taken.length ? taken.join(" + ") : "nothing taken";
}

/**
 * A state in words: each option's `whenTaken` / `whenNotTaken` phrase (the
 * label when taken and no phrase is given; nothing when not taken and none is
 * given), joined by semicolons.
 */
export function describeState(model: Model, s: number): string {
  const x = model.states[s];
  const parts: string[] = [];
  model.scenario.options.forEach((o, k) => {
    const phrase = x & (1 << k) ? (o.whenTaken ?? o.label) : o.whenNotTaken;
    if (phrase) parts.push(phrase);
  });
  return parts.length ? parts.join("; ") : "no option taken";
}

/** 1 = most preferred; ties share a rank. */
export function rankOf(model: Model, d: number, s: number): number {
  const pref = model.pref[d];
  let max = 0;
  for (let t = 0; t < pref.length; t++) if (pref[t] > max) max = pref[t];
  return max - pref[s] + 1;
}

export function rankCount(model: Model, d: number): number {
  const pref = model.pref[d];
  let max = 0;
  for (let t = 0; t < pref.length; t++) if (pref[t] > max) max = pref[t];
  return max + 1;
}

/** What the report shows of a family: only what its states share. */
export const SHARED = { varying: false } as const;

/**
 * A family of states in words: options with one value across the family by
 * their phrase, the ones that vary as "with or without". (An option left free
 * by the pattern may still be fixed by feasibility, e.g. no offensive during a
 * ceasefire.) For a reader who wants only what the states share, `varying:
 * false` leaves out the "with or without" list and `absent: false` the "none
 * of" list (options not taken that have no phrase of their own).
 */
export function describeFamily(model: Model, states: readonly number[], care = -1, show: { varying?: boolean; absent?: boolean } = {}): string {
  let all = -1;
  let any = 0;
  for (const s of states) {
    all &= model.states[s];
    any |= model.states[s];
  }
  const parts: string[] = [];
  const absent: string[] = [];
  const varying: string[] = [];
  model.scenario.options.forEach((o, k) => {
    const bit = 1 << k;
    if ((all & bit) !== (any & bit)) varying.push(o.whenTaken ?? o.label);
    else if (all & bit) parts.push(o.whenTaken ?? o.label);
    else if (o.whenNotTaken) parts.push(o.whenNotTaken);
    else if (care & bit) absent.push(o.whenTaken ?? o.label);
  });
  // Options fixed at "not taken" without a phrase of their own still matter here,
  // since the family is told apart from the rest by them (unless feasibility
  // alone fixes them, as no offensive during a ceasefire: `care` leaves those out).
  if (absent.length && show.absent !== false) parts.push(`none of: ${absent.join(", ")}`);
  let text = parts.join("; ");
  if (varying.length && show.varying !== false) text += `${text ? "; " : ""}with or without: ${varying.join(", ")}`;
  return text || "any state";
}
