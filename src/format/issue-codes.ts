/**
 * Every code an Issue or a ParleyError may carry. Codes are part of the output
 * (`parley validate --json`, the workbench's problems), so they are a closed list:
 * a new code is added here, and a misspelt one is a type error.
 */

/** Reading the file: encoding, size, YAML syntax, and input limits. */
export type SourceCode =
  | "empty"
  | "file-too-large"
  | "not-text"
  | "utf-16"
  | "not-utf8"
  | "syntax"
  | "yaml-tag"
  | "duplicate-key"
  | "too-deep"
  | "alias-limit"
  | "bad-limits";

/** The file's shape, from the zod schema: format, fields, types, enum values. */
export type ShapeCode =
  | "not-a-scenario"
  | "gmcr-py-file"
  | "missing-format"
  | "unsupported-format"
  | "missing-field"
  | "invalid-type"
  | "unknown-field"
  | "invalid-value"
  | "invalid";

/** Names, references and statements in the scenario (src/format/validate/). */
export type ScenarioCode =
  | "reserved-id"
  | "duplicate-id"
  | "no-options"
  | "no-decision-makers"
  | "too-many-options"
  | "unknown-option"
  | "duplicate-option"
  | "unknown-decision-maker"
  | "statement-too-long"
  | "statement-syntax"
  | "statement-too-complex"
  | "bad-pattern"
  | "too-many-conditions"
  | "bad-constraint"
  | "missing-preferences"
  | "bad-preferences"
  | "bad-ranking"
  | "bad-statement"
  | "too-many-statements"
  | "bad-weights"
  | "too-many-unknown"
  | "bad-state-set"
  | "bad-misperception"
  | "own-perceived-preferences"
  | "unknown-in-perceived"
  | "bad-date";

/** The bargaining section: actors, scales, positions, links to options. */
export type BargainingCode = "unknown-actor" | "bad-scale" | "out-of-range" | "bad-range" | "too-few-actors" | "no-weight" | "bad-link" | "no-issues";

/** Building and querying the model: state space, states named by the user, rankings, extensions. */
export type ModelCode =
  | "state-space-limit"
  | "memory-limit"
  | "no-feasible-state"
  | "infeasible-status-quo"
  | "unknown-state"
  | "infeasible-state"
  | "no-target"
  | "ranked-twice"
  | "ranking-no-state"
  | "ranking-incomplete"
  | "too-many-coalitions"
  | "unknown-no-state"
  | "unknown-no-pair"
  | "perceives-nothing"
  | "foresight-needs-two"
  | "foresight-variant"
  | "bad-horizon"
  | "nm-no-cycle";

/** The command line: usage, flags, environment, files read and written. */
export type CliCode =
  | "error"
  | "usage"
  | "bad-usage"
  | "bad-option"
  | "bad-environment"
  | "bad-coalition-size"
  | "samples-limit"
  | "unknown-kind"
  | "cannot-read"
  | "cannot-write"
  | "file-exists"
  | "port-in-use"
  | "backdated"
  | "no-questions"
  | "update-breaks-scenario";

/** The forecast log and resolutions file read by `parley score`. */
export type ScoreCode = "not-a-log" | "bad-log-line" | "bad-resolutions" | "bad-resolution";

/** Reading news text (`parley ingest`) and its gazetteer. */
export type IngestCode =
  | "bad-input"
  | "input-too-large"
  | "binary-input"
  | "empty-input"
  | "no-words"
  | "not-english"
  | "no-html-reader"
  | "no-article"
  | "nothing-found"
  | "yaml-syntax"
  | "invalid-gazetteer";

/** Work split into shards (`--shard i/n`) and their partial results (`parley merge`). */
export type ShardCode =
  | "bad-shard"
  | "cannot-shard"
  | "not-a-partial"
  | "partial-version"
  | "partials-differ"
  | "shard-missing"
  | "shard-twice"
  | "partial-corrupt";

/** Other formats (gmcr-py import). */
export type InterchangeCode = "not-gmcr-py" | "bad-gmcr-py";

/** The workbench server's file workspace (`parley serve`); also sent to the browser. */
export type WorkspaceCode =
  | "no-folder"
  | "bad-path"
  | "outside-workspace"
  | "hidden-path"
  | "bad-extension"
  | "symlink"
  | "not-found"
  | "not-a-file"
  | "too-large"
  | "not-utf8"
  | "exists"
  | "changed-on-disk"
  | "deleted-on-disk"
  | "disk-full"
  | "write-failed"
  | "aborted"
  | "bad-record"
  | "backdated"
  | "retrodiction-only";

export type IssueCode =
  | SourceCode
  | ShapeCode
  | ScenarioCode
  | BargainingCode
  | ModelCode
  | CliCode
  | ScoreCode
  | IngestCode
  | ShardCode
  | InterchangeCode
  | WorkspaceCode;
