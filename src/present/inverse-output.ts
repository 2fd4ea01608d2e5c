/** `parley inverse` in words. */
import type { InverseResult } from "../analysis/inverse.js";
import { statePattern, type Model } from "../model/compile.js";
import { describeState } from "../model/describe.js";
import { arr, bool, concept, dashPattern, int, obj, pattern, root, stateId, str } from "./schema-kit.js";

function statementWords(model: Model, dm: number, j: number): string {
  const p = model.scenario.preferences[dm];
  if (p.kind !== "statements") return `item ${j + 1}`;
  const st = p.statements[j];
  const cite = [...(st.sources ?? []), ...(st.assumption ? ["assumption"] : [])];
  return `"${st.note ?? st.text}" (${st.text})${cite.length ? ` [${cite.join(", ")}]` : ""}`;
}

/** What each DM would have to change, one line per change. */
export function changeLines(model: Model, r: InverseResult): string[] {
  const out: string[] = [];
  for (const c of r.changes) {
    const name = model.scenario.decisionMakers[c.dm].name;
    for (const j of c.dropped) out.push(`${name} would have to stop caring that ${statementWords(model, c.dm, j)}.`);
    for (const [a, b] of c.reversed) out.push(`${name} would have to put ${statementWords(model, c.dm, a)} before ${statementWords(model, c.dm, b)}.`);
    if (c.raised) out.push(`${name} would have to rank the target ${c.raised} place${c.raised > 1 ? "s" : ""} higher.`);
  }
  return out;
}

export function renderInverse(model: Model, r: InverseResult, md: boolean): string {
  const out: string[] = [];
  const bullet = md ? "- " : "  • ";
  out.push(`${md ? "## " : ""}Target: state ${r.target + 1} (${statePattern(model, r.target)}): ${describeState(model, r.target)}`, "");
  if (r.found && r.totalDistance === 0) {
    out.push(`It is already an equilibrium under ${r.concept}: no preference needs to change.`);
    return out.join("\n") + "\n";
  }
  if (!r.found) {
    out.push(
      r.exhaustive
        ? `No reordering of the decision makers' priorities, nor dropping some of them, makes it an equilibrium under ${r.concept} (every candidate was tried: ${r.evaluated}).`
        : `Not found within the limit: ${r.evaluated} preference profiles were tried without making it an equilibrium under ${r.concept}. Raise --max-evaluations to search further.`,
    );
    return out.join("\n") + "\n";
  }
  out.push(`For it to be an equilibrium under ${r.concept}:`);
  for (const line of changeLines(model, r)) out.push(`${bullet}${line}`);
  const unchanged = r.changes.filter((c) => c.distance === 0).map((c) => model.scenario.decisionMakers[c.dm].name);
  if (unchanged.length) out.push(`${unchanged.join(", ")}: no change needed.`);
  out.push(
    "",
    `That is ${r.totalDistance} edit${r.totalDistance > 1 ? "s" : ""} to the priorities (a swap of two neighbouring statements, or dropping one, counts as one); no smaller change works. ${r.evaluated} preference profiles were checked.`,
  );
  return out.join("\n") + "\n";
}

export const inverseSchema = root("parley-inverse/1", "parley inverse --format json", {
  target: stateId,
  pattern,
  concept,
  found: bool,
  exhaustive: bool,
  evaluated: int,
  totalDistance: int,
  changes: arr(
    obj(
      {
        decisionMaker: str,
        distance: int,
        statements: arr(str),
        ranking: arr(arr(dashPattern)),
        reversed: arr(arr(int, { minItems: 2, maxItems: 2 })),
        dropped: arr(int),
        raised: int,
      },
      ["statements", "ranking", "raised"],
    ),
  ),
});
