/**
 * What the reader asks of the model: goals (outcomes in words), facts (cited by
 * id in sources), forecast questions with their dates, and forecast settings.
 */
import { isCalendarDate } from "../dates.js";
import type { Scenario } from "../scenario.js";
import type { ScenarioFile } from "../schema.js";
import { provenanceOf, type Context } from "./context.js";
import { statement } from "./references.js";

export function validateGoals(ctx: Context, list: NonNullable<ScenarioFile["goals"]>): NonNullable<Scenario["goals"]> {
  list.forEach((g, k) => statement(ctx, g.condition, ["goals", k, "condition"]));
  return list.map((g) => ({ title: g.title, condition: g.condition, ...(g.note !== undefined ? { note: g.note } : {}) }));
}

export function validateFacts(ctx: Context, list: NonNullable<ScenarioFile["facts"]>): NonNullable<Scenario["facts"]> {
  const seen = new Set<string>();
  list.forEach((f, k) => {
    if (seen.has(f.id)) ctx.report("duplicate-id", `duplicate fact id '${f.id}'`, ["facts", k, "id"]);
    seen.add(f.id);
  });
  return list.map((f) => ({ ...f }));
}

export function validateQuestions(ctx: Context, list: NonNullable<ScenarioFile["questions"]>): NonNullable<Scenario["questions"]> {
  const { report } = ctx;
  const seen = new Set<string>();
  const out: NonNullable<Scenario["questions"]> = [];
  list.forEach((q, k) => {
    if (seen.has(q.id)) report("duplicate-id", `duplicate question id '${q.id}'`, ["questions", k, "id"]);
    seen.add(q.id);
    if (!isCalendarDate(q.by)) report("bad-date", `'${q.by}' is not a calendar date; write it as YYYY-MM-DD`, ["questions", k, "by"]);
    const compiled = statement(ctx, q.condition, ["questions", k, "condition"]);
    if (compiled)
      out.push({
        id: q.id,
        question: q.question,
        condition: q.condition,
        by: q.by,
        ...(q.resolution !== undefined ? { resolution: q.resolution } : {}),
        cubes: compiled.cubes,
        ...provenanceOf(q),
      });
  });
  return out;
}

/** Forecast settings: only their shape is checked (by the schema); absent ones keep their defaults. */
export function forecastSettings(forecast: NonNullable<ScenarioFile["forecast"]>): NonNullable<Scenario["forecast"]> {
  return {
    ...(forecast.concept !== undefined ? { concept: forecast.concept } : {}),
    ...(forecast.rules !== undefined ? { rules: forecast.rules.map((r) => ({ rule: r.rule, weight: r.weight, ...provenanceOf(r) })) } : {}),
    ...(forecast.horizon !== undefined ? { horizon: forecast.horizon } : {}),
    ...provenanceOf(forecast),
  };
}
