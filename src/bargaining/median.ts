/**
 * Weighted median ("median voter") forecast.
 *
 * Order the positions; the weighted median is the position x_m at which the
 * weight (capability × salience) of the actors at or below it first reaches
 * half of the total, while the weight at or above it is also at least half.
 * By the median voter theorem (Black 1948, "On the rationale of group
 * decision-making", J. Political Economy 56(1):23-34), with single-peaked
 * preferences on a line this position beats every other in pairwise
 * weighted votes. It is also the actor position that minimises
 * Σ_i w_i |x_i − x|, which is how Bueno de Mesquita's pairwise vote
 * v(j,k) = Σ_i c_i s_i (|x_i − x_k| − |x_i − x_j|) picks its median voter
 * (Scholz, Calbert & Smith 2011, §3.2).
 *
 * When the lower half's weight is exactly half, every point between two
 * adjacent positions is a median; we take the midpoint (a documented choice).
 */
import { weight, type BargainingIssue } from "./types.js";

export function weightedMedian(issue: BargainingIssue): number {
  const xs = issue.actors.map((a) => ({ x: a.position, w: weight(a) })).sort((a, b) => a.x - b.x);
  const total = xs.reduce((s, a) => s + a.w, 0);
  if (total <= 0) return xs[Math.floor((xs.length - 1) / 2)].x;
  const half = total / 2;
  // Relative tolerance, so that 0.1 + 0.2 style rounding does not move the median.
  const eps = total * 1e-12;
  let below = 0;
  for (let k = 0; k < xs.length; k++) {
    below += xs[k].w;
    if (below > half + eps) return xs[k].x;
    if (Math.abs(below - half) <= eps) {
      // Exactly half at or below x_k: the median is the interval up to the next position with weight.
      let j = k + 1;
      while (j < xs.length && xs[j].w === 0) j++;
      return j < xs.length ? (xs[k].x + xs[j].x) / 2 : xs[k].x;
    }
  }
  return xs[xs.length - 1].x;
}
