// Long because it pins the default scenario end to end, in one place: its fact table, its provenance, its results, its what-ifs and its report.
/**
 * The default scenario: every element traced to the brief or marked as an
 * assumption, its results pinned (a change that moves them must be seen and
 * explained in its commit), its what-ifs differing from it only as declared,
 * and its report complete in every format.
 */
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { scenarioChanges } from "../../src/analysis/diff.js";
import { graphLink } from "../../src/bargaining/link.js";
import { analyzeHypergame } from "../../src/extensions/hypergame.js";
import { runBargaining } from "../../src/bargaining/scenario.js";
import { stateFamilies, familyPattern } from "../../src/analysis/families.js";
import { statusQuoAnalysis } from "../../src/analysis/paths.js";
import { bargainingReport } from "../../src/report/bargaining.js";
import { buildReport } from "../../src/report/build.js";
import { playAsRead, playFromToday } from "../../src/report/play.js";
import { render } from "../../src/present/document.js";
import { reportDocument } from "../../src/report/render.js";
import { reportOutput } from "../../src/report/report-output.js";
import { analyze, CONCEPTS, loadModel, statePattern, type Model } from "../../src/index.js";
import { parley } from "../helpers/cli.js";

/** Every Ukraine scenario file: the default and all its what-ifs (each copies the base's elements). */
const FILES = readdirSync("scenarios")
  .filter((f) => /^ukraine-2025.*\.yaml$/.test(f))
  .sort();
const load = (f: string) => loadModel(readFileSync(`scenarios/${f}`, "utf8"), f);
// The repository's own fact table: the `facts` section of the default scenario (no test reads the brief
// or the article beside the repository; scripts/check-quotes.ts checks the quotes against the article by hand).
const FACT_TABLE = parse(readFileSync("scenarios/ukraine-2025.yaml", "utf8")) as { facts: { id: string; fact: string; quote?: string }[] };
const FACTS = new Set(FACT_TABLE.facts.map((f) => f.id));
/** The quotes of the fact table as scripts/check-quotes.ts found them, verbatim, in the article (7 December 2026). */
const CHECKED_QUOTES = [
  "both summits being rich in ceremony but lacking substantial diplomatic achievements",
  "achieving peace in Ukraine could be a significant aspect of his legacy",
  "Trump hinted at the possibility of offering U.S. security guarantees for Ukraine, a move considered vital by Ukrainian officials and their European counterparts for a lasting peace settlement",
  'any U.S. involvement might involve "air support" rather than deploying American troops on the ground',
  "potential arrangements for a direct summit between Putin and Ukrainian President Volodymyr Zelensky, although specific details and locations remain indefinite",
  "European leaders insist on a ceasefire before any direct talks, which Trump has indicated are unlikely",
  "the friendly tone of discussions was a notable shift from Zelensky's contentious visit",
  "Putin may see prolonging the war as strategically advantageous, thereby slowing negotiation processes to avoid penalties from new sanctions",
  "Trump's recent decision to place proposed sanctions on hold suggests he remains hopeful that Putin is willing to pursue a deal",
  "skepticism surrounding Putin's sincerity looms large. The U.S. president's history of inconsistent foreign policy positions adds to the uncertainty, as European leaders express apprehension about Trump's reliability",
  "emphasizing the urgency for a ceasefire prior to negotiations",
  "Any significant U.S. military involvement or security commitments toward Ukraine could provoke backlash from his supporters",
  "he holds the least stake in these negotiations compared to other involved parties. The option to withdraw from discussions presents a precarious power dynamic",
];

describe("the fact table", () => {
  it("numbers F1 to F13, each with a paraphrase and a short quote, and docs/ukraine-2025.md shows the same numbers", () => {
    expect(FACT_TABLE.facts.map((f) => f.id)).toEqual(Array.from({ length: 13 }, (_, k) => `F${k + 1}`));
    for (const f of FACT_TABLE.facts) {
      expect(f.fact.length, f.id).toBeGreaterThan(40);
      // A quote is a short exact excerpt of the sentence (or two) the fact rests on: non-empty, not the whole article, no ellipsis standing for a cut.
      expect(f.quote?.trim().length ?? 0, `${f.id} has no quote`).toBeGreaterThan(20);
      expect(f.quote!.length, `${f.id}'s quote is not short`).toBeLessThanOrEqual(240);
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

it("checks the provenance of the default scenario and all six of its what-ifs", () => {
  expect(FILES).toHaveLength(7);
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

  it("cites a fact or states an assumption with its reason, for every option, constraint and statement", () => {
    expect(FACTS.size).toBe(13);
    for (const [what, el] of elements) {
      expect(typeof el, what).toBe("object"); // plain strings carry no provenance
      const facts = (el.sources ?? []).filter((s) => /^F\d+$/.test(s));
      const reason = (el.assumption ?? "").trim();
      expect(facts.length > 0 || reason.length > 20, `${what} needs an F-number or an assumption with its reason`).toBe(true);
      for (const f of facts) expect(FACTS.has(f), `${what} cites ${f}, which is not in the fact table of scenarios/ukraine-2025.yaml`).toBe(true);
    }
  });

  it("marks as assumptions, with a reason, what the article does not say: every priority order, probability, weight and irreversibility", () => {
    const reason = (el: { assumption?: string }) => (el.assumption ?? "").trim().length > 20;
    // The article ranks no party's aims: each party's order is an assumption.
    for (const [dm, pref] of Object.entries(raw.preferences) as [string, { assumption?: string }][])
      expect(reason(pref), `the order of ${dm}'s preferences`).toBe(true);
    // "How sure" numbers are judgements, not facts: each says so.
    for (const [what, el] of elements) {
      const e = el as { probability?: number; weight?: number; assumption?: string };
      if (e.probability !== undefined || e.weight !== undefined) {
        expect(reason(e), `${what} has a probability or weight without an assumption`).toBe(true);
        expect(e.assumption, `${what}: its assumption names the number as a judgement`).toMatch(/judgement|chance|odds/);
      }
    }
    for (const dm of raw.decisionMakers)
      for (const o of dm.options) if (o.irreversible) expect(reason(o), `option ${o.id} is irreversible without a reason`).toBe(true);
    // Perceptions (hypergame) say whose reading they are and on what it rests.
    for (const dm of raw.decisionMakers)
      for (const [other, p] of Object.entries(dm.perceivedPreferences ?? {}) as [string, { sources?: string[]; assumption?: string }][])
        expect(reason(p) && (p.sources ?? []).length > 0, `${dm.id}'s reading of ${other}`).toBe(true);
  });

  it("carries the same fact table as the base scenario", () => {
    expect(raw.facts).toEqual(FACT_TABLE.facts);
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

  it("has today's state as the article describes it", () => {
    expect(statePattern(m, m.statusQuo)).toBe("NNNNYNNNNY");
    expect(m.states.length).toBe(576);
  });

  it("pins the equilibria of every concept", () => {
    const a = analyze(m);
    expect(Object.fromEntries(CONCEPTS.map((c) => [c, a.equilibria[c]!.length]))).toEqual({
      Nash: 2,
      GMR: 292,
      SMR: 292,
      SEQ: 92,
      SIM: 138,
      "SEQ+SIM": 164,
    });
    const f = families(m);
    // Nash: today's war with the sanctions on hold (Ukraine's concession either way), and nothing else.
    expect(f.Nash).toEqual(["NNN-YNN-NY"]);
    expect(f.SEQ).toEqual(["YN-Y------", "YN--NN--N-", "YN--NNN---", "--YY----NN", "-NYY----Y-", "YN---YY-N-", "-YY--YY-NN", "NNN-YNN-NY", "-NY-YYN-NY"]);
  });

  it("does not contradict the US's revealed choice: today, with the sanctions on hold while Russia fights, is stable for every party", () => {
    const a = analyze(m);
    for (const c of CONCEPTS) expect(a.equilibria[c], c).toContain(m.statusQuo);
    const sq = statusQuoAnalysis(a);
    expect(sq.equilibria.map((e) => [statePattern(m, e.state), e.path.length])).toEqual([["NNNNYNNNNY", 0]]);
  });

  it("puts Trump's patience and Russia's decisive ranking in the weighed readings, not in the main preferences", () => {
    const alt = (dm: number) => (m.scenario.preferences[dm].alternatives ?? []).map((x) => [x.label, x.weight]);
    expect(alt(0)).toEqual([["Trump's patience runs out", 0.3]]);
    expect(alt(1)).toEqual([["Russia puts the offensive first", 0.5]]);
  });

  it("makes the walk-away reversible and a threat with consequences: Kyiv and Europe, who most want the US engaged, lose by it", () => {
    const walk = m.scenario.options.find((o) => o.id === "us_walk_away")!;
    expect(walk.direction).toBe("both");
    expect(walk.sources).toEqual(["F13", "F10"]);
    // From "Putin has agreed to meet, Kyiv has not, Europe insists", the US gains by walking away.
    const k = m.scenario.options.findIndex((o) => o.id === "ru_summit");
    const from = m.indexOf[m.states[m.statusQuo] | (1 << k)];
    const to = m.indexOf[m.states[from] | (1 << 2)];
    expect(m.pref[0][to]).toBeGreaterThan(m.pref[0][from]);
    // Ukraine and Europe are worse off with the US gone: the exit option is leverage over them.
    const gone = m.indexOf[m.states[m.statusQuo] | (1 << 2)];
    for (const d of [2, 3]) expect(m.pref[d][gone], m.scenario.decisionMakers[d].id).toBeLessThan(m.pref[d][m.statusQuo]);
  });

  it("sends no European force into the war: Europe prefers none while Russia fights, with or without the US", () => {
    const eu = 3;
    const force = (s: number) => m.indexOf[m.states[s] | (1 << 8)];
    const gone = m.indexOf[m.states[m.statusQuo] | (1 << 2)];
    for (const s of [m.statusQuo, gone]) expect(m.pref[eu][force(s)]).toBeLessThan(m.pref[eu][s]);
  });
});

describe("Trump's and Europe's readings of Putin, as a hypergame", () => {
  const m = load("ukraine-2025.yaml");

  it("are perceptions of the US and Europe, not a weighted profile of Russia", () => {
    const dm = (id: string) => m.scenario.decisionMakers.find((d) => d.id === id)!;
    const raw = parse(readFileSync("scenarios/ukraine-2025.yaml", "utf8"));
    const perceived = (id: string) => Object.keys(raw.decisionMakers.find((d: { id: string }) => d.id === id).perceivedPreferences ?? {});
    expect(perceived("us")).toEqual(["ru"]);
    expect(perceived("eu")).toEqual(["ru"]);
    expect(dm("ru").id).toBe("ru");
    expect((m.scenario.preferences[1].alternatives ?? []).map((a) => a.label)).not.toContain("Putin wants a deal");
  });

  it("change what holds: today and the Nash equilibria stay, but credible threats the US does not see no longer hold", () => {
    const h = analyzeHypergame(m, { concepts: ["Nash", "SEQ"] });
    expect(h.equilibria.Nash).toEqual(h.plain.equilibria.Nash);
    expect(h.equilibria.SEQ).toContain(m.statusQuo);
    expect([h.equilibria.SEQ!.length, h.plain.equilibria.SEQ!.length]).toEqual([32, 92]);
  });
});

describe("play as each party reads Putin", () => {
  it("Trump expects a ceasefire from today; Europe expects nothing to move", () => {
    const read = playAsRead(load("ukraine-2025.yaml"));
    expect(read.map((r) => [r.reader, r.of])).toEqual([
      ["United States", ["Russia"]],
      ["European allies", ["Russia"]],
    ]);
    expect(read[0].play.moves[0]).toBe("Russia: agree to a ceasefire and halt the offensive");
    expect(read[1].play.moves).toEqual([]);
  });
});

describe("the bargaining section, reconciled with the graph model", () => {
  const m = load("ukraine-2025.yaml");
  const raw = parse(readFileSync("scenarios/ukraine-2025.yaml", "utf8"));

  it("has one link model, justified, and every value a stated judgement", () => {
    expect(raw.bargaining.linkModel.model).toBe("nash");
    expect(raw.bargaining.linkModel.assumption).toMatch(/agrees with the majority on every linked option/);
    for (const is of raw.bargaining.issues)
      for (const [actor, p] of Object.entries(is.positions) as [string, { assumption?: string }][])
        expect((p.assumption ?? "").trim().length, `${is.id}: ${actor}'s numbers need their reason`).toBeGreaterThan(20);
  });

  it("cites the spreads the report shows, and the link model's verdicts hold over them", () => {
    const b = bargainingReport(m.scenario)!;
    const nash = (id: string) =>
      b.issues
        .find((i) => i.id === id)!
        .forecasts.find((f) => f.model === "nash")!
        .spread!.map(Math.round);
    const [t, g] = [nash("territory"), nash("guarantee")];
    expect(raw.bargaining.linkModel.assumption).toContain(`territory ${t[0]} to ${t[1]}, guarantee ${g[0]} to ${g[1]}`);
    expect(b.issues.flatMap((i) => i.links.map((l) => l.linkSteady))).toEqual([true, true, true]);
  });

  it("starts where the graph model's today is, and today takes nothing the link model puts off the table", () => {
    // Sanctions are the graph model's yes/no (on hold today), not a bargaining issue.
    expect(raw.bargaining.issues.map((i: { id: string }) => i.id)).toEqual(["territory", "guarantee"]);
    for (const is of raw.bargaining.issues) expect(is.statusQuo, is.id).toBe(0);
    const run = runBargaining(m.scenario);
    const link = graphLink(m, run, "nash", analyze(m, { concepts: ["SEQ"] }).equilibria.SEQ!);
    expect(link.offTable.map((k) => m.scenario.options[k].id)).toEqual(["eu_force"]);
    expect(link.onTable.map((k) => m.scenario.options[k].id)).toEqual(["us_guarantee", "ua_concede"]);
    expect(link.consistent).toContain(m.statusQuo);
  });
});

describe("the what-ifs", () => {
  const base = load("ukraine-2025.yaml");
  const expected: Record<string, string[]> = {
    "ukraine-2025-us-patience-runs-out.yaml": [
      'United States now also wants: "The hold ends if Russia keeps pressing its offensive." (if ru_offensive then us_sanctions).',
    ],
    "ukraine-2025-us-patience-offensive-first.yaml": [
      'United States now also wants: "The hold ends if Russia keeps pressing its offensive." (if ru_offensive then us_sanctions).',
      'Russia now puts "ru_offensive" before "!us_sanctions" (moved up from 4th to 1st of its priorities).',
      "Russia's priorities are now, most important first: ru_offensive > !us_sanctions > !us_guarantee & !eu_force > ua_concede > !ru_summit.",
    ],
    "ukraine-2025-putin-willing-to-meet.yaml": [
      'Russia now also wants: "Putin agrees to the summit Trump announced, when it costs him nothing else." (ru_summit).',
      'Russia no longer wants: "A direct meeting with Zelensky would speed up talks Putin prefers to slow down." (!ru_summit).',
    ],
    "ukraine-2025-us-walks-away.yaml": [
      "Walk away from the talks: now irreversible once taken (was reversible).",
      "Today: the US has walked away from the talks (was not taken).",
    ],
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

  it("are listed in the base scenario, with their titles and the question each answers", () => {
    expect(base.scenario.whatIfs?.map((w) => w.file)).toEqual(Object.keys(expected));
    for (const w of base.scenario.whatIfs!) expect(w.note, w.file).toBeTruthy();
  });

  it("pin where play goes from their today", () => {
    const outlook = (f: string) => {
      const m = load(f);
      return statusQuoAnalysis(analyze(m))
        .equilibria.filter((e) => e.path.length > 0)
        .slice(0, 2)
        .map((e) => [statePattern(m, e.state), e.path.map((p) => m.scenario.decisionMakers[p.dm].id).join(",")]);
    };
    // Trump's patience runs out: the US imposes the sanctions and the war goes on, whichever Russia's order.
    expect(outlook("ukraine-2025-us-patience-runs-out.yaml")).toEqual([["NYNNYNNNNY", "us"]]);
    expect(outlook("ukraine-2025-us-patience-offensive-first.yaml")).toEqual([["NYNNYNNNNY", "us"]]);
    // Putin willing to meet: he agrees, and Trump walks away while Kyiv and Europe stand in the way.
    expect(outlook("ukraine-2025-putin-willing-to-meet.yaml")).toEqual([["NNYNYYNNNY", "ru,us"]]);
    // The US gone for good, a US guarantee given, or Europe's demand dropped: play stays where it starts.
    expect(outlook("ukraine-2025-us-walks-away.yaml")).toEqual([]);
    expect(outlook("ukraine-2025-us-air-guarantee.yaml")).toEqual([]);
    expect(outlook("ukraine-2025-europe-drops-ceasefire-first.yaml")).toEqual([]);
  });

  it("say where play stops and which deal then breaks it: Russia's order decides whether the sanctions bring a ceasefire", () => {
    const play = (f: string) => playFromToday(analyze(load(f)));
    const patience = play("ukraine-2025-us-patience-runs-out.yaml");
    expect(patience.moves).toEqual(["United States: impose the new sanctions put on hold"]);
    expect(patience.joint).toMatchObject({
      members: ["United States", "Russia"],
      steps: ["United States: lift the new sanctions", "Russia: agree to a ceasefire and halt the offensive"],
    });
    // With the offensive first, no deal breaks the war under sanctions.
    const offensive = play("ukraine-2025-us-patience-offensive-first.yaml");
    expect(offensive.moves).toEqual(patience.moves);
    expect(offensive.joint).toBeUndefined();
    // Putin willing to meet: Trump walks away, and comes back with Kyiv agreeing to talks without a ceasefire.
    const meet = play("ukraine-2025-putin-willing-to-meet.yaml");
    expect(meet.moves).toEqual(["Russia: agree to meet Zelensky directly", "United States: walk away from the talks"]);
    expect(meet.joint?.members).toEqual(["United States", "Ukraine"]);
    // Where no party moves, the report says what each one's most tempting move would cost it.
    const stays = play("ukraine-2025-us-walks-away.yaml");
    expect(stays.moves).toEqual([]);
    expect(stays.staying?.map((x) => x.dm)).toEqual(["United States", "Russia", "Ukraine", "European allies"]);
    expect(stays.staying?.find((x) => x.dm === "Russia")?.text).toBe(
      'to agree to meet Zelensky directly would cost it "A direct meeting with Zelensky would speed up talks Putin prefers to slow down."',
    );
    // The party nearest to moving: its most tempting move costs it the last of its priorities.
    expect(stays.nearest?.dm).toBe("Russia");
    expect(play("ukraine-2025-europe-drops-ceasefire-first.yaml").nearest?.dm).toBe("Russia");
  });

  it("pin their Nash equilibria counts (docs/ukraine-2025.md cites them)", () => {
    const nash = (f: string) => analyze(load(f), { concepts: ["Nash"] }).equilibria.Nash!.length;
    expect(Object.keys(expected).map(nash)).toEqual([2, 2, 2, 4, 4, 6]);
  });

  it("show that Russia's ranking decides whether a ceasefire holds once the sanctions come", () => {
    const seqCeasefire = (f: string) => {
      const m = load(f);
      const a = analyze(m, { concepts: ["SEQ"] });
      return a.equilibria.SEQ!.filter((s) => m.states[s] & (1 << 3)).length;
    };
    expect(seqCeasefire("ukraine-2025-us-patience-runs-out.yaml")).toBeGreaterThan(0);
    expect(seqCeasefire("ukraine-2025-us-patience-offensive-first.yaml")).toBe(0);
  });
});

describe("the report", () => {
  const base = load("ukraine-2025.yaml");
  const whatIfs = base.scenario.whatIfs!.map((w) => ({ title: w.title!, file: w.file, ...(w.note ? { note: w.note } : {}), model: load(w.file) }));
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
    expect(report.tiers[1].families[0].words).toBe("US air-support guarantees; new US sanctions stay on hold; a ceasefire holds");
    expect(JSON.stringify(report)).not.toContain("with or without");
    // Today holds: no party gains by a move of its own, and the report says so instead of inventing a path.
    expect(report.outlook.paths.map((p) => [p.state, p.steps.length])).toEqual([[301, 0]]);
    expect(report.whatIfs.map((w) => w.title)).toEqual([
      "Trump's patience runs out",
      "Trump's patience runs out, Russia's offensive first",
      "Putin is willing to meet Zelensky",
      "The US walks away for good",
      "The US commits air-support guarantees",
      "Europe drops its ceasefire-first demand",
    ]);
    expect(report.assumptions.tried).toBe(54);
    // No single swap or drop moves play from today; the US's sanctions hold, its exit trigger and Russia's offensive decide the most equilibria.
    expect(report.assumptions.decisive.some((d) => d.changesOutlook)).toBe(false);
    expect(report.assumptions.decisive.slice(0, 3).map((d) => d.statements.map((x) => x.expression))).toEqual([
      ["!us_sanctions"],
      ["if ru_summit & (!ua_summit | eu_ceasefire_first) then us_walk_away"],
      ["ru_offensive"],
    ]);
    expect(report.limitations.length).toBeGreaterThan(3);
    expect(report.summary[0]).toBe("Today's state holds: no party gains by moving on its own (stable under Nash, GMR, SMR, SEQ, SIM, SEQ+SIM).");
  });

  it("finds no joint move out of today: with the sanctions hold above Trump's line on talks, there is no trade of one for the other", () => {
    const fromToday = report.coalitions.find((c) => c.why === "today's state")!;
    expect(fromToday.state).toBe(301);
    expect(fromToday.joint).toEqual([]);
  });

  it("weighs the uncertain preferences exactly and compares each what-if with the base", () => {
    expect(report.robustness).toMatchObject({ exact: true, profiles: 120, uncertain: 6, alternatives: 2 });
    const round = (x: number | undefined) => Math.round((x ?? 0) * 1000) / 1000;
    // Today is an equilibrium unless Trump's patience runs out (weight 0.3).
    expect(report.robustness!.rows.map((r) => [r.state, round(r.probability.Nash), round(r.probability.SEQ)])).toEqual([
      [301, 0.7, 0.7],
      [8, 0, 0.5],
    ]);
    expect(report.whatIfs[0].comparison[0]).toMatch(/^Nash equilibria gained \(2\): new US sanctions on Russia; no ceasefire/);
    expect(report.whatIfs[2].comparison[0]).toMatch(/^Nash equilibria gained \(2\): new US sanctions stay on hold; the US has walked away from the talks/);
  });

  it("says what it would take for a ceasefire backed by guarantees to hold", () => {
    expect(report.goals).toHaveLength(1);
    const g = report.goals[0];
    expect(g).toMatchObject({ title: "A ceasefire backed by guarantees", states: 96, reachableFromToday: false });
    expect(g.stable.map((x) => [x.concept, x.count])).toEqual([
      ["Nash", 0],
      ["SEQ", 32],
    ]);
    const nash = g.wouldTake.find((w) => w.concept === "Nash")!;
    expect(nash.found).toBe(true);
    expect(nash.lines).toEqual([
      'Russia would have to stop caring that "Putin may see prolonging the war as an advantage." (ru_offensive) [F8, assumption].',
      'European allies would have to stop caring that "Europe keeps to the line it has taken in public." (eu_ceasefire_first) [F6, F11, assumption].',
    ]);
    expect(g.wouldTake.find((w) => w.concept === "SEQ")!.already).toBe(true);
  });

  it("explains each stable family with one line per party", () => {
    for (const t of report.tiers) for (const f of t.families) expect(f.why.map((w) => w.dm)).toEqual(["United States", "Russia", "Ukraine", "European allies"]);
  });

  it("renders as text, Markdown and HTML", () => {
    const text = render(reportDocument(report, { appendix: true }), "text");
    for (const h of [
      "Bottom line, computed 7 December 2026",
      "Questions",
      "1. The model",
      "2. Stable outcomes",
      "3. From today",
      "4. What it would take",
      "5. What the answer depends on",
      "6. Limits of the model",
      "Facts cited",
      "Words used here",
      "Appendix: technical detail",
      "A.2 The stability analysis in short",
      "A.4 What if …",
    ])
      expect(text).toContain(`\n${h}\n`);
    // Without the appendix (the CLI's default) the report is under half of what it was (533 lines; 200 before
    // the list of the facts it cites, about 25 lines, and where play goes in each what-if, about 30, were added).
    const body = render(reportDocument(report), "text");
    expect(body.split("\n").length).toBeLessThanOrEqual(260);
    expect(body).not.toContain("Appendix: technical detail");
    // parley lint finds nothing in the default scenario (today no longer contradicts the US's revealed choice): no checks section.
    expect(report.checks).toEqual([]);
    expect(text).not.toContain("Checks of the model");
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
    expect(b.asOf).toBe("2025-08-19");
    const total = b.outcomes.reduce((a, o) => a + o.probability, 0) + b.rest;
    expect(total).toBeCloseTo(1, 9);
    // The war goes on (the sanctions on hold, or imposed if Trump's patience runs out); no single assumption changes that.
    expect(b.outcomes.map((o) => [o.words, Math.round(o.probability * 100)])).toEqual([
      ["no ceasefire; Russia presses its offensive; Europe insists on a ceasefire before talks", 100],
    ]);
    expect(b.change).toEqual([]);
    // The decisive readings are beside the numbers, with their weights, and the what-ifs that move play say how.
    expect(b.readings).toEqual([
      { dm: "United States", label: "Trump's patience runs out", weight: 0.3 },
      { dm: "Russia", label: "Russia puts the offensive first", weight: 0.5 },
    ]);
    expect(b.whatIfs.map((w) => [w.title, w.play.moves.length, w.play.joint?.members.length ?? 0])).toEqual([
      ["Trump's patience runs out", 1, 2],
      ["Trump's patience runs out, Russia's offensive first", 1, 0],
      ["Putin is willing to meet Zelensky", 2, 2],
      ["The US walks away for good", 0, 0],
      ["The US commits air-support guarantees", 0, 2],
      ["Europe drops its ceasefire-first demand", 0, 0],
    ]);
    expect(b.perceptions.map((p) => p.reader)).toEqual(["United States", "European allies"]);
    // The likeliest next move leads what to watch, with its chance.
    expect(b.watch[0]).toMatchObject({ move: "United States: impose the new sanctions put on hold" });
    expect(b.watch[0].chance).toBeCloseTo(0.3, 2);
    // The sanctions come only in the reading where Trump's patience runs out (weight 0.3).
    const sanctions = b.questions.find((q) => q.id === "sanctions_2025")!.probability!;
    expect(sanctions).toBeGreaterThan(0.2);
    expect(sanctions).toBeLessThanOrEqual(0.3);
    // Every question's date has passed: news today changes none of them, so no effect on them is told.
    expect(b.watch.map((w) => w.effect)).toEqual([""]);
    expect(b.questions.map((q) => q.id)).toEqual(["ceasefire_2025", "summit_2025", "sanctions_2025", "us_guarantee_2025", "us_walks_away_2025"]);
    expect(b.questions.every((q) => q.retrodiction)).toBe(true);
    // The first screen holds the date and a probability, and no state numbers or concept acronyms.
    const firstScreen = render(reportDocument(report), "text").split("\n").slice(0, 40).join("\n");
    expect(firstScreen).toContain("computed 7 December 2026");
    expect(firstScreen).toContain("deals between parties are left out");
    expect(firstScreen).toMatch(/\b\d+%/);
    expect(firstScreen).not.toMatch(/state \d|\b(Nash|GMR|SMR|SEQ|SIM)\b/);
    expect(firstScreen).toContain("Readings weighed in");
    expect(firstScreen).toContain("How the parties read each other");
    expect(firstScreen).toContain("What would change this: no single change of one party's priorities (54 tried");
    // Nothing on it says the US imposes the sanctions in the main reading: the article says they are on hold (F9).
    expect(firstScreen).not.toMatch(/Today's state is not stable/);
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
