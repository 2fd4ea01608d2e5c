/**
 * The Nash bargaining solution on one issue (Nash 1950, "The bargaining
 * problem", Econometrica 18(2):155-162), in its asymmetric (weighted) form
 * (Kalai 1977, "Nonsymmetric Nash solutions and replications of 2-person
 * bargaining", Int. J. Game Theory 6(3):129-133):
 *
 *   x* = argmax_x  Π_i (u_i(x) − d_i)^{w_i}   over x with u_i(x) > d_i for all i
 *
 * Utilities (switch `loss`): with δ_i(x) = |x − x_i| / (max − min), the
 * distance from the actor's position as a share of the scale,
 *   linear:    u_i(x) = 1 − δ_i(x)
 *   quadratic: u_i(x) = 1 − δ_i(x)²
 * Salience enters through the bargaining weights rather than the utilities,
 * because the solution is invariant to rescaling each u_i (Nash's axiom of
 * invariance to affine transformations): w_i = c_i s_i by default (switch
 * `weights`: capability × salience, capability only, or equal).
 *
 * Disagreement point d_i (switch `disagreement`):
 *   worst:       d_i = u_i at the end of the scale farthest from x_i (no deal
 *                is as bad as the worst outcome the scale allows);
 *   status-quo:  d_i = u_i(q) for the issue's status quo q. If no point makes
 *                every actor strictly better off than q, the solution is q.
 *
 * Each u_i is concave in x, so Σ w_i log(u_i − d_i) is concave and has one
 * maximum; it lies between the lowest and highest positions (outside them,
 * moving inward raises every u_i). It is found by golden-section search.
 */
import { weight, type BargainingIssue } from "./types.js";

export interface NashOptions {
  loss?: "linear" | "quadratic";
  disagreement?: "worst" | "status-quo";
  weights?: "capability-salience" | "capability" | "equal";
}

export const NASH_DEFAULTS: Required<NashOptions> = { loss: "linear", disagreement: "worst", weights: "capability-salience" };

export function nashBargaining(issue: BargainingIssue, options: NashOptions = {}): number {
  const o = { ...NASH_DEFAULTS, ...options };
  const width = issue.max - issue.min;
  const u = (xi: number, x: number) => {
    const d = Math.abs(x - xi) / width;
    return o.loss === "linear" ? 1 - d : 1 - d * d;
  };
  const ws = issue.actors.map((a) => (o.weights === "equal" ? 1 : o.weights === "capability" ? a.capability : weight(a)));
  const actors = issue.actors.filter((_, k) => ws[k] > 0);
  const w = ws.filter((x) => x > 0);
  let lo = Math.min(...actors.map((a) => a.position));
  let hi = Math.max(...actors.map((a) => a.position));
  let d: number[];
  if (o.disagreement === "status-quo" && issue.statusQuo !== undefined) {
    const q = issue.statusQuo;
    d = actors.map((a) => u(a.position, q));
    // Points every actor strictly prefers to q: within |q − x_i| of each x_i.
    for (const a of actors) {
      const r = Math.abs(q - a.position);
      lo = Math.max(lo, a.position - r);
      hi = Math.min(hi, a.position + r);
    }
    if (!(hi - lo > width * 1e-12)) return q;
  } else {
    d = actors.map((a) => u(a.position, Math.abs(issue.min - a.position) >= Math.abs(issue.max - a.position) ? issue.min : issue.max));
  }
  if (hi - lo <= 0) return lo;
  const objective = (x: number) => {
    let s = 0;
    for (let k = 0; k < actors.length; k++) {
      const gain = u(actors[k].position, x) - d[k];
      if (gain <= 0) return -Infinity;
      s += w[k] * Math.log(gain);
    }
    return s;
  };
  return goldenMax(objective, lo, hi, width * 1e-12);
}

/** Maximum of a unimodal function on [a, b] by golden-section search; also tries the ends. */
export function goldenMax(f: (x: number) => number, a: number, b: number, tol: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = b - g * (b - a);
  let x2 = a + g * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  while (b - a > tol) {
    if (f1 < f2) {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + g * (b - a);
      f2 = f(x2);
    } else {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - g * (b - a);
      f1 = f(x1);
    }
  }
  const mid = (a + b) / 2;
  return mid;
}
