/**
 * The link between the two models: a bargaining forecast decides which
 * options of the graph model are on the table. An issue's `onTable` entry
 * says an option can be part of a settlement only when the issue's forecast
 * lies in a range (for example: Ukraine accepts territorial concessions only
 * if the forecast settlement cedes at least 30% of the occupied territory).
 * Options off the table under the reference model's forecast cannot be
 * taken, so the graph model's equilibria that take any of them are set
 * aside: what remains are the stable outcomes consistent with the forecast.
 */
import type { Model } from "../model/compile.js";
import type { BargainingRun } from "./scenario.js";
import type { BargainingModel } from "./types.js";

export interface GraphLink {
  model: BargainingModel;
  /** Global option indices off the table under the model's forecasts. */
  offTable: number[];
  onTable: number[];
  /** State indices (0-based) among `equilibria` that take no option off the table. */
  consistent: number[];
  equilibria: number[];
}

export function graphLink(model: Model, run: BargainingRun, reference: BargainingModel, equilibria: readonly number[]): GraphLink {
  const off = new Set<number>();
  const on = new Set<number>();
  for (const r of run.issues)
    for (const l of r.links) {
      if (l.onTable[reference] === false) off.add(l.option);
      else if (l.onTable[reference] === true) on.add(l.option);
    }
  // An option named by several links is off the table if any link rules it out.
  for (const o of off) on.delete(o);
  let mask = 0;
  for (const o of off) mask |= 1 << o;
  const consistent = equilibria.filter((s) => (model.states[s] & mask) === 0);
  return { model: reference, offTable: [...off].sort((a, b) => a - b), onTable: [...on].sort((a, b) => a - b), consistent, equilibria: [...equilibria] };
}
