/**
 * The results of `parley hypergame` (`parley-hypergame/1`): its JSON, document
 * and schema: what each decision maker does not perceive, the
 * hypergame equilibria beside the full-information ones, and where and why
 * misperception changes the result, in words.
 */
import { statePattern, type Model } from "../model/compile.js";
import {
  equilibriumChanges,
  explainChange,
  stabilityChanges,
  type Blocked,
  type ChangeReason,
  type Hypergame,
  type StabilityChange,
} from "../extensions/hypergame.js";
import type { Concept } from "../stability/analyze.js";
import type { Sanction } from "../stability/explain.js";
import { describeChange, describeMove, dmName } from "../model/describe.js";
import { renderText, type Table } from "./table.js";
import { stateId, stateIds } from "../model/states.js";
import { type Block, code, type Document, type Inline, inline, type Span, strong, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";
import {
  arr,
  bool,
  byConcept,
  concept,
  equilibriaSets,
  ids as idList,
  obj,
  oneOfValues,
  root,
  sanction,
  stableSets,
  stateIdSchema,
  str,
} from "./schema-kit.js";
import { HYPERGAME_VIEWS } from "../extensions/hypergame.js";

const HYPERGAME_FORMAT = "parley-hypergame/1";

const VIEW_TEXT = {
  gmcr: "each decision maker judges stability in the game it perceives; the others respond with the moves they know of (GMCR+ semantics)",
  subjective: "each decision maker judges stability entirely in the game it perceives, as if the others saw it the same way",
} as const;

interface HypergameJson {
  format: typeof HYPERGAME_FORMAT;
  scenario: { name: string };
  view: Hypergame["view"];
  concepts: Concept[];
  statusQuo: number;
  /** Whether some decision maker misperceives a state or another's preferences. */
  misperception: boolean;
  decisionMakers: {
    id: string;
    name: string;
    /** Its `misperceives` entries, as written. */
    misperceives: string[];
    /** Ids of the states it does not know exist. */
    unperceivedStates: number[];
    /** Ids of the decision makers whose preferences it sees its own way. */
    misjudges: string[];
  }[];
  /** concept -> decision maker id -> ids of the states stable for it in its own perception. */
  stable: Record<string, Record<string, number[]>>;
  /** concept -> ids of the hypergame equilibria. */
  equilibria: Record<string, number[]>;
  /** The same with full information (as `parley analyze`). */
  fullInformation: { stable: Record<string, Record<string, number[]>>; equilibria: Record<string, number[]> };
  /** concept -> equilibria gained and lost through misperception. */
  equilibriumChanges: Record<string, { gained: number[]; lost: number[] }>;
  /** Every change of one decision maker's stability at one state, with the reasons in words. */
  changes: {
    concept: Concept;
    decisionMaker: string;
    state: number;
    fullInformation: boolean;
    perceived: boolean;
    reasons: ReasonJson[];
  }[];
}

/** A reason, with state ids (1-based) and decision maker ids. */
export interface ReasonJson {
  kind: ChangeReason["kind"];
  concept: Concept;
  text: string;
  /** The state the decision maker would move from, and the improvement concerned. */
  from: number;
  to: number;
  /** The deterring response (lost-sanction: with full information; new-sanction: in the DM's perception). */
  sanction?: { simultaneous: boolean; moves: { decisionMaker: string; from: number; to: number }[]; result: number };
  /** What makes that response differ between the two. */
  blocked?: { kind: Blocked["kind"]; state?: number; decisionMaker?: string; from?: number; to?: number };
}

const ids = (list: readonly number[]) => stateIds(list);

function stableJson(h: Hypergame, rows: Partial<Record<Concept, Uint8Array[]>>): Record<string, Record<string, number[]>> {
  const dms = h.model.scenario.decisionMakers;
  return Object.fromEntries(
    h.concepts.map((c) => [c, Object.fromEntries(dms.map((dm, d) => [dm.id, [...rows[c]![d]].flatMap((v, s) => (v ? [stateId(s)] : []))]))]),
  );
}

function hypergameToJson(h: Hypergame): HypergameJson {
  const m = h.model;
  const dms = m.scenario.decisionMakers;
  const eqChanges = equilibriumChanges(h);
  return {
    format: HYPERGAME_FORMAT,
    scenario: { name: m.scenario.name },
    view: h.view,
    concepts: h.concepts,
    statusQuo: stateId(m.statusQuo),
    misperception: h.misperception,
    decisionMakers: dms.map((dm, d) => ({
      id: dm.id,
      name: dm.name,
      misperceives: (dm.misperceives ?? []).map((x) => x.text),
      unperceivedStates: [...h.perceived[d]].flatMap((v, s) => (v ? [] : [stateId(s)])),
      misjudges: (dm.perceivedPreferences ?? []).map((p) => dms[p.dm].id),
    })),
    stable: stableJson(h, h.stable),
    equilibria: Object.fromEntries(h.concepts.map((c) => [c, ids(h.equilibria[c]!)])),
    fullInformation: {
      stable: stableJson(h, h.plain.stable),
      equilibria: Object.fromEntries(h.concepts.map((c) => [c, ids(h.plain.equilibria[c]!)])),
    },
    equilibriumChanges: Object.fromEntries(h.concepts.map((c) => [c, { gained: ids(eqChanges[c]!.gained), lost: ids(eqChanges[c]!.lost) }])),
    changes: stabilityChanges(h).map((ch) => ({
      concept: ch.concept,
      decisionMaker: dms[ch.dm].id,
      state: stateId(ch.state),
      fullInformation: ch.fullInformation,
      perceived: ch.perceived,
      reasons: explainChange(h, ch).map((r) => reasonJson(h, ch.dm, r)),
    })),
  };
}

function reasonJson(h: Hypergame, i: number, r: ChangeReason): ReasonJson {
  const dmId = (d: number) => h.model.scenario.decisionMakers[d].id;
  const base = { kind: r.kind, concept: r.concept, text: reasonText(h, i, r) };
  if (r.kind === "unknown-state") return { ...base, from: stateId(r.state), to: stateId(r.to) };
  if (r.kind === "unseen-move") return { ...base, from: stateId(r.from), to: stateId(r.to) };
  const sn = r.sanction;
  const b = r.blocked;
  return {
    ...base,
    from: stateId(r.from),
    to: stateId(r.to),
    sanction: {
      simultaneous: sn.simultaneous,
      moves: sn.moves.map((st) => ({ decisionMaker: dmId(st.dm), from: stateId(st.from), to: stateId(st.to) })),
      result: stateId(sn.result),
    },
    ...(b
      ? {
          blocked: {
            kind: b.kind,
            ...("state" in b ? { state: stateId(b.state) } : {}),
            ...("step" in b ? { decisionMaker: dmId(b.step.dm), from: stateId(b.step.from), to: stateId(b.step.to) } : {}),
            ...(b.kind === "counter-move-unseen" ? { from: stateId(b.from), to: stateId(b.to) } : {}),
          },
        }
      : {}),
  };
}

// ---------------------------------------------------------------------------
// words: scenario text (names, moves, misperceives entries) as `user` spans

const stateRef = (m: Model, s: number) => `state ${stateId(s)} (${statePattern(m, s)})`;
const dm = (m: Model, d: number) => user(dmName(m, d));
const change = (m: Model, from: number, to: number) => user(describeChange(m, from, to));

/** "Russia's", "European allies'". */
const of = (name: string) => user(name.endsWith("s") ? `${name}'` : `${name}'s`);

function entryText(h: Hypergame, d: number, entry: number): Inline {
  const list = h.model.scenario.decisionMakers[d].misperceives ?? [];
  return entry >= 0 && entry < list.length ? t` (it matches "${user(list[entry].text)}")` : "";
}

function sanctionWords(m: Model, sn: Sanction): Inline {
  const steps = sn.moves.map((st) => user(describeMove(m, st.dm, st.from, st.to)));
  return t`${sn.simultaneous ? t`at the same time ${join(steps, "; while ")}` : t`then ${join(steps, "; then ")}`} (→ ${stateRef(m, sn.result)})`;
}

function blockedWords(h: Hypergame, i: number, b: Blocked | null, inFact: boolean): Inline {
  const m = h.model;
  const who = dm(m, i);
  if (!b) return inFact ? "but that response does not hold with full information" : t`but that response is not open in ${of(dmName(m, i))} perception`;
  switch (b.kind) {
    case "mover-unaware":
      return t`but ${dm(m, b.step.dm)} does not know ${stateRef(m, b.state)} exists, so it cannot make that move`;
    case "judge-unaware":
      return t`but ${who} does not know ${stateRef(m, b.state)} exists, so it does not expect that move`;
    case "misjudged":
      return b.believed
        ? t`but in fact ${dm(m, b.step.dm)} would not gain by that move (state ${stateId(b.step.from)} → ${stateId(b.step.to)}): ${who} misjudges its preferences`
        : t`but ${who} believes ${dm(m, b.step.dm)} would not gain by that move (state ${stateId(b.step.from)} → ${stateId(b.step.to)}): it misjudges ${of(dmName(m, b.step.dm))} preferences`;
    case "result-unknown":
      return t`but ${who} does not know the resulting ${stateRef(m, b.state)} exists`;
    case "counter-move-unseen":
      return t`but from state ${stateId(b.from)} ${who} could counter-move to state ${stateId(b.to)} (${change(m, b.from, b.to)}), and it does not know state ${stateId(b.state)} exists`;
  }
}

/** One reason as a sentence about decision maker i. */
function reasonSpans(h: Hypergame, i: number, r: ChangeReason): Inline {
  const m = h.model;
  const who = dm(m, i);
  const whose = of(dmName(m, i));
  switch (r.kind) {
    case "unknown-state":
      return t`${who} does not know ${stateRef(m, r.state)} exists${entryText(h, i, r.entry)}, so it makes no move from it; with full information it would leave it.`;
    case "unseen-move":
      return t`${who} does not know ${stateRef(m, r.to)} exists${entryText(h, i, r.entry)}, so it does not see its move there (${change(m, r.from, r.to)}); with full information it would make it: nothing deters it.`;
    case "lost-sanction":
      return t`With full information ${whose} move to state ${stateId(r.to)} (${change(m, r.from, r.to)}) is deterred: ${sanctionWords(m, r.sanction)}; ${blockedWords(h, i, r.blocked, false)}. In ${whose} perception nothing deters the move.`;
    case "new-sanction":
      return t`In ${whose} perception its move to state ${stateId(r.to)} (${change(m, r.from, r.to)}) is deterred: ${sanctionWords(m, r.sanction)}; ${blockedWords(h, i, r.blocked, true)}. With full information nothing deters it.`;
  }
}

/** The same as plain text (the JSON's `text`). */
function reasonText(h: Hypergame, i: number, r: ChangeReason): string {
  return inline(reasonSpans(h, i, r), "text");
}

/** Spans with a separator between them. */
function join(xs: readonly Inline[], sep: string): Span[] {
  return xs.flatMap((x, k) => (k === 0 ? [x] : [sep, x])).flatMap((x) => (Array.isArray(x) ? x : [x]));
}

// ---------------------------------------------------------------------------
// the document

interface HypergameRenderOptions {
  /** At most this many states explained per section (default 10); JSON has them all. */
  maxStates?: number;
}

function list(states: readonly number[], max = 20): string {
  if (states.length === 0) return "none";
  const shown = states.slice(0, max).map((s) => String(stateId(s)));
  return shown.join(", ") + (states.length > max ? `, … (${states.length} in all)` : "");
}

function hypergameDocument(h: Hypergame, opts: HypergameRenderOptions = {}): Document {
  const m = h.model;
  const sc = m.scenario;
  const dms = sc.decisionMakers;
  const maxStates = opts.maxStates ?? 10;
  const blocks: Block[] = [];
  // Paragraphs wrap in text; list items hang under their bullet; the first block under a heading follows it directly.
  const para = (text: Inline, joined = false) => blocks.push({ kind: "paragraph", wrap: true, joined, text });
  const bullet = (text: Inline) => blocks.push({ kind: "item", level: 1, indent: 2, mdIndent: 0, hang: true, joined: true, text });
  const heading = (text: string) => blocks.push({ kind: "heading", level: 2, underline: true, text });

  blocks.push({ kind: "heading", level: 1, text: t`Hypergame analysis: ${user(sc.name)}` });
  para(
    `${dms.length} decision makers, ${m.nOptions} options, ${m.states.length} feasible states; status quo: ${stateRef(m, m.statusQuo)}. View: ${h.view}: ${VIEW_TEXT[h.view]}.`,
  );

  heading("What each decision maker perceives");
  if (!h.misperception) {
    bullet(
      t`Every decision maker perceives every state and the others' true preferences: the hypergame is the game itself, and its equilibria are those of ${code("parley analyze")}.`,
    );
  } else
    dms.forEach((dm, d) => {
      const unknown = [...h.perceived[d]].flatMap((v, s) => (v ? [] : [s]));
      const entries = join(
        (dm.misperceives ?? []).map((x) => t`"${user(x.text)}"`),
        ", ",
      );
      const text: Span[] =
        unknown.length === 0
          ? t`${user(dm.name)} perceives every state.`
          : t`${user(dm.name)} does not know ${unknown.length === 1 ? "1 state exists" : `${unknown.length} states exist`} (${entries}): ${list(unknown)}.`;
      if (unknown.length > 0 && !h.perceived[d][m.statusQuo]) text.push(` Among them today's state ${stateId(m.statusQuo)}.`);
      const misjudged = (dm.perceivedPreferences ?? []).map((p) => user(dms[p.dm].name));
      if (misjudged.length) text.push(...t` It sees the preferences of ${join(misjudged, ", ")} its own way.`);
      bullet(text);
    });

  heading("Equilibria");
  para(
    "A hypergame equilibrium is a state stable for every decision maker, each judging in its own perception. Beside it, the equilibria with full information:",
    true,
  );
  const eqChanges = equilibriumChanges(h);
  const table: Table = {
    header: ["concept", "hypergame", "full information", "gained", "lost"],
    rows: h.concepts.map((c) => [c, list(h.equilibria[c]!), list(h.plain.equilibria[c]!), list(eqChanges[c]!.gained), list(eqChanges[c]!.lost)]),
  };
  if (
    renderText(table)
      .split("\n")
      .every((l) => l.length <= 78)
  )
    blocks.push({ kind: "table", table, indent: 2 });
  else {
    // Too wide for a terminal table: one entry per concept there.
    blocks.push({ kind: "table", table, only: ["md", "html"] });
    for (const c of h.concepts)
      blocks.push({
        kind: "item",
        level: 1,
        indent: 2,
        hang: true,
        only: ["text"],
        text: `${c}: hypergame ${list(h.equilibria[c]!, 8)}; full information ${list(h.plain.equilibria[c]!, 8)}; gained ${list(eqChanges[c]!.gained, 8)}; lost ${list(eqChanges[c]!.lost, 8)}.`,
      });
  }
  const unaware = new Set<number>();
  for (const c of h.concepts) for (const s of h.equilibria[c]!) if (dms.some((_, d) => !h.perceived[d][s])) unaware.add(s);
  if (unaware.size > 0) {
    para("Some hypergame equilibria are states a decision maker does not know exist (it makes no move from them):");
    [...unaware]
      .sort((a, b) => a - b)
      .slice(0, maxStates)
      .forEach((s) =>
        bullet(
          t`${stateRef(m, s)}: unknown to ${join(
            dms.flatMap((dm, d) => (h.perceived[d][s] ? [] : [user(dm.name)])),
            ", ",
          )}.`,
        ),
      );
    if (unaware.size > maxStates) bullet(`… ${unaware.size - maxStates} more (all in --format json).`);
  }

  heading("Where misperception changes the result");
  const title = `Hypergame analysis: ${sc.name}`;
  const changes = stabilityChanges(h);
  if (changes.length === 0) {
    para("Nowhere: every decision maker's stability is the same in its own perception as with full information.", true);
    return { title, blocks };
  }
  // States whose equilibrium status changes, with the changes of each DM there.
  const byState = new Map<number, StabilityChange[]>();
  for (const c of h.concepts)
    for (const s of [...eqChanges[c]!.gained, ...eqChanges[c]!.lost]) {
      const here = changes.filter((ch) => ch.state === s && ch.concept === c);
      byState.set(s, [...(byState.get(s) ?? []), ...here]);
    }
  const states = [...byState.keys()].sort((a, b) => a - b);
  states.slice(0, maxStates).forEach((s) => {
    const gained = h.concepts.filter((c) => eqChanges[c]!.gained.includes(s));
    const lost = h.concepts.filter((c) => eqChanges[c]!.lost.includes(s));
    const parts: string[] = [];
    if (gained.length) parts.push(`a hypergame equilibrium under ${gained.join(", ")}, but not with full information`);
    if (lost.length) parts.push(`an equilibrium with full information under ${lost.join(", ")}, but not in the hypergame`);
    para(t`${strong(stateRef(m, s))}${s === m.statusQuo ? " (today)" : ""}: ${parts.join("; ")}.`);
    for (const line of reasonLines(h, byState.get(s)!)) bullet(line);
  });
  if (states.length > maxStates) para(`… and ${states.length - maxStates} more states whose equilibrium status changes (all in --format json).`);
  const counted = new Set(states.flatMap((s) => byState.get(s)!));
  const rest = changes.filter((ch) => !counted.has(ch));
  if (rest.length > 0)
    para(
      `${rest.length} further change${rest.length > 1 ? "s" : ""} of one decision maker's stability at a state leave${rest.length > 1 ? "" : "s"} the equilibria as they are (all in --format json).`,
    );
  return { title, blocks };
}

/** "[Nash, GMR] Iraq: stable in its perception, not with full information: …", reasons shared by several concepts listed once. */
function reasonLines(h: Hypergame, changes: StabilityChange[]): Inline[] {
  const lines = new Map<string, { text: Inline; concepts: Concept[] }>();
  for (const ch of changes) {
    const verdict = ch.perceived ? "stable in its own perception, not with full information" : "stable with full information, not in its own perception";
    const reasons = explainChange(h, ch);
    // SEQ+SIM changes are explained by the part (SEQ or SIM) that changed.
    const texts: Inline[] = reasons.length
      ? reasons.map((r) => t`${r.concept !== ch.concept ? `(${r.concept}) ` : ""}${reasonSpans(h, ch.dm, r)}`)
      : ["(no single reason found)"];
    for (const x of texts) {
      const text = t`${dm(h.model, ch.dm)}: ${verdict}. ${x}`;
      const key = inline(text, "text");
      const line = lines.get(key) ?? { text, concepts: [] };
      if (!line.concepts.includes(ch.concept)) line.concepts.push(ch.concept);
      lines.set(key, line);
    }
  }
  return [...lines.values()].map(({ text, concepts }) => t`[${concepts.join(", ")}] ${text}`);
}

export const hypergameSchema = root("parley-hypergame/1", "parley hypergame --format json", {
  scenario: obj({ name: str }),
  view: { enum: [...HYPERGAME_VIEWS] },
  concepts: arr(concept),
  statusQuo: stateIdSchema,
  misperception: bool,
  decisionMakers: arr(obj({ id: str, name: str, misperceives: arr(str), unperceivedStates: idList, misjudges: arr(str) })),
  stable: stableSets,
  equilibria: equilibriaSets,
  fullInformation: obj({ stable: stableSets, equilibria: equilibriaSets }),
  equilibriumChanges: byConcept(obj({ gained: idList, lost: idList })),
  changes: arr(
    obj({
      concept,
      decisionMaker: str,
      state: stateIdSchema,
      fullInformation: bool,
      perceived: bool,
      reasons: arr(
        obj(
          {
            kind: oneOfValues("unknown-state", "unseen-move", "lost-sanction", "new-sanction"),
            concept,
            text: str,
            from: stateIdSchema,
            to: stateIdSchema,
            sanction,
            blocked: obj(
              {
                kind: oneOfValues("mover-unaware", "judge-unaware", "misjudged", "result-unknown", "counter-move-unseen"),
                state: stateIdSchema,
                decisionMaker: str,
                from: stateIdSchema,
                to: stateIdSchema,
              },
              ["state", "decisionMaker", "from", "to"],
            ),
          },
          ["sanction", "blocked"],
        ),
      ),
    }),
  ),
});

export const hypergameOutput: OutputKind<Hypergame> = {
  format: HYPERGAME_FORMAT,
  schema: hypergameSchema,
  toJson: hypergameToJson,
  toDocument: (h) => hypergameDocument(h),
};
