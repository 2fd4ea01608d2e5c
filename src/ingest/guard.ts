/**
 * Checks on an article before any work: too large, empty, binary, not
 * English. Each refusal is a ParleyError that says what is wrong and, where a
 * limit is involved, the limit and how to raise it.
 */
import { ParleyError } from "../format/errors.js";

/** Default largest input accepted, in characters (a long news page is well under 1 MB). */
export const DEFAULT_MAX_CHARS = 2_000_000;

/** Function words that make up a large share of any English prose. */
const ENGLISH_COMMON = new Set(
  (
    "the a an and or but of to in on at for with by from as is are was were be been has have had will would " +
    "could should may might can not no it its this that these those he she they we his her their our who which " +
    "what after before over into than then also said says about more any all"
  ).split(" "),
);

/** Below this share of common English words (in texts of MIN_WORDS words or more) a text is taken as not English. */
export const MIN_ENGLISH_SHARE = 0.12;
const MIN_WORDS = 12;

export function checkSize(text: string, maxChars: number, what = "the article"): void {
  if (text.length > maxChars)
    throw new ParleyError({
      code: "input-too-large",
      message: `${what} has ${text.length.toLocaleString("en-US")} characters, more than the limit of ${maxChars.toLocaleString("en-US")}; raise it with --max-chars (or the maxChars option)`,
    });
}

/** Binary data: NUL bytes, or many replacement characters from bytes that are not UTF-8. */
export function checkBinary(text: string, what = "the article"): void {
  const sample = text.slice(0, 65_536);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) bad += 10;
    else if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  if (bad > 0 && bad >= Math.max(1, sample.length * 0.01))
    throw new ParleyError({
      code: "binary-input",
      message: `${what} looks like binary data, not text (it has NUL bytes or bytes that are not UTF-8); give a plain text, Markdown or HTML file`,
    });
}

export function checkNotEmpty(text: string, what: string): void {
  if (text.trim() === "") throw new ParleyError({ code: "empty-input", message: `${what} is empty: there is no text to read` });
}

/** Share of words that are common English function words. */
export function englishShare(text: string): { share: number; words: number } {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let common = 0;
  for (const w of words) if (ENGLISH_COMMON.has(w)) common++;
  return { share: words.length ? common / words.length : 0, words: words.length };
}

export function checkEnglish(text: string, what = "the article"): void {
  const { share, words } = englishShare(text);
  if (words === 0) throw new ParleyError({ code: "no-words", message: `${what} has no words to read (only numbers, symbols or markup)` });
  if (words >= MIN_WORDS && share < MIN_ENGLISH_SHARE)
    throw new ParleyError({
      code: "not-english",
      message: `${what} does not look like English (${Math.round(share * 100)}% common English words, expected at least ${Math.round(MIN_ENGLISH_SHARE * 100)}%); parley ingest reads English news only`,
    });
}
