/**
 * `parley coalitions` (`parley-coalitions/1`): its JSON, document and schema. The
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
import { stateId, stateIds } from "../model/states.js";
import { type Block, type Document, type Inline, type Span, strong, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";
import { arr, bool, concept, ids, int, map, nullable, obj, pattern, root, stateIdSchema, step, str, type Schema } from "./schema-kit.js";
import { allDeterred, COALITION_CONCEPTS, movesByEveryMember } from "../extensions/coalitions.js";

const COALITIONS_FORMAT = "parley-coalitions/1";

function coalitionsJson(model: Model, analysis: Analysis, ca: CoalitionAnalysis) {
  const id = (d: number) => model.scenario.decisionMakers[d].id;
  const step = (m: MoveStep) => ({ decisionMaker: id(m.dm), from: stateId(m.from), to: stateId(m.to) });
  const sanction = (sn: CoalitionSanction | null) =>
    sn ? { moves: sn.moves.map(step), result: stateId(sn.result), pattern: statePattern(model, sn.result), memberNoBetterOff: id(sn.member) } : null;
  const ids = (xs: readonly number[]) => stateIds(xs);
  return {
    format: COALITIONS_FORMAT,
    scenario: { name: model.scenario.name },
    concepts: ca.concepts,
    coalitionSizes: { min: ca.minSize, max: ca.maxSize },
    coalitionCount: ca.coalitionCount,
    statusQuo: stateId(model.statusQuo),
    /** concept -> the plain equilibria. */
    equilibria: Object.fromEntries(ca.concepts.map((c) => [c, ids(analysis.equilibria[c]!)])),
    /** concept -> the states examined that hold against every coalition. */
    coalitionEquilibria: Object.fromEntries(ca.concepts.map((c) => [c, ids(ca.equilibria[c]!)])),
    states: ca.states.map((st) => ({
      state: stateId(st.state),
      pattern: statePattern(model, st.state),
      equilibriumUnder: st.equilibriumUnder,
      coalitionStable: st.stable,
      coalitions: st.coalitions.map((co) => ({
        members: co.coalition.map(id),
        stable: co.stable,
        moves: co.moves.map((mv) => ({
          to: stateId(mv.to),
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
function stringifyCoalitionsJson(value: unknown, inlineDepth = 6): string {
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

/** What `parley coalitions` computed. */
export interface CoalitionsResult {
  model: Model;
  analysis: Analysis;
  coalitions: CoalitionAnalysis;
}

export interface CoalitionsOptions {
  /** Equilibria shown in detail, strongest first (0: all). */
  limit: number;
}

/** One blank line more in Markdown, where the layout always had two. */
const mdBlank: Block = { kind: "paragraph", text: "", joined: true, only: ["md"] };

function coalitionsDocument({ model, analysis, coalitions: ca }: CoalitionsResult, opts: CoalitionsOptions): Document {
  const ranks = model.scenario.decisionMakers.map((_, d) => displayRanks(model.pref[d]));
  const ctx: Ctx = { model, ranks };
  const n = model.nDMs;
  const sizes = ca.minSize === ca.maxSize ? `${ca.maxSize}` : `${ca.minSize} to ${ca.maxSize}`;
  const title = `Coalition analysis: ${model.scenario.name}`;
  const blocks: Block[] = [{ kind: "heading", level: 1, text: t`Coalition analysis: ${user(model.scenario.name)}` }];
  if (n < 2) {
    blocks.push({ kind: "paragraph", text: "There is only one decision maker: no coalition can form." });
    return { title, blocks };
  }
  blocks.push(
    {
      kind: "paragraph",
      text: `Groups of ${sizes} of the ${n} parties (${ca.coalitionCount} coalition${ca.coalitionCount === 1 ? "" : "s"}), under ${list(ca.concepts)}.`,
    },
    {
      kind: "paragraph",
      text:
        "A coalition leaves a state by a joint move: its members move one after another (no party twice in a row) " +
        "and end in a state every one of them prefers. The move is deterred when the other parties can answer " +
        "with moves that leave at least one member no better off than before: any moves (GMR); moves the " +
        "coalition cannot escape by a joint counter-move (SMR); only moves that each leave their mover better off, " +
        "a credible threat (SEQ). Nash stability looks at no answer, so under it any joint move breaks a state. " +
        "An equilibrium holds against coalitions when no coalition can break it.",
    },
  );

  // In short, when every equilibrium was examined (not for one chosen state).
  const examined = new Set(ca.states.map((x) => x.state));
  const examinedAll = ca.concepts.every((c) => analysis.equilibria[c]!.every((s) => examined.has(s)));
  const bullet = (text: Inline) => blocks.push({ kind: "item", level: 1, text });
  if (examinedAll) {
    blocks.push({ kind: "heading", level: 2, text: "In short" });
    // A family of states under its concept: indented without a marker in text.
    const sub = (text: Inline) => blocks.push({ kind: "item", level: 2, marker: "", indent: 4, text });
    const seen = new Map<string, CoalitionConcept>();
    for (const c of ca.concepts) {
      const plain = analysis.equilibria[c]!.length;
      const held = ca.equilibria[c]!.length;
      const key = `${analysis.equilibria[c]!.join()}|${ca.equilibria[c]!.join()}`;
      const same = seen.get(key);
      if (same) {
        bullet(`${c}: the same equilibria as ${same}, and the same hold.`);
        continue;
      }
      seen.set(key, c);
      bullet(
        plain === 0
          ? `${c}: no equilibrium, so nothing for a coalition to break.`
          : `${c}: ${held === plain ? (plain === 1 ? "the equilibrium holds" : plain === 2 ? "both equilibria hold" : `all ${plain} equilibria hold`) : held === 0 ? (plain === 1 ? "the equilibrium does not hold" : `none of the ${plain} equilibria holds`) : `${held} of the ${plain} equilibria ${held === 1 ? "holds" : "hold"}`} against every coalition${held > 0 && held <= 12 ? ` (state${held > 1 ? "s" : ""} ${stateIds(ca.equilibria[c]!).join(", ")})` : ""}.`,
      );
      // Larger sets in words: the largest family of states that hold, and of those broken.
      const heldSet = new Set(ca.equilibria[c]);
      const broken = analysis.equilibria[c]!.filter((s) => !heldSet.has(s));
      if (plain > 12) {
        if (held > 0) sub(familyLine(model, "Hold", ca.equilibria[c]!));
        if (broken.length > 0) sub(familyLine(model, "Broken", broken));
      }
    }
    const breakers = breakerCounts(ca);
    if (breakers.length) {
      const top = breakers.slice(0, 3).map((b) => t`${coalitionSpan(model, b.coalition)} (${b.count} equilibri${b.count === 1 ? "um" : "a"})`);
      bullet(t`Coalitions that break the most equilibria: ${join(top, "; ")}.`);
    }
    if (ca.states.length === 0) bullet(`No equilibrium under ${list(ca.concepts)}: nothing for a coalition to break.`);
  }

  // One by one, strongest first.
  const order = strongestFirst(model, ca.states);
  const shown = opts.limit > 0 ? order.slice(0, opts.limit) : order;
  const missing = shown.find((st) => !st.detailed);
  if (missing) throw new Error(`coalitionsDocument: state ${stateId(missing.state)} is shown but was not detailed (CoalitionOptions.detail)`);
  if (ca.states.length > 1)
    blocks.push({
      kind: "heading",
      level: 2,
      text: `The equilibria one by one, strongest first${shown.length < order.length ? ` (${shown.length} of ${order.length})` : ""}`,
    });
  for (const st of shown) blocks.push(...stateBlocks(ctx, st, ca.concepts, ca.coalitionCount));
  if (shown.length < order.length)
    blocks.push({
      kind: "paragraph",
      text: `${order.length - shown.length} more equilibri${order.length - shown.length === 1 ? "um" : "a"} not shown: --limit 0 shows all, --state STATE one of them, --format json every joint move with its sanctions.`,
    });
  if (blocks[blocks.length - 1] === mdBlank) blocks.pop();
  return { title, blocks };
}

/** The examined states in the order shown: the status quo, then those equilibria under the most concepts, then by number. */
function strongestFirst<T extends { state: number; equilibriumUnder: readonly CoalitionConcept[] }>(model: Model, states: readonly T[]): T[] {
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
}

/**
 * One examined state: in text a block of lines under its heading, in Markdown
 * with a blank line between its parts.
 */
function stateBlocks(ctx: Ctx, st: StateCoalitions, all: readonly CoalitionConcept[], coalitionCount: number): Block[] {
  const { model } = ctx;
  const s = st.state;
  const inText = ["text"] as const;
  const blocks: Block[] = [];
  const para = (text: Inline, joined: Block["joined"] = inText): Block => ({ kind: "paragraph", level: 1, joined, text });
  const sub = (text: Inline): Block => ({ kind: "paragraph", level: 2, indent: 6, mdIndent: 3, joined: inText, text });
  const sq = s === model.statusQuo ? ", the status quo" : "";
  const eq = st.equilibriumUnder.length
    ? `equilibrium under ${list(st.equilibriumUnder)}`
    : `not an equilibrium under ${list(all)} (some party gains by leaving it on its own)`;
  blocks.push({ kind: "heading", level: 3, text: `State ${stateId(s)} (${statePattern(model, s)})${sq}: ${eq}` });
  blocks.push(para(t`${user(upperFirst(describeState(model, s)))}.`, true));
  // Verdicts only for the concepts under which the state is an equilibrium; for any other state, all of them.
  const concepts = st.equilibriumUnder.length ? st.equilibriumUnder : [...all];
  if (st.coalitions.length === 0) {
    blocks.push(
      para(
        st.equilibriumUnder.length
          ? "No group of parties can reach a state all its members prefer: it holds against every coalition."
          : "No group of two or more parties can reach a state all its members prefer.",
      ),
    );
    return blocks;
  }
  if (st.equilibriumUnder.length) {
    const holds = concepts.filter((c) => st.stable[c]);
    const broken = concepts.filter((c) => !st.stable[c]);
    blocks.push(
      para(
        `Against coalitions: ${[holds.length ? `holds under ${list(holds)}` : "", broken.length ? `broken under ${list(broken)}` : ""].filter(Boolean).join("; ")}.`,
      ),
    );
  } else blocks.push(mdBlank);
  // A group whose joint moves all leave a member idle is a smaller group's move: named at the end, not listed.
  const leftOut = st.coalitions.filter((co) => movesByEveryMember(co).length === 0);
  for (const co0 of st.coalitions) {
    const joint = movesByEveryMember(co0);
    if (joint.length === 0) continue;
    const co = { ...co0, moves: joint };
    // Judged on the moves shown: deterred when every one of them is (the engine's verdict when none was left out).
    const isDeterred = (c: CoalitionConcept) => (joint.length === co0.moves.length ? (co0.stable[c] ?? false) : allDeterred(joint, c));
    const breaks = concepts.filter((c) => !isDeterred(c));
    const deterred = concepts.filter((c) => isDeterred(c));
    const verdict = [breaks.length ? `breaks it under ${list(breaks)}` : "", deterred.length ? `deterred under ${list(deterred)}` : ""]
      .filter(Boolean)
      .join("; ");
    const count = co.moves.length === 1 ? "1 joint move:" : `${co.moves.length} joint moves, for example`;
    const first = co.moves[0];
    blocks.push({
      kind: "item",
      level: 1,
      indent: 2,
      mdIndent: 0,
      apart: true,
      joined: inText,
      text: t`${strong(coalitionSpan(model, co.coalition))}: ${verdict}. ${count} to state ${stateId(first.to)} (${statePattern(model, first.to)}), which ${gainText(ctx, co.coalition, s, first.to)}.`,
    });
    first.path.forEach((m, j) =>
      blocks.push({
        kind: "step",
        level: 2,
        n: j + 1,
        indent: 6,
        mdIndent: 3,
        joined: true,
        text: t`${user(describeMove(model, m.dm, m.from, m.to))} → state ${stateId(m.to)}`,
      }),
    );
    sanctionLines(ctx, first, concepts, co.coalition, s).forEach((text, j) =>
      blocks.push({ kind: "item", level: 2, marker: "", indent: 6, mdIndent: 3, apart: j === 0, joined: inText, text }),
    );
    if (co.moves.length > 1) {
      const rest = stateIds(co.moves.slice(1).map((m) => m.to)).sort((a, b) => a - b);
      const shown = rest.slice(0, 12).join(", ") + (rest.length > 12 ? `, … (${rest.length} in all)` : "");
      blocks.push(sub(`Also to state${rest.length > 1 ? "s" : ""} ${shown}.`));
    }
  }
  if (leftOut.length) {
    const named = leftOut.map((co) => {
      const breaks = concepts.filter((c) => !co.stable[c]);
      return `${coalitionName(model, co.coalition)}${breaks.length ? ` (breaks it under ${list(breaks)})` : ""}`;
    });
    blocks.push(
      para(
        t`Left out: ${user(named.join("; "))}: ${leftOut.length === 1 ? "a group" : "groups"} that could get there only by moves some of ${leftOut.length === 1 ? "its" : "their"} members need not take part in (the moves of a smaller group, listed under it, or of one party, in \`parley explain\`).`,
      ),
    );
  }
  if (st.coalitions.length < coalitionCount) blocks.push(para("No other group of parties can reach a state all its members prefer."));
  else blocks.push(mdBlank);
  return blocks;
}

/** "both gain (United States rank 9 → 3; Russia rank 12 → 10)" */
function gainText(ctx: Ctx, coalition: readonly number[], from: number, to: number): Inline {
  const who = coalition.length === 2 ? "both prefer" : `all ${numberWord(coalition.length)} prefer`;
  const parts = coalition.map((d) => t`${user(dmName(ctx.model, d))} rank ${ctx.ranks[d][from]} → ${ctx.ranks[d][to]}`);
  return t`${who} (${join(parts, "; ")})`;
}

/** One line per group of concepts with the same sanction, then one per concept under which nothing deters the move. */
function sanctionLines(ctx: Ctx, mv: JointMoveCheck, concepts: readonly CoalitionConcept[], coalition: readonly number[], s: number): Inline[] {
  const { model } = ctx;
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
  const label = (cs: readonly CoalitionConcept[]) => t`${strong(cs.join(", "))}:`;
  const lines: Inline[] = [];
  // What breaks the state first. Without any sanction (GMR open) nothing deters under any concept: one line.
  if (open.length) {
    const reasons = open.includes("GMR") ? ["GMR" as const] : open.filter((c) => c !== "Nash");
    if (coalition.length === model.nDMs) lines.push(t`${label(open)} not deterred: every party is in the coalition, so no one is left to answer.`);
    else if (reasons.length === 0) lines.push(t`${label(open)} not deterred: ${notDeterred("Nash")}`);
    else
      reasons.forEach((r, k) => {
        const cs = open.includes("GMR") ? open : k === 0 ? open.filter((c) => c === "Nash" || c === r) : [r];
        lines.push(t`${label(cs)} not deterred: ${notDeterred(r)}`);
      });
  }
  for (const g of groups) {
    const sn = g.sanction;
    const steps = join(
      sn.moves.map((m) => user(describeMove(model, m.dm, m.from, m.to))),
      "; then ",
    );
    const text = t`${label(g.concepts)} deterred: then ${steps} (→ state ${stateId(sn.result)}), which leaves ${user(dmName(model, sn.member))} no better off than at state ${stateId(s)} (rank ${ctx.ranks[sn.member][sn.result]}; was ${ctx.ranks[sn.member][s]})`;
    if (g.concepts.includes("SMR"))
      text.push(...t`; no joint counter-move of ${coalitionSpan(model, coalition)} from there leaves all of them better off than at state ${stateId(s)}`);
    if (g.concepts.includes("SEQ")) text.push("; each of these moves leaves its mover better off, so the threat is credible");
    lines.push([...text, "."]);
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
function familyLine(model: Model, what: string, states: readonly number[]): Inline {
  const [first] = stateFamilies(model, states);
  const rest = states.length - first.states.length;
  const n = first.states.length;
  return t`${what}: ${user(upperFirst(describeFamily(model, first.states, first.care)))} (${n === 1 ? `state ${stateId(first.states[0])}` : `${n} states`})${rest > 0 ? `, and ${rest} more` : ""}.`;
}

function coalitionName(model: Model, coalition: readonly number[]): string {
  return coalition.map((d) => dmName(model, d)).join(" + ");
}

/** The coalition's name, scenario text. */
function coalitionSpan(model: Model, coalition: readonly number[]): Span {
  return user(coalitionName(model, coalition));
}

/** Spans with a separator between them. */
function join(xs: readonly Inline[], sep: string): Span[] {
  return xs.flatMap((x, k) => [...(k === 0 ? [] : [sep]), ...(Array.isArray(x) ? x : [x])]);
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

export const coalitionsOutput: OutputKind<CoalitionsResult, CoalitionsOptions> = {
  format: COALITIONS_FORMAT,
  schema: coalitionsSchema,
  toJson: ({ model, analysis, coalitions }) => coalitionsJson(model, analysis, coalitions),
  jsonText: (json) => stringifyCoalitionsJson(json),
  toDocument: coalitionsDocument,
};
