/**
 * The Ingest view's user gazetteer, in words: which workspace files hold one
 * (by name, so the list needs no file to be read), and what the one in use
 * adds to the built-in gazetteer (data/gazetteer.yaml).
 */
import type { GazetteerInfo } from "../../protocol/ingest.js";

/** As widgets/dom.ts's plural; this module stays free of the DOM so the tests import it in Node. */
const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

/** A workspace file that holds a gazetteer, by its name: `gazetteer.yaml` or `*.gazetteer.yaml` (or .yml). */
export function isGazetteerFile(path: string): boolean {
  return /(^|[/.])gazetteer\.ya?ml$/i.test(path);
}

/** What a user gazetteer brings, in one line. */
export function gazetteerSummary(info: GazetteerInfo): string {
  const parts: string[] = [];
  if (info.added.length) parts.push(`adds ${info.added.join(", ")}`);
  if (info.replaced.length) parts.push(`replaces ${info.replaced.join(", ")}`);
  if (info.topicsAdded.length) parts.push(`${plural(info.topicsAdded.length, "new topic")}`);
  if (info.topicsReplaced.length) parts.push(`${plural(info.topicsReplaced.length, "topic")} replaced`);
  if (info.titles) parts.push(plural(info.titles, "new title"));
  return `built-in + ${info.file}${parts.length ? ` (${parts.join("; ")})` : " (adds nothing)"}`;
}

/** Files larger than this are refused before reading, articles and gazetteers alike (a long news page is well under 1 MB). */
export const MAX_BYTES = 5 * 1024 * 1024;
