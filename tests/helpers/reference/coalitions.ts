/**
 * Coalition stability from the definitions (docs/coalitions.md), on top of
 * the plain reference's (state, last mover) search, and a checker of the
 * joint moves and sanctions an engine report claims.
 */
import type { CoalitionAnalysis, CoalitionConcept } from "../../../src/extensions/coalitions.js";
import type { Model } from "../../../src/model/compile.js";
import { COALITION_CONCEPTS } from "../../../src/extensions/coalitions.js";
import { type Reference, referenceMoves } from "./stability.js";

/** Every coalition of n DMs with `min` to `max` members, as ascending member lists; enumerated by bitmask, not by the engine. */
export function referenceCoalitions(n: number, min = 1, max = n): number[][] {
  const out: number[][] = [];
  for (let mask = 1; mask < 1 << n; mask++) {
    const H = Array.from({ length: n }, (_, d) => d).filter((d) => (mask >> d) & 1);
    if (H.length >= min && H.length <= max) out.push(H);
  }
  return out;
}

/** Is s stable for coalition H under the concept? Straight from the definitions. */
export function referenceCoalitionStable(ref: Reference, H: readonly number[], concept: CoalitionConcept, s: number): boolean {
  const { pref, nDMs } = ref.model;
  const others = Array.from({ length: nDMs }, (_, d) => d).filter((d) => !H.includes(d));
  // t ≻_H s: every member strictly prefers t to s.
  const better = (t: number) => H.every((i) => pref[i][t] > pref[i][s]);
  // R_H^{++}(s).
  const joint = ref.coalitionReach(H, s, false).filter(better);
  switch (concept) {
    case "Nash":
      return joint.length === 0;
    case "GMR": // some s2 ∈ R_{N∖H}(s1) with not s2 ≻_H s
      return joint.every((s1) => ref.coalitionReach(others, s1, false).some((s2) => !better(s2)));
    case "SMR": // ... and not s3 ≻_H s for every s3 ∈ R_H(s2)
      return joint.every((s1) =>
        ref.coalitionReach(others, s1, false).some((s2) => !better(s2) && ref.coalitionReach(H, s2, false).every((s3) => !better(s3))),
      );
    case "SEQ": // some s2 ∈ R^+_{N∖H}(s1) with not s2 ≻_H s
      return joint.every((s1) => ref.coalitionReach(others, s1, true).some((s2) => !better(s2)));
  }
}

/** Every joint move and sanction in the report, checked against the definitions; the problems found. */
export function coalitionReportProblems(model: Model, ref: Reference, ca: CoalitionAnalysis): string[] {
  const problems: string[] = [];
  const { pref } = model;
  const legal = (steps: { dm: number; from: number; to: number }[], start: number, movers: readonly number[], improving: boolean) =>
    steps.length > 0 &&
    steps[0].from === start &&
    steps.every(
      (st, k) =>
        movers.includes(st.dm) &&
        referenceMoves(model, st.dm, st.from).includes(st.to) &&
        (!improving || pref[st.dm][st.to] > pref[st.dm][st.from]) &&
        (k === 0 || (st.from === steps[k - 1].to && st.dm !== steps[k - 1].dm)),
    );
  for (const st of ca.states) {
    const s = st.state;
    const listed = new Set(st.coalitions.map((c) => c.coalition.join(",")));
    for (const H of referenceCoalitions(model.nDMs, 2)) {
      const better = (t: number) => H.every((i) => pref[i][t] > pref[i][s]);
      const joint = ref.coalitionReach(H, s, false).filter(better);
      if (listed.has(H.join(",")) !== joint.length > 0) problems.push(`coalition {${H}} at ${s}: listed ${listed.has(H.join(","))}, joint moves ${joint}`);
    }
    for (const co of st.coalitions) {
      const H = co.coalition;
      const others = Array.from({ length: model.nDMs }, (_, d) => d).filter((d) => !H.includes(d));
      const better = (t: number) => H.every((i) => pref[i][t] > pref[i][s]);
      const expected = ref.coalitionReach(H, s, false).filter(better);
      const targets = co.moves.map((m) => m.to).sort((x, y) => x - y);
      if (targets.join() !== expected.join()) problems.push(`R_H^{++} of {${H}} at ${s}: ${targets} instead of ${expected}`);
      for (const mv of co.moves) {
        const where = `{${H}} ${s} → ${mv.to}`;
        if (!legal(mv.path, s, H, false) || mv.path[mv.path.length - 1].to !== mv.to) problems.push(`illegal path ${where}`);
        for (const c of COALITION_CONCEPTS) {
          const sn = mv.sanctions[c];
          const deterrable =
            c === "Nash"
              ? false
              : c === "SEQ"
                ? ref.coalitionReach(others, mv.to, true).some((s2) => !better(s2))
                : ref
                    .coalitionReach(others, mv.to, false)
                    .some((s2) => !better(s2) && (c === "GMR" || ref.coalitionReach(H, s2, false).every((s3) => !better(s3))));
          if ((sn !== null) !== deterrable) problems.push(`${c} ${where}: sanction ${sn !== null}, reference ${deterrable}`);
          if (!sn) continue;
          if (!legal(sn.moves, mv.to, others, c === "SEQ") || sn.moves[sn.moves.length - 1].to !== sn.result) problems.push(`${c} ${where}: illegal sanction`);
          if (!H.includes(sn.member) || pref[sn.member][sn.result] > pref[sn.member][s]) problems.push(`${c} ${where}: member ${sn.member} is better off`);
          if (c === "SMR" && ref.coalitionReach(H, sn.result, false).some(better)) problems.push(`SMR ${where}: the coalition escapes`);
        }
        if (co.stable.GMR !== co.moves.every((m) => m.sanctions.GMR !== null)) problems.push(`GMR verdict of {${H}} at ${s}`);
      }
    }
  }
  return problems;
}
