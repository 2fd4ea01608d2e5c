/**
 * The report's deeper sections: the coalitions that matter, what it would take
 * for a goal (say, a ceasefire with guarantees) to hold, the robustness of the
 * conclusions to uncertain preferences, and the what-ifs compared with the
 * base, each in plain words.
 */
import { coalitionAnalysis } from "../extensions/coalitions.js";
import { compareModels } from "../analysis/compare.js";
import { stateFamilies } from "../analysis/families.js";
import { inverseForTargets } from "../analysis/inverse.js";
import { stateId, statesMatching } from "../model/states.js";
import { statusQuoAnalysis } from "../analysis/paths.js";
import { robustness, uncertaintyOf } from "../analysis/robustness.js";
import { changeLines } from "../present/inverse-output.js";
import { SHARED, describeChange, describeFamily, describeState } from "../model/describe.js";
import type { Model } from "../model/compile.js";
import { coalitionReach } from "../extensions/coalition-reach.js";
import type { Analysis, Concept } from "../stability/analyze.js";

export interface CoalitionReport {
  /** The state the coalitions could leave (1-based). */
  state: number;
  words: string;
  why: string;
  joint: { members: string[]; steps: string[]; to: number; toWords: string; deterredUnder: Concept[]; openUnder: Concept[] }[];
}

/** Who could leave the given states together, by which joint move, and whether it is deterred (Nash and SEQ). */
export function coalitionsThatMatter(analysis: Analysis, states: { state: number; why: string }[]): CoalitionReport[] {
  const { model } = analysis;
  const concepts = (["Nash", "SEQ"] as const).filter((c) => analysis.concepts.includes(c));
  if (concepts.length === 0 || model.nDMs < 2) return [];
  const ca = coalitionAnalysis(analysis, { concepts, states: states.map((s) => s.state) });
  const name = (d: number) => model.scenario.decisionMakers[d].name;
  return states.map(({ state, why }) => {
    const at = ca.states.find((x) => x.state === state)!;
    const joint = at.coalitions
      .flatMap((c) => {
        // A joint move in which some member does not move belongs to a smaller group: skip it.
        const m = c.moves.find((x) => c.coalition.every((d) => x.path.some((st) => st.dm === d)));
        if (!m) return [];
        return {
          members: c.coalition.map(name),
          steps: m.path.map((st) => `${name(st.dm)}: ${describeChange(model, st.from, st.to)}`),
          to: stateId(m.to),
          toWords: describeState(model, m.to),
          deterredUnder: concepts.filter((k) => m.sanctions[k]),
          openUnder: concepts.filter((k) => !m.sanctions[k]),
        };
      })
      // Undeterred moves first, then the smallest coalitions.
      .sort((a, b) => b.openUnder.length - a.openUnder.length || a.members.length - b.members.length)
      .slice(0, 3);
    return { state: stateId(state), words: describeState(model, state), why, joint };
  });
}

export interface GoalReport {
  title: string;
  condition: string;
  note?: string;
  states: number;
  /** Families of goal states that are equilibria, per concept (Nash, SEQ). */
  stable: { concept: Concept; count: number; families: string[] }[];
  reachableFromToday: boolean;
  /** A coalition that can move from today to a goal state all its members prefer. */
  jointFromToday?: { members: string[]; steps: string[]; toWords: string };
  /** The smallest change of priorities that makes some goal state an equilibrium, per concept. */
  wouldTake: { concept: Concept; already: boolean; found: boolean; exhaustive: boolean; lines: string[]; toWords?: string }[];
}

export function goalReport(analysis: Analysis, goal: { title: string; condition: string; note?: string }): GoalReport {
  const { model, context } = analysis;
  const targets = statesMatching(model, goal.condition);
  const targetSet = new Set(targets);
  const concepts = (["Nash", "SEQ"] as const).filter((c) => analysis.concepts.includes(c));
  const stable = concepts.map((c) => {
    const eq = analysis.equilibria[c]!.filter((s) => targetSet.has(s));
    return {
      concept: c as Concept,
      count: eq.length,
      families: stateFamilies(model, eq)
        .slice(0, 2)
        .map((f) => describeFamily(model, f.states, f.care, SHARED)),
    };
  });
  const sq = statusQuoAnalysis(analysis);
  const reachableFromToday = sq.reachable.some((s) => targetSet.has(s));
  // Joint moves from today by each coalition that end in a goal state every member prefers.
  let jointFromToday: GoalReport["jointFromToday"];
  const n = model.nDMs;
  for (let size = 2; size <= n && !jointFromToday; size++) {
    for (const H of subsets(n, size)) {
      const reach = coalitionReach(context, H, model.statusQuo, false);
      const hit = reach.states.find((t) => targetSet.has(t) && H.every((i) => model.pref[i][t] > model.pref[i][model.statusQuo]));
      if (hit === undefined) continue;
      jointFromToday = {
        members: H.map((d) => model.scenario.decisionMakers[d].name),
        steps: reach.pathTo(hit).map((st) => `${model.scenario.decisionMakers[st.dm].name}: ${describeChange(model, st.from, st.to)}`),
        toWords: describeState(model, hit),
      };
      break;
    }
  }
  const wouldTake = concepts.map((c) => {
    const r = inverseForTargets(context, targets, c, { maxEvaluations: 20_000 });
    return {
      concept: c as Concept,
      already: r.found && r.totalDistance === 0,
      found: r.found,
      exhaustive: r.exhaustive,
      lines: r.found ? changeLines(model, r) : [],
      ...(r.found ? { toWords: describeState(model, r.target) } : {}),
    };
  });
  return {
    title: goal.title,
    condition: goal.condition,
    ...(goal.note ? { note: goal.note } : {}),
    states: targets.length,
    stable,
    reachableFromToday,
    ...(jointFromToday ? { jointFromToday } : {}),
    wouldTake,
  };
}

function subsets(n: number, size: number): number[][] {
  const out: number[][] = [];
  const rec = (start: number, acc: number[]) => {
    if (acc.length === size) {
      out.push([...acc]);
      return;
    }
    for (let d = start; d < n; d++) rec(d + 1, [...acc, d]);
  };
  rec(0, []);
  return out;
}

export interface RobustnessReport {
  exact: boolean;
  profiles: number;
  uncertain: number;
  alternatives: number;
  /** Probability that each headline state is an equilibrium. */
  rows: { state: number; words: string; label: string; probability: Partial<Record<Concept, number>> }[];
  influences: string[];
  /** Present when the budget of profiles stopped the run: it analysed this many (the samples are the draws they cover). */
  budget?: number;
}

/**
 * How sure the headline conclusions are, given the scenario's uncertain
 * preferences (undefined when it declares none). Each profile costs an
 * analysis of the model: with `maxProfiles` below the profiles there are,
 * they are sampled and the run stops after that many distinct ones (keeping
 * the draws they cover), and the report says so.
 */
export function robustnessReport(
  analysis: Analysis,
  headline: { state: number; label: string }[],
  maxProfiles = Number.POSITIVE_INFINITY,
): RobustnessReport | undefined {
  const { model, context } = analysis;
  const u = uncertaintyOf(model);
  const nAlt = u.alternatives.reduce((a, x) => a + x.length, 0);
  if (u.statements.length === 0 && nAlt === 0) return undefined;
  const concepts = (["Nash", "SEQ"] as const).filter((c) => analysis.concepts.includes(c));
  let analysed = 0;
  const budget = Number.isFinite(maxProfiles) ? { exactLimit: Math.min(4096, maxProfiles), shouldStop: () => ++analysed >= maxProfiles } : {};
  const r = robustness(context, u, { concepts, samples: 10_000, seed: 1, ...budget });
  const rows = headline.map(({ state, label }) => {
    const row = r.states.find((x) => x.state === state);
    const probability: Partial<Record<Concept, number>> = {};
    for (const c of concepts) probability[c] = row?.probability[c]?.p ?? 0;
    return { state: stateId(state), words: describeState(model, state), label, probability };
  });
  const influences = r.influence
    .filter((i) => i.shift >= 0.05)
    .slice(0, 4)
    .map((i) => {
      const who = model.scenario.decisionMakers[i.element.dm].name;
      const what = i.element.kind === "alternative" ? `${who}, alternative preferences "${i.element.label}"` : `${who}, "${i.element.label}"`;
      return `${what}: state ${stateId(i.state)} (${describeState(model, i.state)}) is a ${i.concept} equilibrium with probability ${i.whenHolds.toFixed(2)} when it holds, ${i.whenNot.toFixed(2)} when not.`;
    });
  return {
    exact: r.exact,
    profiles: r.done,
    uncertain: u.statements.length,
    alternatives: nAlt,
    rows,
    influences,
    ...(r.interrupted ? { budget: r.distinctProfiles } : {}),
  };
}

/** A what-if against the base, in a few lines: equilibrium families gained and lost (Nash, SEQ). */
export function whatIfComparison(base: Model, variant: Model): string[] {
  const cmp = compareModels(base, variant, ["Nash", "SEQ"]);
  const out: string[] = [];
  for (const c of cmp.concepts) {
    const gained = c.gained.filter((g) => g.stateB !== undefined).map((g) => g.stateB!);
    const lost = c.lost.filter((g) => g.stateA !== undefined).map((g) => g.stateA!);
    const fam = (m: Model, xs: number[]) =>
      stateFamilies(m, xs)
        .slice(0, 2)
        .map((f) => describeFamily(m, f.states, f.care, SHARED));
    if (gained.length)
      out.push(
        `${c.concept} equilibria gained (${gained.length}): ${fam(variant, gained).join("; or ")}${stateFamilies(variant, gained).length > 2 ? "; …" : ""}.`,
      );
    if (lost.length)
      out.push(`${c.concept} equilibria lost (${lost.length}): ${fam(base, lost).join("; or ")}${stateFamilies(base, lost).length > 2 ? "; …" : ""}.`);
  }
  if (!out.length) out.push("The Nash and SEQ equilibria are the same as in the base scenario.");
  return out;
}
