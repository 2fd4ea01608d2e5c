/**
 * Clauses: where a trigger's clause, object and leading condition begin and
 * end, and what qualifies the trigger inside its clause (negation before it,
 * hedges around it). Word order and punctuation only; no parse.
 */
import { CLAUSE_BREAKS, CONDITION_MARKERS, HEDGES, NEGATIONS } from "./lexicon.js";
import type { Mention, Modality, Token } from "./types.js";

/** The "if" / "unless" clause that ends with a comma before the trigger, in its sentence: its marker and last token. */
export function leadingCondition(tokens: Token[], sFirst: number, trigger: number): { marker: number; end: number } | undefined {
  for (let k = trigger - 1; k >= sFirst; k--) {
    if (!["if", "unless", "provided"].includes(tokens[k].lower)) continue;
    for (let j = k + 1; j < trigger; j++) if (tokens[j].value === ",") return { marker: k, end: j - 1 };
    return undefined;
  }
  return undefined;
}

/** not / n't / never / no (longer) in the few words before the trigger, within its clause. */
export function negatedBefore(tokens: Token[], mentionAt: Map<number, Mention>, first: number, sFirst: number): boolean {
  // "stops short of recognising Kosovo", "fell short of endorsing": not done.
  if (tokens[first - 1]?.lower === "of" && tokens[first - 2]?.lower === "short" && ["stop", "fall"].includes(tokens[first - 3]?.lemma ?? "")) return true;
  for (let k = first - 1; k >= Math.max(sFirst, first - 4); k--) {
    if (mentionAt.has(k) || tokens[k].pos === "PUNCT") break;
    if (NEGATIONS.has(tokens[k].lemma) || NEGATIONS.has(tokens[k].lower)) return true;
  }
  return false;
}

/** "according to": the start of an attribution ("…, according to a government spokesman"). */
export function isAttribution(tokens: Token[], k: number): boolean {
  return tokens[k]?.lower === "according" && tokens[k + 1]?.lower === "to";
}

/** Last token of the clause that starts at `from`. */
export function clauseEnd(tokens: Token[], from: number, sLast: number, mentionAt: Map<number, Mention>): number {
  let k = from;
  for (; k <= Math.min(sLast, from + 25); k++) {
    const t = tokens[k];
    if ([".", ";", ":", "!", "?", "—", "–", "(", ")"].includes(t.value)) break;
    // A quotation's end ends the clause; one opening inside the object ('ready to remove "all sanctions that …"') does not.
    const opening = t.value === "“" || (t.value === '"' && !tokens[k - 1]?.quoted);
    if ((t.value === '"' || t.value === "”" || t.value === "“") && k > from && !opening) break;
    if (CONDITION_MARKERS[t.lower] !== undefined && k > from && !(t.lower === "once" && tokens[k - 1].lower === "at")) break;
    if (isAttribution(tokens, k) && k > from) break;
    // "agreed to curb its nuclear work in return for relief": what is given back is another move.
    if (t.lower === "in" && (tokens[k + 1]?.lower === "return" || tokens[k + 1]?.lower === "exchange") && tokens[k + 2]?.lower === "for" && k > from) break;
    if (t.lower === "only" && CONDITION_MARKERS[tokens[k + 1]?.lower ?? ""] !== undefined) break;
    if (CLAUSE_BREAKS.has(t.lower) && k > from && t.pos !== "ADP") break;
    if (t.value === "," && k > from) {
      const next = tokens[k + 1];
      if (
        !next ||
        mentionAt.has(k + 1) ||
        next.quoted !== t.quoted ||
        CONDITION_MARKERS[next.lower] !== undefined ||
        CLAUSE_BREAKS.has(next.lower) ||
        next.pos === "PRON" ||
        next.pos === "AUX" ||
        // ", committing to protect civilians": a participle clause is a move of its own.
        (next.pos === "VERB" && /ing$/.test(next.lower))
      )
        break;
    }
    if ((t.lower === "and" || t.lower === "but") && k > from) {
      const next = tokens[k + 1];
      // "… and not to block …": a second move.
      if (next && (next.pos === "VERB" || next.pos === "AUX" || mentionAt.has(k + 1) || next.pos === "PRON" || next.pos === "ADV" || next.pos === "PART"))
        break;
    }
  }
  return Math.max(from - 1, k - 1);
}

/** Hedges in the trigger's clause: back to the previous comma or clause break, forward a few words. */
export function hedge(tokens: Token[], sFirst: number, sLast: number, trigger: number): Modality | undefined {
  const words = new Set<string>();
  let from = trigger;
  while (from - 1 >= sFirst && ![",", ";", "but", "and", "while", "whereas"].includes(tokens[from - 1].lower)) from--;
  for (let k = from; k <= Math.min(sLast, trigger + 3); k++) {
    if (k > trigger && [",", ";", ".", "but", "and"].includes(tokens[k].lower)) break;
    words.add(tokens[k].lemma);
    words.add(tokens[k].lower);
    if (k > from) words.add(`${tokens[k - 1].lower} ${tokens[k].lower}`);
  }
  for (const [m, set] of HEDGES) for (const w of set) if (words.has(w)) return m;
  return undefined;
}
