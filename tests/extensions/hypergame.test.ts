/**
 * Misperception (first-level hypergames): every misperception oracle model
 * (tests/fixtures/oracle/, and gmcr-py's example when present) gives the same perceived states, moves,
 * improvements, per-DM stability and equilibria for every concept, compared
 * by Y/N pattern; without misperception the result is the plain analysis; a
 * definition-by-definition reference agrees with the engine in both views and
 * with misjudged preferences; every change is explained; the CLI and its
 * errors; the example of docs/hypergames.md.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeHypergame, explainChange, stabilityChanges, HYPERGAME_VIEWS, type Hypergame } from "../../src/extensions/hypergame.js";
import { analyze, compileScenario, CONCEPTS, statePattern, validateData, type Model } from "../../src/index.js";
import { parley } from "../helpers/cli.js";
import { EXAMPLES, fixtureDirs, fixtureToScenarioData, plainFixtures, type Fixture } from "../helpers/fixtures.js";
import { addRandomMisperceptions } from "../helpers/arbitraries.js";
import { referenceHypergame } from "../helpers/reference.js";

type MispFixture = Omit<Fixture, "decisionMakers"> & {
  decisionMakers: (Fixture["decisionMakers"][number] & { misperceptions?: string[]; perceivedStates?: number[] })[];
};

function misperceptionFixtures(): { file: string; fixture: MispFixture }[] {
  const out: { file: string; fixture: MispFixture }[] = [];
  for (const { group, dir } of fixtureDirs("misperception")) {
    for (const f of readdirSync(dir)
      .filter((x) => x.endsWith(".json"))
      .sort())
      out.push({ file: `${group}/${f}`, fixture: JSON.parse(readFileSync(join(dir, f), "utf8")) as MispFixture });
  }
  return out;
}

/** The fixture as scenario data with `misperceives`: bare patterns for some models, `{ pattern }` for the others. */
function scenarioData(fx: MispFixture, bare: boolean): Record<string, unknown> {
  const data = fixtureToScenarioData(fx);
  (data.decisionMakers as Record<string, unknown>[]).forEach((dm, d) => {
    const list = fx.decisionMakers[d].misperceptions;
    if (list) dm.misperceives = list.map((p) => (bare ? p : { pattern: p }));
  });
  return data;
}

function build(data: Record<string, unknown>): Model {
  const { scenario, issues } = validateData(data);
  expect(issues).toEqual([]);
  return compileScenario(scenario!);
}

const fixtures = misperceptionFixtures();

describe("the misperception oracle fixtures", () => {
  it("are all here (11 random, and gmcr-py's example when present)", () => {
    expect(fixtures.map((f) => f.file.split("/")[0])).toEqual([...(EXAMPLES ? ["examples"] : []), ...Array(11).fill("random")]);
  });
});

describe.each(fixtures.map((f, k) => ({ ...f, k })))("oracle $file", ({ fixture: fx, k }) => {
  const model = build(scenarioData(fx, k % 2 === 1));
  const h = analyzeHypergame(model);
  const pat = (s: number) => statePattern(model, s);
  const byId = new Map(fx.states.map((s) => [s.id, s.pattern]));
  const patterns = (ids: number[]) => ids.map((id) => byId.get(id)!).sort();
  const ours = (row: Uint8Array) => [...row].flatMap((v, s) => (v ? [pat(s)] : [])).sort();

  it("has the same feasible states, and each DM perceives the same ones", () => {
    expect(Array.from(model.states, (_, s) => pat(s))).toEqual(fx.states.map((s) => s.pattern));
    fx.decisionMakers.forEach((dm, d) => {
      expect(ours(h.perceived[d]), dm.name).toEqual(patterns(dm.perceivedStates ?? fx.states.map((s) => s.id)));
    });
  });

  it("has the same moves and improvements per DM, within what it perceives", () => {
    fx.decisionMakers.forEach((dm, d) => {
      const adj = h.moves[d];
      for (let s = 0; s < model.states.length; s++) {
        const targets = Array.from(adj.targets.subarray(adj.offsets[s], adj.offsets[s + 1]));
        expect(targets.map(pat).sort(), `${dm.name} from ${s + 1}`).toEqual(patterns(fx.reachable[dm.name][String(s + 1)]));
        const imps = targets
          .filter((t) => model.pref[d][t] > model.pref[d][s])
          .map(pat)
          .sort();
        expect(imps).toEqual(patterns(fx.unilateralImprovements[dm.name][String(s + 1)]));
      }
    });
  });

  it.each(CONCEPTS)("has the same %s stability per DM and equilibria", (concept) => {
    fx.decisionMakers.forEach((dm, d) => {
      expect(ours(h.stable[concept]![d]), `${concept} for ${dm.name}`).toEqual(patterns(fx.stable[concept][dm.name]));
    });
    expect(h.equilibria[concept]!.map(pat).sort()).toEqual(patterns(fx.equilibria[concept]));
  });

  it("explains every change against full information", () => {
    expectExplained(h);
  });
});

/** Every change of stability has a reason, and every changed sanction says what differs. */
function expectExplained(h: Hypergame) {
  for (const ch of stabilityChanges(h)) {
    const reasons = explainChange(h, ch);
    expect(reasons.length, `${ch.concept} DM ${ch.dm} state ${ch.state + 1}`).toBeGreaterThan(0);
    for (const r of reasons) if (r.kind === "lost-sanction" || r.kind === "new-sanction") expect(r.blocked, JSON.stringify(r)).not.toBeNull();
  }
}

// ---------------------------------------------------------------------------
// No misperception: exactly the plain analysis

function expectPlain(h: Hypergame, a = analyze(h.model)) {
  for (const c of CONCEPTS) {
    expect(h.stable[c]!.map((r) => [...r])).toEqual(a.stable[c]!.map((r) => [...r]));
    expect(h.equilibria[c]).toEqual(a.equilibria[c]);
  }
  expect(stabilityChanges(h)).toEqual([]);
}

describe("without misperception", () => {
  const plain = plainFixtures();

  it.each(HYPERGAME_VIEWS)("every plain oracle model gives the plain analysis (%s view)", (view) => {
    for (const { fixture } of plain) {
      const h = analyzeHypergame(build(fixtureToScenarioData(fixture)), { view });
      expect(h.misperception).toBe(false);
      expectPlain(h);
    }
  });

  it.each(HYPERGAME_VIEWS)("misperceptions that match no feasible state and views equal to the truth change nothing (%s view)", (view) => {
    for (const { fixture } of plain) {
      const data = fixtureToScenarioData(fixture);
      const dms = data.decisionMakers as Record<string, unknown>[];
      const prefs = data.preferences as Record<string, unknown>;
      dms.forEach((dm, d) => {
        // The infeasibility patterns match only infeasible states.
        dm.misperceives = fixture.infeasible.map((p) => ({ pattern: p }));
        const other = dms[(d + 1) % dms.length].id as string;
        if (other !== dm.id) dm.perceivedPreferences = { [other]: prefs[other] };
      });
      const h = analyzeHypergame(build(data), { view });
      expect(h.misperception).toBe(true);
      expectPlain(h);
    }
  });
});

// ---------------------------------------------------------------------------
// Definition by definition: a slow reference (tests/helpers/reference/hypergame.ts) for both views and misjudged preferences

describe("against a definition-by-definition reference", () => {
  // Random misperceptions and misjudged preferences on the small plain oracle models.
  const cases = plainFixtures()
    .filter(({ fixture }) => fixture.states.length <= 40)
    .map(({ file, fixture }, k) => ({ file, data: addRandomMisperceptions(fixtureToScenarioData(fixture), fixture.options.length, 1000 + k) }));

  it.each(cases)("agrees on $file in both views", ({ data }) => {
    const model = build(data);
    for (const view of HYPERGAME_VIEWS) {
      let h: Hypergame;
      try {
        h = analyzeHypergame(model, { view });
      } catch {
        continue; // a DM that perceives nothing is refused (tested below)
      }
      const prefsOf = h.views.map((v) => v.model.pref);
      for (const c of CONCEPTS)
        for (let i = 0; i < model.nDMs; i++)
          expect([...h.stable[c]![i]].map(Boolean), `${view} ${c} DM ${i}`).toEqual(referenceHypergame(model, h.perceived, prefsOf, view, c, i));
      expectExplained(h);
    }
  });
});

// ---------------------------------------------------------------------------
// The example of docs/hypergames.md, and the CLI

const doc = readFileSync("docs/hypergames.md", "utf8");
const dir = mkdtempSync(join(tmpdir(), "parley-hypergame-"));
let counter = 0;
function file(text: string): string {
  const path = join(dir, `case${++counter}.yaml`);
  writeFileSync(path, text);
  return path;
}
const border = (() => {
  const start = doc.indexOf("name: Border standoff");
  return file(doc.slice(doc.lastIndexOf("```yaml", start) + 8, doc.indexOf("```", start)));
})();

/** The lines of docs/hypergames.md from the command line `marker` to the end of its fenced block. */
function shownAfter(marker: string): string[] {
  const start = doc.indexOf(marker + "\n");
  expect(start, marker).toBeGreaterThan(-1);
  return doc
    .slice(start, doc.indexOf("```", start))
    .split("\n")
    .filter((l) => l.trim() !== "");
}

describe("docs/scenario-format.md's misperception example", () => {
  const text = readFileSync("docs/scenario-format.md", "utf8");
  const start = text.indexOf("## Misperception (hypergames)");
  const open = text.indexOf("```yaml", start);
  const block = text.slice(open + 8, text.indexOf("```", open + 8));
  const complete = (b: string) => `format: parley/1\nname: Example\n${b}statusQuo: NNN\npreferences:\n  neighbour: [attack]\n  defender: ["!attack"]\n`;

  it.each([
    ["statements", block, '      neighbour: ["!attack", "!ally"]'],
    [
      "a ranking",
      block.replace(/\n\s+neighbour: \["!attack".*\n\s+# (neighbour: \{ ranking.*?)\s+#.*\n/, "\n      $1\n"),
      "      neighbour: { ranking: [NNN, [NYN, NNY], NYY, Y--] }\n",
    ],
  ])("validates, with perceived preferences as %s", async (_, b, shown) => {
    expect(b).toContain(shown);
    const r = await parley("hypergame", file(complete(b)), "-f", "json");
    expect(r.stderr).toBe("");
    const j = JSON.parse(r.stdout);
    expect(j.decisionMakers[0].misperceives).toEqual(["ally", "fortify & ally", "--Y", "ally", "--Y"]);
    expect(j.decisionMakers[0].unperceivedStates).toEqual([5, 6, 7, 8]);
    expect(j.decisionMakers[1].misjudges).toEqual(["neighbour"]);
  });
});

describe("parley hypergame", () => {
  it("prints the example of docs/hypergames.md as shown there", async () => {
    for (const [marker, args] of [
      ["$ npx parley hypergame border.yaml -c GMR,SEQ", ["-c", "GMR,SEQ"]],
      ["$ npx parley hypergame border.yaml -c GMR,SEQ --view subjective", ["-c", "GMR,SEQ", "--view", "subjective"]],
    ] as const) {
      const r = await parley("hypergame", border, ...args);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      const out = r.stdout.split("\n").filter((l) => l.trim() !== "");
      expect(shownAfter(marker).slice(1)).toEqual(out);
    }
  });

  it("writes the JSON interface", async () => {
    const r = await parley("hypergame", border, "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.format).toBe("parley-hypergame/1");
    expect(j.view).toBe("gmcr");
    expect(j.concepts).toEqual([...CONCEPTS]);
    expect(j.misperception).toBe(true);
    expect(j.decisionMakers[0]).toEqual({ id: "neighbour", name: "Neighbour", misperceives: ["ally"], unperceivedStates: [5, 6, 7, 8], misjudges: [] });
    expect(j.decisionMakers[1].misjudges).toEqual(["neighbour"]);
    expect(j.equilibria.SEQ).toEqual([1, 6]);
    expect(j.fullInformation.equilibria.SEQ).toEqual([1, 3, 6]);
    expect(j.equilibriumChanges.SEQ).toEqual({ gained: [], lost: [3] });
    const change = j.changes.find(
      (c: { concept: string; state: number; decisionMaker: string }) => c.concept === "SEQ" && c.state === 3 && c.decisionMaker === "defender",
    );
    expect(change).toMatchObject({ fullInformation: true, perceived: false });
    expect(change.reasons[0]).toMatchObject({
      kind: "lost-sanction",
      from: 3,
      to: 1,
      sanction: { simultaneous: false, moves: [{ decisionMaker: "neighbour", from: 1, to: 2 }], result: 2 },
      blocked: { kind: "misjudged", decisionMaker: "neighbour", from: 1, to: 2 },
    });
  });

  it("renders Markdown", async () => {
    const r = await parley("hypergame", border, "-f", "md", "-c", "SEQ", "--view", "subjective");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("# Hypergame analysis: Border standoff");
    expect(r.stdout).toContain("| SEQ | 6 | 1, 3, 6 | none | 1, 3 |");
    expect(r.stdout).toContain("**state 1 (NNN)** (today): an equilibrium with full information under SEQ, but not in the hypergame.");
  });

  it("says when nothing is misperceived, and gives the plain equilibria", async () => {
    const r = await parley("hypergame", "scenarios/elmira.yaml", "-c", "Nash,GMR");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Every decision maker perceives every state and the others' true preferences");
    expect(r.stdout).toMatch(/Nash\s+5, 6, 7, 10, 11, 12\s+5, 6, 7, 10, 11, 12\s+none\s+none/);
    expect(r.stdout).toContain("Nowhere: every decision maker's stability is the same");
  });

  it("has --help with examples", async () => {
    const r = await parley("hypergame", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Examples:");
    expect(r.stdout).toContain("parley hypergame model.yaml -c Nash,SEQ --view subjective");
    expect((await parley("--help")).stdout).toMatch(/hypergame \[options\] <file>/);
  });
});

// ---------------------------------------------------------------------------
// Errors: a message naming where and what, exit code 2, no stack trace

const GOOD = `format: parley/1
name: Two options
decisionMakers:
  - id: a
    options:
      - id: x
    misperceives: ["y"]
  - id: b
    options:
      - id: y
statusQuo: NN
preferences:
  a: [x, "!y"]
  b: [y]
`;

async function fails(text: string, expected: string | RegExp, args: string[] = []) {
  const path = file(text);
  const r = await parley("hypergame", path, ...args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  if (typeof expected === "string") expect(r.stderr).toContain(expected.replace("FILE", path));
  else expect(r.stderr).toMatch(expected);
}

describe("hypergame errors", () => {
  it("accepts the base scenario", async () => {
    const r = await parley("hypergame", file(GOOD), "-f", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).decisionMakers[0].unperceivedStates).toEqual([3, 4]);
  });

  it("reports an unknown option in a misperceives condition, inside the text", async () => {
    await fails(GOOD.replace('["y"]', '["x & yy"]'), "FILE:7:25: unknown option 'yy' in 'x & yy'; did you mean 'y'? (at decisionMakers[0].misperceives[0])");
  });

  it("reports a pattern of the wrong length", async () => {
    await fails(
      GOOD.replace('["y"]', "\n      - pattern: YNN"),
      "FILE:8:18: pattern 'YNN' must have one Y, N or - per option (2 in all, in declaration order: x, y) (at decisionMakers[0].misperceives[0].pattern)",
    );
  });

  it("reports an entry with both a condition and a pattern, and an unknown field", async () => {
    await fails(GOOD.replace('["y"]', "\n      - { condition: y, pattern: -Y }"), "a misperceives entry takes a condition or a pattern, not both");
    await fails(
      GOOD.replace('["y"]', "\n      - { conditon: y }"),
      "unknown field 'conditon'; did you mean 'condition'? (at decisionMakers[0].misperceives[0].conditon)",
    );
  });

  it("refuses a decision maker that perceives no state", async () => {
    await fails(
      GOOD.replace('["y"]', '["y", "!y"]'),
      "FILE:7:19: 'a' perceives no feasible state: its misperceives entries match all 4 states (at decisionMakers[0].misperceives)",
    );
  });

  it("reports perceived preferences for an unknown or the same decision maker", async () => {
    const withViews = (views: string) => GOOD.replace('    misperceives: ["y"]', `    perceivedPreferences: ${views}`);
    await fails(
      withViews("{ bb: [y] }"),
      "FILE:7:29: perceivedPreferences given for unknown decision maker 'bb'; did you mean 'b'? (at decisionMakers[0].perceivedPreferences)",
    );
    await fails(withViews("{ a: [y] }"), "'a' cannot misjudge its own preferences");
    await fails(withViews("{ b: [z] }"), "FILE:7:33: unknown option 'z' in 'z'; did you mean 'x'? (at decisionMakers[0].perceivedPreferences.b[0])");
    await fails(
      withViews("{ b: { ranking: [NN, YN] } }"),
      "FILE:7:43: the ranking 'a' attributes to 'b' leaves out 2 feasible states: NY, YY (at decisionMakers[0].perceivedPreferences.b.ranking)",
    );
  });

  it("has parley validate report a perceived ranking that leaves states out", async () => {
    const path = file(GOOD.replace('    misperceives: ["y"]', "    perceivedPreferences: { b: { ranking: [NN, YN] } }"));
    const r = await parley("validate", path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}:7:43: the ranking 'a' attributes to 'b' leaves out 2 feasible states: NY, YY`);
  });

  it("reports a bad --view", async () => {
    const r = await parley("hypergame", file(GOOD), "--view", "mine");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--view <view>' argument 'mine' is invalid. Allowed choices are gmcr, subjective.");
  });
});
