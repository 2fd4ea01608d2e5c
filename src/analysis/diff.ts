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
      if (common.join("\n") !== oldOrder.join("\n")) out.push(...reordered(dm.name, oldOrder, common));
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

/**
 * A change in the order of the same statements, said as the statements that
 * moved: those outside a longest run kept in order, each with where it now
 * stands ('United States now puts "!us_sanctions" before "if ru_offensive then
 * us_sanctions" (moved up from 7th to 6th of its priorities).'); the new
 * order follows.
 */
function reordered(name: string, before: readonly string[], after: readonly string[]): string[] {
  const label = (t: string) => `"${t}"`;
  const kept = new Set(longestKept(before, after));
  const moved = after.filter((t) => !kept.has(t));
  const nth = (k: number) => {
    const p = k + 1;
    const suffix = p % 100 >= 11 && p % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][p % 10] ?? "th");
    return `${p}${suffix}`;
  };
  const lines = moved.map((t) => {
    const was = before.indexOf(t);
    const now = after.indexOf(t);
    const up = now < was;
    // Beside the statement it now outweighs (moved up) or that now outweighs it (moved down).
    const other = up ? after[now + 1] : after[now - 1];
    const where = other === undefined ? (up ? "last" : "first") : `${up ? "before" : "after"} ${label(other)}`;
    return `${name} now puts ${label(t)} ${where} (moved ${up ? "up" : "down"} from ${nth(was)} to ${nth(now)} of its priorities).`;
  });
  return [...lines, `${name}'s priorities are now, most important first: ${after.join(" > ")}.`];
}

/** A longest list of items in the same order in both lists (the same items, reordered). */
function longestKept(a: readonly string[], b: readonly string[]): string[] {
  const n = a.length;
  const m = b.length;
  const len = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) len[i][j] = a[i] === b[j] ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
  const out: string[] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
      // On a tie the statement now placed earlier is the one that moved (up), as a move with the forms' ↑ says it.
    } else if (len[i + 1][j] > len[i][j + 1]) i++;
    else j++;
  }
  return out;
}
