/**
 * A short load test of the workbench server (tests/load/load.ts): readers,
 * new-file saves and overwrites at once for a few seconds; nothing may fail,
 * and every acknowledged save must be on disk whole. `npm run load` runs it
 * longer and prints the latency figures.
 */
import { describe, expect, it } from "vitest";
import { runLoad } from "./load/load.js";

describe("the workbench server under load", () => {
  it("loses and corrupts nothing while reads and saves run together", async () => {
    const r = await runLoad({ seconds: 3, readers: 6, creators: 3, overwriters: 3 });
    expect(r.problems).toEqual([]);
    expect(r.reads.requests).toBeGreaterThan(50);
    expect(r.verifiedCreates).toBeGreaterThan(10);
    expect(r.verifiedShared).toBe(4);
  });
});
