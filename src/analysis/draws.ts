/**
 * Where a Monte Carlo loop's draws are run: all of them here (one run), only
 * one shard's share (a partial result, to be merged with the others'), or
 * none, their raw results taken from every shard's partial (the merge).
 *
 * A loop hands its work over as `run(from, to)`: simulate draws from..to-1
 * and give back their raw result, either counts (integers, added: the sum
 * is the same in any order, so exactly the one run's) or one value per draw
 * (listed in draw order: the shards' lists laid end to end are the one
 * run's). Every draw takes its randomness from (seed, draw number) alone, so
 * draw k is the same whichever shard runs it. The loops of a computation run
 * in a fixed order that does not depend on the draws, so the k-th loop of a
 * shard is the k-th loop of every other shard and of the merge.
 */

/** Sparse counts: index -> count (whole numbers). */
export type Counts = Map<number, number>;

/** The raw result of one loop in a shard: its draws, and counts or one value per draw. */
export interface LoopRecord {
  /** The draws the whole loop has (every shard's together). */
  samples: number;
  /** This shard's draws: from..to-1. */
  from: number;
  to: number;
  /** Counts as [index, count] pairs, by index. */
  counts?: [number, number][];
  /** One value per draw of from..to-1, in draw order. */
  values?: unknown[];
}

export interface Draws {
  /** The counts of `samples` draws: `run(from, to)` gives those of draws from..to-1. */
  counts(samples: number, run: (from: number, to: number) => Counts): Counts;
  /** One value per draw, in draw order: `run(from, to)` gives those of draws from..to-1. */
  each<T>(samples: number, run: (from: number, to: number) => T[]): T[];
}

/** Shard `index` (1-based) of `count`: its draws from..to-1 of `total`, contiguous and in order. */
export function shardRange(total: number, index: number, count: number): { from: number; to: number } {
  return { from: Math.floor(((index - 1) * total) / count), to: Math.floor((index * total) / count) };
}

/** Every draw here: the one run. */
export const allDraws: Draws = {
  counts: (samples, run) => byIndex(run(0, samples)),
  each: (samples, run) => run(0, samples),
};

/**
 * One shard's share of every loop; `records` keeps each loop's raw result in
 * loop order. The computation goes on with the shard's own results, which
 * are only a part: what it returns is of no use, only the records are.
 */
export function shardDraws(index: number, count: number): Draws & { records: LoopRecord[] } {
  const records: LoopRecord[] = [];
  return {
    records,
    counts(samples, run) {
      const { from, to } = shardRange(samples, index, count);
      const c = run(from, to);
      records.push({ samples, from, to, counts: [...c].sort((a, b) => a[0] - b[0]) });
      return c;
    },
    each(samples, run) {
      const { from, to } = shardRange(samples, index, count);
      const values = run(from, to);
      records.push({ samples, from, to, values });
      return values;
    },
  };
}

/** A problem with the shards' records: they do not describe the same loops. */
export class DrawsMismatch extends Error {}

/**
 * No draw run: each loop's result is put together from the shards' records
 * (`shards[i]`: shard i+1's records, in loop order), counts added, values
 * laid end to end in shard order. Throws `DrawsMismatch` when a loop differs
 * from what the shards recorded (another scenario or other options).
 */
export function mergedDraws(shards: readonly (readonly LoopRecord[])[]): Draws & { finished(): void } {
  let loop = 0;
  const next = (samples: number, kind: "counts" | "values"): LoopRecord[] => {
    const k = loop++;
    const parts = shards.map((records, i) => {
      const r = records[k];
      if (!r) throw new DrawsMismatch(`shard ${i + 1} recorded ${records.length} Monte Carlo loops, the computation has more`);
      if (r.samples !== samples) throw new DrawsMismatch(`loop ${k + 1}: shard ${i + 1} ran ${r.samples} draws, the computation asks for ${samples}`);
      if (!r[kind]) throw new DrawsMismatch(`loop ${k + 1}: shard ${i + 1} recorded no ${kind}`);
      return r;
    });
    let at = 0;
    for (const [i, r] of parts.entries()) {
      if (r.from !== at || r.to < r.from) throw new DrawsMismatch(`loop ${k + 1}: shard ${i + 1} ran draws ${r.from}..${r.to - 1}, expected from ${at}`);
      if (kind === "values" && r.values!.length !== r.to - r.from)
        throw new DrawsMismatch(`loop ${k + 1}: shard ${i + 1} has ${r.values!.length} values for ${r.to - r.from} draws`);
      at = r.to;
    }
    if (at !== samples) throw new DrawsMismatch(`loop ${k + 1}: the shards ran ${at} of ${samples} draws`);
    return parts;
  };
  return {
    counts(samples) {
      const out: Counts = new Map();
      for (const r of next(samples, "counts")) for (const [i, c] of r.counts!) out.set(i, (out.get(i) ?? 0) + c);
      return byIndex(out);
    },
    each<T>(samples: number) {
      return next(samples, "values").flatMap((r) => r.values as T[]);
    },
    finished() {
      for (const [i, records] of shards.entries())
        if (records.length !== loop) throw new DrawsMismatch(`shard ${i + 1} recorded ${records.length} Monte Carlo loops, the computation ran ${loop}`);
    },
  };
}

/** The same counts, iterated by index (one run and a merge iterate them alike). */
function byIndex(c: Counts): Counts {
  return new Map([...c].sort((a, b) => a[0] - b[0]));
}

/** Adds one to a count. */
export function bump(c: Counts, index: number, by = 1): void {
  c.set(index, (c.get(index) ?? 0) + by);
}

/**
 * A seed for draw `n` from the run's seed alone (the same mixing as the
 * forecast's courses of play): draw n gets the same stream in any shard.
 */
export function drawSeed(seed: number, n: number): number {
  return (Math.imul(seed, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b)) >>> 0;
}
