/**
 * Scenario -> Model: the engine's data layout. A state is an integer bitmask
 * over all options (bit k = option k in declaration order); feasible states
 * get dense indices 0.. in ascending mask order (state number = index + 1, as
 * in gmcr-py); a decision maker's move is `s ^ m` for a non-empty submask m of
 * its option mask, so adjacency is never stored.
 */
import { perceivedPreferenceLevels } from "../preferences/perceived.js";
import { preferenceLevels } from "../preferences/ranks.js";
import { ParleyError } from "../format/errors.js";
import { maskToPattern } from "../format/cubes.js";
import { MAX_OPTIONS, tooManyOptions } from "../format/limits.js";
import type { Scenario } from "../format/scenario.js";
import { count } from "../format/count.js";

export interface Model {
  scenario: Scenario;
  /** Number of options (bits). */
  nOptions: number;
  nDMs: number;
  /** Per decision maker: the mask of its options. */
  dmMask: Int32Array;
  /** Options that may only be taken (N->Y) / only withdrawn (Y->N). */
  fwdMask: number;
  backMask: number;
  /** Per decision maker: every non-empty submask of its option mask (its possible moves). */
  moveMasks: Int32Array[];
  /** Feasible state masks, ascending; index i is state number i + 1. */
  states: Int32Array;
  /** mask -> state index, -1 when infeasible (dense over all 2^n masks). */
  indexOf: Int32Array;
  statusQuo: number;
  /** Per decision maker: preference level of every state (higher = more preferred). */
  pref: Int32Array[];
  /** Hypergames: per decision maker, the levels of each entry of its `perceivedPreferences`, in order. */
  perceivedPref?: Int32Array[][];
}

export interface CompileOptions {
  /** Largest candidate state space (2^options) to enumerate. */
  maxStates?: number;
  /** Refuse a model whose analysis would need more memory than this (bytes; default: no limit). */
  maxMemoryBytes?: number;
  /**
   * The caller only runs `analyze` (moves enumerated on the fly, no stored
   * lists), so the estimate leaves the lists out; default: it counts them, for
   * the analyses that walk them (explanations, coalitions, paths, reports).
   */
  implicitOnly?: boolean;
}

export const DEFAULT_MAX_STATES = 2 ** 24;

export function compileScenario(scenario: Scenario, opts: CompileOptions = {}): Model {
  const n = scenario.options.length;
  const maxStates = opts.maxStates ?? DEFAULT_MAX_STATES;
  const candidates = 2 ** n;
  // Validation refuses these first; a scenario built in code gets the same message.
  if (n > MAX_OPTIONS) throw new ParleyError({ code: "too-many-options", message: tooManyOptions(n) });
  if (candidates > maxStates)
    throw new ParleyError({
      code: "state-space-limit",
      message: `the scenario has ${n} options, so ${count(candidates)} candidate states: over the limit of ${count(maxStates)}; raise it with --max-states ${candidates} (needs about ${Math.ceil((candidates * 5) / 2 ** 20)} MiB)`,
    });

  const nDMs = scenario.decisionMakers.length;
  const dmMask = new Int32Array(nDMs);
  scenario.decisionMakers.forEach((dm, d) => {
    for (const k of dm.options) dmMask[d] |= 1 << k;
  });
  let fwdMask = 0;
  let backMask = 0;
  scenario.options.forEach((o, k) => {
    if (o.direction === "fwd") fwdMask |= 1 << k;
    else if (o.direction === "back") backMask |= 1 << k;
  });
  const moveMasks = Array.from(dmMask, (m) => submasks(m));

  // Feasible states: every candidate that matches no infeasible cube.
  const cares: number[] = [];
  const values: number[] = [];
  for (const c of scenario.constraints)
    for (const cube of c.infeasible) {
      cares.push(cube.care);
      values.push(cube.value);
    }
  const care = Int32Array.from(cares);
  const value = Int32Array.from(values);
  const indexOf = new Int32Array(candidates).fill(-1);
  const feasible: number[] = [];
  for (let s = 0; s < candidates; s++) {
    let ok = true;
    for (let c = 0; c < care.length; c++)
      if ((s & care[c]) === value[c]) {
        ok = false;
        break;
      }
    if (ok) {
      indexOf[s] = feasible.length;
      feasible.push(s);
    }
  }
  const states = Int32Array.from(feasible);
  if (states.length === 0)
    throw new ParleyError({
      code: "no-feasible-state",
      message: "no state is feasible: the infeasibility conditions rule out every state",
      path: ["infeasible"],
    });

  const statusQuo = indexOf[scenario.statusQuo];
  if (statusQuo < 0) {
    const broken = scenario.constraints.filter((c) => c.infeasible.some((cube) => (scenario.statusQuo & cube.care) === cube.value));
    throw new ParleyError({
      code: "infeasible-status-quo",
      message: `the status quo ${maskToPattern(scenario.statusQuo, n)} is infeasible: it breaks ${broken.map((c) => `'${c.text}'`).join(", ")}`,
      path: ["statusQuo"],
    });
  }

  if (opts.maxMemoryBytes !== undefined) {
    const need = analysisMemoryEstimate(states.length, Array.from(dmMask, popcount), candidates, opts.implicitOnly);
    if (need > opts.maxMemoryBytes)
      throw new ParleyError({
        code: "memory-limit",
        message: `analysing this model would need about ${size(need)} of memory (${count(states.length)} feasible states), more than the ${size(opts.maxMemoryBytes)} this machine allows; reduce the options or add constraints`,
      });
  }

  const pref = scenario.decisionMakers.map((dm, d) => preferenceLevels(scenario.preferences[d], states, n, dm.id));
  const perceivedPref = scenario.decisionMakers.map((dm) => perceivedPreferenceLevels(scenario, dm, states, n));
  return { scenario, nOptions: n, nDMs, dmMask, fwdMask, backMask, moveMasks, states, indexOf, statusQuo, pref, perceivedPref };
}

/** Every non-empty submask of `mask`, ascending. */
export function submasks(mask: number): Int32Array {
  const out: number[] = [];
  for (let m = mask; m !== 0; m = (m - 1) & mask) out.push(m);
  return Int32Array.from(out.reverse());
}

/** Y/N pattern of state index s. */
export function statePattern(model: Model, s: number): string {
  return maskToPattern(model.states[s], model.nOptions);
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v !== 0; v &= v - 1) c++;
  return c;
}

/** 1.5 GiB, 230 MiB, 117 KiB. */
function size(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  if (bytes >= 2 ** 20) return `${Math.ceil(bytes / 2 ** 20)} MiB`;
  return `${Math.ceil(bytes / 2 ** 10)} KiB`;
}

/**
 * An estimate of the memory a full analysis takes, in bytes, from the number
 * of feasible and candidate states and each DM's number of options: the
 * stored moves (4 bytes each, at most 2^k - 1 per state for a DM with k
 * options), the opponents' union graphs of moves and of improvements (GMR,
 * SMR, SEQ), preference levels, the per-state arrays of the reachability pass
 * (about 40 bytes per state) and the mask index (4 bytes per candidate).
 * With `implicitOnly`, no stored moves: the preference levels, the states, the
 * reachability pass's arrays and SMR's escape values (33 bytes per state, kept
 * across passes), one byte per state, DM and concept for the results, each
 * DM's improvement sets (4 bytes per state), SIM's order of the states and
 * lower set (one bit per candidate), and the mask index.
 */
export function analysisMemoryEstimate(states: number, optionsPerDM: number[], candidates = 0, implicitOnly = false): number {
  // Per DM: levels (4), results (6 concepts), improvement sets (4, cached for Nash, SMR, SEQ and SIM);
  // per state: 33 of the Tarjan pass, 4 of SMR's escapes, 12 of SIM's order, the blocks' minima and
  // the pass's member cursor; per candidate: the mask index (4) and SIM's lower set (one bit).
  if (implicitOnly) return states * (14 * optionsPerDM.length + 49) + 4 * candidates + Math.ceil(candidates / 8);
  const movesPerState = optionsPerDM.map((k) => Math.min(2 ** k - 1, states));
  const all = movesPerState.reduce((a, b) => a + b, 0);
  const largestUnion = Math.max(0, ...movesPerState.map((m) => all - m));
  return states * (4 * all + 8 * largestUnion + 4 * optionsPerDM.length + 44) + 4 * candidates;
}
