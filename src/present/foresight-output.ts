/**
 * `parley foresight` (`parley-foresight/1`): limited-move (L_h) or non-myopic
 * (NM) stability, a table with the line of play each decision maker
 * anticipates from one state: its JSON, document and schema.
 */
import { statePattern } from "../model/compile.js";
import type { MoveStep } from "../stability/explain.js";
import { NO_LIMIT, VARIANT_INFO } from "../extensions/limited-move.js";
import type { Foresight } from "../extensions/foresight.js";
import { describeMove, dmName, rankOf } from "../model/describe.js";
import type { Table } from "./table.js";
import { stateId, stateIds } from "../model/states.js";
import { type Block, type Document, type Inline, type Span, strong, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";
import { arr, bool, ids, int, map, nullable, obj, oneOfValues, pattern, root, stateIdSchema, step, str } from "./schema-kit.js";
import { FORESIGHT_VARIANTS } from "../extensions/limited-move.js";

const FORESIGHT_FORMAT = "parley-foresight/1";

function foresightJson(f: Foresight) {
  const { model } = f;
  const sc = model.scenario;
  const id = (d: number) => sc.decisionMakers[d].id;
  const step = (m: MoveStep) => ({ decisionMaker: id(m.dm), from: stateId(m.from), to: stateId(m.to) });
  const flag = (v: number) => (v === NO_LIMIT ? null : v === 1);
  return {
    format: FORESIGHT_FORMAT,
    scenario: { name: sc.name },
    decisionMakers: sc.decisionMakers.map((dm) => ({ id: dm.id, name: dm.name })),
    concept: f.nm ? "NM" : "L_h",
    variant: f.variant,
    variantSource: VARIANT_INFO[f.variant].source,
    horizon: f.nm ? null : f.horizon,
    ...(f.nm ? { nonMyopic: { preperiod: f.nm.preperiod, period: f.nm.period, from: f.nm.from } } : {}),
    statusQuo: stateId(model.statusQuo),
    states: Array.from(model.states, (_, s) => ({
      id: stateId(s),
      pattern: statePattern(model, s),
      stable: Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, flag(f.status[d][s])])),
      anticipated: Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, f.outcome[d][s] >= 0 ? stateId(f.outcome[d][s]) : null])),
    })),
    stable: Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, idsWhere(f.status[d], 1)])),
    ...(f.nm ? { noLimit: Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, idsWhere(f.status[d], NO_LIMIT)])) } : {}),
    equilibria: stateIds(f.equilibria),
    play: {
      state: stateId(f.focus),
      pattern: statePattern(model, f.focus),
      horizon: f.horizon,
      decisionMakers: f.plays.map((p) => ({
        id: id(p.dm),
        stable: p.stable,
        moves: p.moves.map(step),
        result: stateId(p.result),
        ...(p.tried ? { tried: { moves: p.tried.moves.map(step), result: stateId(p.tried.result) } } : {}),
      })),
    },
  };
}

function idsWhere(a: Int8Array, v: number): number[] {
  const out: number[] = [];
  a.forEach((x, s) => {
    if (x === v) out.push(stateId(s));
  });
  return out;
}

/** The concept's short name: L_2, NM. */
function conceptName(f: Foresight): string {
  return f.nm ? "NM" : `L_${f.horizon}`;
}

/** The result of `parley foresight` as a document. */
function foresightDocument(f: Foresight): Document {
  const { model } = f;
  const sc = model.scenario;
  const info = VARIANT_INFO[f.variant];
  const c = conceptName(f);
  const title = f.nm ? "non-myopic stability (NM)" : `limited-move stability with horizon ${f.horizon} (L_${f.horizon})`;
  const blocks: Block[] = [{ kind: "heading", level: 1, text: t`${user(sc.name)}: ${title}` }];
  blocks.push({
    kind: "paragraph",
    wrap: true,
    text:
      (f.nm
        ? "Each decision maker looks arbitrarily far ahead (L_h as the horizon h grows without bound). "
        : `Each decision maker looks ${f.horizon} move${f.horizon > 1 ? "s" : ""} ahead. `) +
      `Variant ${f.variant} (${info.title}): ${info.summary}; whoever is to move may instead stop, which ends play. ` +
      `A state is ${c} stable for a decision maker when none of its moves, followed by the answers it anticipates, ends in a state it prefers; any move counts, even one that first makes things worse. ` +
      `Source: ${info.source}.`,
  });
  if (f.nm) {
    const { preperiod, period, from } = f.nm;
    blocks.push({
      kind: "paragraph",
      wrap: true,
      text:
        period === 1
          ? `The anticipated outcomes stop changing from horizon ${Math.max(preperiod, 1)} on, so NM is L_h for any horizon from ${from}.`
          : `The anticipated outcomes repeat every ${period} moves from horizon ${preperiod} on; a state whose stability changes within the cycle (horizons ${from} to ${from + period - 1}) has no NM limit (~).`,
    });
  }
  // The status quo's mark stands apart from its number except in aligned text.
  blocks.push({ kind: "table", table: stabilityTable(f, "▸"), indent: 2, only: ["text"] });
  blocks.push({ kind: "table", table: stabilityTable(f, "▸ "), only: ["md", "html"] });
  const ids = sc.decisionMakers.map((d) => user(d.id));
  blocks.push({
    kind: "paragraph",
    text: t`${f.nm ? "✓ stable, · not stable, ~ no limit" : "✓ stable, · not stable"}; one column per decision maker (${join(ids, ", ")}). ▸ marks the status quo.`,
  });
  const eq = f.equilibria.map((s) => `${stateId(s)} (${statePattern(model, s)})`);
  blocks.push({ kind: "paragraph", text: t`${strong(`${c} equilibria`)}: ${eq.length ? eq.join(", ") : "none"}.` });
  blocks.push(...playBlocks(f));
  return { title: `${sc.name}: ${title}`, blocks };
}

/** Spans with a separator between them. */
function join(xs: readonly Span[], sep: string): Span[] {
  return xs.flatMap((x, k) => (k === 0 ? [x] : [sep, x]));
}

function stabilityTable(f: Foresight, sqMark: string): Table {
  const { model } = f;
  const sc = model.scenario;
  const mark = (v: number) => (v === NO_LIMIT ? "~" : v === 1 ? "✓" : "·");
  const eq = new Set(f.equilibria);
  const rows = Array.from(model.states, (_, s) => [
    `${s === model.statusQuo ? sqMark : ""}${stateId(s)}`,
    statePattern(model, s),
    ...sc.decisionMakers.map((_, d) => mark(f.status[d][s])),
    eq.has(s) ? "yes" : "",
  ]);
  const header = ["state", "pattern", ...sc.decisionMakers.map((d) => d.id), `${conceptName(f)} equilibrium`];
  return { header, rows, right: [true] };
}

function playBlocks(f: Foresight): Block[] {
  const { model } = f;
  const s = f.focus;
  const where = `state ${stateId(s)} (${statePattern(model, s)})${s === model.statusQuo ? ", the status quo" : ""}`;
  const heading = `Anticipated play from ${where}, looking ${f.horizon} move${f.horizon > 1 ? "s" : ""} ahead${f.nm ? " (the first horizon of the limit)" : ""}`;
  const blocks: Block[] = [{ kind: "heading", level: 2, text: heading, asText: `${heading}:` }];
  // The lines of play follow one another without blank lines, each move numbered under its decision maker.
  const item = (text: Inline): Block => ({ kind: "item", level: 1, joined: true, text });
  const then = (text: Inline): Block => ({ kind: "paragraph", level: 2, joined: true, indent: 4, mdIndent: 3, text });
  const steps = (moves: MoveStep[]): Block[] =>
    moves.map((m, k) => ({
      kind: "step",
      level: 2,
      n: k + 1,
      indent: 4,
      mdIndent: 3,
      joined: true,
      text: t`${user(describeMove(model, m.dm, m.from, m.to))} → state ${stateId(m.to)} (${statePattern(model, m.to)})`,
    }));
  for (const p of f.plays) {
    const who = user(dmName(model, p.dm));
    const rank = (x: number) => rankOf(model, p.dm, x);
    const verdict = p.stable === null ? " (its NM stability has no limit: it changes with the horizon)" : "";
    const ending = (moves: MoveStep[]) => (moves.length < f.horizon ? stopper(f, p.dm, moves[moves.length - 1].dm) : "the horizon is reached");
    if (p.moves.length) {
      blocks.push(item(t`${who} moves${verdict}:`), ...steps(p.moves));
      blocks.push(then(t`Then ${ending(p.moves)}: play ends in state ${stateId(p.result)}, which ${who} ranks ${rank(p.result)}, better than ${rank(s)} now.`));
    } else if (!p.tried) {
      blocks.push(item(t`${who} has no move here, so the state is stable for it${verdict}.`));
    } else {
      blocks.push(item(t`${who} stays${verdict}. Its best move would not pay:`), ...steps(p.tried.moves));
      const end = p.tried.result;
      const cmp = model.pref[p.dm][end] === model.pref[p.dm][s] ? "no better than" : "worse than";
      blocks.push(then(t`Then ${ending(p.tried.moves)}: play would end in state ${stateId(end)}, which ${who} ranks ${rank(end)}, ${cmp} ${rank(s)} now.`));
    }
  }
  return blocks;
}

/** Who declines to answer after `last` moved, in the play DM `focal` anticipates. */
function stopper(f: Foresight, focal: number, last: number): Inline {
  const n = f.model.nDMs;
  if (f.variant === "maximin") return last === focal ? "the others stop" : t`${user(dmName(f.model, focal))} stops`;
  return t`${user(dmName(f.model, (last + 1) % n))} stops`;
}

export const foresightSchema = root(
  "parley-foresight/1",
  "parley foresight --format json",
  {
    scenario: obj({ name: str }),
    decisionMakers: arr(obj({ id: str, name: str })),
    concept: oneOfValues("L_h", "NM"),
    variant: { enum: [...FORESIGHT_VARIANTS] },
    variantSource: str,
    horizon: nullable(int),
    nonMyopic: obj({ preperiod: int, period: int, from: int }),
    statusQuo: stateIdSchema,
    states: arr(obj({ id: stateIdSchema, pattern, stable: map(nullable(bool)), anticipated: map(nullable(stateIdSchema)) })),
    stable: map(ids),
    noLimit: map(ids),
    equilibria: ids,
    play: obj({
      state: stateIdSchema,
      pattern,
      horizon: int,
      decisionMakers: arr(
        obj({ id: str, stable: nullable(bool), moves: arr(step), result: stateIdSchema, tried: obj({ moves: arr(step), result: stateIdSchema }) }, ["tried"]),
      ),
    }),
  },
  ["nonMyopic", "noLimit"],
);

export const foresightOutput: OutputKind<Foresight> = {
  format: FORESIGHT_FORMAT,
  schema: foresightSchema,
  toJson: foresightJson,
  toDocument: foresightDocument,
};
