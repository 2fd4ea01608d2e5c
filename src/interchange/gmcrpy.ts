/**
 * The gmcr-py / GMCR+ JSON file, which Parley imports (gmcrpy-import.ts) and
 * exports (gmcrpy-export.ts) so gmcr-py's users can move to Parley. In those
 * files options are re-ordered so each DM's options are contiguous (in DM
 * order, each DM's options as it lists them); a state's value is the sum of
 * 2^k over options set to Y in that order, and feasible states are numbered
 * 1.. in ascending value. Parley declares options DM by DM, so the two
 * numberings coincide.
 *
 * gmcr-py files have no status quo, ids or provenance; export adds them under a
 * `parley` key (ignored by gmcr-py) so export-then-import keeps the model: the
 * status quo with its provenance, and the infeasibility entries as written
 * (kinds, notes, sources), used on import only while they still rule out the
 * same states as the file's `infeasibles`. A file without a status quo gets
 * the first feasible state (state 1), and says so (`GmcrPyImport.statusQuo`);
 * `opts.statusQuo` chooses another.
 *
 * Older gmcr-py files may give a DM's preferences as a `preferenceVector`
 * (`useManualPreferenceVectors`). Their meaning is not published (a payoff per
 * state? a ranking? in which state order?), so import refuses them with a
 * message instead of guessing; preference statements or a manual ranking in
 * the same file are read as usual.
 *
 * Misperception (GMCR+ hypergames): a DM's `misperceptions` lists conditions,
 * in the form of `infeasibles`, for the states it does not know exist; import
 * also reads them as Y/N/- patterns over the file's options. A DM's view of
 * others' preferences (`perceivedPreferences`) has no gmcr-py form and travels
 * under the `parley` key, and so does the spatial bargaining section.
 */

/** A condition: [option index in the file, its value] pairs, all of which hold. */
export type Condition = [number, "Y" | "N"][];
/** A preference statement: one condition, or a compound one that holds when any member does. */
export type Statement = Condition | { compound: true; members: Condition[] };

export interface GmcrPyFile {
  program: "gmcr-py";
  version: string;
  useManualPreferenceRanking: boolean;
  options: { name: string; permittedDirection: "both" | "fwd" | "back" }[];
  decisionMakers: {
    name: string;
    options: number[];
    preferences: Statement[];
    preferenceRanking?: (number | number[])[];
    misperceptions?: Condition[];
  }[];
  infeasibles: Condition[];
  parley?: {
    format: string;
    name: string;
    description?: string;
    /** As a scenario file writes it: a pattern, or `{ state, note, sources, assumption }`. */
    statusQuo: string | ({ state: string } & Record<string, unknown>);
    /** The scenario's infeasibility entries as written (kinds and provenance), which `infeasibles` cannot hold. */
    infeasible?: unknown[];
    asOf?: string;
    limitations?: string[];
    whatIfs?: { file: string; title?: string; note?: string }[];
    goals?: { title: string; condition: string; note?: string }[];
    /** Forecasting (parley forecast): facts, questions and settings as a scenario file writes them. */
    facts?: unknown[];
    questions?: unknown[];
    forecast?: Record<string, unknown>;
    preferences?: Record<string, unknown>;
    note?: string;
    sources?: string[];
    assumption?: string;
    decisionMakers: {
      id: string;
      note?: string;
      sources?: string[];
      assumption?: string;
      perceivedPreferences?: Record<string, unknown>;
      rate?: Record<string, unknown>;
    }[];
    options: { id: string; whenTaken?: string; whenNotTaken?: string; withdrawLabel?: string; note?: string; sources?: string[]; assumption?: string }[];
    /** The scenario's spatial bargaining section, as a scenario file writes it. */
    bargaining?: Record<string, unknown>;
  };
}
