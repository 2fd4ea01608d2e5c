/**
 * Reading scenario text (YAML, or JSON, which YAML 1.2 contains) into plain data
 * while keeping a map back to line and column, so every later check can say
 * where in the file the problem is.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Issue } from "./errors.js";
import { DEFAULT_LIMITS, overLimit, type InputLimits } from "./limits.js";
import { count } from "./count.js";

export interface SourceText {
  data: unknown;
  /** Line and column (1-based) of the element at `path`; of the key itself when `key` is set. */
  locate(path: readonly (string | number)[], key?: string): { line: number; column: number } | undefined;
  /** Offset (0-based) where a string scalar's content begins, and whether it is quoted (for pointing inside it). */
  scalarStart(path: readonly (string | number)[]): { offset: number; quoted: boolean } | undefined;
  position(offset: number): { line: number; column: number };
}

/** An empty file (or one of only whitespace): said the same way from a file, standard input or the workbench. */
export const EMPTY_MESSAGE = "the file is empty: a scenario starts with `format: parley/1`";

export function readSource(text: string, limits: InputLimits = DEFAULT_LIMITS): { source?: SourceText; issues: Issue[] } {
  const notText = textProblem(text);
  if (notText) return { issues: [notText] };
  if (text.replace(/^\uFEFF/, "").trim() === "") return { issues: [{ code: "empty", message: EMPTY_MESSAGE }] };
  if (text.length > limits.fileSize)
    return {
      issues: [
        {
          code: "file-too-large",
          message: `the file has ${count(text.length)} characters, ${overLimit("fileSize", limits.fileSize, text.length)}`,
        },
      ],
    };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const position = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  // An unquoted `!x` is a YAML tag, not a negation: say so where it is, before what it breaks.
  const tags = doc.warnings.filter((w) => w.code === "TAG_RESOLVE_FAILED");
  if (tags.length > 0) {
    const tagLines = new Set(tags.map((w) => position(w.pos[0]).line));
    return {
      issues: [
        ...tags.map((w): Issue => ({ code: "yaml-tag", message: tagMessage(text, w.pos[0], w.pos[1]), ...position(w.pos[0]) })),
        ...doc.errors
          .filter((e) => !tagLines.has(position(e.pos[0]).line))
          .map((e): Issue => ({ code: "syntax", message: syntaxMessage(e.code, e.message, text, e.pos[0]), ...position(e.pos[0]) })),
      ],
    };
  }
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => ({
        code: e.code === "DUPLICATE_KEY" ? "duplicate-key" : /call stack/i.test(e.message) ? "too-deep" : "syntax",
        message: /call stack/i.test(e.message)
          ? `lists and mappings are nested too deeply to read (a scenario needs only a few levels; at most ${limits.depth})`
          : syntaxMessage(e.code, e.message, text, e.pos[0]),
        ...position(e.pos[0]),
      })),
    };
  }
  const deep = tooDeep(doc.contents, limits.depth);
  if (deep)
    return {
      issues: [
        {
          code: "too-deep",
          message: `lists and mappings nested more than ${limits.depth} levels deep; ${overLimit("depth", limits.depth, limits.depth * 2)}`,
          ...(deep.range ? position(deep.range[0]) : {}),
        },
      ],
    };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.aliases });
  } catch (err) {
    return {
      issues: [
        {
          code: "alias-limit",
          message: `the file's YAML aliases expand too much (${(err as Error).message.replace(/\.$/, "")}): ${overLimit("aliases", limits.aliases, limits.aliases * 10)}`,
        },
      ],
    };
  }
  const nodeAt = (path: readonly (string | number)[]) => findNode(doc, path);
  return {
    issues: [],
    source: {
      data,
      position,
      locate(path, key) {
        const node = nodeAt(path);
        if (key !== undefined && isMap(node)) {
          for (const pair of node.items) {
            const k = pair.key as Node | null;
            if (k && isScalar(k) && String(k.value) === key && k.range) return position(k.range[0]);
          }
        }
        if (node?.range) return position(node.range[0]);
        // Fall back to the closest ancestor that exists (e.g. for a missing field).
        for (let n = path.length - 1; n >= 0; n--) {
          const anc = nodeAt(path.slice(0, n));
          if (anc?.range) return position(anc.range[0]);
        }
        return undefined;
      },
      scalarStart(path) {
        const node = nodeAt(path);
        if (!node || !isScalar(node) || !node.range) return undefined;
        const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
        const plain = node.type === "PLAIN" || node.type === undefined;
        if (!quoted && !plain) return undefined; // block scalars: offsets inside are not worth guessing
        return { offset: node.range[0] + (quoted ? 1 : 0), quoted };
      },
    },
  };
}

/** The first list or mapping nested deeper than `max` (walked without recursion; aliases are not followed). */
function tooDeep(root: unknown, max: number): Node | undefined {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      if (depth >= max) return node;
      for (const item of node.items as unknown[]) {
        if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
        else stack.push([item, depth + 1]);
      }
    }
  }
  return undefined;
}

function findNode(doc: Document, path: readonly (string | number)[]): Node | undefined {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key))?.value;
    else if (isSeq(node) && typeof key === "number") node = node.items[key];
    else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

/**
 * Text that is not UTF-8 YAML or JSON at all, read as UTF-8: UTF-16 (its byte
 * order mark, or a NUL beside every ASCII character) or a binary file (NULs).
 */
export function textProblem(text: string): Issue | undefined {
  const sample = text.slice(0, 4096);
  let nuls = 0;
  let even = 0;
  for (let i = 0; i < sample.length; i++)
    if (sample.charCodeAt(i) === 0) {
      nuls++;
      if (i % 2 === 0) even++;
    }
  // FF FE / FE FF are not UTF-8: each byte of the byte order mark reads as U+FFFD.
  const bom = sample.startsWith("\uFFFD\uFFFD");
  // Empty text has no NULs: it is empty, not UTF-16 (readSource says so).
  const alternating = nuls > 0 && nuls >= sample.length / 4 && Math.max(even, nuls - even) >= nuls * 0.9;
  if ((bom && (nuls > 0 || sample.length === 2)) || alternating)
    return { code: "utf-16", message: "the file is UTF-16 encoded; save it as UTF-8 (Parley reads UTF-8 text)" };
  if (nuls > 0) return { code: "not-text", message: "the file is not a text file (it holds NUL bytes): Parley reads YAML or JSON text in UTF-8" };
  return undefined;
}

/** `!x` read as a YAML tag: what happened and the quoted value to write instead. */
function tagMessage(text: string, start: number, end: number): string {
  const tag = text.slice(start, end);
  // The value as the user meant it: to the end of the line, or of the flow entry; without a comment.
  const value = text
    .slice(start)
    .split("\n")[0]
    .replace(/\s+#.*$/, "")
    .replace(/\s*[,\]}].*$/, "")
    .trim();
  const quoted = `'${value.replace(/'/g, "''")}'`;
  // `!!type` and `!<uri>` are deliberate tags (none means anything in a scenario); `!x` is a negation gone wrong.
  if (/^!(!|<)/.test(tag)) return `'${tag}' is a YAML tag, which Parley does not read: remove it (or, if the value is text, quote it: ${quoted})`;
  return `'${tag}' is read as a YAML tag, not as 'not ${tag.slice(1)}': a value that starts with '!' must be quoted; write ${quoted}`;
}

function syntaxMessage(code: string, message: string, text: string, offset: number): string {
  if (code === "DUPLICATE_KEY") {
    const key = /^["']?([^"':\n]*)/.exec(text.slice(offset))?.[1]?.trim();
    return key ? `duplicate key '${key}': each key may appear only once in a mapping` : "duplicate key in a mapping";
  }
  return `YAML syntax error: ${message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`;
}

// In a module without the YAML parser: reading a file does not load it.
export { decodeUtf8 } from "./utf8.js";
