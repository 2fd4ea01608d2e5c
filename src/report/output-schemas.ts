/**
 * The JSON Schemas (draft 2020-12) of every JSON output of the `parley`
 * commands, one per kind, collected from the kinds' modules (the value of the output's top-level `format`).
 * `npm run schema` writes each to schema/<kind with / as ->.schema.json
 * (parley-analysis/1 -> schema/parley-analysis-1.schema.json);
 * tests/present/output-schemas.test.ts runs every command and validates its output
 * against them. Objects are closed (`additionalProperties: false`) and list
 * every field that is always present as `required`: a renamed or missing
 * field fails. Adding a field here and in the output is not a breaking
 * change; renaming or removing one is, and needs a new version (/2).
 * It sits in report/ because the report's kind is the one above present/.
 */
import { analysisSchema, statesSchema } from "../present/analysis-output.js";
import { analysisCompactSchema } from "../present/analysis-compact-output.js";
import { bargainSchema } from "../present/bargain-output.js";
import { coalitionsSchema } from "../present/coalitions-output.js";
import { comparisonSchema, survivalSchema } from "../present/compare-output.js";
import { explanationSchema } from "../present/explain-text.js";
import { forecastRecordSchema, forecastSchema } from "../present/forecast-output.js";
import { foresightSchema } from "../present/foresight-output.js";
import { hypergameSchema } from "../present/hypergame-output.js";
import { ingestSchema, ingestUpdateSchema } from "../present/ingest-output.js";
import { inverseSchema } from "../present/inverse-output.js";
import { lintSchema } from "../present/lint-output.js";
import { partialSchema } from "../present/partial-output.js";
import { pathsSchema } from "../present/paths-output.js";
import { reportOutput } from "./report-output.js";
import { robustnessSchema } from "../present/robustness-output.js";
import type { Schema } from "../present/schema-kit.js";
import { scoreSchema } from "../present/score-output.js";
import { unknownSchema } from "../present/unknown-output.js";
import { diagnosticsSchema } from "../present/validate-output.js";

export { kindFile } from "../present/schema-kit.js";

/** Every kind of JSON the commands print, with the command(s) that print it. */
export const OUTPUT_SCHEMAS: Record<string, { commands: string; schema: Schema }> = {
  "parley-forecast/1": { commands: "forecast", schema: forecastSchema },
  "parley-score/1": { commands: "score", schema: scoreSchema },
  "parley-lint/1": { commands: "lint", schema: lintSchema },
  "parley-forecast-record/1": { commands: "forecast --record (each line of the log)", schema: forecastRecordSchema },
  "parley-analysis/1": { commands: "analyze", schema: analysisSchema },
  "parley-analysis-compact/1": { commands: "analyze --compact", schema: analysisCompactSchema },
  "parley-states/1": { commands: "states", schema: statesSchema },
  "parley-explanation/1": { commands: "explain", schema: explanationSchema },
  "parley-paths/1": { commands: "paths", schema: pathsSchema },
  "parley-comparison/1": { commands: "compare (two files)", schema: comparisonSchema },
  "parley-survival/1": { commands: "compare (three or more files, or --survival)", schema: survivalSchema },
  "parley-inverse/1": { commands: "inverse", schema: inverseSchema },
  "parley-robustness/1": { commands: "robustness", schema: robustnessSchema },
  "parley-foresight/1": { commands: "foresight", schema: foresightSchema },
  "parley-coalitions/1": { commands: "coalitions", schema: coalitionsSchema },
  "parley-unknown/1": { commands: "unknown", schema: unknownSchema },
  "parley-hypergame/1": { commands: "hypergame", schema: hypergameSchema },
  "parley-bargain/1": { commands: "bargain", schema: bargainSchema },
  "parley-report/1": { commands: "report", schema: reportOutput.schema },
  "parley-ingest/1": { commands: "ingest", schema: ingestSchema },
  "parley-ingest-update/1": { commands: "ingest --update", schema: ingestUpdateSchema },
  "parley-diagnostics/1": { commands: "validate", schema: diagnosticsSchema },
  "parley-partial/1": { commands: "robustness, forecast, bargain, compare with --shard i/n (read by merge)", schema: partialSchema },
};
