/**
 * Coalition stability under CNash, CGMR and CSEQ for every state at once
 * (definitions in src/extensions/coalitions.ts; Kilgour, Hipel, Fang & Peng 2001;
 * Inohara & Hipel 2008).
 *
 * s is unstable for H iff some t ∈ R_H(s) has V_i(t) > pref_i(s) for every
 * member i, where
 * - CNash: V_i = pref_i (t is a coalition improvement);
 * - CGMR: V_i(t) = min of pref_i over R*_{N∖H}(t), the states the others reach
 *   from t in zero or more moves (`reachMin`);
 * - CSEQ: the same over the others' unilateral improvements.
 * Why: the joint move s → t is undeterred iff every state the others can reach
 * from t (t included: it is better for H, so never a sanction) is better for
 * H, i.e. each member's worst reachable value is above its value at s; and
 * V_i(t) ≤ pref_i(t), so V(t) > pref(s) also says t ≻_H s.
 * R_H(s) is plain reachability over the members' union graph (see
 * src/extensions/coalition-reach.ts for why that equals the no-DM-twice rule), minus
 * s itself; `reachDominates` reaches in zero or more steps, so it also looks
 * at t = s, harmlessly: V(s) ≤ pref(s), never above it.
 * CSMR is not of this form (whether s2 is a sanction depends on s through the
 * coalition's counter-moves), but it is one of the same kind: s2 ∈ R_{N∖H}(s1)
 * is a CSMR sanction iff no t ∈ {s2} ∪ R_H(s2) has pref(t) > pref(s) on every
 * member, so s → s1 is undeterred iff every state the others reach from s1
 * (one or more moves; none: undeterred) leads H, in zero or more joint moves,
 * to some state above pref(s). `reachDominatesUnanswered` decides that for
 * every s at once with down-sets of member vectors (src/stability/dominance.ts).
 *
 * Cost per coalition: the components of H's union graph once, then per concept
 * one `reachMin` per member and one `reachDominates` pass; for CSMR two sweeps
 * of H's graph and one of the others' graph, meeting skylines.
 */
import { coalitionImprovements, coalitionMoves, type StabilityContext } from "../stability/context.js";
import { condense, reachDominates, reachDominatesUnanswered } from "../stability/dominance.js";
import { reachMin } from "../stability/reach.js";

export type WholeGraphConcept = "Nash" | "GMR" | "SMR" | "SEQ";

/** concept -> per state: stable for the coalition (1) or not (0). */
export function coalitionVerdicts(
  ctx: StabilityContext,
  coalition: readonly number[],
  concepts: readonly WholeGraphConcept[],
): Partial<Record<WholeGraphConcept, Uint8Array>> {
  const { model } = ctx;
  const own = coalitionMoves(ctx, coalition);
  const cond = condense(own);
  const others = Array.from({ length: model.nDMs }, (_, d) => d).filter((d) => !coalition.includes(d));
  const bar = coalition.map((i) => model.pref[i]);
  const out: Partial<Record<WholeGraphConcept, Uint8Array>> = {};
  for (const c of concepts) {
    let broken: Uint8Array;
    // With no one left to answer, every concept is CNash.
    if (c === "Nash" || others.length === 0) broken = reachDominates(own, cond, bar, bar);
    else if (c === "SMR") broken = reachDominatesUnanswered(own, cond, coalitionMoves(ctx, others), bar);
    else {
      const answers = c === "GMR" ? coalitionMoves(ctx, others) : coalitionImprovements(ctx, others);
      broken = reachDominates(
        own,
        cond,
        bar.map((p) => reachMin(answers, p)),
        bar,
      );
    }
    for (let s = 0; s < broken.length; s++) broken[s] ^= 1;
    out[c] = broken;
  }
  return out;
}
