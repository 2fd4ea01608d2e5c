/**
 * `parley unknown` (`parley-unknown/1`): its JSON, document and schema: the
 * unknown preferences each decision maker declares, the equilibria of every
 * concept in each variant a–d beside the plain analysis of the known
 * preferences, in numbers and in words, what the unknown preferences change,
 * and optionally why one state is or is not stable.
 */
import { stateFamilies } from "../analysis/families.js";
import { statePattern, type Model } from "../model/compile.js";
import type { StateSetSpec } from "../format/scenario.js";
import { UNKNOWN_VARIANT_INFO, type UnknownAnalysis, type UnknownConcept, type UnknownVariant } from "../extensions/unknown.js";
import { explainUnknown, type UnknownMoveCheck } from "../extensions/unknown-explain.js";
import { relationOf, type Relation } from "../extensions/unknown-pairs.js";
import { unknownChanges, type UnknownChange } from "../extensions/unknown-changes.js";
import { describeFamily, describeMove, describeState, dmName } from "../model/describe.js";
import type { Table } from "./table.js";
import { stateId, stateIds } from "../model/states.js";
import { type Block, code, type Document, type DocumentFormat, type Inline, inline, type Span, strong, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";
import { arr, bool, ids as idList, int, map, nullable, obj, pattern, root, stateIdSchema, step, str, type Schema } from "./schema-kit.js";
import { UNKNOWN_CONCEPTS } from "../extensions/unknown.js";
import { UNKNOWN_VARIANTS } from "../extensions/unknown.js";
import { count } from "../format/count.js";

const UNKNOWN_FORMAT = "parley-unknown/1";

const ids = (xs: readonly number[]) => stateIds(xs);
const setText = (x: StateSetSpec) => x.text;

function unknownToJson(a: UnknownAnalysis, focus?: number) {
  const { model } = a;
  const sc = model.scenario;
  const changes = unknownChanges(a);
  const dmId = (d: number) => sc.decisionMakers[d].id;
  return {
    format: UNKNOWN_FORMAT,
    scenario: { name: sc.name },
    statusQuo: stateId(model.statusQuo),
    concepts: a.concepts,
    variants: a.variants.map((v) => ({ id: v, ...UNKNOWN_VARIANT_INFO[v] })),
    source: "Li, Hipel, Kilgour & Fang (2004), IEEE Transactions on Systems, Man, and Cybernetics, Part A 34(4) 507-520; see docs/unknown-preferences.md",
    decisionMakers: sc.decisionMakers.map((dm, d) => ({
      id: dm.id,
      name: dm.name,
      unknownPairs: a.unknown.pairs[d],
      unknown: (sc.preferences[d].unknown ?? []).map((u) => ({
        between: setText(u.between),
        and: setText(u.and),
        ...(u.note !== undefined ? { note: u.note } : {}),
        ...(u.sources !== undefined ? { sources: u.sources } : {}),
        ...(u.assumption !== undefined ? { assumption: u.assumption } : {}),
      })),
    })),
    plain: { equilibria: Object.fromEntries(a.concepts.map((c) => [c, ids(a.plain.equilibria[c]!)])) },
    equilibria: Object.fromEntries(a.concepts.map((c) => [c, Object.fromEntries(a.variants.map((v) => [v, ids(a.equilibria[c]![v]!)]))])),
    stable: Object.fromEntries(
      a.concepts.map((c) => [
        c,
        Object.fromEntries(
          a.variants.map((v) => [
            v,
            Object.fromEntries(sc.decisionMakers.map((dm, d) => [dm.id, [...a.stable[c]![v]![d]].flatMap((x, s) => (x ? [stateId(s)] : []))])),
          ]),
        ),
      ]),
    ),
    changes: Object.fromEntries(
      a.concepts.map((c) => [
        c,
        Object.fromEntries(
          a.variants.map((v) => {
            const ch = changes[c][v];
            const one = (x: UnknownChange) => ({ state: stateId(x.state), decisionMakers: x.dms.map(dmId) });
            return [v, { gained: ch.gained.map(one), lost: ch.lost.map(one) }];
          }),
        ),
      ]),
    ),
    ...(focus !== undefined ? { state: stateJson(a, focus) } : {}),
  };
}

function stateJson(a: UnknownAnalysis, s: number) {
  const sc = a.model.scenario;
  const id = (d: number) => sc.decisionMakers[d].id;
  return {
    id: stateId(s),
    pattern: statePattern(a.model, s),
    decisionMakers: sc.decisionMakers.map((dm, i) => ({
      id: dm.id,
      concepts: Object.fromEntries(
        a.concepts.map((c) => [
          c,
          Object.fromEntries(
            a.variants.map((v) => {
              const x = explainUnknown(a.solver, s, i, c, v);
              return [
                v,
                {
                  stable: x.stable,
                  moves: x.moves.map((m) => ({
                    to: stateId(m.to),
                    relation: m.relation,
                    sanction: m.sanction && {
                      moves: m.sanction.moves.map((st) => ({ decisionMaker: id(st.dm), from: stateId(st.from), to: stateId(st.to) })),
                      result: stateId(m.sanction.result),
                      relation: m.sanction.relation,
                      ...(m.sanction.counter ? { counter: { to: stateId(m.sanction.counter.to), relation: m.sanction.counter.relation } } : {}),
                    },
                  })),
                },
              ];
            }),
          ),
        ]),
      ),
    })),
  };
}

/** "1–3, 7, 9" */
function numberList(states: readonly number[]): string {
  const xs = ids(states);
  const parts: string[] = [];
  for (let k = 0; k < xs.length; ) {
    let e = k;
    while (e + 1 < xs.length && xs[e + 1] === xs[e] + 1) e++;
    parts.push(e - k >= 2 ? `${xs[k]}–${xs[e]}` : e === k + 1 ? `${xs[k]}, ${xs[e]}` : `${xs[k]}`);
    k = e + 1;
  }
  return parts.join(", ");
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The result of `parley unknown`, and the state to explain if one was asked for. */
export interface UnknownResult {
  analysis: UnknownAnalysis;
  focus?: number;
}

function unknownDocument({ analysis: a, focus }: UnknownResult): Document {
  const { model } = a;
  const sc = model.scenario;
  const blocks: Block[] = [];
  // Paragraphs wrap in text; items hang under their marker; the first block under a heading follows it directly.
  const para = (text: Inline, joined = false, only?: DocumentFormat[]) =>
    blocks.push({ kind: "paragraph", wrap: true, joined, text, ...(only ? { only } : {}) });
  const heading = (text: Inline) => blocks.push({ kind: "heading", level: 2, underline: true, text });
  const bullet = (text: Inline, level = 0, only?: DocumentFormat[]) =>
    blocks.push({ kind: "item", level: level + 1, hang: true, joined: true, text, ...(level > 0 ? { marker: "– " } : {}), ...(only ? { only } : {}) });

  blocks.push({ kind: "heading", level: 1, text: t`${user(sc.name)}: stability with unknown preferences` });
  para(
    t`A decision maker may not know which of two states it prefers. Nash stability, general metarationality (GMR), symmetric metarationality (SMR) and sequential stability (SEQ) then come in four variants each (Li, Hipel, Kilgour & Fang 2004), by how the decision maker treats a state it cannot compare with the one it is in. "Plain" is the analysis of the known preferences alone, as ${code("parley analyze")} gives it; every other command uses that one. Definitions and sources: docs/unknown-preferences.md.`,
  );
  a.variants.forEach((v, k) => {
    bullet(`${v}: ${UNKNOWN_VARIANT_INFO[v].summary}.`);
    if (k === 0) blocks[blocks.length - 1].joined = false;
  });

  heading("Unknown preferences");
  if (!a.unknown.any)
    para(t`No decision maker declares an unknown preference (${code("unknown")} under its preferences), so every variant gives the plain result.`, true);
  else {
    sc.decisionMakers.forEach((dm, d) => {
      const entries = sc.preferences[d].unknown ?? [];
      if (entries.length === 0) return bullet(t`${user(dm.name)}: none; its preferences are fully known.`);
      bullet(t`${user(dm.name)} cannot compare ${count(a.unknown.pairs[d])} pair${a.unknown.pairs[d] === 1 ? "" : "s"} of states:`);
      for (const u of entries) {
        const prov = [u.note, u.assumption ? `Assumption: ${u.assumption}` : undefined, u.sources?.length ? `[${u.sources.join(", ")}]` : undefined]
          .filter(Boolean)
          .join(" ");
        // The sides are conditions: code in Markdown, quoted in text.
        const side = (x: StateSetSpec, md: boolean): Span => (md ? code(x.text) : user(`"${x.text}"`));
        const line = (md: boolean) => t`any state where ${side(u.between, md)} against any state where ${side(u.and, md)}${prov ? t`. ${user(prov)}` : ""}`;
        bullet(line(false), 1, ["text"]);
        bullet(line(true), 1, ["md", "html"]);
      }
    });
  }

  heading("Equilibria");
  const cell = (xs: readonly number[]) => (xs.length === 0 ? "none" : xs.length <= 6 ? numberList(xs) : `${xs.length} states`);
  const table: Table = {
    header: ["concept", "plain", ...a.variants],
    rows: a.concepts.map((c) => [c, cell(a.plain.equilibria[c]!), ...a.variants.map((v) => cell(a.equilibria[c]![v]!))]),
  };
  if (table.rows.length) blocks.push({ kind: "table", table, indent: 2, joined: true });
  else blocks.push({ kind: "table", table, joined: true, only: ["md", "html"] }, { kind: "paragraph", text: "", joined: true, only: ["text"] });

  const changes = unknownChanges(a);
  for (const c of a.concepts) {
    heading(c);
    const plainEq = a.plain.equilibria[c]!;
    para(
      `Plain (known preferences): ${plainEq.length ? `${plural(plainEq.length, "equilibrium", "equilibria")}, state${plainEq.length > 1 ? "s" : ""} ${numberList(plainEq)}` : "no equilibrium"}.`,
      true,
    );
    const seen: { v: UnknownVariant; eq: number[] }[] = [];
    for (const v of a.variants) {
      const eq = a.equilibria[c]![v]!;
      const title = strong(`${c}_${v}`);
      const twin = seen.find((x) => same(x.eq, eq));
      seen.push({ v, eq });
      if (twin) {
        para(t`${title}: the same equilibria as ${c}_${twin.v}.`);
        continue;
      }
      const { gained, lost } = changes[c][v];
      const vsPlain =
        gained.length === 0 && lost.length === 0
          ? "the same as plain"
          : [gained.length ? `${gained.length} gained` : "", lost.length ? `${lost.length} lost` : ""].filter(Boolean).join(", ") + " against plain";
      para(
        t`${title}: ${eq.length ? `${plural(eq.length, "equilibrium", "equilibria")}, state${eq.length > 1 ? "s" : ""} ${numberList(eq)}` : "no equilibrium"} (${vsPlain}).`,
      );
      for (const f of stateFamilies(model, eq)) bullet(t`${user(upperFirst(familyWords(model, f.states, f.care)))} (${stateRefs(model, f.states)})`);
      for (const [what, list, verb] of [
        ["Gained", gained, "now stable for"],
        ["Lost", lost, "no longer stable for"],
      ] as const) {
        if (list.length === 0) continue;
        for (const f of stateFamilies(
          model,
          list.map((x) => x.state),
        )) {
          const dms = new Set(list.filter((x) => f.states.includes(x.state)).flatMap((x) => x.dms));
          const who = [...dms].sort((x, y) => x - y).map((d) => dmName(model, d));
          bullet(
            t`${what}: ${user(familyWords(model, f.states, f.care))} (${stateRefs(model, f.states)})${who.length ? t`; ${verb} ${user(who.join(", "))}` : ""}`,
          );
        }
      }
    }
  }

  if (focus !== undefined) explain(a, focus, blocks, para, heading, bullet);
  return { title: `${sc.name}: stability with unknown preferences`, blocks };
}

/** Why one state is or is not stable for each DM and concept; variants with the same reasons are listed together. */
function explain(
  a: UnknownAnalysis,
  s: number,
  blocks: Block[],
  para: (text: Inline, joined?: boolean, only?: DocumentFormat[]) => void,
  heading: (text: Inline) => void,
  bullet: (text: Inline, level?: number) => void,
): void {
  const { model } = a;
  heading(`Why state ${stateId(s)} (${statePattern(model, s)}) is or is not stable`);
  para(user(`${describeState(model, s)}.`), true);
  model.scenario.decisionMakers.forEach((_, i) => {
    // The decision maker's name leads its list: bold in Markdown, with a colon in text.
    blocks.push(
      { kind: "paragraph", text: strong(user(dmName(model, i))), only: ["md", "html"] },
      { kind: "paragraph", text: t`${user(dmName(model, i))}:`, only: ["text"] },
    );
    for (const c of a.concepts) {
      const groups: { variants: UnknownVariant[]; head: string; lines: Inline[]; keys: string[] }[] = [];
      for (const v of a.variants) {
        const x = explainUnknown(a.solver, s, i, c, v);
        const head =
          x.moves.length === 0
            ? `stable: no move to a state ${UNKNOWN_VARIANT_INFO[v].movesToUnknown ? "known to be better or that it cannot compare with this one" : "known to be better"}.`
            : `${x.stable ? "stable" : "not stable"}.`;
        const lines = x.moves.map((m) => moveText(a, i, c, v, m));
        const keys = lines.map((l) => inline(l, "text"));
        const twin = groups.find((b) => b.head === head && same2(b.keys, keys));
        if (twin) twin.variants.push(v);
        else groups.push({ variants: [v], head, lines, keys });
      }
      for (const b of groups) {
        bullet(`${b.variants.map((v) => `${c}_${v}`).join(", ")}: ${b.head}`);
        for (const l of b.lines) bullet(l, 1);
      }
    }
  });
}

function moveText(a: UnknownAnalysis, i: number, c: UnknownConcept, v: UnknownVariant, m: UnknownMoveCheck): Inline {
  const { model } = a;
  const to = `to state ${stateId(m.to)} (${m.relation === "unknown" ? "which it cannot compare with this one" : "better"})`;
  if (c === "Nash") return `It may move ${to}.`;
  if (!m.sanction)
    return `Moving ${to} is not deterred: no ${c === "SEQ" ? "credible " : ""}answer of the others ${c === "SMR" ? "leaves it" : "ends"} in a state ${
      UNKNOWN_VARIANT_INFO[v].sanctionsOnUnknown && a.unknown.pairs[i] > 0
        ? "no better for it, or that it cannot compare with this one"
        : a.unknown.pairs[i] > 0
          ? "known to be no better for it"
          : "no better for it"
    }${c === "SMR" ? ", whatever it does next" : ""}.`;
  const steps = m.sanction.moves.flatMap((st, k) => {
    const doubt = c === "SEQ" && relationOf(model, a.unknown, st.dm, st.from, st.to) === "unknown";
    return t`${k > 0 ? "; then " : ""}${user(describeMove(model, st.dm, st.from, st.to))}${doubt ? t` (a move ${user(dmName(model, st.dm))} cannot rank, so it may make it)` : ""}`;
  });
  const counter = m.sanction.counter
    ? `; its best reply from there, state ${stateId(m.sanction.counter.to)}, is ${relationWords(m.sanction.counter.relation)}`
    : "";
  return t`Moving ${to} is deterred: ${steps}, ending in state ${stateId(m.sanction.result)}, ${relationWords(m.sanction.relation)}${counter}.`;
}

function relationWords(r: Relation): string {
  switch (r) {
    case "worse":
      return "known to be worse for it than staying";
    case "equal":
      return "no better for it than staying";
    case "unknown":
      return "which it cannot compare with staying";
    case "better":
      return "better for it than staying";
  }
}

/** A family in words, as the scenario's phrases give it. */
function familyWords(model: Model, states: readonly number[], care: number): string {
  return states.length === 1 ? describeState(model, states[0]) : describeFamily(model, states, care);
}

function upperFirst(s: string): string {
  return s.length ? s[0].toUpperCase() + s.slice(1) : s;
}

function stateRefs(model: Model, states: readonly number[]): string {
  return states.length === 1 ? `state ${stateId(states[0])}, ${statePattern(model, states[0])}` : `states ${numberList(states)}`;
}

function same2(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((v, k) => v === y[k]);
}

function same(x: readonly number[], y: readonly number[]): boolean {
  return x.length === y.length && x.every((v, k) => v === y[k]);
}

const unknownConcept: Schema = { enum: [...UNKNOWN_CONCEPTS] };
const variant: Schema = { enum: [...UNKNOWN_VARIANTS] };
const relation: Schema = { enum: ["better", "equal", "worse", "unknown"] };
const unknownChange = obj({ state: stateIdSchema, decisionMakers: arr(str) });
export const unknownSchema = root(
  "parley-unknown/1",
  "parley unknown --format json",
  {
    scenario: obj({ name: str }),
    statusQuo: stateIdSchema,
    concepts: arr(unknownConcept),
    variants: arr(obj({ id: variant, movesToUnknown: bool, sanctionsOnUnknown: bool, summary: str })),
    source: str,
    decisionMakers: arr(
      obj({
        id: str,
        name: str,
        unknownPairs: int,
        unknown: arr(obj({ between: str, and: str, note: str, sources: arr(str), assumption: str }, ["note", "sources", "assumption"])),
      }),
    ),
    plain: obj({ equilibria: map(idList, unknownConcept) }),
    equilibria: map(map(idList, variant), unknownConcept),
    stable: map(map(map(idList), variant), unknownConcept),
    changes: map(map(obj({ gained: arr(unknownChange), lost: arr(unknownChange) }), variant), unknownConcept),
    state: obj({
      id: stateIdSchema,
      pattern,
      decisionMakers: arr(
        obj({
          id: str,
          concepts: map(
            map(
              obj({
                stable: bool,
                moves: arr(
                  obj({
                    to: stateIdSchema,
                    relation,
                    sanction: nullable(obj({ moves: arr(step), result: stateIdSchema, relation, counter: obj({ to: stateIdSchema, relation }) }, ["counter"])),
                  }),
                ),
              }),
              variant,
            ),
            unknownConcept,
          ),
        }),
      ),
    }),
  },
  ["state"],
);

export const unknownOutput: OutputKind<UnknownResult> = {
  format: UNKNOWN_FORMAT,
  schema: unknownSchema,
  toJson: ({ analysis, focus }) => unknownToJson(analysis, focus),
  toDocument: unknownDocument,
};
