/**
 * Foresight in one call: limited-move stability L_h at a horizon (or
 * non-myopic stability) for every decision maker, and the play each one
 * anticipates from a chosen state.
 */
import type { Model } from "../model/compile.js";
import type { StabilityContext } from "../stability/context.js";
import type { MoveStep } from "../stability/explain.js";
import { limitedMove, NO_LIMIT, type ForesightVariant, type NonMyopic } from "./limited-move.js";

/** What one DM anticipates at the state shown. */
export interface AnticipatedPlay {
  dm: number;
  /** Whether the state is stable for the DM (null: NM has no limit). */
  stable: boolean | null;
  /** The moves the DM expects, its own first (empty when it stays). */
  moves: MoveStep[];
  result: number;
  /** When it stays but could move: its best move and the answers that make it not pay. */
  tried?: { moves: MoveStep[]; result: number };
}

export interface Foresight {
  model: Model;
  variant: ForesightVariant;
  /** The horizon analysed; for NM, the horizon whose play is shown (the first of the repeating cycle). */
  horizon: number;
  nm?: NonMyopic;
  /** Per DM, per state: 1 stable, 0 not, NO_LIMIT (NM only). */
  status: Int8Array[];
  /** Per DM, per state: the anticipated final state (-1 when NM has none). */
  outcome: Int32Array[];
  equilibria: number[];
  /** The state whose anticipated play is shown. */
  focus: number;
  plays: AnticipatedPlay[];
}

/** L_h at `horizon`, or NM when `nm`; the anticipated play from `focus`. */
export function foresight(ctx: StabilityContext, variant: ForesightVariant, o: { horizon: number; nm?: boolean; focus: number }): Foresight {
  const solver = limitedMove(ctx, variant);
  const model = ctx.model;
  const dms = Array.from({ length: model.nDMs }, (_, d) => d);
  let horizon = o.horizon;
  let nm: NonMyopic | undefined;
  let status: Int8Array[];
  let outcome: Int32Array[];
  let equilibria: number[];
  if (o.nm) {
    nm = solver.nonMyopic();
    horizon = nm.from;
    ({ status, outcome, equilibria } = nm);
  } else {
    status = dms.map((i) => Int8Array.from(solver.stable(i, horizon)));
    outcome = dms.map((i) => solver.outcomes(i, horizon));
    equilibria = solver.equilibria(horizon);
  }
  const plays = dms.map((i): AnticipatedPlay => {
    const st = status[i][o.focus];
    const moves = solver.play(i, o.focus, horizon);
    const result = moves.length ? moves[moves.length - 1].to : o.focus;
    const play: AnticipatedPlay = { dm: i, stable: st === NO_LIMIT ? null : st === 1, moves, result };
    if (moves.length === 0) {
      const tried = solver.play(i, o.focus, horizon, true);
      if (tried.length) play.tried = { moves: tried, result: tried[tried.length - 1].to };
    }
    return play;
  });
  return { model, variant, horizon, nm, status, outcome, equilibria, focus: o.focus, plays };
}
