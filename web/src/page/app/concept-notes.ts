/**
 * One line on each stability concept, in the page once (hidden): the summary's
 * chips and the state table's column headings point at it with
 * aria-describedby, beside the same line in their tooltip, so a screen reader
 * reads what a tooltip shows. The summary's legend shows the lines to all.
 */
import { CONCEPT_BRIEFS, CONCEPTS, type Concept } from "../../../../src/index.js";
import { h } from "../widgets/dom.js";

export const conceptNoteId = (c: Concept): string => `concept-note-${c.replace(/[^A-Za-z]/g, "-")}`;

/** Put the notes in the page (once). */
export function installConceptNotes(): void {
  if (document.getElementById("concept-notes")) return;
  document.body.append(h("div", { id: "concept-notes", hidden: true }, ...CONCEPTS.map((c) => h("p", { id: conceptNoteId(c) }, CONCEPT_BRIEFS[c]))));
}

/** The visible legend: each concept in one line. */
export function conceptLegend(concepts: readonly Concept[], open: boolean, onToggle: (open: boolean) => void): HTMLDetailsElement {
  const d = h(
    "details",
    { class: "concept-legend", "data-testid": "concept-legend" },
    h("summary", {}, "What these mean"),
    h("dl", {}, ...concepts.flatMap((c) => [h("dt", {}, c), h("dd", {}, CONCEPT_BRIEFS[c].replace(/^[^:]*: /, ""))])),
  );
  d.open = open;
  d.addEventListener("toggle", () => onToggle(d.open));
  return d;
}
