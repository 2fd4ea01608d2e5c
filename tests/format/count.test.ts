import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { count } from "../../src/format/count.js";

describe("count", () => {
  it("groups digits by three, as en-US does", () => {
    expect([0, 7, 999, 1000, 20_000, 262_144, 1_048_576, -4096].map(count)).toEqual(["0", "7", "999", "1,000", "20,000", "262,144", "1,048,576", "-4,096"]);
  });
  it("writes every safe integer as toLocaleString('en-US') does", () => {
    fc.assert(fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => count(n) === n.toLocaleString("en-US")));
  });
  it("leaves fractions and huge numbers to Intl", () => {
    expect(count(1234.5)).toBe("1,234.5");
    expect(count(2 ** 60)).toBe((2 ** 60).toLocaleString("en-US"));
  });
});
