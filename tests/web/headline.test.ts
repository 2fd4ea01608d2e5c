/**
 * The workbench's first screen: the report's bottom line, written by the
 * worker a piece at a time (a long request, answered around other requests,
 * stopped when a newer version comes), is the report's own, block for block.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/index.js";
import { buildReport, reportDocument, type Block } from "../../src/api/present.js";
import { EngineSession } from "../../web/src/workers/engine/session.js";
import { slowScheduler } from "../helpers/scheduler.js";
import { todayUtc } from "../../web/src/workers/engine/forecast.js";
import type { FromWorker, HeadlineView } from "../../web/src/protocol/engine.js";

const root = resolve(import.meta.dirname, "../..");
// The default scenario as it was before issue 16 (frozen), with two of its three what-ifs (the third is not there: skipped).
const readV1 = (f: string) => readFileSync(resolve(root, "tests/fixtures/views", f.replace("ukraine-2025", "ukraine-2025-v1")), "utf8");
const FILE = "ukraine-2025.yaml";
const related = ["ukraine-2025-us-walks-away.yaml", "ukraine-2025-us-air-guarantee.yaml"].map((file) => ({ file, text: readV1(file) }));

describe("the first screen's bottom line", () => {
  it("is the report's bottom line, block for block, with the what-ifs that were found", () => {
    const session = new EngineSession();
    expect(session.handle({ type: "load", text: readV1(FILE), file: FILE }, () => {}).ok).toBe(true);
    const phases: string[] = [];
    const view = session.handle({ type: "headline", related }, (p) => phases.push(p));
    const today = todayUtc();
    const model = loadModel(readV1(FILE), FILE);
    const titles = new Map(model.scenario.whatIfs!.map((w) => [w.file, w.title!]));
    const report = buildReport(
      model,
      related.map((r) => ({ title: titles.get(r.file)!, file: r.file, model: loadModel(r.text, r.file) })),
      { today },
    );
    const blocks = reportDocument(report).blocks;
    const start = blocks.findIndex((b) => b.kind === "heading" && b.text === `Bottom line, computed ${longDate(today)}`);
    const end = blocks.findIndex((b, k) => k > start && b.kind === "heading" && b.level === 2 && b.text === "1. The model");
    expect(start).toBeGreaterThan(0);
    expect(view).toEqual({ version: 1, blocks: blocks.slice(start, end), skipped: ["ukraine-2025-europe-drops-ceasefire-first.yaml"], stopped: false });
    // The what-ifs that move play are among the blocks: the what-ifs were read.
    expect(JSON.stringify(view.blocks)).toContain("where play goes from today in each");
    // Piece by piece: each what-if, each single change of the preferences, then the forecast.
    expect(phases.filter((p) => p.startsWith("reading the what-if"))).toHaveLength(2);
    expect(phases.filter((p) => p.startsWith("weighing each single change")).length).toBeGreaterThan(10);
    expect(phases.at(-1)).toBe("forecasting where play goes");
  });

  it("runs in slices: a click on a state is answered before it ends, and a stop ends it without blocks", async () => {
    const posted: FromWorker[] = [];
    const scheduler = slowScheduler(posted, (turn, s) => {
      if (turn === 1) s.receive({ id: 3, request: { type: "explain", state: 1 } });
      if (turn === 3) s.receive({ stop: 2 });
    });
    scheduler.receive({ id: 1, request: { type: "load", text: readV1(FILE), file: FILE } });
    scheduler.receive({ id: 2, request: { type: "headline", related: [] } });
    await scheduler.pump();
    expect(posted.filter((m) => m.kind === "done").map((m) => m.id)).toEqual([1, 3, 2]);
    const r = (posted.find((m) => m.kind === "done" && m.id === 2) as { result: HeadlineView }).result;
    expect(r).toEqual({ version: 1, blocks: [] as Block[], skipped: FILES_NOT_GIVEN, stopped: true });
  });
});

const FILES_NOT_GIVEN = ["ukraine-2025-us-walks-away.yaml", "ukraine-2025-us-air-guarantee.yaml", "ukraine-2025-europe-drops-ceasefire-first.yaml"];

/** "2026-12-07" -> "7 December 2026", as the report dates its bottom line. */
function longDate(d: string): string {
  return new Date(`${d}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}
