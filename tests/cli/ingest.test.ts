/**
 * `parley ingest` from the command line: drafts that validate, updates that
 * write nothing without --write, bad input refused with a clear message and
 * exit code 2, and the evaluation held above its floors.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateCorpus, HELDOUT_DIR, CORPUS_DIR } from "../../scripts/eval-ingest.js";
import { precision, recall } from "../../src/ingest/evaluate.js";
import { parley } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "parley-ingest-"));
let n = 0;
function file(content: string | Buffer, ext = "txt"): string {
  const path = join(dir, `case${++n}.${ext}`);
  writeFileSync(path, content);
  return path;
}

async function refused(args: string[], message: string | RegExp) {
  const r = await parley("ingest", ...args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/); // no stack trace
  if (typeof message === "string") expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
}

describe("parley ingest", () => {
  it("drafts a scenario that passes parley validate, with sources into the article", async () => {
    const out = join(dir, "draft.yaml");
    const r = await parley("ingest", "corpus/ingest/ukraine-talks.txt", "-o", out);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`wrote ${out}\n`);
    const v = await parley("validate", out);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^ok .*4 decision makers, 9 options/);
    const text = readFileSync(out, "utf8");
    expect(text).toContain("ukraine-talks.txt:");
    // Writing again without --force is refused; with it, allowed.
    await refused(["corpus/ingest/ukraine-talks.txt", "-o", out], "already exists; use --force to overwrite it");
    expect((await parley("ingest", "corpus/ingest/ukraine-talks.txt", "-o", out, "--force")).code).toBe(0);
  });

  it("prints a review sheet (md) and everything as JSON", async () => {
    const md = await parley("ingest", "corpus/ingest/gaza-hostages.md", "-f", "md");
    expect(md.stdout).toContain("| 2 | hamas | demand | REQUEST | 10 Demand | withdrawal | il | insisted | before hostages |");
    const json = JSON.parse((await parley("ingest", "corpus/ingest/gaza-hostages.md", "-f", "json")).stdout);
    expect(json.title).toBe("Mediators press for hostage deal as Gaza truce talks resume");
    expect(json.dropped.map((d: { reason: string }) => d.reason)).toEqual(["repeated-title", "repeated-paragraph"]);
    expect(json.events.length).toBeGreaterThan(5);
  });

  it("extends the gazetteer with --gazetteer, and reports a bad gazetteer with its place", async () => {
    const r = await parley("ingest", "corpus/ingest/river-dispute.txt", "--gazetteer", "corpus/ingest/river-dispute.gazetteer.yaml", "-f", "json");
    expect(JSON.parse(r.stdout).actors.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(["vd", "co"]));
    const bad = file("format: parley-gazetteer/1\nactors:\n  - { id: x, name: X, actsFor: nowhere }\n", "yaml");
    await refused(["corpus/ingest/river-dispute.txt", "--gazetteer", bad], "actor 'x' acts for 'nowhere', which is not in the gazetteer");
  });

  it("shows what an article changes in a scenario and writes nothing without --write", async () => {
    const scenario = join(dir, "ukraine.yaml");
    copyFileSync("scenarios/ukraine-2025.yaml", scenario);
    const before = readFileSync(scenario, "utf8");
    const r = await parley("ingest", "--update", scenario, "corpus/ingest/ukraine-talks.txt");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("+ option: us: Keep supplying weapons (us_aid)");
    expect(r.stdout).toContain("= stance confirmed: ru: !us_sanctions");
    expect(r.stdout).toContain("Nothing written: add --write to apply these changes.");
    expect(readFileSync(scenario, "utf8")).toBe(before);
    const w = await parley("ingest", "--update", scenario, "corpus/ingest/ukraine-talks.txt", "--write");
    expect(w.code).toBe(0);
    expect(w.stderr).toContain(`updated ${scenario}`);
    const after = readFileSync(scenario, "utf8");
    expect(after).toContain("id: us_aid");
    expect(after).toContain("# yaml-language-server"); // comments kept
    expect((await parley("validate", scenario)).code).toBe(0);
  });

  it("refuses --write without --update", async () => {
    await refused(["corpus/ingest/ukraine-talks.txt", "--write"], "--write applies only with --update SCENARIO");
  });
});

describe("parley ingest: bad input", () => {
  it("an empty file", async () => {
    const f = file("  \n\n ");
    await refused([f], `${f.split("/").pop()} is empty: there is no text to read`);
  });

  it("binary data", async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 73 + 11) % 256;
    await refused([file(bytes, "bin")], "looks like binary data, not text");
  });

  it("an HTML page with no article", async () => {
    await refused(
      [file("<!doctype html><html><head><title>Home</title></head><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav></body></html>", "html")],
      "no article text found in the HTML page",
    );
  });

  it("a 5 MB page: the limit and how to raise it", async () => {
    const big = `<html><body>${"<p>The talks went on for hours and nobody agreed to anything at all.</p>\n".repeat(72_000)}</body></html>`;
    expect(big.length).toBeGreaterThan(5_000_000);
    await refused([file(big, "html")], /has 5,\d{3},\d{3} characters, more than the limit of 2,000,000; raise it with --max-chars/);
  });

  it("text in another language", async () => {
    const es =
      "El gobierno anunció el martes que rechaza cualquier tregua mientras continúen los ataques en la frontera, según fuentes oficiales consultadas por este diario. Los mediadores piden calma.";
    await refused([file(es)], /does not look like English \(\d+% common English words, expected at least 12%\); parley ingest reads English news only/);
  });

  it("an article with nothing to code", async () => {
    await refused([file("The weather was mild on Tuesday and the markets were calm. Nothing else happened in the city.")], "found no moves in");
  });

  it("a missing file", async () => {
    await refused([join(dir, "nope.txt")], "no such file");
  });
});

describe("evaluation against the gold files (npm run eval:ingest)", () => {
  type Totals = ReturnType<typeof evaluateCorpus>["total"];
  /** Precision and recall floors per kind: [precision, recall]. */
  const expectFloors = (t: Totals, floors: Record<"actors" | "events" | "draft", [number, number]>) => {
    for (const kind of ["actors", "events", "draft"] as const) {
      expect(precision(t[kind]), `${kind} precision`).toBeGreaterThanOrEqual(floors[kind][0]);
      expect(recall(t[kind]), `${kind} recall`).toBeGreaterThanOrEqual(floors[kind][1]);
    }
  };

  // Floors from the first honest measurement (docs/ingest.md#evaluation); raise them, never lower them.
  it("development corpus", () => {
    expectFloors(evaluateCorpus(CORPUS_DIR).total, { actors: [0.95, 0.95], events: [0.95, 0.95], draft: [0.95, 0.95] });
  });

  // Raised after the second round (5 articles, measured 100/100, 89.7/87.5, 88.2/86.2): docs/ingest.md#evaluation.
  it("held-out corpus", () => {
    expectFloors(evaluateCorpus(HELDOUT_DIR).total, { actors: [1, 1], events: [0.89, 0.87], draft: [0.88, 0.86] });
  });
});
