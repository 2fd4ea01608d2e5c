/**
 * Checks the `bargaining` section beyond its shape: actor ids, scales,
 * positions on the scale, salience and capability in range, at least two
 * actors per issue, ranges around their values, and options named by links.
 * Called from validate.ts; every problem is reported with its path.
 */
import type { BargainingActorSpec, BargainingSpec, IssueLinkSpec, IssuePositionSpec, IssueSpec, RangedValue } from "../bargaining-spec.js";
import type { BargainingEntry, RangedNumberEntry } from "../schema.js";
import { provenanceOf, suggest, type Context, type Path } from "./context.js";

const num = (x: number) => String(+x.toPrecision(12));

export function validateBargaining(ctx: Context, entry: BargainingEntry): BargainingSpec {
  const { decisionMakers, optionIndex, report } = ctx;
  const base: Path = ["bargaining"];
  const actors: BargainingActorSpec[] = decisionMakers.map((dm, d) => ({ id: dm.id, name: dm.name, dm: d }));
  const actorIndex = new Map(actors.map((a, k) => [a.id, k]));
  (entry.actors ?? []).forEach((a, k) => {
    if (actorIndex.has(a.id)) {
      const isDm = decisionMakers.some((dm) => dm.id === a.id);
      report(
        "duplicate-id",
        isDm
          ? `'${a.id}' is a decision maker already: decision makers take part in bargaining under their own ids, so list only other actors here`
          : `duplicate bargaining actor id '${a.id}'`,
        [...base, "actors", k, "id"],
      );
      return;
    }
    actorIndex.set(a.id, actors.length);
    actors.push({ id: a.id, name: a.name ?? a.id, ...provenanceOf(a) });
  });
  const actorIds = [...actorIndex.keys()];

  const issues: IssueSpec[] = [];
  const issueIds = new Set<string>();
  entry.issues.forEach((is, k) => {
    const path: Path = [...base, "issues", k];
    if (issueIds.has(is.id)) report("duplicate-id", `duplicate issue id '${is.id}'`, [...path, "id"]);
    issueIds.add(is.id);
    const { min, max } = is.scale;
    let scaleOk = true;
    if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) {
      report("bad-scale", `the scale of issue '${is.id}' runs from ${num(min)} to ${num(max)}: its min must be below its max`, [...path, "scale"]);
      scaleOk = false;
    }
    const onScale = `the scale of '${is.id}' (${num(min)} = ${is.scale.minLabel}, ${num(max)} = ${is.scale.maxLabel})`;
    /** A ranged number checked against [lo, hi]; `what` names it in messages. */
    const ranged = (v: RangedNumberEntry, p: Path, what: string, lo: number, hi: number, outOf: string): RangedValue | undefined => {
      const r: RangedValue = typeof v === "number" ? { value: v } : { value: v.value, ...provenanceOf(v) };
      if (typeof v !== "number") {
        if (v.min !== undefined) r.min = v.min;
        if (v.max !== undefined) r.max = v.max;
      }
      const at = typeof v === "number" ? p : [...p, "value"];
      let ok = true;
      const check = (x: number, where: Path, label: string) => {
        if (!Number.isFinite(x) || x < lo || x > hi) {
          report("out-of-range", `${label} ${num(x)} is out of range: ${outOf}`, where);
          ok = false;
        }
      };
      check(r.value, at, what);
      if (r.min !== undefined) check(r.min, [...p, "min"], `the lowest ${what}`);
      if (r.max !== undefined) check(r.max, [...p, "max"], `the highest ${what}`);
      if (ok && ((r.min !== undefined && r.min > r.value) || (r.max !== undefined && r.max < r.value))) {
        report(
          "bad-range",
          `the range of ${what} must contain its value: min ≤ value ≤ max (here ${num(r.min ?? r.value)} ≤ ${num(r.value)} ≤ ${num(r.max ?? r.value)})`,
          p,
        );
        ok = false;
      }
      return ok ? r : undefined;
    };

    const positions: IssuePositionSpec[] = [];
    let ok = scaleOk;
    for (const [actorId, pos] of Object.entries(is.positions)) {
      const p: Path = [...path, "positions", actorId];
      const a = actorIndex.get(actorId);
      if (a === undefined) {
        report(
          "unknown-actor",
          `unknown actor '${actorId}'${suggest(actorId, actorIds)}; the actors are the decision makers (${decisionMakers.map((d) => d.id).join(", ")}) and those under bargaining.actors`,
          [...path, "positions"],
          actorId,
        );
        ok = false;
        continue;
      }
      const position = scaleOk ? ranged(pos.position, [...p, "position"], "the position", min, max, `positions lie on ${onScale}`) : undefined;
      const salience = ranged(
        pos.salience,
        [...p, "salience"],
        "the salience",
        0,
        1,
        "salience is between 0 (the issue does not matter) and 1 (nothing matters more)",
      );
      const capability = ranged(
        pos.capability,
        [...p, "capability"],
        "the capability",
        0,
        Number.MAX_VALUE,
        "capability is a number of at least 0 (only ratios between actors matter)",
      );
      if (!position || !salience || !capability) {
        ok = false;
        continue;
      }
      positions.push({ actor: a, position, salience, capability, ...provenanceOf(pos) });
    }
    const count = Object.keys(is.positions).length;
    if (count < 2) {
      report("too-few-actors", `issue '${is.id}' has ${count === 0 ? "no actor" : "only one actor"}; bargaining needs at least two actors with a position`, [
        ...path,
        "positions",
      ]);
      ok = false;
    } else if (ok && positions.every((x) => x.capability.value * x.salience.value === 0)) {
      report("no-weight", `every actor on issue '${is.id}' has salience or capability 0: no one carries any weight`, [...path, "positions"]);
      ok = false;
    }
    const statusQuo =
      is.statusQuo !== undefined && scaleOk ? ranged(is.statusQuo, [...path, "statusQuo"], "the status quo", min, max, `it lies on ${onScale}`) : undefined;
    if (is.statusQuo !== undefined && !statusQuo) ok = false;

    const links: IssueLinkSpec[] = [];
    (is.onTable ?? []).forEach((l, j) => {
      const lp: Path = [...path, "onTable", j];
      const o = optionIndex.get(l.option);
      if (o === undefined) {
        report("unknown-option", `unknown option '${l.option}'${suggest(l.option, [...optionIndex.keys()])}`, [...lp, "option"]);
        ok = false;
        return;
      }
      if (l.atLeast === undefined && l.atMost === undefined) {
        report("bad-link", `give 'atLeast', 'atMost' or both: the range of forecasts under which '${l.option}' is on the table`, lp);
        ok = false;
        return;
      }
      for (const key of ["atLeast", "atMost"] as const) {
        const x = l[key];
        if (x !== undefined && scaleOk && (x < min || x > max)) {
          report("out-of-range", `${key} ${num(x)} is off ${onScale}`, [...lp, key]);
          ok = false;
        }
      }
      if (l.atLeast !== undefined && l.atMost !== undefined && l.atLeast > l.atMost) {
        report("bad-link", `atLeast ${num(l.atLeast)} is above atMost ${num(l.atMost)}: no forecast would put '${l.option}' on the table`, lp);
        ok = false;
        return;
      }
      links.push({
        option: o,
        ...(l.atLeast !== undefined ? { atLeast: l.atLeast } : {}),
        ...(l.atMost !== undefined ? { atMost: l.atMost } : {}),
        ...provenanceOf(l),
      });
    });
    if (!ok) return;
    issues.push({
      id: is.id,
      title: is.title ?? is.id,
      min,
      max,
      minLabel: is.scale.minLabel,
      maxLabel: is.scale.maxLabel,
      ...(is.scale.unit !== undefined ? { unit: is.scale.unit } : {}),
      ...(statusQuo ? { statusQuo } : {}),
      positions,
      links,
      ...provenanceOf(is),
    });
  });
  if (entry.issues.length === 0) report("no-issues", "the bargaining section has no issues", [...base, "issues"]);
  return {
    actors,
    issues,
    ...(entry.linkModel ? { linkModel: { model: entry.linkModel.model, ...provenanceOf(entry.linkModel) } } : {}),
    ...provenanceOf(entry),
  };
}
