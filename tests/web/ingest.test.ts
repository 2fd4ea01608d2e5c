/**
 * The workbench's Ingest view, without a browser: what the worker returns for
 * an article (highlights that point at the right words, elements with the
 * YAML they become, the match with the scenario in the editor), and
 * accepting elements as edits of the scenario's YAML text.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/index.js";
import { extractHtmlWithReadability } from "../../src/ingest/html.js";
import { ingestArticle } from "../../src/ingest/ingest.js";
import { readArticle } from "../../src/ingest/readability.js";
import { ingestFailure, ingestView, loadGazetteer, userGazetteer } from "../../web/src/workers/engine/ingest.js";
import { gazetteerSummary, isGazetteerFile } from "../../web/src/page/views/ingest-gazetteer.js";
import { acceptElement, isPresent, PLACEHOLDER_NOTE, type AcceptContext } from "../../web/src/editor/ingest-edits.js";
import type { ElementView, IngestView } from "../../web/src/protocol/ingest.js";
import { setStatusQuo } from "../../web/src/editor/yaml-edits.js";
import { EditError } from "../../web/src/editor/yaml-text.js";

const root = resolve(import.meta.dirname, "../..");
const read = (p: string) => readFileSync(resolve(root, p), "utf8");
const gazetteer = loadGazetteer(read("data/gazetteer.yaml"));
const ukraine = read("scenarios/ukraine-2025.yaml");
const talks = read("corpus/ingest/ukraine-talks.txt");
const EMPTY = "format: parley/1\nname: From an article\ndecisionMakers: []\nstatusQuo: {}\npreferences: {}\n";

const view = (text: string, name: string, scenario?: string): IngestView =>
  ingestView({ text, name, ...(scenario ? { scenario: { text: scenario, file: "s.yaml" } } : {}) }, gazetteer);
const ctx = (v: IngestView): AcceptContext => ({ dms: v.dms, dmMap: v.dmMap, optionMap: v.optionMap });
const el = (v: IngestView, key: string): ElementView => {
  const e = v.elements.find((x) => x.key === key);
  if (!e) throw new Error(`no element ${key}: ${v.elements.map((x) => x.key).join(", ")}`);
  return e;
};
/** Lines of b that a does not have, and of a that b does not have. */
function lineDiff(a: string, b: string): { added: string[]; removed: string[] } {
  const la = a.split("\n");
  const lb = b.split("\n");
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const ca = count(la);
  const cb = count(lb);
  return {
    added: [...cb].flatMap(([l, n]) => Array(Math.max(0, n - (ca.get(l) ?? 0))).fill(l)),
    removed: [...ca].flatMap(([l, n]) => Array(Math.max(0, n - (cb.get(l) ?? 0))).fill(l)),
  };
}

describe("the article as the page shows it", () => {
  const v = view(talks, "ukraine-talks.txt", ukraine);

  it("highlights the words of each mention and each event's trigger", () => {
    expect(v.mentions.length).toBeGreaterThan(20);
    for (const m of v.mentions) expect(m.end).toBeGreaterThan(m.start);
    expect(v.mentions.map((m) => v.text.slice(m.start, m.end))).toEqual(expect.arrayContaining(["Kremlin", "Russian leader", "Finland's president", "He"]));
    const rejected = v.events.find((e) => e.kind === "refuse" && e.sourceName === "Russia" && /ceasefire/i.test(e.topicLabel))!;
    expect(v.text.slice(rejected.start, rejected.end)).toBe("rejected");
    expect(rejected).toMatchObject({ plover: "REJECT", cameo: { code: "12" }, modality: "stated", negated: false });
    // Every trigger's text is the verb the event names.
    for (const e of v.events) expect(v.text.slice(e.start, e.end).replace(/\s+/g, " ")).toBe(e.trigger.replace(/\s+/g, " "));
    // The sentence "He did not rule out a summit": negated.
    expect(v.events.find((e) => v.text.slice(e.start, e.end) === "rule out")?.negated).toBe(true);
  });

  it("lists parties, options, statements and constraints, each with its sentences and YAML", () => {
    const kinds = new Set(v.elements.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["constraint", "decisionMaker", "option", "preference", "statusQuo"]);
    for (const e of v.elements) {
      expect(e.sentences.length).toBeGreaterThan(0);
      for (const s of e.sentences) expect(s).toBeLessThan(v.sentences.length);
    }
    expect(el(v, "option:us_aid").item).toMatchObject({
      id: "us_aid",
      label: "Keep supplying weapons",
      sources: ["ukraine-talks.txt:791-854 (sentence 10, confidence 0.86)"],
    });
    expect(el(v, "pref:us:if !ru_ceasefire then us_sanctions").text).toBe(
      "United States prefers: if not Russia: agree to a ceasefire then United States: impose new sanctions",
    );
  });

  it("matches the draft's parties and options to the scenario's (as ingest --update does)", () => {
    expect(v.dmMap).toEqual({ us: "us", ua: "ua", ru: "ru", eu: "eu" });
    expect(v.optionMap).toMatchObject({ us_guarantees: "us_guarantee", ua_territory: "ua_concede", eu_troops: "eu_force" });
    expect(isPresent(ukraine, ctx(v), el(v, "option:eu_troops"))).toBe(true);
    expect(isPresent(ukraine, ctx(v), el(v, "option:us_aid"))).toBe(false);
    // "!ua_territory" is the scenario's "!ua_concede".
    expect(isPresent(ukraine, ctx(v), el(v, "pref:ua:!ua_territory"))).toBe(true);
  });

  it("reads an HTML page from the title and blocks the page's DOM found, as the CLI does", () => {
    const html = read("corpus/ingest/india-pakistan.html");
    const pre = readArticle(parseHTML(html).document);
    const w = ingestView({ text: html, name: "india-pakistan.html", html: pre }, gazetteer);
    const cli = ingestArticle(html, { name: "india-pakistan.html", gazetteer, extractHtml: extractHtmlWithReadability });
    expect(w.format).toBe("html");
    expect(w.text).toBe(cli.clean.text);
    expect(w.elements.map((e) => e.key)).toEqual(cli.draft.elements.map((e) => e.key));
  });

  it("says why an article cannot be read", () => {
    const fail = (text: string, html?: null) => {
      try {
        ingestView({ text, name: html === null ? "page.html" : "a.txt", ...(html === null ? { html } : {}) }, gazetteer);
      } catch (e) {
        return ingestFailure(e);
      }
      throw new Error("no error");
    };
    expect(fail("   \n")).toMatchObject({ code: "empty-input", message: expect.stringMatching(/is empty/) });
    expect(fail("<html><body><nav>Home</nav></body></html>", null)).toMatchObject({ code: "no-article" });
    expect(
      fail("Der Bundeskanzler sagte am Montag, dass die Gespräche über einen Waffenstillstand weitergehen würden, und die Regierung wartet."),
    ).toMatchObject({ code: "not-english" });
  });
});

describe("accepting elements into the scenario", () => {
  const v = view(talks, "ukraine-talks.txt", ukraine);

  it("adds a new option to its party with its sources and note, and nothing else changes", () => {
    const r = acceptElement(ukraine, ctx(v), el(v, "option:us_aid"));
    expect(r.added).toEqual(["option us_aid"]);
    const { added, removed } = lineDiff(ukraine, r.text);
    expect(removed).toEqual([]);
    expect(added).toEqual([
      "      - id: us_aid",
      "        label: Keep supplying weapons",
      `        note: 'From: "The United States pledged to keep supplying weapons to Ukraine."'`,
      "        sources:",
      "          - ukraine-talks.txt:791-854 (sentence 10, confidence 0.86)",
    ]);
    loadModel(r.text, "u.yaml");
    expect(parse(r.text).decisionMakers[0].options.map((o: { id: string }) => o.id)).toEqual(["us_guarantee", "us_sanctions", "us_walk_away", "us_aid"]);
    expect(isPresent(r.text, ctx(v), el(v, "option:us_aid"))).toBe(true);
    // Accepting it again changes nothing.
    expect(acceptElement(r.text, ctx(v), el(v, "option:us_aid"))).toEqual({ text: r.text, added: [] });
  });

  it("adds a statement with the scenario's ids, bringing the options it needs", () => {
    const r = acceptElement(ukraine, ctx(v), el(v, "pref:eu:if ru_talks then ru_ceasefire"));
    expect(r.added).toEqual(["option ru_talks", "statement of eu: if ru_talks then ru_ceasefire"]);
    loadModel(r.text, "u.yaml");
    // The default scenario writes Europe's preferences in the object form (with the assumption about their order).
    const eu = parse(r.text).preferences.eu.statements as { if?: string; then?: string; sources?: string[] }[];
    expect(eu[eu.length - 1]).toMatchObject({
      if: "ru_talks",
      then: "ru_ceasefire",
      sources: ["ukraine-talks.txt:267-356 (sentence 3, confidence 0.86)", "ukraine-talks.txt:357-464 (sentence 4, confidence 0.68)"],
    });
    expect(parse(r.text).decisionMakers[1].options.map((o: { id: string }) => o.id)).toContain("ru_talks");
    // A statement on a matched option is written with the scenario's id.
    const g = acceptElement(ukraine, ctx(v), el(v, "pref:us:us_guarantees"));
    expect(g.added).toEqual(["statement of us: us_guarantee"]);
    loadModel(g.text, "u.yaml");
  });

  it("builds a new scenario from nothing: a party with its option, then its statements in place of the placeholder", () => {
    let t = acceptElement(EMPTY, ctx(v), el(v, "dm:us")).text;
    expect(parse(t).preferences.us).toEqual([{ statement: "true", assumption: PLACEHOLDER_NOTE }]);
    loadModel(t, "n.yaml");
    t = acceptElement(t, ctx(v), el(v, "pref:us:if !ru_ceasefire then us_sanctions")).text;
    const data = parse(t);
    expect(data.decisionMakers.map((d: { id: string }) => d.id)).toEqual(["us", "ru"]);
    expect(data.preferences.us).toHaveLength(1);
    expect(data.preferences.us[0]).toMatchObject({ if: "!ru_ceasefire", then: "us_sanctions" });
    expect(data.preferences.ru[0].assumption).toBe(PLACEHOLDER_NOTE);
    t = acceptElement(t, ctx(v), el(v, "constraint:ru_ceasefire & ru_offensive")).text;
    expect(parse(t).infeasible[0]).toMatchObject({ condition: "ru_ceasefire & ru_offensive", sources: expect.any(Array) });
    loadModel(t, "n.yaml");
    expect(parse(t).decisionMakers[1].options.map((o: { id: string }) => o.id)).toEqual(["ru_ceasefire", "ru_offensive"]);
  });

  it("refuses what it cannot write, saying why", () => {
    expect(() => acceptElement("a: [", ctx(v), el(v, "option:us_aid"))).toThrow(/syntax error/);
    const ranked = read("scenarios/prisoners-dilemma.yaml");
    const u = view(talks, "ukraine-talks.txt", ranked);
    const withUs = acceptElement(ranked, ctx(u), el(u, "dm:us")).text;
    // A party whose preferences are a ranking of states takes no statements from the article.
    const rankedUs = withUs.replace(/ {2}us:\n {4}- statement: "true"\n {6}assumption: .*\n/, "  us:\n    ranking: [YNN-, NNN-]\n");
    if (rankedUs === withUs) throw new Error("test setup: the placeholder was not found");
    expect(() => acceptElement(rankedUs, ctx(u), el(u, "pref:us:us_aid"))).toThrow(EditError);
    expect(() => acceptElement(rankedUs, ctx(u), el(u, "pref:us:us_aid"))).toThrow(/ranking of states/);
  });

  it("any elements accepted in any order give a scenario that loads and holds each of them", () => {
    const all = v.elements;
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: 1, maxLength: 8 }), fc.boolean(), (picked, intoUkraine) => {
        let t = intoUkraine ? ukraine : EMPTY;
        for (const e of picked) t = acceptElement(t, ctx(v), e).text;
        loadModel(t, "p.yaml");
        for (const e of picked) expect(isPresent(t, ctx(v), e)).toBe(true);
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});

describe("a user gazetteer (as parley ingest --gazetteer FILE)", () => {
  const river = read("corpus/ingest/river-dispute.txt");
  const user = { text: read("corpus/ingest/river-dispute.gazetteer.yaml"), file: "river-dispute.gazetteer.yaml" };
  /** The failure of a gazetteer file, as the page shows it. */
  const failure = (text: string) => {
    try {
      userGazetteer(gazetteer, { text, file: "mine.gazetteer.yaml" });
    } catch (e) {
      return ingestFailure(e);
    }
    throw new Error("no error");
  };

  it("reads the article with its actors and topics, and says what it adds", () => {
    const { gazetteer: g, info } = userGazetteer(gazetteer, user);
    expect(info).toEqual({
      file: "river-dispute.gazetteer.yaml",
      added: ["Valdoria", "Corland"],
      replaced: [],
      topicsAdded: ["Build the Sarn dam", "Pursue the case in court"],
      topicsReplaced: [],
      titles: 0,
    });
    expect(gazetteerSummary(info)).toBe("built-in + river-dispute.gazetteer.yaml (adds Valdoria, Corland; 2 new topics)");
    const without = ingestView({ text: river, name: "river-dispute.txt" }, gazetteer);
    const withIt = ingestView({ text: river, name: "river-dispute.txt" }, g, undefined, "built-in + river-dispute.gazetteer.yaml");
    expect(without.gazetteer).toBe("built-in");
    expect(withIt.gazetteer).toBe("built-in + river-dispute.gazetteer.yaml");
    // Without it, the parties are named after the words used; with it, by the gazetteer's ids, and
    // "Marlow" (the foreign minister) speaks for Corland.
    expect(without.dms.map((d) => d.id)).toEqual(["valdoria", "corland", "lake_union"]);
    expect(withIt.dms.map((d) => d.id)).toEqual(["vd", "co", "lake_union"]);
    expect(withIt.dms[0].options.map((o) => o.id)).toContain("vd_dam");
    expect(withIt.mentions.find((m) => withIt.text.slice(m.start, m.end) === "Marlow")?.actor).toBe("co");
  });

  it("replaces a built-in entry with the same id", () => {
    const { gazetteer: g, info } = userGazetteer(gazetteer, {
      text: "format: parley-gazetteer/1\nactors:\n  - { id: ru, name: Muscovy, names: [Muscovy] }\n",
      file: "m.gazetteer.yaml",
    });
    expect(info.replaced).toEqual(["Muscovy"]);
    expect(g.actors.find((a) => a.id === "ru")?.name).toBe("Muscovy");
  });

  it("names each problem of a bad file with its line and column", () => {
    expect(failure("format: parley-gazetteer/1\nactors:\n  - id: 9lives\n    name: Cats\n")).toMatchObject({
      code: "invalid-gazetteer",
      file: "mine.gazetteer.yaml",
      issues: [{ line: 3, column: 9, at: "actors[0].id", message: expect.stringMatching(/must start with a letter/) }],
    });
    const actsFor = failure("format: parley-gazetteer/1\nactors:\n  - id: a\n    name: A\n  - id: b\n    name: B\n    actsFor: nowhere\n");
    expect(actsFor).toMatchObject({ code: "unknown-actor", issues: [{ line: 7, column: 14, at: "actors[1].actsFor" }] });
    expect(actsFor.message).toBe("mine.gazetteer.yaml:7:14: actor 'b' acts for 'nowhere', which is not in the gazetteer (at actors[1].actsFor)");
    expect(failure("format: parley-gazetteer/1\nactors:\n  - id: a\n    name: A\n  - id: a\n    name: A2\n").issues).toEqual([
      { message: "duplicate actor id 'a'", line: 5, column: 9, at: "actors[1].id" },
    ]);
    expect(failure("format: parley-gazetteer/1\nactors: [\n").issues?.[0]).toMatchObject({
      line: expect.any(Number),
      column: expect.any(Number),
      message: expect.stringMatching(/^YAML syntax error/),
    });
    expect(failure("format: parley/1\n").issues?.[0]).toMatchObject({ line: 1, column: 9, at: "format" });
  });

  it("is found in the workspace by its name", () => {
    for (const p of ["river-dispute.gazetteer.yaml", "ingest/mine.gazetteer.yml", "gazetteer.yaml", "a/Gazetteer.YAML"]) expect(isGazetteerFile(p)).toBe(true);
    for (const p of ["ukraine-2025.yaml", "my-gazetteer.yaml", "gazetteer.yaml.bak", "gazetteer.json"]) expect(isGazetteerFile(p)).toBe(false);
  });
});

describe("status-quo elements", () => {
  const v = view(talks, "ukraine-talks.txt", ukraine);
  const today = el(v, "statusquo:ru_offensive");

  it("offers each option the article says is taken today", () => {
    expect(v.elements.filter((e) => e.kind === "statusQuo").map((e) => e.key)).toEqual(["statusquo:ru_offensive"]);
    expect(today).toMatchObject({ dm: "ru", options: ["ru_offensive"], item: "ru_offensive", text: expect.stringMatching(/^Today: Russia/) });
    // ukraine-2025.yaml has the offensive under way already (statusQuo.state).
    expect(isPresent(ukraine, ctx(v), today)).toBe(true);
    expect(acceptElement(ukraine, ctx(v), today)).toEqual({ text: ukraine, added: [] });
  });

  it("sets the option in the status quo, bringing the option and its party when they are new", () => {
    const r = acceptElement(EMPTY, ctx(v), today);
    expect(r.added).toEqual(["party Russia (ru)", "option ru_offensive", "status quo: ru_offensive taken today"]);
    expect(r.text).toContain("statusQuo: { ru_offensive: Y }\n");
    expect(isPresent(r.text, ctx(v), today)).toBe(true);
    loadModel(r.text, "n.yaml");
  });

  it("writes only the option's letter or pair, whatever the form of the status quo", () => {
    const withRu = acceptElement(acceptElement(EMPTY, ctx(v), el(v, "option:ru_ceasefire")).text, ctx(v), el(v, "option:ru_offensive")).text;
    const pattern = withRu.replace("statusQuo: {}", "statusQuo: NN");
    const r = acceptElement(pattern, ctx(v), today);
    expect(r.added).toEqual(["status quo: ru_offensive taken today"]);
    expect(lineDiff(pattern, r.text)).toEqual({ added: ["statusQuo: NY"], removed: ["statusQuo: NN"] });
    const block = withRu.replace("statusQuo: {}", "statusQuo:\n  state:\n    ru_ceasefire: N # not yet\n  note: as of the article");
    const b = acceptElement(block, ctx(v), today);
    expect(lineDiff(block, b.text)).toEqual({ added: ["    ru_offensive: Y"], removed: [] });
    expect(parse(b.text).statusQuo).toEqual({ state: { ru_ceasefire: "N", ru_offensive: "Y" }, note: "as of the article" });
  });

  it("setStatusQuo: any form, any option, any value reads back as set, the other options unchanged", () => {
    const ids = ["a", "b", "c", "d"];
    const dms = `format: parley/1\nname: t\ndecisionMakers:\n  - id: x\n    options:\n${ids.map((i) => `      - id: ${i}\n`).join("")}`;
    const taken = (text: string): string => {
      const data = parse(text);
      const raw = data.statusQuo?.state ?? data.statusQuo ?? {};
      if (typeof raw === "string") return raw;
      return ids.map((i) => (raw[i] === true || String(raw[i]).toUpperCase() === "Y" ? "Y" : "N")).join("");
    };
    const forms = [
      (p: string) => `statusQuo: ${p}\n`,
      (p: string) =>
        `statusQuo: { ${ids
          .filter((_, i) => p[i] === "Y")
          .map((i) => `${i}: Y`)
          .join(", ")} }\n`,
      (p: string) => `statusQuo:\n${ids.map((i, k) => `  ${i}: ${p[k] === "Y"}\n`).join("")}`,
      (p: string) => `statusQuo:\n  state: { ${ids.map((i, k) => `${i}: ${p[k]}`).join(", ")} }\n  note: n\n`,
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("Y", "N"), { minLength: 4, maxLength: 4 }),
        fc.nat(forms.length - 1),
        fc.nat(3),
        fc.boolean(),
        (letters, f, k, on) => {
          const before = letters.join("");
          const text = dms + forms[f](before) + "preferences: {}\n";
          const after = setStatusQuo(text, ids[k], on);
          const want = before.slice(0, k) + (on ? "Y" : "N") + before.slice(k + 1);
          expect(taken(after)).toBe(want);
          if (want === before) expect(after).toBe(text);
        },
      ),
      { numRuns: 200, seed: 11 },
    );
    expect(() => setStatusQuo(dms + "statusQuo: today\n", "a", true)).toThrow(/not a Y\/N pattern/);
    expect(() => setStatusQuo(dms + "statusQuo: {}\n", "zz", true)).toThrow(/there is no option 'zz'/);
  });
});
