/**
 * `npm run eval:ingest -- --corpus DIR` on a folder in the news format
 * (NAME.txt beside NAME.gold.json). The fixture is a short article in the
 * repository's own words; no test reads a corpus outside the repository.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { evaluateNewsCorpus } from "../../scripts/eval-ingest.js";
import { newsPrecision, newsRecall } from "../../src/ingest/evaluate-news.js";

const DIR = "tests/fixtures/news-eval";

describe("eval:ingest on a news-format folder", () => {
  it("scores actors, events, options and preferences per article and in total", () => {
    const s = evaluateNewsCorpus(DIR);
    expect(s.articles.map((a) => a.name)).toEqual(["harbour-talks"]);
    const a = s.articles[0].score;
    expect(a.actorMap).toEqual({ valdoria: "Valdoria", corland: "Corland" });
    expect(a.actors).toEqual({ found: 2, correct: 2, gold: 3, recalled: 2 });
    expect(a.missed.actors).toEqual(["Lake Union"]);
    expect(a.events).toEqual({ found: 2, correct: 2, gold: 2, recalled: 2 });
    // "Halt construction" is an option of Corland; the court case is not in the text.
    expect(a.missed.options).toEqual(["Corland: take the case to court"]);
    expect(newsRecall(s.total.options)).toBeCloseTo(2 / 3);
    expect(newsPrecision(s.total.preferences)).toBeCloseTo(1 / 2);
  });

  it("prints a table with the total", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/eval-ingest.ts", "--corpus", DIR], { encoding: "utf8" });
    expect(out).toMatch(/harbour-talks\s+100\.0%\s+66\.7%/);
    expect(out).toMatch(/all \(micro-average\)/);
    expect(out).toContain("options 2/2, 2/3");
  });
});
