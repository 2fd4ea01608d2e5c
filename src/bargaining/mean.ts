/**
 * Weighted mean ("compromise") forecast:
 *
 *   x̂ = Σ_i c_i s_i x_i / Σ_i c_i s_i
 *
 * with x_i the actor's position, c_i its capability and s_i its salience.
 * Bueno de Mesquita uses it as the naive benchmark of his expected utility
 * model (The Predictioneer's Game, 2009, Appendix I: "the weighted mean
 * position", Σ I·S·P / Σ I·S; Scholz, Calbert & Smith 2011 compare their
 * replication with it too).
 */
import { weight, type BargainingIssue } from "./types.js";

export function weightedMean(issue: BargainingIssue): number {
  let total = 0;
  let sum = 0;
  for (const a of issue.actors) {
    const w = weight(a);
    total += w;
    sum += w * a.position;
  }
  // Validation ensures some weight; fall back to the plain mean for safety.
  if (total <= 0) return issue.actors.reduce((s, a) => s + a.position, 0) / issue.actors.length;
  return sum / total;
}
