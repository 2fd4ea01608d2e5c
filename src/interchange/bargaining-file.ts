/**
 * A validated `bargaining` section back in the form a scenario file writes it
 * (the inverse of src/format/validate/bargaining.ts), so that formats which
 * carry a scenario elsewhere (the gmcr-py export's `parley` key) keep it.
 */
import type { BargainingSpec, RangedValue } from "../format/bargaining-spec.js";
import type { Provenance } from "../format/scenario.js";

function provenance(x: Provenance): Provenance {
  return {
    ...(x.note !== undefined ? { note: x.note } : {}),
    ...(x.sources !== undefined ? { sources: x.sources } : {}),
    ...(x.assumption !== undefined ? { assumption: x.assumption } : {}),
  };
}

/** A plain number when it has no range and no provenance, else { value, min, max, … }. */
function ranged(r: RangedValue): number | Record<string, unknown> {
  const extra = { ...(r.min !== undefined ? { min: r.min } : {}), ...(r.max !== undefined ? { max: r.max } : {}), ...provenance(r) };
  return Object.keys(extra).length ? { value: r.value, ...extra } : r.value;
}

/** `optionIds[k]` is the id of global option k (links name options by id). */
export function bargainingToFile(spec: BargainingSpec, optionIds: readonly string[]): Record<string, unknown> {
  const others = spec.actors.filter((a) => a.dm === undefined);
  return {
    ...provenance(spec),
    ...(others.length ? { actors: others.map((a) => ({ id: a.id, ...(a.name !== a.id ? { name: a.name } : {}), ...provenance(a) })) } : {}),
    issues: spec.issues.map((is) => ({
      id: is.id,
      title: is.title,
      scale: { min: is.min, max: is.max, minLabel: is.minLabel, maxLabel: is.maxLabel, ...(is.unit !== undefined ? { unit: is.unit } : {}) },
      ...(is.statusQuo ? { statusQuo: ranged(is.statusQuo) } : {}),
      positions: Object.fromEntries(
        is.positions.map((p) => [
          spec.actors[p.actor].id,
          { position: ranged(p.position), salience: ranged(p.salience), capability: ranged(p.capability), ...provenance(p) },
        ]),
      ),
      ...(is.links.length
        ? {
            onTable: is.links.map((l) => ({
              option: optionIds[l.option],
              ...(l.atLeast !== undefined ? { atLeast: l.atLeast } : {}),
              ...(l.atMost !== undefined ? { atMost: l.atMost } : {}),
              ...provenance(l),
            })),
          }
        : {}),
      ...provenance(is),
    })),
    ...(spec.linkModel ? { linkModel: { model: spec.linkModel.model, ...provenance(spec.linkModel) } } : {}),
  };
}
