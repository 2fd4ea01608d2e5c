/**
 * The HTML adapter of `clean` in Node: linkedom builds the DOM, Readability
 * (readability.ts) reads the article from it. Kept apart from clean.ts so the
 * pure pipeline does not load a DOM; the workbench passes one built on the
 * browser's DOMParser instead (web/src/page/app/html-reader.ts).
 */
import { parseHTML } from "linkedom";
import type { HtmlExtractor } from "./clean.js";
import { readArticle } from "./readability.js";

/** Readability on linkedom: null when the page has no article. */
export const extractHtmlWithReadability: HtmlExtractor = (html) => {
  const { document } = parseHTML(html);
  // Text with no element at all (e.g. ">Water t") gives linkedom a document without a root, whose title getter throws.
  if (!(document as unknown as { documentElement: unknown }).documentElement) return null;
  return readArticle(document);
};
