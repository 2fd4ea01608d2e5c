/**
 * Render rows as an aligned text table or CSV (RFC 4180 quoting): as one
 * string, or line by line (`textLines`, `csvLines`) for tables as large as
 * the model, whose rows are produced as they are written. Markdown and HTML
 * tables are the document renderer's (src/present/document.ts), which escapes.
 */
import stringWidth from "string-width";

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

/** Columns a string takes on a terminal: East Asian wide characters and emoji count 2, combining marks 0. */
export function displayWidth(s: string): number {
  return NARROW.test(s) ? s.length : stringWidth(s);
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
