/**
 * The façade the CLI, server and web call: stability of every state for every
 * DM under each concept, and the equilibria (states stable for every DM).
 */
import type { Model } from "../model/compile.js";
import { CONCEPTS, type Concept } from "./concepts.js";
import type { StabilityContext } from "./context.js";
import { gmrStable } from "./gmr.js";
import { allMoves, type Adjacency } from "./moves.js";
import { nashStable } from "./nash.js";
import { seqStable } from "./seq.js";
import { simStable } from "./sim.js";
import { smrStable } from "./smr.js";

// In a leaf module: the CLI's options need the names without loading the solvers.
export { CONCEPTS, CONCEPT_BRIEFS, CONCEPT_NAMES, type Concept } from "./concepts.js";

export interface Analysis {
  model: Model;
  context: StabilityContext;
  concepts: Concept[];
  /** concept -> per DM -> per state: 1 when stable. */
  stable: Partial<Record<Concept, Uint8Array[]>>;
  /** concept -> state indices stable for every DM, ascending. */
  equilibria: Partial<Record<Concept, number[]>>;
}

export const SOLVERS: Record<BaseConcept, (ctx: StabilityContext, i: number) => Uint8Array> = {
  Nash: nashStable,
  GMR: gmrStable,
  SMR: smrStable,
  SEQ: seqStable,
  SIM: simStable,
};

/**
 * The context of a model's own moves: the solvers enumerate them implicitly;
 * the stored lists (`moves`) are built on first access, for the modules that
 * walk them (explanations, coalitions, paths, the workbench graph...).
 */
export function createContext(model: Model): StabilityContext {
  let moves: Adjacency[] | undefined;
  return {
    model,
    implicit: true,
    get moves(): Adjacency[] {
      return (moves ??= allMoves(model));
    },
  };
}

/** Up to this many states, preference variants share stored move lists (and their cached union graphs); beyond, moves are enumerated. */
export const STORED_MOVES_UP_TO = 50_000;

/**
 * The context of a variant of a model with other preferences (same states and
 * moves: robustness profiles, sensitivity changes): it shares the base's
 * stored lists; on a large model it solves with implicit adjacency, which
 * needs less memory and no union graphs, reading the lists only if a module
 * that walks them asks.
 */
export function variantContext(base: StabilityContext, variant: Model): StabilityContext {
  if (base.implicit && variant.states.length > STORED_MOVES_UP_TO)
    return {
      model: variant,
      implicit: true,
      get moves() {
        return base.moves;
      },
    };
  return { model: variant, moves: base.moves };
}

export interface AnalysisProgress {
  done: number;
  total: number;
  /** What was just finished, e.g. "SEQ for Russia". */
  label: string;
}

export function analyze(model: Model, opts: { concepts?: readonly Concept[]; context?: StabilityContext } = {}): Analysis {
  return runToEnd(analyzeSteps(model, opts));
}

/** A step generator of the engine (analysis, robustness, coalitions) run to its result, without pauses. */
export function runToEnd<R>(steps: Generator<unknown, R>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same analysis as a generator that pauses after each DM's moves and each
 * (concept, DM) pass, so an adapter can show progress and stop a long run
 * between steps; the engine itself stays free of timers and signals.
 */
export function* analyzeSteps(model: Model, opts: { concepts?: readonly Concept[]; context?: StabilityContext } = {}): Generator<AnalysisProgress, Analysis> {
  const concepts = [...(opts.concepts ?? CONCEPTS)];
  const base = baseConcepts(concepts);
  const n = model.nDMs;
  const name = (i: number) => model.scenario.decisionMakers[i].name;
  const total = (opts.context ? 0 : n) + base.length * n;
  let done = 0;
  let context = opts.context;
  if (!context) {
    // Moves are enumerated on the fly (implicit adjacency); the stored lists are
    // built only if a caller reads context.moves. One pause per DM is kept.
    context = createContext(model);
    for (let d = 0; d < n; d++) yield { done: ++done, total, label: `moves of ${name(d)}` };
  }
  const solved: Partial<Record<BaseConcept, Uint8Array[]>> = {};
  for (const c of base) {
    const perDM: Uint8Array[] = [];
    for (let i = 0; i < n; i++) {
      perDM.push(SOLVERS[c](context, i));
      yield { done: ++done, total, label: `${c} for ${name(i)}` };
    }
    solved[c] = perDM;
  }
  return assembleAnalysis(model, context, concepts, (c, i) => solved[c]![i]);
}

export type BaseConcept = Exclude<Concept, "SEQ+SIM">;

/** The concepts solved per DM for those asked: SEQ+SIM needs SEQ and SIM. */
export function baseConcepts(concepts: readonly Concept[]): BaseConcept[] {
  return (["Nash", "GMR", "SMR", "SEQ", "SIM"] as const).filter((c) => concepts.includes(c) || (concepts.includes("SEQ+SIM") && (c === "SEQ" || c === "SIM")));
}

/**
 * The analysis from each (base concept, DM) pass, however they were computed
 * (here, or in worker threads: every pass is independent of the others).
 */
export function assembleAnalysis(
  model: Model,
  context: StabilityContext,
  concepts: readonly Concept[],
  solved: (c: BaseConcept, i: number) => Uint8Array,
): Analysis {
  const stable = solveConcepts(concepts, model.nDMs, solved);
  const equilibria: Partial<Record<Concept, number[]>> = {};
  for (const c of concepts) equilibria[c] = equilibriaOf(stable[c]!);
  return { model, context, concepts: [...concepts], stable, equilibria };
}

/**
 * Stability per DM for each concept asked, from a solver of the base concepts;
 * SEQ+SIM is SEQ or SIM, computed from those (kept only if asked for).
 */
export function solveConcepts(
  concepts: readonly Concept[],
  nDMs: number,
  solve: (c: Exclude<Concept, "SEQ+SIM">, i: number) => Uint8Array,
): Partial<Record<Concept, Uint8Array[]>> {
  const stable: Partial<Record<Concept, Uint8Array[]>> = {};
  const perDM = (c: Exclude<Concept, "SEQ+SIM">) => (stable[c] ??= Array.from({ length: nDMs }, (_, i) => solve(c, i)));
  for (const c of concepts) {
    if (c === "SEQ+SIM") {
      const seq = perDM("SEQ");
      const sim = perDM("SIM");
      stable[c] = seq.map((a, i) => a.map((v, s) => v | sim[i][s]));
    } else perDM(c);
  }
  for (const c of Object.keys(stable) as Concept[]) if (!concepts.includes(c)) delete stable[c];
  return stable;
}

function equilibriaOf(perDM: Uint8Array[]): number[] {
  const out: number[] = [];
  const n = perDM[0]?.length ?? 0;
  for (let s = 0; s < n; s++) if (perDM.every((a) => a[s] === 1)) out.push(s);
  return out;
}
