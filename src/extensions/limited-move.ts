/**
 * Foresight: limited-move stability L_h and non-myopic stability NM.
 *
 * Sources: Kilgour (1985), "Anticipation and stability in two-person
 * noncooperative games", in Luterbacher & Ward (eds.), Dynamic Models of
 * International Conflict; Kilgour, Hipel & Fang (1987), "The graph model for
 * conflicts", Automatica 23(1); Fang, Hipel & Kilgour (1993), Interactive
 * Decision Making, Wiley. The concept comes from the non-myopic equilibria of
 * Brams & Wittman (1981), Conflict Management and Peace Science 6, on 2×2 games.
 * Their full texts were not available to us: below is the recursion as these
 * works are cited, with every further rule spelled out (docs/foresight.md).
 *
 * Two decision makers i and j move alternately, i first, at most h moves in
 * all; the DM whose turn it is either moves or stops, and stopping ends play.
 * Both know both preferences. G_h(k, s) is the final state that DM k, about to
 * move at s with h moves left, anticipates; k' is the other DM:
 *
 *   G_0(k, s) = s
 *   G_h(k, s) = G_{h-1}(k', t*)  if some t ∈ R_k(s) has G_{h-1}(k', t) ≻_k s,
 *                                where t* is such a move whose anticipated
 *                                outcome k likes best;
 *             = s                otherwise (k stops).
 *
 * s is L_h stable for i when G_h(i, s) = s: no move of i's, followed by the
 * anticipated answers, ends in a state i prefers to s. An L_h equilibrium is
 * L_h stable for both. The rules the recursion needs spelled out:
 *
 * 1. Any unilateral move counts, improving or not: a DM may accept a worse
 *    state now for a better final one (unlike Nash, GMR, SMR, SEQ).
 * 2. A DM indifferent between moving and stopping stops: it moves only for a
 *    strictly better anticipated outcome (so a move that comes back to s, or to
 *    a state tied with s, is never made).
 * 3. A DM indifferent between moves with different anticipated outcomes is
 *    expected to take the one the DM who moved just before it (whose move it
 *    answers) likes least, then the lowest state number: the earlier mover
 *    anticipates cautiously. This rule is Parley's; with strict preferences
 *    (every published table) the case never arises.
 * 4. A DM with no move at s (R_k(s) = ∅) stops: G_h(k, s) = s, so s is L_h
 *    stable for it at every horizon.
 *
 * L_1 is Nash stability. NM is L_h as h → ∞. The tables G_h depend on G_{h-1}
 * only and take finitely many values, so they repeat: G_{h+p} = G_h for every
 * h ≥ m (found by Brent's cycle detection). s is NM stable for i when it is
 * L_h stable for every h ≥ max(m, 1), NM unstable when it is L_h stable for no
 * such h, and has no limit when its L_h stability keeps changing with h (such
 * cycles occur already in 2×2 games: Rêgo, de Oliveira, Vieira & Kilgour 2025,
 * "Classifying limited-move stability cycles in 2×2 games", Games 16(5) 54).
 *
 * More than two DMs: the literature disagrees (Soares et al. 2026, Group
 * Decision and Negotiation, doi:10.1007/s10726-026-09962-3, review two
 * definitions and propose two more), so each generalisation is a named variant:
 *
 * - `two-dm`: the definition above; refuses any other number of DMs.
 * - `rotation`: the DMs move in the fixed cyclic order of the scenario, starting
 *   with the focal DM (k' = the DM after k, wrapping round), each answering for
 *   itself with rules 1–4 (rule 3: ties go against the DM before it in the
 *   order). Parley's generalisation, not taken from a paper;
 *   identical to `two-dm` for two DMs; results depend on the order of the DMs.
 * - `maximin`: Maximin_h (Rêgo & Vieira; see Soares et al. 2026): the focal DM
 *   i moves to maximise, the others answer as one bloc (one unilateral move by
 *   any one of them, or stop) to minimise i's anticipated outcome, whatever it
 *   costs them; ties between outcomes go to the lowest state number (they
 *   are equal for i). With two DMs Maximin_1, _2, _3 are Nash, GMR and SMR.
 */
import { ParleyError } from "../format/errors.js";
import type { Model } from "../model/compile.js";
import { opponents, type StabilityContext } from "../stability/context.js";
import type { MoveStep } from "../stability/explain.js";
import { count } from "../format/count.js";

export const FORESIGHT_VARIANTS = ["two-dm", "rotation", "maximin"] as const;
export type ForesightVariant = (typeof FORESIGHT_VARIANTS)[number];

export const VARIANT_INFO: Record<ForesightVariant, { title: string; summary: string; source: string }> = {
  "two-dm": {
    title: "two decision makers, alternating",
    summary: "the two decision makers move alternately, each for itself",
    source: "Kilgour (1985); Kilgour, Hipel & Fang (1987); Fang, Hipel & Kilgour (1993)",
  },
  rotation: {
    title: "fixed rotation",
    summary: "the decision makers move in scenario order, starting with the one considering a move, each for itself",
    source: "Parley's generalisation of Kilgour (1985) to n decision makers; equal to two-dm for two",
  },
  maximin: {
    title: "the others as one hostile bloc",
    summary: "the decision maker moves for itself; the others answer, one move at a time, to leave it as badly off as they can",
    source: "Maximin_h (Rêgo & Vieira; see Soares et al. 2026, Group Decision and Negotiation)",
  },
};

/** Where no limit exists: L_h stability keeps changing with h. */
export const NO_LIMIT = -1;

/** One turn of play: who may move, whose preference decides, who plays next. */
interface Turn {
  movers: number[];
  /** The DM whose preference the turn's choice is judged by. */
  judge: number;
  /** true: the movers pick what `judge` likes best; false: what `judge` likes least. */
  maximise: boolean;
  next: number;
  /** Ties between outcomes go against this DM (the one who moved before), or to the lowest state when -1. */
  tieAgainst: number;
}

export interface NonMyopic {
  variant: ForesightVariant;
  /** The tables G_h repeat with this period from horizon `preperiod` on. */
  preperiod: number;
  period: number;
  /** L_h for h ≥ `from` repeats with the period: NM is read off horizons from .. from + period - 1. */
  from: number;
  /** Per DM, per state: 1 NM stable, 0 NM unstable, NO_LIMIT when L_h stability cycles. */
  status: Int8Array[];
  /** Per DM, per state: the anticipated final state when it is the same at every horizon of the cycle, else -1. */
  outcome: Int32Array[];
  /** States NM stable for every DM. */
  equilibria: number[];
}

export const DEFAULT_NM_MAX_STEPS = 10_000;

/** Whether the variant applies to the model; a ParleyError naming the alternatives when not. */
export function checkVariant(model: Model, variant: ForesightVariant): void {
  const n = model.nDMs;
  const others = FORESIGHT_VARIANTS.filter((v) => v !== "two-dm")
    .map((v) => `${v} (${VARIANT_INFO[v].summary})`)
    .join("; ");
  if (n < 2)
    throw new ParleyError({
      code: "foresight-needs-two",
      message: `limited-move and non-myopic stability need at least two decision makers to move in turn; this scenario has ${n}`,
    });
  if (variant === "two-dm" && n !== 2)
    throw new ParleyError({
      code: "foresight-variant",
      message:
        `limited-move stability as defined by Kilgour (1985) and Fang, Hipel & Kilgour (1993) is for exactly two decision makers; ` +
        `this scenario has ${n} (${model.scenario.decisionMakers.map((d) => d.id).join(", ")}). ` +
        `The literature disagrees on more; choose a generalisation (--variant on the command line): ${others}. See docs/foresight.md`,
    });
}

function turnsOf(ctx: StabilityContext, variant: ForesightVariant): { turns: Turn[]; entry: number[] } {
  checkVariant(ctx.model, variant);
  const n = ctx.model.nDMs;
  const dms = Array.from({ length: n }, (_, d) => d);
  if (variant === "maximin") {
    // Turn 2i: DM i moves; turn 2i + 1: the others answer against i.
    const turns: Turn[] = [];
    for (const i of dms) {
      turns.push({ movers: [i], judge: i, maximise: true, next: 2 * i + 1, tieAgainst: -1 });
      turns.push({ movers: opponents(ctx, i), judge: i, maximise: false, next: 2 * i, tieAgainst: -1 });
    }
    return { turns, entry: dms.map((i) => 2 * i) };
  }
  const turns = dms.map((k) => ({ movers: [k], judge: k, maximise: true, next: (k + 1) % n, tieAgainst: (k + n - 1) % n }));
  return { turns, entry: dms };
}

/**
 * L_h and NM for one model and variant, memoised: the table of level h (G_h
 * for every turn and state) is computed once, from level h - 1.
 */
export class LimitedMove {
  readonly variant: ForesightVariant;
  private readonly ctx: StabilityContext;
  private readonly turns: Turn[];
  /** Per DM: the turn at which it considers moving first. */
  private readonly entry: number[];
  private readonly n: number;
  /** levels[h][turn * n + s] = G_h(turn, s). */
  private readonly levels: Int32Array[];
  private nm?: NonMyopic;
  private readonly scratch = new Int32Array(2);

  constructor(ctx: StabilityContext, variant: ForesightVariant = "two-dm") {
    this.ctx = ctx;
    this.variant = variant;
    ({ turns: this.turns, entry: this.entry } = turnsOf(ctx, variant));
    this.n = ctx.model.states.length;
    const identity = new Int32Array(this.turns.length * this.n);
    for (let k = 0; k < identity.length; k++) identity[k] = k % this.n;
    this.levels = [identity];
  }

  /** G_h(i, s) for DM i moving first at every state s. */
  outcomes(i: number, h: number): Int32Array {
    const base = this.entry[i] * this.n;
    return this.level(h).slice(base, base + this.n);
  }

  /** Per state: 1 when L_h stable for DM i. */
  stable(i: number, h: number): Uint8Array {
    const table = this.level(h);
    const base = this.entry[i] * this.n;
    const out = new Uint8Array(this.n);
    for (let s = 0; s < this.n; s++) out[s] = table[base + s] === s ? 1 : 0;
    return out;
  }

  /** States L_h stable for every DM, ascending. */
  equilibria(h: number): number[] {
    const perDM = Array.from({ length: this.ctx.model.nDMs }, (_, i) => this.stable(i, h));
    const out: number[] = [];
    for (let s = 0; s < this.n; s++) if (perDM.every((a) => a[s] === 1)) out.push(s);
    return out;
  }

  /**
   * The line of play DM i anticipates from s with horizon h: the moves, in
   * order (empty when i stays). With `tryMove`, i's best move is shown even
   * when it does not pay (what deters it), followed by the anticipated answers;
   * empty only when i has no move at all.
   */
  play(i: number, s: number, h: number, tryMove = false): MoveStep[] {
    this.level(h);
    const steps: MoveStep[] = [];
    let turn = this.entry[i];
    let at = s;
    for (let left = h; left >= 1; left--) {
      this.decide(turn, at, this.levels[left - 1], tryMove && left === h);
      const [mover, to] = this.scratch;
      if (mover < 0) break;
      steps.push({ dm: mover, from: at, to });
      at = to;
      turn = this.turns[turn].next;
    }
    return steps;
  }

  /** Non-myopic stability: L_h in the limit h → ∞, where it exists. */
  nonMyopic(maxSteps = DEFAULT_NM_MAX_STEPS): NonMyopic {
    if (this.nm) return this.nm;
    const { preperiod, period } = this.cycle(maxSteps);
    const from = Math.max(preperiod, 1);
    const nDMs = this.ctx.model.nDMs;
    const everStable = Array.from({ length: nDMs }, () => new Uint8Array(this.n));
    const everUnstable = Array.from({ length: nDMs }, () => new Uint8Array(this.n));
    const outcome = Array.from({ length: nDMs }, () => new Int32Array(this.n).fill(-2));
    let table = this.levels[0];
    for (let h = 1; h < from + period; h++) {
      table = this.stepFrom(table, h);
      if (h < from) continue;
      for (let i = 0; i < nDMs; i++) {
        const base = this.entry[i] * this.n;
        for (let s = 0; s < this.n; s++) {
          const g = table[base + s];
          if (g === s) everStable[i][s] = 1;
          else everUnstable[i][s] = 1;
          const o = outcome[i];
          o[s] = o[s] === -2 || o[s] === g ? g : -1;
        }
      }
    }
    const status = everStable.map((st, i) => Int8Array.from(st, (v, s) => (v && everUnstable[i][s] ? NO_LIMIT : v)));
    const equilibria: number[] = [];
    for (let s = 0; s < this.n; s++) if (status.every((a) => a[s] === 1)) equilibria.push(s);
    this.nm = { variant: this.variant, preperiod, period, from, status, outcome, equilibria };
    return this.nm;
  }

  /** The table of level h, computing and keeping the levels up to it. */
  private level(h: number): Int32Array {
    if (!Number.isSafeInteger(h) || h < 1)
      throw new ParleyError({ code: "bad-horizon", message: `the horizon must be a whole number of moves, 1 or more (got ${h})` });
    while (this.levels.length <= h) this.levels.push(this.step(this.levels[this.levels.length - 1]));
    return this.levels[h];
  }

  /** Level h from level h - 1, reusing the memo when it holds it. */
  private stepFrom(prev: Int32Array, h: number): Int32Array {
    return h < this.levels.length ? this.levels[h] : this.step(prev);
  }

  /** G_h for every turn and state, from G_{h-1}. */
  private step(prev: Int32Array): Int32Array {
    const next = new Int32Array(prev.length);
    for (let turn = 0; turn < this.turns.length; turn++) {
      const base = turn * this.n;
      for (let s = 0; s < this.n; s++) next[base + s] = this.decide(turn, s, prev);
    }
    return next;
  }

  /**
   * The choice at state s on `turn` given the level below: returns the
   * anticipated final state and leaves [mover, first move] in `scratch`
   * ([-1, s] when the turn's movers stop). `force`: the best move even when
   * it does not pay (staying is not an option; explanations only).
   */
  private decide(turn: number, s: number, below: Int32Array, force = false): number {
    const { movers, judge, maximise, next, tieAgainst } = this.turns[turn];
    const pref = this.ctx.model.pref[judge];
    const against = tieAgainst >= 0 ? this.ctx.model.pref[tieAgainst] : undefined;
    const nextBase = next * this.n;
    let best = s;
    let bestValue = force ? (maximise ? -Infinity : Infinity) : pref[s];
    let mover = -1;
    let to = s;
    for (const m of movers) {
      const { offsets, targets } = this.ctx.moves[m];
      for (let e = offsets[s]; e < offsets[s + 1]; e++) {
        const t = targets[e];
        const o = below[nextBase + t];
        const v = pref[o];
        let take = maximise ? v > bestValue : v < bestValue;
        if (!take && v === bestValue && mover >= 0 && o !== best) {
          // Indifferent between two moves with different outcomes (rule 3).
          const a = against ? against[o] - against[best] : 0;
          take = a < 0 || (a === 0 && o < best);
        }
        if (take) {
          best = o;
          bestValue = v;
          mover = m;
          to = t;
        }
      }
    }
    this.scratch[0] = mover;
    this.scratch[1] = to;
    return best;
  }

  /** Brent's cycle detection on the sequence of tables G_0, G_1, …: its preperiod and period. */
  private cycle(maxSteps: number): { preperiod: number; period: number } {
    const start = this.levels[0];
    let power = 1;
    let period = 1;
    let steps = 1;
    let tortoise = start;
    let hare = this.stepFrom(start, 1);
    while (!sameTable(tortoise, hare)) {
      if (steps >= maxSteps) throw this.noCycle(maxSteps);
      if (power === period) {
        tortoise = hare;
        power *= 2;
        period = 0;
      }
      hare = this.step(hare);
      period++;
      steps++;
    }
    // The preperiod: walk two tables `period` apart from the start until they meet.
    let a = start;
    let b = start;
    for (let k = 1; k <= period; k++) b = this.stepFrom(b, k);
    let preperiod = 0;
    while (!sameTable(a, b)) {
      if (preperiod >= maxSteps) throw this.noCycle(maxSteps);
      preperiod++;
      a = this.stepFrom(a, preperiod);
      b = this.stepFrom(b, preperiod + period);
    }
    return { preperiod, period };
  }

  private noCycle(maxSteps: number): ParleyError {
    return new ParleyError({
      code: "nm-no-cycle",
      message: `non-myopic stability: the anticipated outcomes did not settle into a repeating pattern within ${count(maxSteps)} moves; use a finite --horizon`,
    });
  }
}

function sameTable(a: Int32Array, b: Int32Array): boolean {
  if (a === b) return true;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

const solvers = new WeakMap<StabilityContext, Map<ForesightVariant, LimitedMove>>();

/** The memoised solver for this context and variant (throws a ParleyError when the variant does not apply). */
export function limitedMove(ctx: StabilityContext, variant: ForesightVariant = "two-dm"): LimitedMove {
  let byVariant = solvers.get(ctx);
  if (!byVariant) solvers.set(ctx, (byVariant = new Map()));
  let solver = byVariant.get(variant);
  if (!solver) byVariant.set(variant, (solver = new LimitedMove(ctx, variant)));
  return solver;
}

/** Per state: 1 when L_h stable for DM i. */
export function limitedMoveStable(ctx: StabilityContext, i: number, h: number, variant: ForesightVariant = "two-dm"): Uint8Array {
  return limitedMove(ctx, variant).stable(i, h);
}

/** States L_h stable for every DM. */
export function limitedMoveEquilibria(ctx: StabilityContext, h: number, variant: ForesightVariant = "two-dm"): number[] {
  return limitedMove(ctx, variant).equilibria(h);
}

/** Non-myopic stability for every DM and state, and the NM equilibria. */
export function nonMyopicStability(ctx: StabilityContext, variant: ForesightVariant = "two-dm", maxSteps?: number): NonMyopic {
  return limitedMove(ctx, variant).nonMyopic(maxSteps);
}
