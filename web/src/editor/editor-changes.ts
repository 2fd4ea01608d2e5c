/**
 * A form's edit as one editor transaction: the smallest change from the
 * current text to the new one, kept apart in the undo history (never merged
 * with typing just before or after it), so Ctrl+Z undoes exactly one form edit.
 * Pure (no DOM), so it is tested with a bare EditorState.
 */
import { isolateHistory } from "@codemirror/commands";
import type { EditorState, TransactionSpec } from "@codemirror/state";

export function replaceTextSpec(state: EditorState, next: string, userEvent = "input.form"): TransactionSpec | null {
  const prev = state.doc.toString();
  if (prev === next) return null;
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev[endPrev - 1] === next[endNext - 1]) {
    endPrev--;
    endNext--;
  }
  return {
    changes: { from: start, to: endPrev, insert: next.slice(start, endNext) },
    userEvent,
    annotations: isolateHistory.of("full"),
    scrollIntoView: true,
  };
}
