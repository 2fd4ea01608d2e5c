/**
 * Decision makers and their options: ids unique and not reserved, at least one
 * option each, and at most MAX_OPTIONS in all. Builds the name -> index maps
 * that every later section resolves references with.
 */
import { MAX_OPTIONS, tooManyOptions } from "../limits.js";
import type { DecisionMakerSpec, Direction, OptionSpec } from "../scenario.js";
import type { ScenarioFile } from "../schema.js";
import { provenanceOf, type Path, type Report } from "./context.js";

/** Words of the statement language (any case): they cannot name options. */
const KEYWORDS = new Set(["not", "and", "or", "if", "then", "true", "false"]);
/** Names that collide with JavaScript object internals. */
const RESERVED_IDS = new Set(["__proto__", "constructor", "prototype"]);

export interface OptionsSection {
  options: OptionSpec[];
  decisionMakers: DecisionMakerSpec[];
  optionIndex: Map<string, number>;
  dmIndex: Map<string, number>;
}

export function validateOptions(file: ScenarioFile, report: Report): OptionsSection {
  const options: OptionSpec[] = [];
  const decisionMakers: DecisionMakerSpec[] = [];
  const optionIndex = new Map<string, number>();
  const dmIndex = new Map<string, number>();

  file.decisionMakers.forEach((dm, d) => {
    const path: Path = ["decisionMakers", d];
    if (RESERVED_IDS.has(dm.id)) report("reserved-id", `'${dm.id}' cannot be used as an id`, [...path, "id"]);
    if (dmIndex.has(dm.id)) report("duplicate-id", `duplicate decision maker id '${dm.id}'`, [...path, "id"]);
    else dmIndex.set(dm.id, d);
    if (dm.options.length === 0) report("no-options", `decision maker '${dm.id}' has no options; give it at least one`, [...path, "options"]);
    const indices: number[] = [];
    dm.options.forEach((o, k) => {
      if (KEYWORDS.has(o.id.toLowerCase()) || RESERVED_IDS.has(o.id)) {
        report(
          "reserved-id",
          `'${o.id}' cannot be an option id: ${RESERVED_IDS.has(o.id) ? "it is reserved" : "it is a word of the statement language"} (${[...KEYWORDS].join(", ")})`,
          [...path, "options", k, "id"],
        );
        return;
      }
      if (optionIndex.has(o.id)) {
        report("duplicate-id", `duplicate option id '${o.id}' (option ids must be unique across all decision makers)`, [...path, "options", k, "id"]);
        return;
      }
      optionIndex.set(o.id, options.length);
      indices.push(options.length);
      const direction: Direction = o.irreversible === true || o.irreversible === "taking" ? "fwd" : o.irreversible === "withdrawal" ? "back" : "both";
      options.push({
        id: o.id,
        label: o.label ?? o.id,
        dm: d,
        direction,
        ...(o.whenTaken !== undefined ? { whenTaken: o.whenTaken } : {}),
        ...(o.whenNotTaken !== undefined ? { whenNotTaken: o.whenNotTaken } : {}),
        ...(o.withdrawLabel !== undefined ? { withdrawLabel: o.withdrawLabel } : {}),
        ...provenanceOf(o),
      });
    });
    decisionMakers.push({
      id: dm.id,
      name: dm.name ?? dm.id,
      options: indices,
      ...provenanceOf(dm),
      ...(dm.rate !== undefined ? { rate: { perMonth: dm.rate.perMonth, ...provenanceOf(dm.rate) } } : {}),
    });
  });
  if (file.decisionMakers.length === 0) report("no-decision-makers", "the scenario has no decision makers", ["decisionMakers"]);
  if (options.length > MAX_OPTIONS) report("too-many-options", tooManyOptions(options.length), ["decisionMakers"]);
  return { options, decisionMakers, optionIndex, dmIndex };
}
