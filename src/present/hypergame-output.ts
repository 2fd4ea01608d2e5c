/**
 * The results of `parley hypergame` as JSON (format `parley-hypergame/1`),
 * text or Markdown: what each decision maker does not perceive, the
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
import { wrap } from "./text.js";
import { displayWidth, renderMarkdown, renderText, type Table } from "./table.js";
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

export const HYPERGAME_FORMAT = "parley-hypergame/1";

const VIEW_TEXT = {
  gmcr: "each decision maker judges stability in the game it perceives; the others respond with the moves they know of (GMCR+ semantics)",
  subjective: "each decision maker judges stability entirely in the game it perceives, as if the others saw it the same way",
} as const;

export interface HypergameJson {
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

const ids = (list: readonly number[]) => list.map((s) => s + 1);

function stableJson(h: Hypergame, rows: Partial<Record<Concept, Uint8Array[]>>): Record<string, Record<string, number[]>> {
  const dms = h.model.scenario.decisionMakers;
  return Object.fromEntries(
    h.concepts.map((c) => [c, Object.fromEntries(dms.map((dm, d) => [dm.id, [...rows[c]![d]].flatMap((v, s) => (v ? [s + 1] : []))]))]),
  );
}

export function hypergameToJson(h: Hypergame): HypergameJson {
  const m = h.model;
  const dms = m.scenario.decisionMakers;
  const eqChanges = equilibriumChanges(h);
  return {
    format: HYPERGAME_FORMAT,
    scenario: { name: m.scenario.name },
    view: h.view,
    concepts: h.concepts,
    statusQuo: m.statusQuo + 1,
    misperception: h.misperception,
    decisionMakers: dms.map((dm, d) => ({
      id: dm.id,
      name: dm.name,
      misperceives: (dm.misperceives ?? []).map((x) => x.text),
      unperceivedStates: [...h.perceived[d]].flatMap((v, s) => (v ? [] : [s + 1])),
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
      state: ch.state + 1,
      fullInformation: ch.fullInformation,
      perceived: ch.perceived,
      reasons: explainChange(h, ch).map((r) => reasonJson(h, ch.dm, r)),
    })),
  };
}

function reasonJson(h: Hypergame, i: number, r: ChangeReason): ReasonJson {
  const dmId = (d: number) => h.model.scenario.decisionMakers[d].id;
  const base = { kind: r.kind, concept: r.concept, text: reasonText(h, i, r) };
  if (r.kind === "unknown-state") return { ...base, from: r.state + 1, to: r.to + 1 };
  if (r.kind === "unseen-move") return { ...base, from: r.from + 1, to: r.to + 1 };
  const sn = r.sanction;
  const b = r.blocked;
  return {
    ...base,
    from: r.from + 1,
    to: r.to + 1,
    sanction: {
      simultaneous: sn.simultaneous,
      moves: sn.moves.map((st) => ({ decisionMaker: dmId(st.dm), from: st.from + 1, to: st.to + 1 })),
      result: sn.result + 1,
    },
    ...(b
      ? {
          blocked: {
            kind: b.kind,
            ...("state" in b ? { state: b.state + 1 } : {}),
            ...("step" in b ? { decisionMaker: dmId(b.step.dm), from: b.step.from + 1, to: b.step.to + 1 } : {}),
            ...(b.kind === "counter-move-unseen" ? { from: b.from + 1, to: b.to + 1 } : {}),
          },
        }
      : {}),
  };
}

// ---------------------------------------------------------------------------
// words

const stateRef = (m: Model, s: number) => `state ${s + 1} (${statePattern(m, s)})`;

/** "Russia's", "European allies'". */
const of = (name: string) => (name.endsWith("s") ? `${name}'` : `${name}'s`);

function entryText(h: Hypergame, d: number, entry: number): string {
  const list = h.model.scenario.decisionMakers[d].misperceives ?? [];
  return entry >= 0 && entry < list.length ? ` (it matches "${list[entry].text}")` : "";
}

function sanctionWords(m: Model, sn: Sanction): string {
  const steps = sn.moves.map((st) => describeMove(m, st.dm, st.from, st.to));
  return `${sn.simultaneous ? "at the same time " + steps.join("; while ") : "then " + steps.join("; then ")} (→ ${stateRef(m, sn.result)})`;
}

function blockedWords(h: Hypergame, i: number, b: Blocked | null, inFact: boolean): string {
  const m = h.model;
  const who = dmName(m, i);
  if (!b) return inFact ? "but that response does not hold with full information" : `but that response is not open in ${of(who)} perception`;
  switch (b.kind) {
    case "mover-unaware":
      return `but ${dmName(m, b.step.dm)} does not know ${stateRef(m, b.state)} exists, so it cannot make that move`;
    case "judge-unaware":
      return `but ${who} does not know ${stateRef(m, b.state)} exists, so it does not expect that move`;
    case "misjudged":
      return b.believed
        ? `but in fact ${dmName(m, b.step.dm)} would not gain by that move (state ${b.step.from + 1} → ${b.step.to + 1}): ${who} misjudges its preferences`
        : `but ${who} believes ${dmName(m, b.step.dm)} would not gain by that move (state ${b.step.from + 1} → ${b.step.to + 1}): it misjudges ${of(dmName(m, b.step.dm))} preferences`;
    case "result-unknown":
      return `but ${who} does not know the resulting ${stateRef(m, b.state)} exists`;
    case "counter-move-unseen":
      return `but from state ${b.from + 1} ${who} could counter-move to state ${b.to + 1} (${describeChange(m, b.from, b.to)}), and it does not know state ${b.state + 1} exists`;
  }
}

/** One reason as a sentence about decision maker i. */
export function reasonText(h: Hypergame, i: number, r: ChangeReason): string {
  const m = h.model;
  const who = dmName(m, i);
  switch (r.kind) {
    case "unknown-state":
      return `${who} does not know ${stateRef(m, r.state)} exists${entryText(h, i, r.entry)}, so it makes no move from it; with full information it would leave it.`;
    case "unseen-move":
      return `${who} does not know ${stateRef(m, r.to)} exists${entryText(h, i, r.entry)}, so it does not see its move there (${describeChange(m, r.from, r.to)}); with full information it would make it: nothing deters it.`;
    case "lost-sanction":
      return `With full information ${of(who)} move to state ${r.to + 1} (${describeChange(m, r.from, r.to)}) is deterred: ${sanctionWords(m, r.sanction)}; ${blockedWords(h, i, r.blocked, false)}. In ${of(who)} perception nothing deters the move.`;
    case "new-sanction":
      return `In ${of(who)} perception its move to state ${r.to + 1} (${describeChange(m, r.from, r.to)}) is deterred: ${sanctionWords(m, r.sanction)}; ${blockedWords(h, i, r.blocked, true)}. With full information nothing deters it.`;
  }
}

// ---------------------------------------------------------------------------
// text and Markdown

export interface HypergameRenderOptions {
  /** At most this many states explained per section (default 10); JSON has them all. */
  maxStates?: number;
}

function list(states: readonly number[], max = 20): string {
  if (states.length === 0) return "none";
  const shown = states.slice(0, max).map((s) => String(s + 1));
  return shown.join(", ") + (states.length > max ? `, … (${states.length} in all)` : "");
}

export function renderHypergame(h: Hypergame, format: "text" | "md", opts: HypergameRenderOptions = {}): string {
  const md = format === "md";
  const m = h.model;
  const sc = m.scenario;
  const dms = sc.decisionMakers;
  const maxStates = opts.maxStates ?? 10;
  const out: string[] = [];
  const para = (text: string) => out.push(md ? text : wrap(text));
  const bullet = (text: string) => {
    if (md) return out.push(`- ${text}`);
    const body = wrap(text, 80, "    ");
    out.push("  • " + body.slice(4));
  };
  const heading = (text: string) => out.push("", md ? `## ${text}` : `${text}\n${"─".repeat(displayWidth(text))}`);

  out.push(md ? `# Hypergame analysis: ${sc.name}` : `Hypergame analysis: ${sc.name}`);
  out.push("");
  para(
    `${dms.length} decision makers, ${m.nOptions} options, ${m.states.length} feasible states; status quo: ${stateRef(m, m.statusQuo)}. View: ${h.view}: ${VIEW_TEXT[h.view]}.`,
  );

  heading("What each decision maker perceives");
  if (!h.misperception) {
    bullet(
      "Every decision maker perceives every state and the others' true preferences: the hypergame is the game itself, and its equilibria are those of `parley analyze`.",
    );
  } else
    dms.forEach((dm, d) => {
      const unknown = [...h.perceived[d]].flatMap((v, s) => (v ? [] : [s]));
      const entries = (dm.misperceives ?? []).map((x) => `"${x.text}"`);
      let text =
        unknown.length === 0
          ? `${dm.name} perceives every state.`
          : `${dm.name} does not know ${unknown.length === 1 ? "1 state exists" : `${unknown.length} states exist`} (${entries.join(", ")}): ${list(unknown)}.`;
      if (unknown.length > 0 && !h.perceived[d][m.statusQuo]) text += ` Among them today's state ${m.statusQuo + 1}.`;
      const misjudged = (dm.perceivedPreferences ?? []).map((p) => dms[p.dm].name);
      if (misjudged.length) text += ` It sees the preferences of ${misjudged.join(", ")} its own way.`;
      bullet(text);
    });

  heading("Equilibria");
  para(
    "A hypergame equilibrium is a state stable for every decision maker, each judging in its own perception. Beside it, the equilibria with full information:",
  );
  out.push("");
  const eqChanges = equilibriumChanges(h);
  const table: Table = {
    header: ["concept", "hypergame", "full information", "gained", "lost"],
    rows: h.concepts.map((c) => [c, list(h.equilibria[c]!), list(h.plain.equilibria[c]!), list(eqChanges[c]!.gained), list(eqChanges[c]!.lost)]),
  };
  const text = renderText(table);
  if (md) out.push(renderMarkdown(table));
  else if (text.split("\n").every((l) => l.length <= 78))
    out.push(
      text
        .split("\n")
        .map((l) => "  " + l)
        .join("\n"),
    );
  // Too wide for a table: one entry per concept.
  else
    for (const c of h.concepts)
      bullet(
        `${c}: hypergame ${list(h.equilibria[c]!, 8)}; full information ${list(h.plain.equilibria[c]!, 8)}; gained ${list(eqChanges[c]!.gained, 8)}; lost ${list(eqChanges[c]!.lost, 8)}.`,
      );
  const unaware = new Set<number>();
  for (const c of h.concepts) for (const s of h.equilibria[c]!) if (dms.some((_, d) => !h.perceived[d][s])) unaware.add(s);
  if (unaware.size > 0) {
    out.push("");
    para("Some hypergame equilibria are states a decision maker does not know exist (it makes no move from them):");
    [...unaware]
      .sort((a, b) => a - b)
      .slice(0, maxStates)
      .forEach((s) => bullet(`${stateRef(m, s)}: unknown to ${dms.flatMap((dm, d) => (h.perceived[d][s] ? [] : [dm.name])).join(", ")}.`));
    if (unaware.size > maxStates) bullet(`… ${unaware.size - maxStates} more (all in --format json).`);
  }

  heading("Where misperception changes the result");
  const changes = stabilityChanges(h);
  if (changes.length === 0) {
    para("Nowhere: every decision maker's stability is the same in its own perception as with full information.");
    return out.join("\n") + "\n";
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
    out.push("");
    para(`${md ? "**" : ""}${stateRef(m, s)}${md ? "**" : ""}${s === m.statusQuo ? " (today)" : ""}: ${parts.join("; ")}.`);
    for (const line of reasonLines(h, byState.get(s)!)) bullet(line);
  });
  if (states.length > maxStates) {
    out.push("");
    para(`… and ${states.length - maxStates} more states whose equilibrium status changes (all in --format json).`);
  }
  const counted = new Set(states.flatMap((s) => byState.get(s)!));
  const rest = changes.filter((ch) => !counted.has(ch));
  if (rest.length > 0) {
    out.push("");
    para(
      `${rest.length} further change${rest.length > 1 ? "s" : ""} of one decision maker's stability at a state leave${rest.length > 1 ? "" : "s"} the equilibria as they are (all in --format json).`,
    );
  }
  return out.join("\n") + "\n";
}

/** "[Nash, GMR] Iraq: stable in its perception, not with full information: …", reasons shared by several concepts listed once. */
function reasonLines(h: Hypergame, changes: StabilityChange[]): string[] {
  const lines = new Map<string, Concept[]>();
  for (const ch of changes) {
    const who = dmName(h.model, ch.dm);
    const verdict = ch.perceived ? "stable in its own perception, not with full information" : "stable with full information, not in its own perception";
    const reasons = explainChange(h, ch);
    // SEQ+SIM changes are explained by the part (SEQ or SIM) that changed.
    const texts = reasons.length
      ? reasons.map((r) => (r.concept !== ch.concept ? `(${r.concept}) ` : "") + reasonText(h, ch.dm, r))
      : ["(no single reason found)"];
    for (const t of texts) {
      const key = `${who}: ${verdict}. ${t}`;
      const cs = lines.get(key) ?? [];
      if (!cs.includes(ch.concept)) cs.push(ch.concept);
      lines.set(key, cs);
    }
  }
  return [...lines.entries()].map(([text, cs]) => `[${cs.join(", ")}] ${text}`);
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
