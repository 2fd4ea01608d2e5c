// Long because it holds every way the fuzzer breaks input. Its scenarioArb is not tests/helpers/arbitraries.ts: that one makes valid models for property tests, this one small shapes to corrupt into malformed input.
/**
 * Generators for the fuzzer: small valid scenarios, statements over their
 * options, and the ways to break them (structured mutations of the data,
 * text mutations of the YAML or JSON, byte mutations of real files).
 * Generated models stay small (at most 6 options) so a case runs in a few
 * milliseconds; size is what the limits are for, and they are tested apart.
 */
import fc from "fast-check";

// ---------------------------------------------------------------------------
// valid scenarios

const WORDS = ["peace", "war", "talks", "sanctions", "aid", "truce", "strike", "deal"];

/** A statement over `ids`: ids, !, &, |, parentheses; `if … then …` at the top only. */
export function statementArb(ids: string[], depth = 3): fc.Arbitrary<string> {
  const { expr } = fc.letrec<{ expr: string; atom: string }>((tie) => ({
    atom: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom(...ids),
      fc.constantFrom(...ids).map((id) => `!${id}`),
      fc.constantFrom(...ids).map((id) => `not ${id}`),
    ),
    expr: fc.oneof(
      { depthSize: "small", maxDepth: depth, withCrossShrink: true },
      tie("atom"),
      fc.tuple(tie("expr"), fc.constantFrom(" & ", " and ", " | ", " or ", "&&", "||"), tie("expr")).map(([a, op, b]) => `(${a}${op}${b})`),
      tie("expr").map((e) => `!(${e})`),
    ),
  }));
  return fc.oneof({ weight: 4, arbitrary: expr }, { weight: 1, arbitrary: fc.tuple(expr, expr).map(([a, b]) => `if ${a} then ${b}`) });
}

export interface ScenarioShape {
  data: Record<string, unknown>;
  ids: string[];
}

/** A valid-looking parley/1 scenario with 1–3 decision makers and 1–2 options each. */
export const scenarioArb: fc.Arbitrary<ScenarioShape> = fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 3 }).chain((perDM) => {
  const ids: string[] = [];
  const dms = perDM.map((k, d) => {
    const options = Array.from({ length: k }, () => `o${ids.push(`o${ids.length}`) - 1}`);
    return { id: `d${d}`, options };
  });
  const n = ids.length;
  const text = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 8 }));
  const prefs = fc.array(
    fc.oneof(
      { weight: 4, arbitrary: statementArb(ids) },
      { weight: 1, arbitrary: fc.record({ statement: statementArb(ids), probability: fc.double({ min: 0, max: 1, noNaN: true }) }) },
      { weight: 1, arbitrary: fc.record({ anyOf: fc.array(statementArb(ids, 1), { minLength: 1, maxLength: 3 }) }) },
    ),
    { minLength: 1, maxLength: 3 },
  );
  return fc
    .record({
      name: text,
      description: fc.option(text, { nil: undefined }),
      labels: fc.array(fc.option(text, { nil: undefined }), { minLength: n, maxLength: n }),
      irreversible: fc.array(fc.constantFrom(undefined, true, "withdrawal"), { minLength: n, maxLength: n }),
      statusQuo: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      preferences: fc.array(prefs, { minLength: dms.length, maxLength: dms.length }),
      infeasible: fc.array(
        n >= 2
          ? fc.oneof(statementArb(ids, 1), fc.record({ mutuallyExclusive: fc.shuffledSubarray(ids, { minLength: 2, maxLength: 2 }) }))
          : statementArb(ids, 1),
        { maxLength: 2 },
      ),
      goals: fc.option(fc.array(fc.record({ title: text, condition: statementArb(ids, 1) }), { maxLength: 2 }), { nil: undefined }),
    })
    .map((r) => {
      const data: Record<string, unknown> = {
        format: "parley/1",
        name: r.name || "fuzz",
        ...(r.description !== undefined ? { description: r.description } : {}),
        decisionMakers: dms.map((dm) => ({
          id: dm.id,
          options: dm.options.map((id) => {
            const k = ids.indexOf(id);
            return {
              id,
              ...(r.labels[k] !== undefined ? { label: r.labels[k] } : {}),
              ...(r.irreversible[k] !== undefined ? { irreversible: r.irreversible[k] } : {}),
            };
          }),
        })),
        ...(r.infeasible.length > 0 ? { infeasible: r.infeasible } : {}),
        statusQuo: r.statusQuo.map((b) => (b ? "Y" : "N")).join(""),
        preferences: Object.fromEntries(dms.map((dm, d) => [dm.id, r.preferences[d]])),
        ...(r.goals && r.goals.length > 0 ? { goals: r.goals } : {}),
      };
      return { data, ids };
    });
});

// ---------------------------------------------------------------------------
// structured mutations of parsed data

/** Values of the wrong kind, sizes and characters a hand-edited file may hold. */
export const weirdValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, "", [], {}, "Y", "N", "YNYN", "-", "true", "__proto__", "constructor"),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("\u0000", "\ud800", "\u202e", "\ufeff", "a\u0301", "🏳️‍🌈", "\r\n", "\t", "x".repeat(100_000), "(".repeat(5000)),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxKeys: 3 }),
  fc.integer({ min: 1, max: 80 }).map((depth) => nest(depth)),
);

/** `depth` lists nested in each other, built without recursion. */
function nest(depth: number): unknown {
  let v: unknown = "x";
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

export type Mutation =
  | { op: "drop"; at: number }
  | { op: "replace"; at: number; value: unknown }
  | { op: "grow"; at: number; times: number }
  | { op: "nest"; at: number; depth: number }
  | { op: "key"; at: number; key: string; value: unknown };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("drop" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("replace" as const), at: fc.nat(), value: weirdValueArb }),
  fc.record({ op: fc.constant("grow" as const), at: fc.nat(), times: fc.constantFrom(2, 10, 200, 2000) }),
  fc.record({ op: fc.constant("nest" as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 80 }) }),
  fc.record({
    op: fc.constant("key" as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom("__proto__", "constructor", "toString", "", "0", "note", "id", "options", "d0", "o0"), fc.string({ maxLength: 8 })),
    value: weirdValueArb,
  }),
);

type Container = Record<string, unknown> | unknown[];
interface Slot {
  parent: Container;
  key: string | number;
}

/** Every place in `root` a value sits, in a fixed order. */
function slots(root: unknown): Slot[] {
  const out: Slot[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v))
      v.forEach((x, i) => {
        out.push({ parent: v, key: i });
        stack.push(x);
      });
    else if (v !== null && typeof v === "object")
      for (const k of Object.keys(v)) {
        out.push({ parent: v as Record<string, unknown>, key: k });
        stack.push((v as Record<string, unknown>)[k]);
      }
  }
  return out;
}

/** Apply the mutations to a deep copy of `data`. */
export function mutateData(data: unknown, mutations: Mutation[]): unknown {
  const root = { value: structuredClone(data) as unknown };
  for (const m of mutations) {
    const all: Slot[] = [{ parent: root as unknown as Record<string, unknown>, key: "value" }, ...slots(root.value)];
    const s = all[m.at % all.length];
    const get = () => (s.parent as Record<string | number, unknown>)[s.key];
    const set = (v: unknown) => ((s.parent as Record<string | number, unknown>)[s.key] = v);
    switch (m.op) {
      case "drop":
        if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
        else if (s.parent !== (root as unknown)) delete (s.parent as Record<string, unknown>)[s.key as string];
        break;
      case "replace":
        set(structuredClone(m.value));
        break;
      case "grow": {
        const v = get();
        // Keep the grown value under about 20 KB: size limits are tested apart.
        if (JSON.stringify(v ?? null).length * m.times > 20_000) break;
        if (Array.isArray(v)) set(Array.from({ length: v.length * m.times }, (_, i) => structuredClone(v[i % Math.max(1, v.length)])));
        else if (typeof v === "string") set(v.repeat(m.times) || "x".repeat(m.times));
        else set(Array.from({ length: m.times }, () => structuredClone(v)));
        break;
      }
      case "nest":
        set(wrap(get(), m.depth));
        break;
      case "key": {
        const v = get();
        if (v !== null && typeof v === "object" && !Array.isArray(v))
          Object.defineProperty(v, m.key, { value: structuredClone(m.value), enumerable: true, configurable: true, writable: true });
        break;
      }
    }
  }
  return root.value;
}

function wrap(v: unknown, depth: number): unknown {
  let out = v;
  for (let i = 0; i < depth; i++) out = i % 2 ? [out] : { x: out };
  return out;
}

// ---------------------------------------------------------------------------
// text mutations (after the data is written as YAML or JSON)

export type TextMutation =
  | { op: "duplicate-line"; at: number }
  | { op: "alias-bomb"; width: number; levels: number; where: "end" | "name" | "note" }
  | { op: "alias-cycle" }
  | { op: "merge-key"; at: number }
  | { op: "tag"; at: number; tag: string }
  | { op: "insert"; at: number; text: string }
  | { op: "truncate"; at: number }
  | { op: "deep-flow"; depth: number }
  | { op: "line-endings" }
  | { op: "bom" };

export const textMutationArb: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ op: fc.constant("duplicate-line" as const), at: fc.nat() }),
  fc.record({
    op: fc.constant("alias-bomb" as const),
    width: fc.integer({ min: 2, max: 12 }),
    levels: fc.integer({ min: 1, max: 12 }),
    where: fc.constantFrom("end" as const, "name" as const, "note" as const),
  }),
  fc.constant({ op: "alias-cycle" as const }),
  fc.record({ op: fc.constant("merge-key" as const), at: fc.nat() }),
  fc.record({
    op: fc.constant("tag" as const),
    at: fc.nat(),
    tag: fc.constantFrom("!!binary", "!!set", "!!omap", "!!timestamp", "!!js/function", "!!python/object", "!custom", "!!int", "!!float", "!!map", "!!seq"),
  }),
  fc.record({
    op: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ unit: "binary", maxLength: 8 }),
      fc.constantFrom(
        ":",
        "- ",
        "\t",
        "  ",
        "\n",
        "{",
        "[",
        "]",
        "}",
        "#",
        "&x ",
        "*x",
        "'",
        '"',
        "? ",
        "---\n",
        "...\n",
        "%YAML 1.1\n",
        "<<: ",
        "|\n",
        ">-\n",
      ),
    ),
  }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("deep-flow" as const), depth: fc.constantFrom(10, 63, 65, 1000) }),
  fc.constant({ op: "line-endings" as const }),
  fc.constant({ op: "bom" as const }),
);

/** An alias bomb: each level lists the previous one `width` times (width^levels nodes when expanded). */
export function aliasBomb(width: number, levels: number): string {
  const lines = [`bomb0: &b0 [${Array(width).fill("lol").join(", ")}]`];
  for (let k = 1; k <= levels; k++)
    lines.push(
      `bomb${k}: &b${k} [${Array(width)
        .fill(`*b${k - 1}`)
        .join(", ")}]`,
    );
  return lines.join("\n");
}

export function mutateText(text: string, mutations: TextMutation[]): string {
  let t = text;
  for (const m of mutations) {
    const lines = t.split("\n");
    switch (m.op) {
      case "duplicate-line": {
        const k = m.at % Math.max(1, lines.length);
        lines.splice(k, 0, lines[k] ?? "");
        t = lines.join("\n");
        break;
      }
      case "alias-bomb": {
        const bomb = aliasBomb(m.width, m.levels);
        if (m.where === "end") t = `${t}\n${bomb}\n`;
        else
          t = `${bomb
            .split("\n")
            .map((l) => `# ${l}`)
            .join("\n")}\n${t.replace(/^name: .*$/m, "")}\nx_anchors:\n${bomb.replace(/^/gm, "  ")}\n${m.where}: *b${m.levels}\n`;
        break;
      }
      case "alias-cycle":
        t = `${t}\nloop: &loop [*loop]\n`;
        break;
      case "merge-key": {
        const k = m.at % Math.max(1, lines.length);
        lines.splice(k, 0, "base: &base { id: zz }", "<<: *base");
        t = lines.join("\n");
        break;
      }
      case "tag": {
        const k = m.at % Math.max(1, lines.length);
        lines[k] = lines[k].replace(/: /, `: ${m.tag} `);
        t = lines.join("\n");
        break;
      }
      case "insert": {
        const k = m.at % (t.length + 1);
        t = t.slice(0, k) + m.text + t.slice(k);
        break;
      }
      case "truncate":
        t = t.slice(0, m.at % (t.length + 1));
        break;
      case "deep-flow":
        t = `${t}\nnote: ${"[".repeat(m.depth)}${"]".repeat(m.depth)}\n`;
        break;
      case "line-endings":
        t = t.replace(/\n/g, "\r\n");
        break;
      case "bom":
        t = "\ufeff" + t;
        break;
    }
  }
  return t;
}

// ---------------------------------------------------------------------------
// byte mutations of real files

export type ByteMutation =
  | { op: "flip"; at: number; bit: number }
  | { op: "set"; at: number; byte: number }
  | { op: "delete"; at: number; length: number }
  | { op: "insert"; at: number; bytes: number[] }
  | { op: "copy"; from: number; to: number; length: number }
  | { op: "truncate"; at: number };

export const byteMutationArb: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ op: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    op: fc.constant("set" as const),
    at: fc.nat(),
    byte: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...Buffer.from(":-[]{}&*!|>'\"#\n\t, ").values())),
  }),
  fc.record({ op: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }) }),
  fc.record({ op: fc.constant("copy" as const), from: fc.nat(), to: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
);

export function mutateBytes(input: Uint8Array, mutations: ByteMutation[]): Buffer {
  let b = Buffer.from(input);
  for (const m of mutations) {
    const len = b.length;
    switch (m.op) {
      case "flip":
        if (len) b[m.at % len] ^= 1 << m.bit;
        break;
      case "set":
        if (len) b[m.at % len] = m.byte;
        break;
      case "delete": {
        const at = m.at % (len + 1);
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
        break;
      }
      case "insert": {
        const at = m.at % (len + 1);
        b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
        break;
      }
      case "copy": {
        const from = m.from % (len + 1);
        const to = m.to % (len + 1);
        b = Buffer.concat([b.subarray(0, to), b.subarray(from, from + m.length), b.subarray(to)]);
        break;
      }
      case "truncate":
        b = b.subarray(0, m.at % (len + 1));
        break;
    }
  }
  return b;
}

// ---------------------------------------------------------------------------
// statements: grammar-made, then broken

export type StatementCase = { ids: string[]; text: string; place: "preference" | "infeasible" | "if" | "anyOf" | "goal" | "misperceives" | "unknown" };

export const statementCaseArb: fc.Arbitrary<StatementCase> = fc
  .record({
    base: statementArb(["x", "y", "z"], 4),
    edits: fc.array(
      fc.oneof(
        fc.record({
          op: fc.constant("insert" as const),
          at: fc.nat(),
          text: fc.oneof(
            fc.constantFrom("(", ")", "!", "&", "|", "not ", " and ", " or ", "if ", " then ", "true", "FALSE", "w", "__proto__", "Ü", "∧", "¬", "\u0000", " "),
            fc.string({ maxLength: 4 }),
          ),
        }),
        fc.record({ op: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
        fc.record({
          op: fc.constant("deep" as const),
          depth: fc.constantFrom(5, 60, 99, 101, 150, 3000),
          kind: fc.constantFrom("paren" as const, "not" as const, "mixed" as const),
        }),
        fc.record({ op: fc.constant("long" as const), times: fc.constantFrom(10, 300, 1200), joiner: fc.constantFrom(" & ", " | ", " & !") }),
      ),
      { maxLength: 3 },
    ),
    place: fc.constantFrom(
      "preference" as const,
      "infeasible" as const,
      "if" as const,
      "anyOf" as const,
      "goal" as const,
      "misperceives" as const,
      "unknown" as const,
    ),
  })
  .map(({ base, edits, place }) => {
    let text = base;
    for (const e of edits) {
      if (e.op === "insert") {
        const k = e.at % (text.length + 1);
        text = text.slice(0, k) + e.text + text.slice(k);
      } else if (e.op === "delete") {
        const k = e.at % (text.length + 1);
        text = text.slice(0, k) + text.slice(k + e.length);
      } else if (e.op === "deep") {
        text =
          e.kind === "paren"
            ? "(".repeat(e.depth) + text + ")".repeat(e.depth)
            : e.kind === "not"
              ? "!".repeat(e.depth) + `(${text})`
              : "(!".repeat(e.depth) + "x" + ")".repeat(e.depth);
      } else {
        text = Array.from({ length: e.times }, (_, i) => ["x", "y", "z"][i % 3]).join(e.joiner);
      }
    }
    return { ids: ["x", "y", "z"], text, place };
  });

/** A three-option scenario carrying `text` at the chosen place. */
export function scenarioWithStatement(c: StatementCase): Record<string, unknown> {
  const base: Record<string, unknown> = {
    format: "parley/1",
    name: "statement fuzz",
    decisionMakers: [
      { id: "a", options: [{ id: "x" }, { id: "y" }] },
      { id: "b", options: [{ id: "z" }] },
    ],
    statusQuo: "NNN",
    preferences: { a: ["x", "!z"], b: ["z"] },
  };
  const prefs = base.preferences as Record<string, unknown>;
  switch (c.place) {
    case "preference":
      prefs.a = [c.text, "x"];
      break;
    case "infeasible":
      base.infeasible = [c.text];
      break;
    case "if":
      prefs.b = [
        { if: c.text, then: "z" },
        { if: "x", then: c.text },
      ];
      break;
    case "anyOf":
      prefs.b = [{ anyOf: [c.text, "z"] }];
      break;
    case "goal":
      base.goals = [{ title: "g", condition: c.text }];
      break;
    case "misperceives":
      (base.decisionMakers as Record<string, unknown>[])[1].misperceives = [c.text];
      break;
    case "unknown":
      prefs.a = { statements: ["x"], unknown: [{ between: c.text, and: "y" }] };
      break;
  }
  return base;
}
