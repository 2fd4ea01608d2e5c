/**
 * Every JSON output of every command is tagged with its kind
 * (`"format": "parley-<kind>/N"`) and matches the JSON Schema of that kind in
 * schema/: each command runs on real inputs (shipped scenarios, corpus
 * articles, the examples of the docs) and its output is validated with ajv.
 * Also: every schema file is used, every kind has a schema, the committed
 * schemas are the generated ones, and every command that prints a result
 * takes -o/--force and the same format names.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { kindFile, OUTPUT_SCHEMAS } from "../../src/report/output-schemas.js";
import { parley } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "parley-json-"));

/** The hypergame example of docs/hypergames.md. */
const BORDER = join(dir, "border.yaml");
writeFileSync(
  BORDER,
  `format: parley/1
name: Border standoff
decisionMakers:
  - id: neighbour
    name: Neighbour
    options:
      - id: attack
        label: Attack across the border
    misperceives:
      - condition: ally
        note: The neighbour does not know the defender can call on an ally.
  - id: defender
    name: Defender
    options:
      - id: fortify
        label: Fortify the border
      - id: ally
        label: Call on the ally
    perceivedPreferences:
      neighbour: ["!attack", "!ally"]
statusQuo: NNN
preferences:
  neighbour: ["!ally", attack, "!fortify"]
  defender: ["!attack", "if attack then ally", "!ally", "!fortify"]
`,
);

/** The example of docs/unknown-preferences.md. */
const DOUBT = join(dir, "doubt.yaml");
writeFileSync(
  DOUBT,
  `format: parley/1
name: Chicken with a doubt
decisionMakers:
  - id: a
    name: Driver A
    options:
      - id: a_swerves
        label: Driver A swerves
  - id: b
    name: Driver B
    options:
      - id: b_swerves
        label: Driver B swerves
statusQuo: NN
preferences:
  a:
    statements: ["a_swerves | b_swerves", b_swerves, "!a_swerves"]
    unknown:
      - between: "!a_swerves & !b_swerves"
        and: a_swerves
        note: A does not know whether it would rather crash than swerve.
  b: ["a_swerves | b_swerves", a_swerves, "!b_swerves"]
`,
);

/** A scenario with two problems: an unknown option in a preference, and a bad status quo. */
const BAD = join(dir, "bad.yaml");
writeFileSync(
  BAD,
  `format: parley/1
name: Broken
decisionMakers:
  - id: a
    options:
      - id: x
        label: X
statusQuo: Q
preferences:
  a: [nosuch]
`,
);

const S = "scenarios";
const UA = `${S}/ukraine-2025.yaml`;

/** Two shards of a robustness run, for merge. */
const PARTS = [1, 2].map((i) => join(dir, `part-${i}.json`));
for (const [i, file] of PARTS.entries())
  await parley("robustness", UA, "-c", "Nash", "--exact-limit", "1", "-n", "200", "-f", "json", "--shard", `${i + 1}/2`, "-o", file);

/** [kind, command line, exit code]: every command with JSON output, on real inputs. */
const CASES: [string, string[], number?][] = [
  ["parley-analysis/1", ["analyze", `${S}/elmira.yaml`, "-f", "json"]],
  ["parley-analysis/1", ["analyze", "-f", "json", "-c", "Nash,SEQ"]],
  ["parley-analysis/1", ["analyze", `${S}/chicken.yaml`, "-e", "-f", "json"]],
  ["parley-analysis-compact/1", ["analyze", `${S}/elmira.yaml`, "-f", "json", "--compact"]],
  ["parley-analysis-compact/1", ["analyze", "-f", "json", "--compact", "-e", "-c", "Nash,SEQ"]],
  ["parley-states/1", ["states", `${S}/elmira.yaml`, "-f", "json"]],
  ["parley-explanation/1", ["explain", `${S}/elmira.yaml`, "1", "-f", "json"]],
  ["parley-explanation/1", ["explain", UA, "301", "--dm", "us", "-f", "json"]],
  ["parley-paths/1", ["paths", `${S}/elmira.yaml`, "-f", "json"]],
  ["parley-paths/1", ["paths", UA, "--from", "295", "-c", "Nash,SEQ", "-f", "json"]],
  ["parley-comparison/1", ["compare", UA, `${S}/ukraine-2025-us-walks-away.yaml`, "-f", "json"]],
  ["parley-comparison/1", ["compare", UA, `${S}/ukraine-2025-europe-drops-ceasefire-first.yaml`, "-f", "json"]],
  ["parley-comparison/1", ["compare", `${S}/chicken.yaml`, `${S}/prisoners-dilemma.yaml`, "-f", "json"]],
  ["parley-survival/1", ["compare", UA, `${S}/ukraine-2025-us-walks-away.yaml`, `${S}/ukraine-2025-us-air-guarantee.yaml`, "-f", "json"]],
  ["parley-survival/1", ["compare", `${S}/chicken.yaml`, `${S}/prisoners-dilemma.yaml`, "--survival", "-f", "json"]],
  ["parley-inverse/1", ["inverse", `${S}/elmira.yaml`, "-t", "4", "-f", "json"]],
  ["parley-inverse/1", ["inverse", UA, "-t", "ru_ceasefire & us_guarantee & eu_force", "-c", "Nash", "-f", "json"]],
  ["parley-robustness/1", ["robustness", UA, "-c", "Nash,SEQ", "-f", "json"]],
  ["parley-robustness/1", ["robustness", UA, "-c", "Nash", "--exact-limit", "1", "-n", "200", "-f", "json"]],
  ["parley-foresight/1", ["foresight", `${S}/chicken.yaml`, "-H", "2", "-f", "json"]],
  ["parley-foresight/1", ["foresight", `${S}/prisoners-dilemma.yaml`, "--nm", "-f", "json"]],
  ["parley-foresight/1", ["foresight", `${S}/elmira.yaml`, "--variant", "rotation", "-s", "5", "-f", "json"]],
  ["parley-coalitions/1", ["coalitions", `${S}/elmira.yaml`, "-f", "json"]],
  ["parley-coalitions/1", ["coalitions", UA, "-c", "SEQ", "--max-size", "2", "-s", "301", "-f", "json"]],
  ["parley-unknown/1", ["unknown", DOUBT, "-f", "json"]],
  ["parley-unknown/1", ["unknown", DOUBT, "-c", "GMR", "--state", "4", "-f", "json"]],
  ["parley-hypergame/1", ["hypergame", BORDER, "-f", "json"]],
  ["parley-hypergame/1", ["hypergame", BORDER, "--view", "subjective", "-c", "GMR,SEQ", "-f", "json"]],
  ["parley-bargain/1", ["bargain", UA, "-f", "json"]],
  ["parley-bargain/1", ["bargain", UA, "--samples", "40", "--seed", "3", "-m", "eu,smp,nash", "-f", "json"]],
  ["parley-bargain/1", ["bargain", `${S}/chicken.yaml`, "-f", "json"]],
  ["parley-report/1", ["report", `${S}/elmira.yaml`, "-f", "json"]],
  ["parley-report/1", ["report", UA, "-f", "json"]],
  ["parley-forecast/1", ["forecast", "-f", "json"]],
  ["parley-lint/1", ["lint", "-f", "json"]],
  ["parley-lint/1", ["lint", `${S}/elmira.yaml`, "-f", "json"]],
  ["parley-score/1", ["score", "tests/fixtures/forecast-log.jsonl", "-r", "tests/fixtures/resolutions.yaml", "-f", "json"]],
  ["parley-forecast/1", ["forecast", `${S}/chicken.yaml`, "--rules", "uniform", "-c", "Nash", "-f", "json"]],
  ["parley-ingest/1", ["ingest", "corpus/ingest/ukraine-talks.txt", "-f", "json"]],
  ["parley-ingest/1", ["ingest", "corpus/ingest/gaza-hostages.md", "-f", "json"]],
  ["parley-ingest/1", ["ingest", "corpus/ingest/india-pakistan.html", "-f", "json"]],
  ["parley-ingest-update/1", ["ingest", "--update", UA, "corpus/ingest/ukraine-talks.txt", "-f", "json"]],
  ["parley-diagnostics/1", ["validate", ...readdirSync(S).map((f) => `${S}/${f}`), "-f", "json"]],
  ["parley-diagnostics/1", ["validate", `${S}/chicken.yaml`, BAD, "-f", "json"], 2],
  ["parley-partial/1", ["robustness", UA, "-c", "Nash", "--exact-limit", "1", "-n", "200", "--shard", "1/2"]],
  ["parley-partial/1", ["forecast", UA, "--sample", "-n", "100", "--signposts", "1", "--shard", "2/2"]],
  ["parley-partial/1", ["bargain", UA, "--samples", "10", "-m", "mean,median", "--shard", "1/3"]],
  ["parley-partial/1", ["compare", UA, `${S}/ukraine-2025-us-walks-away.yaml`, `${S}/ukraine-2025-us-air-guarantee.yaml`, "-c", "Nash", "--shard", "3/3"]],
  ["parley-robustness/1", ["merge", ...PARTS]],
];

const schemaFiles = readdirSync("schema").filter((f) => f.endsWith(".schema.json"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
for (const f of schemaFiles) ajv.addSchema(JSON.parse(readFileSync(`schema/${f}`, "utf8")), f);
const validatorOf = (kind: string): ValidateFunction => {
  const v = ajv.getSchema(kindFile(kind));
  expect(v, `a schema for ${kind} (schema/${kindFile(kind)})`).toBeDefined();
  return v as ValidateFunction;
};

/** The commands `parley --help` lists. */
async function commandNames(): Promise<string[]> {
  const help = (await parley("--help")).stdout;
  const section = help.slice(help.indexOf("Commands:"), help.indexOf("\n\n", help.indexOf("Commands:")));
  return [...section.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]).filter((c) => c !== "help");
}

/** Outputs per kind, for the checks that follow. */
const outputs = new Map<string, unknown[]>();
const validatedKinds = new Set<string>();

describe("every JSON output matches the schema of its kind", () => {
  it.each(CASES.map(([kind, argv, code]) => [`${argv.slice(0, 2).join(" ")} … → ${kind}`, kind, argv, code ?? 0] as const))(
    "%s",
    async (_name, kind, argv, code) => {
      const r = await parley(...argv);
      expect(r.code, r.stderr).toBe(code);
      const json = JSON.parse(r.stdout);
      expect(json.format).toBe(kind);
      expect(Object.keys(json)[0]).toBe("format");
      const validate = validatorOf(kind);
      const ok = validate(json);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
      validatedKinds.add(kind);
      outputs.set(kind, [...(outputs.get(kind) ?? []), json]);
    },
    60_000,
  );
});

describe("forecast logs", () => {
  it("every line forecast --record appends matches parley-forecast-record/1", async () => {
    const log = join(mkdtempSync(join(tmpdir(), "parley-log-")), "forecasts.jsonl");
    const r = await parley("forecast", "--record", log, "-o", join(log, "..", "out.txt"));
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(log, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThanOrEqual(4);
    const validate = validatorOf("parley-forecast-record/1");
    for (const line of lines) {
      expect(Object.keys(line)[0]).toBe("format");
      expect(validate(line), JSON.stringify(validate.errors)).toBe(true);
    }
    validatedKinds.add("parley-forecast-record/1");
    outputs.set("parley-forecast-record/1", lines);
  });
});

describe("the schemas are strict", () => {
  it("a wrong tag, a missing required field, a renamed field or an unknown field fails", () => {
    expect(outputs.size).toBe(Object.keys(OUTPUT_SCHEMAS).length);
    for (const [kind, list] of outputs) {
      const validate = validatorOf(kind);
      const json = list[0] as Record<string, unknown>;
      expect(validate({ ...json, format: kind.replace(/\/1$/, "/2") }), `${kind} with another version`).toBe(false);
      const { format: _f, ...untagged } = json;
      expect(validate(untagged), `${kind} without its tag`).toBe(false);
      for (const key of Object.keys(json).filter((k) => k !== "format")) {
        const required = ((validate.schema as { required: string[] }).required ?? []).includes(key);
        const { [key]: value, ...rest } = json;
        if (required) {
          expect(validate(rest), `${kind} without ${key}`).toBe(false);
          expect(validate({ ...rest, [`${key}X`]: value }), `${kind} with ${key} renamed`).toBe(false);
        }
      }
      expect(validate({ ...json, unexpected: 1 }), `${kind} with an unknown field`).toBe(false);
    }
  });

  it("nested objects are closed too: a renamed field deep inside fails", () => {
    const analysis = structuredClone(outputs.get("parley-analysis/1")![0]) as { states: Record<string, unknown>[] };
    const { pattern, ...rest } = analysis.states[0];
    analysis.states[0] = { ...rest, patern: pattern };
    expect(validatorOf("parley-analysis/1")(analysis)).toBe(false);
    const explanation = structuredClone(outputs.get("parley-explanation/1")![0]) as { decisionMakers: { stable: Record<string, unknown> }[] };
    explanation.decisionMakers[0].stable = { NotAConcept: true };
    expect(validatorOf("parley-explanation/1")(explanation)).toBe(false);
    const ingest = structuredClone(outputs.get("parley-ingest/1")![0]) as Record<string, unknown>;
    (ingest.draft as Record<string, unknown>).format = "parley/2";
    expect(validatorOf("parley-ingest/1")(ingest), "the draft is checked against the scenario schema").toBe(false);
  });
});

describe("kinds and schema files", () => {
  it("every kind the code declares has a schema, and every schema's kind is validated above", () => {
    // Every "parley-<kind>/N" string in src/ (other than input formats) names a kind with a schema.
    const declared = new Set<string>();
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith(".ts")) for (const m of readFileSync(join(d, e.name), "utf8").matchAll(/"(parley-[a-z-]+\/\d+)"/g)) declared.add(m[1]);
      }
    };
    walk("src");
    declared.delete("parley-gazetteer/1"); // an input format (gazetteer files), not an output
    expect([...declared].sort()).toEqual(Object.keys(OUTPUT_SCHEMAS).sort());
    expect([...validatedKinds].sort()).toEqual(Object.keys(OUTPUT_SCHEMAS).sort());
  });

  it("every file in schema/ is a kind's schema validated here, or the scenario schema (tests/format/schema.test.ts)", () => {
    const kindFiles = Object.keys(OUTPUT_SCHEMAS).map(kindFile);
    for (const f of schemaFiles) {
      if (kindFiles.includes(f)) continue;
      const testedElsewhere = readdirSync("tests").some(
        (t) => t.endsWith(".test.ts") && t !== "output-schemas.test.ts" && readFileSync(`tests/${t}`, "utf8").includes(`schema/${f}`),
      );
      expect(testedElsewhere, `schema/${f} is used by some test`).toBe(true);
    }
    for (const f of kindFiles) expect(schemaFiles).toContain(f);
  });

  it("the committed schemas are the generated ones (run `npm run schema` after changing src/report/output-schemas.ts)", () => {
    for (const [kind, { schema }] of Object.entries(OUTPUT_SCHEMAS)) expect(JSON.parse(readFileSync(`schema/${kindFile(kind)}`, "utf8")), kind).toEqual(schema);
  });

  it("`parley schema KIND` prints a kind's schema; an unknown kind is refused", async () => {
    expect(JSON.parse((await parley("schema", "parley-paths/1")).stdout)).toEqual(JSON.parse(readFileSync("schema/parley-paths-1.schema.json", "utf8")));
    expect(JSON.parse((await parley("schema")).stdout)).toEqual(JSON.parse(readFileSync("schema/parley-1.schema.json", "utf8")));
    const r = await parley("schema", "parley-nothing/1");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown kind 'parley-nothing/1'");
  });

  it("every command whose --format offers json is run above", async () => {
    const commands = await commandNames();
    expect(commands.length).toBeGreaterThan(15);
    const run = new Set(CASES.map(([, argv]) => argv[0]));
    const withJson: string[] = [];
    for (const cmd of commands) {
      const h = (await parley(cmd, "--help")).stdout.replace(/\s+/g, " ");
      const choices = /-f, --format <format> .*?\(choices: ([^)]*)\)/.exec(h)?.[1] ?? "";
      if (choices.includes('"json"')) withJson.push(cmd);
    }
    for (const cmd of withJson) expect(run.has(cmd), `${cmd} has JSON output`).toBe(true);
    // The commands with -f json, as a check on the check.
    expect(withJson.sort()).toEqual(
      [
        "analyze",
        "bargain",
        "coalitions",
        "compare",
        "explain",
        "forecast",
        "foresight",
        "hypergame",
        "ingest",
        "inverse",
        "lint",
        "merge",
        "paths",
        "report",
        "robustness",
        "score",
        "states",
        "unknown",
        "validate",
      ].sort(),
    );
  });
});

describe("docs/cli.md", () => {
  it("lists every command with its formats (as --help gives them) and its JSON kind with a link to the schema", async () => {
    const text = readFileSync("docs/cli.md", "utf8");
    const section = text.slice(text.indexOf("## Machine-readable output"), text.indexOf("\n## ", text.indexOf("## Machine-readable output") + 5));
    const rows = section.split("\n").filter((l) => l.startsWith("| `"));
    for (const kind of Object.keys(OUTPUT_SCHEMAS)) expect(section, kind).toContain(`| \`${kind}\` | [${kindFile(kind)}](../schema/${kindFile(kind)}) |`);
    const documented = new Set(rows.map((r) => /^\| `([a-z]+)/.exec(r)![1]));
    for (const cmd of (await commandNames()).filter((c) => c !== "serve")) expect(documented.has(cmd), `${cmd} in the table`).toBe(true);
    for (const row of rows.filter((r) => r.includes("`parley-"))) {
      const cells = row.split(" | ");
      const cmd = /^\| `([a-z]+)/.exec(cells[0])![1];
      const listed = [...cells[1].matchAll(/`([a-z]+)`/g)].map((m) => m[1]);
      const h = (await parley(cmd, "--help")).stdout.replace(/\s+/g, " ");
      const choices = [.../-f, --format <format> .*?\(choices: ([^)]*)\)/.exec(h)![1].matchAll(/"([a-z]+)"/g)].map((m) => m[1]);
      const synonyms = (xs: string[]) => [...new Set(xs.flatMap((x) => (x === "text" || x === "table" ? ["text", "table"] : [x])))].sort();
      expect(synonyms(listed), row).toEqual(synonyms(choices));
      const defaultFormat = /default: "([a-z]+)"/.exec(/-f, --format <format> .*?\(choices: [^)]*\)/.exec(h)![0])?.[1];
      if (defaultFormat && !cmd.startsWith("ingest")) expect(listed[0], `${cmd}: the default first`).toBe(defaultFormat);
    }
  });
});

describe("particular outputs", () => {
  it("compare: two files give a parley-comparison/1, three or more (or --survival) a parley-survival/1", () => {
    const [walks, drops] = outputs.get("parley-comparison/1") as {
      files: string[];
      concepts: { concept: string; gained: { dms: unknown[] }[]; lost: unknown[] }[];
    }[];
    expect(walks.files).toEqual([UA, `${S}/ukraine-2025-us-walks-away.yaml`]);
    expect(drops.concepts.find((c) => c.concept === "GMR")!.gained.length).toBeGreaterThan(0);
    const [three, two] = outputs.get("parley-survival/1") as { files: string[]; rows: { key: string; counts: Record<string, number> }[] }[];
    expect(three.files).toHaveLength(3);
    expect(two.files).toEqual([`${S}/chicken.yaml`, `${S}/prisoners-dilemma.yaml`]);
    expect(Math.max(...three.rows.flatMap((r) => Object.values(r.counts)))).toBeLessThanOrEqual(3);
  });

  it("ingest: `format` is only the tag; the article type is `articleType`", () => {
    const types = (outputs.get("parley-ingest/1") as { articleType: string; draft: { format: string } }[]).map((j) => j.articleType);
    expect(types).toEqual(["text", "markdown", "html"]);
    expect((outputs.get("parley-ingest/1")![0] as { draft: { format: string } }).draft.format).toBe("parley/1");
  });

  it("validate -f json: each file's issues with code, message, path, line and column; exit code 2 when one is invalid", async () => {
    const [good, bad] = outputs.get("parley-diagnostics/1") as {
      valid: boolean;
      files: {
        file: string;
        valid: boolean;
        model: { feasibleStates: number } | null;
        issues: { severity: string; code: string; message: string; path: unknown[] | null; line: number | null; column: number | null }[];
      }[];
    }[];
    expect(good.valid).toBe(true);
    expect(good.files.every((f) => f.valid && f.issues.length === 0 && f.model)).toBe(true);
    expect(good.files.find((f) => f.file === `${S}/elmira.yaml`)!.model).toEqual({ decisionMakers: 3, options: 5, feasibleStates: 12, statusQuo: 1 });
    expect(bad.valid).toBe(false);
    expect(bad.files[0]).toMatchObject({ file: `${S}/chicken.yaml`, valid: true, issues: [] });
    const broken = bad.files[1];
    expect(broken).toMatchObject({ file: BAD, valid: false, model: null });
    expect(broken.issues.length).toBeGreaterThan(0);
    for (const i of broken.issues) {
      expect(i.severity).toBe("error");
      expect(i.code).toMatch(/^[a-z-]+$/);
      expect(i.line).toBeGreaterThan(0);
      expect(i.column).toBeGreaterThan(0);
    }
    // The same problems as the text form prints, with their positions.
    const text = await parley("validate", BAD);
    expect(text.code).toBe(2);
    for (const i of broken.issues) expect(text.stderr).toContain(`${BAD}:${i.line}:${i.column}: ${i.message}`);
    const unknownOption = broken.issues.find((i) => i.message.includes("nosuch"));
    expect(unknownOption?.path).toEqual(["preferences", "a", 0]);
  });
});

describe("-o/--force and format names on every command", () => {
  it("every command that prints a result takes -o, --output and --force", async () => {
    for (const cmd of (await commandNames()).filter((c) => c !== "serve")) {
      const h = (await parley(cmd, "--help")).stdout;
      expect(h, cmd).toContain("-o, --output <file>");
      expect(h, cmd).toContain("--force");
    }
  });

  it.each([
    ["states", `${S}/elmira.yaml`, "-f", "json"],
    ["explain", `${S}/elmira.yaml`, "1"],
    ["paths", `${S}/chicken.yaml`, "-f", "md"],
    ["compare", `${S}/chicken.yaml`, `${S}/chicken.yaml`, "-f", "json"],
    ["validate", `${S}/chicken.yaml`, "-f", "json"],
    ["schema", "parley-states/1"],
    ["ingest", "corpus/ingest/ukraine-talks.txt", "-f", "json"],
  ])("%s writes to -o FILE what it prints, and replaces it only with --force", async (...argv) => {
    const printed = await parley(...argv);
    expect(printed.code).toBe(0);
    const out = join(mkdtempSync(join(dir, "out-")), "result");
    const first = await parley(...argv, "-o", out);
    expect([first.code, first.stdout, first.stderr]).toEqual([0, "", `wrote ${out}\n`]);
    expect(readFileSync(out, "utf8")).toBe(printed.stdout);
    const again = await parley(...argv, "-o", out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists; use --force to overwrite it");
    writeFileSync(out, "old");
    expect((await parley(...argv, "-o", out, "--force")).code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(printed.stdout);
  });

  it("ingest still accepts its old --out", async () => {
    const out = join(mkdtempSync(join(dir, "out-")), "draft.yaml");
    expect((await parley("ingest", "corpus/ingest/ukraine-talks.txt", "--out", out)).code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it("the human format answers to both `table` and `text`; an unknown name lists the choices", async () => {
    const table = await parley("analyze", `${S}/chicken.yaml`, "-f", "table");
    expect((await parley("analyze", `${S}/chicken.yaml`, "-f", "text")).stdout).toBe(table.stdout);
    expect((await parley("analyze", `${S}/chicken.yaml`)).stdout).toBe(table.stdout);
    const text = await parley("paths", `${S}/chicken.yaml`);
    expect((await parley("paths", `${S}/chicken.yaml`, "-f", "table")).stdout).toBe(text.stdout);
    expect((await parley("report", `${S}/chicken.yaml`, "-f", "table")).stdout).toBe((await parley("report", `${S}/chicken.yaml`)).stdout);
    const bad = await parley("explain", `${S}/chicken.yaml`, "1", "-f", "csv");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Allowed choices are text, json, md, html, table.");
  });
});
