/** Plain-words descriptions of states and moves, shared by every text output. */
import type { Model } from "../model/compile.js";
import { statePattern } from "../model/compile.js";

export function stateId(s: number): number {
  return s + 1;
}

export function stateName(model: Model, s: number): string {
  return `state ${s + 1} (${statePattern(model, s)})`;
}

export function dmName(model: Model, d: number): string {
  return model.scenario.decisionMakers[d].name;
}

/** What changes between two states, as `takes "label"` / `withdraws "label"` phrases. */
export function describeChange(model: Model, from: number, to: number): string {
  const a = model.states[from];
  const b = model.states[to];
  const parts: string[] = [];
  model.scenario.options.forEach((o, k) => {
    const bit = 1 << k;
    if ((a & bit) === (b & bit)) return;
    parts.push(`${b & bit ? "takes" : "withdraws"} "${o.label}"`);
  });
  return parts.join(" and ");
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

/** Break prose into lines of at most `width` characters (long words stay whole). */
export function wrap(text: string, width = 80, indent = ""): string {
  const out: string[] = [];
  for (const para of text.trim().split(/\n\s*\n/)) {
    let line = "";
    for (const word of para.split(/\s+/)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(indent + line);
    out.push("");
  }
  out.pop();
  return out.join("\n");
}
