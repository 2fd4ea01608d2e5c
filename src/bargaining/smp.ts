/**
 * A spatial model of politics in the style of KTAB's SMP (Wise, Lester,
 * Efird et al., KAPSARC Toolkit for Behavioral Analysis; B. Wise,
 * "Spatial Model of Politics", KTAB documentation and SMP tutorial). Not a
 * port: a one-dimensional reading of its ideas, with our own choices named.
 *
 * Each actor k values an outcome y by u_k(y) = 1 − |y − x_k| / (max − min)
 * and votes with weight w_k = c_k s_k. The actors' current positions are the
 * options. For two options i, j, the coalition strength behind i is
 *   S_ij = Σ_k w_k · max(0, u_k(x_i) − u_k(x_j))      ("proportional" voting)
 * and i prevails over j with probability
 *   p_ij = S_ij^e / (S_ij^e + S_ji^e),  e = 2  (switch `victory`: e = 1 "linear"),
 * ½ when neither side has support. The chance P_i that option i prevails
 * overall (a probabilistic Condorcet election, switch `pce`):
 *   markov:      the stationary distribution of the chain that moves from
 *                option j to option i with probability p_ij / n;
 *   conditional: P_i ∝ Π_{j≠i} p_ij.
 * The forecast is the expected outcome Σ_i P_i x_i.
 *
 * Dynamics: in each round every actor, seeing the others' positions of the
 * round before, moves to the position that maximises its expected utility
 * Σ_j P_j u_i(x_j) of the election that would follow (its own position
 * being one of the options), searched on a grid over the current span of
 * positions (switch `grid`); it moves only for a strict gain, so a settled
 * position stays put. Play stops when no one moves or after `rounds`.
 * No published SMP reference run is reproduced (KTAB's runs use its own
 * multi-dimensional data and search); tests use hand-computed cases.
 */
import type { BargainingIssue, ModelResult, RoundEvent, RoundRecord } from "./types.js";

export interface SmpOptions {
  pce?: "markov" | "conditional";
  victory?: "quadratic" | "linear";
  /** Grid points searched for each best response (default 41). */
  grid?: number;
  rounds?: number;
}

export const SMP_DEFAULTS: Required<SmpOptions> = { pce: "markov", victory: "quadratic", grid: 41, rounds: 10 };

/** P_i for options at positions `opt`, voters (x, w) on a scale of width `width`. */
export function optionProbabilities(opt: number[], x: number[], w: number[], width: number, o: Required<SmpOptions>): number[] {
  const n = opt.length;
  const p = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let sij = 0;
      let sji = 0;
      for (let k = 0; k < x.length; k++) {
        const diff = (w[k] * (Math.abs(x[k] - opt[j]) - Math.abs(x[k] - opt[i]))) / width;
        if (diff > 0) sij += diff;
        else sji -= diff;
      }
      const a = o.victory === "quadratic" ? sij * sij : sij;
      const b = o.victory === "quadratic" ? sji * sji : sji;
      const pij = a + b > 0 ? a / (a + b) : 0.5;
      p[i][j] = pij;
      p[j][i] = 1 - pij;
    }
  return o.pce === "conditional" ? conditional(p) : stationary(p);
}

function conditional(p: number[][]): number[] {
  const n = p.length;
  const raw = p.map((row, i) => row.reduce((prod, v, j) => (j === i ? prod : prod * v), 1));
  const total = raw.reduce((s, v) => s + v, 0);
  return total > 0 ? raw.map((v) => v / total) : raw.map(() => 1 / n);
}

/** Stationary distribution π = π M of M[j][i] = p_ij / n (i ≠ j), solved exactly by Gaussian elimination. */
function stationary(p: number[][]): number[] {
  const n = p.length;
  if (n === 1) return [1];
  // Balance: for each i, π_i Σ_{j≠i} p_ji = Σ_{j≠i} π_j p_ij  (the 1/n cancels); replace the last equation by Σ π = 1.
  const A = Array.from({ length: n }, () => new Array<number>(n + 1).fill(0));
  for (let i = 0; i < n - 1; i++) {
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      A[i][i] += p[j][i];
      A[i][j] -= p[i][j];
    }
  }
  for (let j = 0; j < n; j++) A[n - 1][j] = 1;
  A[n - 1][n] = 1;
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(A[r][col]) > Math.abs(A[piv][col])) piv = r;
    if (Math.abs(A[piv][col]) < 1e-300) continue;
    [A[col], A[piv]] = [A[piv], A[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = A[r][col] / A[col][col];
      if (f === 0) continue;
      for (let c = col; c <= n; c++) A[r][c] -= f * A[col][c];
    }
  }
  const pi = A.map((row, i) => (Math.abs(row[i]) < 1e-300 ? 0 : Math.max(0, row[n] / row[i])));
  const total = pi.reduce((s, v) => s + v, 0);
  return total > 0 ? pi.map((v) => v / total) : pi.map(() => 1 / n);
}

function expectedOutcome(opt: number[], x: number[], w: number[], width: number, o: Required<SmpOptions>): number {
  const P = optionProbabilities(opt, x, w, width, o);
  return P.reduce((s, pi, i) => s + pi * opt[i], 0);
}

export function spatialModelOfPolitics(issue: BargainingIssue, options: SmpOptions = {}): ModelResult {
  const o = { ...SMP_DEFAULTS, ...options };
  const ideal = issue.actors.map((a) => a.position);
  const w = issue.actors.map((a) => a.capability * a.salience);
  const width = issue.max - issue.min;
  const n = ideal.length;
  let pos = [...ideal];
  const rounds: RoundRecord[] = [{ round: 0, positions: [...pos], forecast: expectedOutcome(pos, ideal, w, width, o) }];
  for (let round = 1; round <= o.rounds; round++) {
    const lo = Math.min(...pos);
    const hi = Math.max(...pos);
    const next = [...pos];
    const events: RoundEvent[] = [];
    for (let i = 0; i < n; i++) {
      const eu = (y: number) => {
        const opt = [...pos];
        opt[i] = y;
        const P = optionProbabilities(opt, ideal, w, width, o);
        let s = 0;
        for (let j = 0; j < n; j++) s += P[j] * (1 - Math.abs(opt[j] - ideal[i]) / width);
        return s;
      };
      let bestY = pos[i];
      let bestU = eu(pos[i]);
      const candidates = new Set<number>(pos);
      for (let g = 0; g < o.grid; g++) candidates.add(o.grid === 1 ? lo : lo + ((hi - lo) * g) / (o.grid - 1));
      // Sorted, so that ties break the same way whatever the actors' order.
      for (const y of [...candidates].sort((a, b) => a - b)) {
        const u = eu(y);
        if (u > bestU + 1e-12) {
          bestU = u;
          bestY = y;
        }
      }
      if (bestY !== pos[i]) {
        next[i] = bestY;
        events.push({ actor: i, towards: i, kind: "best-response", from: pos[i], to: bestY });
      }
    }
    pos = next;
    rounds.push({ round, positions: [...pos], forecast: expectedOutcome(pos, ideal, w, width, o), events });
    if (events.length === 0) break;
  }
  return { forecast: rounds[rounds.length - 1].forecast, rounds };
}
