// Long because it holds every input path of the fuzzer (CLI, engine, server) side by side, with the checks they share.
/**
 * The fuzzer's input paths. Each path turns a generated case into a run of
 * the real code (the CLI in-process, the engine, or the workbench server on
 * loopback) and checks that it ends in a result or a clear refusal: exit code
 * 0 or 2, a `parley:` message with no stack trace, a JSON error with a code
 * and a 4xx status — never an uncaught exception, an internal error or a
 * crashed server. Used by tests/fuzz.test.ts (short, seeded) and
 * scripts/fuzz.ts (`npm run fuzz`, long runs).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { readTextFile } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { exportGmcrPy } from "../../src/interchange/gmcrpy-export.js";
import { importGmcrPy } from "../../src/interchange/gmcrpy-import.js";
import { compileScenario } from "../../src/model/compile.js";
import { ParleyError } from "../../src/format/errors.js";
import { ExprSyntaxError, parseExpr } from "../../src/format/expr.js";
import { loadModel } from "../../src/model/load.js";
import { analyze, CONCEPTS } from "../../src/stability/analyze.js";
import { validateData } from "../../src/format/validate.js";
import { rawRequest } from "../helpers/http.js";
import { startServer, type RunningServer } from "../../src/server/server.js";
import { GAZETTEER_FILE } from "../../src/cli/paths.js";
import { DEFAULT_MAX_CHARS } from "../../src/ingest/guard.js";
import { extractHtmlWithReadability } from "../../src/ingest/html.js";
import type { Gazetteer } from "../../src/ingest/gazetteer.js";
import { ingestArticle, loadGazetteer } from "../../src/ingest/ingest.js";
import { fixtureDirs, fixtureToScenarioData, plainFixtures } from "../helpers/fixtures.js";
import {
  byteMutationArb,
  mutateBytes,
  mutateData,
  mutateText,
  mutationArb,
  scenarioArb,
  scenarioWithStatement,
  statementCaseArb,
  textMutationArb,
  weirdValueArb,
} from "./mutate.js";

const ROOT = resolve(import.meta.dirname, "../..");

/** How a case ended: a result, or a clear refusal of the input. */
export type Outcome = "ok" | "refused";

export interface FuzzPath<T> {
  name: string;
  what: string;
  arbitrary: fc.Arbitrary<T>;
  /** Runs one case; throws when the case did not end cleanly. */
  run(input: T): Promise<Outcome>;
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
}

// ---------------------------------------------------------------------------
// the CLI, in-process, over files held in memory

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  written: Map<string, string>;
}

export async function parleyOn(files: Record<string, string>, argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const written = new Map<string, string>();
  const code = await run(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    // The case's files from memory; the program's own data (e.g. ingest's gazetteer) from disk.
    readText: (path) => (Object.hasOwn(files, path) ? files[path] : readTextFile(path)),
    writeText: (path, text) => void written.set(path, typeof text === "string" ? text : [...text].join("")),
    isTTY: false,
  });
  return { code, stdout, stderr, written };
}

/** A CLI run ended cleanly: a result (0) or a located message (2), never a stack trace or an internal error. */
export function checkCli(r: CliRun, what: string): Outcome {
  const head = (s: string) => (s.length > 600 ? s.slice(0, 600) + "…" : s);
  if (r.code !== 0 && r.code !== 2) throw new Error(`${what}: exit code ${r.code}\n${head(r.stderr)}`);
  if (/internal error|\n\s+at .*:\d+:\d+\)?/.test(r.stderr)) throw new Error(`${what}: a stack trace or internal error\n${head(r.stderr)}`);
  if (r.code === 2) {
    if (!r.stderr.startsWith("parley: ")) throw new Error(`${what}: exit 2 without a 'parley:' message: ${JSON.stringify(head(r.stderr))}`);
    if (r.stdout !== "") throw new Error(`${what}: exit 2 but output on stdout`);
    return "refused";
  }
  if (r.stdout === "" && r.written.size === 0) throw new Error(`${what}: exit 0 with no output`);
  return "ok";
}

// ---------------------------------------------------------------------------
// scenario YAML and JSON: valid scenarios, broken in structure and in text

const scenarioCase = <F>(format: fc.Arbitrary<F>) =>
  fc.record({
    shape: scenarioArb,
    mutations: fc.array(mutationArb, { maxLength: 3 }),
    text: fc.array(textMutationArb, { maxLength: 2 }),
    format,
    viaCli: viaCliArb,
  });

type ScenarioCase = {
  shape: { data: Record<string, unknown> };
  mutations: Parameters<typeof mutateData>[1];
  text: Parameters<typeof mutateText>[1];
  viaCli: boolean;
};

function yamlOf(c: ScenarioCase): string {
  return mutateText(stringify(mutateData(c.shape.data, c.mutations), { lineWidth: 0, aliasDuplicateObjects: false }), c.text);
}

function jsonOf(c: ScenarioCase & { format: number }): string {
  const json = JSON.stringify(mutateData(c.shape.data, c.mutations), null, c.format % 3 === 0 ? undefined : 2) ?? "null";
  // JSON-flavoured breakage: duplicate keys, trailing commas, comments, truncation, a deep array.
  const k = c.format % 7;
  if (k === 1) return json.replace(/\{/, '{"name": 1, "name": 2, ');
  if (k === 2) return json.replace(/\]/, ",]");
  if (k === 3) return json.slice(0, Math.floor(json.length / 2));
  if (k === 4) return `// a comment\n${json}`;
  if (k === 5) return json.replace(/"statusQuo"/, `"deep": ${"[".repeat(200)}${"]".repeat(200)}, "statusQuo"`);
  return json;
}

/**
 * Analysing a scenario: parse, validate, compile, every stability concept.
 * Every eighth case goes through `parley analyze` in-process (exit code and
 * message checked); the others call the engine directly, which is three
 * times faster and must throw nothing but a ParleyError.
 */
async function analyzeText(text: string, file: string, viaCli: boolean): Promise<Outcome> {
  if (viaCli) return checkCli(await parleyOn({ [file]: text }, ["analyze", file, "--format", "json"]), `analyze ${file}`);
  let model;
  try {
    model = loadModel(text, file, { maxMemoryBytes: 2 ** 30 });
  } catch (e) {
    if (!(e instanceof ParleyError)) throw new Error(`loadModel threw ${(e as Error).name}: ${(e as Error).stack}`);
    if (e.message.length === 0) throw new Error("a ParleyError without a message");
    return "refused";
  }
  analyze(model, { concepts: CONCEPTS });
  return "ok";
}

const viaCliArb = fc.nat(7).map((k) => k === 0);

export const scenarioYaml: FuzzPath<ScenarioCase & { format: null }> = {
  name: "scenario-yaml",
  what: "generated scenarios, mutated in structure and in YAML text, through `parley analyze`",
  arbitrary: scenarioCase(fc.constant(null)),
  run: (c) => analyzeText(yamlOf(c), "fuzz.yaml", c.viaCli),
};

export const scenarioJson: FuzzPath<ScenarioCase & { format: number }> = {
  name: "scenario-json",
  what: "generated scenarios, mutated in structure and in JSON text, through `parley analyze`",
  arbitrary: scenarioCase(fc.nat()).map((c) => ({ ...c, text: [] })),
  run: (c) => analyzeText(jsonOf(c), "fuzz.json", c.viaCli),
};

// ---------------------------------------------------------------------------
// byte-level mutation of the shipped scenario files (read in place)

let shippedScenarios: { name: string; bytes: Buffer }[] | undefined;
function shipped(): { name: string; bytes: Buffer }[] {
  // The what-if variants of the Ukraine scenario differ from it in a few lines: the base file stands for them.
  shippedScenarios ??= readdirSync(join(ROOT, "scenarios"))
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !/^ukraine-2025-/.test(f))
    .sort()
    .map((f) => ({ name: f, bytes: readFileSync(join(ROOT, "scenarios", f)) }));
  return shippedScenarios;
}

export const scenarioBytes: FuzzPath<{ file: number; mutations: Parameters<typeof mutateBytes>[1]; viaCli: boolean }> = {
  name: "scenario-bytes",
  what: "byte-level mutations of scenarios/*.yaml through `parley validate` (and `analyze` when it validates)",
  arbitrary: fc.record({ file: fc.nat(), mutations: fc.array(byteMutationArb, { minLength: 1, maxLength: 4 }), viaCli: viaCliArb }),
  async run({ file, mutations, viaCli }) {
    const seed = shipped()[file % shipped().length];
    const text = mutateBytes(seed.bytes, mutations).toString("utf8");
    // Analysing the larger shipped models takes long; validate their mutants, analyse those of the small ones.
    if (seed.bytes.length < 4000) return analyzeText(text, seed.name, viaCli);
    if (viaCli) return checkCli(await parleyOn({ [seed.name]: text }, ["validate", seed.name]), `validate ${seed.name}`);
    try {
      loadModel(text, seed.name);
      return "ok";
    } catch (e) {
      if (!(e instanceof ParleyError)) throw new Error(`loadModel threw ${(e as Error).name}: ${(e as Error).stack}`);
      return "refused";
    }
  },
};

// ---------------------------------------------------------------------------
// gmcr-py import: the fixtures (read in place) and gmcr-py files exported from them

let gmcrSeeds: { name: string; text: string }[] | undefined;
function gmcrpySeeds(): { name: string; text: string }[] {
  if (gmcrSeeds) return gmcrSeeds;
  const seeds: { name: string; text: string }[] = [];
  for (const kind of ["plain", "misperception"] as const)
    for (const { group, dir } of fixtureDirs(kind)) {
      for (const f of readdirSync(dir)
        .filter((x) => x.endsWith(".json"))
        .sort())
        seeds.push({ name: `${group}/${kind}/${f}`, text: readFileSync(join(dir, f), "utf8") });
    }
  for (const { file, fixture } of plainFixtures()) {
    const { scenario } = validateData(fixtureToScenarioData(fixture));
    if (scenario) seeds.push({ name: `export of ${file}`, text: JSON.stringify(exportGmcrPy(compileScenario(scenario)), null, 1) });
  }
  for (const s of shipped()) seeds.push({ name: `export of ${s.name}`, text: JSON.stringify(exportGmcrPy(loadModel(s.bytes.toString("utf8"))), null, 1) });
  gmcrSeeds = seeds;
  return seeds;
}

export const gmcrpy: FuzzPath<{
  seed: number;
  bytes: Parameters<typeof mutateBytes>[1];
  data: Parameters<typeof mutateData>[1];
  structured: boolean;
  viaCli: boolean;
}> = {
  name: "gmcr-py",
  what: "gmcr-py files (the oracle fixtures and exports of them), mutated in bytes or in structure, through `parley import` and then `parley validate`",
  arbitrary: fc.record({
    seed: fc.nat(),
    bytes: fc.array(byteMutationArb, { minLength: 1, maxLength: 3 }),
    data: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
    structured: fc.boolean(),
    viaCli: viaCliArb,
  }),
  async run(c) {
    const seed = gmcrpySeeds()[c.seed % gmcrpySeeds().length];
    let text: string;
    if (c.structured) text = JSON.stringify(mutateData(JSON.parse(seed.text), c.data)) ?? "null";
    else text = mutateBytes(Buffer.from(seed.text), c.bytes).toString("utf8");
    if (!c.viaCli) {
      // The engine route: what `parley import` does, then loading the result.
      let data: Record<string, unknown>;
      try {
        data = importGmcrPy(JSON.parse(text));
      } catch (e) {
        if (e instanceof SyntaxError || e instanceof ParleyError) return "refused";
        throw new Error(`importGmcrPy threw ${(e as Error).name}: ${(e as Error).stack}`);
      }
      try {
        loadModel(stringify(data, { lineWidth: 0 }));
        return "ok";
      } catch (e) {
        if (e instanceof ParleyError) return "refused";
        throw new Error(`loading an imported file threw ${(e as Error).name}: ${(e as Error).stack}`);
      }
    }
    const imported = await parleyOn({ "in.gmcr": text }, ["import", "in.gmcr", "-o", "out.yaml"]);
    const outcome = checkCli(imported, `import (${seed.name})`);
    if (outcome === "refused") return outcome;
    const yaml = imported.written.get("out.yaml");
    if (yaml === undefined) throw new Error("import exited 0 but wrote nothing");
    return checkCli(await parleyOn({ "out.yaml": yaml }, ["validate", "out.yaml"]), `validate the import of ${seed.name}`);
  },
};

// ---------------------------------------------------------------------------
// preference and infeasibility statements

export const statements: FuzzPath<Parameters<typeof scenarioWithStatement>[0]> = {
  name: "statements",
  what: "statements built from the grammar then broken (edits, deep nesting, great length), parsed alone and placed in preferences, if/then, anyOf, infeasible, goals, misperceives and unknown",
  arbitrary: statementCaseArb,
  async run(c) {
    try {
      parseExpr(c.text);
    } catch (e) {
      if (!(e instanceof ExprSyntaxError)) throw new Error(`parseExpr threw ${(e as Error).name}: ${(e as Error).message}`);
    }
    return analyzeText(JSON.stringify(scenarioWithStatement(c)), "statement.json", c.text.length % 8 === 0);
  },
};

// ---------------------------------------------------------------------------
// workbench API bodies, against the real server on loopback

interface ApiCase {
  method: string;
  endpoint: string;
  path: string;
  encode: boolean;
  token: "right" | "wrong" | "none";
  contentType: string;
  origin: string | null;
  host: "own" | "localhost" | "evil";
  body: { kind: "json"; text: unknown; baseEtag: unknown; overwrite: unknown; extra: unknown } | { kind: "raw"; text: string } | { kind: "none" };
}

const fileNameArb = fc.oneof(
  fc.constantFrom("a.yaml", "b.yml", "c.json", "sub/d.yaml", "chicken.yaml", "new.yaml", "x.txt", "", ".hidden.yaml", "sub/.h/e.yaml", "nosuchdir/f.yaml"),
  fc.constantFrom(
    "../out.yaml",
    "sub/../../out.yaml",
    "/etc/passwd",
    "C:\\x.yaml",
    "\\\\server\\x.yaml",
    "..%2fout.yaml",
    "%2e%2e/out.yaml",
    "a\u0000.yaml",
    "link/out.yaml",
    "sub\\..\\..\\out.yaml",
    "./a.yaml",
    "sub//d.yaml",
  ),
  fc.string({ maxLength: 12 }).map((s) => `${s}.yaml`),
  fc.string({ unit: "grapheme", maxLength: 8 }).map((s) => `${s}.yaml`),
  fc.constant("y".repeat(2000) + ".yaml"),
);

const apiCaseArb: fc.Arbitrary<ApiCase> = fc.record({
  method: fc.constantFrom("GET", "GET", "PUT", "PUT", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD"),
  endpoint: fc.constantFrom(
    "/api/file",
    "/api/file",
    "/api/file",
    "/api/files",
    "/api/session",
    "/api/",
    "/api/nothing",
    "/",
    "/index.html",
    "/../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
  ),
  path: fileNameArb,
  encode: fc.boolean(),
  token: fc.constantFrom("right" as const, "right" as const, "wrong" as const, "none" as const),
  contentType: fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "", "application/jsonx"),
  origin: fc.constantFrom(null, null, "own", "http://evil.example", "null", "http://127.0.0.1:1"),
  host: fc.constantFrom("own" as const, "own" as const, "own" as const, "localhost" as const, "evil" as const),
  body: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant("json" as const),
        text: fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 200 }) }, weirdValueArb),
        baseEtag: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 40 }), weirdValueArb),
        overwrite: fc.oneof(fc.constant(true), fc.constant(undefined), weirdValueArb),
        extra: weirdValueArb,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("raw" as const),
        text: fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.constantFrom("null", "[]", '"x"', "1", "{", '{"text": "a", "text": 1}')),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: "none" as const }) },
  ),
});

const send = (port: number, method: string, path: string, headers: Record<string, string>, body?: string) => rawRequest(port, method, path, { headers, body });

/** Bytes outside printable ASCII as %XX (lone surrogates too, as U+FFFD), printable ASCII as it is: `..`, `/` and `\\` reach the server raw. */
function percentEncode(s: string): string {
  return [...Buffer.from(s, "utf8")]
    .map((b) => (b > 0x20 && b < 0x7f && b !== 0x25 && b !== 0x23 && b !== 0x3f ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, "0")}`))
    .join("");
}

function apiPath(): FuzzPath<ApiCase> {
  let server: RunningServer | undefined;
  let base = "";
  let ws = "";
  return {
    name: "api",
    what: "workbench API requests (methods, paths, headers, tokens, origins and JSON bodies) against `startServer` on loopback",
    arbitrary: apiCaseArb,
    async setup() {
      base = mkdtempSync(join(tmpdir(), "parley-fuzz-api-"));
      ws = join(base, "ws");
      const { mkdirSync, writeFileSync, symlinkSync } = await import("node:fs");
      mkdirSync(join(ws, "sub"), { recursive: true });
      writeFileSync(join(ws, "chicken.yaml"), readFileSync(join(ROOT, "scenarios/chicken.yaml")));
      writeFileSync(join(base, "out.yaml"), "outside: 1\n");
      symlinkSync(base, join(ws, "link"));
      const web = join(base, "web");
      mkdirSync(web);
      writeFileSync(join(web, "index.html"), "<!doctype html><title>Parley</title>");
      server = await startServer({ dir: ws, webRoot: web });
    },
    async teardown() {
      await server?.close();
      if (base) rmSync(base, { recursive: true, force: true });
    },
    async run(c) {
      const s = server!;
      const query = c.endpoint === "/api/file" ? `?path=${c.encode ? encodeURIComponent(c.path) : percentEncode(c.path)}` : "";
      const headers: Record<string, string> = {
        Host: c.host === "own" ? `127.0.0.1:${s.port}` : c.host === "localhost" ? `localhost:${s.port}` : `evil.example:${s.port}`,
      };
      if (c.token === "right") headers["X-Parley-Token"] = s.token;
      if (c.token === "wrong") headers["X-Parley-Token"] = "0".repeat(48);
      if (c.contentType) headers["Content-Type"] = c.contentType;
      if (c.origin) headers.Origin = c.origin === "own" ? `http://127.0.0.1:${s.port}` : c.origin;
      let body: string | undefined;
      if (c.body.kind === "json") {
        const o: Record<string, unknown> = { text: c.body.text };
        if (c.body.baseEtag !== undefined) o.baseEtag = c.body.baseEtag;
        if (c.body.overwrite !== undefined) o.overwrite = c.body.overwrite;
        o.extra = c.body.extra;
        body = JSON.stringify(o);
      } else if (c.body.kind === "raw") body = c.body.text;
      if (c.method === "GET" || c.method === "HEAD") body = undefined;
      const r = await send(s.port, c.method, c.endpoint + query, headers, body);
      const where = `${c.method} ${c.endpoint}${query}`;
      if (r.status >= 500 && r.status !== 507) throw new Error(`${where}: status ${r.status} ${r.text.slice(0, 300)}`);
      if (r.status >= 400 && c.method !== "HEAD" && c.endpoint.startsWith("/api")) {
        const j = r.json as { error?: unknown; code?: unknown } | undefined;
        if (typeof j?.error !== "string" || typeof j.code !== "string")
          throw new Error(`${where}: status ${r.status} without a JSON { error, code }: ${r.text.slice(0, 200)}`);
      }
      if (/\n\s+at .*:\d+:\d+/.test(r.text)) throw new Error(`${where}: a stack trace in the answer`);
      // Nothing outside the workspace may change; a save that succeeded reads back whole.
      if (readFileSync(join(base, "out.yaml"), "utf8") !== "outside: 1\n") throw new Error(`${where}: a file outside the workspace changed`);
      if (c.method === "PUT" && r.status === 200 && c.body.kind === "json" && typeof c.body.text === "string") {
        const back = await send(s.port, "GET", c.endpoint + query, { Host: `127.0.0.1:${s.port}` });
        if ((back.json as { text?: string } | undefined)?.text !== c.body.text) throw new Error(`${where}: the saved file does not read back as sent`);
      }
      const alive = await send(s.port, "GET", "/api/session", { Host: `127.0.0.1:${s.port}` });
      if (alive.status !== 200) throw new Error(`${where}: the server stopped answering`);
      return r.status < 400 ? "ok" : "refused";
    },
  };
}

export const api = apiPath();

// ---------------------------------------------------------------------------
// articles for `parley ingest`: slices of the corpus articles, mutated, and made-up pages

let corpus: { name: string; text: string }[] | undefined;
let gazetteer: Gazetteer | undefined;

interface ArticleCase {
  seed: number;
  start: number;
  length: number;
  bytes: Parameters<typeof mutateBytes>[1];
  wrap: "none" | "html" | "broken-html" | "script" | "huge" | "empty" | "binary" | "markdown";
  viaCli: boolean;
}

function articleText(c: ArticleCase): { name: string; text: string } {
  corpus ??= readdirSync(join(ROOT, "corpus/ingest"))
    .filter((f) => /\.(txt|md|html)$/.test(f))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(ROOT, "corpus/ingest", f), "utf8") }));
  const seed = corpus[c.seed % corpus.length];
  const start = c.start % Math.max(1, seed.text.length);
  let text = mutateBytes(Buffer.from(seed.text.slice(start, start + c.length)), c.bytes).toString("utf8");
  let name = seed.name;
  switch (c.wrap) {
    case "html":
      text = `<!doctype html><html><head><title>${text.slice(0, 40)}</title></head><body><article><p>${text.split("\n").join("</p><p>")}</p></article></body></html>`;
      name = "page.html";
      break;
    case "broken-html":
      text = `<html><body><div><p>${text}<p><b><i></div></span><!-- <table><tr><td>${"<div>".repeat(300)}`;
      name = "page.html";
      break;
    case "script":
      text = `<html><body><script>document.write("${text.slice(0, 50)}")</script><p onclick="x()">${text}</p><style>p{}</style></body></html>`;
      name = "page.html";
      break;
    case "huge":
      text = text.padEnd(DEFAULT_MAX_CHARS + 1, " Talks went on.");
      break;
    case "empty":
      text = ["", " ", "\n\n\t", "<html></html>", "\ufeff"][c.length % 5];
      break;
    case "binary":
      text = text.slice(0, 100) + "\u0000\u0001\u0002\ufffd\ufffd" + text.slice(100);
      break;
    case "markdown":
      text = `# ${text.slice(0, 30)}\n\n> ${text}\n\n* [link](http://example.com)\n\n\`\`\`\ncode\n\`\`\``;
      name = "article.md";
      break;
  }
  return { name, text };
}

export const articles: FuzzPath<ArticleCase> = {
  name: "articles",
  what: "news articles (slices of corpus/ingest mutated in bytes, wrapped in good, broken and scripted HTML, Markdown, empty, binary and oversized) through `parley ingest`; every draft must validate",
  arbitrary: fc.record({
    seed: fc.nat(),
    start: fc.nat(),
    length: fc.integer({ min: 0, max: 1500 }),
    bytes: fc.array(byteMutationArb, { maxLength: 3 }),
    wrap: fc.constantFrom(
      "none" as const,
      "none" as const,
      "html" as const,
      "broken-html" as const,
      "script" as const,
      "huge" as const,
      "empty" as const,
      "binary" as const,
      "markdown" as const,
    ),
    viaCli: viaCliArb,
  }),
  async run(c) {
    const { name, text } = articleText(c);
    if (c.viaCli) return checkCli(await parleyOn({ [name]: text }, ["ingest", name, "-f", "json"]), `ingest ${name}`);
    gazetteer ??= loadGazetteer(readFileSync(GAZETTEER_FILE, "utf8"));
    let result;
    try {
      result = ingestArticle(text, { name, gazetteer, extractHtml: extractHtmlWithReadability });
    } catch (e) {
      if (e instanceof ParleyError) return "refused";
      throw new Error(`ingestArticle threw ${(e as Error).name}: ${(e as Error).stack}`);
    }
    const { issues } = validateData(result.draft.scenario);
    if (issues.length > 0) throw new Error(`the draft of ${name} does not validate: ${issues.map((i) => i.message).join("; ")}`);
    return "ok";
  },
};

// biome-ignore lint/suspicious/noExplicitAny: each path has its own case type; the runner treats them alike
export const PATHS: FuzzPath<any>[] = [scenarioYaml, scenarioJson, scenarioBytes, gmcrpy, statements, api, articles];
