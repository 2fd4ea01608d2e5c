/**
 * What a command prints, as a document: a list of blocks with inline spans,
 * made once by the output kind (src/present/<kind>-output.ts) and rendered
 * here as terminal text, Markdown or a self-contained HTML page. Escaping
 * happens here only: scenario-supplied text is a `user` span, escaped for
 * Markdown and HTML; Parley's own words are plain strings.
 */
import { displayWidth, renderText, type RowTable, type Table, textLines } from "./table.js";
import { hang, wrap } from "./text.js";

/** Inline text: Parley's words (a string), emphasis, code, or text from the scenario (escaped). */
export type Span = string | { strong: Inline } | { em: Inline } | { code: string } | { user: string };
export type Inline = Span | Span[];

/**
 * Common to every block: `joined` keeps it on the line after the previous
 * block (no blank line between), in every format, in "text" only (in Markdown
 * a line after a table would read as a row) or in the formats listed; `apart`
 * puts a blank line before a list item that follows another; `skipInText`:
 * left out of terminal text (a heading the text does without), the next block
 * taking its place; `only`: the formats it appears in (all when absent), for
 * the few places where text and Markdown are laid out differently.
 */
export interface Flow {
  joined?: boolean | "text" | readonly DocumentFormat[];
  skipInText?: boolean;
  apart?: boolean;
  only?: readonly DocumentFormat[];
}

export type Block = Flow &
  (
    | /** `asText`: how the heading reads in terminal text, where it is a sentence rather than a title; `underline`: ruled below in text. */
    { kind: "heading"; level: number; text: Inline; asText?: Inline; underline?: boolean }
    /**
     * `level`: indentation (two columns each in text, a class in HTML); `indent`/`mdIndent`: columns before the
     * text, when not that; `wrap`: wrapped at 80 columns in text; `asText`: the words in terminal text, when they differ.
     */
    | { kind: "paragraph"; text: Inline; level?: number; indent?: number; mdIndent?: number; wrap?: boolean; asText?: Inline }
    /**
     * A list item at a nesting level (1 = top); `indent`/`mdIndent`: columns before the marker, when not 2 per level;
     * `asText`: the words in text; the rest of its look in `ItemLook`.
     */
    | ({ kind: "item"; level: number; text: Inline; indent?: number; mdIndent?: number; asText?: Inline } & ItemLook)
    /** A numbered step of a list. */
    | { kind: "step"; level: number; n: number; text: Inline; indent?: number; mdIndent?: number; hang?: boolean }
    /**
     * Rows given as an array are laid out with the rest; rows produced lazily (a table as large as the model)
     * are written a line at a time by `renderChunks`. `indent`: columns before each line in text; `textHeader`:
     * the header in text, when it differs (narrower columns, explained above the table).
     */
    | { kind: "table"; table: Table | RowTable; indent?: number; textHeader?: string[] }
    /** Text laid out already (columns, code): kept as is. */
    | { kind: "pre"; text: string }
    | { kind: "rule" }
    /** A figure (SVG made by Parley, never scenario text): shown in HTML only. */
    | { kind: "figure"; svg: string }
  );

/**
 * `lines` (the commands): one line per paragraph, headings as plain lines in
 * text, a blank line between blocks. `prose` (the report): paragraphs wrapped
 * at 80 columns, headings drawn with rules, blank lines before headings only.
 */
export interface Document {
  /** The HTML page's title. */
  title: string;
  layout?: "lines" | "prose";
  blocks: Block[];
}

export type DocumentFormat = "text" | "md" | "html";

/**
 * How a list item looks in the `lines` layout, besides its text. `rule` on a
 * heading underlines it in text (a rule of its width).
 */
export interface ItemLook {
  /** The marker in text in place of "• " ("" for none, an indented line). */
  marker?: string;
  /** A short label before the text (a figure, a keyword): bold in Markdown and HTML; in text it replaces the bullet, right-aligned in `labelWidth` columns and followed by two spaces. */
  label?: string;
  labelWidth?: number;
  /** In text, wrapped at 80 columns with the lines after the first under the text. */
  hang?: boolean;
}

const WIDTH = 80;

type Mode = "text" | "md" | "html";

// An underscore inside a word (L_3, peace_deal) never starts emphasis in CommonMark, so it stays as written.
const mdEsc = (x: string) => x.replace(/([\\`*{}[\]<>#|])|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (m) => `\\${m}`);
/** HTML escaping of scenario text; control characters are dropped. */
const htmlEsc = (x: string) =>
  x
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
/** Parley's own words in HTML text content: only what would read as markup. */
const htmlText = (x: string) => x.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function inline(s: Inline, mode: Mode): string {
  if (Array.isArray(s)) return s.map((x) => inline(x, mode)).join("");
  if (typeof s === "string") return mode === "html" ? htmlText(s) : s;
  if ("user" in s) return mode === "md" ? mdEsc(s.user) : mode === "html" ? htmlEsc(s.user) : s.user;
  if ("code" in s) return mode === "html" ? `<code>${htmlEsc(s.code)}</code>` : `\`${s.code}\``;
  if ("strong" in s) {
    const x = inline(s.strong, mode);
    return mode === "md" ? `**${x}**` : mode === "html" ? `<strong>${x}</strong>` : x;
  }
  const x = inline(s.em, mode);
  return mode === "md" ? `*${x}*` : mode === "html" ? `<em>${x}</em>` : x;
}

/**
 * The lines of a Markdown table, each ending in a newline. Every cell is
 * escaped as a `user` span: cells hold scenario text (names, labels) beside
 * Parley's figures, and a figure has nothing to escape.
 */
function* markdownLines(t: RowTable): Generator<string> {
  const line = (cells: string[]) => `| ${cells.map((c) => mdEsc(c).replace(/\r?\n/g, " ")).join(" | ")} |\n`;
  yield line(t.header);
  yield `|${t.header.map((_, c) => (t.right?.[c] ? " ---: " : " --- ")).join("|")}|\n`;
  for (const r of t.rows) yield line(r);
}

const renderMarkdown = (t: RowTable) => [...markdownLines(t)].join("").slice(0, -1);

/** The document as `format` shows it: blocks meant `only` for other formats left out. */
function inFormat(doc: Document, format: DocumentFormat): Document {
  return doc.blocks.some((b) => b.only) ? { ...doc, blocks: doc.blocks.filter((b) => !b.only || b.only.includes(format)) } : doc;
}

export function render(doc: Document, format: DocumentFormat): string {
  doc = inFormat(doc, format);
  if (format === "html") return renderHtml(doc);
  return doc.layout === "prose" ? (format === "md" ? proseMarkdown(doc) : proseText(doc)) : [...lines(doc, format)].join("");
}

/**
 * The same text as `render`, in chunks: the `lines` layout (text and
 * Markdown) and HTML write a table whose rows are produced lazily a line or a
 * row at a time, so that a table of millions of states is never held whole
 * as text.
 */
export function* renderChunks(doc: Document, format: DocumentFormat): Generator<string> {
  if (format === "html") yield* htmlChunks(inFormat(doc, format));
  else if (doc.layout === "prose") yield render(doc, format);
  else yield* lines(inFormat(doc, format), format);
}

const listy = (b: Block | undefined) => b?.kind === "item" || b?.kind === "step";
const spaces = (n: number) => " ".repeat(Math.max(0, n));
const textTable = (b: Block & { kind: "table" }): RowTable => (b.textHeader ? { ...b.table, header: b.textHeader } : b.table);
const indented = (text: string, n = 0) => (n > 0 ? text.replace(/^/gm, spaces(n)) : text);

/** The `lines` layout in text or Markdown, in chunks (the text between lazy tables, then each of their lines). */
function* lines(doc: Document, mode: "text" | "md"): Generator<string> {
  let buf = "";
  let prev: Block | undefined;
  // A block left out of text leaves the separation it would have had to the next.
  let gap = false;
  for (const b of doc.blocks) {
    if (b.kind === "figure") continue;
    if (mode === "text" && b.skipInText) {
      gap ||= Boolean(prev && !b.joined);
      continue;
    }
    const joined = b.joined === "text" ? mode === "text" : Array.isArray(b.joined) ? b.joined.includes(mode) : b.joined === true;
    // In Markdown a line right after a paragraph or a list item continues it: a joined paragraph still needs its blank line.
    const continues = mode === "md" && b.kind === "paragraph" && (prev?.kind === "paragraph" || listy(prev));
    if (prev && (gap || continues || (!joined && (b.apart || !(listy(b) && listy(prev)))))) buf += "\n";
    gap = false;
    prev = b;
    if (b.kind === "table" && !Array.isArray(b.table.rows)) {
      if (buf) yield buf;
      buf = "";
      const pad = mode === "text" ? spaces(b.indent ?? 0) : "";
      for (const line of mode === "md" ? markdownLines(b.table) : textLines(textTable(b))) yield pad + line;
      continue;
    }
    if (b.kind === "heading") {
      const text = mode === "md" ? `${"#".repeat(b.level)} ${inline(b.text, mode)}` : inline(b.asText ?? b.text, mode);
      buf += b.underline && mode === "text" ? `${text}\n${"─".repeat(displayWidth(text))}` : text;
    } else if (b.kind === "paragraph") {
      const pad = spaces(mode === "md" ? (b.mdIndent ?? 0) : (b.indent ?? 2 * (b.level ?? 0)));
      const text = inline(mode === "text" ? (b.asText ?? b.text) : b.text, mode);
      buf += b.wrap && mode === "text" ? wrap(text, WIDTH, pad) : pad + text;
    } else if (b.kind === "item" || b.kind === "step") {
      const indent = (mode === "md" ? b.mdIndent : b.indent) ?? 2 * (b.level - 1);
      let marker = b.kind === "step" ? `${b.n}. ` : mode === "md" ? "- " : (b.marker ?? "• ");
      let text = inline(b.kind === "item" && mode === "text" ? (b.asText ?? b.text) : b.text, mode);
      if (b.kind === "item" && b.label !== undefined) {
        if (mode === "md") text = `${inline(strong(b.label), mode)} ${text}`;
        else marker = `${spaces((b.labelWidth ?? 0) - displayWidth(b.label))}${b.label}  `;
      }
      buf += b.hang && mode === "text" ? hang(spaces(indent) + marker, text) : spaces(indent) + marker + text;
    } else if (b.kind === "table") buf += mode === "md" ? renderMarkdown(b.table) : indented(renderText(textTable(b)), b.indent);
    else if (b.kind === "pre") buf += b.text;
    else buf += mode === "md" ? "---" : "";
    buf += "\n";
  }
  // An empty document is one empty line, as it always was.
  if (buf || !prev) yield buf || "\n";
}

/** The `prose` layout as terminal text: wrapped paragraphs, hanging list items, ruled headings. */
function proseText(doc: Document): string {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.skipInText) continue;
    if (b.kind === "heading") {
      const t = inline(b.text, "text");
      out.push(
        b.level === 1
          ? `${"═".repeat(WIDTH)}\n${t.toUpperCase()}\n${"═".repeat(WIDTH)}`
          : b.level === 2
            ? `\n${t}\n${"─".repeat(Math.min(WIDTH, displayWidth(t)))}`
            : `\n${t}`,
      );
    } else if (b.kind === "paragraph") out.push(wrap(inline(b.asText ?? b.text, "text"), WIDTH, "  ".repeat(b.level ?? 0)));
    else if (b.kind === "item") out.push(hang(`${"  ".repeat(Math.max(0, b.level - 1))}${b.marker ?? "• "}`, inline(b.asText ?? b.text, "text")));
    else if (b.kind === "step") out.push(hang(`${"  ".repeat(Math.max(0, b.level - 1))}${b.n}. `, inline(b.text, "text")));
    else if (b.kind === "table") out.push(indented(renderText(textTable(b)), b.indent));
    else if (b.kind === "pre") out.push(b.text);
    else if (b.kind === "rule") out.push("");
  }
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim() + "\n"
  );
}

/** The `prose` layout as Markdown: a blank line between blocks, none inside a list. */
function proseMarkdown(doc: Document): string {
  const out: string[] = [];
  let prev: Block | undefined;
  for (const b of doc.blocks) {
    if (b.kind === "figure") continue;
    if (!(listy(b) && listy(prev))) out.push("");
    const indent = "  ".repeat(b.kind === "item" || b.kind === "step" ? Math.max(0, b.level - 1) : 0);
    if (b.kind === "heading") out.push(`${"#".repeat(b.level)} ${inline(b.text, "md")}`);
    else if (b.kind === "paragraph") out.push(inline(b.text, "md"));
    else if (b.kind === "item") out.push(`${indent}- ${inline(b.text, "md")}`);
    else if (b.kind === "step") out.push(`${indent}${b.n}. ${inline(b.text, "md")}`);
    else if (b.kind === "table") out.push(renderMarkdown(b.table));
    else if (b.kind === "pre") out.push("```\n" + b.text + "\n```");
    else out.push("---");
    prev = b;
  }
  return out.join("\n").trim() + "\n";
}

/** An HTML table in chunks, a row at a time (the rows of a table of every state are produced as they are written). */
function* htmlTable(t: RowTable): Generator<string> {
  const cell = (tag: string, s: string, c: number) => `<${tag}${t.right?.[c] ? ' class="r"' : ""}>${htmlEsc(s)}</${tag}>`;
  yield `<table>\n<thead><tr>${t.header.map((h, c) => cell("th", h, c)).join("")}</tr></thead>\n<tbody>\n`;
  let first = true;
  for (const r of t.rows) {
    yield `${first ? "" : "\n"}<tr>${r.map((s, c) => cell("td", s, c)).join("")}</tr>`;
    first = false;
  }
  yield "\n</tbody>\n</table>";
}

const STYLE = `body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1d232b; }
h1 { font-size: 1.6rem; border-bottom: 3px solid #1d4e89; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; color: #1d4e89; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
ul { padding-left: 1.2rem; margin: .3rem 0; }
li { margin: .2rem 0; }
li.l2 { margin-left: 1.4rem; list-style: circle; }
li.l3 { margin-left: 2.8rem; }
li.step { list-style: none; }
.n { color: #1d4e89; font-weight: 600; }
p.l1 { margin-left: 1.2rem; } p.l2 { margin-left: 2.6rem; color: #3b4450; }
hr { margin-top: 2rem; border: 0; border-top: 1px solid #ccd; }
figure.chart { margin: .6rem 0 1rem 1.2rem; } figure.chart svg { max-width: 100%; height: auto; }`;
/** Only pages with tables or preformatted text carry their styles. */
const TABLE_STYLE = `table { border-collapse: collapse; margin: .6rem 0; font-size: .9rem; }
th, td { border-bottom: 1px solid #ccd; padding: .2rem .6rem; text-align: left; vertical-align: top; }
th.r, td.r { text-align: right; }`;
const PRE_STYLE = "pre { background: #f4f6f8; padding: .6rem; overflow-x: auto; }";

/** A self-contained page: no scripts, no external resources. */
function renderHtml(doc: Document): string {
  return [...htmlChunks(doc)].join("");
}

/** The page in chunks: its tables a row at a time, everything else a block at a time. */
function* htmlChunks(doc: Document): Generator<string> {
  const style = [STYLE];
  if (doc.blocks.some((b) => b.kind === "table")) style.push(TABLE_STYLE);
  if (doc.blocks.some((b) => b.kind === "pre")) style.push(PRE_STYLE);
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlEsc(doc.title)}</title>
<style>
${style.join("\n")}
</style>
</head>
<body>
`;
  // Every page opens with a title: the document's own level-1 heading, or its title.
  let first = true;
  const next = () => {
    const sep = first ? "" : "\n";
    first = false;
    return sep;
  };
  if (!doc.blocks.some((b) => b.kind === "heading" && b.level === 1)) yield `${next()}<h1>${htmlEsc(doc.title)}</h1>`;
  let list: string[] | undefined;
  const flush = () => {
    const out = list ? `${next()}<ul>\n${list.join("\n")}\n</ul>` : "";
    list = undefined;
    return out;
  };
  for (const b of doc.blocks) {
    if (b.kind === "item" || b.kind === "step") {
      const text = (b.kind === "item" && b.label !== undefined ? `${inline(strong(b.label), "html")} ` : "") + inline(b.text, "html");
      // Top-level items and paragraphs need no class: only deeper levels are styled.
      const cls = [b.level > 1 ? `l${b.level}` : "", b.kind === "step" ? "step" : ""].filter(Boolean).join(" ");
      const attr = cls ? ` class="${cls}"` : "";
      (list ??= []).push(b.kind === "item" ? `<li${attr}>${text}</li>` : `<li${attr}><span class="n">${b.n}.</span> ${text}</li>`);
      continue;
    }
    const pending = flush();
    if (pending) yield pending;
    if (b.kind === "heading") yield `${next()}<h${b.level}>${inline(b.text, "html")}</h${b.level}>`;
    else if (b.kind === "paragraph") yield `${next()}<p${b.level ? ` class="l${b.level}"` : ""}>${inline(b.text, "html")}</p>`;
    else if (b.kind === "table") {
      yield next();
      yield* htmlTable(b.table);
    } else if (b.kind === "pre") yield `${next()}<pre>${htmlEsc(b.text)}</pre>`;
    // Inline SVG in HTML needs no namespace; without it the page names no external address at all.
    else if (b.kind === "figure") yield `${next()}<figure class="chart">${b.svg.replace(' xmlns="http://www.w3.org/2000/svg"', "")}</figure>`;
    else yield `${next()}<hr>`;
  }
  const pending = flush();
  if (pending) yield pending;
  yield `
</body>
</html>
`;
}

/** Inline text from a template: `t\`${strong(x)} said ${user(y)}\``; interpolated strings and numbers are Parley's words. */
export function t(strings: TemplateStringsArray, ...values: (Inline | number)[]): Span[] {
  const out: Span[] = [];
  strings.forEach((s, i) => {
    if (s) out.push(s);
    if (i < values.length) {
      const v = values[i];
      if (typeof v === "number") out.push(String(v));
      else if (Array.isArray(v)) out.push(...v);
      else if (v !== "") out.push(v);
    }
  });
  return out;
}

/** Text from the scenario (escaped in Markdown and HTML). */
export const user = (text: string): Span => ({ user: text });
export const strong = (text: Inline): Span => ({ strong: text });
export const em = (text: Inline): Span => ({ em: text });
export const code = (text: string): Span => ({ code: text });
