/**
 * First-level hypergames from the definitions (docs/hypergames.md): each DM
 * moves within the states it perceives, judged by one DM's view of everyone's
 * preferences; coalition reach by breadth-first search over (state, last mover).
 */
import type { HypergameView } from "../../../src/extensions/hypergame.js";
import type { Model } from "../../../src/model/compile.js";
import type { Concept } from "../../../src/stability/analyze.js";
import { referenceMoves } from "./stability.js";

/** Stability of DM i at every state, given what each DM perceives and DM i's view of every DM's preferences. */
export function referenceHypergame(model: Model, perceived: Uint8Array[], prefsOf: Int32Array[][], view: HypergameView, c: Concept, i: number): boolean[] {
  const n = model.states.length;
  const pref = prefsOf[i]; // i's view of everyone's preferences
  const within = (j: number) => (view === "gmcr" ? perceived[j] : perceived[i]);
  const moves = (j: number, s: number) => (within(j)[s] ? referenceMoves(model, j, s).filter((t) => within(j)[t]) : []);
  const own = (s: number) => (perceived[i][s] ? referenceMoves(model, i, s).filter((t) => perceived[i][t]) : []);
  const others = Array.from({ length: model.nDMs }, (_, d) => d).filter((d) => d !== i);
  const reach = (s1: number, improving: boolean) => {
    const seen = new Set<string>();
    const out = new Set<number>();
    const queue: [number, number][] = [[s1, -1]];
    for (let q = 0; q < queue.length; q++) {
      const [v, last] = queue[q];
      for (const j of others) {
        if (j === last) continue;
        for (const t of moves(j, v)) {
          if (improving && pref[j][t] <= pref[j][v]) continue;
          out.add(t);
          if (!seen.has(`${t},${j}`)) {
            seen.add(`${t},${j}`);
            queue.push([t, j]);
          }
        }
      }
    }
    return [...out];
  };
  const ok = (s: number, t: number) => pref[i][t] <= pref[i][s];
  const sim = (s: number, s1: number) => {
    const x = model.states[s];
    const changes = others.map((j) =>
      moves(j, s)
        .filter((t) => pref[j][t] > pref[j][s])
        .map((t) => x ^ model.states[t]),
    );
    const go = (k: number, joint: number, anyone: boolean): boolean => {
      if (k === others.length) {
        if (!anyone) return false;
        const q = model.indexOf[model.states[s1] ^ joint];
        return q >= 0 && (view === "gmcr" || perceived[i][q] === 1) && ok(s, q);
      }
      return go(k + 1, joint, anyone) || changes[k].some((m) => go(k + 1, joint ^ m, true));
    };
    return go(0, 0, false);
  };
  const stableAt = (concept: Concept, s: number): boolean => {
    const imps = own(s).filter((t) => pref[i][t] > pref[i][s]);
    switch (concept) {
      case "Nash":
        return imps.length === 0;
      case "GMR":
        return imps.every((s1) => reach(s1, false).some((s2) => ok(s, s2)));
      case "SMR":
        return imps.every((s1) => reach(s1, false).some((s2) => ok(s, s2) && own(s2).every((s3) => ok(s, s3))));
      case "SEQ":
        return imps.every((s1) => reach(s1, true).some((s2) => ok(s, s2)));
      case "SIM":
        return imps.every((s1) => sim(s, s1));
      case "SEQ+SIM":
        return stableAt("SEQ", s) || stableAt("SIM", s);
    }
  };
  return Array.from({ length: n }, (_, s) => stableAt(c, s));
}
