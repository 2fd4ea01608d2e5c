/** Text widths measured in the page, for the state table's columns (state-columns.ts takes them as a function). */
import type { MeasureRem } from "./state-columns.js";

/** Text widths in rem in the equilibrium column's font (style.css: td.eqs, 600 12px; measured at 12.5px, the headings' size, to be safe), in `within`'s font family. */
export function measureInPage(within: HTMLElement): MeasureRem | undefined {
  const ctx = document.createElement("canvas").getContext("2d");
  if (!ctx) return undefined;
  const root = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  ctx.font = `600 12.5px ${getComputedStyle(within).fontFamily}`;
  return (text) => ctx.measureText(text).width / root;
}
