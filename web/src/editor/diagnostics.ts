/**
 * The engine's issues (1-based line and column) as editor diagnostics
 * (character ranges): from the column to the end of the word there, so the
 * underline sits under the element at fault.
 */
import type { IssueView } from "../protocol/engine.js";

export interface Range {
  from: number;
  to: number;
}

/** `lines[i]` is the text of line i + 1 (without its line break). */
export function issueRange(lines: readonly string[], issue: Pick<IssueView, "line" | "column">): Range {
  let offset = 0;
  const line = Math.min(Math.max(issue.line, 1), Math.max(lines.length, 1));
  for (let i = 0; i < line - 1; i++) offset += lines[i].length + 1;
  const text = lines[line - 1] ?? "";
  let col = Math.min(Math.max(issue.column, 1), text.length + 1) - 1;
  while (col < text.length && /\s/.test(text[col])) col++;
  if (col >= text.length) {
    // Nothing at the column: underline the last word of the line.
    const trimmed = text.trimEnd();
    if (!trimmed) return { from: offset, to: offset };
    let start = trimmed.length;
    while (start > 0 && !/\s/.test(trimmed[start - 1])) start--;
    return { from: offset + start, to: offset + trimmed.length };
  }
  let end = col;
  while (end < text.length && !/\s/.test(text[end])) end++;
  return { from: offset + col, to: offset + end };
}
