/**
 * The news-format matcher (src/ingest/evaluate-news.ts) on sentences of the
 * repository's own words.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GAZETTEER_FILE } from "../../src/cli/paths.js";
import { scoreNewsArticle, type NewsGold } from "../../src/ingest/evaluate-news.js";
import { ingestArticle, loadGazetteer } from "../../src/ingest/ingest.js";

const gazetteer = loadGazetteer(readFileSync(GAZETTEER_FILE, "utf8"));

describe("news-format matching", () => {
  it("a gold quote with an ellipsis matches its sentence, which has the same ellipsis", () => {
    const r = ingestArticle("Brazil imposed tariffs on Mexican beef. “Mexico must ... open its markets to our farmers,” Brazilian President Lula said.", {
      name: "a.txt",
      gazetteer,
    });
    const gold: NewsGold = {
      actors: { Brazil: ["Brazil", "Brazilian President Lula"], Mexico: ["Mexico"] },
      events: [{ actor: "Brazil", type: "REQUEST", quote: "Mexico must ... open its markets to our farmers" }],
      expectedOptions: { Mexico: ["open Mexican markets to Brazilian farmers"] },
      expectedPreferences: [{ actor: "Brazil", statement: "Mexico opens its markets", quote: "Mexico must ... open its markets to our farmers" }],
    };
    const s = scoreNewsArticle(r, gold);
    expect(s.missed.events).toEqual([]);
    expect(s.missed.preferences).toEqual([]);
    expect(s.missed.options).toEqual([]);
  });
});
