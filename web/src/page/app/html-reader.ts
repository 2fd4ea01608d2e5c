/**
 * HTML pages in the workbench: the browser's DOMParser builds the document
 * and Readability reads the article from it (src/ingest/readability.ts, the
 * same reader the CLI runs on linkedom). This runs in the page, since workers
 * have no DOMParser; the worker gets the title and blocks.
 */
import { readArticle } from "../../../../src/api/ingest.js";

export function readHtml(html: string): { title?: string; blocks: string[] } | null {
  // DOMParser does not run scripts or load anything from a "text/html" document it parses.
  const doc = new DOMParser().parseFromString(html, "text/html");
  return readArticle(doc);
}
