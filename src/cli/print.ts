/**
 * How results are printed (user errors: print-error.ts). Every command that prints a result
 * ends in `print(env, kind, result, o)`: JSON from the kind's contract, CSV for
 * kinds that are one table, else the kind's document as text, Markdown or HTML.
 */
import { render, renderChunks } from "../present/document.js";
import { documentNeedsExactWidths } from "../present/exact-widths.js";
import { loadExactWidths } from "../present/table.js";
import type { OutputKind } from "../present/kind.js";
import { jsonText, type CommandEnv } from "./env.js";

export { printError } from "./print-error.js";

/** The formats a document can be printed in, besides JSON and CSV (`table` is `text`). */
export type PrintFormat = "text" | "table" | "md" | "html" | "json" | "csv";

export interface PrintOptions {
  format: PrintFormat;
  output?: string;
  force?: boolean;
}

/**
 * Print a result in the format asked, to standard output or the -o file.
 * Terminal text that holds emoji or other clusters first loads the exact
 * measure of their width (see `loadExactWidths`).
 */
export async function print<R, O>(
  env: CommandEnv,
  kind: OutputKind<R, O>,
  result: R,
  o: PrintOptions,
  ...options: O extends undefined ? [] : [O]
): Promise<void> {
  if (o.format !== "text" && o.format !== "table") return env.writeResult(printedChunks(kind, result, o.format, options[0] as O), o);
  const doc = kind.toDocument(result, options[0] as O);
  if (documentNeedsExactWidths(doc)) await loadExactWidths();
  env.writeResult(renderChunks(doc, "text"), o);
}

/**
 * The text of a result in a format, in chunks when the kind streams it (a
 * table of every state): never whole in memory. The document is made before
 * anything is written.
 */
export function printedChunks<R, O>(kind: OutputKind<R, O>, result: R, format: PrintFormat, options: O): string | Iterable<string> {
  if (format === "json" && kind.jsonChunks) return kind.jsonChunks(result);
  if (format === "csv" && kind.csvChunks) return kind.csvChunks(result);
  if (format === "json" || format === "csv") return printed(kind, result, format, options);
  return renderChunks(kind.toDocument(result, options), format === "table" ? "text" : format);
}

/** The text of a result in a format. */
export function printed<R, O>(kind: OutputKind<R, O>, result: R, format: PrintFormat, options: O): string {
  if (format === "json") return (kind.jsonText ?? jsonText)(kind.toJson(result));
  if (format === "csv") {
    if (kind.csvChunks && !kind.toCsv) return [...kind.csvChunks(result)].join("");
    if (!kind.toCsv) throw new Error(`${kind.format} has no CSV form`);
    return kind.toCsv(result);
  }
  return render(kind.toDocument(result, options), format === "table" ? "text" : format);
}
