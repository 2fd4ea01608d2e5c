/**
 * What every section of validation shares: the issue list (through `report`), the
 * limits, the source map for positions, and the scenario being built (options and
 * decision makers, with their name -> index maps), so references can be resolved.
 */
import type { Issue, IssueCode } from "../errors.js";
import type { InputLimits } from "../limits.js";
import type { DecisionMakerSpec, OptionSpec, Provenance } from "../scenario.js";
import type { SourceText } from "../source.js";
import { count } from "../count.js";

export type Path = (string | number)[];

/** Records an issue and returns it, so the caller can refine its position. */
export type Report = (code: IssueCode, message: string, path: Path, key?: string) => Issue;

export interface Context {
  readonly report: Report;
  readonly limits: InputLimits;
  readonly source?: SourceText;
  /** Options in declaration order (decision makers in order, each one's options in order). */
  readonly options: OptionSpec[];
  readonly decisionMakers: DecisionMakerSpec[];
  /** Option id -> bit (its index in `options`). */
  readonly optionIndex: ReadonlyMap<string, number>;
  /** Decision maker id -> index. */
  readonly dmIndex: ReadonlyMap<string, number>;
  /** Option ids in declaration order, for messages and suggestions. */
  readonly ids: string[];
}

/** note / sources / assumption of an element; a bare string (a condition or statement) has none. */
export function provenanceOf(x: Provenance | string | undefined): Provenance {
  if (x === undefined || typeof x === "string") return {};
  const out: Provenance = {};
  if (x.note !== undefined) out.note = x.note;
  if (x.sources !== undefined) out.sources = x.sources;
  if (x.assumption !== undefined) out.assumption = x.assumption;
  return out;
}

/** A user's text in a message: long texts shortened, so a message stays readable. */
export function clip(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}… (${count(text.length)} characters)` : text;
}

/** ", did you mean 'x'?" for a near miss. */
export function suggest(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(word.length / 3)) ? `; did you mean '${best}'?` : "";
}

/** Edit distance where swapping two neighbouring letters counts as one edit (a common typo). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}
