/**
 * `--shard i/n` and `parley merge` (docs/scale.md): four shards run as four
 * separate processes of the built `parley` and merged give the unsharded
 * output byte for byte; every command that shards does so in every format it
 * prints; merge refuses partials that do not belong together, naming the
 * file and the problem.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { parley } from "../helpers/cli.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "dist/cli/main.js");
const U = "scenarios/ukraine-2025.yaml";
const dir = () => mkdtempSync(join(tmpdir(), "parley-shard-"));

/** The built CLI as its own process. */
function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

/** Runs `args` whole and as `n` shards in-process, merges them, and returns both outputs. */
async function wholeAndMerged(args: string[], n: number, mergeArgs: string[] = []): Promise<{ whole: string; merged: string }> {
  const d = dir();
  const whole = await parley(...args);
  expect([whole.code, whole.stderr]).toEqual([0, ""]);
  const files: string[] = [];
  for (let i = 1; i <= n; i++) {
    const file = join(d, `part-${i}.json`);
    const r = await parley(...args, "--shard", `${i}/${n}`, "-o", file);
    expect([r.code, r.stdout]).toEqual([0, ""]);
    files.push(file);
  }
  const merged = await parley("merge", ...files.reverse(), ...mergeArgs);
  expect([merged.code, merged.stderr]).toEqual([0, ""]);
  return { whole: whole.stdout, merged: merged.stdout };
}

describe("four shards as four processes", () => {
  it("robustness: merged output equals the unsharded run's, byte for byte", async () => {
    const d = dir();
    const args = ["robustness", U, "--samples", "1500", "--exact-limit", "1", "--seed", "11", "-c", "Nash,SEQ"];
    const [whole, ...shards] = await Promise.all([run(args), ...[1, 2, 3, 4].map((i) => run([...args, "--shard", `${i}/4`, "-o", join(d, `part-${i}.json`)]))]);
    expect([whole.code, whole.stderr]).toEqual([0, ""]);
    for (const [k, s] of shards.entries()) expect([s.code, s.stderr]).toEqual([0, `wrote ${join(d, `part-${k + 1}.json`)}\n`]);
    const partial = JSON.parse(readFileSync(join(d, "part-3.json"), "utf8"));
    expect(partial).toMatchObject({ format: "parley-partial/1", command: "robustness", shard: { index: 3, count: 4 }, options: { seed: 11, samples: 1500 } });
    expect(partial.scenarios[0].hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const merged = await run(["merge", ...[4, 2, 1, 3].map((i) => join(d, `part-${i}.json`))]);
    expect([merged.code, merged.stderr]).toEqual([0, ""]);
    expect(merged.stdout).toBe(whole.stdout);
    expect(merged.stdout).toContain("1,500 sampled profiles (seed 11)");
  });

  it("forecast, sampled: the merged JSON equals the unsharded run's", async () => {
    const d = dir();
    const env = { PARLEY_TODAY: "2025-09-01" };
    const args = ["forecast", U, "--sample", "-n", "800", "--seed", "3", "-f", "json"];
    const [whole, ...shards] = await Promise.all([
      run(args, env),
      ...[1, 2, 3, 4].map((i) => run([...args, "--shard", `${i}/4`, "-o", join(d, `p${i}.json`)], env)),
    ]);
    expect(shards.map((s) => s.code)).toEqual([0, 0, 0, 0]);
    const merged = await run(["merge", ...[1, 2, 3, 4].map((i) => join(d, `p${i}.json`))]);
    expect([merged.code, merged.stderr]).toEqual([0, ""]);
    expect(merged.stdout).toBe(whole.stdout);
    expect(JSON.parse(merged.stdout)).toMatchObject({ format: "parley-forecast/1", made: "2025-09-01", samples: 800 });
  });
});

describe("every sharded command, in its formats", () => {
  it("robustness, exactly enumerated, in Markdown; merge -f json prints the JSON of the same run", async () => {
    const md = await wholeAndMerged(["robustness", U, "-f", "md"], 3);
    expect(md.merged).toBe(md.whole);
    const json = await wholeAndMerged(["robustness", U, "-f", "md", "--top", "5"], 2, ["-f", "json"]);
    expect(json.merged).toBe((await parley("robustness", U, "--top", "5", "-f", "json")).stdout);
  });

  it("bargain --samples in CSV and text, with more shards than some issues' draws", async () => {
    for (const format of ["csv", "table"]) {
      const { whole, merged } = await wholeAndMerged(["bargain", U, "--samples", "6", "--seed", "4", "-m", "mean,median,nash", "-f", format], 8);
      expect(merged).toBe(whole);
    }
  });

  it("forecast, exact where it can be, in CSV (every shard computes the exact part whole)", async () => {
    process.env.PARLEY_TODAY = "2025-09-01";
    try {
      const { whole, merged } = await wholeAndMerged(["forecast", U, "-n", "300", "-f", "csv", "--signposts", "2"], 2);
      expect(merged).toBe(whole);
    } finally {
      delete process.env.PARLEY_TODAY;
    }
  });

  it("compare: the survival table over the Ukraine versions, in HTML", async () => {
    const files = ["ukraine-2025.yaml", "ukraine-2025-us-walks-away.yaml", "ukraine-2025-putin-willing-to-meet.yaml", "ukraine-2025-us-air-guarantee.yaml"].map(
      (f) => `scenarios/${f}`,
    );
    const { whole, merged } = await wholeAndMerged(["compare", ...files, "-f", "html", "-c", "GMR,SEQ"], 3);
    expect(merged).toBe(whole);
    expect(merged).toContain("Equilibria across 4 versions");
  });
});

/** Three partials of one robustness run, written to a folder. */
async function partials(extra: string[] = []): Promise<{ d: string; files: string[] }> {
  const d = dir();
  const files: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const file = join(d, `p${i}.json`);
    expect((await parley("robustness", "scenarios/prisoners-dilemma.yaml", ...extra, "--shard", `${i}/3`, "-o", file)).code).toBe(0);
    files.push(file);
  }
  return { d, files };
}

describe("errors", () => {
  it("--shard takes i/n with 1 <= i <= n", async () => {
    for (const bad of ["5/4", "0/4", "x", "2/0", "1/-3"]) {
      const r = await parley("robustness", U, "--shard", bad);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `option '--shard <i/n>' argument '${bad}' is invalid. is not i/n with 1 <= i <= n (shard i of n, counted from 1: 1/4, 2/4, 3/4, 4/4)`,
      );
    }
  });

  it("refuses what a shard cannot do", async () => {
    const cases: [string[], string][] = [
      [
        ["forecast", U, "--shard", "1/2", "--record", "log.jsonl"],
        "parley: --record cannot be used with --shard: a shard holds a part of the draws; record a forecast from a whole run\n",
      ],
      [
        ["bargain", U, "--shard", "1/2"],
        "parley: --shard cannot be used with --shard: it splits the Monte Carlo draws of --samples, and none were asked for\n",
      ],
      [
        ["compare", U, "scenarios/ukraine-2025-us-walks-away.yaml", "--shard", "1/2"],
        "parley: two files cannot be used with --shard: a comparison of two versions explains each change with both analyses at hand; --shard splits the survival table (three or more files, or --survival)\n",
      ],
    ];
    for (const [args, message] of cases) {
      const r = await parley(...args);
      expect([r.code, r.stdout, r.stderr]).toEqual([2, "", message]);
    }
  });

  it("merge names the file and the problem: missing, repeated, from another run, damaged", async () => {
    const { d, files } = await partials(["--seed", "1"]);
    const [p1, p2, p3] = files;
    const expectError = async (args: string[], message: string) => {
      const r = await parley("merge", ...args);
      expect([r.code, r.stdout, r.stderr]).toEqual([2, "", `parley: ${message}\n`]);
    };
    await expectError([p1, p3], "shard 2/3 is missing: 2 of 3 partial results given");
    await expectError([p1], "shards 2/3, 3/3 are missing: 1 of 3 partial results given");
    await expectError([p1, p2, p2, p3], `${p2} and ${p2} are both shard 2/3: give each shard once`);

    const other = join(d, "seed2.json");
    await parley("robustness", "scenarios/prisoners-dilemma.yaml", "--seed", "2", "--shard", "2/3", "-o", other);
    await expectError(
      [p1, other, p3],
      `${other}: its option seed differs from ${p1}'s (2, not 1): partials to merge come from one command line, shard i/n for every i`,
    );

    const four = join(d, "four.json");
    await parley("robustness", "scenarios/prisoners-dilemma.yaml", "--shard", "2/4", "-o", four);
    await expectError(
      [p1, four, p3],
      `${four}: its number of shards differs from ${p1}'s (/4, not /3): partials to merge come from one command line, shard i/n for every i`,
    );

    const chicken = join(d, "chicken.json");
    await parley("robustness", "scenarios/chicken.yaml", "--shard", "2/3", "-o", chicken);
    const r = await parley("merge", p1, chicken, p3);
    expect(r.stderr).toMatch(
      new RegExp(
        `^parley: ${chicken}: its scenario differs from ${p1}'s \\(scenarios/chicken\\.yaml sha256:[0-9a-f]{12}…, not scenarios/prisoners-dilemma\\.yaml`,
      ),
    );

    const tampered = join(d, "tampered.json");
    const data = JSON.parse(readFileSync(p2, "utf8"));
    data.scenarios[0].text += "\n# changed\n";
    writeFileSync(tampered, JSON.stringify(data));
    await expectError(
      [p1, tampered, p3],
      `${tampered}: the text of scenario scenarios/prisoners-dilemma.yaml does not match its hash ${data.scenarios[0].hash}: the file was changed after it was written`,
    );

    const notJson = join(d, "not.json");
    writeFileSync(notJson, "hello");
    const nj = await parley("merge", notJson);
    expect(nj.stderr).toMatch(new RegExp(`^parley: ${notJson}: not JSON \\(.*\\); a partial result is the JSON a command writes with --shard\\n$`));
    const result = join(d, "result.json");
    writeFileSync(result, (await parley("robustness", "scenarios/prisoners-dilemma.yaml", "-f", "json")).stdout);
    await expectError(
      [result],
      `${result}: not a partial result: its format is 'parley-robustness/1', not 'parley-partial/1' (the output of a command run with --shard i/n)`,
    );
    const newer = join(d, "newer.json");
    writeFileSync(newer, JSON.stringify({ ...data, format: "parley-partial/2" }));
    await expectError(
      [newer],
      `${newer}: 'parley-partial/2' is a partial format this Parley does not read (it reads 'parley-partial/1'): merge with the Parley that wrote it`,
    );
    const broken = join(d, "broken.json");
    writeFileSync(broken, JSON.stringify({ ...data, loops: [{ samples: 3 }] }));
    await expectError([broken], `${broken}: no valid Monte Carlo records (loops); the file is damaged or not as --shard wrote it`);

    await expectError([p1, p2, p3, "-f", "csv"], "robustness prints text, md, json, html, not csv");
    const ok = await parley("merge", p3, p1, p2);
    expect(ok.stdout).toBe((await parley("robustness", "scenarios/prisoners-dilemma.yaml", "--seed", "1")).stdout);
  });
});

describe("the deployment files of docs/scale.md", () => {
  const ARGS = "--samples 300 --exact-limit 1 --seed 5 -c Nash,SEQ";
  const expected = async () => (await parley("robustness", U, ...ARGS.split(" "), "-f", "md")).stdout;
  const sh = (script: string, env: Record<string, string>, shell = "/bin/sh") => {
    const r = spawnSync(shell, ["-c", script], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" });
    expect([r.status, r.stderr.replace(/^wrote .*\n/gm, "")]).toEqual([0, ""]);
    return r.stdout;
  };

  it("the Slurm job array: four tasks of shard.sbatch, then merge.sbatch, give one run's output", async () => {
    const d = dir();
    const env = { PARLEY: `${process.execPath} ${bin}`, SCENARIO: U, PARTS: join(d, "parts"), ARGS, RESULT: join(d, "robustness.md"), FORMAT: "md" };
    const shard = readFileSync(join(root, "deploy/slurm/shard.sbatch"), "utf8");
    expect(shard).toMatch(/^#SBATCH --array=1-\d+$/m);
    for (let i = 1; i <= 4; i++) sh(shard, { ...env, SLURM_ARRAY_TASK_ID: `${i}`, SLURM_ARRAY_TASK_COUNT: "4", SLURM_CPUS_PER_TASK: "1" }, "bash");
    sh(readFileSync(join(root, "deploy/slurm/merge.sbatch"), "utf8"), env, "bash");
    expect(readFileSync(env.RESULT, "utf8")).toBe(await expected());
    expect(readFileSync(join(root, "deploy/slurm/submit.sh"), "utf8")).toContain('sbatch --dependency="afterok:$array" merge.sbatch');
  });

  it("the Kubernetes Indexed Job: each index's script, then the merge Job's, give one run's output", async () => {
    const d = dir();
    // `parley` on the PATH, as in the image of deploy/Dockerfile.
    mkdirSync(join(d, "bin"));
    writeFileSync(join(d, "bin/parley"), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
    chmodSync(join(d, "bin/parley"), 0o755);
    const path = `${join(d, "bin")}:${process.env.PATH}`;
    const docs = parseAllDocuments(readFileSync(join(root, "deploy/k8s/shards.yaml"), "utf8")).map((x) => x.toJSON());
    const job = docs.find((x) => x.kind === "Job");
    expect(job.spec).toMatchObject({ completionMode: "Indexed" });
    const container = job.spec.template.spec.containers[0];
    const shards = container.env.find((e: { name: string }) => e.name === "SHARDS").value;
    expect([job.spec.completions, job.spec.parallelism]).toEqual([Number(shards), Number(shards)]);
    expect(container.env.find((e: { name: string }) => e.name === "PARTS").value).toBe("/data/parts");
    const env = { PATH: path, SHARDS: "4", SCENARIO: U, PARTS: join(d, "parts"), ARGS };
    for (let k = 0; k < 4; k++) sh(container.args[0], { ...env, JOB_COMPLETION_INDEX: `${k}` });
    const merge = parseAllDocuments(readFileSync(join(root, "deploy/k8s/merge.yaml"), "utf8"))[0].toJSON();
    const out = sh(merge.spec.template.spec.containers[0].args[0], { PATH: path, PARTS: env.PARTS, RESULT: join(d, "robustness.md") });
    expect(out).toBe(await expected());
  });
});

describe("docs/scale.md", () => {
  it("links every file in deploy/, and every file it links exists", () => {
    const text = readFileSync(join(root, "docs/scale.md"), "utf8");
    const linked = [...text.matchAll(/\]\(\.\.\/([^)#]+)\)/g)].map((m) => m[1]);
    for (const f of linked) expect(existsSync(join(root, f)), f).toBe(true);
    const deploy = readdirSync(join(root, "deploy"), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(root.length + 1));
    expect(deploy.length).toBeGreaterThanOrEqual(6);
    for (const f of deploy) expect(linked, f).toContain(f);
    // The commands that take --shard are the ones it lists.
    for (const c of ["robustness", "forecast", "bargain --samples N", "compare A B C …"]) expect(text).toContain(`| \`${c}`);
  });
});
