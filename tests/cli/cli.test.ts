/** The `parley` command line, run in-process, and once as the built bin. */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Command } from "commander";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { createEnv } from "../../src/cli/env.js";
import { nodeIO } from "../../src/cli/io.js";
import { parley } from "../helpers/cli.js";
import { loadedBy } from "../helpers/loaded-modules.js";
import { readCompactAnalysis } from "../../src/present/analysis-compact-read.js";
import { rawRequest } from "../helpers/http.js";

const ELMIRA = "scenarios/elmira.yaml";
const root = resolve(import.meta.dirname, "../..");

describe("parley analyze", () => {
  it("prints the JSON interface: states with id and pattern, stable and equilibria", async () => {
    const r = await parley("analyze", ELMIRA, "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.format).toBe("parley-analysis/1");
    expect(j.concepts).toEqual(["Nash", "GMR", "SMR", "SEQ", "SIM", "SEQ+SIM"]);
    expect(j.states[0]).toEqual({ id: 1, pattern: "NYNNN", ranks: { moe: 6, uniroyal: 1, local: 4 } });
    expect(j.statusQuo).toBe(1);
    expect(j.equilibria.Nash).toEqual([5, 6, 7, 10, 11, 12]);
    expect(j.equilibria.GMR).toEqual([1, 4, 5, 6, 7, 10, 11, 12]);
    expect(j.stable.SEQ.uniroyal).toEqual([1, 4, 5, 6, 7, 10, 11, 12]);
    expect(Object.keys(j.stable.Nash)).toEqual(["moe", "uniroyal", "local"]);
  });

  it("analyses the embedded default scenario (the Ukraine peace process) without a file", async () => {
    const r = await parley("analyze", "-f", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.scenario.name).toBe("The 2025 Ukraine peace process");
    expect(j.decisionMakers.map((d: { id: string }) => d.id)).toEqual(["us", "ru", "ua", "eu"]);
  });

  it("limits concepts and filters to equilibria", async () => {
    const r = await parley("analyze", ELMIRA, "-c", "gmr,Nash", "-f", "csv", "-e");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      "state,pattern,modify,delay,accept,abandon,insist,rank_moe,rank_uniroyal,rank_local,GMR_moe,GMR_uniroyal,GMR_local,Nash_moe,Nash_uniroyal,Nash_local,GMR_equilibrium,Nash_equilibrium",
    );
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["1", "4", "5", "6", "7", "10", "11", "12"]);
    expect(lines[1]).toBe("1,NYNNN,N,Y,N,N,N,6,1,4,1,1,1,1,1,0,1,0");
  });

  it("--compact: the compact JSON, whose sets and ranks decode to the readable JSON's", async () => {
    const r = await parley("analyze", ELMIRA, "-f", "json", "--compact");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.format).toBe("parley-analysis-compact/1");
    // Elmira's 12 feasible states of 32 as ranges of their values (NYNNN is 2), its Nash equilibria as ranges of ids from 1.
    expect(j.states).toEqual({
      count: 12,
      ranges: [
        [2, 5],
        [8, 9],
        [18, 21],
        [24, 25],
      ],
    });
    expect(j.equilibria.Nash).toEqual({
      count: 6,
      ranges: [
        [5, 7],
        [10, 12],
      ],
    });
    expect(j.stable.SEQ.uniroyal).toEqual({
      count: 8,
      ranges: [
        [1, 1],
        [4, 7],
        [10, 12],
      ],
    });
    expect(j.ranks.moe.bytes).toBe(1);
    expect(Buffer.from(j.ranks.moe.base64, "base64")[0]).toBe(6); // state 1's rank for the Ministry, as in the readable form
    const readable = JSON.parse((await parley("analyze", ELMIRA, "-f", "json")).stdout);
    expect(readCompactAnalysis(j).toReadable()).toEqual(readable);
  });

  it("--compact without --format json is refused before any analysis", async () => {
    for (const format of ["csv", "table"]) {
      const r = await parley("analyze", ELMIRA, "-f", format, "--compact");
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`parley: --compact is a form of the JSON output: give it with --format json, not --format ${format}\n`);
    }
  });

  it("renders Markdown with an options legend and the state table", async () => {
    const r = await parley("analyze", ELMIRA, "--format", "md");
    expect(r.stdout).toContain("# Elmira groundwater contamination");
    expect(r.stdout).toContain("| 1 | modify | Modify the control order | Ministry of the Environment | cannot be withdrawn once taken |");
    expect(r.stdout).toMatch(/\| ▸1 \| N \| Y \| N \| N \| N \| 6 \| 1 \| 4 \| ✓✓· \| ✓✓✓ \|/);
    expect(r.stdout).toContain("- **SEQ**: 5, 6, 7, 10, 11, 12");
  });
});

describe("parley states, explain, validate", () => {
  it("lists states as JSON with the options taken", async () => {
    const r = await parley("states", ELMIRA, "-f", "json");
    const j = JSON.parse(r.stdout);
    expect(j.states).toHaveLength(12);
    expect(j.states[3]).toEqual({ id: 4, value: 5, pattern: "YNYNN", taken: ["modify", "accept"], ranks: { moe: 3, uniroyal: 2, local: 7 } });
  });

  it("explains a state in words, by number or by pattern", async () => {
    const byNumber = await parley("explain", ELMIRA, "1", "--dm", "local");
    const byPattern = await parley("explain", ELMIRA, "nynnn", "--dm", "Local Government");
    expect(byNumber.code).toBe(0);
    expect(byPattern.stdout).toBe(byNumber.stdout);
    const t = byNumber.stdout;
    expect(t).toContain("State 1 (NYNNN), the status quo: an equilibrium under GMR, SMR.");
    expect(t).toContain("1. Local Government: insist on the original control order → state 7 (NYNNY), which Local Government ranks 3.");
    expect(t).toMatch(/GMR\s+deterred: then Ministry of the Environment: modify the control order \(→ state 8/);
    expect(t).toMatch(/SEQ\s+not deterred/);
    expect(t).toContain("Verdict for Local Government at state 1: stable under GMR, SMR; not stable under Nash, SEQ, SIM, SEQ+SIM.");
  });

  it("explains as JSON with the sanction moves", async () => {
    const r = await parley("explain", ELMIRA, "1", "--dm", "local", "-f", "json", "-c", "GMR,SEQ");
    const j = JSON.parse(r.stdout);
    expect(j.decisionMakers[0].stable).toEqual({ GMR: true, SEQ: false });
    expect(j.decisionMakers[0].improvements[0].sanctions.GMR).toEqual({
      simultaneous: false,
      moves: [{ decisionMaker: "moe", from: 7, to: 8 }],
      result: 8,
    });
    expect(j.decisionMakers[0].improvements[0].sanctions.SEQ).toBeNull();
  });

  it("validates every file in scenarios/", async () => {
    const files = readdirSync("scenarios").map((f) => `scenarios/${f}`);
    expect(files.length).toBeGreaterThanOrEqual(7);
    const r = await parley("validate", ...files);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(files.length);
  });

  it("validate -f md lists each file and each problem, exit 2 when one is bad", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-val-"));
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "format: parley/1\nname: x\ndecisionMakers: 3\n");
    const r = await parley("validate", "scenarios/elmira.yaml", bad, "-f", "md");
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("- **ok** scenarios/elmira.yaml: 3 decision makers, 5 options, 12 feasible states, status quo state 1\n");
    expect(r.stdout).toContain(`- **error** ${bad}:3:17: 'decisionMakers' should be a list, not number 3 (at decisionMakers)\n`);
  });

  it("explain -f md gives a heading per decision maker", async () => {
    const r = await parley("explain", "scenarios/elmira.yaml", "5", "-f", "md");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# State 5 \(NNNYN\): an equilibrium under Nash/);
    expect(r.stdout.match(/^## /gm)).toHaveLength(3);
  });
});

describe("help", () => {
  it.each(["analyze", "validate", "states", "explain", "import", "export"])("%s --help shows usage and examples", async (cmd) => {
    const r = await parley(cmd, "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: parley ${cmd}`);
    expect(r.stdout).toContain("Examples:");
  });

  it("top-level --help lists the commands", async () => {
    const r = await parley("--help");
    for (const cmd of ["analyze", "validate", "states", "explain", "import", "export", "schema"]) expect(r.stdout).toContain(cmd);
  });

  it("the table of commands (for --help without loading them) says what each command's module registers", async () => {
    const program = new Command("parley");
    for (const entry of COMMANDS) (await entry.load()).register(program, createEnv(nodeIO()));
    const term = (c: Command) =>
      c.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? "..." : ""}>` : `[${a.name()}${a.variadic ? "..." : ""}]`)).join(" ");
    expect(COMMANDS.map((c) => ({ name: c.name, args: c.args, description: c.description }))).toEqual(
      program.commands.map((c) => ({ name: c.name(), args: term(c), description: c.description() })),
    );
    expect(program.commands.every((c) => c.options.length > 0)).toBe(true); // placeholders show [options]
  });

  it("an unknown command is a usage error", async () => {
    const r = await parley("analyse-this");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'analyse-this'");
  });
});

describe("import and export", () => {
  it("round-trips a scenario through a gmcr-py file and refuses to overwrite without --force", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-cli-"));
    const gmcr = join(dir, "elmira.gmcr");
    const yaml = join(dir, "elmira.yaml");
    expect((await parley("export", ELMIRA, "-o", gmcr)).code).toBe(0);
    const exported = JSON.parse(readFileSync(gmcr, "utf8"));
    expect(exported.program).toBe("gmcr-py");
    expect(exported.useManualPreferenceRanking).toBe(true);
    expect((await parley("import", gmcr, "-o", yaml)).code).toBe(0);
    const a = JSON.parse((await parley("analyze", ELMIRA, "-f", "json")).stdout);
    const b = JSON.parse((await parley("analyze", yaml, "-f", "json")).stdout);
    expect(b).toEqual(a);

    writeFileSync(yaml, "# my edits\n");
    const again = await parley("import", gmcr, "-o", yaml);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists; use --force to overwrite it");
    expect(readFileSync(yaml, "utf8")).toBe("# my edits\n");
    expect((await parley("import", gmcr, "-o", yaml, "--force")).code).toBe(0);
    expect(readFileSync(yaml, "utf8")).toContain("format: parley/1");
  });

  it("reports a gmcr-py file that is not JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-cli-"));
    const bad = join(dir, "bad.gmcr");
    writeFileSync(bad, "{ not json");
    const r = await parley("import", bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.gmcr: not valid JSON \(.+\): a gmcr-py \/ GMCR\+ file is a JSON object/);
  });

  it("refuses a Parley scenario, UTF-16 and binary files with what they are", async () => {
    const yaml = await parley("import", ELMIRA);
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toBe(
      `parley: ${ELMIRA}: this is a Parley scenario, not a gmcr-py JSON file: there is nothing to import; use it directly, as in parley analyze ${ELMIRA}\n`,
    );
    const dir = mkdtempSync(join(tmpdir(), "parley-cli-"));
    const asJson = join(dir, "elmira.json");
    writeFileSync(asJson, JSON.stringify(parse(readFileSync(ELMIRA, "utf8"))));
    expect((await parley("import", asJson)).stderr).toContain(
      `parley: ${asJson}: this is a Parley scenario, not a gmcr-py JSON file: there is nothing to import`,
    );
    const json = JSON.stringify({ options: [{ name: "x" }], decisionMakers: [{ name: "A", options: [0], preferences: [] }], infeasibles: [] });
    writeFileSync(join(dir, "u16.gmcr"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]));
    writeFileSync(join(dir, "bin.gmcr"), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]));
    expect((await parley("import", join(dir, "u16.gmcr"))).stderr).toBe(
      `parley: ${join(dir, "u16.gmcr")}: the file is UTF-16 encoded; save it as UTF-8 (Parley reads UTF-8 text)\n`,
    );
    expect((await parley("import", join(dir, "bin.gmcr"))).stderr).toBe(
      `parley: ${join(dir, "bin.gmcr")}: the file is not a text file (it holds NUL bytes): Parley reads YAML or JSON text in UTF-8\n`,
    );
  });

  it("points another command given a gmcr-py file to parley import", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-cli-"));
    const gmcr = join(dir, "elmira.gmcr");
    expect((await parley("export", ELMIRA, "-o", gmcr)).code).toBe(0);
    const r = await parley("analyze", gmcr);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `parley: ${gmcr}:1:1: this is a gmcr-py / GMCR+ file, not a Parley scenario: convert it first with parley import (e.g. parley import model.gmcr -o model.yaml), or with Import in the workbench\n`,
    );
  });

  // A gmcr-py file as gmcr-py saves it: no status quo, and the all-N state ruled out (as in its Elmira example).
  const noStatusQuo = {
    program: "gmcr-py",
    version: "0.4.1",
    useManualPreferenceRanking: false,
    options: [
      { name: "Delay", permittedDirection: "back" },
      { name: "Accept", permittedDirection: "both" },
      { name: "Insist", permittedDirection: "both" },
    ],
    decisionMakers: [
      { name: "Firm", options: [0, 1], preferences: [[[1, "N"]]] },
      { name: "Town", options: [2], preferences: [[[1, "Y"]], [[2, "Y"]]] },
    ],
    infeasibles: [
      [
        [0, "N"],
        [1, "N"],
      ],
      [
        [0, "Y"],
        [1, "Y"],
      ],
    ],
  };

  it("takes state 1 as the status quo of a gmcr-py file, says so in one line, and --status-quo chooses another", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-cli-"));
    const gmcr = join(dir, "firm.gmcr");
    writeFileSync(gmcr, JSON.stringify(noStatusQuo));
    const r = await parley("import", gmcr);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `parley: ${gmcr}: gmcr-py files record no status quo: took state 1 (YNN), the first feasible state; choose another with --status-quo PATTERN (one Y/N per option, in the scenario's order)\n`,
    );
    expect(r.stdout).toContain("statusQuo: YNN\n");
    const yaml = join(dir, "firm.yaml");
    const chosen = await parley("import", gmcr, "--status-quo", "nyy", "-o", yaml);
    expect(chosen).toMatchObject({ code: 0, stderr: `wrote ${yaml}\n` });
    expect(JSON.parse((await parley("analyze", yaml, "-f", "json")).stdout).statusQuo).toBe(4);

    const wrongLength = await parley("import", gmcr, "--status-quo", "NY");
    expect(wrongLength.code).toBe(2);
    expect(wrongLength.stderr).toBe(
      `parley: ${gmcr}: --status-quo NY: 'NY' is not a state: give a number from 1 to 4 or a Y/N pattern of 3 letters (one per option); the options in order: delay, accept, insist\n`,
    );
    const infeasible = await parley("import", gmcr, "--status-quo", "NNY");
    expect(infeasible.code).toBe(2);
    expect(infeasible.stderr).toBe(
      `parley: ${gmcr}: --status-quo NNY is not a feasible state: it breaks '!delay & !accept'; the first feasible state is YNN (state 1)\n`,
    );
  });

  it.each(readdirSync("scenarios").filter((f) => f.endsWith(".yaml")))("export then import of scenarios/%s: parley compare finds no change", async (f) => {
    const dir = mkdtempSync(join(tmpdir(), "parley-cli-"));
    const gmcr = join(dir, "model.gmcr");
    const back = join(dir, "roundtrip.yaml");
    expect((await parley("export", `scenarios/${f}`, "-o", gmcr)).code).toBe(0);
    const imported = await parley("import", gmcr, "-o", back);
    expect(imported).toMatchObject({ code: 0, stderr: `wrote ${back}\n` });
    const r = await parley("compare", `scenarios/${f}`, back);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("What changed in the model\n  nothing\n");
    expect(r.stdout).toContain("No equilibrium changed under any concept.");
  });
});

describe("parley serve", () => {
  it("serves the current folder when no folder is given, not the package's scenarios", async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), "parley-serve-")));
    const child = spawn(process.execPath, [join(root, "dist/cli/main.js"), "serve"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    try {
      let out = "";
      child.stdout.on("data", (c: Buffer) => (out += c.toString()));
      await expect.poll(() => out, { timeout: 15_000 }).toMatch(/Serving .* — press Ctrl-C to stop/);
      expect(out).toContain(`Serving ${dir} — press Ctrl-C to stop.`);
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(out)![1]);
      const session = await rawRequest(port, "GET", "/api/session");
      // An empty folder: no default file (the page then opens a new, unsaved scenario).
      expect(session.json).toMatchObject({ dir, defaultFile: null });
      expect((await rawRequest(port, "GET", "/api/files")).json.files).toEqual([]);
    } finally {
      child.kill("SIGINT");
      await new Promise((done) => child.once("exit", done));
    }
  });

  it("says so in its help", async () => {
    const help = (await parley("serve", "--help")).stdout.replace(/\s+/g, " ");
    expect(help).toContain("folder of scenario files to open and save (default: the current folder)");
    expect(help).toContain("parley serve the current folder");
    expect(help).not.toContain("shipped scenarios");
  });
});

describe("the installed bin", () => {
  const bin = join(root, "dist/cli/main.js");
  const loaded = (...args: string[]) => loadedBy(bin, args).modules;

  it("loads only the command it runs: no language model for --version, --help or validate, no solver or pool for validate", () => {
    // What the markers find: the command's own module, so that a change in the bundle's format cannot make the checks below pass vacuously.
    expect(loaded("validate", "scenarios/chicken.yaml")).toEqual(expect.arrayContaining(["/dist/cli/commands/validate.js", "/dist/cli/run.js"]));
    expect(loaded("--version")).toContain("/dist/cli/main.js");
    for (const args of [["--version"], ["--help"], ["help", "validate"], ["validate", "scenarios/chicken.yaml"]]) {
      const modules = loaded(...args);
      expect(modules.length, args.join(" ")).toBeGreaterThan(0);
      expect(
        modules.filter((m) => /wink|readability|linkedom|\/cli\/commands\/(?!index|validate)/.test(m)),
        args.join(" "),
      ).toEqual([]);
    }
    // No solver and no worker pool for validate and --version: only the concept names and the default thread count.
    for (const args of [["--version"], ["validate", "scenarios/chicken.yaml"]])
      expect(
        loaded(...args).filter((m) => /\/stability\/(?!concepts\.)|\/parallel\/(?!node-threads\.)/.test(m)),
        args.join(" "),
      ).toEqual([]);
    expect(loaded("--version").filter((m) => /zod|yaml|\/stability\//.test(m))).toEqual([]);
    // ingest loads its libraries, from node_modules (left out of the bundle).
    const ingest = loaded("ingest", "corpus/ingest/india-pakistan.html", "-f", "json");
    for (const lib of ["wink-nlp", "linkedom", "@mozilla/readability"])
      expect(
        ingest.some((m) => m.includes(`/node_modules/${lib}/`)),
        lib,
      ).toBe(true);
  });

  it("finds every file it names relative to its own files (the bundle is where tsc's dist/cli/*.js was)", () => {
    // new URL("…", import.meta.url): the thread's and the pool worker's entries, the default scenario, the gazetteer, the workbench.
    const targets = new Set<string>();
    for (const name of readdirSync(dirname(bin)).filter((n) => n.endsWith(".js"))) {
      const text = readFileSync(join(dirname(bin), name), "utf8");
      for (const call of text.matchAll(/new URL\(([^()]*?),\s*import\.meta\.url\)/g))
        for (const literal of call[1].matchAll(/"([^"]+)"/g))
          if (!literal[1].endsWith(".ts")) targets.add(fileURLToPath(new URL(literal[1], pathToFileURL(join(dirname(bin), name)))));
    }
    expect([...targets].map((t) => relative(root, t)).sort()).toEqual([
      "data/gazetteer.yaml",
      "dist/cli/node-worker.js",
      "dist/cli/thread.js",
      "dist/web",
      "scenarios/ukraine-2025.yaml",
    ]);
    for (const t of targets) expect(existsSync(t), t).toBe(true);
  });

  it("runs as a command with exit codes", () => {
    const out = execFileSync(process.execPath, [bin, "analyze", join(root, "scenarios/prisoners-dilemma.yaml"), "-f", "json"], { encoding: "utf8" });
    expect(JSON.parse(out).equilibria.Nash).toEqual([4]);
    let code = 0;
    let stderr = "";
    try {
      execFileSync(process.execPath, [bin, "explain", join(root, "scenarios/chicken.yaml"), "7"], { encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      code = (e as { status: number }).status;
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(code).toBe(2);
    expect(stderr).toBe("parley: there is no state 7: the feasible states are numbered 1 to 4\n");
  });
});
