/**
 * `parley ingest`: clean, understand, code and draft on small hand-made
 * articles, with the properties that must hold for any input.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { GAZETTEER_FILE } from "../src/cli/commands/ingest.js";
import { cleanArticle } from "../src/ingest/clean.js";
import { parseSourceString } from "../src/ingest/draft.js";
import { extractHtmlWithReadability } from "../src/ingest/html.js";
import { ingestArticle, loadGazetteer } from "../src/ingest/ingest.js";
import { ParleyError } from "../src/model/errors.js";
import { parseScenario } from "../src/model/validate.js";

const gazetteer = loadGazetteer(readFileSync(GAZETTEER_FILE, "utf8"));
const ingest = (text: string, name = "a.txt") => ingestArticle(text, { name, gazetteer, extractHtml: extractHtmlWithReadability });

describe("clean", () => {
  it("drops a repeated title and a near-verbatim repeated paragraph, keeping offsets into the original", () => {
    const input = "Talks stall\n\nTalks stall\n\nRussia demanded a ceasefire before any talks on Monday.\nIt said so twice.\n\nUkraine refused.\n\nRussia demanded a ceasefire before any talks on Tuesday. It said so twice.\n";
    const c = cleanArticle(input, "text");
    expect(c.title).toBe("Talks stall");
    expect(c.dropped.map((d) => d.reason)).toEqual(["repeated-title", "repeated-paragraph"]);
    expect(input.slice(c.dropped[1].span.start, c.dropped[1].span.end)).toBe("Russia demanded a ceasefire before any talks on Tuesday. It said so twice.");
    expect(c.text).toBe("Russia demanded a ceasefire before any talks on Monday. It said so twice.\n\nUkraine refused.");
    // Every non-space character of the clean text is the original character at its offset.
    for (let i = 0; i < c.text.length; i++) if (!/\s/.test(c.text[i])) expect(input[c.origin[i]]).toBe(c.text[i]);
  });

  it("keeps a paragraph that is only similar (Jaccard below the threshold)", () => {
    const input = "Russia demanded a ceasefire before any talks with Ukraine on Monday.\n\nUkraine demanded security guarantees before any talks with Russia on Friday.";
    expect(cleanArticle(input, "text").dropped).toEqual([]);
  });

  it("reads Markdown: headings, emphasis and links removed, offsets still into the original", () => {
    const input = "# Title here\n\n**Doha** — Hamas [rejected](https://x.org/a) the *truce*.";
    const c = cleanArticle(input, "markdown");
    expect(c.title).toBe("Title here");
    expect(c.text).toBe("Doha — Hamas rejected the truce.");
    const at = c.text.indexOf("rejected");
    expect(input.slice(c.origin[at], c.origin[at + 7] + 1)).toBe("rejected");
  });

  it("reads HTML through Readability: navigation, footer and a repeated summary are left out", () => {
    const html = readFileSync("corpus/ingest/india-pakistan.html", "utf8");
    const c = cleanArticle(html, "html", extractHtmlWithReadability);
    expect(c.text).not.toMatch(/Subscribe|All rights reserved|Related stories/);
    expect(c.dropped.some((d) => d.reason === "repeated-paragraph")).toBe(true);
    const at = c.text.indexOf("Pakistan demanded");
    expect(html.slice(c.origin[at], c.origin[at] + 17)).toBe("Pakistan demanded");
    // An entity in the page (&rsquo;) maps to the entity's place.
    const q = c.text.indexOf("’s prime minister");
    expect(html.slice(c.origin[q], c.origin[q] + 7)).toBe("&rsquo;");
  });
});

describe("understand and code", () => {
  const r = ingest(
    `Russia demanded that Ukraine cede territory before any ceasefire. "We will never withdraw," President Putin said on Tuesday. The Russian leader hinted that he could meet Zelensky. Finland's president stressed the need for a ceasefire before negotiations. Trump put the new sanctions on hold and threatened tariffs unless Moscow agrees to a ceasefire. Zelensky did not rule out a summit.`,
  );
  const event = (sentence: number, kind: string) => r.events.find((e) => e.sentence === sentence && e.kind === kind);

  it("resolves titles, pronouns and quoted speakers to actors", () => {
    const m = (text: string) => r.mentions.find((x) => x.text === text);
    expect(m("We")).toMatchObject({ actor: "ru", kind: "speaker", person: "Vladimir Putin" });
    expect(m("Russian leader")).toMatchObject({ actor: "ru", kind: "title", person: "Vladimir Putin" });
    expect(m("he")).toMatchObject({ actor: "ru", kind: "pronoun" });
    expect(m("Finland's president")).toMatchObject({ actor: "eu", person: "Alexander Stubb" }); // fi acts for eu
  });

  it("codes demands with their conditions, hedges, negation, quotes and holds", () => {
    expect(event(0, "demand")).toMatchObject({ source: "ru", target: "ua", topic: "territory", plover: "REQUEST", cameo: { code: "10" }, condition: { kind: "before", topic: "ceasefire" } });
    expect(event(1, "act")).toMatchObject({ source: "ru", topic: "withdrawal", negated: true, quoted: true, plover: "RETREAT" });
    expect(event(2, "act")).toMatchObject({ source: "ru", target: "ua", topic: "summit", modality: "hinted" });
    expect(event(3, "demand")).toMatchObject({ source: "eu", topic: "ceasefire", modality: "insisted", condition: { kind: "before", topic: "talks" } });
    expect(event(4, "hold")).toMatchObject({ source: "us", topic: "sanctions", plover: "CONCEDE", cameo: { code: "08" }, modality: "on-hold" });
    expect(event(4, "threaten")).toMatchObject({ source: "us", topic: "tariffs", plover: "THREATEN", condition: { kind: "unless", topic: "ceasefire", actor: "ru" } });
    expect(event(5, "refuse")).toMatchObject({ source: "ua", topic: "summit", negated: true });
  });

  it("drafts a valid scenario whose sources point at the sentences in the original", () => {
    const s = r.draft.scenario;
    expect(() => parseScenario(stringify(s))).not.toThrow();
    const ids = s.decisionMakers.flatMap((d) => d.options.map((o) => o.id));
    expect(ids).toEqual(expect.arrayContaining(["ua_territory", "ru_withdrawal", "us_sanctions", "us_tariffs", "ru_ceasefire"]));
    expect(JSON.stringify(s.preferences.ru)).toContain('"if":"ru_ceasefire","then":"ua_territory"');
    expect(JSON.stringify(s.preferences.us)).toContain('"if":"!ru_ceasefire","then":"us_tariffs"');
    expect(JSON.stringify(s.preferences.ru)).toContain('"statement":"!ru_withdrawal"');
    expect(JSON.stringify(s.preferences.ru)).toContain('"statement":"!us_tariffs"');
    for (const el of r.draft.elements) {
      expect(el.confidence).toBeGreaterThan(0);
      expect(el.confidence).toBeLessThanOrEqual(1);
      for (const src of el.sources) expect(r.sentences[src.sentence].span).toEqual({ start: src.start, end: src.end });
    }
    const src = parseSourceString(s.decisionMakers[0].options[0].sources![0])!;
    expect(src.article).toBe("a.txt");
    expect(src.sentence).toBeGreaterThanOrEqual(0);
  });
});

describe("ingest of any text", () => {
  it("never throws anything but ParleyError, and any draft it returns validates (property)", () => {
    const words = fc.constantFrom("Russia", "Ukraine", "demanded", "rejected", "a", "ceasefire", "talks", "before", "he", "said", '"', ".", ",", "not", "offered", "sanctions", "on hold", "put", "\n\n", "<p>", "</p>", "Putin", "unless", "the");
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string()), { maxLength: 60 }), (parts) => {
        const text = parts.join(" ");
        try {
          const r = ingest(text);
          expect(() => parseScenario(stringify(r.draft.scenario))).not.toThrow();
        } catch (e) {
          if (!(e instanceof ParleyError)) throw e;
        }
      }),
      { numRuns: 150 },
    );
  });
});
