/**
 * The report a reader without GMCR training can follow, as data: the model in
 * one screen, the stable outcomes in words with why no party leaves them, the
 * paths from today, the what-ifs, and the assumptions that decide the answer.
 * Renderers (text, Markdown, HTML) and the JSON output all start from this.
 * This module assembles it; the sections with logic of their own are built in
 * tiers.ts, outlook.ts, assumptions.ts, summary.ts, deeper.ts and bargaining.ts.
 */
import { scenarioChanges } from "../analysis/diff.js";
import { lintModel } from "../analysis/lint.js";
import {
  defaultChangeBudget,
  planSensitivity,
  preferenceSensitivity,
  sensitivityOf,
  type Sensitivity,
  type SensitivityPlan,
  type SkipReason,
} from "../analysis/sensitivity.js";
import { profileBudget } from "../analysis/profile-budget.js";
import { statePattern, type Model } from "../model/compile.js";
import { describeState } from "../model/describe.js";
import { describeFindings } from "../present/lint-output.js";
import { analyze, variantContext, type Analysis, type Concept } from "../stability/analyze.js";
import { forecast } from "../analysis/forecast.js";
import { uncertaintyOf } from "../analysis/robustness.js";
import { assumptionReport, changeInWords, type AssumptionReport } from "./assumptions.js";
import { bottomLineOf, type BottomLine } from "./bottom-line.js";
import { bargainingReport, type BargainingReport } from "./bargaining.js";
import { cite, type Cited } from "./cited.js";
import {
  coalitionsThatMatter,
  goalReport,
  robustnessReport,
  whatIfComparison,
  type CoalitionReport,
  type GoalReport,
  type RobustnessReport,
} from "./deeper.js";
import { outlookOf, type OutlookReport } from "./outlook.js";
import { playAsRead, playFromToday, type PlayReport } from "./play.js";
import { summarize } from "./summary.js";
import { tiersOf, type TierReport } from "./tiers.js";
import { stateId, stateIndex } from "../model/states.js";

export interface WhatIfReport {
  title: string;
  file: string;
  note?: string;
  changes: string[];
  /** Equilibria gained and lost against the base, in words. */
  comparison: string[];
  counts: Partial<Record<Concept, number>>;
  outlook: OutlookReport;
  /** Where play from today stops, and the joint move or the reasons to stay there. */
  play: PlayReport;
}

export interface ReportData {
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
  /** Play from today as each party that reads another its own way expects it (the scenario's perceivedPreferences). */
  perceptions: { reader: string; of: string[]; play: PlayReport }[];
  /** Who could leave today's state or the nearest outcome together. */
  coalitions: CoalitionReport[];
  /** What it would take for each goal of the scenario to hold. */
  goals: GoalReport[];
  /** How sure the headline conclusions are, when the scenario marks preferences as uncertain. */
  robustness?: RobustnessReport;
  assumptions: { tried: number; leaveOutlook: number; decisive: AssumptionReport[]; budget?: SensitivityBudgetReport };
  limitations: string[];
  /** Model checks (parley lint): findings that make results suspect, each with what to do. */
  checks: { code: string; element: string; message: string; fix: string }[];
  /** Where the scenario's continuous issues may settle (its `bargaining` section), when it has one. */
  bargaining?: BargainingReport;
  /** What is likely to happen and by when (the forecast), dated the day the report was made; absent when no date was given. */
  bottomLine?: BottomLine;
  /** The facts of the scenario's fact table that the report cites (as F9), in the table's order, so that every fact number it prints is defined. */
  facts?: { id: string; fact: string; quote?: string }[];
}

/**
 * What the budget of the sensitivity phase left out, present only when it
 * left some change untried: every change there is, those settled without an
 * analysis, those analysed (in the order tried: those that can matter
 * first), and those skipped, each with the reason.
 */
export interface SensitivityBudgetReport {
  candidates: number;
  /** Changes that leave the party's ranking of every state as it was: known to change nothing, no analysis needed. */
  sameRanking: number;
  /** The count budget: analyses at most (null: none). */
  maxChanges: number | null;
  /** The time cap in seconds (null: none). */
  seconds: number | null;
  /** What stopped the phase: the count budget, or the time cap (the output then depends on the machine's speed). */
  stoppedBy: SkipReason;
  analysed: string[];
  skipped: { change: string; why: SkipReason }[];
}

/** The budget of the report's sensitivity phase (see src/analysis/sensitivity.ts). */
export interface ReportBudget {
  /** At most this many changes analysed (default: `defaultChangeBudget(states)`, every change of a small model; Infinity: all). */
  changes?: number;
  /** The time cap in seconds, as the report states it when it stopped the phase. */
  seconds?: number;
  /** Polled before each analysis: true once the time cap is reached (the caller keeps the clock). */
  stop?: () => boolean;
  /** Preference profiles analysed at most by the forecast and by the robustness run, each (default: `profileBudget(states)`). */
  profiles?: number;
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
  /** The sensitivity phase's plan and the equilibria of `plan.analyse`'s changes, in order (a prefix when stopped on time), when already computed. */
  sensitivity?: { plan: SensitivityPlan; equilibria: Partial<Record<Concept, number[]>>[] };
  /** The sensitivity phase's budget (default: a count budget by the model's size, no time cap). */
  budget?: ReportBudget;
  /**
   * The day the report is made (YYYY-MM-DD): with it, the report leads with a
   * dated bottom line from the forecast (the engine has no clock: the caller says what day it is).
   */
  today?: string;
}

export function buildReport(model: Model, whatIfs: { title: string; file: string; note?: string; model: Model }[] = [], opts: ReportOptions = {}): ReportData {
  const analysis = opts.analysis ?? analyze(model);
  const sc = model.scenario;
  const outlook = outlookOf(analysis, opts.maxPaths ?? 6);
  const reachable = new Set(outlook.paths.map((p) => p.state));
  const distance = new Map(outlook.paths.map((p) => [p.state, p.steps.length]));

  const counts: Partial<Record<Concept, number>> = {};
  for (const c of analysis.concepts) counts[c] = analysis.equilibria[c]!.length;
  const tiers = tiersOf(analysis, distance, reachable, opts.familiesPerTier);

  const budget = opts.budget ?? {};
  const { sensitivity, decisive } = decisiveAssumptions(analysis, opts);
  const leaveOutlook = leavingOutlook(sensitivity);

  const nearest = outlook.paths.find((p) => p.steps.length > 0);
  const coalitions = coalitionsThatMatter(analysis, [
    { state: model.statusQuo, why: "today's state" },
    ...(nearest ? [{ state: stateIndex(nearest.state), why: "the nearest stable outcome from today" }] : []),
  ]);
  const summary = summarize(analysis, outlook, tiers, decisive, coalitions);
  const goals = (opts.goals ?? sc.goals ?? []).map((g) => goalReport(analysis, g));
  const credibleFamily = tiers.find((t) => t.key === "credible")?.families[0];
  const profiles = profileLimit(model, budget);
  const robust = robustnessReport(
    analysis,
    [
      { state: model.statusQuo, label: "today's state" },
      ...(nearest ? [{ state: stateIndex(nearest.state), label: "the nearest stable outcome from today" }] : []),
      ...(credibleFamily ? [{ state: stateIndex(credibleFamily.example), label: "an outcome held by credible threats" }] : []),
    ],
    profiles,
  );

  const bargaining = bargainingReport(sc);
  const budgetReport = sensitivityBudgetReport(model, sensitivity, budget);
  const whatIfReports = whatIfs.map((w): WhatIfReport => {
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
      play: playFromToday(a),
    };
  });
  const perceptions = playAsRead(model);
  // Where play goes in each what-if, and as each party reads the others, beside the bottom line's chances.
  const bottomLine = opts.today
    ? bottomLineFrom(analysis, sensitivity, decisive, budget, opts.today, {
        whatIfs: whatIfReports.map((w) => ({ title: w.title, play: w.play })),
        perceptions,
      })
    : undefined;
  const data: ReportData = {
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
        state: stateId(model.statusQuo),
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
    whatIfs: whatIfReports,
    perceptions,
    coalitions,
    goals,
    ...(robust ? { robustness: robust } : {}),
    assumptions: { tried: sensitivity.tried, leaveOutlook, decisive, ...(budgetReport ? { budget: budgetReport } : {}) },
    limitations: sc.limitations ?? [],
    checks: modelChecks(model, analysis),
    ...(bargaining ? { bargaining } : {}),
    ...(bottomLine ? { bottomLine } : {}),
  };
  const facts = citedFacts(sc.facts ?? [], JSON.stringify(data));
  return facts.length ? { ...data, facts } : data;
}

/** What the sensitivity phase's budget left out, in words; undefined when it tried every change. */
function sensitivityBudgetReport(model: Model, s: Sensitivity, budget: ReportBudget): SensitivityBudgetReport | undefined {
  if (!s.skipped.length) return undefined;
  const words = (c: Sensitivity["analysedInOrder"][number]) => changeInWords(model, c).text;
  return {
    candidates: s.candidates,
    sameRanking: s.sameRanking,
    maxChanges: Number.isFinite(s.maxChanges) ? s.maxChanges : null,
    seconds: budget.seconds ?? null,
    stoppedBy: s.skipped.some((x) => x.why === "time") ? "time" : "count",
    analysed: s.analysedInOrder.map(words),
    skipped: s.skipped.map((x) => ({ change: words(x.change), why: x.why })),
  };
}

/** Progress of a piece-at-a-time computation: what it is doing, and how far when it knows. */
export interface ReportProgress {
  phase: string;
  done?: number;
  total?: number;
}

/**
 * The report's bottom line alone, exactly as buildReport makes it (the same
 * forecast, decisive assumptions, what-ifs and readings of the parties)
 * without the rest of the report: what the workbench shows first. A generator
 * that yields before each what-if, each single change of the preferences it
 * weighs and the forecast, so that a caller can do other work in between, or
 * stop.
 */
export function* bottomLineSteps(
  model: Model,
  whatIfs: { title: string; model: Model }[],
  opts: { today: string; analysis?: Analysis; maxAssumptions?: number; budget?: ReportBudget },
): Generator<ReportProgress, BottomLine> {
  const analysis = opts.analysis ?? analyze(model);
  const plays: BottomLine["whatIfs"] = [];
  for (const w of whatIfs) {
    yield { phase: `reading the what-if ${w.title}` };
    plays.push({ title: w.title, play: playFromToday(analyze(w.model)) });
  }
  const budget = opts.budget ?? {};
  const plan = planSensitivity(analysis, budget.changes ?? defaultChangeBudget(model.states.length));
  const equilibria: Partial<Record<Concept, number[]>>[] = [];
  for (const k of plan.analyse) {
    yield { phase: "weighing each single change of the preferences", done: equilibria.length, total: plan.analyse.length };
    const variant = plan.variants[k].model;
    equilibria.push(analyze(variant, { concepts: analysis.concepts, context: variantContext(analysis.context, variant) }).equilibria);
  }
  yield { phase: "reading how the parties read each other" };
  const perceptions = playAsRead(model);
  yield { phase: "forecasting where play goes" };
  const { sensitivity, decisive } = decisiveAssumptions(analysis, { ...opts, sensitivity: { plan, equilibria } });
  return bottomLineFrom(analysis, sensitivity, decisive, budget, opts.today, { whatIfs: plays, perceptions });
}

/** The bottom line from the sensitivity phase, the what-ifs' and the readings' play: what buildReport and bottomLineSteps both give. */
function bottomLineFrom(
  analysis: Analysis,
  sensitivity: Sensitivity,
  decisive: AssumptionReport[],
  budget: ReportBudget,
  today: string,
  play: Pick<BottomLine, "whatIfs" | "perceptions">,
): BottomLine {
  const { model } = analysis;
  const f = forecast(analysis.context, uncertaintyOf(model), { today, maxProfiles: profileLimit(model, budget) });
  return bottomLineOf(model, f, decisive, { variants: sensitivity.tried, moving: sensitivity.tried - leavingOutlook(sensitivity) }, play);
}

/** How many of the changes tried leave the outlook from today as it is. */
function leavingOutlook(s: Sensitivity): number {
  return s.changes.filter((c) => c.fromStatusQuo.gained.length + c.fromStatusQuo.lost.length === 0).length;
}

/** Each preference profile of the forecast and of the robustness run costs an analysis of the model: at most so many. */
function profileLimit(model: Model, budget: ReportBudget): number {
  return budget.profiles ?? profileBudget(model.states.length);
}

/** Every single change of preferences tried (within the budget), and the few that decide the answer, in words. */
function decisiveAssumptions(analysis: Analysis, opts: ReportOptions): { sensitivity: Sensitivity; decisive: AssumptionReport[] } {
  const budget = opts.budget ?? {};
  const sensitivity = opts.sensitivity
    ? sensitivityOf(analysis, opts.sensitivity.plan, opts.sensitivity.equilibria)
    : preferenceSensitivity(analysis, { maxChanges: budget.changes ?? defaultChangeBudget(analysis.model.states.length), stop: budget.stop });
  const decisive = sensitivity.changes
    .filter((c) => c.weight > 0 || c.fromStatusQuo.gained.length + c.fromStatusQuo.lost.length > 0)
    .slice(0, opts.maxAssumptions ?? 6)
    .map((c) => assumptionReport(analysis.model, c.change, c.effects, c.fromStatusQuo));
  return { sensitivity, decisive };
}

/** The facts of the table whose id (as F9) appears anywhere in the report's text. */
function citedFacts(table: readonly { id: string; fact: string; quote?: string }[], text: string): NonNullable<ReportData["facts"]> {
  const cites = (id: string) => new RegExp(`(^|[^\\w])${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^\\w]|$)`).test(text);
  return table.filter((f) => cites(f.id)).map((f) => ({ id: f.id, fact: f.fact, ...(f.quote ? { quote: f.quote } : {}) }));
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
