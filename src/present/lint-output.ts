/** `parley lint` (`parley-lint/1`): each finding in words, with where it is in the file; its JSON, document and schema. */
import type { LintElement, LintFinding } from "../analysis/lint.js";
import type { Model } from "../model/compile.js";
import { CONCEPT_NAMES } from "../stability/analyze.js";
import { describeChange } from "../model/describe.js";
import { stateLabel } from "../model/states.js";
import { type Block, type Document, type DocumentFormat, em, strong, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";
import { arr, int, obj, oneOfValues, root, str } from "./schema-kit.js";
import { readSource } from "../format/source.js";

export interface LocatedFinding {
  code: LintFinding["code"];
  /** The element in words: "option us_sanctions", "statement 6 of United States". */
  element: string;
  /** Its path in the scenario file, and its line and column when known. */
  path: (string | number)[];
  line?: number;
  column?: number;
  /** What is wrong, why it matters, and what to do. */
  message: string;
  why: string;
  fix: string;
}

/** The path of a preference statement in the file: the list form (`dm: [...]`) or `statements:` of a mapping. */
export type StatementPath = (dm: number, statement: number, alternative?: number) => (string | number)[];

function elementName(model: Model, e: LintElement): string {
  const sc = model.scenario;
  if (e.kind === "option") return `option ${sc.options[e.option].id}`;
  if (e.kind === "constraint") return `constraint ${e.constraint + 1} (${sc.constraints[e.constraint].text})`;
  return statementName(model, e.dm, e.statement, e.alternative);
}

function statementName(model: Model, dm: number, statement: number, alternative?: number): string {
  const d = model.scenario.decisionMakers[dm];
  const pref = model.scenario.preferences[dm];
  const list = alternative === undefined ? pref : pref.alternatives![alternative].preference;
  const text = list.kind === "statements" ? list.statements[statement].text : "";
  return `statement ${statement + 1} of ${d.name}${alternative === undefined ? "" : ` (alternative "${pref.alternatives![alternative].label}")`}: "${text}"`;
}

function elementPath(model: Model, e: LintElement, statementPath: StatementPath): (string | number)[] {
  if (e.kind === "option") {
    const o = model.scenario.options[e.option];
    const d = o.dm;
    return ["decisionMakers", d, "options", model.scenario.decisionMakers[d].options.indexOf(e.option)];
  }
  if (e.kind === "constraint") return ["infeasible", e.constraint];
  return statementPath(e.dm, e.statement, e.alternative);
}

export function describeFindings(model: Model, findings: readonly LintFinding[], statementPath: StatementPath): Omit<LocatedFinding, "line" | "column">[] {
  const sc = model.scenario;
  return findings.map((f) => {
    switch (f.code) {
      case "revealed-preference": {
        const dm = sc.decisionMakers[f.dm];
        const move = describeChange(model, model.statusQuo, f.to);
        const st = f.statement !== undefined ? statementName(model, f.dm, f.statement) : undefined;
        return {
          code: f.code,
          element: st ?? `the preferences of ${dm.name}`,
          path: f.statement !== undefined ? statementPath(f.dm, f.statement) : ["preferences", dm.id],
          message: `Today's state is not stable for ${dm.name} under ${CONCEPT_NAMES[f.concept]}: it would gain by moving to ${stateLabel(model, f.to)} (${move}), and no credible sanction deters it${st ? `; ${st} is what makes it prefer that` : ""}.`,
          why: `If ${dm.name} has chosen to stay where things are today, its preferences as written contradict that choice, and every result that starts from today inherits the contradiction.`,
          fix: `Check the facts: if ${dm.name} could have made this move and did not, move the statement down its list (or mark it uncertain with a probability); if the move is not really open, say why in the model (a constraint or an irreversible option).`,
        };
      }
      case "inert-option": {
        const o = sc.options[f.option];
        return {
          code: f.code,
          element: `option ${o.id}`,
          path: elementPath(model, { kind: "option", option: f.option }, statementPath),
          message: `No party's preferences depend on option ${o.id} ("${o.label}"): taking it or not decides no comparison.`,
          why: "An option nobody cares about doubles the states without changing any result; it usually means a preference statement about it is missing.",
          fix: `Add the statement that makes it matter to someone, or remove the option.`,
        };
      }
      case "dead-statement":
        return {
          code: f.code,
          element: statementName(model, f.dm, f.statement, f.alternative),
          path: statementPath(f.dm, f.statement, f.alternative),
          message: `${statementName(model, f.dm, f.statement, f.alternative)} never decides which of two states ${sc.decisionMakers[f.dm].name} prefers: the statements above it already decide every pair it could.`,
          why: "A statement that decides nothing suggests an intended priority that the order of the list does not express.",
          fix: "Move it above the statement that hides it, or remove it.",
        };
      case "unsourced":
        return {
          code: f.code,
          element: elementName(model, f.element),
          path: elementPath(model, f.element, statementPath),
          message: `${elementName(model, f.element)} has neither sources nor an assumption.`,
          why: "A reader cannot tell whether it rests on a fact or on the modeller's judgement.",
          fix: "Add `sources: [...]` naming the facts it rests on, or `assumption: ...` with the reason.",
        };
      case "undefined-fact":
        return {
          code: f.code,
          element: elementName(model, f.element),
          path: [...elementPath(model, f.element, statementPath), "sources"],
          message: `${elementName(model, f.element)} cites ${f.fact}, which the scenario's facts do not define.`,
          why: "A citation that leads nowhere cannot be checked.",
          fix: `Add ${f.fact} to the facts: section, or correct the citation.`,
        };
    }
  });
}

/**
 * The findings in words, each at its line and column in the scenario's text
 * (`parley lint`, the workbench's warnings beside the editor). A statement's
 * path depends on how the file writes the preferences: a list, or a mapping
 * with `statements:`.
 */
export function locateFindings(model: Model, text: string, findings: readonly LintFinding[]): LocatedFinding[] {
  const { source } = readSource(text);
  const raw = source?.data as { preferences?: Record<string, unknown> } | undefined;
  const statementPath: StatementPath = (dm, statement, alternative) => {
    const id = model.scenario.decisionMakers[dm].id;
    const pref = raw?.preferences?.[id];
    const base: (string | number)[] = ["preferences", id];
    if (alternative !== undefined) return [...base, "alternatives", alternative, "statements", statement];
    return Array.isArray(pref) ? [...base, statement] : [...base, "statements", statement];
  };
  return describeFindings(model, findings, statementPath).map((f) => ({ ...f, ...(source?.locate(f.path) ?? {}) }));
}

export function lintJson(file: string, findings: readonly LocatedFinding[]) {
  return { format: "parley-lint/1", file, findings };
}

/** What `parley lint` found in a file. */
export interface LintResult {
  file: string;
  findings: readonly LocatedFinding[];
}

/**
 * Text gives each finding as a compiler would (file:line:column, then why and
 * fix); Markdown and HTML give a list. The findings' sentences are Parley's,
 * quoting the scenario, and carry their own code spans (`sources: [...]`), so
 * they are not escaped as a whole.
 */
export function lintDocument({ file, findings }: LintResult): Document {
  const title = `Model checks: ${file}`;
  if (!findings.length) return { title, blocks: [{ kind: "paragraph", text: t`${user(file)}: no findings` }] };
  const blocks: Block[] = [{ kind: "heading", level: 1, text: t`Model checks: ${user(file)}`, only: ["md", "html"] }];
  const text: DocumentFormat[] = ["text"];
  findings.forEach((f, k) => {
    const where = f.line !== undefined ? `${file}:${f.line}:${f.column}` : file;
    blocks.push({ kind: "paragraph", joined: k > 0, only: text, text: t`${user(where)}: warning [${f.code}] ${f.message}` });
    blocks.push({ kind: "paragraph", level: 1, joined: true, only: text, text: `why: ${f.why}` });
    blocks.push({ kind: "paragraph", level: 1, joined: true, only: text, text: `fix: ${f.fix}` });
    blocks.push({
      kind: "item",
      level: 1,
      only: ["md", "html"],
      text: t`${strong(f.code)} (line ${f.line ?? "?"}): ${f.message} ${f.why} ${em("To resolve:")} ${f.fix}`,
    });
  });
  blocks.push({ kind: "paragraph", text: `${findings.length} finding${findings.length === 1 ? "" : "s"}.` });
  return { title, blocks };
}

export const lintSchema = root("parley-lint/1", "parley lint --format json", {
  file: str,
  findings: arr(
    obj(
      {
        code: oneOfValues("revealed-preference", "inert-option", "dead-statement", "unsourced", "undefined-fact"),
        element: str,
        path: arr({ type: ["string", "integer"] }),
        line: int,
        column: int,
        message: str,
        why: str,
        fix: str,
      },
      ["line", "column"],
    ),
  ),
});

export const lintOutput: OutputKind<LintResult> = {
  format: "parley-lint/1",
  schema: lintSchema,
  toJson: ({ file, findings }) => lintJson(file, findings),
  toDocument: lintDocument,
};
