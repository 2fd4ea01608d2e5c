/** UTF-8 decoding of input files: no YAML parser here, so the CLI's file reading loads none. */
import type { Issue } from "./errors.js";

/**
 * Bytes read as UTF-8 text. Bytes that are not UTF-8 are refused (never read
 * as U+FFFD) with where the first bad byte is; UTF-16 (a byte order mark) and
 * binary files (NUL bytes) are read loosely, for textProblem to name.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; issue?: undefined } | { text?: undefined; issue: Issue } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const loose = () => ({ text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) });
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0)) return loose();
    const at = firstInvalidUtf8(bytes);
    if (at < 0) return loose(); // not expected: the decoder and the scan agree
    const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
    let before = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(lineStart, at));
    if (line === 1) before = before.replace(/^\uFEFF/, "");
    const hex = bytes[at].toString(16).toUpperCase().padStart(2, "0");
    return {
      issue: { code: "not-utf8", message: `the file is not valid UTF-8 (byte 0x${hex}); save it as UTF-8`, line, column: before.length + 1 },
    };
  }
}

/** Offset of the first byte that does not start (or continue) a well-formed UTF-8 sequence; -1 when all are. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (i + 1 >= b.length || b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= need; k++) if (i + k >= b.length || b[i + k] < 0x80 || b[i + k] > 0xbf) return i;
    i += need + 1;
  }
  return -1;
}
