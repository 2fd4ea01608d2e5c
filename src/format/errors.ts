/**
 * User-facing errors. Every problem in a scenario is reported as an Issue with a
 * stable code, a message, and where it is (file, line, column, and the path of
 * the element), so adapters can print `file:line:col: message` or underline it.
 */
import type { IssueCode } from "./issue-codes.js";

export type { IssueCode, WorkspaceCode } from "./issue-codes.js";

export interface Issue {
  /** Stable machine-readable code, e.g. `unknown-option` (the list: issue-codes.ts). */
  code: IssueCode;
  message: string;
  /** Path of the element at fault, e.g. ["decisionMakers", 0, "options", 1, "id"]. */
  path?: (string | number)[];
  /** 1-based line and column, when the source text is known. */
  line?: number;
  column?: number;
}

/** A problem with what the user gave us (file, flags, state names): exit code 2, no stack trace. */
export class ParleyError extends Error {
  readonly issues: Issue[];
  readonly file?: string;

  constructor(issues: Issue[] | Issue | string, file?: string) {
    const list: Issue[] = typeof issues === "string" ? [{ code: "error", message: issues }] : Array.isArray(issues) ? issues : [issues];
    super(formatIssues(list, file));
    this.name = "ParleyError";
    this.issues = list;
    this.file = file;
  }
}

export function formatIssue(issue: Issue, file?: string): string {
  let where = file ?? "";
  if (issue.line !== undefined) where += `${where ? ":" : "line "}${issue.line}:${issue.column ?? 1}`;
  const path = issue.path && issue.path.length > 0 ? ` (at ${formatPath(issue.path)})` : "";
  return `${where ? where + ": " : ""}${issue.message}${path}`;
}

export function formatIssues(issues: Issue[], file?: string): string {
  return issues.map((i) => formatIssue(i, file)).join("\n");
}

/** `decisionMakers[0].options[1].id` */
export function formatPath(path: (string | number)[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${p}` : p;
  return out;
}
