/** What unknown preferences change: the equilibria gained and lost against the analysis with every preference known. */
import type { UnknownAnalysis } from "./unknown.js";

/** One state gained or lost against the plain analysis, with the DMs whose stability changed there. */
export interface UnknownChange {
  state: number;
  /** gained: DMs for which the state was not stable in the plain analysis; lost: for which it no longer is. */
  dms: number[];
}

/** concept -> variant -> equilibria gained and lost against the plain analysis. */
export function unknownChanges(a: UnknownAnalysis): Record<string, Record<string, { gained: UnknownChange[]; lost: UnknownChange[] }>> {
  const out: Record<string, Record<string, { gained: UnknownChange[]; lost: UnknownChange[] }>> = {};
  for (const c of a.concepts) {
    out[c] = {};
    const plainEq = new Set(a.plain.equilibria[c]!);
    const plainStable = a.plain.stable[c]!;
    for (const v of a.variants) {
      const eq = a.equilibria[c]![v]!;
      const st = a.stable[c]![v]!;
      const eqSet = new Set(eq);
      const dms = (s: number, was: number) => st.flatMap((row, d) => (plainStable[d][s] === was && row[s] !== was ? [d] : []));
      out[c][v] = {
        gained: eq.filter((s) => !plainEq.has(s)).map((s) => ({ state: s, dms: dms(s, 0) })),
        lost: a.plain.equilibria[c]!.filter((s) => !eqSet.has(s)).map((s) => ({ state: s, dms: dms(s, 1) })),
      };
    }
  }
  return out;
}
