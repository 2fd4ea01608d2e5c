/**
 * Where play stops from today, and what happens there: the report says of
 * each what-if (and of each party's reading of another) not only which
 * equilibria change but where moves that each leave the mover better off
 * lead, and then either the joint move that breaks that state (a deal no
 * single party can make alone: the sanctions lifted for a ceasefire) or, when
 * no party moves at all, why not (what each party's best move would cost it).
 */
import { statusQuoAnalysis } from "../analysis/paths.js";
import { describeChange, describeState } from "../model/describe.js";
import type { Model } from "../model/compile.js";
import { preferencesSeenBy } from "../extensions/hypergame.js";
import { preferenceReason } from "../preferences/why.js";
import { analyze, type Analysis } from "../stability/analyze.js";
import { coalitionsThatMatter } from "./deeper.js";
import { stateId } from "../model/states.js";

export interface PlayReport {
  /** The moves from today to where play stops (empty: no party moves). */
  moves: string[];
  /** Where play stops (1-based state) and in words. */
  stops: { state: number; words: string };
  /** When no party moves: each party's most tempting move and what it would cost, in its own terms. */
  staying?: { dm: string; text: string }[];
  /** A joint move from where play stops that every member prefers and nothing credibly deters (SEQ), when there is one. */
  joint?: { members: string[]; steps: string[]; toWords: string };
}

export function playFromToday(analysis: Analysis): PlayReport {
  const { model } = analysis;
  const sq = statusQuoAnalysis(analysis);
  const moving = sq.equilibria.find((e) => e.path.length > 0);
  const path = moving?.path ?? [];
  const end = moving?.state ?? sq.from;
  const name = (d: number) => model.scenario.decisionMakers[d].name;
  const joint = coalitionsThatMatter(analysis, [{ state: end, why: "where play stops" }])[0]?.joint.find((j) => j.openUnder.includes("SEQ"));
  return {
    moves: path.map((st) => `${name(st.dm)}: ${describeChange(model, st.from, st.to)}`),
    stops: { state: stateId(end), words: describeState(model, end) },
    ...(path.length === 0 ? { staying: whyNoOneMoves(analysis, end) } : {}),
    ...(joint ? { joint: { members: joint.members, steps: joint.steps, toWords: joint.toWords } } : {}),
  };
}

/**
 * Play from today as one party expects it: the parties it misjudges move by
 * the preferences it attributes to them (its `perceivedPreferences`), the
 * others by their own. One entry per party that reads another its own way.
 */
export function playAsRead(model: Model): { reader: string; of: string[]; play: PlayReport }[] {
  return model.scenario.decisionMakers.flatMap((dm, i) => {
    const perceived = dm.perceivedPreferences ?? [];
    if (perceived.length === 0) return [];
    const seen: Model = { ...model, pref: preferencesSeenBy(model, i) };
    return [
      {
        reader: dm.name,
        of: perceived.map((p) => model.scenario.decisionMakers[p.dm].name),
        play: playFromToday(analyze(seen, { concepts: ["Nash", "SEQ"] })),
      },
    ];
  });
}

/** Each party's best move from s (the one it ranks highest, though no better than s) and the priority it would give up. */
function whyNoOneMoves(analysis: Analysis, s: number): { dm: string; text: string }[] {
  const { model, context } = analysis;
  return model.scenario.decisionMakers.map((dm, d) => {
    const { offsets, targets } = context.moves[d];
    let best = -1;
    for (let e = offsets[s]; e < offsets[s + 1]; e++) if (best < 0 || model.pref[d][targets[e]] > model.pref[d][best]) best = targets[e];
    if (best < 0) return { dm: dm.name, text: "has no move it can make." };
    const move = describeChange(model, s, best);
    if (model.pref[d][best] === model.pref[d][s]) return { dm: dm.name, text: `would gain nothing if it chose to ${move}.` };
    const why = preferenceReason(model, d, s, best).statement;
    const cost = why ? `"${why.note ?? why.text}"` : "a higher-ranked state";
    return { dm: dm.name, text: `to ${move} would cost it ${cost}` };
  });
}

/**
 * Where play goes from today, in one or two sentences: the moves, then the
 * joint move where they stop. `detail` adds what keeps each party from moving
 * (when none moves) and the state the joint move reaches; without it the
 * sentence fits the bottom line.
 */
export function playInWords(p: PlayReport, detail: boolean): string {
  const parts: string[] = [];
  if (p.moves.length) parts.push(`${p.moves.join("; then ")}.`);
  else if (detail && p.staying)
    parts.push(`no party gains by a move of its own (${p.staying.map((x) => `${x.dm}: ${x.text.replace(/\.$/, "")}`).join("; ")}).`);
  else parts.push("no party gains by a move of its own.");
  if (p.joint) {
    const who =
      p.joint.members.length === 2
        ? `${p.joint.members.join(" and ")} would both`
        : `${p.joint.members.slice(0, -1).join(", ")} and ${p.joint.members.at(-1)} would all`;
    parts.push(
      `${p.moves.length ? "Then" : "But"} ${who} gain by a joint move that nothing credibly deters: ${p.joint.steps.join("; then ")}${detail ? ` (→ ${p.joint.toWords})` : ""}.`,
    );
  }
  return parts.join(" ");
}

/** "Russia's", "the European allies'": a name's possessive. */
export function possessive(name: string): string {
  return name.endsWith("s") ? `${name}'` : `${name}'s`;
}
