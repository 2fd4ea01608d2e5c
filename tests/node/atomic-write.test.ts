/**
 * The one atomic writer (src/node/atomic-write.ts) behind `-o FILE` and the
 * workbench's saves: what it does with symbolic links, devices, folders and
 * missing folders (issue 13), through the CLI and directly.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { TargetError, writeFileAtomic, writeFileAtomicSync } from "../../src/node/atomic-write.js";
import { Workspace } from "../../src/server/workspace.js";
import { parley } from "../helpers/cli.js";

const root = resolve(import.meta.dirname, "../..");
const chicken = join(root, "scenarios/chicken.yaml");
const temporaries = (d: string) => readdirSync(d).filter((f) => f.endsWith(".tmp"));

describe("parley … -o FILE", () => {
  it("writes through a symbolic link to its file, and the link stays a link", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-aw-"));
    writeFileSync(join(dir, "real.csv"), "old\n");
    symlinkSync("real.csv", join(dir, "link.csv"));
    const refused = await parley("analyze", chicken, "-f", "csv", "-o", join(dir, "link.csv"));
    expect([refused.code, refused.stderr]).toEqual([2, `parley: ${join(dir, "link.csv")} already exists; use --force to overwrite it\n`]);
    const r = await parley("analyze", chicken, "-f", "csv", "-o", join(dir, "link.csv"), "--force");
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, "link.csv")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.csv"))).toBe("real.csv");
    expect(readFileSync(join(dir, "real.csv"), "utf8")).toMatch(/^state,pattern,a_swerves/);
    expect(temporaries(dir)).toEqual([]);
  });

  it("writes to a device directly (a link to /dev/null stays a link, /dev/null a device), without --force", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-aw-"));
    symlinkSync("/dev/null", join(dir, "null"));
    for (const target of [join(dir, "null"), "/dev/null"]) {
      const r = await parley("analyze", chicken, "-f", "csv", "-o", target, "--force");
      expect([r.code, r.stderr]).toEqual([0, `wrote ${target}\n`]);
    }
    expect(lstatSync(join(dir, "null")).isSymbolicLink()).toBe(true);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(["null"]);
  });

  it("-o /dev/stdout --force is standard output, and /dev/stdout stays what it was", async () => {
    const before = lstatSync("/dev/stdout");
    const r = await parley("analyze", chicken, "-f", "csv", "-o", "/dev/stdout", "--force");
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toMatch(/^state,pattern,a_swerves/);
    const after = lstatSync("/dev/stdout");
    expect([after.isSymbolicLink(), after.ino]).toEqual([before.isSymbolicLink(), before.ino]);
  });

  it("-o /dev/stderr writes into standard error when it is a socket or pipe (which have no path to open)", () => {
    const r = spawnSync(process.execPath, [join(root, "dist/cli/main.js"), "analyze", chicken, "-f", "csv", "-c", "Nash", "-o", "/dev/stderr"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^state,pattern,a_swerves,b_swerves,rank_a,rank_b,Nash_a,Nash_b,Nash_equilibrium\n(.*\n){4}wrote \/dev\/stderr\n$/);
  });

  it("refuses a folder, a missing folder and a dangling link, naming the path, with no temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-aw-"));
    mkdirSync(join(dir, "sub"));
    symlinkSync("gone.csv", join(dir, "dangling.csv"));
    const cases: [string, string][] = [
      [join(dir, "sub"), `${join(dir, "sub")} is a directory; give a file name`],
      [join(dir, "missing", "x.csv"), `cannot write ${join(dir, "missing", "x.csv")}: the folder ${join(dir, "missing")} does not exist`],
      [join(dir, "dangling.csv"), `cannot write ${join(dir, "dangling.csv")}: it is a symbolic link to a file that does not exist; give the file's own name`],
    ];
    for (const [target, message] of cases) {
      const r = await parley("report", chicken, "-o", target, "--force");
      expect([r.code, r.stderr]).toEqual([2, `parley: ${message}\n`]);
    }
    expect(readdirSync(dir).sort()).toEqual(["dangling.csv", "sub"]);
    expect(readdirSync(join(dir, "sub"))).toEqual([]);
  });

  it("refuses a FIFO when devices are not allowed (the server)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-aw-"));
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    expect(() => writeFileAtomicSync(fifo, "x")).toThrow(TargetError);
    await expect(writeFileAtomic(fifo, "x")).rejects.toThrow(`${fifo} is a FIFO, not a regular file`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});

describe("writeFileAtomicSync", () => {
  it("writes chunks, keeps the file's mode, and leaves the old file whole when producing the chunks fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-aw-"));
    const file = join(dir, "out.txt");
    writeFileSync(file, "old\n", { mode: 0o600 });
    writeFileAtomicSync(file, ["a", "b\n"]);
    expect(readFileSync(file, "utf8")).toBe("ab\n");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    function* failing() {
      yield "partial";
      throw new Error("renderer failed");
    }
    expect(() => writeFileAtomicSync(file, failing())).toThrow("renderer failed");
    expect(readFileSync(file, "utf8")).toBe("ab\n");
    expect(temporaries(dir)).toEqual([]);
    expect(() => writeFileAtomicSync(file, "x", { overwrite: false, overwriteHint: "use --force" })).toThrow(`${file} already exists; use --force`);
  });
});

describe("the workbench's saves", () => {
  it("go through the same writer: a folder where the file should be is refused and left alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-aw-ws-"));
    mkdirSync(join(dir, "x.yaml"));
    const ws = new Workspace(dir);
    await expect(ws.write("x.yaml", "a: 1\n", { overwrite: true })).rejects.toMatchObject({
      status: 400,
      code: "not-a-file",
      message: "could not save: 'x.yaml' is a directory; give a file name",
    });
    expect(statSync(join(dir, "x.yaml")).isDirectory()).toBe(true);
    expect(temporaries(dir)).toEqual([]);
  });
});
