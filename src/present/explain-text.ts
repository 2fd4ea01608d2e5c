/** `parley explain` in words: each improvement and the sanction that deters it, or not. */
import { statePattern, type Model } from "../model/compile.js";
import type { Concept } from "../stability/analyze.js";
import type { Sanction, StateExplanation } from "../stability/explain.js";
import { describeMove, dmName, rankCount, rankOf } from "../model/describe.js";
import { arr, bool, byConcept, concept, nullable, obj, pattern, root, sanction, stateIdSchema, str } from "./schema-kit.js";

export function renderExplanation(model: Model, ex: StateExplanation, concepts: readonly Concept[]): string {
  const s = ex.state;
  const i = ex.dm;
  const who = dmName(model, i);
  const rank = (t: number) => rankOf(model, i, t);
  const out: string[] = [];
  out.push(`${who} at state ${s + 1} (${statePattern(model, s)}) — ${who} ranks it ${rank(s)} of ${rankCount(model, i)}.`);
  if (ex.improvements.length === 0) {
    out.push(`  ${who} has no unilateral improvement from here, so the state is stable for ${who} under every concept.`);
    return out.join("\n");
  }
  const n = ex.improvements.length;
  out.push(`  ${who} has ${n} unilateral improvement${n > 1 ? "s" : ""} from here:`);
  ex.improvements.forEach((imp, k) => {
    out.push(`  ${k + 1}. ${describeMove(model, i, s, imp.to)} → state ${imp.to + 1} (${statePattern(model, imp.to)}), which ${who} ranks ${rank(imp.to)}.`);
    for (const c of concepts) {
      const sanction = imp.sanctions[c];
      out.push(`     ${c.padEnd(8)} ${sanction ? "deterred: " + sanctionText(model, c, sanction, s, i) : notDeterred(c, who)}`);
    }
  });
  const yes = concepts.filter((c) => ex.stable[c]);
  const no = concepts.filter((c) => !ex.stable[c]);
  const parts: string[] = [];
  if (yes.length) parts.push(`stable under ${yes.join(", ")}`);
  if (no.length) parts.push(`not stable under ${no.join(", ")}`);
  out.push(`  Verdict for ${who} at state ${s + 1}: ${parts.join("; ")}.`);
  return out.join("\n");
}

function notDeterred(c: Concept, who: string): string {
  switch (c) {
    case "Nash":
      return `not deterred: under Nash stability ${who} does not look at responses and would move.`;
    case "GMR":
      return `not deterred: no sequence of moves by the others leaves ${who} no better off than staying.`;
    case "SMR":
      return `not deterred: no response by the others holds once ${who} may counter-move.`;
    case "SEQ":
      return `not deterred: no credible response (each move an improvement for its mover) leaves ${who} no better off.`;
    case "SIM":
      return `not deterred: no simultaneous improvement by the others leaves ${who} no better off.`;
    case "SEQ+SIM":
      return `not deterred (SEQ+SIM needs every improvement deterred credibly in sequence, or every one simultaneously).`;
  }
}

function sanctionText(model: Model, c: Concept, sn: Sanction, s: number, i: number): string {
  const who = dmName(model, i);
  const steps = sn.moves.map((m) => describeMove(model, m.dm, m.from, m.to));
  const moves = sn.simultaneous ? `at the same time ${steps.join("; while ")}` : `then ${steps.join("; then ")}`;
  let text = `${moves} (→ state ${sn.result + 1}, which ${who} ranks ${rankOf(model, i, sn.result)}: no better than staying, ranked ${rankOf(model, i, s)})`;
  if (c === "SEQ" || (c === "SEQ+SIM" && !sn.simultaneous)) text += "; each move improves things for its mover, so the threat is credible";
  if (c === "SMR" && sn.bestEscape !== undefined && sn.bestEscape !== sn.result)
    text += `; even ${who}'s best counter-move from there only reaches rank ${rankOf(model, i, sn.bestEscape)}`;
  return text + ".";
}

export const explanationSchema = root("parley-explanation/1", "parley explain --format json", {
  state: stateIdSchema,
  pattern,
  concepts: arr(concept),
  decisionMakers: arr(
    obj({
      id: str,
      stable: byConcept(bool),
      improvements: arr(obj({ to: stateIdSchema, pattern, sanctions: byConcept(nullable(sanction)) })),
    }),
  ),
});
