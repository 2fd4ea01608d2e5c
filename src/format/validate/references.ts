/**
 * What sections write to name states: statements and conditions over option ids,
 * Y/N/- patterns (strings or option id -> Y/N maps), lists of option ids, and sets
 * of states (a condition or a pattern). Unknown ids and syntax errors are reported
 * at the place in the text, with a suggestion.
 */
import { patternToCube, toCubes, TooComplexError, type Cube } from "../cubes.js";
import type { IssueCode } from "../errors.js";
import { ExprSyntaxError, exprVars, parseExpr, type Expr } from "../expr.js";
import { overLimit } from "../limits.js";
import type { StateSetSpec } from "../scenario.js";
import type { StateSetEntry } from "../schema.js";
import { clip, suggest, type Context, type Path } from "./context.js";
import { count } from "../count.js";

/** An expression as cubes over the options' bits. */
export function compile(ctx: Context, expr: Expr): Cube[] {
  return toCubes(expr, (id) => ctx.optionIndex.get(id)!);
}

/** Parse a statement at `path`; unknown ids and syntax errors are reported inside the text. */
export function statement(ctx: Context, text: string, path: Path): { expr: Expr; cubes: Cube[] } | undefined {
  const { report, source, limits } = ctx;
  const pointAt = (offset: number) => {
    const start = source?.scalarStart(path);
    return start ? source!.position(start.offset + offset) : source?.locate(path);
  };
  if (text.length > limits.statementLength) {
    report(
      "statement-too-long",
      `the statement '${clip(text)}' has ${count(text.length)} characters, ${overLimit("statementLength", limits.statementLength, text.length)}`,
      path,
    );
    return undefined;
  }
  let expr: Expr;
  try {
    expr = parseExpr(text);
  } catch (e) {
    if (!(e instanceof ExprSyntaxError)) throw e;
    const issue = report("statement-syntax", `cannot read '${clip(text)}': ${e.message} (character ${e.offset + 1})`, path);
    Object.assign(issue, pointAt(e.offset));
    return undefined;
  }
  let ok = true;
  const reported = new Set<string>();
  for (const v of exprVars(expr)) {
    if (!ctx.optionIndex.has(v.id)) {
      ok = false;
      if (reported.has(v.id)) continue; // once per statement is enough
      reported.add(v.id);
      const issue = report("unknown-option", `unknown option '${clip(v.id)}' in '${clip(text)}'${suggest(v.id, ctx.ids)}`, path);
      Object.assign(issue, pointAt(v.at));
    }
  }
  if (!ok) return undefined;
  try {
    return { expr, cubes: compile(ctx, expr) };
  } catch (e) {
    if (!(e instanceof TooComplexError)) throw e;
    report("statement-too-complex", `'${clip(text)}': ${e.message}`, path);
    return undefined;
  }
}

/** A Y/N pattern string, one letter per option ('-' for "either" when `allowDash`). */
export function pattern(ctx: Context, text: string, path: Path, allowDash: boolean): Cube | undefined {
  const n = ctx.options.length;
  const allowed = allowDash ? /^[YNyn-]*$/ : /^[YNyn]*$/;
  if (text.length !== n || !allowed.test(text)) {
    ctx.report(
      "bad-pattern",
      `pattern '${text}' must have one ${allowDash ? "Y, N or -" : "Y or N"} per option (${n} in all, in declaration order: ${ctx.ids.join(", ")})`,
      path,
    );
    return undefined;
  }
  return patternToCube(text.toUpperCase());
}

/** An option id -> Y/N map; options left out are "either". */
export function patternMap(ctx: Context, map: Record<string, string | boolean>, path: Path): Cube | undefined {
  let care = 0;
  let value = 0;
  let ok = true;
  for (const [id, v] of Object.entries(map)) {
    const k = ctx.optionIndex.get(id);
    if (k === undefined) {
      ctx.report("unknown-option", `unknown option '${id}'${suggest(id, ctx.ids)}`, path, id);
      ok = false;
      continue;
    }
    care |= 1 << k;
    if (v === true || v === "Y" || v === "y") value |= 1 << k;
  }
  return ok ? { care, value } : undefined;
}

/** A list of option ids, each known and listed once, as bits. */
export function optionList(ctx: Context, list: string[], path: Path): number[] | undefined {
  const out: number[] = [];
  let ok = true;
  list.forEach((id, k) => {
    const bit = ctx.optionIndex.get(id);
    if (bit === undefined) {
      ctx.report("unknown-option", `unknown option '${id}'${suggest(id, ctx.ids)}`, [...path, k]);
      ok = false;
    } else if (out.includes(bit)) {
      ctx.report("duplicate-option", `option '${id}' is listed twice`, [...path, k]);
      ok = false;
    } else out.push(bit);
  });
  return ok ? out : undefined;
}

/** The words used when a state-set mapping has neither or both of condition and pattern. */
export interface StateSetMessages {
  code: IssueCode;
  missing: string;
  both: string;
}

/**
 * A set of states: a condition, or a Y/N/- pattern. A bare string is a condition,
 * except that a string of only Y, N and '-' with one letter per option (and not an
 * option id) is a pattern, as in `misperceives`.
 */
export function stateSet(
  ctx: Context,
  entry: StateSetEntry,
  path: Path,
  messages: StateSetMessages = {
    code: "bad-state-set",
    missing: `'${String(path[path.length - 1])}' needs a condition or a pattern`,
    both: `'${String(path[path.length - 1])}' takes a condition or a pattern, not both; join them with '&' in one condition`,
  },
): StateSetSpec | undefined {
  if (typeof entry === "string") {
    if (/^[YN-]+$/.test(entry) && entry.length === ctx.options.length && !ctx.optionIndex.has(entry)) {
      const cube = pattern(ctx, entry, path, true);
      return cube ? { kind: "pattern", text: entry, cubes: [cube] } : undefined;
    }
    const st = statement(ctx, entry, path);
    return st ? { kind: "condition", text: entry, cubes: st.cubes } : undefined;
  }
  if ((entry.condition === undefined) === (entry.pattern === undefined)) {
    ctx.report(messages.code, entry.condition === undefined ? messages.missing : messages.both, path);
    return undefined;
  }
  if (entry.condition !== undefined) {
    const st = statement(ctx, entry.condition, [...path, "condition"]);
    return st ? { kind: "condition", text: entry.condition, cubes: st.cubes } : undefined;
  }
  const p = entry.pattern!;
  const cube = typeof p === "string" ? pattern(ctx, p, [...path, "pattern"], true) : patternMap(ctx, p, [...path, "pattern"]);
  const text = patternText(p);
  return cube ? { kind: "pattern", text, cubes: [cube] } : undefined;
}

/** A pattern as the user reads it: the string as written, or a mapping as a condition ("x & !y"). */
export function patternText(p: string | Record<string, string | boolean>): string {
  return typeof p === "string"
    ? p
    : Object.entries(p)
        .map(([id, v]) => (v === true || v === "Y" || v === "y" ? id : `!${id}`))
        .join(" & ");
}
