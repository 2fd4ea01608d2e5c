/** A statement as the report cites it: its text with the sources or assumption behind it. */
import type { Provenance } from "../format/scenario.js";

export interface Cited {
  text: string;
  /** The statement as written in the scenario, when the text is its note. */
  expression?: string;
  sources?: string[];
  assumption?: string;
}

export function cite(p: Provenance): { sources?: string[]; assumption?: string } {
  return { ...(p.sources ? { sources: p.sources } : {}), ...(p.assumption ? { assumption: p.assumption } : {}) };
}
