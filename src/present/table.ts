/**
 * Render rows as an aligned text table or CSV (RFC 4180 quoting): as one
 * string, or line by line (`textLines`, `csvLines`) for tables as large as
 * the model, whose rows are produced as they are written. Markdown and HTML
 * tables are the document renderer's (src/present/document.ts), which escapes.
 */
import { eastAsianWidth } from "get-east-asian-width";

export interface Table {
  header: string[];
  rows: string[][];
  /** Columns to right-align (numbers). */
  right?: boolean[];
}

/** A table whose rows may be produced lazily; an aligned text table iterates them twice (widths, then lines). */
export interface RowTable {
  header: string[];
  rows: Iterable<string[]>;
  right?: boolean[];
}

/**
 * Characters that take one column each, one UTF-16 unit each: printable ASCII
 * and the marks of Parley's own tables (✓ · ▸ ─ …), so a table of a million
 * states is measured without segmenting every cell into graphemes.
 */
const NARROW = /^[\x20-\x7e\u00b7\u2013\u2014\u2026\u2500\u25b8\u2713]*$/;

// string-width, once loaded: its emoji patterns take about 30 ms to compile, which every command would pay at
// start-up for text that is nearly always narrow. The CLI loads it before writing text that needs it.
let exactWidth: ((s: string) => number) | undefined;

/** Load the exact measure of wide text (string-width: grapheme clusters, emoji sequences); `displayWidth` uses it from then on. */
export async function loadExactWidths(): Promise<void> {
  exactWidth ??= (await import("string-width")).default;
}

const ZERO_WIDTH = /[\p{Default_Ignorable_Code_Point}\p{Mn}\p{Me}\p{Cf}\p{Cc}\p{Cs}]/u;

/**
 * The scripts the estimate measures as the exact measure does: control
 * characters such as line ends (none), Latin (with its
 * combining accents), Greek, Cyrillic, punctuation, symbols and box drawing,
 * CJK ideographs, kana, Hangul syllables and full- and halfwidth forms. In the
 * others (Arabic, Hebrew, the Indic and South-East Asian scripts) what is
 * drawn as one depends on the grapheme clusters, which only the exact measure
 * follows.
 */
const ESTIMATED =
  /^[\x00-\u052f\u1e00-\u1fff\u2000-\u27bf\u2900-\u2bff\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]*$/;

/** Clusters drawn as one within those: emoji and flags, joined or selected emoji, keycaps. */
const CLUSTERED = /[\p{Extended_Pictographic}\p{Regional_Indicator}]|\u200d|\ufe0f|\u20e3/u;

/** Whether measuring a string needs `loadExactWidths` (the estimate is exact for everything else). */
export function needsExactWidth(s: string): boolean {
  return !NARROW.test(s) && (!ESTIMATED.test(s) || CLUSTERED.test(s));
}

/**
 * Before `loadExactWidths`: each code point by its East Asian width, marks and
 * format characters none; the same as the exact measure on text that does not
 * `needsExactWidth`.
 */
export function estimatedWidth(s: string): number {
  let w = 0;
  for (const ch of s) if (!ZERO_WIDTH.test(ch)) w += eastAsianWidth(ch.codePointAt(0)!);
  return w;
}

/** Columns a string takes on a terminal: East Asian wide characters and emoji count 2, combining marks 0. */
export function displayWidth(s: string): number {
  return NARROW.test(s) ? s.length : (exactWidth ?? estimatedWidth)(s);
}

/** The lines of an aligned text table, each ending in a newline. */
export function* textLines(t: RowTable): Generator<string> {
  const cols = t.header.length;
  const w = t.header.map((h) => displayWidth(h));
  for (const r of t.rows) for (let c = 0; c < cols; c++) w[c] = Math.max(w[c], displayWidth(r[c] ?? ""));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => {
        const pad = " ".repeat(Math.max(0, w[c] - displayWidth(cell)));
        return t.right?.[c] ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd() + "\n";
  yield line(t.header);
  yield w.map((x) => "─".repeat(x)).join("  ") + "\n";
  for (const r of t.rows) yield line(r);
}

export function renderText(t: RowTable): string {
  return [...textLines(t)].join("").slice(0, -1);
}

/** The lines of a CSV file, each ending in a newline. */
export function* csvLines(t: RowTable): Generator<string> {
  const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  yield t.header.map(cell).join(",") + "\n";
  for (const r of t.rows) yield r.map(cell).join(",") + "\n";
}

export function renderCsv(t: RowTable): string {
  return [...csvLines(t)].join("");
}
