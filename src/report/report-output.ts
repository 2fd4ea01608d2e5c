/**
 * `parley report` (`parley-report/1`) as an output kind: its tag, its JSON
 * Schema and its document. The JSON is the report's data (buildReport) under
 * the tag; the document is made in render.ts.
 */
import type { OutputKind } from "../present/kind.js";
import type { ReportData } from "./build.js";
import { reportDocument, type ReportLayout } from "./render.js";
import {
  arr,
  bargainModel,
  bool,
  byConcept,
  concept,
  dashPattern,
  ids,
  int,
  irreversible,
  nullable,
  num,
  obj,
  oneOfValues,
  pattern,
  root,
  stateIdSchema,
  str,
} from "../present/schema-kit.js";

export const REPORT_FORMAT = "parley-report/1";

const cited = obj({ text: str, expression: str, sources: arr(str), assumption: str }, ["expression", "sources", "assumption"]);
const counts = byConcept(int);
const play = obj(
  {
    moves: arr(str),
    stops: obj({ state: stateIdSchema, words: str }),
    staying: arr(obj({ dm: str, text: str })),
    nearest: obj({ dm: str, text: str }),
    joint: obj({ members: arr(str), steps: arr(str), toWords: str }),
  },
  ["staying", "nearest", "joint"],
);
const perceptions = arr(obj({ reader: str, of: arr(str), play }));
const skipReason = oneOfValues("count", "time");
const outlook = obj({
  from: stateIdSchema,
  fromPattern: pattern,
  fromWords: str,
  todayStableUnder: arr(concept),
  reachableStates: int,
  paths: arr(
    obj({
      state: stateIdSchema,
      pattern,
      words: str,
      concepts: arr(concept),
      steps: arr(obj({ mover: str, moverName: str, from: stateIdSchema, to: stateIdSchema, action: str, reason: cited, rankBefore: int, rankAfter: int })),
    }),
  ),
  unreachable: arr(obj({ words: str, states: ids, concepts: arr(concept) })),
  unreachableCount: int,
});
const reportSchema = root(
  REPORT_FORMAT,
  "parley report --format json",
  {
    scenario: obj({ name: str, asOf: str, description: str, sources: arr(str) }, ["asOf", "description", "sources"]),
    model: obj({
      parties: arr(
        obj(
          {
            id: str,
            name: str,
            note: str,
            options: arr(obj({ id: str, label: str, today: bool, irreversible, sources: arr(str), assumption: str }, ["sources", "assumption"])),
          },
          ["note"],
        ),
      ),
      today: obj({ state: stateIdSchema, pattern, words: str, note: str, sources: arr(str) }, ["note", "sources"]),
      constraints: arr(cited),
      feasibleStates: int,
      candidateStates: int,
    }),
    summary: arr(str),
    counts,
    tiers: arr(
      obj({
        key: oneOfValues("nash", "credible", "simultaneous", "threats"),
        title: str,
        explanation: str,
        concept,
        total: int,
        families: arr(
          obj({
            words: str,
            pattern: dashPattern,
            states: ids,
            example: stateIdSchema,
            examplePattern: pattern,
            why: arr(obj({ dm: str, text: str })),
            reachableFromToday: bool,
          }),
        ),
        moreFamilies: int,
      }),
    ),
    outlook,
    whatIfs: arr(obj({ title: str, file: str, note: str, changes: arr(str), comparison: arr(str), counts, outlook, play }, ["note"])),
    perceptions,
    coalitions: arr(
      obj({
        state: stateIdSchema,
        words: str,
        why: str,
        joint: arr(obj({ members: arr(str), steps: arr(str), to: stateIdSchema, toWords: str, deterredUnder: arr(concept), openUnder: arr(concept) })),
      }),
    ),
    goals: arr(
      obj(
        {
          title: str,
          condition: str,
          note: str,
          states: int,
          stable: arr(obj({ concept, count: int, families: arr(str) })),
          reachableFromToday: bool,
          jointFromToday: obj({ members: arr(str), steps: arr(str), toWords: str }),
          wouldTake: arr(obj({ concept, already: bool, found: bool, exhaustive: bool, lines: arr(str), toWords: str }, ["toWords"])),
        },
        ["note", "jointFromToday"],
      ),
    ),
    robustness: obj(
      {
        exact: bool,
        profiles: int,
        uncertain: int,
        alternatives: int,
        rows: arr(obj({ state: stateIdSchema, words: str, label: str, probability: byConcept(num) })),
        influences: arr(str),
        budget: int,
      },
      ["budget"],
    ),
    assumptions: obj(
      {
        tried: int,
        leaveOutlook: int,
        decisive: arr(obj({ change: str, dm: str, statements: arr(cited), effect: str, changesOutlook: bool })),
        budget: obj({
          candidates: int,
          sameRanking: int,
          maxChanges: nullable(int),
          seconds: nullable(num),
          stoppedBy: skipReason,
          analysed: arr(str),
          skipped: arr(obj({ change: str, why: skipReason })),
        }),
      },
      ["budget"],
    ),
    limitations: arr(str),
    checks: arr(obj({ code: str, element: str, message: str, fix: str })),
    bottomLine: obj(
      {
        made: str,
        asOf: nullable(str),
        horizon: int,
        outcomes: arr(obj({ words: str, probability: num })),
        rest: num,
        change: arr(str),
        readings: arr(obj({ dm: str, label: str, weight: num })),
        tried: obj({ variants: int, moving: int }),
        whatIfs: arr(obj({ title: str, play })),
        perceptions,
        watch: arr(obj({ move: str, chance: num, effect: str })),
        questions: arr(obj({ id: str, question: str, by: str, probability: nullable(num), retrodiction: bool })),
        readingsWeighed: obj({ kept: int, of: int, weight: num }),
      },
      ["readingsWeighed"],
    ),
    bargaining: obj(
      {
        issues: arr(
          obj({
            id: str,
            title: str,
            scale: str,
            forecasts: arr(obj({ model: bargainModel, title: str, forecast: num, spread: arr(num) }, ["spread"])),
            path: arr(num),
            links: arr(obj({ option: str, label: str, range: str, onUnder: arr(str), offUnder: arr(str), linkSteady: bool }, ["linkSteady"])),
            chart: str,
          }),
        ),
        linkModel: obj({ model: bargainModel, title: str, reason: str }, ["reason"]),
        draws: obj({ samples: int, seed: int }),
      },
      ["linkModel", "draws"],
    ),
    facts: arr(obj({ id: str, fact: str, quote: str }, ["quote"])),
  },
  ["robustness", "bargaining", "bottomLine", "facts"],
);

/** `parley report`: the report data is its own JSON contract, with the tag first. */
export const reportOutput: OutputKind<ReportData, ReportLayout> = {
  format: REPORT_FORMAT,
  schema: reportSchema,
  toJson: (r) => ({ format: REPORT_FORMAT, ...r }),
  toDocument: (r, layout) => reportDocument(r, layout),
};
