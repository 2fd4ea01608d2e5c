/**
 * Reading scenario text (YAML, or JSON, which YAML 1.2 contains) into plain data
 * while keeping a map back to line and column, so every later check can say
 * where in the file the problem is.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Issue } from "./errors.js";
import { DEFAULT_LIMITS, overLimit, type InputLimits } from "./limits.js";

export interface SourceText {
  data: unknown;
  /** Line and column (1-based) of the element at `path`; of the key itself when `key` is set. */
  locate(path: readonly (string | number)[], key?: string): { line: number; column: number } | undefined;
  /** Offset (0-based) where a string scalar's content begins, and whether it is quoted (for pointing inside it). */
  scalarStart(path: readonly (string | number)[]): { offset: number; quoted: boolean } | undefined;
  position(offset: number): { line: number; column: number };
}

export function readSource(text: string, limits: InputLimits = DEFAULT_LIMITS): { source?: SourceText; issues: Issue[] } {
  if (text.length > limits.fileSize)
    return {
      issues: [
        { code: "file-too-large", message: `the file has ${text.length.toLocaleString("en-US")} characters, ${overLimit("fileSize", limits.fileSize, text.length)}` },
      ],
    };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const position = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
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

function syntaxMessage(code: string, message: string, text: string, offset: number): string {
  if (code === "DUPLICATE_KEY") {
    const key = /^["']?([^"':\n]*)/.exec(text.slice(offset))?.[1]?.trim();
    return key ? `duplicate key '${key}': each key may appear only once in a mapping` : "duplicate key in a mapping";
  }
  return `YAML syntax error: ${message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`;
}
