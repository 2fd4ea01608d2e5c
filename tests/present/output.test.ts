/**
 * Output of large models (issue 13): renderers that produce chunks instead of
 * one string, tables that cap their rows and say so, display widths, the JSON
 * of `analyze -e`, and the CLI writing chunks to standard output or a file.
 */
import fc from "fast-check";
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { generateScenarioData } from "../../bench/generate.js";
import { analysisOutput, statesOutput, stateTable } from "../../src/present/analysis-output.js";
import { printed, printedChunks } from "../../src/cli/print.js";
import { jsonChunks, LazyArray } from "../../src/present/json-chunks.js";
import stringWidth from "string-width";
import { displayWidth, estimatedWidth, loadExactWidths, needsExactWidth, renderText, textLines } from "../../src/present/table.js";
import { documentNeedsExactWidths } from "../../src/present/exact-widths.js";
import { wrap } from "../../src/present/text.js";
import { analyze, compileScenario, validateData, type Model } from "../../src/index.js";
import { run } from "../../src/cli/run.js";
import { readTextFile, writeTextFile } from "../../src/cli/io.js";
import { parley } from "../helpers/cli.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "dist/cli/main.js");

// 4 parties, 17 options, no constraints: 131,072 states, where the old table overflowed the stack.
const bigData = { ...generateScenarioData(4, 17, 3), infeasible: [] };
const dir = mkdtempSync(join(tmpdir(), "parley-output-"));
const bigFile = join(dir, "big.yaml");
writeFileSync(bigFile, stringify(bigData));
// 4 parties, 13 options: 8,192 states, for the formats (more rows than a table shows).
const midData = { ...generateScenarioData(4, 13, 5), infeasible: [] };
let big: Model;
let mid: Model;
beforeAll(() => {
  big = compileScenario(validateData(bigData).scenario!);
  mid = compileScenario(validateData(midData).scenario!);
});

/** Consume chunks, checking that none is a string proportional to the model. */
function drain(chunks: Iterable<string>, maxChunk = 100_000): { text: string; chunks: number } {
  let text = "";
  let n = 0;
  for (const c of chunks) {
    expect(c.length).toBeLessThan(maxChunk);
    n++;
    text += c;
  }
  return { text, chunks: n };
}

describe("display width", () => {
  it("counts East Asian wide characters and emoji as 2, combining marks as 0", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("日本")).toBe(4);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("👍")).toBe(2);
    expect(displayWidth("✓·▸")).toBe(3);
  });

  it("the marks of Parley's tables, measured without string-width, as string-width measures them", () => {
    for (const s of ["✓✓·✓", "▸12", "──", "a – b — c …", "· ✓"]) expect(displayWidth(s)).toBe(stringWidth(s));
    // A wide character among them still goes to string-width.
    expect(displayWidth("✓日")).toBe(3);
  });

  it("estimates, without string-width, exactly what string-width measures, except for the clusters that say they need it", () => {
    // Any text of the Basic Multilingual Plane, text of the scripts the estimate is for, and of the scripts scenarios are
    // written in (Latin with accents and combining marks, Cyrillic, CJK, Hangul, Arabic, Parley's marks, spaces of no width).
    const of = (ranges: [number, number][]) =>
      fc.string({
        unit: fc
          .oneof(...ranges.map(([min, max]) => fc.integer({ min, max })))
          .filter((c) => c < 0xd800 || c > 0xdfff)
          .map((c) => String.fromCodePoint(c)),
      });
    const bmp = of([[0x0, 0xfffd]]);
    const estimated = of([
      [0x0, 0x52f],
      [0x1e00, 0x27bf],
      [0x2900, 0x2bff],
      [0x3000, 0x30ff],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xac00, 0xd7a3],
      [0xf900, 0xfaff],
      [0xfe30, 0xfe4f],
      [0xff00, 0xffef],
    ]);
    const scripts = fc.string({ unit: fc.constantFrom(..."aé\u0301Жж日本語한국\u0627\u0644\u2013—…·✓\u00a0\u200b ".split("")) });
    for (const gen of [bmp, estimated, scripts])
      fc.assert(
        fc.property(gen, (s) => needsExactWidth(s) || estimatedWidth(s) === stringWidth(s)),
        { numRuns: 3000 },
      );
    // What the estimate gets wrong is flagged: a family, a keycap, an emoji by its selector, Hangul jamo, a Lao vowel (and flags, right by luck).
    for (const s of ["👨‍👩‍👧", "1\u20e3", "\u2764\ufe0f", "\u1100\u1161", " \u0eb3"]) {
      expect(needsExactWidth(s), s).toBe(true);
      expect(estimatedWidth(s), s).not.toBe(stringWidth(s));
    }
    expect(needsExactWidth("🇺🇦")).toBe(true);
    expect(["Kyiv", "Zelensky–Putin", "Élysée", "日本", "Москва", "Ελλάδα", "한국"].filter(needsExactWidth)).toEqual([]);
  });

  it("measures clusters exactly once loaded, and a document says when it needs that", async () => {
    const doc = (cell: string) => ({
      title: "t",
      blocks: [
        {
          kind: "table" as const,
          table: {
            header: ["a"],
            rows: {
              *[Symbol.iterator]() {
                yield [cell];
              },
            },
          },
        },
      ],
    });
    expect(documentNeedsExactWidths(doc("Élysée 日本"))).toBe(false);
    // A description of several lines (the scenario's own line ends) is no reason to load it.
    expect(documentNeedsExactWidths({ title: "t", blocks: [{ kind: "paragraph", text: { user: "Two drivers race.\nThey crash." } }] })).toBe(false);
    expect(documentNeedsExactWidths(doc("Ukraine 🇺🇦"))).toBe(true);
    expect(documentNeedsExactWidths({ title: "t", blocks: [{ kind: "paragraph", text: [{ strong: { user: "🇺🇦" } }] }] })).toBe(true);
    // A table too long to look through is taken to need it.
    const long = {
      title: "t",
      blocks: [
        {
          kind: "table" as const,
          table: {
            header: ["a", "b"],
            rows: {
              *[Symbol.iterator]() {
                for (let i = 0; i < 20_000; i++) yield ["x", "y"];
              },
            },
          },
        },
      ],
    };
    expect(documentNeedsExactWidths(long)).toBe(true);
    await loadExactWidths();
    expect(displayWidth("Ukraine 🇺🇦")).toBe(stringWidth("Ukraine 🇺🇦"));
    expect(displayWidth("👨‍👩‍👧")).toBe(2);
  });

  it("aligns table columns by display width", () => {
    const text = renderText({
      header: ["name", "n"],
      rows: [
        ["日本", "1"],
        ["Cafe\u0301", "2"],
        ["ab", "3"],
      ],
      right: [false, true],
    });
    const lines = text.split("\n");
    // Every line ends at the same terminal column.
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
    expect(lines[2]).toBe("日本  1");
  });

  it("wraps prose by display width: CJK text breaks between characters, never past the width, never before closing punctuation", () => {
    const text = "两名司机相向而行。先转向的一方丢面子；如果双方都不转向，他们就会相撞。这是一个经典的冲突模型，用于说明双方的承诺与威胁如何影响结果。";
    const lines = wrap(text, 40, "  ").split("\n");
    expect(lines).toEqual([
      "  两名司机相向而行。先转向的一方丢面子；",
      "  如果双方都不转向，他们就会相撞。这是一",
      "  个经典的冲突模型，用于说明双方的承诺与",
      "  威胁如何影响结果。",
    ]);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(40);
    expect(lines.join("").replace(/ /g, "")).toBe(text);
    for (const l of lines.slice(1)) expect(l.trimStart()).not.toMatch(/^[。，；]/);
    // Mixed text keeps its spaces; ASCII words are never cut.
    expect(wrap("Driver 司机甲 swerves at the last moment", 12)).toBe("Driver 司机\n甲 swerves\nat the last\nmoment");
    expect(wrap("a".repeat(30), 10)).toBe("a".repeat(30));
  });

  it("keeps every line of a report of Chinese and Japanese labels within 80 columns", async () => {
    const r = await parley("report", join(root, "tests/fixtures/cjk-chicken.yaml"), "--appendix");
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const lines = r.stdout.split("\n");
    expect(lines.filter((l) => displayWidth(l) > 80)).toEqual([]);
    // Headings are underlined to their display width.
    const i = lines.indexOf("Words used here");
    expect(lines[i + 1]).toBe("─".repeat(15));
    expect(r.stdout).toContain("两名司机相向而行。先转向的一方丢面子；如果双方都不转向，他们就会相撞。这是一个经\n典的冲突模型");
  });
});

describe("chunked JSON", () => {
  it("writes exactly what JSON.stringify(value, null, 2) writes, with lazy arrays", () => {
    const value = {
      a: 1,
      s: 'line\nbreak \u2028 "quoted"',
      skip: undefined,
      empty: [],
      emptyObject: {},
      lazyEmpty: new LazyArray(() => []),
      nested: {
        list: new LazyArray(function* () {
          yield { id: 1, ranks: { a: 2 } };
          yield [1, [2, {}]];
          yield undefined;
        }),
        n: null,
      },
      ids: new LazyArray(() => [1, 2, 3]),
    };
    const plain = JSON.parse(
      JSON.stringify({ ...value, lazyEmpty: [], nested: { list: [{ id: 1, ranks: { a: 2 } }, [1, [2, {}]], null], n: null }, ids: [1, 2, 3] }),
    );
    expect([...jsonChunks(value)].join("")).toBe(JSON.stringify(plain, null, 2) + "\n");
  });

  it("writes the items of a lazy array exactly as JSON.stringify does, whatever they are", () => {
    const odd = fc.constantFrom<unknown>(
      NaN,
      -0,
      Infinity,
      -Infinity,
      undefined,
      () => 1,
      Symbol("s"),
      new Date(0),
      new Uint8Array([1, 2]),
      { toJSON: () => "t" },
      [undefined, () => 1],
    );
    const item = fc.oneof(fc.jsonValue(), odd, fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), odd)), fc.array(fc.oneof(fc.jsonValue(), odd)));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (items) => {
        const want = JSON.stringify({ list: items, nested: { deeper: [items] } }, null, 2) + "\n";
        const lazy = { list: new LazyArray(() => items), nested: { deeper: new LazyArray(() => [new LazyArray(() => items)]) } };
        expect([...jsonChunks(lazy)].join("")).toBe(want);
      }),
      { seed: 25, numRuns: 300 },
    );
  });
});

describe("renderers of large models", () => {
  it("render the default table of 131,072 states (the spread into Math.max overflowed the stack) and say how to get the rest", () => {
    const { text, chunks } = drain(printedChunks(statesOutput, big, "table", { limit: 1000 }));
    const lines = text.trimEnd().split("\n");
    // The option key (heading, header, rule, 17 options, a blank line) in one chunk, then the table.
    expect([chunks, lines.length]).toEqual([1 + 2 + 1000 + 1, 1 + 2 + 17 + 1 + 2 + 1000 + 1]);
    expect(lines.at(-1)).toBe("… and 130,072 more states not shown (1,000 of 131,072): --limit N or --all to show more, --format csv for every row as data");
  });

  it("list every state as chunks in csv, json and with --all", () => {
    expect(drain(printedChunks(statesOutput, mid, "csv", {})).chunks).toBe(8192 + 1);
    const json = drain(printedChunks(statesOutput, mid, "json", {}));
    // Items are gathered into chunks of about 16,384 characters (drain checks each is short).
    expect(json.chunks).toBeGreaterThanOrEqual(Math.floor(json.text.length / 20_000));
    expect(JSON.parse(json.text).states).toHaveLength(8192);
    expect(drain(printedChunks(statesOutput, mid, "table", {})).chunks).toBe(1 + 2 + 8192);
    const md = drain(printedChunks(statesOutput, mid, "md", { limit: 5 }))
      .text.trimEnd()
      .split("\n");
    // ## Options, its header and 13 rows, a blank line, ## States; the table; a blank line and the note.
    expect(md).toHaveLength(1 + 2 + 13 + 1 + 1 + 2 + 5 + 2);
    expect(md.at(-1)).toMatch(/^… and 8,187 more states not shown/);
  });

  it("render the analysis as chunks (table, md, csv, json), the JSON the same as one object", () => {
    const a = analyze(mid, { concepts: ["Nash", "GMR"] });
    const table = drain(printedChunks(analysisOutput, { analysis: a }, "table", { limit: 1000 })).text;
    expect(table).toMatch(
      /… and 7,192 more states not shown \(1,000 of 8,192\): --limit N or --all to show more, --format csv for every row as data, -e for the equilibria only\n/,
    );
    expect(table).toMatch(/Equilibria \(stable for every decision maker\):\n {2}Nash {5}\d/);
    expect(drain(printedChunks(analysisOutput, { analysis: a }, "md", { limit: 1000 })).text).toMatch(/more states not shown/);
    expect(drain(printedChunks(analysisOutput, { analysis: a }, "csv", { limit: 10 })).chunks).toBe(8193); // CSV is data: never capped
    const json = drain(analysisOutput.jsonChunks!({ analysis: a }));
    expect(json.chunks).toBeGreaterThanOrEqual(Math.floor(json.text.length / 20_000));
    expect(JSON.parse(json.text)).toEqual(analysisOutput.toJson({ analysis: a }));
    const eq = JSON.parse([...analysisOutput.jsonChunks!({ analysis: a, equilibriaOnly: true })].join(""));
    expect(eq.equilibriaOnly).toBe(true);
    const union = [...new Set([...a.equilibria.Nash!, ...a.equilibria.GMR!])].sort((x, y) => x - y).map((s) => s + 1);
    expect(eq.states.map((s: { id: number }) => s.id)).toEqual(union);
    expect(eq).toEqual(analysisOutput.toJson({ analysis: a, equilibriaOnly: true }));
  });

  it("HTML in chunks, a row of the table at a time, the same page as rendered whole", () => {
    const a = analyze(mid, { concepts: ["Nash"] });
    const html = drain(printedChunks(analysisOutput, { analysis: a }, "html", {}));
    expect(html.chunks).toBeGreaterThan(8192);
    expect(html.text).toBe(printed(analysisOutput, { analysis: a }, "html", {}));
    expect(html.text.match(/<tr>/g)).toHaveLength(13 + 1 + 1 + 8192); // the option key (13 options), both headers, every state
    const small = drain(printedChunks(statesOutput, mid, "html", { limit: 2 }));
    expect(small.text).toBe(printed(statesOutput, mid, "html", { limit: 2 }));
    expect(small.text).toMatch(/<\/table>\n<p>… and 8,190 more states not shown/);
  });

  it("state tables count only the rows they show", () => {
    const t = stateTable(mid, undefined, "table", { limit: 3 });
    expect([t.total, t.shown, [...t.rows].length]).toEqual([8192, 3, 3]);
    expect([...textLines(t)]).toHaveLength(5);
  });
});

describe("parley states", () => {
  it("prints the option key of parley analyze above its table and Markdown; CSV and JSON are unchanged", async () => {
    const chicken = join(root, "scenarios/chicken.yaml");
    const key = [
      "Options (columns in the table below):",
      "  #  option     meaning           controlled by  irreversible",
      "  ─  ─────────  ────────────────  ─────────────  ────────────",
      "  1  a_swerves  Driver A swerves  Driver A",
      "  2  b_swerves  Driver B swerves  Driver B",
    ];
    const table = await parley("states", chicken);
    expect(table.stdout).toBe(
      [
        ...key,
        "",
        "state  1  2  rank a  rank b",
        "─────  ─  ─  ──────  ──────",
        "   ▸1  N  N       4       4",
        "    2  Y  N       3       1",
        "    3  N  Y       1       3",
        "    4  Y  Y       2       2",
        "",
      ].join("\n"),
    );
    // The same key as analyze's.
    expect((await parley("analyze", chicken)).stdout).toContain(`\n${key.join("\n")}\n`);
    // Cells are escaped as scenario text is (`\#`, `a\_swerves`).
    const md = await parley("states", chicken, "-f", "md");
    expect(md.stdout).toBe(
      [
        "## Options",
        "| \\# | option | meaning | controlled by | irreversible |",
        "| ---: | --- | --- | --- | --- |",
        "| 1 | a_swerves | Driver A swerves | Driver A |  |",
        "| 2 | b_swerves | Driver B swerves | Driver B |  |",
        "",
        "## States",
        "| state | a_swerves | b_swerves | rank a | rank b |",
        "| ---: | --- | --- | ---: | ---: |",
        "| ▸1 | N | N | 4 | 4 |",
        "| 2 | Y | N | 3 | 1 |",
        "| 3 | N | Y | 1 | 3 |",
        "| 4 | Y | Y | 2 | 2 |",
        "",
      ].join("\n"),
    );
    expect((await parley("states", chicken, "-f", "csv")).stdout).toBe(
      "state,pattern,a_swerves,b_swerves,rank_a,rank_b\n1,NN,N,N,4,4\n2,YN,Y,N,3,1\n3,NY,N,Y,1,3\n4,YY,Y,Y,2,2\n",
    );
    expect(JSON.parse((await parley("states", chicken, "-f", "json")).stdout)).not.toHaveProperty("options");
  });
});

describe("the equilibria listed under the analyze table", () => {
  // 11 parties with one option each, indifferent to everything: all 2,048 states are Nash equilibria.
  const n = 11;
  const tieFile = join(dir, "tie11.yaml");
  writeFileSync(
    tieFile,
    stringify({
      format: "parley/1",
      name: "Every state an equilibrium",
      decisionMakers: Array.from({ length: n }, (_, d) => ({ id: `d${d}`, options: [{ id: `o${d}` }] })),
      statusQuo: "N".repeat(n),
      preferences: Object.fromEntries(Array.from({ length: n }, (_, d) => [`d${d}`, ["true"]])),
    }),
  );
  const MORE = "(--all, or --format csv/json for every one)";
  const ids = (k: number) => Array.from({ length: k }, (_, i) => i + 1).join(", ");

  it("are capped at --limit in table and md (default 1,000), with how many more; --all, CSV and JSON list every one", async () => {
    const table = await parley("analyze", tieFile, "-c", "Nash");
    expect(table.code).toBe(0);
    const nashLine = table.stdout.split("\n").find((l) => l.startsWith("  Nash "))!;
    expect(nashLine).toBe(`  Nash     ${ids(1000)} … and 1,048 more ${MORE}`);
    const md = await parley("analyze", tieFile, "-c", "Nash,GMR", "-f", "md", "--limit", "3");
    expect(md.stdout).toMatch(
      /\n- \*\*Nash\*\*: 1, 2, 3 … and 2,045 more \(--all, or --format csv\/json for every one\)\n- \*\*GMR\*\*: 1, 2, 3 … and 2,045 more/,
    );
    const all = await parley("analyze", tieFile, "-c", "Nash", "--all");
    expect(all.stdout).toContain(`  Nash     ${ids(2048)}\n`);
    const json = JSON.parse((await parley("analyze", tieFile, "-c", "Nash", "-f", "json")).stdout);
    expect(json.equilibria.Nash).toHaveLength(2048);
    const csv = (await parley("analyze", tieFile, "-c", "Nash", "-f", "csv")).stdout.trim().split("\n");
    expect(csv.filter((l) => l.endsWith(",1"))).toHaveLength(2048);
  });
});

describe("analyze -e with --format json", () => {
  it("lists only the equilibrium states, and says so", async () => {
    const r = await parley("analyze", join(root, "scenarios/chicken.yaml"), "-f", "json", "-e", "-c", "Nash");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.equilibriaOnly).toBe(true);
    expect(j.states.map((s: { id: number }) => s.id)).toEqual([2, 3]);
    expect(j.stable.Nash).toEqual({ a: [2, 3], b: [2, 3] });
    expect(j.equilibria.Nash).toEqual([2, 3]);
    const all = JSON.parse((await parley("analyze", join(root, "scenarios/chicken.yaml"), "-f", "json", "-c", "Nash")).stdout);
    expect(all.equilibriaOnly).toBeUndefined();
    expect(all.states).toHaveLength(4);
  });
});

describe("writeResult", () => {
  it("writes chunks to standard output in blocks, and to an -o file whole", async () => {
    const writes: string[] = [];
    const io = { stdout: (t: string) => void writes.push(t), stderr: () => undefined, readText: readTextFile, writeText: writeTextFile, isTTY: false };
    expect(await run(["states", bigFile, "-f", "csv"], io)).toBe(0);
    // 131,073 lines in a few hundred writes of about 64 KiB, not one string.
    expect(writes.length).toBeGreaterThan(10);
    expect(writes.length).toBeLessThan(1000);
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(100_000);
    expect(writes.join("").split("\n")).toHaveLength(131_074);
    const out = join(dir, "states.csv");
    expect(await run(["states", bigFile, "-f", "csv", "-o", out], io)).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(writes.join(""));
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("the built CLI on a large model", () => {
  it("prints the default table of 131,072 states (it overflowed the stack) and ends quietly when the reader stops", async () => {
    const table = await spawnCli(["states", bigFile]);
    expect([table.code, table.stderr]).toEqual([0, ""]);
    expect(table.stdout.trimEnd().split("\n").at(-1)).toMatch(/^… and 130,072 more states not shown/);
    // `parley states big.yaml --all | head -1`: the pipe closes early; no EPIPE error.
    const head = await spawnCli(["states", bigFile, "--all"], { closeAfterFirstChunk: true });
    expect([head.code, head.stderr]).toEqual([0, ""]);
  });
});

function spawnCli(args: string[], opts: { closeAfterFirstChunk?: boolean } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args]);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
      if (opts.closeAfterFirstChunk) child.stdout.destroy();
    });
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}
