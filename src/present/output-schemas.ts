/**
 * The JSON Schemas (draft 2020-12) of every JSON output of the `parley`
 * commands, one per kind (the value of the output's top-level `format`).
 * `npm run schema` writes each to schema/<kind with / as ->.schema.json
 * (parley-analysis/1 -> schema/parley-analysis-1.schema.json);
 * tests/output-schemas.test.ts runs every command and validates its output
 * against them. Objects are closed (`additionalProperties: false`) and list
 * every field that is always present as `required`: a renamed or missing
 * field fails. Adding a field here and in the output is not a breaking
 * change; renaming or removing one is, and needs a new version (/2).
 */
import { COALITION_CONCEPTS } from "../extensions/coalitions.js";
import { HYPERGAME_VIEWS } from "../extensions/hypergame.js";
import { MODELS } from "../bargaining/types.js";
import { CONCEPTS } from "../stability/analyze.js";
import { FORESIGHT_VARIANTS } from "../extensions/limited-move.js";
import { UNKNOWN_CONCEPTS, UNKNOWN_VARIANTS } from "../extensions/unknown.js";

type Schema = Record<string, unknown>;

const str: Schema = { type: "string" };
const int: Schema = { type: "integer" };
const num: Schema = { type: "number" };
const bool: Schema = { type: "boolean" };
/** A state id (1-based). */
const stateId: Schema = { type: "integer", minimum: 1 };
const pattern: Schema = { type: "string", pattern: "^[YN]*$" };
const dashPattern: Schema = { type: "string", pattern: "^[YN-]*$" };
const arr = (items: Schema, extra: Schema = {}): Schema => ({ type: "array", items, ...extra });
const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: "null" }] });
const oneOfValues = (...values: (string | number | boolean)[]): Schema => ({ enum: values });
/** An object with exactly these fields; all are required except those named in `optional`. */
function obj(properties: Record<string, Schema>, optional: string[] = [], description?: string): Schema {
  return {
    type: "object",
    ...(description ? { description } : {}),
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    additionalProperties: false,
  };
}
/** An object used as a map from keys (ids, concepts, variants) to values. */
const map = (values: Schema, keys?: Schema): Schema => ({ type: "object", ...(keys ? { propertyNames: keys } : {}), additionalProperties: values });
const concept: Schema = { enum: [...CONCEPTS] };
const byConcept = (values: Schema) => map(values, concept);
const ids = arr(stateId);
/** The top-level tag of a kind. */
const tag = (kind: string): Schema => ({ const: kind, description: "The kind of output and its version." });

function root(kind: string, title: string, properties: Record<string, Schema>, optional: string[] = []): Schema {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `${kindFile(kind)}`,
    title,
    ...obj({ format: tag(kind), ...properties }, optional),
  };
}

/** One move: who, from which state, to which. */
const step = obj({ decisionMaker: str, from: stateId, to: stateId });
const irreversible = oneOfValues(false, "taking", "withdrawal");
/** concept -> decision maker id -> state ids. */
const stableSets = byConcept(map(ids));
const equilibriaSets = byConcept(ids);

const analysis = root(
  "parley-analysis/1",
  "parley analyze --format json",
  {
    scenario: obj({ name: str, description: str }, ["description"]),
    decisionMakers: arr(obj({ id: str, name: str, options: arr(str) })),
    options: arr(obj({ id: str, label: str, decisionMaker: str, irreversible })),
    concepts: arr(concept),
    statusQuo: stateId,
    equilibriaOnly: {
      const: true,
      description: "Present (true) with -e: states and stable list only the states that are an equilibrium under some concept analysed.",
    },
    states: arr(obj({ id: stateId, pattern, ranks: map(int) })),
    stable: stableSets,
    equilibria: equilibriaSets,
  },
  ["equilibriaOnly"],
);

const states = root("parley-states/1", "parley states --format json", {
  statusQuo: stateId,
  states: arr(obj({ id: stateId, value: { type: "integer", minimum: 0 }, pattern, taken: arr(str), ranks: map(int) })),
});

const sanction = obj({ simultaneous: bool, moves: arr(step), result: stateId });
const explanation = root("parley-explanation/1", "parley explain --format json", {
  state: stateId,
  pattern,
  concepts: arr(concept),
  decisionMakers: arr(
    obj({
      id: str,
      stable: byConcept(bool),
      improvements: arr(obj({ to: stateId, pattern, sanctions: byConcept(nullable(sanction)) })),
    }),
  ),
});

const paths = root("parley-paths/1", "parley paths --format json", {
  from: stateId,
  pattern,
  reachable: ids,
  edges: arr(step),
  equilibria: arr(obj({ state: stateId, pattern, concepts: arr(concept), path: arr(step) })),
  unreachable: arr(obj({ state: stateId, pattern, concepts: arr(concept) })),
});

const stabilityChange = obj({
  key: pattern,
  stateA: nullable(stateId),
  stateB: nullable(stateId),
  dms: arr(obj({ dm: str, before: bool, after: bool, why: str })),
});
const comparison = root("parley-comparison/1", "parley compare A B --format json (two versions)", {
  files: arr(str, { minItems: 2, maxItems: 2 }),
  changes: arr(str),
  sharedOptions: arr(str),
  sameOptions: bool,
  concepts: arr(obj({ concept, gained: arr(stabilityChange), lost: arr(stabilityChange) })),
});

const survival = root("parley-survival/1", "parley compare A B C … --format json (three or more versions, or --survival)", {
  files: arr(str, { minItems: 2 }),
  sharedOptions: arr(str),
  concepts: arr(concept),
  rows: arr(obj({ key: pattern, counts: byConcept({ type: "integer", minimum: 1 }) })),
});

const inverse = root("parley-inverse/1", "parley inverse --format json", {
  target: stateId,
  pattern,
  concept,
  found: bool,
  exhaustive: bool,
  evaluated: int,
  totalDistance: int,
  changes: arr(
    obj(
      {
        decisionMaker: str,
        distance: int,
        statements: arr(str),
        ranking: arr(arr(dashPattern)),
        reversed: arr(arr(int, { minItems: 2, maxItems: 2 })),
        dropped: arr(int),
        raised: int,
      },
      ["statements", "ranking", "raised"],
    ),
  ),
});

const probability = obj({ p: num, low: num, high: num });
const robustness = root("parley-robustness/1", "parley robustness --format json", {
  exact: bool,
  done: int,
  asked: int,
  interrupted: bool,
  distinctProfiles: int,
  concepts: arr(concept),
  states: arr(obj({ state: stateId, pattern, probability: byConcept(probability) })),
  influence: arr(
    obj({
      decisionMaker: str,
      kind: oneOfValues("statement", "alternative"),
      label: str,
      shift: num,
      state: stateId,
      concept,
      whenHolds: num,
      whenNot: num,
    }),
  ),
});

const foresight = root(
  "parley-foresight/1",
  "parley foresight --format json",
  {
    scenario: obj({ name: str }),
    decisionMakers: arr(obj({ id: str, name: str })),
    concept: oneOfValues("L_h", "NM"),
    variant: { enum: [...FORESIGHT_VARIANTS] },
    variantSource: str,
    horizon: nullable(int),
    nonMyopic: obj({ preperiod: int, period: int, from: int }),
    statusQuo: stateId,
    states: arr(obj({ id: stateId, pattern, stable: map(nullable(bool)), anticipated: map(nullable(stateId)) })),
    stable: map(ids),
    noLimit: map(ids),
    equilibria: ids,
    play: obj({
      state: stateId,
      pattern,
      horizon: int,
      decisionMakers: arr(
        obj({ id: str, stable: nullable(bool), moves: arr(step), result: stateId, tried: obj({ moves: arr(step), result: stateId }) }, ["tried"]),
      ),
    }),
  },
  ["nonMyopic", "noLimit"],
);

const coalitionConcept: Schema = { enum: [...COALITION_CONCEPTS] };
const coalitions = root("parley-coalitions/1", "parley coalitions --format json", {
  scenario: obj({ name: str }),
  concepts: arr(coalitionConcept),
  coalitionSizes: obj({ min: int, max: int }),
  coalitionCount: int,
  statusQuo: stateId,
  equilibria: map(ids, coalitionConcept),
  coalitionEquilibria: map(ids, coalitionConcept),
  states: arr(
    obj({
      state: stateId,
      pattern,
      equilibriumUnder: arr(concept),
      coalitionStable: map(bool, coalitionConcept),
      coalitions: arr(
        obj({
          members: arr(str, { minItems: 2 }),
          stable: map(bool, coalitionConcept),
          moves: arr(
            obj({
              to: stateId,
              pattern,
              path: arr(step),
              sanctions: map(nullable(obj({ moves: arr(step), result: stateId, pattern, memberNoBetterOff: str })), coalitionConcept),
            }),
          ),
        }),
      ),
    }),
  ),
});

const unknownConcept: Schema = { enum: [...UNKNOWN_CONCEPTS] };
const variant: Schema = { enum: [...UNKNOWN_VARIANTS] };
const relation: Schema = { enum: ["better", "equal", "worse", "unknown"] };
const unknownChange = obj({ state: stateId, decisionMakers: arr(str) });
const unknown = root(
  "parley-unknown/1",
  "parley unknown --format json",
  {
    scenario: obj({ name: str }),
    statusQuo: stateId,
    concepts: arr(unknownConcept),
    variants: arr(obj({ id: variant, movesToUnknown: bool, sanctionsOnUnknown: bool, summary: str })),
    source: str,
    decisionMakers: arr(
      obj({
        id: str,
        name: str,
        unknownPairs: int,
        unknown: arr(obj({ between: str, and: str, note: str, sources: arr(str), assumption: str }, ["note", "sources", "assumption"])),
      }),
    ),
    plain: obj({ equilibria: map(ids, unknownConcept) }),
    equilibria: map(map(ids, variant), unknownConcept),
    stable: map(map(map(ids), variant), unknownConcept),
    changes: map(map(obj({ gained: arr(unknownChange), lost: arr(unknownChange) }), variant), unknownConcept),
    state: obj({
      id: stateId,
      pattern,
      decisionMakers: arr(
        obj({
          id: str,
          concepts: map(
            map(
              obj({
                stable: bool,
                moves: arr(
                  obj({
                    to: stateId,
                    relation,
                    sanction: nullable(obj({ moves: arr(step), result: stateId, relation, counter: obj({ to: stateId, relation }) }, ["counter"])),
                  }),
                ),
              }),
              variant,
            ),
            unknownConcept,
          ),
        }),
      ),
    }),
  },
  ["state"],
);

const hypergame = root("parley-hypergame/1", "parley hypergame --format json", {
  scenario: obj({ name: str }),
  view: { enum: [...HYPERGAME_VIEWS] },
  concepts: arr(concept),
  statusQuo: stateId,
  misperception: bool,
  decisionMakers: arr(obj({ id: str, name: str, misperceives: arr(str), unperceivedStates: ids, misjudges: arr(str) })),
  stable: stableSets,
  equilibria: equilibriaSets,
  fullInformation: obj({ stable: stableSets, equilibria: equilibriaSets }),
  equilibriumChanges: byConcept(obj({ gained: ids, lost: ids })),
  changes: arr(
    obj({
      concept,
      decisionMaker: str,
      state: stateId,
      fullInformation: bool,
      perceived: bool,
      reasons: arr(
        obj(
          {
            kind: oneOfValues("unknown-state", "unseen-move", "lost-sanction", "new-sanction"),
            concept,
            text: str,
            from: stateId,
            to: stateId,
            sanction,
            blocked: obj(
              {
                kind: oneOfValues("mover-unaware", "judge-unaware", "misjudged", "result-unknown", "counter-move-unseen"),
                state: stateId,
                decisionMaker: str,
                from: stateId,
                to: stateId,
              },
              ["state", "decisionMaker", "from", "to"],
            ),
          },
          ["sanction", "blocked"],
        ),
      ),
    }),
  ),
});

const bargainModel: Schema = { enum: [...MODELS] };
const distribution = obj({ samples: int, mean: num, q05: num, q25: num, q50: num, q75: num, q95: num, min: num, max: num });
const bargain = root(
  "parley-bargain/1",
  "parley bargain --format json",
  {
    models: arr(bargainModel),
    samples: int,
    seed: int,
    issues: arr(
      obj(
        {
          id: str,
          title: str,
          scale: obj({ min: num, max: num, minLabel: str, maxLabel: str, unit: str }, ["unit"]),
          statusQuo: num,
          actors: arr(obj({ id: str, name: str, position: num, salience: num, capability: num })),
          forecasts: map(
            obj(
              {
                forecast: num,
                rounds: arr(
                  obj(
                    {
                      round: int,
                      forecast: num,
                      positions: map(num),
                      risk: map(num),
                      moves: arr(
                        obj({
                          actor: str,
                          towards: str,
                          kind: oneOfValues("conflict", "compromise", "capitulation", "best-response"),
                          from: num,
                          to: num,
                        }),
                      ),
                    },
                    ["risk", "moves"],
                  ),
                ),
                distribution,
              },
              ["rounds", "distribution"],
            ),
            bargainModel,
          ),
          links: arr(obj({ option: str, label: str, atLeast: num, atMost: num, onTable: map(bool, bargainModel) }, ["atLeast", "atMost"])),
        },
        ["statusQuo"],
      ),
    ),
    graphLink: obj({
      model: bargainModel,
      modelName: str,
      offTable: arr(str),
      onTable: arr(str),
      concept: { const: "SEQ" },
      equilibria: int,
      consistent: ids,
    }),
  },
  ["samples", "seed", "graphLink"],
);

const cited = obj({ text: str, expression: str, sources: arr(str), assumption: str }, ["expression", "sources", "assumption"]);
const counts = byConcept(int);
const outlook = obj({
  from: stateId,
  fromPattern: pattern,
  fromWords: str,
  todayStableUnder: arr(concept),
  reachableStates: int,
  paths: arr(
    obj({
      state: stateId,
      pattern,
      words: str,
      concepts: arr(concept),
      steps: arr(obj({ mover: str, moverName: str, from: stateId, to: stateId, action: str, reason: cited, rankBefore: int, rankAfter: int })),
    }),
  ),
  unreachable: arr(obj({ words: str, states: ids, concepts: arr(concept) })),
  unreachableCount: int,
});
const report = root(
  "parley-report/1",
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
      today: obj({ state: stateId, pattern, words: str, note: str, sources: arr(str) }, ["note", "sources"]),
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
            example: stateId,
            examplePattern: pattern,
            why: arr(obj({ dm: str, text: str })),
            reachableFromToday: bool,
          }),
        ),
        moreFamilies: int,
      }),
    ),
    outlook,
    whatIfs: arr(obj({ title: str, file: str, note: str, changes: arr(str), comparison: arr(str), counts, outlook }, ["note"])),
    coalitions: arr(
      obj({
        state: stateId,
        words: str,
        why: str,
        joint: arr(obj({ members: arr(str), steps: arr(str), to: stateId, toWords: str, deterredUnder: arr(concept), openUnder: arr(concept) })),
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
    robustness: obj({
      exact: bool,
      profiles: int,
      uncertain: int,
      alternatives: int,
      rows: arr(obj({ state: stateId, words: str, label: str, probability: byConcept(num) })),
      influences: arr(str),
    }),
    assumptions: obj({
      tried: int,
      leaveOutlook: int,
      decisive: arr(obj({ change: str, dm: str, statements: arr(cited), effect: str, changesOutlook: bool })),
    }),
    limitations: arr(str),
    checks: arr(obj({ code: str, element: str, message: str, fix: str })),
    bargaining: obj({
      issues: arr(
        obj({
          id: str,
          title: str,
          scale: str,
          forecasts: arr(obj({ model: bargainModel, title: str, forecast: num })),
          path: arr(num),
          links: arr(obj({ option: str, label: str, range: str, onUnder: arr(str), offUnder: arr(str) })),
          chart: str,
        }),
      ),
    }),
  },
  ["robustness", "bargaining"],
);

const span = obj({ start: int, end: int });
const ingest = root("parley-ingest/1", "parley ingest ARTICLE --format json", {
  article: str,
  articleType: oneOfValues("text", "markdown", "html"),
  title: nullable(str),
  dropped: arr(obj({ reason: oneOfValues("repeated-title", "repeated-paragraph"), span, text: str })),
  sentences: arr(obj({ index: { type: "integer", minimum: 1 }, start: int, end: int, text: str })),
  actors: arr(obj({ id: str, name: str, mentions: int, known: bool })),
  mentions: arr(
    obj(
      {
        actor: str,
        kind: oneOfValues("name", "alias", "person", "title", "adjective", "pronoun", "speaker", "unknown-name"),
        text: str,
        sentence: { type: "integer", minimum: 1 },
        person: str,
        confidence: num,
      },
      ["person"],
    ),
  ),
  events: arr(
    obj(
      {
        sentence: { type: "integer", minimum: 1 },
        kind: oneOfValues("propose", "demand", "threaten", "offer", "refuse", "agree", "hold", "aim", "act"),
        plover: str,
        cameo: obj({ code: str, name: str }),
        source: str,
        target: str,
        topic: str,
        topicLabel: str,
        knownTopic: bool,
        inverse: bool,
        modality: oneOfValues("stated", "hinted", "announced", "insisted", "on-hold", "unlikely"),
        negated: bool,
        quoted: bool,
        condition: obj({ kind: oneOfValues("before", "after", "if", "unless"), topic: str, inverse: bool, actor: str, text: str }, ["inverse", "actor"]),
        trigger: str,
        span,
        confidence: num,
      },
      ["plover", "target", "inverse", "condition"],
    ),
  ),
  elements: arr(
    obj({
      key: str,
      kind: oneOfValues("decisionMaker", "option", "preference", "constraint", "statusQuo"),
      confidence: num,
      sources: arr(obj({ sentence: { type: "integer", minimum: 1 }, start: int, end: int, confidence: num })),
      text: str,
    }),
  ),
  warnings: arr(str),
  draft: { $ref: "parley-1.schema.json", description: "The draft scenario (format parley/1)." },
});

const ingestUpdate = root("parley-ingest-update/1", "parley ingest --update SCENARIO ARTICLE --format json", {
  scenario: str,
  article: str,
  written: bool,
  changes: arr(
    obj({
      kind: oneOfValues("new-decision-maker", "new-option", "new-stance", "moved-stance", "confirmed-stance", "status-quo"),
      dm: str,
      text: str,
      sources: arr(str),
    }),
  ),
});

const diagnostics = root("parley-diagnostics/1", "parley validate --format json", {
  valid: { type: "boolean", description: "Whether every file is valid (the exit code is 2 when not)." },
  files: arr(
    obj({
      file: str,
      valid: bool,
      model: nullable(obj({ decisionMakers: int, options: int, feasibleStates: int, statusQuo: stateId })),
      issues: arr(
        obj({
          severity: oneOfValues("error", "warning"),
          code: str,
          message: str,
          path: nullable(arr({ type: ["string", "integer"] })),
          line: nullable({ type: "integer", minimum: 1 }),
          column: nullable({ type: "integer", minimum: 1 }),
        }),
      ),
    }),
  ),
});

/** A probability. */
const prob: Schema = { type: "number", minimum: 0, maximum: 1 };
const isoDate: Schema = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" };
const moveRule: Schema = { enum: ["uniform", "gain", "undeterred"] };

const forecastSchema = root("parley-forecast/1", "parley forecast --format json", {
  made: isoDate,
  asOf: nullable(isoDate),
  scenario: obj({ name: str, hash: str }),
  model: obj({ concept, rules: arr(obj({ rule: moveRule, weight: num })), horizon: int, rates: map(num) }),
  exact: bool,
  samples: int,
  settled: prob,
  outcomes: arr(obj({ state: stateId, pattern, words: str, probability: prob, stderr: num, settledProbability: prob })),
  families: arr(obj({ pattern: dashPattern, words: str, states: ids, probability: prob, settledProbability: prob })),
  questions: arr(
    obj(
      {
        id: str,
        question: str,
        condition: str,
        by: isoDate,
        resolution: str,
        probability: nullable(prob),
        stderr: num,
        retrodiction: bool,
        holdsToday: bool,
        curve: arr(obj({ date: isoDate, probability: prob })),
      },
      ["resolution"],
    ),
  ),
  signposts: arr(
    obj({
      decisionMaker: str,
      changes: arr(obj({ option: str, taken: bool })),
      to: stateId,
      words: str,
      nextMove: prob,
      impact: num,
      questions: arr(obj({ id: str, probability: nullable(prob), change: nullable(num), answers: bool })),
    }),
  ),
});

const forecastRecord = root("parley-forecast-record/1", "one line of a forecast log (parley forecast --record; JSON Lines)", {
  made: isoDate,
  scenario: obj({ name: str, hash: str }),
  question: obj({ id: str, text: str }),
  probability: nullable(prob),
  by: isoDate,
  retrodiction: bool,
  holdsToday: bool,
});

const scoreSummary = obj({ count: int, brier: nullable(num), log: nullable(num) });
const scoreSchema = root("parley-score/1", "parley score --format json", {
  model: scoreSummary,
  baselines: obj({ fifty: scoreSummary, noChange: nullable(scoreSummary) }),
  scored: arr(
    obj({
      made: isoDate,
      scenario: obj({ name: str, hash: str }),
      question: obj({ id: str, text: str }),
      by: isoDate,
      probability: prob,
      outcome: oneOfValues("yes", "no"),
      brier: num,
      log: num,
      clipped: bool,
    }),
  ),
  calibration: arr(obj({ low: num, high: num, count: int, meanForecast: prob, observed: prob })),
  pending: arr(obj({ made: isoDate, question: obj({ id: str, text: str }), by: isoDate, probability: prob })),
  retrodictions: int,
});

const lintSchema = root("parley-lint/1", "parley lint --format json", {
  file: str,
  findings: arr(
    obj(
      {
        code: oneOfValues("revealed-preference", "inert-option", "dead-statement", "unsourced", "undefined-fact"),
        element: str,
        path: arr({ type: ["string", "integer"] }),
        line: int,
        column: int,
        message: str,
        why: str,
        fix: str,
      },
      ["line", "column"],
    ),
  ),
});

/** Every kind of JSON the commands print, with the command(s) that print it. */
export const OUTPUT_SCHEMAS: Record<string, { commands: string; schema: Schema }> = {
  "parley-forecast/1": { commands: "forecast", schema: forecastSchema },
  "parley-score/1": { commands: "score", schema: scoreSchema },
  "parley-lint/1": { commands: "lint", schema: lintSchema },
  "parley-forecast-record/1": { commands: "forecast --record (each line of the log)", schema: forecastRecord },
  "parley-analysis/1": { commands: "analyze", schema: analysis },
  "parley-states/1": { commands: "states", schema: states },
  "parley-explanation/1": { commands: "explain", schema: explanation },
  "parley-paths/1": { commands: "paths", schema: paths },
  "parley-comparison/1": { commands: "compare (two files)", schema: comparison },
  "parley-survival/1": { commands: "compare (three or more files, or --survival)", schema: survival },
  "parley-inverse/1": { commands: "inverse", schema: inverse },
  "parley-robustness/1": { commands: "robustness", schema: robustness },
  "parley-foresight/1": { commands: "foresight", schema: foresight },
  "parley-coalitions/1": { commands: "coalitions", schema: coalitions },
  "parley-unknown/1": { commands: "unknown", schema: unknown },
  "parley-hypergame/1": { commands: "hypergame", schema: hypergame },
  "parley-bargain/1": { commands: "bargain", schema: bargain },
  "parley-report/1": { commands: "report", schema: report },
  "parley-ingest/1": { commands: "ingest", schema: ingest },
  "parley-ingest-update/1": { commands: "ingest --update", schema: ingestUpdate },
  "parley-diagnostics/1": { commands: "validate", schema: diagnostics },
};

/** The file name of a kind's schema: parley-analysis/1 -> parley-analysis-1.schema.json. */
export function kindFile(kind: string): string {
  return `${kind.replace("/", "-")}.schema.json`;
}
