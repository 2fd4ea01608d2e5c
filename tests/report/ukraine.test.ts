/**
 * The default scenario: every element traced to the brief or marked as an
 * assumption, its results pinned (a change that moves them must be seen and
 * explained in its commit), its what-ifs differing from it only as declared,
 * and its report complete in every format.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { scenarioChanges } from "../../src/analysis/diff.js";
import { stateFamilies, familyPattern } from "../../src/analysis/families.js";
import { statusQuoAnalysis } from "../../src/analysis/paths.js";
import { buildReport } from "../../src/report/build.js";
import { render } from "../../src/present/document.js";
import { reportDocument } from "../../src/report/render.js";
import { reportOutput } from "../../src/report/report-output.js";
import { analyze, CONCEPTS, loadModel, statePattern, type Model } from "../../src/index.js";
import { parley } from "../helpers/cli.js";

const FILES = ["ukraine-2025.yaml", "ukraine-2025-us-walks-away.yaml", "ukraine-2025-us-air-guarantee.yaml", "ukraine-2025-europe-drops-ceasefire-first.yaml"];
const load = (f: string) => loadModel(readFileSync(`scenarios/${f}`, "utf8"), f);
// The repository's own fact table: the `facts` section of the default scenario (no test reads the brief
// or the article beside the repository; scripts/check-quotes.ts checks the quotes against the article by hand).
const FACT_TABLE = parse(readFileSync("scenarios/ukraine-2025.yaml", "utf8")) as { facts: { id: string; fact: string; quote?: string }[] };
const FACTS = new Set(FACT_TABLE.facts.map((f) => f.id));
/** The quotes of the fact table as scripts/check-quotes.ts found them, verbatim, in the article (7 December 2026). */
const CHECKED_QUOTES = [
  "both summits being rich in ceremony but lacking substantial diplomatic achievements",
  "achieving peace in Ukraine could be a significant aspect of his legacy",
  "a move considered vital by Ukrainian officials and their European counterparts for a lasting peace settlement",
  'any U.S. involvement might involve "air support" rather than deploying American troops on the ground',
  "potential arrangements for a direct summit between Putin and Ukrainian President Volodymyr Zelensky, although specific details and locations remain indefinite",
  "European leaders insist on a ceasefire before any direct talks, which Trump has indicated are unlikely",
  "the friendly tone of discussions was a notable shift from Zelensky's contentious visit",
  "Putin may see prolonging the war as strategically advantageous, thereby slowing negotiation processes to avoid penalties from new sanctions",
  "Trump's recent decision to place proposed sanctions on hold suggests he remains hopeful that Putin is willing to pursue a deal",
  "The U.S. president's history of inconsistent foreign policy positions adds to the uncertainty",
  "emphasizing the urgency for a ceasefire prior to negotiations",
  "Any significant U.S. military involvement or security commitments toward Ukraine could provoke backlash from his supporters",
  "The option to withdraw from discussions presents a precarious power dynamic",
];

describe("the fact table", () => {
  it("numbers F1 to F13, each with a paraphrase and a short quote, and docs/ukraine-2025.md shows the same numbers", () => {
    expect(FACT_TABLE.facts.map((f) => f.id)).toEqual(Array.from({ length: 13 }, (_, k) => `F${k + 1}`));
    for (const f of FACT_TABLE.facts) {
      expect(f.fact.length, f.id).toBeGreaterThan(40);
      // A quote is a short exact excerpt of one sentence: non-empty, not the whole article, no ellipsis standing for a cut.
      expect(f.quote?.trim().length ?? 0, `${f.id} has no quote`).toBeGreaterThan(20);
      expect(f.quote!.length, `${f.id}'s quote is not short`).toBeLessThanOrEqual(200);
      expect(f.quote, `${f.id}'s quote is cut`).not.toMatch(/…|\.\.\./);
    }
    const doc = readFileSync("docs/ukraine-2025.md", "utf8");
    expect([...doc.matchAll(/^\| (F\d+) \|/gm)].map((m) => m[1])).toEqual(FACT_TABLE.facts.map((f) => f.id));
  });

  it("is what the quotes were checked against: the quotes as scripts/check-quotes.ts last found them in the article", () => {
    // The quotes found verbatim in the article (by scripts/check-quotes.ts); a quote edited without re-running it fails here.
    expect(FACT_TABLE.facts.map((f) => f.quote)).toEqual(CHECKED_QUOTES);
  });

  it("defines every fact number the report cites, and cites only facts of the table", () => {
    const m = load("ukraine-2025.yaml");
    const report = buildReport(m, [], { today: "2026-12-07" });
    const text = render(reportDocument(report, { appendix: true }), "text");
    const cited = new Set(text.match(/\bF\d+\b/g));
    expect([...cited].filter((f) => !FACTS.has(f))).toEqual([]);
    expect(report.facts!.map((f) => f.id).sort()).toEqual([...cited].sort());
    const flat = text.replace(/\s+/g, " ");
    for (const f of report.facts!) expect(flat).toContain(`${f.id}: ${f.fact.replace(/\s+/g, " ")}`);
  });
});

describe.each(FILES)("scenarios/%s provenance", (file) => {
  const raw = parse(readFileSync(`scenarios/${file}`, "utf8"));
  type Element = { sources?: string[]; assumption?: string };
  const elements: [string, Element][] = [];
  for (const dm of raw.decisionMakers) for (const o of dm.options) elements.push([`option ${o.id}`, o]);
  for (const c of raw.infeasible ?? []) elements.push([`constraint ${JSON.stringify(c.condition ?? c)}`, c]);
  type Pref = Element[] | { statements: Element[]; alternatives?: (Element & { label?: string; statements: Element[] })[] };
  for (const [dm, pref] of Object.entries(raw.preferences) as [string, Pref][]) {
    const main = Array.isArray(pref) ? pref : pref.statements;
    for (const st of main) elements.push([`statement of ${dm}: ${JSON.stringify(st)}`, st]);
    for (const alt of Array.isArray(pref) ? [] : (pref.alternatives ?? [])) {
      elements.push([`alternative of ${dm}: ${alt.label}`, alt]);
      for (const st of alt.statements) elements.push([`statement of ${dm}'s alternative: ${JSON.stringify(st)}`, st]);
    }
  }

  it("cites a fact of the brief or states an assumption with its reason, for every option, constraint and statement", () => {
    expect(FACTS.size).toBe(13);
    for (const [what, el] of elements) {
      expect(typeof el, what).toBe("object"); // plain strings carry no provenance
      const facts = (el.sources ?? []).filter((s) => /^F\d+$/.test(s));
      const reason = (el.assumption ?? "").trim();
      expect(facts.length > 0 || reason.length > 20, `${what} needs an F-number or an assumption with its reason`).toBe(true);
      for (const f of facts) expect(FACTS.has(f), `${what} cites ${f}, which is not in the fact table of scenarios/ukraine-2025.yaml`).toBe(true);
    }
  });

  it("has 9 to 14 options", () => {
    const n = raw.decisionMakers.reduce((a: number, d: { options: unknown[] }) => a + d.options.length, 0);
    expect(n).toBeGreaterThanOrEqual(9);
    expect(n).toBeLessThanOrEqual(14);
  });
});

/** Equilibria as families (Y/N/- patterns), so the pins stay readable. */
function families(m: Model) {
  const a = analyze(m);
  return Object.fromEntries(CONCEPTS.map((c) => [c, stateFamilies(m, a.equilibria[c]!).map((f) => familyPattern(m, f))]));
}

describe("the Ukraine 2025 scenario: pinned results", () => {
  const m = load("ukraine-2025.yaml");
  // Options: us_guarantee us_sanctions us_walk_away | ru_ceasefire ru_offensive ru_summit | ua_summit ua_concede | eu_force eu_ceasefire_first

  it("has today's state as the brief describes it", () => {
    expect(statePattern(m, m.statusQuo)).toBe("NNNNYNNNNY");
    expect(m.states.length).toBe(576);
  });

  it("pins the equilibria of every concept", () => {
    const a = analyze(m);
    expect(Object.fromEntries(CONCEPTS.map((c) => [c, a.equilibria[c]!.length]))).toEqual({
      Nash: 16,
      GMR: 276,
      SMR: 276,
      SEQ: 128,
      SIM: 120,
      "SEQ+SIM": 176,
    });
    const f = families(m);
    // Nash: the war goes on under new US sanctions, Europe still insisting on a ceasefire first.
    expect(f.Nash).toEqual(["NY--Y---NY"]);
    // SEQ adds: a ceasefire with the sanctions on hold (Russia's return to the offensive would bring them),
    // and no offensive with the sanctions on hold.
    expect(f.SEQ).toEqual(["-N-Y------", "NN--N---NY", "NY--Y---NY"]);
  });

  it("pins the status quo analysis: the US imposes the sanctions, and there it stops", () => {
    const sq = statusQuoAnalysis(analyze(m));
    expect(sq.reachable.map((s) => statePattern(m, s))).toEqual(["NYNNYNNNNY"]);
    expect(sq.equilibria.map((e) => [statePattern(m, e.state), e.path.map((p) => m.scenario.decisionMakers[p.dm].id)])).toEqual([["NYNNYNNNNY", ["us"]]]);
    // No ceasefire state is reachable from today by unilateral improvements.
    const ceasefire = 1 << 3;
    expect(sq.equilibria.some((e) => m.states[e.state] & ceasefire)).toBe(false);
  });
});

describe("the what-ifs", () => {
  const base = load("ukraine-2025.yaml");
  const expected: Record<string, string[]> = {
    "ukraine-2025-us-walks-away.yaml": ["Today: the US has walked away from the talks (was not taken)."],
    "ukraine-2025-us-air-guarantee.yaml": [
      "Offer security guarantees limited to air support: now irreversible once taken (was reversible).",
      "Today: US air-support guarantees (was not taken).",
    ],
    "ukraine-2025-europe-drops-ceasefire-first.yaml": [
      "Today: Europe accepts talks before a ceasefire (was taken).",
      'European allies no longer wants: "No direct talks before a ceasefire." (ru_ceasefire | !ua_summit).',
      'European allies no longer wants: "Europe keeps to the line it has taken in public." (eu_ceasefire_first).',
    ],
  };

  it.each(Object.keys(expected))("%s differs from the base only as declared", (file) => {
    expect(scenarioChanges(base.scenario, load(file).scenario)).toEqual(expected[file]);
  });

  it("are listed in the base scenario, with their titles", () => {
    expect(base.scenario.whatIfs?.map((w) => w.file)).toEqual(Object.keys(expected));
  });

  it("pin their outlooks from today", () => {
    const outlook = (f: string) => {
      const m = load(f);
      return statusQuoAnalysis(analyze(m)).equilibria.map((e) => statePattern(m, e.state));
    };
    expect(outlook("ukraine-2025-us-walks-away.yaml")).toEqual(["NYYNYNNNNY"]);
    expect(outlook("ukraine-2025-us-air-guarantee.yaml")).toEqual(["YYNNYNNNNY"]);
    expect(outlook("ukraine-2025-europe-drops-ceasefire-first.yaml")).toEqual(["NYNNYNNNNN"]);
  });

  it("pin their Nash equilibria counts (docs/ukraine-2025.md cites them)", () => {
    const nash = (f: string) => analyze(load(f), { concepts: ["Nash"] }).equilibria.Nash!.length;
    expect([
      nash("ukraine-2025-us-walks-away.yaml"),
      nash("ukraine-2025-us-air-guarantee.yaml"),
      nash("ukraine-2025-europe-drops-ceasefire-first.yaml"),
    ]).toEqual([16, 24, 28]);
  });
});

describe("the report", () => {
  const base = load("ukraine-2025.yaml");
  const whatIfs = base.scenario.whatIfs!.map((w) => ({ title: w.title!, file: w.file, model: load(w.file) }));
  // The CLI dates the report today; the tests fix the day (PARLEY_TODAY) so the bottom line is comparable.
  const report = buildReport(base, whatIfs, { today: "2026-12-07" });

  it("has every section, with the findings in words", () => {
    expect(reportOutput.toJson(report)).toMatchObject({ format: "parley-report/1" });
    expect(report.model.parties.map((p) => p.name)).toEqual(["United States", "Russia", "Ukraine", "European allies"]);
    expect(report.model.today.words).toBe(
      "new US sanctions stay on hold; no ceasefire; Russia presses its offensive; Europe insists on a ceasefire before talks",
    );
    expect(report.tiers.map((t) => t.key)).toEqual(["nash", "credible", "simultaneous", "threats"]);
    // Families are told by what their states share, without "with or without" lists.
    expect(report.tiers[1].families[0].words).toBe("new US sanctions stay on hold; a ceasefire holds");
    expect(JSON.stringify(report)).not.toContain("with or without");
    expect(report.outlook.paths[0].steps).toMatchObject([{ mover: "us", action: "impose the new sanctions put on hold", reason: { sources: ["F9"] } }]);
    expect(report.whatIfs.map((w) => w.title)).toEqual([
      "The US walks away from the talks",
      "The US commits air-support guarantees",
      "Europe drops its ceasefire-first demand",
    ]);
    expect(report.assumptions.tried).toBe(50);
    expect(report.assumptions.decisive[0].changesOutlook).toBe(true);
    // The conditional sanctions decide the outlook; Russia's valuation of the offensive, the most equilibria.
    expect(report.assumptions.decisive[0].statements.map((x) => x.expression)).toEqual(["!us_sanctions", "if ru_offensive then us_sanctions"]);
    expect(report.assumptions.decisive.find((d) => d.statements[0].expression === "ru_offensive")?.effect).toBe("Nash equilibria +28, SEQ equilibria −84.");
    expect(report.limitations.length).toBeGreaterThan(3);
    expect(report.summary[0]).toBe("Today's state is not stable: United States gains by moving.");
  });

  it("names the joint move that leaves the nearest outcome: the US lifts the sanctions, Russia agrees to a ceasefire", () => {
    const fromNearest = report.coalitions.find((c) => c.why === "the nearest stable outcome from today")!;
    expect(fromNearest.state).toBe(303);
    expect(fromNearest.joint[0]).toMatchObject({
      members: ["United States", "Russia"],
      to: 295,
      openUnder: ["Nash", "SEQ"],
      steps: [
        'United States: withdraw "impose the new sanctions put on hold"',
        'Russia: agree to a ceasefire and withdraw "press the offensive to gain ground and time"',
      ],
    });
    expect(report.summary.some((l) => l.startsWith("From the nearest stable outcome from today, United States and Russia could move together"))).toBe(true);
  });

  it("weighs the uncertain preferences exactly and compares each what-if with the base", () => {
    expect(report.robustness).toMatchObject({ exact: true, profiles: 320, uncertain: 8, alternatives: 1 });
    const round = (x: number | undefined) => Math.round((x ?? 0) * 1000) / 1000;
    expect(report.robustness!.rows.map((r) => [r.state, round(r.probability.Nash), round(r.probability.SEQ)])).toEqual([
      [301, 0.3, 0.3],
      [303, 0.45, 0.45],
      [7, 0, 0.522],
    ]);
    expect(report.whatIfs[1].comparison[0]).toMatch(/^Nash equilibria gained \(8\): US air-support guarantees; new US sanctions on Russia/);
  });

  it("says what it would take for a ceasefire backed by guarantees to hold", () => {
    expect(report.goals).toHaveLength(1);
    const g = report.goals[0];
    expect(g).toMatchObject({ title: "A ceasefire backed by guarantees", states: 96, reachableFromToday: false });
    expect(g.jointFromToday).toBeUndefined();
    expect(g.stable.map((x) => [x.concept, x.count])).toEqual([
      ["Nash", 0],
      ["SEQ", 48],
    ]);
    const nash = g.wouldTake.find((w) => w.concept === "Nash")!;
    expect(nash.found).toBe(true);
    expect(nash.lines).toEqual([
      'Russia would have to stop caring that "Prolonging the war is seen as an advantage, gaining ground and time." (ru_offensive) [F8].',
    ]);
    expect(g.wouldTake.find((w) => w.concept === "SEQ")!.already).toBe(true);
  });

  it("explains each stable family with one line per party", () => {
    for (const t of report.tiers) for (const f of t.families) expect(f.why.map((w) => w.dm)).toEqual(["United States", "Russia", "Ukraine", "European allies"]);
    const credible = report.tiers[1].families[0].why.find((w) => w.dm === "Russia")!;
    expect(credible.text).toContain("then United States: impose the new sanctions put on hold, which leaves it no better off");
  });

  it("renders as text, Markdown and HTML", () => {
    const text = render(reportDocument(report, { appendix: true }), "text");
    for (const h of [
      "Bottom line, as of 7 December 2026",
      "Questions",
      "1. The model",
      "2. Stable outcomes",
      "3. From today",
      "4. What it would take",
      "5. What the answer depends on",
      "6. Limits of the model",
      "7. Checks of the model",
      "Facts cited",
      "Words used here",
      "Appendix: technical detail",
      "A.2 The stability analysis in short",
      "A.5 What if …",
    ])
      expect(text).toContain(`\n${h}\n`);
    // Without the appendix (the CLI's default) the report is well under half of what it was (533 lines; 200 before
    // the list of the facts it cites, about 25 lines, was added).
    const body = render(reportDocument(report), "text");
    expect(body.split("\n").length).toBeLessThanOrEqual(235);
    expect(body).not.toContain("Appendix: technical detail");
    // The check is parley lint's revealed-preference finding about the US sanctions statement.
    expect(report.checks.map((c) => c.code)).toEqual(["revealed-preference"]);
    expect(text).toContain('"if ru_offensive then us_sanctions" is what makes it prefer that');
    expect(Math.max(...text.split("\n").map((l) => [...l].length))).toBeLessThanOrEqual(100);
    const md = render(reportDocument(report), "md");
    expect(md).toContain("## 3. From today");
    expect(md).toContain("- **United States**");
    const html = render(reportDocument(report), "html");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<h2>2. Stable outcomes</h2>");
    expect(html).not.toMatch(/<script|https?:/);
  });

  it("escapes scenario text in HTML and Markdown", () => {
    const evil = loadModel(readFileSync("scenarios/chicken.yaml", "utf8").replace("name: Chicken", 'name: "<script>alert(1)</script> *bold* | pipe"'));
    const r = buildReport(evil);
    expect(render(reportDocument(r), "html")).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(render(reportDocument(r), "html")).not.toContain("<script>");
    expect(render(reportDocument(r), "md")).toContain("\\<script\\>alert(1)\\</script\\> \\*bold\\* \\| pipe");
  });

  it("is what npm start prints, and parley report writes every format", async () => {
    process.env.PARLEY_TODAY = "2026-12-07";
    const r = await parley("report");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(render(reportDocument(report), "text"));
    expect((await parley("report", "--appendix")).stdout).toBe(render(reportDocument(report, { appendix: true }), "text"));
    const j = JSON.parse((await parley("report", "scenarios/ukraine-2025.yaml", "-f", "json")).stdout);
    expect(j).toEqual(JSON.parse(JSON.stringify(reportOutput.toJson(report))));
    expect((await parley("report", "scenarios/elmira.yaml", "-f", "md")).stdout).toContain("# Elmira groundwater contamination");
    delete process.env.PARLEY_TODAY;
  });

  it("leads with a dated bottom line: probabilities, what would change them, what to watch, the questions", () => {
    const b = report.bottomLine!;
    expect(b.made).toBe("2026-12-07");
    expect(b.asOf).toBe("2025-08-15");
    const total = b.outcomes.reduce((a, o) => a + o.probability, 0) + b.rest;
    expect(total).toBeCloseTo(1, 9);
    expect(b.outcomes[0].probability).toBeGreaterThanOrEqual(b.outcomes[1].probability);
    expect(b.change.length).toBeGreaterThan(0);
    expect(b.watch.length).toBe(2);
    // Two signposts with the same effect on the questions would tell the reader one thing twice.
    expect(new Set(b.watch.map((w) => w.effect)).size).toBe(2);
    expect(b.questions.map((q) => q.id)).toEqual(["ceasefire_2025", "summit_2025", "sanctions_2025", "us_guarantee_2025", "us_walks_away_2025"]);
    expect(b.questions.every((q) => q.retrodiction)).toBe(true);
    // The first screen holds the date and a probability, and no state numbers or concept acronyms.
    const firstScreen = render(reportDocument(report), "text").split("\n").slice(0, 40).join("\n");
    expect(firstScreen).toContain("as of 7 December 2026");
    expect(firstScreen).toMatch(/\b\d+%/);
    expect(firstScreen).not.toMatch(/state \d|\b(Nash|GMR|SMR|SEQ|SIM)\b/);
  });

  it("reports a missing what-if file with its name", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "parley-report-"));
    writeFileSync(join(dir, "s.yaml"), readFileSync("scenarios/chicken.yaml", "utf8") + "whatIfs:\n  - file: nope.yaml\n");
    const r = await parley("report", join(dir, "s.yaml"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nope.yaml: no such file");
  });
});
