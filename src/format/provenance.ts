/** Where an element of a scenario comes from: a note, cited fact ids, or a stated assumption. */
export interface Provenance {
  note?: string;
  sources?: string[];
  assumption?: string;
}
