/**
 * The report as a document (src/present/document.ts), rendered as terminal
 * text, Markdown or a self-contained HTML page; scenario-supplied strings are
 * `user` spans, which the renderer escapes for Markdown and HTML.
 */
import { code, strong, t, user, type Block, type Document, type Inline } from "../present/document.js";
import type { ReportData } from "./build.js";
import type { OutlookReport, StepReport } from "./outlook.js";
import { playInWords } from "./play.js";
import { bottomLineBlocks, longDate } from "./render-bottom-line.js";
import { NO_BETTER_MOVE } from "./tiers.js";
import { sensitivityBudgetLists, sensitivityBudgetSentence } from "./budget-words.js";
import { count } from "../format/count.js";

function cites(c: { sources?: string[]; assumption?: string }): string {
  const bits = [...(c.sources ?? [])];
  if (c.assumption) bits.push("assumption");
  return bits.length ? ` [${bits.join(", ")}]` : "";
}

function stepText(st: StepReport): Inline {
  return t`${strong(user(st.moverName))}: ${user(st.action)} → state ${st.to}. Why: ${user(st.reason.text)}${user(cites(st.reason))} (its rank ${st.rankBefore} → ${st.rankAfter}).`;
}

/** `listUnreachable`: how many groups of unreachable equilibria to name (0: only their number). */
function outlookBlocks(o: OutlookReport, level: number, pathsTitle: string, listUnreachable: number): Block[] {
  const out: Block[] = [];
  const para = (text: Inline, l = level): Block => ({ kind: "paragraph", level: l, text });
  const item = (text: Inline, l = level): Block => ({ kind: "item", level: l, text });
  if (o.todayStableUnder.length) out.push(para(`Today's state is itself stable under ${o.todayStableUnder.join(", ")}.`, level));
  if (o.reachableStates === 0) {
    out.push(
      para("From today, no party can improve its position by a move of its own: the situation stays where it is unless preferences or options change.", level),
    );
  } else {
    out.push(
      para(
        `From today, moves that each leave the mover better off (no party moving twice in a row) can reach ${o.reachableStates} state${o.reachableStates === 1 ? "" : "s"}. ${pathsTitle}`,
        level,
      ),
    );
  }
  for (const p of o.paths) {
    if (p.steps.length === 0) continue;
    out.push(
      item(
        t`${strong(user(p.words))} (state ${p.state}; stable under ${p.concepts.join(", ")}), in ${p.steps.length} move${p.steps.length > 1 ? "s" : ""}:`,
        level,
      ),
    );
    p.steps.forEach((st, k) => out.push({ kind: "step", level: level + 1, n: k + 1, text: stepText(st) }));
  }
  if (o.unreachable.length && listUnreachable === 0) {
    out.push(para(`${o.unreachableCount} other equilibrium states are not reachable from today by such moves.`, level));
  } else if (o.unreachable.length) {
    out.push(para("Not reachable from today by such moves:", level));
    for (const u of o.unreachable.slice(0, listUnreachable))
      out.push(item(t`${user(u.words)} (${u.states.length} state${u.states.length > 1 ? "s" : ""}; ${u.concepts.join(", ")})`, level));
    const more = o.unreachable.length - listUnreachable;
    if (more > 0) out.push(para(`…and ${more} more group${more > 1 ? "s" : ""} of equilibrium states.`, level));
  }
  return out;
}

/** What the report holds: the body a policymaker reads, and with `appendix` the technical detail after it. */
export interface ReportLayout {
  appendix?: boolean;
}

function blocks(r: ReportData, layout: ReportLayout): Block[] {
  const out: Block[] = [];
  const heading = (level: number, text: Inline): Block => ({ kind: "heading", level, text });
  const para = (text: Inline, level = 0): Block => ({ kind: "paragraph", level, text });
  const item = (text: Inline, level = 1): Block => ({ kind: "item", level, text });
  const asOf = r.scenario.asOf && /^\d{4}-\d{2}-\d{2}$/.test(r.scenario.asOf) ? longDate(r.scenario.asOf) : r.scenario.asOf;
  const title = `${r.scenario.name}${asOf ? ` — as of ${asOf}` : ""}`;
  out.push(heading(1, user(title)));
  if (r.scenario.description) out.push(para(user(r.scenario.description)));

  if (r.bottomLine) out.push(...bottomLineBlocks(r.bottomLine, r));

  // 1. The model
  const m = r.model;
  out.push(heading(2, "1. The model"));
  const nOptions = m.parties.reduce((a, p) => a + p.options.length, 0);
  out.push(
    para(
      `${m.parties.length} parties and ${nOptions} options: ${count(m.feasibleStates)} possible states (of ${count(m.candidateStates)} combinations). [x] marks what is the case today; sources in brackets.`,
    ),
  );
  for (const p of m.parties) {
    out.push(item(strong(user(p.name)), 1));
    for (const o of p.options) {
      const irr = o.irreversible === "taking" ? " (cannot be undone)" : o.irreversible === "withdrawal" ? " (cannot be resumed once dropped)" : "";
      out.push(item(t`${o.today ? "[x]" : "[ ]"} ${user(o.label)}${irr}${user(cites(o))}`, 2));
    }
  }
  out.push(para(t`${strong("Today")} (state ${m.today.state}): ${user(m.today.words)}.${m.today.sources ? user(cites(m.today)) : ""}`));
  if (m.constraints.length) {
    out.push(para("Ruled out:"));
    for (const c of m.constraints) out.push(item(t`${user(c.text)}${user(cites(c))}`, 1));
  }

  // 2. Stable outcomes
  out.push(heading(2, "2. Stable outcomes"));
  out.push(para("A state is stable for a party when it would not leave it, and an equilibrium when it is stable for every party."));
  // Outcomes held only by threats the others may not carry out are weak ground for a reader: the appendix has them.
  const weak = (tier: ReportData["tiers"][number]) => tier.key === "threats";
  r.tiers
    .filter((tier) => !weak(tier))
    .forEach((tier, i) => {
      out.push(heading(3, `2.${i + 1} ${tier.title}: ${tier.total} state${tier.total === 1 ? "" : "s"}`));
      out.push(para(tier.explanation, 1));
      for (const f of tier.families)
        out.push(
          item(t`${user(f.words)} (${f.states.length} state${f.states.length > 1 ? "s" : ""}${f.reachableFromToday ? "; reachable from today" : ""})`, 1),
        );
      if (tier.moreFamilies)
        out.push(para(`…and ${tier.moreFamilies} more group${tier.moreFamilies > 1 ? "s" : ""} of states (parley analyze lists them all).`, 1));
    });
  const weakTiers = r.tiers.filter(weak);
  if (weakTiers.length)
    out.push(
      para(
        `${weakTiers.reduce((a, tier) => a + tier.total, 0)} more states are held only by threats the others may not carry out: weak ground for a forecast (the appendix lists them).`,
      ),
    );

  // 3. From today
  out.push(heading(2, "3. From today"));
  out.push(...outlookBlocks(r.outlook, 0, r.outlook.paths.some((p) => p.steps.length) ? "The nearest stable outcomes:" : "", 1));

  // Sections after 3 are numbered as they appear.
  let section = 3;
  const next = (title: string) => heading(2, `${++section}. ${title}`);

  // What it would take
  if (r.goals.length) {
    out.push(next("What it would take"));
    for (const g of r.goals) {
      out.push(heading(3, t`${user(g.title)} (${user(g.condition)})`));
      if (g.note) out.push(para(user(g.note), 1));
      for (const st of g.stable)
        out.push(
          item(
            st.count
              ? t`${st.concept}: ${st.count} of its ${g.states} states ${st.count === 1 ? "is an equilibrium" : "are equilibria"}, e.g. ${user(st.families.join("; or "))}.`
              : `${st.concept}: none of its ${g.states} states is an equilibrium.`,
            1,
          ),
        );
      out.push(
        item(
          g.reachableFromToday
            ? "It can be reached from today by moves that each leave the mover better off."
            : "It cannot be reached from today by moves that each leave the mover better off.",
          1,
        ),
      );
      if (g.jointFromToday)
        out.push(
          item(
            t`A joint move gets there from today: ${strong(user(g.jointFromToday.members.join(" + ")))}: ${user(g.jointFromToday.steps.join("; then "))} → ${user(g.jointFromToday.toWords)}; every member prefers that to today.`,
            1,
          ),
        );
      else out.push(item("No group of parties can get there from today by a joint move all its members prefer.", 1));
      for (const w of g.wouldTake) {
        if (w.already) continue;
        if (!w.found) {
          out.push(
            item(
              `For it to hold under ${w.concept}: ${w.exhaustive ? "no reordering or thinning of the priorities makes it stable" : "no change found within the search limit"}.`,
              1,
            ),
          );
          continue;
        }
        out.push(item(t`For it to hold under ${w.concept} (as ${user(w.toWords ?? "")}), the smallest change of priorities:`, 1));
        for (const line of w.lines) out.push(item(user(line), 2));
      }
    }
  }

  // Assumptions
  out.push(next("What the answer depends on"));
  const a = r.assumptions;
  out.push(
    para(
      a.budget
        ? sensitivityBudgetSentence(a.budget, a.tried, a.leaveOutlook, r.model.feasibleStates)
        : `Each party's priorities were changed one at a time (two neighbouring priorities swapped, or one dropped): ${a.tried} variants. ${a.leaveOutlook} of them leave the outlook from today unchanged. The changes that matter most:`,
    ),
  );
  // The body names the two that matter most; the appendix (A.7) gives every one with its effect.
  for (const d of a.decisive.slice(0, 2))
    out.push(
      item(
        t`${user(d.change)}: ${d.changesOutlook ? "where play from today leads would change" : "which outcomes are stable would change, not where play from today leads"}.`,
        1,
      ),
    );
  if (a.decisive.length > 2) out.push(para(`…and ${a.decisive.length - 2} more (the appendix gives each with its effect).`, 1));
  if (!a.decisive.length) out.push(para("None of them changes any equilibrium.", 1));
  if (r.limitations.length) {
    out.push(next("Limits of the model"));
    for (const l of r.limitations) out.push(item(user(l), 1));
  }
  if (r.checks.length) {
    out.push(next("Checks of the model"));
    out.push(para("Findings of parley lint that bear on the results above; each says what to do."));
    for (const c of r.checks) out.push(item(t`${user(c.message)} ${strong("What to do:")} ${user(c.fix)}`, 1));
  }
  if (r.facts?.length) {
    // Every fact number the report prints, defined in one line each (the quotes are in the scenario and the JSON).
    out.push(heading(2, "Facts cited"));
    for (const f of r.facts) out.push(item(t`${strong(user(f.id))}: ${user(f.fact)}`, 1));
  }
  out.push(...glossary());

  if (layout.appendix) {
    out.push(heading(2, "Appendix: technical detail"));
    out.push(
      para(
        `Equilibria under each stability concept (how many states): ${Object.entries(r.counts)
          .map(([c, n]) => `${c} ${n}`)
          .join(", ")}. States are numbered as in parley analyze and parley states.`,
      ),
    );
    let sub = 0;
    for (const tier of r.tiers.filter(weak)) {
      out.push(heading(3, `A.${++sub} ${tier.title}: ${tier.total} state${tier.total === 1 ? "" : "s"}`));
      out.push(para(tier.explanation, 1));
      for (const f of tier.families) out.push(item(t`${user(f.words)} (${f.states.length} state${f.states.length > 1 ? "s" : ""})`, 1));
    }
    if (r.summary.length) {
      out.push(heading(3, `A.${++sub} The stability analysis in short`));
      for (const line of r.summary) out.push(item(user(line), 1));
    }
    // Why no party leaves each family shown: parties with the same reason on one line.
    const shown = r.tiers.filter((tier) => tier.families.length);
    if (shown.length) {
      out.push(heading(3, `A.${++sub} Why no party leaves the outcomes above`));
      for (const tier of shown)
        for (const f of tier.families) {
          out.push(item(t`${strong(user(f.words))} — ${tier.title}; for example state ${f.example}:`, 1));
          for (const [text, dms] of groupByReason(f.why)) out.push(item(t`${user(dms.join(", "))}: ${user(dms.length > 1 ? plural(text) : text)}`, 2));
        }
    }
    if (r.coalitions.some((c) => c.joint.length)) {
      out.push(heading(3, `A.${++sub} Who could move together`));
      out.push(
        para(
          "A group of parties can leave a state by a joint move that every member prefers, even where none would move alone. The strongest such moves (Nash: would they gain; SEQ: is the move deterred by a credible answer):",
        ),
      );
      for (const c of r.coalitions) {
        if (!c.joint.length) {
          out.push(item(t`From ${user(c.why)} (state ${c.state}), no group of parties has a joint move all its members prefer.`, 1));
          continue;
        }
        out.push(item(t`From ${user(c.why)} (state ${c.state}):`, 1));
        for (const j of c.joint) {
          const verdict = j.openUnder.includes("SEQ") ? "nothing credibly deters it" : j.deterredUnder.includes("SEQ") ? "a credible answer deters it" : "";
          out.push(
            item(
              t`${strong(user(j.members.join(" + ")))}: ${user(j.steps.join("; then "))} → ${user(j.toWords)} (state ${j.to})${verdict ? `; ${verdict}` : ""}.`,
              2,
            ),
          );
        }
      }
    }

    // What-ifs
    if (r.whatIfs.length) {
      out.push(heading(3, `A.${++sub} What if …`));
      r.whatIfs.forEach((w) => {
        out.push(heading(4, t`${user(w.title)} (${user(w.file)})`));
        if (w.note) out.push(para(user(w.note), 1));
        out.push(para("What changes:", 1));
        for (const c of w.changes) out.push(item(user(c), 2));
        out.push(para("Compared with the base scenario:", 1));
        for (const c of w.comparison) out.push(item(user(c), 2));
        out.push(para(t`Today: ${user(w.outlook.fromWords)} (state ${w.outlook.from}).`, 1));
        out.push(...outlookBlocks(w.outlook, 1, w.outlook.paths.some((p) => p.steps.length) ? "The nearest stable outcomes:" : "", 0));
        out.push(para(t`${strong("In short")}: ${user(playInWords(w.play, { why: true, target: true }))}`, 1));
      });
    }

    if (r.robustness) {
      const rb = r.robustness;
      out.push(heading(3, `A.${++sub} How sure the conclusions are`));
      out.push(
        para(
          `The scenario marks ${rb.uncertain} preference statement${rb.uncertain === 1 ? "" : "s"} as uncertain and gives ${rb.alternatives} alternative preference${rb.alternatives === 1 ? "" : "s"}; ${rb.exact ? `all ${rb.profiles} combinations were weighed exactly` : `${count(rb.profiles)} combinations were sampled`}${rb.budget ? ` (the draws of the first ${rb.budget} distinct ones: each costs an analysis of all ${count(r.model.feasibleStates)} states)` : ""}. Probability of being an equilibrium:`,
        ),
      );
      for (const row of rb.rows)
        out.push(
          item(
            t`${user(row.label)} (state ${row.state}, ${user(row.words)}): ${Object.entries(row.probability)
              .map(([c, p]) => `${c} ${(p ?? 0).toFixed(2)}`)
              .join(", ")}.`,
            1,
          ),
        );
      if (rb.influences.length) {
        out.push(para("The uncertain preferences that move these most:", 1));
        for (const line of rb.influences) out.push(item(user(line), 2));
      }
    }

    if (r.assumptions.decisive.length) {
      out.push(heading(3, `A.${++sub} What each decisive assumption changes`));
      for (const d of r.assumptions.decisive) {
        out.push(item(t`${user(d.change)}: ${user(d.effect)}`, 1));
        out.push(para(t`Statements: ${user(d.statements.map((c) => `${c.expression ?? c.text}${cites(c)}`).join("; "))}`, 2));
      }
    }
    if (r.assumptions.budget) {
      const lists = sensitivityBudgetLists(r.assumptions.budget);
      out.push(heading(3, `A.${++sub} Single changes tried and skipped`));
      out.push(para("Analysed, in the order tried (those that can matter first):", 1));
      for (const line of lists.analysed) out.push(item(user(line), 2));
      out.push(para("Not tried:", 1));
      for (const line of lists.skipped) out.push(item(user(line), 2));
      for (const line of lists.more) out.push(para(`${line} (the JSON form lists them all).`, 1));
    }
    if (r.bargaining?.issues.length) {
      out.push(heading(3, `A.${++sub} Where the open issues may settle`));
      out.push(
        para(
          `Spatial bargaining models forecast where each continuous issue settles, from each party's position, salience and capability (parley bargain; docs/bargaining.md). The forecasts decide which options of the graph model are on the table.${r.bargaining.draws ? ` Spreads come from ${r.bargaining.draws.samples} draws from the input ranges (seed ${r.bargaining.draws.seed}; parley bargain --samples N --seed S draws more).` : ""}`,
        ),
      );
      const lm = r.bargaining.linkModel;
      if (lm)
        out.push(
          para(t`The scenario reads the graph model through the ${user(lm.title)} forecast${lm.reason ? t`: ${user(lm.reason.replace(/\.$/, ""))}` : ""}.`, 1),
        );
      for (const is of r.bargaining.issues) {
        out.push(heading(4, user(is.title)));
        out.push(para(t`Scale: ${user(is.scale)}.`, 1));
        for (const f of is.forecasts)
          out.push(item(t`${user(f.title)}: ${String(f.forecast)}${f.spread ? ` (5% to 95% over the draws: ${f.spread[0]} to ${f.spread[1]})` : ""}`, 1));
        if (is.path.length > 1) out.push(para(`The expected utility model, round by round: ${is.path.join(" → ")}.`, 1));
        for (const l of is.links) {
          const on = l.onUnder.length ? t`on the table under ${l.onUnder.length === is.forecasts.length ? "every model" : user(l.onUnder.join(", "))}` : "";
          const off = l.offUnder.length ? t`off under ${l.offUnder.length === is.forecasts.length ? "every model" : user(l.offUnder.join(", "))}` : "";
          const steady =
            l.linkSteady === undefined || !lm
              ? ""
              : l.linkSteady
                ? ` Under the ${lm.title}, the same over its 5% to 95% spread.`
                : ` Under the ${lm.title}, the verdict changes within its 5% to 95% spread: the input ranges decide it.`;
          out.push(item(t`${strong(user(l.label))} (when the forecast is ${user(l.range)}): ${on && off ? [...on, "; ", ...off] : on || off}.${steady}`, 1));
        }
        out.push({ kind: "figure", svg: is.chart });
      }
    }
  }
  out.push({ kind: "rule" });
  out.push(
    para(
      layout.appendix
        ? t`Made with Parley (Graph Model for Conflict Resolution). ${code("parley explain FILE STATE")} tells why any state is stable or not.`
        : t`Made with Parley (Graph Model for Conflict Resolution). ${code("parley report --appendix")} adds the technical detail (why each outcome holds, joint moves, what-ifs, how sure, bargaining); ${code("parley explain FILE STATE")} tells why any state is stable or not.`,
    ),
  );
  return out;
}

/** The one reason many parties share, said of them all. */
function plural(text: string): string {
  return text === NO_BETTER_MOVE ? "no move of their own would leave them better off." : text;
}

/** "United States: no move of its own …" and "Ukraine: no move of its own …" become one line. */
function groupByReason(why: { dm: string; text: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const w of why) out.set(w.text, [...(out.get(w.text) ?? []), w.dm]);
  return out;
}

/** The few terms the report cannot do without, in plain words. */
function glossary(): Block[] {
  const entry = (term: string, text: string): Block => ({ kind: "item", level: 1, text: t`${strong(term)}: ${text}` });
  return [
    { kind: "heading", level: 2, text: "Words used here" },
    entry("State", "one combination of the options each party has taken or not (a ceasefire, sanctions, a summit, …)."),
    entry(
      "Stable (for a party)",
      "the party would not leave the state: no move of its own leaves it better off, or every such move would be answered in a way that leaves it worse off.",
    ),
    entry(
      "Equilibrium",
      "a state stable for every party. Stability concepts differ in how far ahead the parties are assumed to look: Nash (not at all), SEQ (credible answers), GMR and SMR (any answer), SIM (moves at the same time).",
    ),
    entry("Reachable from today", "today's state can lead there by moves that each leave the mover better off, no party moving twice in a row."),
    entry(
      "Joint move",
      "a deal: two or more parties move one after another to a state each of them prefers, though none would move alone. Nothing credibly deters it when no party outside the deal has an answer that is in its own interest and leaves a member worse off.",
    ),
  ];
}

/** The report as a document (the `prose` layout: wrapped paragraphs, ruled headings). */
export function reportDocument(r: ReportData, layout: ReportLayout = {}): Document {
  return { title: `${r.scenario.name}${r.scenario.asOf ? ` — as of ${r.scenario.asOf}` : ""} — Parley report`, layout: "prose", blocks: blocks(r, layout) };
}
