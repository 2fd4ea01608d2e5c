/**
 * The states: infeasibility entries (conditions, patterns, mutually exclusive
 * options, at-least-one-of groups) and the status quo.
 */
import type { Cube } from "../cubes.js";
import { overLimit } from "../limits.js";
import type { ConstraintSpec, Provenance } from "../scenario.js";
import type { InfeasibleEntry, ScenarioFile, StatusQuoEntry } from "../schema.js";
import { provenanceOf, type Context, type Path } from "./context.js";
import { optionList, pattern, patternMap, patternText, statement } from "./references.js";
import { count } from "../count.js";

export function validateConstraints(ctx: Context, file: ScenarioFile): ConstraintSpec[] {
  const { report, limits } = ctx;
  const constraints: ConstraintSpec[] = [];
  if ((file.infeasible?.length ?? 0) > limits.conditions)
    report(
      "too-many-conditions",
      `${count(file.infeasible!.length)} infeasibility entries, ${overLimit("conditions", limits.conditions, file.infeasible!.length)}`,
      ["infeasible"],
    );
  (file.infeasible ?? []).forEach((entry: InfeasibleEntry, k) => {
    const path: Path = ["infeasible", k];
    if (typeof entry === "string") {
      const st = statement(ctx, entry, path);
      if (st) constraints.push({ kind: "condition", text: entry, infeasible: st.cubes });
      return;
    }
    const kinds = (["condition", "pattern", "mutuallyExclusive", "atLeastOneOf"] as const).filter((x) => entry[x] !== undefined);
    if (kinds.length !== 1) {
      report(
        "bad-constraint",
        kinds.length === 0
          ? "an infeasibility entry needs one of: condition, pattern, mutuallyExclusive, atLeastOneOf"
          : `an infeasibility entry takes only one of ${kinds.join(", ")}; split it into several entries`,
        path,
      );
      return;
    }
    const prov = provenanceOf(entry);
    if (entry.condition !== undefined) {
      const st = statement(ctx, entry.condition, [...path, "condition"]);
      if (st) constraints.push({ kind: "condition", text: entry.condition, infeasible: st.cubes, ...prov });
    } else if (entry.pattern !== undefined) {
      const p = entry.pattern;
      const cube = typeof p === "string" ? pattern(ctx, p, [...path, "pattern"], true) : patternMap(ctx, p, [...path, "pattern"]);
      const text = patternText(p);
      if (cube) constraints.push({ kind: "pattern", text, infeasible: [cube], ...prov });
    } else if (entry.mutuallyExclusive !== undefined) {
      const list = entry.mutuallyExclusive;
      if (list.length < 2) report("bad-constraint", "mutuallyExclusive needs at least two options", [...path, "mutuallyExclusive"]);
      const bits = optionList(ctx, list, [...path, "mutuallyExclusive"]);
      if (bits && list.length >= 2) {
        const cubes: Cube[] = [];
        for (let a = 0; a < bits.length; a++)
          for (let b = a + 1; b < bits.length; b++) {
            const m = (1 << bits[a]) | (1 << bits[b]);
            cubes.push({ care: m, value: m });
          }
        constraints.push({ kind: "mutuallyExclusive", text: `at most one of ${list.join(", ")}`, infeasible: cubes, ...prov });
      }
    } else if (entry.atLeastOneOf !== undefined) {
      const list = entry.atLeastOneOf;
      if (list.length < 1) report("bad-constraint", "atLeastOneOf needs at least one option", [...path, "atLeastOneOf"]);
      const bits = optionList(ctx, list, [...path, "atLeastOneOf"]);
      if (bits && list.length >= 1) {
        const m = bits.reduce((acc, b) => acc | (1 << b), 0);
        constraints.push({ kind: "atLeastOneOf", text: `at least one of ${list.join(", ")}`, infeasible: [{ care: m, value: 0 }], ...prov });
      }
    }
  });
  return constraints;
}

/** Today's state: a Y/N pattern or an option id -> Y/N map, bare or under `state` with provenance. */
export function validateStatusQuo(ctx: Context, entry: StatusQuoEntry): { mask: number; provenance?: Provenance } {
  const path: Path = ["statusQuo"];
  let value: string | Record<string, string | boolean> = entry as string | Record<string, string | boolean>;
  let provenance: Provenance | undefined;
  let at = path;
  if (typeof entry === "object" && "state" in entry && (typeof entry.state === "object" || !/^[YNyn]$/.test(String(entry.state)))) {
    value = entry.state as string | Record<string, string | boolean>;
    provenance = provenanceOf(entry as Provenance);
    at = [...path, "state"];
  }
  if (typeof value === "string") {
    const cube = pattern(ctx, value, at, false);
    return { mask: cube ? cube.value : 0, provenance };
  }
  const cube = patternMap(ctx, value, at);
  return { mask: cube ? cube.value : 0, provenance };
}
