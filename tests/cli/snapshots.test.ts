/**
 * The CLI's outputs on the shipped scenarios, byte for byte. A change to any of
 * them shows up here as a diff against tests/fixtures/snapshots/; when the
 * change is intended, `npx vitest run tests/cli/snapshots.test.ts -u` rewrites
 * the files and the diff is reviewed with the commit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parley } from "../helpers/cli.js";

const U = "scenarios/ukraine-2025.yaml";
const E = "scenarios/elmira.yaml";
const C = "scenarios/chicken.yaml";
const P = "scenarios/prisoners-dilemma.yaml";
const W = "scenarios/ukraine-2025-us-walks-away.yaml";

/** name of the snapshot file -> argv. */
// 51 runs before the outputs became documents (issue 14); the .html runs are the documents' pages.
const RUNS: Record<string, string[]> = {
  "report.txt": ["report"],
  "report-appendix.txt": ["report", "--appendix"],
  "report.md": ["report", "-f", "md"],
  "report.html": ["report", "-f", "html"],
  "report.json": ["report", "-f", "json"],
  "report-elmira.txt": ["report", E],
  "analyze-ukraine.txt": ["analyze", U],
  "analyze-ukraine.json": ["analyze", U, "-f", "json"],
  "analyze-elmira.csv": ["analyze", E, "-f", "csv"],
  "analyze-elmira.md": ["analyze", E, "-f", "md", "-c", "Nash,GMR,SMR,SEQ,SIM,SEQ+SIM"],
  "analyze-chicken.txt": ["analyze", C],
  "analyze-pd.json": ["analyze", P, "-f", "json"],
  "analyze-elmira.html": ["analyze", E, "-f", "html"],
  "states-elmira.html": ["states", E, "-f", "html", "--limit", "5"],
  "validate-ukraine.html": ["validate", U, "-f", "html"],
  "explain-elmira.html": ["explain", E, "1", "-c", "GMR,SEQ", "-f", "html"],
  "compare-ukraine-walks.html": ["compare", U, W, "-f", "html"],
  "compare-survival.html": ["compare", U, W, "scenarios/ukraine-2025-us-air-guarantee.yaml", "-f", "html"],
  "explain-elmira.txt": ["explain", E, "1", "-c", "GMR,SEQ"],
  "explain-elmira.json": ["explain", E, "3", "-f", "json"],
  "paths-ukraine.txt": ["paths", U],
  "paths-ukraine.md": ["paths", U, "-f", "md"],
  "paths-ukraine.json": ["paths", U, "-f", "json"],
  "paths-ukraine.html": ["paths", U, "-f", "html"],
  "foresight-ukraine.txt": ["foresight", U, "--variant", "rotation"],
  "foresight-chicken.json": ["foresight", C, "-f", "json"],
  "compare-ukraine-walks.txt": ["compare", U, W],
  "compare-ukraine-walks.json": ["compare", U, W, "-f", "json"],
  "compare-survival.md": ["compare", U, W, "scenarios/ukraine-2025-us-air-guarantee.yaml", "-f", "md"],
  "inverse-ukraine.txt": ["inverse", U, "--target", "1"],
  "inverse-ukraine.json": ["inverse", U, "--target", "1", "-f", "json"],
  "inverse-ukraine.html": ["inverse", U, "--target", "1", "-f", "html"],
  "robustness-ukraine.txt": ["robustness", U],
  "robustness-ukraine.json": ["robustness", U, "-f", "json"],
  "robustness-ukraine.html": ["robustness", U, "-f", "html"],
  "unknown-ukraine.txt": ["unknown", U],
  "unknown-ukraine.md": ["unknown", U, "-f", "md"],
  "coalitions-ukraine.txt": ["coalitions", U],
  "coalitions-elmira.json": ["coalitions", E, "-f", "json"],
  // Trump's and Europe's readings of Putin change hundreds of states under the threat-based concepts: Nash and SEQ
  // in text and HTML, Nash alone in JSON (which lists every state it changes; under SEQ, 0.7 MB).
  "hypergame-ukraine.txt": ["hypergame", U, "-c", "Nash,SEQ"],
  "hypergame-ukraine.json": ["hypergame", U, "-c", "Nash", "-f", "json"],
  "foresight-ukraine.html": ["foresight", U, "--variant", "rotation", "-f", "html"],
  "hypergame-ukraine.html": ["hypergame", U, "-c", "Nash,SEQ", "-f", "html"],
  "unknown-ukraine.html": ["unknown", U, "-f", "html"],
  "coalitions-ukraine.html": ["coalitions", U, "-f", "html"],
  "bargain.txt": ["bargain"],
  "bargain.csv": ["bargain", "-f", "csv"],
  "bargain.json": ["bargain", "-f", "json"],
  "states-elmira.txt": ["states", E],
  "states-elmira.csv": ["states", E, "-f", "csv"],
  "validate-ukraine.txt": ["validate", U],
  "validate-ukraine.json": ["validate", U, "-f", "json"],
  "export-elmira.gmcr": ["export", E],
  "forecast-ukraine.txt": ["forecast", U],
  "forecast-ukraine.md": ["forecast", U, "-f", "md"],
  "forecast-ukraine.csv": ["forecast", U, "-f", "csv"],
  "forecast-ukraine.json": ["forecast", U, "-f", "json"],
  "lint-ukraine.txt": ["lint", U],
  "lint-ukraine.json": ["lint", U, "-f", "json"],
  "score.txt": ["score", "tests/fixtures/forecast-log.jsonl", "--resolutions", "tests/fixtures/resolutions.yaml"],
  "score.json": ["score", "tests/fixtures/forecast-log.jsonl", "--resolutions", "tests/fixtures/resolutions.yaml", "-f", "json"],
  "bargain.html": ["bargain", "-f", "html"],
  "forecast-ukraine.html": ["forecast", U, "-f", "html"],
  "score.html": ["score", "tests/fixtures/forecast-log.jsonl", "--resolutions", "tests/fixtures/resolutions.yaml", "-f", "html"],
  "lint-ukraine.html": ["lint", U, "-f", "html"],
  "ingest-ukraine-talks.html": ["ingest", "corpus/ingest/ukraine-talks.txt", "-f", "html"],
  "ingest-update.html": ["ingest", "--update", U, "corpus/ingest/ukraine-talks.txt", "-f", "html"],
  "ingest-ukraine-talks.yaml": ["ingest", "corpus/ingest/ukraine-talks.txt"],
  "ingest-ukraine-talks.md": ["ingest", "corpus/ingest/ukraine-talks.txt", "-f", "md"],
  "ingest-update.txt": ["ingest", "--update", U, "corpus/ingest/ukraine-talks.txt"],
  "schema-analysis.json": ["schema", "parley-analysis/1"],
};

describe("CLI outputs on the shipped scenarios", () => {
  // The forecast is dated the day it is made; a fixed day keeps it comparable.
  beforeAll(() => {
    process.env.PARLEY_TODAY = "2026-12-07";
  });
  afterAll(() => {
    delete process.env.PARLEY_TODAY;
  });

  for (const [name, argv] of Object.entries(RUNS)) {
    it(`parley ${argv.join(" ")}`, async () => {
      const r = await parley(...argv);
      expect(r.stderr, r.stderr).toBe("");
      expect(r.code).toBe(0);
      await expect(r.stdout).toMatchFileSnapshot(`../fixtures/snapshots/${name}`);
    }, 60_000);
  }
});
