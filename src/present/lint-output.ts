/** `parley lint` (`parley-lint/1`): each finding in words, with where it is in the file; its JSON, document and schema. */
import { LINT_CODES, type LintElement, type LintFinding } from "../analysis/lint.js";
import type { Model } from "../model/compile.js";
import { CONCEPT_NAMES } from "../stability/analyze.js";
import { describeChange } from "../model/describe.js";
import { stateLabel } from "../model/states.js";
import { type Block, code, type Document, type DocumentFormat, em, inline, type Inline, type Span, strong, t, user } from "./document.js";
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
type StatementPath = (dm: number, statement: number, alternative?: number) => (string | number)[];

/** The element in words, scenario text as `user` spans. */
function elementName(model: Model, e: LintElement): Span[] {
  const sc = model.scenario;
  if (e.kind === "option") return t`option ${user(sc.options[e.option].id)}`;
  if (e.kind === "constraint") return t`constraint ${e.constraint + 1} (${user(sc.constraints[e.constraint].text)})`;
  return statementName(model, e.dm, e.statement, e.alternative);
}

function statementName(model: Model, dm: number, statement: number, alternative?: number): Span[] {
  const d = model.scenario.decisionMakers[dm];
  const pref = model.scenario.preferences[dm];
  const list = alternative === undefined ? pref : pref.alternatives![alternative].preference;
  const text = list.kind === "statements" ? list.statements[statement].text : "";
  const alt = alternative === undefined ? "" : t` (alternative "${user(pref.alternatives![alternative].label)}")`;
  return t`statement ${statement + 1} of ${user(d.name)}${alt}: "${user(text)}"`;
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

/** A finding's sentences as rich text: scenario text in `user` spans, snippets of YAML in `code` spans. */
export interface FindingWords {
  message: Inline;
  why: Inline;
  fix: Inline;
}

/** A finding in words: the plain strings of the JSON (and the report), and the same words as rich text for the document. */
type DescribedFinding = Omit<LocatedFinding, "line" | "column"> & { words: FindingWords };

/** The plain string of rich text: what the JSON carries. */
const plain = (x: Inline) => inline(x, "text");

export function describeFindings(model: Model, findings: readonly LintFinding[], statementPath: StatementPath): DescribedFinding[] {
  return findings.map((f) => {
    const { element, path, words } = findingWords(model, f, statementPath);
    return {
      code: f.code,
      element: plain(element),
      path,
      message: plain(words.message),
      why: plain(words.why),
      fix: plain(words.fix),
      words,
    };
  });
}

function findingWords(model: Model, f: LintFinding, statementPath: StatementPath): { element: Inline; path: (string | number)[]; words: FindingWords } {
  const sc = model.scenario;
  switch (f.code) {
    case "revealed-preference": {
      const dm = user(sc.decisionMakers[f.dm].name);
      const move = user(describeChange(model, model.statusQuo, f.to));
      const st = f.statement !== undefined ? statementName(model, f.dm, f.statement) : undefined;
      return {
        element: st ?? t`the preferences of ${dm}`,
        path: f.statement !== undefined ? statementPath(f.dm, f.statement) : ["preferences", sc.decisionMakers[f.dm].id],
        words: {
          message: t`Today's state is not stable for ${dm} under ${CONCEPT_NAMES[f.concept]}: it would gain by moving to ${stateLabel(model, f.to)} (${move}), and no credible sanction deters it${st ? t`; ${st} is what makes it prefer that` : ""}.`,
          why: t`If ${dm} has chosen to stay where things are today, its preferences as written contradict that choice, and every result that starts from today inherits the contradiction.`,
          fix: t`Check the facts: if ${dm} could have made this move and did not, move the statement down its list (or mark it uncertain with a probability); if the move is not really open, say why in the model (a constraint or an irreversible option).`,
        },
      };
    }
    case "inert-option": {
      const o = sc.options[f.option];
      return {
        element: t`option ${user(o.id)}`,
        path: elementPath(model, { kind: "option", option: f.option }, statementPath),
        words: {
          message: t`No party's preferences depend on option ${user(o.id)} ("${user(o.label)}"): taking it or not decides no comparison.`,
          why: "An option nobody cares about doubles the states without changing any result; it usually means a preference statement about it is missing.",
          fix: "Add the statement that makes it matter to someone, or remove the option.",
        },
      };
    }
    case "dead-statement": {
      const st = statementName(model, f.dm, f.statement, f.alternative);
      return {
        element: st,
        path: statementPath(f.dm, f.statement, f.alternative),
        words: {
          message: t`${st} never decides which of two states ${user(sc.decisionMakers[f.dm].name)} prefers: the statements above it already decide every pair it could.`,
          why: "A statement that decides nothing suggests an intended priority that the order of the list does not express.",
          fix: "Move it above the statement that hides it, or remove it.",
        },
      };
    }
    case "unsourced": {
      const el = elementName(model, f.element);
      return {
        element: el,
        path: elementPath(model, f.element, statementPath),
        words: {
          message: t`${el} has neither sources nor an assumption.`,
          why: "A reader cannot tell whether it rests on a fact or on the modeller's judgement.",
          fix: t`Add ${code("sources: [...]")} naming the facts it rests on, or ${code("assumption: ...")} with the reason.`,
        },
      };
    }
    case "undefined-fact": {
      const el = elementName(model, f.element);
      return {
        element: el,
        path: [...elementPath(model, f.element, statementPath), "sources"],
        words: {
          message: t`${el} cites ${user(f.fact)}, which the scenario's facts do not define.`,
          why: "A citation that leads nowhere cannot be checked.",
          fix: t`Add ${user(f.fact)} to the facts: section, or correct the citation.`,
        },
      };
    }
  }
}

/**
 * The findings in words, each at its line and column in the scenario's text
 * (`parley lint`, the workbench's warnings beside the editor). A statement's
 * path depends on how the file writes the preferences: a list, or a mapping
 * with `statements:`.
 */
export function locateFindings(model: Model, text: string, findings: readonly LintFinding[]) {
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

/** What `parley lint` found in a file: the findings located in it, each with its words as rich text for the document. */
export interface LintResult {
  file: string;
  findings: readonly (LocatedFinding & { words?: FindingWords })[];
}

/** The JSON carries the plain strings only. */
function lintJson({ file, findings }: LintResult) {
  return { format: "parley-lint/1", file, findings: findings.map(({ words: _, ...f }) => f) };
}

/**
 * Text gives each finding as a compiler would (file:line:column, then why and
 * fix); Markdown and HTML give a list. The words are the findings' rich text,
 * so names from the scenario are escaped and snippets are code.
 */
function lintDocument({ file, findings }: LintResult): Document {
  const title = `Model checks: ${file}`;
  if (!findings.length) return { title, blocks: [{ kind: "paragraph", text: t`${user(file)}: no findings` }] };
  const blocks: Block[] = [{ kind: "heading", level: 1, text: t`Model checks: ${user(file)}`, only: ["md", "html"] }];
  const text: DocumentFormat[] = ["text"];
  findings.forEach((f, k) => {
    // Findings made without words (by hand, from JSON) are all scenario text as far as escaping goes.
    const w = f.words ?? { message: user(f.message), why: user(f.why), fix: user(f.fix) };
    const where = f.line !== undefined ? `${file}:${f.line}:${f.column}` : file;
    blocks.push({ kind: "paragraph", joined: k > 0, only: text, text: t`${user(where)}: warning [${f.code}] ${w.message}` });
    blocks.push({ kind: "paragraph", level: 1, joined: true, only: text, text: t`why: ${w.why}` });
    blocks.push({ kind: "paragraph", level: 1, joined: true, only: text, text: t`fix: ${w.fix}` });
    blocks.push({
      kind: "item",
      level: 1,
      only: ["md", "html"],
      text: t`${strong(f.code)} (line ${f.line ?? "?"}): ${w.message} ${w.why} ${em("To resolve:")} ${w.fix}`,
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
        code: oneOfValues(...LINT_CODES),
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
  toJson: lintJson,
  toDocument: lintDocument,
};
