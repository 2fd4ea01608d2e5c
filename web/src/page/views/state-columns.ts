/**
 * The state table's columns: their widths (as narrow as their contents allow,
 * so that the concepts' columns, the equilibria and the words fit beside the
 * editor at 1440 px, and the equilibria, which come before each party's marks,
 * at 1024 px), a party's heading, and the equilibrium column's text.
 */
import type { Concept, ModelView } from "../../protocol/engine.js";

/** An option's column: room for a Y and its id, written upwards. */
const OPTION_REM = 1.3;
/** The least room for the state in words. */
export const WORDS_MIN = 11;

/**
 * The concepts a state is an equilibrium under, short: "all", "all but Nash"
 * or "all but Nash, SEQ" when that is shorter than the list, or the list.
 */
export function eqText(m: ModelView, eq: readonly Concept[]): string {
  if (eq.length > 1 && eq.length === m.concepts.length) return "all";
  const list = eq.join(" ");
  const missing = m.concepts.filter((c) => !eq.includes(c));
  if (eq.length > 2 && missing.length <= 2) {
    const but = `all but ${missing.join(", ")}`;
    if (but.length < list.length) return but;
  }
  return list;
}

/** A text's width in rem, in the equilibrium column's font: measured in the page, else estimated from its length. */
export type MeasureRem = (text: string) => number;
const estimate: MeasureRem = (text) => text.length * 0.62;

/**
 * Column widths in rem, in table order, the words' column last: fixed, so
 * rows drawn later line up with those drawn before. They are as narrow as
 * their contents allow, so that the concepts' columns, the equilibria and the
 * words fit beside the editor at 1440 px; the words' column takes what is
 * left (at least WORDS_MIN).
 */
export function columnWidths(m: ModelView, measure: MeasureRem = estimate): number[] {
  const digits = String(m.states.count).length;
  const marks = m.dms.length * 0.58 + 0.5;
  return [
    Math.max(3.6, digits * 0.55 + 1.6),
    ...m.options.map(() => OPTION_REM),
    ...m.dms.map(() => Math.max(1.9, digits * 0.55 + 0.4)),
    eqWidth(m, measure),
    ...m.concepts.map(() => marks),
    WORDS_MIN,
  ];
}

/**
 * The equilibrium column: as wide as the longest text it shows, with its
 * padding, up to 13rem (past that a cell is cut short, its tooltip giving
 * the concepts in full).
 */
function eqWidth(m: ModelView, measure: MeasureRem): number {
  const seen = new Set<number>();
  for (let s = 0; s < m.states.count; s++) seen.add(m.states.eq[s]);
  let longest = measure("Equilibrium ▴");
  for (const bits of seen)
    longest = Math.max(
      longest,
      measure(
        eqText(
          m,
          m.concepts.filter((_, c) => bits & (1 << c)),
        ),
      ),
    );
  return Math.min(13, longest + 0.9);
}

/** A party's name over its options when it fits, else its id (the name in the tooltip). */
export function partyLabel(m: ModelView, d: number): string {
  const k = m.options.filter((o) => o.dm === d).length;
  return m.dms[d].name.length * 0.5 + 0.6 <= k * OPTION_REM ? m.dms[d].name : m.dms[d].id;
}
