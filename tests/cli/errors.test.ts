/**
 * Bad input: every case gets a clear message naming where and what, exit
 * code 2 and no stack trace.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parley } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "parley-errors-"));
let counter = 0;
function file(text: string, ext = "yaml"): string {
  const path = join(dir, `case${++counter}.${ext}`);
  writeFileSync(path, text);
  return path;
}

/** A small valid scenario to break one piece at a time. */
const GOOD = `format: parley/1
name: Two options
decisionMakers:
  - id: a
    options:
      - id: x
  - id: b
    options:
      - id: y
statusQuo: NN
preferences:
  a: [x, "!y"]
  b: [y]
`;

async function fails(text: string, expected: RegExp | string, args: string[] = [], ext = "yaml") {
  const path = file(text, ext);
  const r = await parley("validate", path, ...args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
  if (typeof expected === "string") expect(r.stderr).toContain(expected.replace("FILE", path));
  else expect(r.stderr).toMatch(expected);
  return r.stderr;
}

describe("bad input", () => {
  it("accepts the base scenario", async () => {
    const r = await parley("validate", file(GOOD));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok .*2 decision makers, 2 options, 4 feasible states/);
  });

  it("reports a YAML syntax error with file:line:column", async () => {
    await fails(GOOD.replace('  a: [x, "!y"]', '  a: [x, "!y"'), /case\d+\.yaml:1[34]:\d+: YAML syntax error/);
  });

  it("reports a JSON syntax error with file:line:column", async () => {
    const json = `{\n  "format": "parley/1",\n  "name": "x",\n  "decisionMakers": [\n    {"id": "a" "options": []}\n  ]\n}`;
    await fails(json, /case\d+\.json:5:\d+: YAML syntax error/, [], "json");
  });

  it("accepts JSON", async () => {
    const json = JSON.stringify({
      format: "parley/1",
      name: "json",
      decisionMakers: [{ id: "a", options: [{ id: "x" }] }],
      statusQuo: "N",
      preferences: { a: ["x"] },
    });
    const r = await parley("validate", file(json, "json"));
    expect(r.code).toBe(0);
  });

  it("reports a duplicate key", async () => {
    await fails(GOOD.replace("name: Two options", "name: Two options\nname: again"), /:3:1: duplicate key 'name'/);
  });

  it("reports a missing format and an unsupported one", async () => {
    await fails(GOOD.replace("format: parley/1\n", ""), "missing 'format: parley/1'");
    await fails(GOOD.replace("format: parley/1", "format: parley/9"), /:1:\d+: unsupported format 'parley\/9'/);
  });

  it("reports an unknown field with a suggestion", async () => {
    await fails(GOOD.replace("      - id: x", "      - id: x\n        lable: X"), /:7:9: unknown field 'lable'; did you mean 'label'\?/);
  });

  it("reports a duplicate option id", async () => {
    await fails(GOOD.replace("      - id: y", "      - id: x"), /:9:13: duplicate option id 'x'/);
  });

  it("reports a duplicate decision maker id", async () => {
    await fails(GOOD.replace("  - id: b", "  - id: a"), /:7:9: duplicate decision maker id 'a'/);
  });

  it("reports an unknown option in a statement at its position", async () => {
    // line 12 is `  a: [x, "!y"]`; the z sits at column 12
    await fails(GOOD.replace('a: [x, "!y"]', 'a: [x, "!z"]'), /:12:12: unknown option 'z' in '!z'; did you mean 'x'\?/);
  });

  it("reports a statement that does not parse, at the fault", async () => {
    await fails(GOOD.replace('a: [x, "!y"]', 'a: [x, "x & (y"]'), /:12:17: cannot read 'x & \(y': expected '\)' but found the end of the statement/);
    await fails(GOOD.replace('a: [x, "!y"]', 'a: [x, "x ^ y"]'), /:12:13: cannot read 'x \^ y': unexpected character '\^'/);
  });

  it("reports unknown options in constraints and patterns", async () => {
    await fails(GOOD + "infeasible:\n  - mutuallyExclusive: [x, w]\n", /:15:28: unknown option 'w'/);
    await fails(GOOD + "infeasible:\n  - pattern: { x: Y, q: N }\n", /:15:22: unknown option 'q'/);
    await fails(GOOD + "infeasible:\n  - pattern: YNN\n", /:15:14: pattern 'YNN' must have one Y, N or - per option \(2 in all/);
  });

  it("reports a decision maker with no options", async () => {
    await fails(GOOD.replace("    options:\n      - id: y", "    options: []"), /:8:14: decision maker 'b' has no options/);
  });

  it("reports a missing status quo", async () => {
    await fails(GOOD.replace("statusQuo: NN\n", ""), /missing required field 'statusQuo'/);
  });

  it("reports an infeasible status quo with the constraint it breaks", async () => {
    await fails(GOOD.replace("statusQuo: NN", "statusQuo: YY") + "infeasible:\n  - x & y\n", /:10:12: the status quo YY is infeasible: it breaks 'x & y'/);
  });

  it("reports a status quo pattern of the wrong length", async () => {
    await fails(GOOD.replace("statusQuo: NN", "statusQuo: NNN"), /:10:12: pattern 'NNN' must have one Y or N per option/);
  });

  it("reports a model with no feasible state", async () => {
    await fails(GOOD + "infeasible:\n  - x | !x\n", "no state is feasible");
  });

  it("refuses a state space over the limit up front, with the count", async () => {
    const many = Array.from({ length: 12 }, (_, k) => `      - id: o${k}`).join("\n");
    const text = `format: parley/1\nname: big\ndecisionMakers:\n  - id: a\n    options:\n${many}\nstatusQuo: { o0: N }\npreferences:\n  a: [o0]\n`;
    const err = await fails(text, "12 options, so 4,096 candidate states: over the limit of 1,000; raise it with --max-states 4096", ["--max-states", "1000"]);
    expect(err).not.toContain("internal error");
    const ok = await parley("validate", file(text), "--max-states", "4096");
    expect(ok.code).toBe(0);
  });

  it("reports preferences for an unknown or a missing decision maker", async () => {
    await fails(GOOD.replace("  b: [y]", "  c: [y]"), /:13:3: preferences given for unknown decision maker 'c'/);
    await fails(GOOD.replace("  b: [y]\n", ""), "no preferences for decision maker 'b'");
  });

  it("reports an incomplete ranking and a state ranked twice", async () => {
    await fails(GOOD.replace("  b: [y]", "  b:\n    ranking: [NN, NY, YN]"), "the ranking of 'b' leaves out 1 feasible state: YY");
    await fails(GOOD.replace("  b: [y]", "  b:\n    ranking: [N-, NY, Y-]"), /:14:\d+: in the ranking of 'b', state NY is matched by item 1 and item 2/);
  });

  it("reports a missing file and a wrong type", async () => {
    const r = await parley("validate", join(dir, "nope.yaml"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nope.yaml: no such file");
    await fails(GOOD.replace("name: Two options", "name: [1, 2]"), /:2:7: 'name' should be text, not a list/);
  });

  it("refuses unknown states, decision makers and concepts on the command line", async () => {
    const path = file(GOOD);
    let r = await parley("explain", path, "9");
    expect([r.code, r.stderr]).toEqual([2, "parley: there is no state 9: the feasible states are numbered 1 to 4\n"]);
    r = await parley("explain", path, "YNY");
    expect(r.stderr).toContain("give a number from 1 to 4 or a Y/N pattern of 2 letters");
    r = await parley("explain", path, "1", "--dm", "zz");
    expect(r.stderr).toContain("unknown decision maker 'zz'; the decision makers are a, b");
    r = await parley("analyze", path, "--concept", "GMR,XYZ");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown concept 'XYZ'");
    r = await parley("analyze", path, "--format", "pdf");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Allowed choices are table, json, csv, md/);
  });

  it("stops an alias bomb", async () => {
    const bomb =
      GOOD +
      "x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" +
      Array.from({ length: 8 }, (_, k) => `x${k + 1}: &a${k + 1} [*a${k}, *a${k}, *a${k}, *a${k}, *a${k}, *a${k}, *a${k}, *a${k}, *a${k}]`).join("\n") +
      "\n";
    await fails(bomb, /YAML aliases expand too much|unknown field/);
  });
});

describe("files that are not UTF-8 text, and YAML tags", () => {
  /** Bytes written as they are (fails() writes text). */
  async function failsBytes(bytes: Buffer, expected: string) {
    const path = join(dir, `case${++counter}.yaml`);
    writeFileSync(path, bytes);
    const r = await parley("validate", path);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`parley: ${path}: ${expected}\n`);
  }
  const UTF16 = "the file is UTF-16 encoded; save it as UTF-8 (Parley reads UTF-8 text)";

  it("says a UTF-16 file is UTF-16, with either byte order mark or none, instead of 'must be a mapping'", async () => {
    await failsBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, "utf16le")]), UTF16);
    await failsBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(GOOD, "utf16le").swap16()]), UTF16);
    await failsBytes(Buffer.from(GOOD, "utf16le"), UTF16);
  });

  it("says an empty or blank file is empty, not UTF-16", async () => {
    const EMPTY = "the file is empty: a scenario starts with `format: parley/1`";
    await failsBytes(Buffer.alloc(0), EMPTY);
    await failsBytes(Buffer.from("  \n\t\n\n"), EMPTY);
    await failsBytes(Buffer.from("\ufeff\n"), EMPTY);
  });

  it("refuses bytes that are not UTF-8 with the line, column and byte, instead of reading them as U+FFFD", async () => {
    const NOT_UTF8 = (b: string) => `the file is not valid UTF-8 (byte 0x${b}); save it as UTF-8`;
    // Latin-1 é (0xE9) in a label: line 2, after "name: Caf".
    const latin1 = Buffer.from(GOOD.replace("name: Two options", "name: Caf\xe9 talks"), "latin1");
    const path = join(dir, `case${++counter}.yaml`);
    writeFileSync(path, latin1);
    const r = await parley("validate", path);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, "", `parley: ${path}:2:10: ${NOT_UTF8("E9")}\n`]);
    // The column counts characters: valid multi-byte text before the bad byte is one column each.
    const mixed = Buffer.concat([Buffer.from("format: parley/1\nname: \u00e9\u4e2d "), Buffer.from([0xc0, 0xaf]), Buffer.from("\n")]);
    const path2 = join(dir, `case${++counter}.yaml`);
    writeFileSync(path2, mixed);
    expect((await parley("validate", path2)).stderr).toBe(`parley: ${path2}:2:10: ${NOT_UTF8("C0")}\n`);
    // A sequence cut short at the end of the file.
    const cut = Buffer.from(`${GOOD}# \u20ac`).subarray(0, -1);
    const path3 = join(dir, `case${++counter}.yaml`);
    writeFileSync(path3, cut);
    expect((await parley("validate", path3)).stderr).toBe(`parley: ${path3}:14:3: ${NOT_UTF8("E2")}\n`);
  });

  it("says a binary file is not a text file", async () => {
    await failsBytes(
      Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4b, 0x4c, 0x4a, 0x06, 0x00]),
      "the file is not a text file (it holds NUL bytes): Parley reads YAML or JSON text in UTF-8",
    );
  });

  it("reads UTF-8 with a byte order mark", async () => {
    const path = file("\ufeff" + GOOD);
    expect((await parley("validate", path)).code).toBe(0);
  });

  it("explains an unquoted !x as a YAML tag at its place, instead of 'must not be empty'", async () => {
    await fails(
      GOOD.replace('a: [x, "!y"]', "a: [x, !y]"),
      /case\d+\.yaml:12:10: '!y' is read as a YAML tag, not as 'not y': a value that starts with '!' must be quoted; write '!y'\n$/,
    );
    // A block list entry with more after the tag; YAML then also fails on the '&', which is the same mistake.
    const stderr = await fails(
      GOOD.replace('  a: [x, "!y"]', "  a:\n    - !y & x # comment\n    - x"),
      /case\d+\.yaml:13:7: '!y' is read as a YAML tag, not as 'not y': a value that starts with '!' must be quoted; write '!y & x'/,
    );
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).not.toContain("must not be empty");
    expect(stderr).not.toContain("Anchor");
    // A deliberate tag of another kind gets no talk of negation.
    await fails(
      GOOD.replace("name: Two options", "name: !!js/function f"),
      /case\d+\.yaml:2:7: '!!js\/function' is a YAML tag, which Parley does not read: remove it \(or, if the value is text, quote it: '!!js\/function f'\)\n$/,
    );
  });
});

describe("reserved ids", () => {
  it("refuses option ids that are words of the statement language, in any case", async () => {
    await fails(
      GOOD.replace("      - id: x", '      - id: "True"').replace('a: [x, "!y"]', 'a: ["!y"]'),
      /:6:13: 'True' cannot be an option id: it is a word of the statement language/,
    );
    await fails(GOOD.replace("      - id: y", "      - id: not").replace('a: [x, "!y"]', "a: [x]").replace("b: [y]", "b: [x]"), "'not' cannot be an option id");
  });

  it("refuses ids that collide with object internals, and finds preferences by own key only", async () => {
    await fails(GOOD.replace("  - id: b", "  - id: constructor").replace("  b: [y]", "  constructor: [y]"), "'constructor' cannot be used as an id");
    await fails(GOOD.replace("  b: [y]\n", "  toString: [y]\n"), "no preferences for decision maker 'b'");
  });
});

describe("goals", () => {
  it("reports a goal whose condition names an unknown option, at its place", async () => {
    await fails(GOOD + "goals:\n  - title: Peace\n    condition: x & peace\n", /:16:20: unknown option 'peace' in 'x & peace'/);
  });
});

describe("memory", () => {
  it("refuses a model whose analysis would not fit, with the figure, before analysing it", async () => {
    const { loadModel } = await import("../../src/index.js");
    const { analysisMemoryEstimate } = await import("../../src/model/compile.js");
    const text = readFileSync("scenarios/ukraine-2025.yaml", "utf8");
    const need = analysisMemoryEstimate(576, [3, 3, 2, 2], 1024);
    expect(need).toBeGreaterThan(100_000);
    expect(() => loadModel(text, "u.yaml", { maxMemoryBytes: need - 1 })).toThrow(
      /analysing this model would need about \d+ KiB of memory \(576 feasible states\), more than the \d+ KiB this machine allows; reduce the options or add constraints/,
    );
    expect(loadModel(text, "u.yaml", { maxMemoryBytes: need }).states.length).toBe(576);
    // The estimate grows linearly with the states and with the moves per state.
    expect(analysisMemoryEstimate(2000, [3, 3], 0)).toBe(2 * analysisMemoryEstimate(1000, [3, 3], 0));
    // `analyze` alone stores no move lists: a smaller estimate lets it take the model that a fuller analysis may not.
    const implicit = analysisMemoryEstimate(576, [3, 3, 2, 2], 1024, true);
    expect(implicit).toBe(576 * (14 * 4 + 49) + 4 * 1024 + 128);
    expect(implicit).toBeLessThan(need);
    expect(loadModel(text, "u.yaml", { maxMemoryBytes: implicit, implicitOnly: true }).states.length).toBe(576);
    expect(() => loadModel(text, "u.yaml", { maxMemoryBytes: implicit })).toThrow(/analysing this model would need about/);
  });
});
