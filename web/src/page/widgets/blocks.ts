/**
 * A document's blocks (src/present/document.ts: what the report and the
 * commands print) as DOM nodes: headings, paragraphs and nested lists, with
 * every piece of text set as text (nothing is parsed as HTML).
 */
import type { Block, Inline } from "../../../../src/api/present.js";
import { h } from "./dom.js";

function inline(s: Inline): (Node | string)[] {
  if (Array.isArray(s)) return s.flatMap(inline);
  if (typeof s === "string") return [s];
  if ("user" in s) return [s.user];
  if ("code" in s) return [h("code", {}, s.code)];
  if ("strong" in s) return [h("strong", {}, ...inline(s.strong))];
  return [h("em", {}, ...inline(s.em))];
}

/** `headingShift`: added to each heading's level (a level-2 heading of the report becomes an h3 with 1). */
export function blocksToDom(blocks: readonly Block[], headingShift = 0): HTMLElement[] {
  const out: HTMLElement[] = [];
  // The open lists, by depth: an item of level n goes in lists[n - 1], nested in the last item of the level above.
  let lists: HTMLUListElement[] = [];
  for (const b of blocks) {
    if (b.kind === "item" || b.kind === "step") {
      const depth = Math.max(1, b.level);
      lists = lists.slice(0, depth);
      while (lists.length < depth) {
        const ul = h("ul", {});
        const parent = lists.at(-1)?.lastElementChild;
        if (parent) parent.append(ul);
        else out.push(ul);
        lists.push(ul);
      }
      const label = b.kind === "item" && b.label !== undefined ? [h("strong", {}, b.label), " "] : b.kind === "step" ? [`${b.n}. `] : [];
      lists[depth - 1].append(h("li", b.kind === "step" ? { class: "step" } : {}, ...label, ...inline(b.text)));
      continue;
    }
    lists = [];
    if (b.kind === "heading") {
      const level = Math.min(6, b.level + headingShift) as 1 | 2 | 3 | 4 | 5 | 6;
      out.push(h(`h${level}`, {}, ...inline(b.text)));
    } else if (b.kind === "paragraph") out.push(h("p", {}, ...inline(b.text)));
    else if (b.kind === "pre") out.push(h("pre", {}, b.text));
  }
  return out;
}
