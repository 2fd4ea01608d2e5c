/** `parley validate` (`parley-diagnostics/1`): every file's problems as data, the valid files in words. */
import { formatIssue, type Issue, type ParleyError } from "../format/errors.js";
import type { Model } from "../model/compile.js";
import { stateId } from "../model/states.js";
import { type Block, code, type Document, type Inline, strong, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";
import { arr, bool, int, nullable, obj, oneOfValues, root, stateIdSchema, str } from "./schema-kit.js";

/** The JSON of `parley validate -f json`: every file's problems, as data. */
const DIAGNOSTICS_FORMAT = "parley-diagnostics/1";

/** One file checked: its model when valid, else the error and its issues. */
export interface FileCheck {
  file: string;
  model?: Model;
  error?: ParleyError;
  issues: Issue[];
}

function summary(m: Model): string {
  return `${m.nDMs} decision makers, ${m.nOptions} options, ${m.states.length} feasible states, status quo state ${stateId(m.statusQuo)}`;
}

function diagnosticsJson(results: FileCheck[]) {
  return {
    format: DIAGNOSTICS_FORMAT,
    valid: results.every((r) => r.model),
    files: results.map((r) => ({
      file: r.file,
      valid: Boolean(r.model),
      model: r.model
        ? { decisionMakers: r.model.nDMs, options: r.model.nOptions, feasibleStates: r.model.states.length, statusQuo: stateId(r.model.statusQuo) }
        : null,
      issues: r.issues.map((i) => ({
        severity: "error",
        code: i.code,
        message: i.message,
        path: i.path ?? null,
        line: i.line ?? null,
        column: i.column ?? (i.line !== undefined ? 1 : null),
      })),
    })),
  };
}

/**
 * One line per valid file; `issues`: the problems too, one line each (in
 * terminal text they go to standard error instead, as compiler messages do).
 */
function validateDocument(results: FileCheck[], { issues }: { issues: boolean }): Document {
  const blocks: Block[] = [];
  // Terminal text reads as a compiler's lines; Markdown and HTML as a list.
  const line = (status: "ok" | "error", text: Inline) => {
    blocks.push({ kind: "paragraph", joined: true, only: ["text"], text: status === "ok" ? t`ok  ${text}` : t`${code("error")}  ${text}` });
    blocks.push({ kind: "item", level: 1, only: ["md", "html"], text: t`${strong(status)} ${text}` });
  };
  for (const r of results) {
    if (r.model) line("ok", t`${user(r.file)}: ${summary(r.model)}`);
    else if (issues) for (const i of r.issues) line("error", user(formatIssue(i, r.error?.file ?? r.file)));
  }
  const n = results.length;
  return { title: n === 1 ? `Validation of ${results[0].file}` : `Validation of ${n} files`, blocks };
}

export const diagnosticsSchema = root("parley-diagnostics/1", "parley validate --format json", {
  valid: { type: "boolean", description: "Whether every file is valid (the exit code is 2 when not)." },
  files: arr(
    obj({
      file: str,
      valid: bool,
      model: nullable(obj({ decisionMakers: int, options: int, feasibleStates: int, statusQuo: stateIdSchema })),
      issues: arr(
        obj({
          severity: oneOfValues("error", "warning"),
          code: str,
          message: str,
          path: nullable(arr({ type: ["string", "integer"] })),
          line: nullable({ type: "integer", minimum: 1 }),
          column: nullable({ type: "integer", minimum: 1 }),
        }),
      ),
    }),
  ),
});

export const validateOutput: OutputKind<FileCheck[], { issues: boolean }> = {
  format: DIAGNOSTICS_FORMAT,
  schema: diagnosticsSchema,
  toJson: diagnosticsJson,
  toDocument: validateDocument,
};
