/**
 * What changed between two versions of a scenario, in words: options,
 * irreversibility, constraints, the status quo and each decision maker's
 * preferences. Elements are matched by id (options, DMs) or text (statements,
 * constraints).
 */
import type { Scenario } from "../format/scenario.js";

export function scenarioChanges(base: Scenario, other: Scenario): string[] {
  const out: string[] = [];
  const baseOpts = new Map(base.options.map((o, k) => [o.id, { o, k }]));
  const otherOpts = new Map(other.options.map((o, k) => [o.id, { o, k }]));
  const dmName = (sc: Scenario, d: number) => sc.decisionMakers[d].name;
  const dir = { both: "reversible", fwd: "irreversible once taken", back: "irreversible once withdrawn" } as const;

  for (const [id, { o }] of otherOpts) if (!baseOpts.has(id)) out.push(`New option for ${dmName(other, o.dm)}: ${o.label}.`);
  for (const [id, { o }] of baseOpts) if (!otherOpts.has(id)) out.push(`Option removed: ${o.label} (${dmName(base, o.dm)}).`);
  for (const [id, { o, k }] of otherOpts) {
    const b = baseOpts.get(id);
    if (!b) continue;
    if (b.o.direction !== o.direction) out.push(`${o.label}: now ${dir[o.direction]} (was ${dir[b.o.direction]}).`);
    const was = (base.statusQuo >> b.k) & 1;
    const now = (other.statusQuo >> k) & 1;
    if (was !== now) out.push(`Today: ${now ? (o.whenTaken ?? o.label) : (o.whenNotTaken ?? `not: ${o.label}`)} (was ${was ? "taken" : "not taken"}).`);
  }

  const baseCons = new Set(base.constraints.map((c) => c.text));
  const otherCons = new Set(other.constraints.map((c) => c.text));
  for (const c of otherCons) if (!baseCons.has(c)) out.push(`New constraint: ${c}.`);
  for (const c of baseCons) if (!otherCons.has(c)) out.push(`Constraint removed: ${c}.`);

  other.decisionMakers.forEach((dm, d) => {
    const bd = base.decisionMakers.findIndex((x) => x.id === dm.id);
    if (bd < 0) {
      out.push(`New decision maker: ${dm.name}.`);
      return;
    }
    const a = base.preferences[bd];
    const b = other.preferences[d];
    if (a.kind !== b.kind) {
      out.push(`${dm.name}'s preferences are now given as ${b.kind === "ranking" ? "a ranking" : "statements"}.`);
      return;
    }
    if (a.kind === "statements" && b.kind === "statements") {
      const before = a.statements.map((s) => s.text);
      const after = b.statements.map((s) => s.text);
      const label = (list: typeof b.statements, text: string) => {
        const st = list.find((s) => s.text === text)!;
        return st.note ? `"${st.note}" (${text})` : text;
      };
      for (const t of after) if (!before.includes(t)) out.push(`${dm.name} now also wants: ${label(b.statements, t)}.`);
      for (const t of before) if (!after.includes(t)) out.push(`${dm.name} no longer wants: ${label(a.statements, t)}.`);
      const common = after.filter((t) => before.includes(t));
      const oldOrder = before.filter((t) => after.includes(t));
      if (common.join("\n") !== oldOrder.join("\n")) out.push(`${dm.name} orders its priorities differently: ${common.join(" > ")}.`);
    } else if (a.kind === "ranking" && b.kind === "ranking") {
      const flat = (p: typeof a) => p.items.map((i) => i.patterns.join("=")).join(" > ");
      if (flat(a) !== flat(b)) out.push(`${dm.name}'s ranking of the states changed.`);
    }
  });
  base.decisionMakers.forEach((dm) => {
    if (!other.decisionMakers.some((x) => x.id === dm.id)) out.push(`Decision maker removed: ${dm.name}.`);
  });
  return out;
}
