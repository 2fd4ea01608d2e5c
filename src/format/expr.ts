/**
 * The small logic language of statements and conditions over option ids:
 *   `a & !b`, `(a | b) & c`, `not a and b`, `if a then b`.
 * `!`/`not` binds tightest, then `&`/`and`, then `|`/`or`; `if X then Y` may
 * only stand at the top and holds when X is false or Y is true (implication).
 * Parsing gives an AST with character offsets so errors can point inside the text.
 */

export type Expr =
  | { kind: "var"; id: string; at: number }
  | { kind: "const"; value: boolean; at: number }
  | { kind: "not"; arg: Expr; at: number }
  | { kind: "and"; args: Expr[]; at: number }
  | { kind: "or"; args: Expr[]; at: number }
  | { kind: "implies"; cond: Expr; then: Expr; at: number };

export class ExprSyntaxError extends Error {
  constructor(
    message: string,
    /** 0-based character offset inside the statement text. */
    readonly offset: number,
  ) {
    super(message);
    this.name = "ExprSyntaxError";
  }
}

type Token = { t: "id"; v: string; at: number } | { t: "not" | "and" | "or" | "lp" | "rp" | "if" | "then" | "end"; at: number };

const KEYWORDS: Record<string, Token["t"]> = { not: "not", and: "and", or: "or", if: "if", then: "then" };
const ID_START = /[A-Za-z_]/;
const ID_PART = /[A-Za-z0-9_]/;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
    } else if (c === "!" || c === "~") {
      out.push({ t: "not", at: i++ });
    } else if (c === "&") {
      out.push({ t: "and", at: i });
      i += text[i + 1] === "&" ? 2 : 1;
    } else if (c === "|") {
      out.push({ t: "or", at: i });
      i += text[i + 1] === "|" ? 2 : 1;
    } else if (c === "(") {
      out.push({ t: "lp", at: i++ });
    } else if (c === ")") {
      out.push({ t: "rp", at: i++ });
    } else if (ID_START.test(c)) {
      const start = i;
      while (i < text.length && ID_PART.test(text[i])) i++;
      const word = text.slice(start, i);
      const kw = KEYWORDS[word.toLowerCase()];
      if (kw) out.push({ t: kw, at: start } as Token);
      else out.push({ t: "id", v: word, at: start });
    } else {
      throw new ExprSyntaxError(`unexpected character '${c}'`, i);
    }
  }
  out.push({ t: "end", at: text.length });
  return out;
}

const DESCRIBE: Record<Token["t"], string> = {
  id: "an option id",
  not: "'!'",
  and: "'&'",
  or: "'|'",
  lp: "'('",
  rp: "')'",
  if: "'if'",
  then: "'then'",
  end: "the end of the statement",
};

/**
 * Deepest nesting of parentheses and negations a statement may have. Real
 * statements nest a few levels; the limit keeps the recursive parser (and
 * the recursive passes over its tree) far from the call-stack limit.
 */
export const MAX_EXPR_DEPTH = 100;

/** Parse a statement; throws ExprSyntaxError with the offset of the fault. */
export function parseExpr(text: string): Expr {
  const toks = tokenize(text);
  let p = 0;
  let depth = 0;
  const deeper = (at: number) => {
    if (++depth > MAX_EXPR_DEPTH)
      throw new ExprSyntaxError(
        `the statement nests parentheses and negations more than ${MAX_EXPR_DEPTH} levels deep; write it flatter or split it into several statements`,
        at,
      );
  };
  const peek = () => toks[p];
  const fail = (want: string): never => {
    const tok = toks[p];
    const got = tok.t === "id" ? `'${tok.v}'` : DESCRIBE[tok.t];
    throw new ExprSyntaxError(`expected ${want} but found ${got}`, tok.at);
  };

  const parseOr = (): Expr => {
    const first = parseAnd();
    const args = [first];
    while (peek().t === "or") {
      p++;
      args.push(parseAnd());
    }
    return args.length === 1 ? first : { kind: "or", args, at: first.at };
  };
  const parseAnd = (): Expr => {
    const first = parseUnary();
    const args = [first];
    while (peek().t === "and") {
      p++;
      args.push(parseUnary());
    }
    return args.length === 1 ? first : { kind: "and", args, at: first.at };
  };
  const parseUnary = (): Expr => {
    const tok = peek();
    if (tok.t === "not") {
      p++;
      deeper(tok.at);
      const arg = parseUnary();
      depth--;
      return { kind: "not", arg, at: tok.at };
    }
    if (tok.t === "lp") {
      p++;
      deeper(tok.at);
      const inner = parseOr();
      if (peek().t !== "rp") fail("')'");
      p++;
      depth--;
      return inner;
    }
    if (tok.t === "id") {
      p++;
      const low = tok.v.toLowerCase();
      if (low === "true" || low === "false") return { kind: "const", value: low === "true", at: tok.at };
      return { kind: "var", id: tok.v, at: tok.at };
    }
    if (tok.t === "if") throw new ExprSyntaxError("'if … then …' may only stand at the start of a statement", tok.at);
    return fail("an option id, '!' or '('");
  };

  if (peek().t === "end") throw new ExprSyntaxError("the statement is empty", 0);
  let result: Expr;
  if (peek().t === "if") {
    const at = peek().at;
    p++;
    const cond = parseOr();
    if (peek().t !== "then") fail("'then'");
    p++;
    const then = parseOr();
    result = { kind: "implies", cond, then, at };
  } else {
    result = parseOr();
  }
  if (peek().t !== "end") fail(peek().t === "then" ? "'if' before 'then'" : "'&', '|' or the end of the statement");
  return result;
}

/** Every option reference in the expression, with its offset. */
export function exprVars(e: Expr, out: { id: string; at: number }[] = []): { id: string; at: number }[] {
  switch (e.kind) {
    case "var":
      out.push({ id: e.id, at: e.at });
      break;
    case "const":
      break;
    case "not":
      exprVars(e.arg, out);
      break;
    case "and":
    case "or":
      for (const a of e.args) exprVars(a, out);
      break;
    case "implies":
      exprVars(e.cond, out);
      exprVars(e.then, out);
      break;
  }
  return out;
}

/** Build an expression back into text (normalized spacing, minimal parentheses). */
export function formatExpr(e: Expr): string {
  const prec = (x: Expr) => (x.kind === "or" ? 1 : x.kind === "and" ? 2 : x.kind === "implies" ? 0 : 3);
  const wrap = (x: Expr, min: number) => (prec(x) < min ? `(${formatExpr(x)})` : formatExpr(x));
  switch (e.kind) {
    case "var":
      return e.id;
    case "const":
      return e.value ? "true" : "false";
    case "not":
      return "!" + wrap(e.arg, 3);
    case "and":
      return e.args.map((a) => wrap(a, 3)).join(" & ");
    case "or":
      return e.args.map((a) => wrap(a, 2)).join(" | ");
    case "implies":
      return `if ${formatExpr(e.cond)} then ${formatExpr(e.then)}`;
  }
}
