/**
 * The compact analysis JSON (`parley-analysis-compact/1`) says what the
 * readable one (`parley-analysis/1`) says: decoded with `readCompactAnalysis`,
 * it equals the readable JSON on random models, with and without -e. Its
 * pieces (sets as ranges or bitsets, integer lists, base64) against
 * independent decodings (Node's Buffer, plain arrays).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/index.js";
import { analysisOutput } from "../../src/present/analysis-output.js";
import { analysisCompactOutput, type AnalysisCompactJson } from "../../src/present/analysis-compact-output.js";
import { readCompactAnalysis } from "../../src/present/analysis-compact-read.js";
import { type CompactSet, decodeInts, decodeSet, encodeInts, encodeSet, fromBase64, RANGES_BIAS, toBase64 } from "../../src/present/compact-sets.js";
import { arbModel, runs } from "../helpers/arbitraries.js";
import { Deferred, jsonLines } from "../../src/present/json-chunks.js";
import { printed } from "../../src/cli/print.js";
import { generateModel } from "../../bench/generate.js";

const text = (chunks: Iterable<string>) => [...chunks].join("");

describe("compact and readable JSON describe the same result", () => {
  it("on random models (every concept; with and without -e), as printed and parsed", () => {
    const models = arbModel({ dms: [2, 4], optionsPerDM: [1, 4], maxOptions: 11, maxInfeasible: 3 });
    fc.assert(
      fc.property(models, fc.boolean(), (model, equilibriaOnly) => {
        const result = { analysis: analyze(model), equilibriaOnly };
        const readable = JSON.parse(text(analysisOutput.jsonChunks!(result)));
        const compact = JSON.parse(text(analysisCompactOutput.jsonChunks!(result))) as AnalysisCompactJson;
        expect(compact.format).toBe("parley-analysis-compact/1");
        expect(readCompactAnalysis(compact).toReadable()).toEqual(readable);
        // The object form is the printed one, and printed whole it is the same text as in chunks.
        expect(analysisCompactOutput.toJson(result)).toEqual(compact);
        expect(printed(analysisCompactOutput, result, "json", {})).toBe(text(analysisCompactOutput.jsonChunks!(result)));
      }),
      runs(80),
    );
  });

  it("on a generated model with infeasible states, ranks of two bytes and sets written as bitsets", () => {
    const model = generateModel(4, 12, 3);
    expect(model.states.length).toBeLessThan(2 ** 12);
    const result = { analysis: analyze(model) };
    const compact = JSON.parse(text(analysisCompactOutput.jsonChunks!(result))) as AnalysisCompactJson;
    const sets = Object.values(compact.stable).flatMap((byDm) => Object.values(byDm));
    expect(sets.some((s) => "bits" in s)).toBe(true);
    expect(sets.some((s) => "ranges" in s)).toBe(true);
    expect(readCompactAnalysis(compact).toReadable()).toEqual(analysisOutput.toJson(result));
  });

  it("the reader decodes a state on demand: value, id, pattern and ranks", () => {
    const model = generateModel(3, 10, 2);
    const analysis = analyze(model);
    const readable = analysisOutput.toJson({ analysis });
    const r = readCompactAnalysis(analysisCompactOutput.toJson({ analysis }));
    expect(r.stateCount).toBe(model.states.length);
    for (const s of [0, 1, 17, model.states.length - 1]) {
      const id = s + 1;
      expect(r.value(id)).toBe(model.states[s]);
      expect(r.idOf(model.states[s])).toBe(id);
      expect(r.pattern(id)).toBe(readable.states[s].pattern);
      for (const dm of readable.decisionMakers) expect(r.rank(dm.id, id)).toBe(readable.states[s].ranks[dm.id]);
    }
    const infeasible = Array.from({ length: 2 ** model.nOptions }, (_, v) => v).find((v) => model.indexOf[v] < 0);
    expect(infeasible).toBeDefined();
    expect(r.idOf(infeasible!)).toBeUndefined();
    expect(() => r.value(0)).toThrow("no state 0: the ids run from 1 to");
    expect(() => r.stable("Nash", "nobody")).toThrow("no stable set for nobody under Nash");
    expect(() => readCompactAnalysis({ ...analysisCompactOutput.toJson({ analysis }), format: "parley-analysis/1" } as never)).toThrow(
      "not a parley-analysis-compact/1 result",
    );
  });

  it("with -e, ranks are of the listed states only and a state not listed has none", () => {
    const analysis = analyze(generateModel(3, 10, 2));
    const compact = analysisCompactOutput.toJson({ analysis, equilibriaOnly: true });
    expect(compact.equilibriaOnly).toBe(true);
    const r = readCompactAnalysis(compact);
    const listed = r.listed();
    expect(listed.length).toBe(compact.listed!.count);
    expect(listed.length).toBeLessThan(r.stateCount);
    expect(decodeInts(compact.ranks[analysis.model.scenario.decisionMakers[0].id]).length).toBe(listed.length);
    const notListed = Array.from({ length: r.stateCount }, (_, k) => k + 1).find((id) => !listed.includes(id))!;
    expect(r.rank(analysis.model.scenario.decisionMakers[0].id, notListed)).toBeUndefined();
  });
});

describe("jsonLines", () => {
  it("writes any JSON value so that it parses to what JSON.stringify's text parses to", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(text(jsonLines(value)))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      runs(300),
    );
  });

  it("spreads objects that hold objects over lines, the rest on one line; a Deferred is laid out as its value", () => {
    const doc = { a: 1, b: { c: [1, 2], d: { e: "x" } }, f: new Deferred(() => ({ g: { h: 1 } })) };
    const expected = '{\n  "a": 1,\n  "b": {\n    "c": [1,2],\n    "d": {"e":"x"}\n  },\n  "f": {\n    "g": {"h":1}\n  }\n}\n';
    expect(text(jsonLines(doc))).toBe(expected);
    expect(text(jsonLines({ ...doc, f: { g: { h: 1 } } }))).toBe(expected);
  });
});

describe("compact sets and integer lists", () => {
  it("base64 as Node's Buffer writes and reads it, every length and byte", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const b64 = toBase64(bytes);
        expect(b64).toBe(Buffer.from(bytes).toString("base64"));
        expect(fromBase64(b64)).toEqual(bytes);
      }),
      runs(300),
    );
    // Past the 24,576-byte pieces the encoder writes in.
    const big = Uint8Array.from({ length: 100_003 }, (_, k) => (k * 7919) & 255);
    expect(toBase64(big)).toBe(Buffer.from(big).toString("base64"));
  });

  it("refuses text that is not base64", () => {
    expect(() => fromBase64("AB$D")).toThrow("not base64: '$' at 2");
    expect(() => fromBase64("ABCDE")).toThrow("not base64: wrong length");
  });

  it("a set decodes to its numbers, written as ranges or as a bitset, whichever the rule picks", () => {
    // Runs of equal marks of random lengths: from a few long runs (ranges) to many short ones (a bitset).
    const runsOfMarks = fc
      .array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 40 })), { maxLength: 200, size: "max" })
      .map((rs) => rs.flatMap(([m, n]) => Array<boolean>(n).fill(m)));
    fc.assert(
      fc.property(fc.oneof(runsOfMarks, fc.array(fc.boolean(), { maxLength: 2000, size: "max" })), fc.integer({ min: 0, max: 1 }), (marks, first) => {
        const set = encodeSet(marks.length, first, (k) => marks[k]);
        const expected = marks.flatMap((m, k) => (m ? [first + k] : []));
        expect(decodeSet(set, first)).toEqual(expected);
        expect(set.count).toBe(expected.length);
        // The bitset is chosen only when it is shorter than the ranges by more than the bias.
        const rangesText = JSON.stringify(rangesOf(expected));
        const bitsText = JSON.stringify(toBase64(bitsetOf(marks)));
        if ("bits" in set) expect(rangesText.length).toBeGreaterThan(bitsText.length + RANGES_BIAS);
        else expect(rangesText.length).toBeLessThanOrEqual(bitsText.length + RANGES_BIAS);
      }),
      runs(200),
    );
  });

  it("a set whose count does not match its numbers, or whose ranges are out of order, is refused", () => {
    const wrong: CompactSet = { count: 3, ranges: [[1, 2]] };
    expect(() => decodeSet(wrong, 1)).toThrow("the set holds 2 numbers, not the 3 its count says");
    expect(() =>
      decodeSet(
        {
          count: 2,
          ranges: [
            [5, 5],
            [3, 3],
          ],
        },
        1,
      ),
    ).toThrow("ranges out of order or empty at [3, 3]");
  });

  it("integer lists take 1, 2 or 4 bytes each, little-endian", () => {
    expect(encodeInts([1, 255])).toEqual({ bytes: 1, base64: Buffer.from([1, 255]).toString("base64") });
    expect(encodeInts([256, 1])).toEqual({ bytes: 2, base64: Buffer.from([0, 1, 1, 0]).toString("base64") });
    expect(encodeInts([65536])).toEqual({ bytes: 4, base64: Buffer.from([0, 0, 1, 0]).toString("base64") });
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 2 ** 32 - 1 }), { maxLength: 50 }), (values) => {
        expect(decodeInts(encodeInts(values))).toEqual(values);
      }),
      runs(200),
    );
    expect(() => decodeInts({ bytes: 2, base64: Buffer.from([1, 2, 3]).toString("base64") })).toThrow("3 bytes is not a whole number of 2-byte values");
  });
});

function rangesOf(xs: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (last && last[1] === x - 1) last[1] = x;
    else out.push([x, x]);
  }
  return out;
}

function bitsetOf(marks: boolean[]): Uint8Array {
  const out = new Uint8Array(Math.ceil(marks.length / 8));
  marks.forEach((m, k) => {
    if (m) out[k >> 3] |= 1 << (k & 7);
  });
  return out;
}
