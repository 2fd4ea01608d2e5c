/**
 * The report's bottom line as document blocks: dated, with probabilities,
 * what would change them, how the parties read each other, where play goes
 * in each what-if, what news to watch, then the questions.
 */
import { strong, t, user, type Block } from "../present/document.js";
import { percent as pct } from "../present/percent.js";
import type { BottomLine } from "./bottom-line.js";
import type { ReportData } from "./build.js";
import { bottomLineLimits } from "./budget-words.js";
import { playInWords, possessive } from "./play.js";

/** "2025-12-31" -> "31 December 2025" */
export function longDate(d: string): string {
  return new Date(`${d}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/**
 * The bottom line first: dated, with probabilities, what would change them and
 * what news to watch; then the questions. Said once, plainly: these are
 * chances that something happens, not that a state is stable.
 */
export function bottomLineBlocks(b: BottomLine, r?: ReportData): Block[] {
  const out: Block[] = [{ kind: "heading", level: 2, text: `Bottom line, computed ${longDate(b.made)}` }];
  if (b.outcomes.length) {
    out.push({
      kind: "item",
      level: 1,
      text: t`${strong("Most likely")}, where play ends within ${String(b.horizon)} moves, if each party moves when a move of its own leaves it better off (deals between parties are left out${b.whatIfs.length ? "; the what-ifs below show them" : ""}):`,
    });
    for (const o of b.outcomes) out.push({ kind: "item", level: 2, text: t`${strong(pct(o.probability))} ${user(o.words)}` });
    if (b.rest >= 0.005) out.push({ kind: "item", level: 2, text: t`${strong(pct(b.rest))} anything else` });
  }
  if (b.change.length) out.push({ kind: "item", level: 1, text: t`${strong("What would change this")}: ${user(b.change.map((c) => `${c}.`).join(" "))}` });
  else if (b.tried.variants > 0)
    out.push({
      kind: "item",
      level: 1,
      text: t`${strong("What would change this")}: no single change of one party's priorities (${String(b.tried.variants)} tried: two neighbouring priorities swapped, or one dropped) moves play from today${b.whatIfs.some((w) => w.play.moves.length) ? "; the what-ifs below that move play show what does" : ""}.`,
    });
  if (b.readings.length)
    out.push({
      kind: "item",
      level: 1,
      text: t`${strong("Readings weighed in")}: ${user(b.readings.map((x) => `${x.dm}, "${x.label}" (${pct(x.weight)})`).join("; "))}; otherwise each party's preferences as written.`,
    });
  if (b.perceptions.length) {
    out.push({ kind: "item", level: 1, text: t`${strong("How the parties read each other")}, play from today as each expects it:` });
    for (const p of b.perceptions)
      out.push({
        kind: "item",
        level: 2,
        text: t`${strong(user(`${possessive(p.reader)} reading of ${p.of.join(" and ")}`))}: ${user(playInWords(p.play, { why: false, target: false }))}`,
      });
  }
  if (b.whatIfs.length) {
    out.push({ kind: "item", level: 1, text: t`${strong("What-ifs")}, where play goes from today in each:` });
    for (const w of b.whatIfs)
      out.push({ kind: "item", level: 2, text: t`${strong(user(w.title))}: ${user(playInWords(w.play, { why: "nearest", target: false }))}` });
  }
  if (b.watch.length)
    out.push({
      kind: "item",
      level: 1,
      text: t`${strong("Watch for")}: ${user(b.watch.map((w) => `${w.move}${w.chance >= 0.005 ? `, ${pct(w.chance)} likely to be the next move` : ", not expected as the next move"}${w.effect ? ` (${w.effect})` : ""}`).join("; "))}.`,
    });
  // What a budget left out, said where the report has the budget (the workbench's bottom line alone has none).
  const limits = r ? bottomLineLimits(b.readingsWeighed, r.assumptions.budget, r.model.feasibleStates) : undefined;
  if (limits) out.push({ kind: "item", level: 1, text: t`${strong("On a model this large")}: ${limits}` });
  out.push({
    kind: "paragraph",
    text: `These percentages are chances that an outcome happens under a stated model of play (parley forecast; docs/forecast.md), not chances that a state is stable: the rest of this report says which states no party would leave, which is a different question.${b.asOf && b.asOf < b.made ? ` The scenario describes the situation of ${longDate(b.asOf)}; questions whose date has passed are retrodictions, computed from that date and never scored.` : ""}`,
  });
  if (b.questions.length) {
    out.push({ kind: "heading", level: 2, text: "Questions" });
    for (const q of b.questions)
      out.push({
        kind: "item",
        level: 1,
        text: t`${strong(q.probability === null ? "n/a" : pct(q.probability))} ${user(q.question)}${q.retrodiction ? " (retrodiction)" : ""}`,
      });
  }
  return out;
}
