/**
 * One kind of output (`parley-paths/1`, …): its JSON contract and its
 * document. A command computes a result and hands it with its kind to the
 * CLI's `print`, which picks JSON, CSV or a rendering of the document.
 */
import type { Document } from "./document.js";
import type { Schema } from "./schema-kit.js";

/** `J`: the JSON's type, for callers that read it (the workbench); `unknown` when nobody does. */
export interface OutputKind<R, O = undefined, J = unknown> {
  /** The top-level `format` of the JSON output, with its version. */
  format: string;
  schema: Schema;
  toJson(result: R): J;
  /** The JSON as printed, when not indented the usual way (e.g. one line per entry of a long list). */
  jsonText?(json: unknown): string;
  /** The result in words and tables; `options` are what the command's flags change in the layout (e.g. --top). */
  toDocument(result: R, options: O): Document;
  /** For kinds whose result is one table. */
  toCsv?(result: R): string;
  /** For results as large as the model: the text of `toJson`'s JSON, in chunks written as they are produced. */
  jsonChunks?(result: R): Iterable<string>;
  /** Likewise the CSV, in chunks. */
  csvChunks?(result: R): Iterable<string>;
}
