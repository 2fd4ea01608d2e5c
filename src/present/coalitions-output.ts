/**
 * `parley coalitions`: the coalition analysis as text, Markdown or JSON. The
 * text speaks to a reader without GMCR training: for each equilibrium, which
 * groups of parties could leave it together, by which moves, and whether the
 * others' answer deters them.
 */
import { statePattern, type Model } from "../model/compile.js";
import { displayRanks } from "../preferences/ranks.js";
import type { CoalitionSanction } from "../extensions/coalition-checker.js";
import type { CoalitionAnalysis, CoalitionConcept, JointMoveCheck, StateCoalitions } from "../extensions/coalitions.js";
import type { Analysis } from "../stability/analyze.js";
import type { MoveStep } from "../stability/explain.js";
import { stateFamilies } from "../analysis/families.js";
import { describeFamily, describeMove, describeState, dmName } from "../model/describe.js";
import { arr, bool, concept, ids, int, map, nullable, obj, pattern, root, stateIdSchema, step, str, type Schema } from "./schema-kit.js";
import { COALITION_CONCEPTS } from "../extensions/coalitions.js";

export const COALITIONS_FORMAT = "parley-coalitions/1";

export function coalitionsJson(model: Model, analysis: Analysis, ca: CoalitionAnalysis) {
  const id = (d: number) => model.scenario.decisionMakers[d].id;
  const step = (m: MoveStep) => ({ decisionMaker: id(m.dm), from: m.from + 1, to: m.to + 1 });
  const sanction = (sn: CoalitionSanction | null) =>
    sn ? { moves: sn.moves.map(step), result: sn.result + 1, pattern: statePattern(model, sn.result), memberNoBetterOff: id(sn.member) } : null;
  const ids = (xs: readonly number[]) => xs.map((s) => s + 1);
  return {
    format: COALITIONS_FORMAT,
    scenario: { name: model.scenario.name },
    concepts: ca.concepts,
    coalitionSizes: { min: ca.minSize, max: ca.maxSize },
    coalitionCount: ca.coalitionCount,
    statusQuo: model.statusQuo + 1,
    /** concept -> the plain equilibria. */
    equilibria: Object.fromEntries(ca.concepts.map((c) => [c, ids(analysis.equilibria[c]!)])),
    /** concept -> the states examined that hold against every coalition. */
    coalitionEquilibria: Object.fromEntries(ca.concepts.map((c) => [c, ids(ca.equilibria[c]!)])),
    states: ca.states.map((st) => ({
      state: st.state + 1,
      pattern: statePattern(model, st.state),
      equilibriumUnder: st.equilibriumUnder,
      coalitionStable: st.stable,
      coalitions: st.coalitions.map((co) => ({
        members: co.coalition.map(id),
        stable: co.stable,
        moves: co.moves.map((mv) => ({
          to: mv.to + 1,
          pattern: statePattern(model, mv.to),
          path: mv.path.map(step),
          sanctions: Object.fromEntries(Object.entries(mv.sanctions).map(([c, sn]) => [c, sanction(sn)])),
        })),
      })),
    })),
  };
}

/**
 * JSON with one line per joint move: indented down to `inlineDepth`, below
 * that (and for arrays or objects of plain values) on one line. The full Ukraine
 * analysis has thousands of joint moves; this keeps it readable and half the size.
 */
export function stringifyCoalitionsJson(value: unknown, inlineDepth = 6): string {
  const walk = (v: unknown, depth: number, indent: string): string => {
    if (v === null || typeof v !== "object") return JSON.stringify(v);
    const isArray = Array.isArray(v);
    const entries = isArray ? (v as unknown[]).map((x) => [undefined, x] as const) : Object.entries(v as object);
    const flat = entries.every(([, x]) => x === null || typeof x !== "object");
    if (depth >= inlineDepth || flat || entries.length === 0) return JSON.stringify(v);
    const inner = indent + "  ";
    const parts = entries.map(([k, x]) => inner + (k === undefined ? "" : `${JSON.stringify(k)}: `) + walk(x, depth + 1, inner));
    return `${isArray ? "[" : "{"}\n${parts.join(",\n")}\n${indent}${isArray ? "]" : "}"}`;
  };
  return walk(value, 0, "") + "\n";
}

export interface RenderOptions {
  md: boolean;
  /** Equilibria shown in detail, strongest first (0: all). */
  limit: number;
}

export function renderCoalitions(model: Model, analysis: Analysis, ca: CoalitionAnalysis, opts: RenderOptions): string {
  const md = opts.md;
  const ranks = model.scenario.decisionMakers.map((_, d) => displayRanks(model.pref[d]));
  const ctx: Ctx = { model, ranks, md };
  const out: string[] = [];
  const n = model.nDMs;
  const sizes = ca.minSize === ca.maxSize ? `${ca.maxSize}` : `${ca.minSize} to ${ca.maxSize}`;
  out.push(`${md ? "# " : ""}Coalition analysis: ${model.scenario.name}`, "");
  if (n < 2) {
    out.push("There is only one decision maker: no coalition can form.");
    return out.join("\n") + "\n";
  }
  out.push(
    `Groups of ${sizes} of the ${n} parties (${ca.coalitionCount} coalition${ca.coalitionCount === 1 ? "" : "s"}), under ${list(ca.concepts)}.`,
    "",
    "A coalition leaves a state by a joint move: its members move one after another (no party twice in a row) " +
      "and end in a state every one of them prefers. The move is deterred when the other parties can answer " +
      "with moves that leave at least one member no better off than before: any moves (GMR); moves the " +
      "coalition cannot escape by a joint counter-move (SMR); only moves that each leave their mover better off, " +
      "a credible threat (SEQ). Nash stability looks at no answer, so under it any joint move breaks a state. " +
      "An equilibrium holds against coalitions when no coalition can break it.",
    "",
  );

  // In short, when every equilibrium was examined (not for one chosen state).
  const examined = new Set(ca.states.map((x) => x.state));
  const examinedAll = ca.concepts.every((c) => analysis.equilibria[c]!.every((s) => examined.has(s)));
  const bullet = md ? "- " : "• ";
  if (examinedAll) {
    out.push(`${md ? "## " : ""}In short`, "");
    const sub = md ? "  - " : "    ";
    const seen = new Map<string, CoalitionConcept>();
    for (const c of ca.concepts) {
      const plain = analysis.equilibria[c]!.length;
      const held = ca.equilibria[c]!.length;
      const key = `${analysis.equilibria[c]!.join()}|${ca.equilibria[c]!.join()}`;
      const same = seen.get(key);
      if (same) {
        out.push(bullet + `${c}: the same equilibria as ${same}, and the same hold.`);
        continue;
      }
      seen.set(key, c);
      out.push(
        bullet +
          (plain === 0
            ? `${c}: no equilibrium, so nothing for a coalition to break.`
            : `${c}: ${held === plain ? (plain === 1 ? "the equilibrium holds" : plain === 2 ? "both equilibria hold" : `all ${plain} equilibria hold`) : held === 0 ? (plain === 1 ? "the equilibrium does not hold" : `none of the ${plain} equilibria holds`) : `${held} of the ${plain} equilibria ${held === 1 ? "holds" : "hold"}`} against every coalition${held > 0 && held <= 12 ? ` (state${held > 1 ? "s" : ""} ${ca.equilibria[c]!.map((s) => s + 1).join(", ")})` : ""}.`),
      );
      // Larger sets in words: the largest family of states that hold, and of those broken.
      const heldSet = new Set(ca.equilibria[c]);
      const broken = analysis.equilibria[c]!.filter((s) => !heldSet.has(s));
      if (plain > 12) {
        if (held > 0) out.push(sub + familyLine(model, "Hold", ca.equilibria[c]!));
        if (broken.length > 0) out.push(sub + familyLine(model, "Broken", broken));
      }
    }
    const breakers = breakerCounts(ca);
    if (breakers.length) {
      const top = breakers.slice(0, 3).map((b) => `${coalitionName(model, b.coalition)} (${b.count} equilibri${b.count === 1 ? "um" : "a"})`);
      out.push(bullet + `Coalitions that break the most equilibria: ${top.join("; ")}.`);
    }
    if (ca.states.length === 0) out.push(bullet + `No equilibrium under ${list(ca.concepts)}: nothing for a coalition to break.`);
    out.push("");
  }

  // One by one, strongest first.
  const order = strongestFirst(model, ca.states);
  const shown = opts.limit > 0 ? order.slice(0, opts.limit) : order;
  const missing = shown.find((st) => !st.detailed);
  if (missing) throw new Error(`renderCoalitions: state ${missing.state + 1} is shown but was not detailed (CoalitionOptions.detail)`);
  if (ca.states.length > 1)
    out.push(`${md ? "## " : ""}The equilibria one by one, strongest first${shown.length < order.length ? ` (${shown.length} of ${order.length})` : ""}`, "");
  for (const st of shown) out.push(...renderState(ctx, st, ca.concepts, ca.coalitionCount), "");
  if (shown.length < order.length)
    out.push(
      `${order.length - shown.length} more equilibri${order.length - shown.length === 1 ? "um" : "a"} not shown: --limit 0 shows all, --state STATE one of them, --format json every joint move with its sanctions.`,
      "",
    );
  while (out[out.length - 1] === "") out.pop();
  return out.join("\n") + "\n";
}

/** The examined states in the order shown: the status quo, then those equilibria under the most concepts, then by number. */
export function strongestFirst<T extends { state: number; equilibriumUnder: readonly CoalitionConcept[] }>(model: Model, states: readonly T[]): T[] {
  return [...states].sort(
    (a, b) =>
      Number(b.state === model.statusQuo) - Number(a.state === model.statusQuo) || b.equilibriumUnder.length - a.equilibriumUnder.length || a.state - b.state,
  );
}

/** The states renderCoalitions shows in detail with this limit (0: all): only those need joint moves and sanctions. */
export function shownStates(model: Model, examined: readonly { state: number; equilibriumUnder: readonly CoalitionConcept[] }[], limit: number): number[] {
  const order = strongestFirst(model, examined);
  return (limit > 0 ? order.slice(0, limit) : order).map((x) => x.state);
}

interface Ctx {
  model: Model;
  ranks: Int32Array[];
  md: boolean;
}

function renderState(ctx: Ctx, st: StateCoalitions, all: readonly CoalitionConcept[], coalitionCount: number): string[] {
  const { model, md } = ctx;
  const s = st.state;
  const out: string[] = [];
  const sq = s === model.statusQuo ? ", the status quo" : "";
  const eq = st.equilibriumUnder.length
    ? `equilibrium under ${list(st.equilibriumUnder)}`
    : `not an equilibrium under ${list(all)} (some party gains by leaving it on its own)`;
  out.push(`${md ? "### " : ""}State ${s + 1} (${statePattern(model, s)})${sq}: ${eq}`);
  out.push(`${md ? "" : "  "}${upperFirst(describeState(model, s))}.`);
  // Verdicts only for the concepts under which the state is an equilibrium; for any other state, all of them.
  const concepts = st.equilibriumUnder.length ? st.equilibriumUnder : [...all];
  if (md) out.push("");
  if (st.coalitions.length === 0) {
    out.push(
      `${md ? "" : "  "}${st.equilibriumUnder.length ? "No group of parties can reach a state all its members prefer: it holds against every coalition." : "No group of two or more parties can reach a state all its members prefer."}`,
    );
    return out;
  }
  if (st.equilibriumUnder.length) {
    const holds = concepts.filter((c) => st.stable[c]);
    const broken = concepts.filter((c) => !st.stable[c]);
    out.push(
      `${md ? "" : "  "}Against coalitions: ${[holds.length ? `holds under ${list(holds)}` : "", broken.length ? `broken under ${list(broken)}` : ""].filter(Boolean).join("; ")}.`,
    );
  }
  if (md) out.push("");
  for (const co of st.coalitions) {
    const breaks = concepts.filter((c) => !co.stable[c]);
    const deterred = concepts.filter((c) => co.stable[c]);
    const name = coalitionName(model, co.coalition);
    const verdict = [breaks.length ? `breaks it under ${list(breaks)}` : "", deterred.length ? `deterred under ${list(deterred)}` : ""]
      .filter(Boolean)
      .join("; ");
    const count = co.moves.length === 1 ? "1 joint move:" : `${co.moves.length} joint moves, for example`;
    const first = co.moves[0];
    out.push(
      `${md ? "- **" : "  • "}${name}${md ? "**" : ""}: ${verdict}. ${count} to state ${first.to + 1} (${statePattern(model, first.to)}), which ${gainText(ctx, co.coalition, s, first.to)}.`,
    );
    const pad = md ? "   " : "      ";
    first.path.forEach((m, k) => out.push(`${pad}${k + 1}. ${describeMove(model, m.dm, m.from, m.to)} → state ${m.to + 1}`));
    const still = co.coalition.filter((d) => !first.path.some((m) => m.dm === d));
    if (still.length) out.push(...(md ? [""] : []), `${pad}(No move needed from ${still.map((d) => dmName(model, d)).join(" or ")}.)`);
    if (md) out.push("");
    out.push(...sanctionLines(ctx, first, concepts, co.coalition, s).map((l) => (md ? `   - ${l}` : `${pad}${l}`)));
    if (co.moves.length > 1) {
      const rest = co.moves
        .slice(1)
        .map((m) => m.to + 1)
        .sort((a, b) => a - b);
      const shown = rest.slice(0, 12).join(", ") + (rest.length > 12 ? `, … (${rest.length} in all)` : "");
      if (md) out.push("");
      out.push(`${md ? "   " : pad}Also to state${rest.length > 1 ? "s" : ""} ${shown}.`);
    }
    if (md) out.push("");
  }
  if (st.coalitions.length < coalitionCount) out.push(`${md ? "" : "  "}No other group of parties can reach a state all its members prefer.`);
  return out;
}

/** "both gain (United States rank 9 → 3; Russia rank 12 → 10)" */
function gainText(ctx: Ctx, coalition: readonly number[], from: number, to: number): string {
  const who = coalition.length === 2 ? "both prefer" : `all ${numberWord(coalition.length)} prefer`;
  const parts = coalition.map((d) => `${dmName(ctx.model, d)} rank ${ctx.ranks[d][from]} → ${ctx.ranks[d][to]}`);
  return `${who} (${parts.join("; ")})`;
}

/** One line per group of concepts with the same sanction, then one per concept under which nothing deters the move. */
function sanctionLines(ctx: Ctx, mv: JointMoveCheck, concepts: readonly CoalitionConcept[], coalition: readonly number[], s: number): string[] {
  const { model, md } = ctx;
  const groups: { concepts: CoalitionConcept[]; sanction: CoalitionSanction }[] = [];
  const open: CoalitionConcept[] = [];
  for (const c of concepts) {
    const sn = mv.sanctions[c];
    if (!sn) {
      open.push(c);
      continue;
    }
    const same = groups.find((g) => g.sanction.result === sn.result && sameMoves(g.sanction.moves, sn.moves));
    if (same) same.concepts.push(c);
    else groups.push({ concepts: [c], sanction: sn });
  }
  const label = (cs: readonly CoalitionConcept[]) => (md ? `**${cs.join(", ")}**:` : `${cs.join(", ")}:`);
  const lines: string[] = [];
  // What breaks the state first. Without any sanction (GMR open) nothing deters under any concept: one line.
  if (open.length) {
    const reasons = open.includes("GMR") ? ["GMR" as const] : open.filter((c) => c !== "Nash");
    if (coalition.length === model.nDMs) lines.push(`${label(open)} not deterred: every party is in the coalition, so no one is left to answer.`);
    else if (reasons.length === 0) lines.push(`${label(open)} not deterred: ${notDeterred("Nash")}`);
    else
      reasons.forEach((r, k) => {
        const cs = open.includes("GMR") ? open : k === 0 ? open.filter((c) => c === "Nash" || c === r) : [r];
        lines.push(`${label(cs)} not deterred: ${notDeterred(r)}`);
      });
  }
  for (const g of groups) {
    const sn = g.sanction;
    const steps = sn.moves.map((m) => describeMove(model, m.dm, m.from, m.to)).join("; then ");
    const member = dmName(model, sn.member);
    let text = `${label(g.concepts)} deterred: then ${steps} (→ state ${sn.result + 1}), which leaves ${member} no better off than at state ${s + 1} (rank ${ctx.ranks[sn.member][sn.result]}; was ${ctx.ranks[sn.member][s]})`;
    if (g.concepts.includes("SMR"))
      text += `; no joint counter-move of ${coalitionName(model, coalition)} from there leaves all of them better off than at state ${s + 1}`;
    if (g.concepts.includes("SEQ")) text += "; each of these moves leaves its mover better off, so the threat is credible";
    lines.push(text + ".");
  }
  return lines;
}

function notDeterred(c: CoalitionConcept): string {
  switch (c) {
    case "Nash":
      return "Nash stability looks at no answer by the others.";
    case "GMR":
      return "no sequence of moves by the others leaves any member no better off.";
    case "SMR":
      return "no answer by the others holds once the coalition may counter-move.";
    case "SEQ":
      return "no credible answer (each move an improvement for its mover) leaves any member no better off.";
  }
}

function sameMoves(a: readonly MoveStep[], b: readonly MoveStep[]): boolean {
  return a.length === b.length && a.every((m, k) => m.dm === b[k].dm && m.from === b[k].from && m.to === b[k].to);
}

/** Per coalition: how many examined equilibria it breaks under a concept for which the state is an equilibrium. */
function breakerCounts(ca: CoalitionAnalysis): { coalition: number[]; count: number }[] {
  const counts = new Map<string, { coalition: number[]; count: number }>();
  for (const st of ca.states)
    for (const co of st.coalitions) {
      if (!st.equilibriumUnder.some((c) => !co.stable[c])) continue;
      const key = co.coalition.join(",");
      const entry = counts.get(key) ?? { coalition: co.coalition, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.coalition.length - b.coalition.length);
}

/** "Hold: <the largest family in words> (96 states), and 22 more." */
function familyLine(model: Model, what: string, states: readonly number[]): string {
  const [first] = stateFamilies(model, states);
  const rest = states.length - first.states.length;
  const n = first.states.length;
  return `${what}: ${upperFirst(describeFamily(model, first.states, first.care))} (${n === 1 ? `state ${first.states[0] + 1}` : `${n} states`})${rest > 0 ? `, and ${rest} more` : ""}.`;
}

export function coalitionName(model: Model, coalition: readonly number[]): string {
  return coalition.map((d) => dmName(model, d)).join(" + ");
}

function list(xs: readonly string[]): string {
  return xs.join(", ");
}

function upperFirst(s: string): string {
  return s.length ? s[0].toUpperCase() + s.slice(1) : s;
}

function numberWord(n: number): string {
  return ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"][n] ?? String(n);
}

const coalitionConcept: Schema = { enum: [...COALITION_CONCEPTS] };
export const coalitionsSchema = root("parley-coalitions/1", "parley coalitions --format json", {
  scenario: obj({ name: str }),
  concepts: arr(coalitionConcept),
  coalitionSizes: obj({ min: int, max: int }),
  coalitionCount: int,
  statusQuo: stateIdSchema,
  equilibria: map(ids, coalitionConcept),
  coalitionEquilibria: map(ids, coalitionConcept),
  states: arr(
    obj({
      state: stateIdSchema,
      pattern,
      equilibriumUnder: arr(concept),
      coalitionStable: map(bool, coalitionConcept),
      coalitions: arr(
        obj({
          members: arr(str, { minItems: 2 }),
          stable: map(bool, coalitionConcept),
          moves: arr(
            obj({
              to: stateIdSchema,
              pattern,
              path: arr(step),
              sanctions: map(nullable(obj({ moves: arr(step), result: stateIdSchema, pattern, memberNoBetterOff: str })), coalitionConcept),
            }),
          ),
        }),
      ),
    }),
  ),
});
