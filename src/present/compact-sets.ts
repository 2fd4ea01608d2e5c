/**
 * The pieces of the compact analysis JSON (`parley-analysis-compact/1`,
 * docs/cli.md): sets of whole numbers and lists of small whole numbers, in a
 * form whose size grows with what the set holds, not with how it is written.
 *
 * A set of the numbers `first`, `first + 1`, … (state ids from 1, state
 * values from 0) is written either as `ranges`, inclusive `[from, to]` pairs
 * in ascending order, or as `bits`, the base64 (RFC 4648, with padding) of a
 * bitset: number `first + k` is in the set when bit `k % 8` (1 = lowest) of
 * byte `floor(k / 8)` is 1. The writer takes the ranges unless the bitset's
 * text is shorter by more than `RANGES_BIAS` characters (so a small set reads
 * as ranges); `count` says how many numbers the set holds. A list of numbers is written as
 * `{ bytes, base64 }`: each number an unsigned little-endian integer of
 * `bytes` bytes (1, 2 or 4, the fewest that hold the largest), one after the
 * other. Pure: no I/O, no Node or browser API (base64 is done here).
 */

/** A set of whole numbers from `first` (known from where the set is): as inclusive ranges, or as a bitset in base64. */
export type CompactSet = { count: number; ranges: [number, number][] } | { count: number; bits: string };

/** A list of whole numbers at least 0: each `bytes` bytes, little-endian, in base64. */
export interface CompactInts {
  bytes: 1 | 2 | 4;
  base64: string;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Int16Array(128).fill(-1);
for (let k = 0; k < ALPHABET.length; k++) DIGIT[ALPHABET.charCodeAt(k)] = k;

/** RFC 4648 base64 with padding. Built in pieces: the text of a million-byte array is not made by repeated concatenation. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const STEP = 3 * 8192;
  for (let start = 0; start < bytes.length; start += STEP) {
    const end = Math.min(bytes.length, start + STEP);
    const codes: number[] = [];
    for (let k = start; k < end; k += 3) {
      const a = bytes[k];
      const b = k + 1 < end ? bytes[k + 1] : 0;
      const c = k + 2 < end ? bytes[k + 2] : 0;
      codes.push(ALPHABET.charCodeAt(a >> 2), ALPHABET.charCodeAt(((a & 3) << 4) | (b >> 4)));
      codes.push(k + 1 < end ? ALPHABET.charCodeAt(((b & 15) << 2) | (c >> 6)) : 61, k + 2 < end ? ALPHABET.charCodeAt(c & 63) : 61);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

/** The bytes of RFC 4648 base64 text (padding optional); throws on any other character. */
export function fromBase64(text: string): Uint8Array {
  let n = text.length;
  while (n > 0 && text.charCodeAt(n - 1) === 61) n--;
  if (text.length - n > 2 || n % 4 === 1) throw new Error("not base64: wrong length");
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let k = 0; k < n; k++) {
    const code = text.charCodeAt(k);
    const d = code < 128 ? DIGIT[code] : -1;
    if (d < 0) throw new Error(`not base64: '${text[k]}' at ${k}`);
    acc = ((acc << 6) | d) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out;
}

/** Characters the ranges may take beyond the bitset's and still be chosen: small sets stay legible. */
export const RANGES_BIAS = 64;

const digits = (x: number) => (x < 10 ? 1 : x < 100 ? 2 : x < 1000 ? 3 : x < 10000 ? 4 : String(x).length);

/** Calls f(from, to) for each maximal run of k in [0, size) where has(k), in order (to inclusive). */
function eachRun(size: number, has: (k: number) => boolean, f: (from: number, to: number) => void): void {
  for (let k = 0; k < size; ) {
    if (!has(k)) {
      k++;
      continue;
    }
    const from = k;
    while (k < size && has(k)) k++;
    f(from, k - 1);
  }
}

/**
 * The set of `first + k` for k in 0 … size − 1 where `has(k)`: as ranges
 * unless the bitset's base64 is shorter by more than RANGES_BIAS characters.
 */
export function encodeSet(size: number, first: number, has: (k: number) => boolean): CompactSet {
  let count = 0;
  let runs = 0;
  let rangesLength = 2; // the brackets of the list
  eachRun(size, has, (from, to) => {
    count += to - from + 1;
    runs++;
    rangesLength += digits(first + from) + digits(first + to) + 3; // [a,b]
  });
  if (runs > 1) rangesLength += runs - 1; // the commas between them
  const bytes = Math.ceil(size / 8);
  const bitsLength = 4 * Math.ceil(bytes / 3) + 2;
  if (rangesLength <= bitsLength + RANGES_BIAS) {
    const ranges: [number, number][] = new Array(runs);
    let r = 0;
    eachRun(size, has, (from, to) => {
      ranges[r++] = [first + from, first + to];
    });
    return { count, ranges };
  }
  const bitset = new Uint8Array(bytes);
  for (let k = 0; k < size; k++) if (has(k)) bitset[k >> 3] |= 1 << (k & 7);
  return { count, bits: toBase64(bitset) };
}

/** The numbers of a set, ascending (`first`: the number bit 0 stands for). Throws when `count` does not match. */
export function decodeSet(set: CompactSet, first: number): number[] {
  const out: number[] = [];
  if ("ranges" in set) {
    let last = -Infinity;
    for (const [from, to] of set.ranges) {
      if (!(from > last && to >= from)) throw new Error(`ranges out of order or empty at [${from}, ${to}]`);
      for (let x = from; x <= to; x++) out.push(x);
      last = to;
    }
  } else {
    const bytes = fromBase64(set.bits);
    for (let b = 0; b < bytes.length; b++) if (bytes[b]) for (let bit = 0; bit < 8; bit++) if (bytes[b] & (1 << bit)) out.push(first + 8 * b + bit);
  }
  if (out.length !== set.count) throw new Error(`the set holds ${out.length} numbers, not the ${set.count} its count says`);
  return out;
}

/** Whole numbers from 0 to 2^32 − 1 as the fewest little-endian bytes each that hold the largest. */
export function encodeInts(values: ArrayLike<number>): CompactInts {
  let max = 0;
  for (let k = 0; k < values.length; k++) if (values[k] > max) max = values[k];
  const bytes = max < 256 ? 1 : max < 65536 ? 2 : 4;
  const out = new Uint8Array(values.length * bytes);
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    for (let b = 0; b < bytes; b++) out[k * bytes + b] = (v >>> (8 * b)) & 255;
  }
  return { bytes, base64: toBase64(out) };
}

/** The numbers of `encodeInts`. */
export function decodeInts(list: CompactInts): number[] {
  const raw = fromBase64(list.base64);
  if (raw.length % list.bytes) throw new Error(`${raw.length} bytes is not a whole number of ${list.bytes}-byte values`);
  const out: number[] = new Array(raw.length / list.bytes);
  for (let k = 0; k < out.length; k++) {
    let v = 0;
    for (let b = list.bytes - 1; b >= 0; b--) v = v * 256 + raw[k * list.bytes + b];
    out[k] = v;
  }
  return out;
}
