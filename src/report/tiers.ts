/**
 * The report's tiers: the equilibria grouped by how strongly they hold (no
 * threat needed, credible threats, simultaneous moves, any threat), each as
 * families of states in words with why no party leaves an example.
 */
import { stateFamilies } from "../analysis/families.js";
import { SHARED, describeChange, describeFamily, describeMove } from "../model/describe.js";
import { statePattern, type Model } from "../model/compile.js";
import type { Analysis, Concept } from "../stability/analyze.js";
import { explainState } from "../stability/explain.js";
import { stateIds } from "../model/states.js";

export interface FamilyReport {
  words: string;
  /** Y/N/- pattern (options in declaration order). */
  pattern: string;
  states: number[];
  /** A member chosen to explain the family: the one nearest today, else the first. */
  example: number;
  examplePattern: string;
  /** Why no party leaves the example, one line per party. */
  why: { dm: string; text: string }[];
  reachableFromToday: boolean;
}

export interface TierReport {
  key: "nash" | "credible" | "simultaneous" | "threats";
  title: string;
  explanation: string;
  concept: Concept;
  total: number;
  families: FamilyReport[];
  /** Families not shown, to keep the report short. */
  moreFamilies: number;
}

const TIERS: { key: TierReport["key"]; concept: Concept; title: string; explanation: string }[] = [
  {
    key: "nash",
    concept: "Nash",
    title: "Stable without any threat (Nash)",
    explanation: "No party can do better by changing its own choices.",
  },
  {
    key: "credible",
    concept: "SEQ",
    title: "Held by credible threats (sequential stability)",
    explanation:
      "A party could gain by moving, but another party would answer in a way that leaves it no better off, and answering is in the answering party's own interest.",
  },
  {
    key: "simultaneous",
    concept: "SIM",
    title: "Held by the risk of simultaneous moves (SIM)",
    explanation: "A party could gain by moving, but not if the others make their own best moves at the same time.",
  },
  {
    key: "threats",
    concept: "GMR",
    title: "Held only by threats the others may not carry out (GMR)",
    explanation:
      "Every gain a party could make would be met by a response that hurts it, but the response may hurt the responder too. Weak ground for a forecast.",
  },
];

/**
 * The tiers with equilibria, each state in the first tier that holds it;
 * `distance` (moves from today) and `reachable` order and mark the families.
 */
export function tiersOf(analysis: Analysis, distance: Map<number, number>, reachable: Set<number>, familiesPerTier: number | undefined): TierReport[] {
  const { model } = analysis;
  const shown = new Set<number>();
  const tiers: TierReport[] = [];
  for (const tier of TIERS) {
    const states = analysis.equilibria[tier.concept]!.filter((s) => !shown.has(s));
    for (const s of states) shown.add(s);
    if (states.length === 0) continue;
    const families = stateFamilies(model, states);
    // Families with a state reachable from today first, then the largest.
    // A loop, not Math.min(...): a family may hold more states than a call takes arguments.
    const near = (f: { states: number[] }) => f.states.reduce((m, s) => Math.min(m, distance.get(s) ?? Infinity), Infinity);
    families.sort((a, b) => near(a) - near(b) || b.states.length - a.states.length);
    // Outcomes held only by non-credible threats are many and weak: show fewer.
    const limit = tier.key === "threats" ? Math.min(2, familiesPerTier ?? 4) : (familiesPerTier ?? 4);
    tiers.push({
      key: tier.key,
      title: tier.title,
      explanation: tier.explanation,
      concept: tier.concept,
      total: states.length,
      families: families.slice(0, limit).map((f) => {
        const example = [...f.states].sort((a, b) => (distance.get(a) ?? Infinity) - (distance.get(b) ?? Infinity) || a - b)[0];
        return {
          words: describeFamily(model, f.states, f.care, SHARED),
          pattern: patternOf(model, f.care, f.value),
          states: stateIds(f.states),
          example: example + 1,
          examplePattern: statePattern(model, example),
          why: whyStable(analysis, example, tier.concept),
          reachableFromToday: f.states.some((s) => reachable.has(s)),
        };
      }),
      moreFamilies: Math.max(0, families.length - limit),
    });
  }
  return tiers;
}

function patternOf(model: Model, care: number, value: number): string {
  let out = "";
  for (let k = 0; k < model.nOptions; k++) out += care & (1 << k) ? (value & (1 << k) ? "Y" : "N") : "-";
  return out;
}

/** The reason of a party with no better move (render.ts says it of several parties at once). */
export const NO_BETTER_MOVE = "no move of its own would leave it better off.";

/** One line per party: it has no better move, or its moves and what answers them. */
function whyStable(analysis: Analysis, s: number, concept: Concept): { dm: string; text: string }[] {
  const { model, context } = analysis;
  return model.scenario.decisionMakers.map((dm, d) => {
    const ex = explainState(context, s, d, [concept]);
    if (ex.improvements.length === 0) return { dm: dm.name, text: NO_BETTER_MOVE };
    const parts = ex.improvements.slice(0, 2).map((imp) => {
      const sn = imp.sanctions[concept];
      const move = describeChange(model, s, imp.to);
      if (!sn) return `would gain if it chose to ${move}`;
      const answer = sn.moves.map((m) => describeMove(model, m.dm, m.from, m.to)).join("; then ");
      return `could ${move}, but ${sn.simultaneous ? "at the same time" : "then"} ${answer}, which leaves it no better off`;
    });
    const more = ex.improvements.length > 2 ? ` (and ${ex.improvements.length - 2} more move${ex.improvements.length > 3 ? "s" : ""}, answered alike)` : "";
    return { dm: dm.name, text: parts.join("; ") + more + "." };
  });
}
