/**
 * Repeated titles and paragraphs (the last step of clean.ts): a block that
 * repeats the title, or an earlier block verbatim or nearly, is dropped.
 * Near-duplicates are found with word 2-shingles and Jaccard similarity
 * J(A,B) = |A∩B| / |A∪B| >= 0.6 (Broder, "On the resemblance and containment
 * of documents", 1997), or when at least 0.8 of a block's shingles are in one
 * earlier block (containment: a paragraph printed again out of a longer one)
 * or were all seen before (several paragraphs printed again as one, whatever
 * the line breaks).
 */
import type { CleanText, Span } from "./types.js";

/** The input formats of clean.ts. */
export type InputFormat = "text" | "markdown" | "html";

/** A piece of text with the original offset of each of its characters. */
export interface Block {
  text: string;
  origin: number[];
  heading?: boolean;
}

export const NEAR_DUPLICATE_JACCARD = 0.6;
export const NEAR_DUPLICATE_CONTAINMENT = 0.8;

export function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Word 2-shingles (bigrams): short news paragraphs with one word changed still resemble each other. */
function shingles(norm: string): Set<string> {
  const w = norm.split(" ").filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 1 < w.length; i++) out.add(`${w[i]} ${w[i + 1]}`);
  return out;
}

export function dedupe(blocks: Block[], title: Block | undefined, format: InputFormat): CleanText {
  const dropped: CleanText["dropped"] = [];
  const span = (b: Block): Span => ({ start: b.origin[0] ?? 0, end: (b.origin[b.origin.length - 1] ?? -1) + 1 });
  const titleNorm = title ? normalise(title.text) : "";
  const titleSh = title ? shingles(titleNorm) : new Set<string>();
  const kept: Block[] = [];
  const seen = new Set<string>();
  const index = new Map<string, number[]>(); // shingle -> kept block numbers
  const sizes: number[] = [];
  for (const b of blocks) {
    const norm = normalise(b.text);
    if (norm === "") continue;
    const sh = shingles(norm);
    if (title && (norm === titleNorm || (sh.size >= 3 && jaccard(sh, titleSh) >= NEAR_DUPLICATE_JACCARD))) {
      dropped.push({ reason: "repeated-title", span: span(b), text: b.text });
      continue;
    }
    if (seen.has(norm) || (sh.size >= 4 && nearDuplicate(sh, index, sizes))) {
      dropped.push({ reason: "repeated-paragraph", span: span(b), text: b.text });
      continue;
    }
    seen.add(norm);
    const k = kept.length;
    kept.push(b);
    sizes.push(sh.size);
    for (const s of sh) {
      const list = index.get(s);
      if (list) list.push(k);
      else index.set(s, [k]);
    }
  }
  let text = "";
  const origin: number[] = [];
  for (const b of kept) {
    if (text !== "") {
      text += "\n\n";
      const at = (origin[origin.length - 1] ?? 0) + 1;
      origin.push(at, at);
    }
    text += b.text;
    for (const o of b.origin) origin.push(o);
  }
  return { text, origin: Int32Array.from(origin), title: title?.text, format, dropped };
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  const union = a.size + b.size - both;
  return union === 0 ? 0 : both / union;
}

/** Whether `sh` resembles an earlier kept block (Jaccard >= the threshold), counting shared shingles through the index. */
function nearDuplicate(sh: Set<string>, index: Map<string, number[]>, sizes: number[]): boolean {
  const shared = new Map<number, number>();
  let seenBefore = 0;
  for (const s of sh) {
    const list = index.get(s);
    if (list) seenBefore++;
    for (const k of list ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
  }
  // Printed again with other line breaks: two earlier paragraphs run together, or one split in two.
  if (seenBefore / sh.size >= NEAR_DUPLICATE_CONTAINMENT) return true;
  for (const [k, both] of shared) {
    if (both / (sh.size + sizes[k] - both) >= NEAR_DUPLICATE_JACCARD) return true;
    // A block printed again in part (one paragraph of a longer one): most of it is contained in the earlier block.
    if (both / sh.size >= NEAR_DUPLICATE_CONTAINMENT) return true;
  }
  return false;
}
