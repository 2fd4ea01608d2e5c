// Long only because of its many real cases (hand-worked games, CLI); generators and references are in tests/helpers/.
/**
 * Foresight: limited-move stability L_h and non-myopic stability NM
 * (src/extensions/limited-move.ts, `parley foresight`).
 *
 * 1. Classic 2×2 games from scenarios/: results worked by hand below (and
 *    compared with what the literature says of them, where we could check it).
 * 2. Properties on random models (fast-check, fixed seed): the engine agrees
 *    with a literal top-down recursion from the definition (tests/helpers/
 *    reference/foresight.ts); L_1 is Nash; rotation equals two-dm for two DMs; maximin's first horizons are
 *    Nash, GMR, SMR for two DMs (and lie inside GMR, SMR for more); two-dm L_2
 *    lies inside SEQ; a DM with no move is stable; L_h repeats with the period
 *    NM reports, so beyond the number of states it equals NM wherever NM has a
 *    limit; the anticipated play is legal and ends where G_h says.
 * 3. The CLI: text, Markdown and JSON output, errors with exit code 2.
 */
import fc from "fast-check";
import { readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, compileScenario, createContext, loadModel, ParleyError, validateData, type Model } from "../../src/index.js";
import type { StabilityContext } from "../../src/stability/context.js";
import {
  FORESIGHT_VARIANTS,
  LimitedMove,
  limitedMove,
  limitedMoveEquilibria,
  limitedMoveStable,
  NO_LIMIT,
  nonMyopicStability,
  type ForesightVariant,
} from "../../src/extensions/limited-move.js";
import { parley } from "../helpers/cli.js";
import { arbModel, runs as fcRuns } from "../helpers/arbitraries.js";
import { referenceMoves, referenceOutcome } from "../helpers/reference.js";

const context = (file: string) => createContext(loadModel(readFileSync(file, "utf8"), file));
const ids = (states: number[]) => states.map((s) => s + 1);
const eqAt = (ctx: StabilityContext, h: number, v: ForesightVariant = "two-dm") => ids(limitedMoveEquilibria(ctx, h, v));

// ---------------------------------------------------------------------------
// 1. Classic 2×2 games

describe("the Prisoner's Dilemma (scenarios/prisoners-dilemma.yaml)", () => {
  // States: 1 NN (both silent, "cooperate"), 2 YN (only P1 confesses), 3 NY, 4 YY.
  // P1's order: YN (4) > NN (3) > YY (2) > NY (1); P2's symmetric.
  const ctx = context("scenarios/prisoners-dilemma.yaml");

  it("L_1 is Nash: only mutual confession", () => {
    expect(eqAt(ctx, 1)).toEqual([4]);
  });

  it("from horizon 2 on, mutual silence is stable too (hand-worked)", () => {
    // L_2 at NN for P1: P1's only move is to confess (YN); P2, with one move
    // left, confesses too (YY ranks 2 for P2 against 1 at YN): G_1(P2, YN) = YY,
    // which P1 ranks 2 < 3 at NN, so P1 stays. By symmetry NN is an L_2
    // equilibrium. At YY, P1's move to NY is not answered (P2 would only return
    // to NN, 3 < 4 at NY), and NY is P1's worst: P1 stays; YY stays an equilibrium.
    // At YN P2 confesses at once (YY: 2 > 1), so YN, NY are never equilibria.
    for (let h = 2; h <= 12; h++) expect(eqAt(ctx, h), `L_${h}`).toEqual([1, 4]);
  });

  it("NM: mutual silence and mutual confession are both non-myopically stable", () => {
    // Brams & Ismail (2021), "Every normal-form game has a Pareto-optimal
    // nonmyopic equilibrium", Theory and Decision, doi:10.1007/s11238-021-09824-1,
    // Introduction: "Although the noncooperative outcome in Prisoners' Dilemma is
    // an NME that coincides with the NE, ... the cooperative outcome is also an
    // NME" — the finding of Brams & Wittman (1981), whose table we could not
    // consult; their rules of play differ from Kilgour's in detail (they stop
    // after a full cycle of moves), so this is a consistency check, with the
    // hand-worked L_h above as the exact test.
    const nm = nonMyopicStability(ctx);
    expect(ids(nm.equilibria)).toEqual([1, 4]);
    expect({ preperiod: nm.preperiod, period: nm.period }).toEqual({ preperiod: 2, period: 1 });
    expect(nm.status.map((a) => Array.from(a))).toEqual([
      [1, 1, 0, 1],
      [1, 0, 1, 1],
    ]);
  });
});

describe("Chicken (scenarios/chicken.yaml)", () => {
  // States: 1 NN (crash), 2 YN (A swerves, B goes straight), 3 NY, 4 YY (both swerve).
  // A's order: NY (4) > YY (3) > YN (2) > NN (1); B's symmetric.
  const ctx = context("scenarios/chicken.yaml");

  it("L_1 is Nash: one swerves, the other does not", () => {
    expect(eqAt(ctx, 1)).toEqual([2, 3]);
  });

  it("L_2 has no equilibrium (hand-worked)", () => {
    // YN for A: A goes straight (→ NN, a crash, A's worst), anticipating that B,
    // with the last move, swerves (→ NY: 2 > 1 for B). NY is A's best, so A
    // moves: YN is not L_2 stable for A, and NY not for B. NN: A swerves (→ YN);
    // B would only swerve too (→ YY, 3 < 4 for B), so play ends at YN, which A
    // prefers to the crash: A moves. YY: A goes straight (→ NY); B would only
    // crash (→ NN, 1 < 2): play ends at NY, A's best: A moves. So no state is
    // stable for both.
    const s = limitedMove(ctx);
    expect(eqAt(ctx, 2)).toEqual([]);
    expect(Array.from(s.stable(0, 2))).toEqual([0, 0, 1, 0]);
    expect(Array.from(s.stable(1, 2))).toEqual([0, 1, 0, 0]);
    expect(ids(Array.from(s.outcomes(0, 2)))).toEqual([2, 3, 3, 3]);
  });

  it("from horizon 3 on, only mutual swerving is an equilibrium (hand-worked); it is the NM equilibrium", () => {
    // L_3 at YY for A: A goes straight (→ NY). B, two moves left, weighs
    // crashing (→ NN): A, one move left, would then swerve (→ YN, 2 > 1 for A),
    // B's best; so B crashes, G_2(B, NY) = YN, which A ranks 2 < 3 at YY: A
    // stays, and by symmetry YY is an L_3 equilibrium. YN for A: A goes straight
    // (→ NN); B, two moves left, swerves (→ NY, 2 > 1 for B), since A, at its
    // best there, would not move again: G_2(B, NN) = NY, A's best, so A moves
    // (likewise NY for B). NN: A swerves (→ YN); B's only move (swerve → YY)
    // would let A go straight (→ NY), so B stops at YN, which A prefers to the
    // crash: A moves. Only YY is stable for both, and stays so at longer horizons.
    // Brams & Wittman (1981) report the compromise (3,3) as Chicken's
    // nonmyopic equilibrium; we could not consult their table, hence the working.
    for (let h = 3; h <= 12; h++) expect(eqAt(ctx, h), `L_${h}`).toEqual([4]);
    const nm = nonMyopicStability(ctx);
    expect(ids(nm.equilibria)).toEqual([4]);
    expect(nm.status.every((a) => a.every((v) => v !== NO_LIMIT))).toBe(true);
  });

  it("the anticipated play shows the threat that deters a move", () => {
    // At YY with horizon 3, A's best move (go straight) is answered by B going
    // straight too, then A swerves: play ends at YN, worse for A than YY.
    const s = limitedMove(ctx);
    expect(s.play(0, 3, 3)).toEqual([]);
    expect(s.play(0, 3, 3, true)).toEqual([
      { dm: 0, from: 3, to: 2 },
      { dm: 1, from: 2, to: 0 },
      { dm: 0, from: 0, to: 1 },
    ]);
  });
});

describe("2×2 games in general", () => {
  it("L_h stability cycles with the horizon in some strict ordinal 2×2 games", () => {
    // Rêgo, de Oliveira, Vieira & Kilgour (2025), "Classifying limited-move
    // stability cycles in 2×2 games", Games 16(5) 54, abstract: for each 2×2
    // strict ordinal game they determine "the lengths of cycles and the numbers
    // of moves until cycling begins". We could not consult their tables; this
    // checks the phenomenon exists (so NM has no limit there) on the game
    // A: NN > YN > NY > YY, B: YN > NN > NY > YY, worked out by the engine.
    const m = game2x2(["NN", "YN", "NY", "YY"], ["YN", "NN", "NY", "YY"]);
    const nm = nonMyopicStability(createContext(m));
    expect(nm.period).toBeGreaterThan(1);
    expect(nm.status.some((a) => a.some((v) => v === NO_LIMIT))).toBe(true);
  });
});

describe("variants for more than two decision makers", () => {
  const ctx = context("scenarios/elmira.yaml");

  it("refuses two-dm on a three-DM model with a message naming the alternatives", () => {
    expect(() => limitedMoveStable(ctx, 0, 2)).toThrow(ParleyError);
    expect(() => limitedMoveStable(ctx, 0, 2)).toThrow(/exactly two decision makers.*rotation.*maximin/s);
  });

  it("a DM with no move is stable at every horizon (Elmira: the ministry cannot undo a modified order)", () => {
    // "modify" is irreversible: at states with modify = Y the ministry (DM 0) has no move.
    for (const v of ["rotation", "maximin"] as const) {
      const nm = nonMyopicStability(ctx, v);
      for (let s = 0; s < ctx.model.states.length; s++) {
        if ((ctx.model.states[s] & 1) === 0) continue;
        for (let h = 1; h <= 6; h++) expect(limitedMoveStable(ctx, 0, h, v)[s]).toBe(1);
        expect(nm.status[0][s]).toBe(1);
      }
    }
  });

  it("maximin with horizon 2 and 3 lies within GMR and SMR (Elmira)", () => {
    const a = analyze(ctx.model, { concepts: ["GMR", "SMR"], context: ctx });
    for (const [h, c] of [
      [2, "GMR"],
      [3, "SMR"],
    ] as const)
      for (const s of limitedMoveEquilibria(ctx, h, "maximin")) expect(a.equilibria[c]).toContain(s);
  });

  it("rotation starts with the focal DM and follows the scenario order", () => {
    // From the status quo (1, NYNNN) with horizon 3, the ministry modifies its
    // order, Uniroyal accepts it, the local government insists (state 10).
    const play = limitedMove(ctx, "rotation").play(0, 0, 3);
    expect(play.map((m) => [m.dm, m.to + 1])).toEqual([
      [0, 2],
      [1, 4],
      [2, 10],
    ]);
  });

  it("the horizon must be a whole number of moves, 1 or more", () => {
    const s = limitedMove(context("scenarios/chicken.yaml"));
    expect(() => s.stable(0, 0)).toThrow(/whole number/);
    expect(() => s.stable(0, 1.5)).toThrow(/whole number/);
  });
});

// ---------------------------------------------------------------------------
// 2. Properties on random models

// Random models from the shared generator: 1–2 options per DM, rankings with ties.
const modelArb = (minDMs: number, maxDMs: number) =>
  arbModel({ dms: [minDMs, maxDMs], optionsPerDM: [1, 2], maxOptions: 8, maxInfeasible: 2, preferences: "ranking", spread: [2, 64] });

/** A strict 2×2 game: each DM's ranking of NN, YN, NY, YY, best first (A controls the first letter). */
function game2x2(a: string[], b: string[]): Model {
  const r = validateData({
    format: "parley/1",
    name: "2x2",
    decisionMakers: [
      { id: "a", name: "A", options: [{ id: "x", label: "x" }] },
      { id: "b", name: "B", options: [{ id: "y", label: "y" }] },
    ],
    statusQuo: "NN",
    preferences: { a: { ranking: a }, b: { ranking: b } },
  });
  return compileScenario(r.scenario!);
}

const runs = (numRuns: number) => fcRuns(numRuns, 20250612);
const variantsFor = (m: Model): ForesightVariant[] => (m.nDMs === 2 ? [...FORESIGHT_VARIANTS] : ["rotation", "maximin"]);

describe("random models", () => {
  it("agree with the literal recursion for horizons 1 to 4", () => {
    fc.assert(
      fc.property(modelArb(2, 3), (m) => {
        const ctx = createContext(m);
        for (const v of variantsFor(m)) {
          const s = new LimitedMove(ctx, v);
          for (let h = 1; h <= (m.nDMs === 2 ? 4 : 3); h++)
            for (let i = 0; i < m.nDMs; i++) {
              const g = s.outcomes(i, h);
              for (let x = 0; x < m.states.length; x++) expect(g[x], `${v} L_${h} DM ${i} state ${x + 1}`).toBe(referenceOutcome(m, v, i, h, x));
            }
        }
      }),
      runs(60),
    );
  });

  it("L_1 is Nash stability under every variant", () => {
    fc.assert(
      fc.property(modelArb(2, 3), (m) => {
        const ctx = createContext(m);
        const nash = analyze(m, { concepts: ["Nash"], context: ctx }).stable.Nash!;
        for (const v of variantsFor(m)) for (let i = 0; i < m.nDMs; i++) expect(limitedMoveStable(ctx, i, 1, v)).toEqual(nash[i]);
      }),
      runs(100),
    );
  });

  it("two DMs: rotation is two-dm; maximin L_1, L_2, L_3 are Nash, GMR, SMR; two-dm L_2 lies within SEQ", () => {
    fc.assert(
      fc.property(modelArb(2, 2), (m) => {
        const ctx = createContext(m);
        const a = analyze(m, { concepts: ["Nash", "GMR", "SMR", "SEQ"], context: ctx });
        for (let i = 0; i < 2; i++) {
          for (let h = 1; h <= 6; h++) expect(limitedMoveStable(ctx, i, h, "rotation")).toEqual(limitedMoveStable(ctx, i, h, "two-dm"));
          expect(limitedMoveStable(ctx, i, 1, "maximin")).toEqual(a.stable.Nash![i]);
          expect(limitedMoveStable(ctx, i, 2, "maximin")).toEqual(a.stable.GMR![i]);
          expect(limitedMoveStable(ctx, i, 3, "maximin")).toEqual(a.stable.SMR![i]);
          const l2 = limitedMoveStable(ctx, i, 2);
          l2.forEach((v, s) => v && expect(a.stable.SEQ![i][s], `state ${s + 1}`).toBe(1));
        }
      }),
      runs(100),
    );
  });

  it("more DMs: maximin L_2 lies within GMR and L_3 within SMR", () => {
    fc.assert(
      fc.property(modelArb(3, 4), (m) => {
        const ctx = createContext(m);
        const a = analyze(m, { concepts: ["GMR", "SMR"], context: ctx });
        for (let i = 0; i < m.nDMs; i++)
          for (const [h, c] of [
            [2, "GMR"],
            [3, "SMR"],
          ] as const)
            limitedMoveStable(ctx, i, h, "maximin").forEach((v, s) => v && expect(a.stable[c]![i][s]).toBe(1));
      }),
      runs(60),
    );
  });

  it("a state where the DM has no move is stable for it at every horizon and under NM", () => {
    fc.assert(
      fc.property(modelArb(2, 3), (m) => {
        const ctx = createContext(m);
        for (const v of variantsFor(m)) {
          const nm = nonMyopicStability(ctx, v);
          for (let i = 0; i < m.nDMs; i++)
            for (let s = 0; s < m.states.length; s++) {
              if (referenceMoves(m, i, s).length > 0) continue;
              for (let h = 1; h <= 5; h++) expect(limitedMoveStable(ctx, i, h, v)[s]).toBe(1);
              expect(nm.status[i][s]).toBe(1);
            }
        }
      }),
      runs(100),
    );
  });

  it("L_h repeats with NM's period and, beyond the number of states, equals NM wherever NM has a limit", () => {
    fc.assert(
      fc.property(modelArb(2, 3), (m) => {
        const ctx = createContext(m);
        for (const v of variantsFor(m)) {
          const nm = nonMyopicStability(ctx, v);
          const fresh = new LimitedMove(ctx, v);
          const S = m.states.length;
          const horizons = [...Array(2 * nm.period).keys()].map((k) => nm.from + k);
          horizons.push(S + 1, S + nm.from + nm.period, 2 * S + 3);
          for (let i = 0; i < m.nDMs; i++) {
            const seen = new Set<string>();
            for (const h of horizons.filter((h) => h >= nm.from)) {
              const now = fresh.stable(i, h);
              expect(now).toEqual(fresh.stable(i, h + nm.period));
              now.forEach((x, s) => {
                if (nm.status[i][s] !== NO_LIMIT) expect(x, `${v} DM ${i} state ${s + 1} L_${h}`).toBe(nm.status[i][s]);
                else seen.add(`${s}:${x}`);
              });
            }
            // A state without a limit is stable at some horizons of the cycle and not at others.
            nm.status[i].forEach((x, s) => x === NO_LIMIT && expect(seen.has(`${s}:1`) && seen.has(`${s}:0`)).toBe(true));
          }
        }
      }),
      runs(40),
    );
  });

  it("the anticipated play is a legal alternation that ends where G_h says", () => {
    fc.assert(
      fc.property(modelArb(2, 3), fc.integer({ min: 1, max: 6 }), (m, h) => {
        const ctx = createContext(m);
        for (const v of variantsFor(m)) {
          const solver = limitedMove(ctx, v);
          for (let i = 0; i < m.nDMs; i++) {
            const g = solver.outcomes(i, h);
            const stable = solver.stable(i, h);
            for (let s = 0; s < m.states.length; s++) {
              for (const tryMove of [false, true]) {
                const play = solver.play(i, s, h, tryMove);
                expect(play.length).toBeLessThanOrEqual(h);
                if (!tryMove) expect(play.length === 0).toBe(stable[s] === 1);
                if (!tryMove) expect(play.length ? play[play.length - 1].to : s).toBe(g[s]);
                if (play.length) expect(play[0].dm).toBe(i);
                play.forEach((st, k) => {
                  expect(st.from).toBe(k === 0 ? s : play[k - 1].to);
                  expect(referenceMoves(m, st.dm, st.from)).toContain(st.to);
                  if (k > 0 && v !== "maximin") expect(st.dm).toBe((play[k - 1].dm + 1) % m.nDMs);
                  if (k > 0 && v === "maximin") expect(st.dm === i).toBe(k % 2 === 0);
                });
              }
            }
          }
        }
      }),
      runs(40),
    );
  });
});

describe("speed", () => {
  it("horizons 1 to 10 and NM on the 576-state Ukraine scenario take well under a second per variant", () => {
    const ctx = context("scenarios/ukraine-2025.yaml");
    expect(ctx.model.states.length).toBeGreaterThan(500);
    const t0 = performance.now();
    for (const v of ["rotation", "maximin"] as const) {
      for (let h = 1; h <= 10; h++) limitedMoveEquilibria(ctx, h, v);
      nonMyopicStability(ctx, v);
    }
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

// ---------------------------------------------------------------------------
// 3. The CLI

describe("parley foresight", () => {
  it("prints L_2 for Chicken: the table, no equilibrium, and the play each driver anticipates", async () => {
    const r = await parley("foresight", "scenarios/chicken.yaml", "--horizon", "2");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const t = r.stdout;
    expect(t).toContain("Chicken: limited-move stability with horizon 2 (L_2)");
    expect(t).toMatch(/▸1\s+NN\s+·\s+·\s*\n/);
    expect(t).toMatch(/ 2\s+YN\s+·\s+✓\s*\n/);
    expect(t).toMatch(/ 3\s+NY\s+✓\s+·\s*\n/);
    expect(t).toContain("L_2 equilibria: none.");
    expect(t).toContain("Anticipated play from state 1 (NN), the status quo, looking 2 moves ahead:");
    expect(t).toContain("• Driver A moves:\n    1. Driver A: driver A swerves → state 2 (YN)\n    Then Driver B stops: play ends in state 2");
  });

  it("explains what deters a move at a chosen state", async () => {
    const r = await parley("foresight", "scenarios/chicken.yaml", "-H", "3", "--state", "YY");
    expect(r.stdout).toContain("L_3 equilibria: 4 (YY).");
    expect(r.stdout).toContain("• Driver A stays. Its best move would not pay:");
    expect(r.stdout).toContain("play would end in state 2, which Driver A ranks 3, worse than 2 now.");
  });

  it("prints NM as JSON with the cycle, per-state stability and the play", async () => {
    const r = await parley("foresight", "scenarios/prisoners-dilemma.yaml", "--nm", "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.format).toBe("parley-foresight/1");
    expect(j).toMatchObject({ concept: "NM", variant: "two-dm", horizon: null, statusQuo: 1, equilibria: [1, 4] });
    expect(j.nonMyopic).toEqual({ preperiod: 2, period: 1, from: 2 });
    expect(j.decisionMakers).toEqual([
      { id: "p1", name: "Prisoner 1" },
      { id: "p2", name: "Prisoner 2" },
    ]);
    expect(j.states[1]).toEqual({ id: 2, pattern: "YN", stable: { p1: true, p2: false }, anticipated: { p1: 2, p2: 4 } });
    expect(j.stable).toEqual({ p1: [1, 2, 4], p2: [1, 3, 4] });
    expect(j.noLimit).toEqual({ p1: [], p2: [] });
    expect(j.play.state).toBe(1);
    expect(j.play.decisionMakers[0]).toEqual({
      id: "p1",
      stable: true,
      moves: [],
      result: 1,
      tried: {
        moves: [
          { decisionMaker: "p1", from: 1, to: 2 },
          { decisionMaker: "p2", from: 2, to: 4 },
        ],
        result: 4,
      },
    });
  });

  it("prints L_h as JSON with the horizon and without NM fields", async () => {
    const j = JSON.parse((await parley("foresight", "scenarios/chicken.yaml", "-f", "json")).stdout);
    expect(j).toMatchObject({ concept: "L_h", horizon: 2, equilibria: [] });
    expect(j.nonMyopic).toBeUndefined();
    expect(j.noLimit).toBeUndefined();
  });

  it("runs the variants for more decision makers, in Markdown too", async () => {
    const r = await parley("foresight", "scenarios/elmira.yaml", "--variant", "maximin", "-H", "3", "-f", "md");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("# Elmira groundwater contamination: limited-move stability with horizon 3 (L_3)");
    expect(r.stdout).toContain("| state | pattern | moe | uniroyal | local | L_3 equilibrium |");
    const rot = JSON.parse((await parley("foresight", "scenarios/elmira.yaml", "--variant", "rotation", "--nm", "-f", "json")).stdout);
    expect(rot.variant).toBe("rotation");
    expect(Object.keys(rot.stable)).toEqual(["moe", "uniroyal", "local"]);
  });

  it("shows the variants and examples in --help", async () => {
    const r = await parley("foresight", "--help");
    expect(r.code).toBe(0);
    for (const v of FORESIGHT_VARIANTS) expect(r.stdout).toContain(`  ${v}`);
    expect(r.stdout).toContain("parley foresight scenarios/chicken.yaml --horizon 2");
  });

  it("docs/foresight.md shows the real output of its example", async () => {
    const doc = readFileSync("docs/foresight.md", "utf8");
    const marker = "`parley foresight scenarios/chicken.yaml --horizon 2` prints:";
    const at = doc.indexOf(marker);
    expect(at).toBeGreaterThan(-1);
    const open = doc.indexOf("```\n", at) + 4;
    const shown = doc.slice(open, doc.indexOf("```", open));
    expect(shown).toBe((await parley("foresight", "scenarios/chicken.yaml", "--horizon", "2")).stdout);
  });

  it("refuses what does not apply, with exit code 2 and a message", async () => {
    const two = await parley("foresight", "scenarios/elmira.yaml");
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(
      /^parley: limited-move stability as defined by Kilgour \(1985\).*exactly two decision makers; this scenario has 3 \(moe, uniroyal, local\).*\(--variant on the command line\): rotation \(.*\); maximin \(/,
    );
    expect(two.stdout).toBe("");

    const dir = mkdtempSync(join(tmpdir(), "parley-foresight-"));
    const solo = join(dir, "solo.yaml");
    writeFileSync(
      solo,
      "format: parley/1\nname: Solo\ndecisionMakers:\n  - id: a\n    name: A\n    options:\n      - id: x\n        label: X\nstatusQuo: N\npreferences:\n  a: [x]\n",
    );
    const one = await parley("foresight", solo, "--variant", "rotation");
    expect(one.code).toBe(2);
    expect(one.stderr).toContain("need at least two decision makers");

    for (const args of [
      ["--horizon", "0"],
      ["--horizon", "1001"],
      ["--nm", "--horizon", "3"],
      ["--variant", "nope"],
      ["--state", "9"],
      ["--format", "csv"],
    ]) {
      const r = await parley("foresight", "scenarios/chicken.yaml", ...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).not.toBe("");
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
    const missing = await parley("foresight", join(dir, "missing.yaml"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file");
  });
});
