/**
 * Scenario text -> validated Scenario. Structure is checked by the zod schema,
 * then names, references and statements section by section (validate/); every
 * problem found is reported at once, each with its line and column.
 */
import { ParleyError, type Issue } from "./errors.js";
import { DEFAULT_LIMITS, type InputLimits } from "./limits.js";
import type { Scenario } from "./scenario.js";
import { FORMAT, ScenarioSchema, type ScenarioFile } from "./schema.js";
import { readSource, type SourceText } from "./source.js";
import { validateBargaining } from "./validate/bargaining.js";
import { validateConstraints, validateStatusQuo } from "./validate/constraints.js";
import { clip, provenanceOf, type Context, type Path, type Report } from "./validate/context.js";
import { validateHypergame } from "./validate/hypergame.js";
import { validateOptions } from "./validate/options.js";
import { validatePreferences } from "./validate/preferences.js";
import { forecastSettings, validateFacts, validateGoals, validateQuestions } from "./validate/questions.js";
import { zodIssue, type ZodIssueLike } from "./validate/zod-issues.js";

export { MAX_OPTIONS } from "./limits.js";
export { suggest } from "./validate/context.js";

/** Parse and validate scenario text. Throws ParleyError listing every problem. */
export function parseScenario(text: string, file?: string, limits: InputLimits = DEFAULT_LIMITS): Scenario {
  return parseScenarioSource(text, file, limits).scenario;
}

/** Like parseScenario, also returning the source map for locating later issues. */
export function parseScenarioSource(text: string, file?: string, limits: InputLimits = DEFAULT_LIMITS): { scenario: Scenario; source: SourceText } {
  const { source, issues } = readSource(text, limits);
  if (!source) throw new ParleyError(issues, file);
  const result = validateData(source.data, source, limits);
  if (result.issues.length > 0) throw new ParleyError(sortIssues(result.issues), file);
  return { scenario: result.scenario!, source };
}

/** Validate already-parsed data (for example from the workbench); `source` adds positions. */
export function validateData(data: unknown, source?: SourceText, limits: InputLimits = DEFAULT_LIMITS): { scenario?: Scenario; issues: Issue[] } {
  const issues: Issue[] = [];
  const at = (path: Path, key?: string) => (source ? source.locate(path, key) : undefined);
  const report: Report = (code, message, path, key) => {
    const issue: Issue = { code, message, path, ...at(path, key) };
    issues.push(issue);
    return issue;
  };

  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    report("not-a-scenario", "a scenario file must be a mapping with format, name, decisionMakers, statusQuo and preferences", []);
    return { issues };
  }
  const format = (data as Record<string, unknown>).format;
  if (format === undefined) {
    const d = data as Record<string, unknown>;
    if (d.program === "gmcr-py" || (Array.isArray(d.options) && Array.isArray(d.decisionMakers) && ("infeasibles" in d || "useManualPreferenceRanking" in d))) {
      report(
        "gmcr-py-file",
        "this is a gmcr-py / GMCR+ file, not a Parley scenario: convert it first with parley import (e.g. parley import model.gmcr -o model.yaml), or with Import in the workbench",
        [],
      );
      return { issues };
    }
    report("missing-format", `missing 'format: ${FORMAT}' at the top of the file`, []);
    return { issues };
  }
  if (format !== FORMAT) {
    report("unsupported-format", `unsupported format '${clip(String(format), 40)}': this version of Parley reads '${FORMAT}'`, ["format"]);
    return { issues };
  }
  const parsed = ScenarioSchema.safeParse(data);
  if (!parsed.success) {
    for (const zi of parsed.error.issues) issues.push(...zodIssue(zi as ZodIssueLike, data, at));
    return { issues };
  }
  const scenario = buildScenario(parsed.data, report, limits, source);
  return { scenario: issues.length === 0 ? scenario : undefined, issues };
}

function sortIssues(list: Issue[]): Issue[] {
  return [...list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/**
 * Names, references and statements, section by section. The order of the calls
 * is the order issues are reported in (and so listed, when they have no position).
 */
function buildScenario(file: ScenarioFile, report: Report, limits: InputLimits, source?: SourceText): Scenario {
  const built = validateOptions(file, report);
  const ctx: Context = { ...built, report, limits, source, ids: [...built.optionIndex.keys()] };
  const constraints = validateConstraints(ctx, file);
  const sq = validateStatusQuo(ctx, file.statusQuo);
  const preferences = validatePreferences(ctx, file);
  validateHypergame(ctx, file);
  // Spatial bargaining (parley bargain): checked here, ignored by the graph model.
  const bargaining = file.bargaining !== undefined ? validateBargaining(ctx, file.bargaining) : undefined;

  return {
    name: file.name,
    ...(file.description !== undefined ? { description: file.description } : {}),
    ...provenanceOf(file),
    decisionMakers: ctx.decisionMakers,
    options: ctx.options,
    constraints,
    statusQuo: sq.mask,
    ...(sq.provenance ? { statusQuoProvenance: sq.provenance } : {}),
    preferences,
    ...(file.asOf !== undefined ? { asOf: file.asOf } : {}),
    ...(file.limitations !== undefined ? { limitations: file.limitations } : {}),
    ...(file.whatIfs !== undefined ? { whatIfs: file.whatIfs } : {}),
    ...(file.goals !== undefined ? { goals: validateGoals(ctx, file.goals) } : {}),
    ...(file.facts !== undefined ? { facts: validateFacts(ctx, file.facts) } : {}),
    ...(file.questions !== undefined ? { questions: validateQuestions(ctx, file.questions) } : {}),
    ...(file.forecast !== undefined ? { forecast: forecastSettings(file.forecast) } : {}),
    ...(bargaining ? { bargaining } : {}),
  };
}
