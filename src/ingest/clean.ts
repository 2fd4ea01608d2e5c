/**
 * Clean: the main text of an article, from plain text, Markdown or HTML.
 *
 * 1. Split the input into blocks (paragraphs, headings), keeping for every
 *    character its offset in the original input. Plain text: paragraphs are
 *    separated by blank lines, or by single line breaks when the lines are
 *    not wrapped at a fixed width (one paragraph per line).
 * 2. HTML: a DOM-based extractor (given by the caller, see html.ts) picks the
 *    article's blocks; each is found again in the page's visible text to
 *    recover its offsets.
 * 3. Take the title (an HTML <title>/heading, a Markdown `#` heading, a
 *    short first line, or a short line among the first three that is printed
 *    again, as under a summary), then drop blocks that repeat it or repeat an earlier
 *    block verbatim or nearly so: near-duplicates are found with word
 *    2-shingles and Jaccard similarity J(A,B) = |A∩B| / |A∪B| >= 0.6 (the
 *    resemblance measure of Broder, "On the resemblance and containment of
 *    documents", 1997), or when at least 0.8 of a block's shingles are in
 *    one earlier block (Broder's containment: a paragraph printed again
 *    out of a longer one), or when that share of its shingles were all seen
 *    before (several earlier paragraphs printed again as one, whatever the
 *    line breaks).
 *
 * Pure: no DOM, no I/O; the HTML step is a function the caller passes in.
 */
import { ParleyError } from "../format/errors.js";
import { type Block, dedupe, type InputFormat, normalise } from "./repeats.js";
import type { CleanText, Span } from "./types.js";

/** What a DOM-based extractor returns for an HTML page: the title and the article's blocks as plain text; null when no article is found. */
export type HtmlExtractor = (html: string) => { title?: string; blocks: string[] } | null;

export type { InputFormat } from "./repeats.js";

/** An HTML page whose main content has fewer words than this has no article (a menu, a login form). */
export const MIN_ARTICLE_WORDS = 20;

export function detectFormat(input: string, fileName?: string): InputFormat {
  const ext = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === "html" || ext === "htm") return "html";
  if (ext === "md" || ext === "markdown") return "markdown";
  if (ext === "txt") return "text";
  const head = input.slice(0, 4096);
  if (/^\s*(<!doctype html|<html\b)/i.test(head) || (head.match(/<\/?(p|div|article|body|h[1-6]|span|section)\b[^>]*>/gi)?.length ?? 0) >= 3) return "html";
  if (/^#{1,6}\s|^\s*[-*]\s|\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\)/m.test(head)) return "markdown";
  return "text";
}

export function cleanArticle(input: string, format: InputFormat, extractHtml?: HtmlExtractor): CleanText {
  let blocks: Block[];
  let title: Block | undefined;
  if (format === "html") {
    if (!extractHtml) throw new ParleyError({ code: "no-html-reader", message: "HTML input needs an HTML extractor (the CLI and workbench pass one)" });
    const found = extractHtml(input);
    const usable = found?.blocks.filter((b) => b.trim() !== "") ?? [];
    const words = usable.join(" ").match(/\p{L}+/gu)?.length ?? 0;
    if (!found || usable.length === 0 || words < MIN_ARTICLE_WORDS)
      throw new ParleyError({ code: "no-article", message: "no article text found in the HTML page (nothing that reads like the body of an article)" });
    const visible = visibleText(input);
    blocks = locateBlocks(usable, visible);
    if (found.title?.trim()) title = { text: collapse(found.title), origin: [] };
  } else {
    blocks = format === "markdown" ? markdownBlocks(input) : textBlocks(input);
  }
  const looksLikeTitle = (b: Block) => b.heading || (b.text.length <= 150 && !/[.!?"”]$/.test(b.text));
  if (!title && blocks.length > 1) {
    if (looksLikeTitle(blocks[0])) {
      title = blocks[0];
      blocks = blocks.slice(1);
    } else {
      // A summary printed above the title: a heading-like block among the first three that the article repeats is the title.
      const i = blocks.slice(1, 3).findIndex((b, k) => looksLikeTitle(b) && blocks.slice(k + 2).some((c) => normalise(c.text) === normalise(b.text)));
      if (i >= 0) {
        title = blocks[i + 1];
        blocks = blocks.filter((_, k) => k !== i + 1);
      }
    }
  }
  return dedupe(blocks, title, format);
}

// ---------------------------------------------------------------------------
// plain text and Markdown

/**
 * Paragraphs separated by blank lines, or by single line breaks: a block of
 * lines wrapped at a fixed width (every line but the last at most
 * WRAPPED_LINE_MAX characters) is one paragraph whose line breaks become
 * spaces; in any other block (a line longer than that before the last, as
 * when an article puts one paragraph on each line) every line is a paragraph.
 */
function textBlocks(input: string): Block[] {
  const out: Block[] = [];
  const re = /\r?\n[ \t]*\r?\n\s*/g;
  let at = 0;
  for (;;) {
    const m = re.exec(input);
    const end = m ? m.index : input.length;
    const lines = lineRanges(input, at, end);
    const wrapped = lines.slice(0, -1).every(([s, e]) => input.slice(s, e).trim().length <= WRAPPED_LINE_MAX);
    if (wrapped) pushCollapsed(out, input, at, end);
    else for (const [s, e] of lines) pushCollapsed(out, input, s, e);
    if (!m) break;
    at = m.index + m[0].length;
  }
  return out;
}

/** Lines wrapped at a fixed width are rarely longer than this (72-80 columns is usual). */
export const WRAPPED_LINE_MAX = 100;

/** The non-blank lines of input[start, end), as [start, end) ranges. */
function lineRanges(input: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  for (let i = start; i <= end; i++)
    if (i === end || input[i] === "\n") {
      if (input.slice(s, i).trim() !== "") out.push([s, i]);
      s = i + 1;
    }
  return out;
}

/** Append input[start, end) with runs of white space collapsed to one space. */
function pushCollapsed(out: Block[], input: string, start: number, end: number, heading = false): void {
  const b = collapseRange(input, start, end);
  if (b.text !== "") out.push({ ...b, heading });
}

function collapseRange(input: string, start: number, end: number): Block {
  let text = "";
  const origin: number[] = [];
  let space = false;
  for (let i = start; i < end; i++) {
    const c = input[i];
    if (/\s/.test(c)) {
      if (!space && text !== "") {
        space = true;
        text += " ";
        origin.push(i);
      }
    } else {
      space = false;
      text += c;
      origin.push(i);
    }
  }
  if (text.endsWith(" ")) {
    text = text.slice(0, -1);
    origin.pop();
  }
  return { text, origin };
}

/** Markdown: headings are blocks of their own; markup (emphasis, links, quotes, list markers) is dropped. */
function markdownBlocks(input: string): Block[] {
  const out: Block[] = [];
  let para: Block = { text: "", origin: [] };
  const flush = () => {
    if (para.text.trim() !== "") out.push(trimBlock(para));
    para = { text: "", origin: [] };
  };
  let offset = 0;
  let fence = false;
  for (const rawLine of input.split("\n")) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    const line = rawLine.replace(/\r$/, "");
    if (/^\s*(```|~~~)/.test(line)) {
      fence = !fence;
      flush();
      continue;
    }
    if (fence) continue;
    if (line.trim() === "" || /^\s*([-*_]\s*){3,}$/.test(line)) {
      flush();
      continue;
    }
    const heading = /^\s*#{1,6}\s+/.exec(line);
    const marker = heading ?? /^\s*(>\s*)+|^\s*([-*+]|\d+[.)])\s+/.exec(line);
    const bodyStart = marker ? marker[0].length : 0;
    const inline = stripInline(line.slice(bodyStart).replace(/\s+#+\s*$/, ""), lineStart + bodyStart);
    if (heading) {
      flush();
      if (inline.text.trim() !== "") out.push({ ...trimBlock(inline), heading: true });
      continue;
    }
    if (para.text !== "") {
      para.text += " ";
      para.origin.push(lineStart - 1);
    }
    para.text += inline.text;
    para.origin.push(...inline.origin);
  }
  flush();
  return out.map((b) => ({ ...collapseBlock(b), heading: b.heading }));
}

/** Inline Markdown: `![alt](url)` dropped, `[text](url)` -> text, emphasis and code marks removed. */
function stripInline(line: string, base: number): Block {
  let text = "";
  const origin: number[] = [];
  const re = /!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|\*\*|__|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|\*|`/gu;
  let at = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    for (let i = at; i < m.index; i++) {
      text += line[i];
      origin.push(base + i);
    }
    if (m[1] !== undefined) {
      const inner = m.index + 1;
      for (let i = 0; i < m[1].length; i++) {
        text += m[1][i];
        origin.push(base + inner + i);
      }
    }
    at = m.index + m[0].length;
  }
  for (let i = at; i < line.length; i++) {
    text += line[i];
    origin.push(base + i);
  }
  return { text, origin };
}

function trimBlock(b: Block): Block {
  let s = 0;
  let e = b.text.length;
  while (s < e && /\s/.test(b.text[s])) s++;
  while (e > s && /\s/.test(b.text[e - 1])) e--;
  return { text: b.text.slice(s, e), origin: b.origin.slice(s, e), heading: b.heading };
}

function collapseBlock(b: Block): Block {
  let text = "";
  const origin: number[] = [];
  for (let i = 0; i < b.text.length; i++) {
    const c = b.text[i];
    if (/\s/.test(c)) {
      if (text !== "" && !text.endsWith(" ")) {
        text += " ";
        origin.push(b.origin[i]);
      }
    } else {
      text += c;
      origin.push(b.origin[i]);
    }
  }
  return trimBlock({ text, origin });
}

// ---------------------------------------------------------------------------
// HTML: find the extractor's blocks in the page's visible text

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  eacute: "é",
  egrave: "è",
  uuml: "ü",
  ouml: "ö",
  auml: "ä",
  ccedil: "ç",
};

/** The page's text outside tags, scripts, styles and comments, entities decoded, white space collapsed. */
export function visibleText(html: string): Block {
  let text = "";
  const origin: number[] = [];
  const push = (c: string, at: number) => {
    if (/\s/.test(c)) {
      if (text !== "" && !text.endsWith(" ")) {
        text += " ";
        origin.push(at);
      }
    } else {
      text += c;
      origin.push(at);
    }
  };
  let i = 0;
  while (i < html.length) {
    const c = html[i];
    if (c === "<") {
      if (html.startsWith("<!--", i)) {
        const e = html.indexOf("-->", i + 4);
        i = e < 0 ? html.length : e + 3;
        continue;
      }
      const tag = /^<\s*(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(i, i + 40));
      const close = html.indexOf(">", i);
      if (close < 0) break;
      const name = tag?.[2]?.toLowerCase();
      if (tag && !tag[1] && (name === "script" || name === "style" || name === "noscript" || name === "template")) {
        const end = html.toLowerCase().indexOf(`</${name}`, close);
        i = end < 0 ? html.length : end;
        continue;
      }
      push(" ", i);
      i = close + 1;
      continue;
    }
    if (c === "&") {
      const m = /^&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/.exec(html.slice(i, i + 12));
      if (m) {
        const code = m[1];
        const ch = code.startsWith("#x")
          ? safeChar(parseInt(code.slice(2), 16))
          : code.startsWith("#")
            ? safeChar(parseInt(code.slice(1), 10))
            : ENTITIES[code];
        if (ch !== undefined) {
          for (const part of ch) push(part, i);
          i += m[0].length;
          continue;
        }
      }
    }
    push(c === "\u00a0" ? " " : c, i);
    i++;
  }
  return { text, origin };
}

function safeChar(code: number): string | undefined {
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Each block's characters mapped to the page: exact search from where the last block ended, then anywhere; else its first words. */
function locateBlocks(blocks: string[], visible: Block): Block[] {
  const out: Block[] = [];
  let cursor = 0;
  let last = visible.origin[0] ?? 0;
  for (const raw of blocks) {
    const text = collapse(raw.replace(/\u00a0/g, " "));
    if (text === "") continue;
    let at = visible.text.indexOf(text, cursor);
    if (at < 0) at = visible.text.indexOf(text);
    if (at >= 0) {
      out.push({ text, origin: visible.origin.slice(at, at + text.length) });
      cursor = at + text.length;
      last = visible.origin[at + text.length - 1] ?? last;
      continue;
    }
    // Not found verbatim (markup the extractor rewrote): anchor on its first words.
    const head = text.slice(0, 40);
    const h = visible.text.indexOf(head, cursor);
    const base = h >= 0 ? visible.origin[h] : last;
    out.push({ text, origin: Array.from({ length: text.length }, (_, k) => (h >= 0 && k < head.length ? visible.origin[h + k] : base)) });
  }
  return out;
}

/** The original span of clean-text range [start, end). */
export function originalSpan(clean: CleanText, start: number, end: number): Span {
  if (clean.origin.length === 0) return { start: 0, end: 0 };
  const s = clean.origin[Math.min(start, clean.origin.length - 1)];
  const e = clean.origin[Math.max(start, Math.min(end, clean.origin.length) - 1)] + 1;
  return { start: s, end: Math.max(s, e) };
}
