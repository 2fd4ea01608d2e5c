/**
 * The command line's extensions as workbench views: limited-move and
 * non-myopic stability (`parley foresight`), hypergames (`parley hypergame`)
 * and unknown preferences (`parley unknown`). The same engine calls as the
 * commands; the text is the command's (its table of every state left out),
 * beside a few states by number and name for the page's small tables.
 */
import { parse, stringify } from "yaml";
import {
  analyzeForesight,
  analyzeHypergame,
  analyzeUnknown,
  CONCEPTS,
  describeState,
  FORESIGHT_VARIANTS,
  HYPERGAME_VIEWS,
  loadModel,
  stateId,
  stateName,
  statePattern,
  UNKNOWN_CONCEPTS,
  UNKNOWN_VARIANTS,
  type Analysis,
  type Concept,
  type ForesightVariant,
  type HypergameView as HypergameKind,
  type Model,
} from "../../../../src/index.js";
import { foresightOutput, hypergameOutput, render, unknownOutput, type Document } from "../../../../src/api/present.js";
import type { ForesightView, HypergameView, StateRefView, UnknownView } from "../../protocol/extensions.js";

/** At most this many states listed in a view's table (the text says how many there are). */
export const LISTED = 12;

/** State s (0-based) by number, name, pattern and words. */
export function stateRef(m: Model, s: number): StateRefView {
  return { id: stateId(s), name: stateName(m, s), pattern: statePattern(m, s), words: describeState(m, s) };
}

/** The command's document as plain text, without its tables (the view shows its own, smaller one). */
function prose(doc: Document): string {
  return render({ ...doc, blocks: doc.blocks.filter((b) => b.kind !== "table") }, "text").trim();
}

export function foresightView(analysis: Analysis, request: { variant: string; horizon: number; nm: boolean; state: number }, version: number): ForesightView {
  const m = analysis.model;
  const variant = (FORESIGHT_VARIANTS as readonly string[]).includes(request.variant) ? (request.variant as ForesightVariant) : "two-dm";
  const focus = Math.min(Math.max(1, Math.round(request.state) || 1), m.states.length) - 1;
  const horizon = Math.min(Math.max(1, Math.round(request.horizon) || 1), 50);
  const f = analyzeForesight(analysis, { variant, horizon, nm: request.nm, focus });
  return {
    version,
    concept: f.nm ? "NM" : `L_${f.horizon}`,
    variant: f.variant,
    horizon: f.horizon,
    focus: stateRef(m, f.focus),
    isStatusQuo: f.focus === m.statusQuo,
    equilibria: f.equilibria.map((s) => stateRef(m, s)),
    plays: f.plays.map((p) => ({
      dm: p.dm,
      name: m.scenario.decisionMakers[p.dm].name,
      stable: p.stable,
      result: p.result >= 0 ? stateRef(m, p.result) : null,
    })),
    text: prose(foresightOutput.toDocument(f, undefined)),
  };
}

/**
 * The scenario with one party's perception taken from another file: what the
 * other file says the other parties prefer is what this party believes they
 * prefer, and the options the other file lacks are ones this party does not
 * know of (the states where they are taken are unknown to it).
 */
export function perceivedScenario(text: string, file: string, perception: { dm: number; file: string; text: string }): string {
  const own = parse(text) as {
    decisionMakers: { id: string; options: { id: string }[]; misperceives?: unknown[]; perceivedPreferences?: Record<string, unknown> }[];
  };
  const other = parse(perception.text) as { decisionMakers?: { id: string; options?: { id: string }[] }[]; preferences?: Record<string, unknown> } | null;
  const me = own.decisionMakers?.[perception.dm];
  if (!me) throw new Error(`${file} has no party ${perception.dm + 1}`);
  if (!other || typeof other !== "object") throw new Error(`${perception.file} is not a scenario`);
  const known = new Set((other.decisionMakers ?? []).flatMap((d) => (d.options ?? []).map((o) => o.id)));
  const unknown = own.decisionMakers.flatMap((d) => d.options.map((o) => o.id)).filter((id) => !known.has(id));
  if (unknown.length) me.misperceives = [...(me.misperceives ?? []), ...unknown.map((id) => ({ condition: id }))];
  const believed: Record<string, unknown> = { ...(me.perceivedPreferences ?? {}) };
  for (const d of own.decisionMakers) if (d.id !== me.id && other.preferences?.[d.id] !== undefined) believed[d.id] = other.preferences[d.id];
  if (Object.keys(believed).length) me.perceivedPreferences = believed;
  return stringify(own, { lineWidth: 0 });
}

export function hypergameView(
  model: Model,
  source: { text: string; file: string },
  request: { view: string; perception?: { dm: number; file: string; text: string } },
  version: number,
): HypergameView {
  const view = (HYPERGAME_VIEWS as readonly string[]).includes(request.view) ? (request.view as HypergameKind) : "gmcr";
  let m = model;
  let from = "the scenario's own misperceives and perceivedPreferences";
  if (request.perception) {
    const p = request.perception;
    try {
      m = loadModel(perceivedScenario(source.text, source.file, p), source.file);
    } catch (e) {
      throw new Error(
        `${p.file} cannot serve as ${model.scenario.decisionMakers[p.dm]?.name ?? "that party"}'s view of ${source.file}: ${(e as Error).message}`,
      );
    }
    from = `${m.scenario.decisionMakers[p.dm].name} sees the conflict as ${p.file} describes it (the other parties' preferences there; options missing there unknown to it)`;
  }
  const h = analyzeHypergame(m, { concepts: CONCEPTS, view });
  const concepts = h.concepts.map((c: Concept) => {
    const hyper = h.equilibria[c] ?? [];
    const plain = h.plain.equilibria[c] ?? [];
    const inPlain = new Set(plain);
    const inHyper = new Set(hyper);
    return {
      concept: c,
      plain: plain.length,
      hyper: hyper.length,
      gained: hyper.filter((s) => !inPlain.has(s)).map((s) => stateRef(m, s)),
      lost: plain.filter((s) => !inHyper.has(s)).map((s) => stateRef(m, s)),
    };
  });
  return { version, view, misperception: h.misperception, source: from, concepts, text: prose(hypergameOutput.toDocument(h, undefined)) };
}

export function unknownView(analysis: Analysis, version: number): UnknownView {
  const m = analysis.model;
  const a = analyzeUnknown(analysis);
  const sq = m.statusQuo;
  return {
    version,
    unknownPairs: a.unknown.pairs.reduce((x, y) => x + y, 0),
    today: stateRef(m, sq),
    rows: UNKNOWN_CONCEPTS.map((c) => ({
      concept: c,
      plain: a.plain.equilibria[c]?.length ?? 0,
      variants: UNKNOWN_VARIANTS.map((v) => {
        const eq = a.equilibria[c]?.[v] ?? [];
        return { variant: v, count: eq.length, today: eq.includes(sq) };
      }),
    })),
    text: prose(unknownOutput.toDocument({ analysis: a, focus: undefined }, undefined)),
  };
}
