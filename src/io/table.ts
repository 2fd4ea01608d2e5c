/** Render rows as an aligned text table, a Markdown table, or CSV (RFC 4180 quoting). */

export interface Table {
  header: string[];
  rows: string[][];
  /** Columns to right-align (numbers). */
  right?: boolean[];
}

/** Display width, counting each code point as one column. */
function width(s: string): number {
  return [...s].length;
}

export function renderText(t: Table): string {
  const cols = t.header.length;
  const w = Array.from({ length: cols }, (_, c) => Math.max(width(t.header[c]), ...t.rows.map((r) => width(r[c] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => {
        const pad = " ".repeat(w[c] - width(cell));
        return t.right?.[c] ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  return [line(t.header), w.map((x) => "─".repeat(x)).join("  "), ...t.rows.map(line)].join("\n");
}

export function renderMarkdown(t: Table): string {
  const esc = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");
  const line = (cells: string[]) => `| ${cells.map(esc).join(" | ")} |`;
  const rule = `|${t.header.map((_, c) => (t.right?.[c] ? " ---: " : " --- ")).join("|")}|`;
  return [line(t.header), rule, ...t.rows.map(line)].join("\n");
}

export function renderCsv(t: Table): string {
  const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [t.header, ...t.rows].map((r) => r.map(cell).join(",")).join("\n") + "\n";
}
