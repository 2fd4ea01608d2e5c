/**
 * Whether a document, rendered as terminal text, measures a string that only
 * the exact measure gets right (`needsExactWidth`): then the caller awaits
 * `loadExactWidths` first. Tables produced lazily are looked at up to a number
 * of cells; a larger one is taken to need it (loading costs tens of
 * milliseconds, nothing beside such a table).
 */
import { type Document, inline, type Inline } from "./document.js";
import { needsExactWidth } from "./table.js";

const CELLS_LOOKED_AT = 20_000;

export function documentNeedsExactWidths(doc: Document): boolean {
  const text = (x: Inline | undefined) => x !== undefined && needsExactWidth(inline(x, "text"));
  for (const b of doc.blocks) {
    if (b.kind === "table") {
      if ([...b.table.header, ...(b.textHeader ?? [])].some(needsExactWidth)) return true;
      let cells = 0;
      for (const row of b.table.rows) {
        if (row.some(needsExactWidth)) return true;
        cells += row.length;
        if (cells > CELLS_LOOKED_AT) return true;
      }
    } else if (b.kind === "pre") {
      if (needsExactWidth(b.text)) return true;
    } else if (b.kind === "heading" || b.kind === "paragraph" || b.kind === "item" || b.kind === "step") {
      if (text(b.text) || ("asText" in b && text(b.asText)) || ("label" in b && b.label !== undefined && needsExactWidth(b.label))) return true;
    }
  }
  return false;
}
