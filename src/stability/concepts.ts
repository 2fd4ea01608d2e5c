/** The stability concepts by name: a leaf module, so naming them loads no solver (the CLI's options). */
export const CONCEPTS = ["Nash", "GMR", "SMR", "SEQ", "SIM", "SEQ+SIM"] as const;
export type Concept = (typeof CONCEPTS)[number];

export const CONCEPT_NAMES: Record<Concept, string> = {
  Nash: "Nash stability",
  GMR: "general metarationality",
  SMR: "symmetric metarationality",
  SEQ: "sequential stability",
  SIM: "simultaneous stability",
  "SEQ+SIM": "sequential or simultaneous stability",
};
