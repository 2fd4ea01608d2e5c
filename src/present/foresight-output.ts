/**
 * `parley foresight`: limited-move (L_h) or non-myopic (NM) stability as an
 * aligned text table, Markdown or JSON, with the line of play each decision
 * maker anticipates from one state.
 */
import { statePattern } from "../model/compile.js";
import type { MoveStep } from "../stability/explain.js";
import { NO_LIMIT, VARIANT_INFO } from "../extensions/limited-move.js";
import type { Foresight } from "../extensions/foresight.js";
import { describeMove, dmName, rankOf } from "../model/describe.js";
import { wrap } from "./text.js";
import { renderMarkdown, renderText, type Table } from "./table.js";
import { arr, bool, ids, int, map, nullable, obj, oneOfValues, pattern, root, stateIdSchema, step, str } from "./schema-kit.js";
import { FORESIGHT_VARIANTS } from "../extensions/limited-move.js";

export const FORESIGHT_FORMAT = "parley-foresight/1";

export function foresightJson(f: Foresight) {
  const { model } = f;
  const sc = model.scenario;
  const id = (d: number) => sc.decisionMakers[d].id;
  const step = (m: MoveStep) => ({ decisionMaker: id(m.dm), from: m.from + 1, to: m.to + 1 });
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
    statusQuo: model.statusQuo + 1,
    states: Array.from(model.states, (_, s) => ({
      id: s + 1,
      pattern: statePattern(model, s),
      stable: Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, flag(f.status[d][s])])),
      anticipated: Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, f.outcome[d][s] >= 0 ? f.outcome[d][s] + 1 : null])),
    })),
    stable: Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, idsWhere(f.status[d], 1)])),
    ...(f.nm ? { noLimit: Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, idsWhere(f.status[d], NO_LIMIT)])) } : {}),
    equilibria: f.equilibria.map((s) => s + 1),
    play: {
      state: f.focus + 1,
      pattern: statePattern(model, f.focus),
      horizon: f.horizon,
      decisionMakers: f.plays.map((p) => ({
        id: id(p.dm),
        stable: p.stable,
        moves: p.moves.map(step),
        result: p.result + 1,
        ...(p.tried ? { tried: { moves: p.tried.moves.map(step), result: p.tried.result + 1 } } : {}),
      })),
    },
  };
}

function idsWhere(a: Int8Array, v: number): number[] {
  const out: number[] = [];
  a.forEach((x, s) => {
    if (x === v) out.push(s + 1);
  });
  return out;
}

/** The concept's short name: L_2, NM. */
function conceptName(f: Foresight): string {
  return f.nm ? "NM" : `L_${f.horizon}`;
}

export function renderForesight(f: Foresight, md: boolean): string {
  const { model } = f;
  const sc = model.scenario;
  const info = VARIANT_INFO[f.variant];
  const c = conceptName(f);
  const out: string[] = [];
  const title = f.nm ? "non-myopic stability (NM)" : `limited-move stability with horizon ${f.horizon} (L_${f.horizon})`;
  out.push(md ? `# ${sc.name}: ${title}` : `${sc.name}: ${title}`, "");
  const para = (t: string) => out.push(md ? t : wrap(t), "");
  para(
    (f.nm
      ? "Each decision maker looks arbitrarily far ahead (L_h as the horizon h grows without bound). "
      : `Each decision maker looks ${f.horizon} move${f.horizon > 1 ? "s" : ""} ahead. `) +
      `Variant ${f.variant} (${info.title}): ${info.summary}; whoever is to move may instead stop, which ends play. ` +
      `A state is ${c} stable for a decision maker when none of its moves, followed by the answers it anticipates, ends in a state it prefers; any move counts, even one that first makes things worse. ` +
      `Source: ${info.source}.`,
  );
  if (f.nm) {
    const { preperiod, period, from } = f.nm;
    para(
      period === 1
        ? `The anticipated outcomes stop changing from horizon ${Math.max(preperiod, 1)} on, so NM is L_h for any horizon from ${from}.`
        : `The anticipated outcomes repeat every ${period} moves from horizon ${preperiod} on; a state whose stability changes within the cycle (horizons ${from} to ${from + period - 1}) has no NM limit (~).`,
    );
  }
  const table = stabilityTable(f, md);
  out.push(md ? renderMarkdown(table) : indent(renderText(table)), "");
  out.push(
    `${f.nm ? "✓ stable, · not stable, ~ no limit" : "✓ stable, · not stable"}; one column per decision maker (${sc.decisionMakers
      .map((d) => d.id)
      .join(", ")}). ▸ marks the status quo.`,
    "",
  );
  const eq = f.equilibria.map((s) => `${s + 1} (${statePattern(model, s)})`);
  out.push(`${md ? "**" : ""}${c} equilibria${md ? "**" : ""}: ${eq.length ? eq.join(", ") : "none"}.`, "");
  out.push(playText(f, md));
  return out.join("\n") + "\n";
}

function stabilityTable(f: Foresight, md: boolean): Table {
  const { model } = f;
  const sc = model.scenario;
  const mark = (v: number) => (v === NO_LIMIT ? "~" : v === 1 ? "✓" : "·");
  const eq = new Set(f.equilibria);
  const rows = Array.from(model.states, (_, s) => [
    `${s === model.statusQuo ? "▸" : ""}${s + 1}`,
    statePattern(model, s),
    ...sc.decisionMakers.map((_, d) => mark(f.status[d][s])),
    eq.has(s) ? "yes" : "",
  ]);
  const header = ["state", "pattern", ...sc.decisionMakers.map((d) => d.id), `${conceptName(f)} equilibrium`];
  if (md) rows.forEach((r) => (r[0] = r[0].replace("▸", "▸ ")));
  return { header, rows, right: [true] };
}

function playText(f: Foresight, md: boolean): string {
  const { model } = f;
  const s = f.focus;
  const out: string[] = [];
  const where = `state ${s + 1} (${statePattern(model, s)})${s === model.statusQuo ? ", the status quo" : ""}`;
  out.push(
    `${md ? "## " : ""}Anticipated play from ${where}, looking ${f.horizon} move${f.horizon > 1 ? "s" : ""} ahead${
      f.nm ? ` (the first horizon of the limit)` : ""
    }${md ? "" : ":"}`,
  );
  const bullet = md ? "- " : "• ";
  const sub = md ? "   " : "    ";
  for (const p of f.plays) {
    const who = dmName(model, p.dm);
    const rank = (t: number) => rankOf(model, p.dm, t);
    const lines = (moves: MoveStep[]) =>
      moves.map((m, k) => `${sub}${k + 1}. ${describeMove(model, m.dm, m.from, m.to)} → state ${m.to + 1} (${statePattern(model, m.to)})`);
    const verdict = p.stable === null ? " (its NM stability has no limit: it changes with the horizon)" : "";
    const ending = (moves: MoveStep[]) => (moves.length < f.horizon ? stopper(f, p.dm, moves[moves.length - 1].dm) : "the horizon is reached");
    if (p.moves.length) {
      out.push(`${bullet}${who} moves${verdict}:`, ...lines(p.moves));
      out.push(`${sub}Then ${ending(p.moves)}: play ends in state ${p.result + 1}, which ${who} ranks ${rank(p.result)}, better than ${rank(s)} now.`);
    } else if (!p.tried) {
      out.push(`${bullet}${who} has no move here, so the state is stable for it${verdict}.`);
    } else {
      out.push(`${bullet}${who} stays${verdict}. Its best move would not pay:`, ...lines(p.tried.moves));
      const end = p.tried.result;
      const cmp = model.pref[p.dm][end] === model.pref[p.dm][s] ? "no better than" : "worse than";
      out.push(`${sub}Then ${ending(p.tried.moves)}: play would end in state ${end + 1}, which ${who} ranks ${rank(end)}, ${cmp} ${rank(s)} now.`);
    }
  }
  return out.join("\n");
}

/** Who declines to answer after `last` moved, in the play DM `focal` anticipates. */
function stopper(f: Foresight, focal: number, last: number): string {
  const n = f.model.nDMs;
  if (f.variant === "maximin") return last === focal ? "the others stop" : `${dmName(f.model, focal)} stops`;
  return `${dmName(f.model, (last + 1) % n)} stops`;
}

function indent(s: string): string {
  return s
    .split("\n")
    .map((l) => "  " + l)
    .join("\n");
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
