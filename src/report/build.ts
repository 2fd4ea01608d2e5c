/**
 * The report a reader without GMCR training can follow, as data: the model in
 * one screen, the stable outcomes in words with why no party leaves them, the
 * paths from today, the what-ifs, and the assumptions that decide the answer.
 * Renderers (text, Markdown, HTML) and the JSON output all start from this.
 */
import { statePattern, type Model } from "../model/compile.js";
import type { Provenance, Scenario } from "../format/scenario.js";
import { analyze, type Analysis, type Concept } from "../stability/analyze.js";
import { explainState } from "../stability/explain.js";
import { preferenceReason } from "../preferences/why.js";
import { stateFamilies } from "../analysis/families.js";
import { statusQuoAnalysis } from "../analysis/paths.js";
import { preferenceSensitivity, sensitivityOf, sensitivityVariants, type PreferenceChange } from "../analysis/sensitivity.js";
import { scenarioChanges } from "../analysis/diff.js";
import { describeChange, describeFamily, describeMove, describeState, rankOf } from "../model/describe.js";
import { describeFindings } from "../present/lint-output.js";
import { lintModel } from "../analysis/lint.js";
import { bargainingReport, type BargainingReport } from "./bargaining.js";
import {
  coalitionsThatMatter,
  goalReport,
  robustnessReport,
  whatIfComparison,
  type CoalitionReport,
  type GoalReport,
  type RobustnessReport,
} from "./deeper.js";

export const REPORT_FORMAT = "parley-report/1";

export interface Cited {
  text: string;
  /** The statement as written in the scenario, when the text is its note. */
  expression?: string;
  sources?: string[];
  assumption?: string;
}

export interface StepReport {
  mover: string;
  moverName: string;
  from: number;
  to: number;
  action: string;
  /** Why the mover gains, in its own terms. */
  reason: Cited;
  rankBefore: number;
  rankAfter: number;
}

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

export interface PathReport {
  state: number;
  pattern: string;
  words: string;
  concepts: Concept[];
  steps: StepReport[];
}

export interface OutlookReport {
  from: number;
  fromPattern: string;
  fromWords: string;
  /** Concepts under which today's state is itself an equilibrium. */
  todayStableUnder: Concept[];
  reachableStates: number;
  paths: PathReport[];
  /** The largest families of equilibria not reachable from today. */
  unreachable: { words: string; states: number[]; concepts: Concept[] }[];
  /** How many equilibrium states (any concept) are not reachable from today. */
  unreachableCount: number;
}

export interface WhatIfReport {
  title: string;
  file: string;
  note?: string;
  changes: string[];
  /** Equilibria gained and lost against the base, in words. */
  comparison: string[];
  counts: Partial<Record<Concept, number>>;
  outlook: OutlookReport;
}

export interface AssumptionReport {
  change: string;
  dm: string;
  /** The statements involved, with their sources or assumption. */
  statements: Cited[];
  effect: string;
  changesOutlook: boolean;
}

export interface ReportData {
  format: typeof REPORT_FORMAT;
  scenario: { name: string; asOf?: string; description?: string; sources?: string[] };
  model: {
    parties: {
      id: string;
      name: string;
      note?: string;
      options: { id: string; label: string; today: boolean; irreversible: false | "taking" | "withdrawal"; sources?: string[]; assumption?: string }[];
    }[];
    today: { state: number; pattern: string; words: string; note?: string; sources?: string[] };
    constraints: Cited[];
    feasibleStates: number;
    candidateStates: number;
  };
  /** The main findings in a few sentences. */
  summary: string[];
  counts: Partial<Record<Concept, number>>;
  tiers: TierReport[];
  outlook: OutlookReport;
  whatIfs: WhatIfReport[];
  /** Who could leave today's state or the nearest outcome together. */
  coalitions: CoalitionReport[];
  /** What it would take for each goal of the scenario to hold. */
  goals: GoalReport[];
  /** How sure the headline conclusions are, when the scenario marks preferences as uncertain. */
  robustness?: RobustnessReport;
  assumptions: { tried: number; leaveOutlook: number; decisive: AssumptionReport[] };
  limitations: string[];
  /** Model checks (parley lint): findings that make results suspect, each with what to do. */
  checks: { code: string; element: string; message: string; fix: string }[];
  /** Where the scenario's continuous issues may settle (its `bargaining` section), when it has one. */
  bargaining?: BargainingReport;
}

export interface ReportOptions {
  /** Outcomes the reader cares about (default: the scenario's goals). */
  goals?: { title: string; condition: string; note?: string }[];
  /** Families shown per tier. */
  familiesPerTier?: number;
  /** Paths shown from today. */
  maxPaths?: number;
  /** Decisive assumptions shown. */
  maxAssumptions?: number;
  /** The model's analysis (every concept), when already computed (e.g. on worker threads). */
  analysis?: Analysis;
  /** The equilibria of each variant of `sensitivityVariants(analysis)`, in order, when already computed. */
  sensitivityEquilibria?: Partial<Record<Concept, number[]>>[];
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

export function buildReport(model: Model, whatIfs: { title: string; file: string; note?: string; model: Model }[] = [], opts: ReportOptions = {}): ReportData {
  const analysis = opts.analysis ?? analyze(model);
  const sc = model.scenario;
  const outlook = outlookOf(analysis, opts.maxPaths ?? 6);
  const reachable = new Set(outlook.paths.map((p) => p.state));
  const distance = new Map(outlook.paths.map((p) => [p.state, p.steps.length]));

  const counts: Partial<Record<Concept, number>> = {};
  for (const c of analysis.concepts) counts[c] = analysis.equilibria[c]!.length;

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
    const limit = tier.key === "threats" ? Math.min(2, opts.familiesPerTier ?? 4) : (opts.familiesPerTier ?? 4);
    tiers.push({
      key: tier.key,
      title: tier.title,
      explanation: tier.explanation,
      concept: tier.concept,
      total: states.length,
      families: families.slice(0, limit).map((f) => {
        const example = [...f.states].sort((a, b) => (distance.get(a) ?? Infinity) - (distance.get(b) ?? Infinity) || a - b)[0];
        return {
          words: describeFamily(model, f.states, f.care),
          pattern: patternOf(model, f.care, f.value),
          states: f.states.map((s) => s + 1),
          example: example + 1,
          examplePattern: statePattern(model, example),
          why: whyStable(analysis, example, tier.concept),
          reachableFromToday: f.states.some((s) => reachable.has(s)),
        };
      }),
      moreFamilies: Math.max(0, families.length - limit),
    });
  }

  const sensitivity = opts.sensitivityEquilibria
    ? sensitivityOf(analysis, sensitivityVariants(analysis), opts.sensitivityEquilibria)
    : preferenceSensitivity(analysis);
  const decisive = sensitivity.changes
    .filter((c) => c.weight > 0 || c.fromStatusQuo.gained.length + c.fromStatusQuo.lost.length > 0)
    .slice(0, opts.maxAssumptions ?? 6)
    .map((c) => assumptionReport(model, c.change, c.effects, c.fromStatusQuo));
  const leaveOutlook = sensitivity.changes.filter((c) => c.fromStatusQuo.gained.length + c.fromStatusQuo.lost.length === 0).length;

  const nearest = outlook.paths.find((p) => p.steps.length > 0);
  const coalitions = coalitionsThatMatter(analysis, [
    { state: model.statusQuo, why: "today's state" },
    ...(nearest ? [{ state: nearest.state - 1, why: "the nearest stable outcome from today" }] : []),
  ]);
  const summary = summarize(analysis, outlook, tiers, decisive, coalitions);
  const goals = (opts.goals ?? sc.goals ?? []).map((g) => goalReport(analysis, g));
  const credibleFamily = tiers.find((t) => t.key === "credible")?.families[0];
  const robust = robustnessReport(analysis, [
    { state: model.statusQuo, label: "today's state" },
    ...(nearest ? [{ state: nearest.state - 1, label: "the nearest stable outcome from today" }] : []),
    ...(credibleFamily ? [{ state: credibleFamily.example - 1, label: "an outcome held by credible threats" }] : []),
  ]);

  const bargaining = bargainingReport(sc);
  return {
    format: REPORT_FORMAT,
    scenario: {
      name: sc.name,
      ...(sc.asOf ? { asOf: sc.asOf } : {}),
      ...(sc.description ? { description: sc.description.trim() } : {}),
      ...(sc.sources ? { sources: sc.sources } : {}),
    },
    model: {
      parties: sc.decisionMakers.map((dm) => ({
        id: dm.id,
        name: dm.name,
        ...(dm.note ? { note: dm.note } : {}),
        options: dm.options.map((k) => {
          const o = sc.options[k];
          return {
            id: o.id,
            label: o.label,
            today: (model.states[model.statusQuo] & (1 << k)) !== 0,
            irreversible: o.direction === "fwd" ? "taking" : o.direction === "back" ? "withdrawal" : false,
            ...cite(o),
          } as const;
        }),
      })),
      today: {
        state: model.statusQuo + 1,
        pattern: statePattern(model, model.statusQuo),
        words: describeState(model, model.statusQuo),
        ...(sc.statusQuoProvenance?.note ? { note: sc.statusQuoProvenance.note } : {}),
        ...(sc.statusQuoProvenance?.sources ? { sources: sc.statusQuoProvenance.sources } : {}),
      },
      constraints: sc.constraints.map((c) => ({ text: c.note ?? c.text, ...cite(c) })),
      feasibleStates: model.states.length,
      candidateStates: 2 ** model.nOptions,
    },
    summary,
    counts,
    tiers,
    outlook,
    whatIfs: whatIfs.map((w) => {
      const a = analyze(w.model);
      const wc: Partial<Record<Concept, number>> = {};
      for (const c of a.concepts) wc[c] = a.equilibria[c]!.length;
      return {
        title: w.title,
        file: w.file,
        ...(w.note ? { note: w.note } : {}),
        changes: scenarioChanges(sc, w.model.scenario),
        comparison: whatIfComparison(model, w.model),
        counts: wc,
        outlook: outlookOf(a, 3),
      };
    }),
    coalitions,
    goals,
    ...(robust ? { robustness: robust } : {}),
    assumptions: { tried: sensitivity.tried, leaveOutlook, decisive },
    limitations: sc.limitations ?? [],
    checks: modelChecks(model, analysis),
    ...(bargaining ? { bargaining } : {}),
  };
}

function cite(p: Provenance): { sources?: string[]; assumption?: string } {
  return { ...(p.sources ? { sources: p.sources } : {}), ...(p.assumption ? { assumption: p.assumption } : {}) };
}

function patternOf(model: Model, care: number, value: number): string {
  let out = "";
  for (let k = 0; k < model.nOptions; k++) out += care & (1 << k) ? (value & (1 << k) ? "Y" : "N") : "-";
  return out;
}

/** One line per party: it has no better move, or its moves and what answers them. */
function whyStable(analysis: Analysis, s: number, concept: Concept): { dm: string; text: string }[] {
  const { model, context } = analysis;
  return model.scenario.decisionMakers.map((dm, d) => {
    const ex = explainState(context, s, d, [concept]);
    if (ex.improvements.length === 0) return { dm: dm.name, text: "no move of its own would leave it better off." };
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

function outlookOf(analysis: Analysis, maxPaths: number): OutlookReport {
  const { model } = analysis;
  const sq = statusQuoAnalysis(analysis);
  const todayStableUnder = analysis.concepts.filter((c) => analysis.equilibria[c]!.includes(sq.from));
  const paths = sq.equilibria.slice(0, maxPaths).map((e) => ({
    state: e.state + 1,
    pattern: statePattern(model, e.state),
    words: describeState(model, e.state),
    concepts: e.concepts,
    steps: e.path.map((st) => stepReport(model, st.dm, st.from, st.to)),
  }));
  const unreachableStates = sq.unreachable.map((u) => u.state);
  const unreachable = stateFamilies(model, unreachableStates)
    .slice(0, 4)
    .map((f) => {
      const concepts = analysis.concepts.filter((c) => f.states.some((s) => analysis.equilibria[c]!.includes(s)));
      return { words: describeFamily(model, f.states, f.care), states: f.states.map((s) => s + 1), concepts };
    });
  return {
    from: sq.from + 1,
    fromPattern: statePattern(model, sq.from),
    fromWords: describeState(model, sq.from),
    todayStableUnder,
    reachableStates: sq.reachable.length,
    paths,
    unreachable,
    unreachableCount: unreachableStates.length,
  };
}

function stepReport(model: Model, dm: number, from: number, to: number): StepReport {
  const why = preferenceReason(model, dm, to, from);
  const st = why.statement;
  const reason: Cited = st
    ? { text: st.note ?? `it wants ${st.text}`, ...cite(st) }
    : { text: `it ranks the new state ${rankOf(model, dm, to)} instead of ${rankOf(model, dm, from)}` };
  return {
    mover: model.scenario.decisionMakers[dm].id,
    moverName: model.scenario.decisionMakers[dm].name,
    from: from + 1,
    to: to + 1,
    action: describeChange(model, from, to),
    reason,
    rankBefore: rankOf(model, dm, from),
    rankAfter: rankOf(model, dm, to),
  };
}

function assumptionReport(
  model: Model,
  change: PreferenceChange,
  effects: Partial<Record<Concept, { gained: number[]; lost: number[] }>>,
  fromStatusQuo: { gained: number[]; lost: number[] },
): AssumptionReport {
  const sc: Scenario = model.scenario;
  const dm = sc.decisionMakers[change.dm];
  const pref = sc.preferences[change.dm];
  const statementText = (j: number): Cited => {
    if (pref.kind !== "statements") return { text: `ranking item ${j + 1}` };
    const st = pref.statements[j];
    return { text: st.note ?? st.text, expression: st.text, ...cite(st) };
  };
  let text: string;
  let statements: Cited[];
  if (change.kind === "swap") {
    statements = [statementText(change.second), statementText(change.first)];
    text = `If ${dm.name} put "${statements[0].text}" before "${statements[1].text}"`;
  } else {
    statements = [statementText(change.index)];
    text = `If ${dm.name} did not care about "${statements[0].text}"`;
  }
  const parts: string[] = [];
  const words = (xs: number[]) => xs.map((s) => `${describeState(model, s)} (state ${s + 1})`).join("; or ");
  const { gained, lost } = fromStatusQuo;
  if (gained.length && lost.length) parts.push(`from today play would lead to ${words(gained)}, instead of ${words(lost)}`);
  else if (gained.length) parts.push(`from today play could also reach ${words(gained)}`);
  else if (lost.length) parts.push(`from today play could no longer reach ${words(lost)}`);
  const counted = (["Nash", "SEQ"] as Concept[])
    .filter((c) => effects[c])
    .map((c) => `${c} equilibria ${signed(effects[c]!.gained.length, effects[c]!.lost.length)}`);
  if (counted.length) parts.push(counted.join(", "));
  if (!parts.length) {
    const other = (Object.keys(effects) as Concept[]).map((c) => `${c} ${signed(effects[c]!.gained.length, effects[c]!.lost.length)}`);
    parts.push(`only the weaker concepts move (${other.join(", ")})`);
  }
  return {
    change: text,
    dm: dm.id,
    statements,
    effect: parts.join("; ") + ".",
    changesOutlook: fromStatusQuo.gained.length + fromStatusQuo.lost.length > 0,
  };
}

function signed(gained: number, lost: number): string {
  const bits: string[] = [];
  if (gained) bits.push(`+${gained}`);
  if (lost) bits.push(`−${lost}`);
  return bits.join(" ") || "unchanged";
}

/** The findings a reader should take away, from the analysis itself. */
function summarize(analysis: Analysis, outlook: OutlookReport, tiers: TierReport[], decisive: AssumptionReport[], coalitions: CoalitionReport[]): string[] {
  const { model } = analysis;
  const out: string[] = [];
  const today = model.statusQuo;
  if (outlook.todayStableUnder.includes("Nash") || outlook.reachableStates === 0)
    out.push(`Today's state holds: no party gains by moving on its own (stable under ${outlook.todayStableUnder.join(", ") || "no concept"}).`);
  else {
    const movers = model.scenario.decisionMakers
      .filter((_, d) => explainState(analysis.context, today, d, ["Nash"]).improvements.length > 0)
      .map((d) => d.name);
    out.push(
      `Today's state is not stable: ${listWords(movers)} ${movers.length > 1 ? "gain" : "gains"} by moving${outlook.todayStableUnder.length ? ` (it holds only under ${outlook.todayStableUnder.join(", ")})` : ""}.`,
    );
  }
  const next = outlook.paths.find((p) => p.steps.length > 0);
  if (next) {
    const who = [...new Set(next.steps.map((s) => s.moverName))];
    out.push(
      `The nearest stable outcome from today: ${next.words} (state ${next.state}, stable under ${next.concepts.join(", ")}), reached in ${next.steps.length} move${next.steps.length > 1 ? "s" : ""} by ${listWords(who)}.`,
    );
  }
  const credible = tiers.find((t) => t.key === "credible");
  const unreached = credible?.families.find((f) => !f.reachableFromToday);
  if (unreached)
    out.push(
      `Held by credible threats once reached, but not reachable from today by moves that each leave the mover better off: ${unreached.words} (${unreached.states.length} state${unreached.states.length > 1 ? "s" : ""}).`,
    );
  // The joint move that escapes where play is heading, if nothing credibly deters it.
  const from = coalitions[coalitions.length - 1];
  const way = from?.joint.find((j) => j.openUnder.includes("SEQ"));
  if (from && way)
    out.push(
      `From ${from.why}, ${listWords(way.members)} could move together to ${way.toWords} (state ${way.to}), which all of them prefer, and nothing credibly deters it: ${way.steps.join("; then ")}.`,
    );
  const top = decisive.find((d) => d.changesOutlook);
  if (top) out.push(`What decides the outlook most: ${top.change.replace(/^If /, "if ")}, ${top.effect}`);
  return out;
}

function listWords(xs: string[]): string {
  return xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
}

/**
 * The model checks of parley lint that bear on the results (contradictions
 * with today's state, options and statements that decide nothing, undefined
 * facts); missing sources are left to parley lint, where a modeller fixes them.
 */
function modelChecks(model: Model, analysis: Analysis): ReportData["checks"] {
  const facts = model.scenario.facts ? new Set(model.scenario.facts.map((f) => f.id)) : undefined;
  const findings = lintModel(analysis.context, { facts }).filter((f) => f.code !== "unsourced");
  // Statement paths are not shown in the report: the list form will do.
  const statementPath = (dm: number, statement: number) => ["preferences", model.scenario.decisionMakers[dm].id, statement];
  return describeFindings(model, findings, statementPath).map(({ code, element, message, fix }) => ({ code, element, message, fix }));
}
