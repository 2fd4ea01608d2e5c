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

/**
 * Each concept in one line, for a reader who has not met it (the workbench
 * shows it where the concept's name appears). "Stable for a party": the party
 * would not leave the state.
 */
export const CONCEPT_BRIEFS: Record<Concept, string> = {
  Nash: "Nash: stable for a party when no move of its own leaves it better off.",
  GMR: "GMR (general metarationality): every move that would leave a party better off can be answered by the others with one that leaves it no better off than staying, even an answer that hurts them too.",
  SMR: "SMR (symmetric metarationality): as GMR, and the party cannot escape that answer by a further move of its own.",
  SEQ: "SEQ (sequential stability): every move that would leave a party better off can be answered by another party with a move that leaves that party better off itself and the mover no better off than staying: a credible threat.",
  SIM: "SIM (simultaneous stability): every move that would leave a party better off leaves it no better off if others make their own better moves at the same time.",
  "SEQ+SIM": "SEQ+SIM: stable for a party under SEQ or under SIM.",
};
