/** Prose laid out in columns: wrapping and hanging indents that count display width (CJK characters take two). */
import { displayWidth } from "./table.js";

/** Hanging indent: the first line after `prefix`, the rest aligned under its text, within `width` columns. */
export function hang(prefix: string, text: string, width = 80): string {
  const pad = displayWidth(prefix);
  return wrap(text, width - pad)
    .split("\n")
    .map((l, k) => (k === 0 ? prefix : " ".repeat(pad)) + l)
    .join("\n");
}

/**
 * Break prose into lines of at most `width` display columns (a CJK character
 * takes two; such text may break between its characters; other long words stay whole).
 */
export function wrap(text: string, width = 80, indent = ""): string {
  const out: string[] = [];
  const room = width - displayWidth(indent);
  for (const para of text.trim().split(/\n\s*\n/)) {
    let line = "";
    let used = 0;
    for (const word of para.split(/\s+/)) {
      // A word of Chinese or Japanese text may break between its wide characters (it has no spaces to break at).
      let first = true;
      for (const piece of breakable(word)) {
        const w = displayWidth(piece);
        const sep = first && line ? 1 : 0;
        if (line && used + sep + w > room) {
          out.push(indent + line);
          line = piece;
          used = w;
        } else {
          line += (sep ? " " : "") + piece;
          used += sep + w;
        }
        first = false;
      }
    }
    if (line) out.push(indent + line);
    out.push("");
  }
  out.pop();
  return out.join("\n");
}

/** Characters a line should not start with (closing punctuation), or end with (opening). */
const NO_LINE_START = /^[、。，．・：；？！）」』】〉》〕］｝”’ー々〜…,.:;!?)\]}'"%]/u;
const NO_LINE_END = /[（「『【〈《〔［｛“‘([{'"]$/u;
// Made on first use: a segmenter costs about 13 ms to set up, and most text is ASCII.
let graphemes: Intl.Segmenter | undefined;

/** A word cut where a line may break: beside a wide (CJK) character, keeping punctuation with its neighbour. */
function breakable(word: string): string[] {
  if (/^[\x20-\x7e]*$/.test(word)) return [word];
  const pieces: string[] = [];
  let piece = "";
  let prev = "";
  graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  for (const { segment } of graphemes.segment(word)) {
    const canBreak = piece !== "" && (displayWidth(prev) > 1 || displayWidth(segment) > 1) && !NO_LINE_START.test(segment) && !NO_LINE_END.test(prev);
    if (canBreak) {
      pieces.push(piece);
      piece = "";
    }
    piece += segment;
    prev = segment;
  }
  if (piece) pieces.push(piece);
  return pieces;
}
