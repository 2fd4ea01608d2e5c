/**
 * The report as terminal text, Markdown or a self-contained HTML page. All
 * three walk the same ReportData; every scenario-supplied string is escaped
 * for Markdown and HTML.
 */
import { hang, wrap } from "../present/text.js";
import { displayWidth } from "../present/table.js";
import type { ReportData } from "./build.js";
import type { OutlookReport, StepReport } from "./outlook.js";

/** The report as a flat list of blocks; each format serialises them. */
type Block =
  | { kind: "h"; level: number; text: string }
  | { kind: "p"; level: number; text: string }
  | { kind: "li"; level: number; text: string }
  | { kind: "step"; level: number; n: number; text: string }
  | { kind: "hr" }
  /** A figure (SVG made by Parley, not scenario text): shown in HTML only. */
  | { kind: "svg"; svg: string };

/** Inline markup: escaping of scenario text and emphasis. */
interface Inline {
  esc(s: string): string;
  strong(s: string): string;
}

const WIDTH = 80;

function cites(c: { sources?: string[]; assumption?: string }): string {
  const bits = [...(c.sources ?? [])];
  if (c.assumption) bits.push("assumption");
  return bits.length ? ` [${bits.join(", ")}]` : "";
}

function stepText(st: StepReport, s: Inline): string {
  return `${s.strong(s.esc(st.moverName))}: ${s.esc(st.action)} → state ${st.to}. Why: ${s.esc(st.reason.text)}${s.esc(cites(st.reason))} (its rank ${st.rankBefore} → ${st.rankAfter}).`;
}

function outlookBlocks(o: OutlookReport, s: Inline, level: number, pathsTitle: string, listUnreachable = true): Block[] {
  const out: Block[] = [];
  const para = (text: string, l = level): Block => ({ kind: "p", level: l, text });
  const item = (text: string, l = level): Block => ({ kind: "li", level: l, text });
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
        `${s.strong(s.esc(p.words))} (state ${p.state}; stable under ${p.concepts.join(", ")}), in ${p.steps.length} move${p.steps.length > 1 ? "s" : ""}:`,
        level,
      ),
    );
    p.steps.forEach((st, k) => out.push({ kind: "step", level: level + 1, n: k + 1, text: stepText(st, s) }));
  }
  if (o.unreachable.length && !listUnreachable) {
    out.push(para(`${o.unreachableCount} other equilibrium states are not reachable from today by such moves.`, level));
  } else if (o.unreachable.length) {
    out.push(para("Not reachable from today by such moves:", level));
    for (const u of o.unreachable)
      out.push(item(`${s.esc(u.words)} (${u.states.length} state${u.states.length > 1 ? "s" : ""}; ${u.concepts.join(", ")})`, level));
  }
  return out;
}

function blocks(r: ReportData, s: Inline): Block[] {
  const out: Block[] = [];
  const heading = (level: number, text: string): Block => ({ kind: "h", level, text });
  const para = (text: string, level = 0): Block => ({ kind: "p", level, text });
  const item = (text: string, level = 1): Block => ({ kind: "li", level, text });
  const title = `${r.scenario.name}${r.scenario.asOf ? ` — as of ${r.scenario.asOf}` : ""}`;
  out.push(heading(1, s.esc(title)));
  if (r.scenario.description) out.push(para(s.esc(r.scenario.description)));

  if (r.summary.length) {
    out.push(heading(2, "In short"));
    for (const line of r.summary) out.push(item(s.esc(line), 1));
  }

  // 1. The model
  const m = r.model;
  out.push(heading(2, "1. The model"));
  const nOptions = m.parties.reduce((a, p) => a + p.options.length, 0);
  out.push(
    para(
      `${m.parties.length} parties and ${nOptions} options: ${m.feasibleStates.toLocaleString("en-US")} possible states (of ${m.candidateStates.toLocaleString("en-US")} combinations). [x] marks what is the case today; sources in brackets.`,
    ),
  );
  for (const p of m.parties) {
    out.push(item(s.strong(s.esc(p.name)), 1));
    for (const o of p.options) {
      const irr = o.irreversible === "taking" ? " (cannot be undone)" : o.irreversible === "withdrawal" ? " (cannot be resumed once dropped)" : "";
      out.push(item(`${o.today ? "[x]" : "[ ]"} ${s.esc(o.label)}${irr}${s.esc(cites(o))}`, 2));
    }
  }
  out.push(para(`${s.strong("Today")} (state ${m.today.state}): ${s.esc(m.today.words)}.${m.today.sources ? s.esc(cites(m.today)) : ""}`));
  if (m.constraints.length) {
    out.push(para("Ruled out:"));
    for (const c of m.constraints) out.push(item(`${s.esc(c.text)}${s.esc(cites(c))}`, 1));
  }

  // 2. Stable outcomes
  out.push(heading(2, "2. Stable outcomes"));
  out.push(
    para(
      `A state is stable for a party when it would not leave it, and an equilibrium when it is stable for every party. How many states are equilibria under each concept: ${Object.entries(
        r.counts,
      )
        .map(([c, n]) => `${c} ${n}`)
        .join(", ")}.`,
    ),
  );
  r.tiers.forEach((t, i) => {
    out.push(heading(3, `2.${i + 1} ${t.title}: ${t.total} state${t.total === 1 ? "" : "s"}`));
    out.push(para(t.explanation, 1));
    for (const f of t.families) {
      out.push(
        item(
          `${s.strong(s.esc(f.words))} (${f.states.length} state${f.states.length > 1 ? "s" : ""}${f.reachableFromToday ? "; reachable from today" : ""})`,
          1,
        ),
      );
      out.push(para(`Why no party leaves it (state ${f.example}):`, 2));
      for (const w of f.why) out.push(item(`${s.esc(w.dm)}: ${s.esc(w.text)}`, 2));
    }
    if (t.moreFamilies) out.push(para(`…and ${t.moreFamilies} more group${t.moreFamilies > 1 ? "s" : ""} of states (parley analyze lists them all).`, 1));
  });

  // 3. From today
  out.push(heading(2, "3. From today"));
  out.push(...outlookBlocks(r.outlook, s, 0, r.outlook.paths.some((p) => p.steps.length) ? "The nearest stable outcomes:" : ""));

  // Sections after 3 are numbered as they appear.
  let section = 3;
  const next = (title: string) => heading(2, `${++section}. ${title}`);

  if (r.coalitions.some((c) => c.joint.length)) {
    out.push(heading(3, "Who could move together"));
    out.push(
      para(
        "A group of parties can leave a state by a joint move that every member prefers, even where none would move alone. The strongest such moves (Nash: would they gain; SEQ: is the move deterred by a credible answer):",
      ),
    );
    for (const c of r.coalitions) {
      if (!c.joint.length) {
        out.push(item(`From ${s.esc(c.why)} (state ${c.state}), no group of parties has a joint move all its members prefer.`, 1));
        continue;
      }
      out.push(item(`From ${s.esc(c.why)} (state ${c.state}):`, 1));
      for (const j of c.joint) {
        const verdict = j.openUnder.includes("SEQ") ? "nothing credibly deters it" : j.deterredUnder.includes("SEQ") ? "a credible answer deters it" : "";
        out.push(
          item(
            `${s.strong(s.esc(j.members.join(" + ")))}: ${s.esc(j.steps.join("; then "))} → ${s.esc(j.toWords)} (state ${j.to})${verdict ? `; ${verdict}` : ""}.`,
            2,
          ),
        );
      }
    }
  }

  // What it would take
  if (r.goals.length) {
    out.push(next("What it would take"));
    for (const g of r.goals) {
      out.push(heading(3, `${s.esc(g.title)} (${s.esc(g.condition)})`));
      if (g.note) out.push(para(s.esc(g.note), 1));
      for (const st of g.stable)
        out.push(
          item(
            st.count
              ? `${st.concept}: ${st.count} of its ${g.states} states ${st.count === 1 ? "is an equilibrium" : "are equilibria"}, e.g. ${s.esc(st.families.join("; or "))}.`
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
            `A joint move gets there from today: ${s.strong(s.esc(g.jointFromToday.members.join(" + ")))}: ${s.esc(g.jointFromToday.steps.join("; then "))} → ${s.esc(g.jointFromToday.toWords)}; every member prefers that to today.`,
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
        out.push(item(`For it to hold under ${w.concept} (as ${s.esc(w.toWords ?? "")}), the smallest change of priorities:`, 1));
        for (const line of w.lines) out.push(item(s.esc(line), 2));
      }
    }
  }

  // What-ifs
  if (r.whatIfs.length) {
    out.push(next("What if …"));
    r.whatIfs.forEach((w, i) => {
      out.push(heading(3, `${section}.${i + 1} ${s.esc(w.title)} (${s.esc(w.file)})`));
      if (w.note) out.push(para(s.esc(w.note), 1));
      out.push(para("What changes:", 1));
      for (const c of w.changes) out.push(item(s.esc(c), 2));
      out.push(para("Compared with the base scenario:", 1));
      for (const c of w.comparison) out.push(item(s.esc(c), 2));
      out.push(para(`Today: ${s.esc(w.outlook.fromWords)} (state ${w.outlook.from}).`, 1));
      out.push(...outlookBlocks(w.outlook, s, 1, w.outlook.paths.some((p) => p.steps.length) ? "The nearest stable outcomes:" : "", false));
    });
  }

  // Assumptions
  out.push(next("What the answer depends on"));
  const a = r.assumptions;
  out.push(
    para(
      `Each party's priorities were changed one at a time (two neighbouring priorities swapped, or one dropped): ${a.tried} variants. ${a.leaveOutlook} of them leave the outlook from today unchanged. The changes that matter most:`,
    ),
  );
  for (const d of a.decisive) {
    out.push(item(`${s.esc(d.change)}: ${s.esc(d.effect)}`, 1));
    const cited = d.statements.map((c) => `${c.expression ?? c.text}${cites(c)}`).join("; ");
    out.push(para(`Statements: ${s.esc(cited)}`, 2));
  }
  if (!a.decisive.length) out.push(para("None of them changes any equilibrium.", 1));
  if (r.robustness) {
    const rb = r.robustness;
    out.push(heading(3, "How sure the conclusions are"));
    out.push(
      para(
        `The scenario marks ${rb.uncertain} preference statement${rb.uncertain === 1 ? "" : "s"} as uncertain and gives ${rb.alternatives} alternative preference${rb.alternatives === 1 ? "" : "s"}; ${rb.exact ? `all ${rb.profiles} combinations were weighed exactly` : `${rb.profiles.toLocaleString("en-US")} combinations were sampled`}. Probability of being an equilibrium:`,
      ),
    );
    for (const row of rb.rows)
      out.push(
        item(
          `${s.esc(row.label)} (state ${row.state}, ${s.esc(row.words)}): ${Object.entries(row.probability)
            .map(([c, p]) => `${c} ${(p ?? 0).toFixed(2)}`)
            .join(", ")}.`,
          1,
        ),
      );
    if (rb.influences.length) {
      out.push(para("The uncertain preferences that move these most:", 1));
      for (const line of rb.influences) out.push(item(s.esc(line), 2));
    }
  }

  if (r.limitations.length) {
    out.push(next("Limits of the model"));
    for (const l of r.limitations) out.push(item(s.esc(l), 1));
  }
  if (r.checks.length) {
    out.push(next("Checks of the model"));
    out.push(para("Findings of parley lint that bear on the results above; each says what to do."));
    for (const c of r.checks) out.push(item(`${s.esc(c.message)} ${s.strong("What to do:")} ${s.esc(c.fix)}`, 1));
  }
  if (r.bargaining?.issues.length) {
    out.push(next("Where the open issues may settle"));
    out.push(
      para(
        "Spatial bargaining models forecast where each continuous issue settles, from each party's position, salience and capability (parley bargain; docs/bargaining.md). The forecasts decide which options of the graph model are on the table:",
      ),
    );
    for (const is of r.bargaining.issues) {
      out.push(heading(3, s.esc(is.title)));
      out.push(para(`Scale: ${s.esc(is.scale)}.`, 1));
      for (const f of is.forecasts) out.push(item(`${s.esc(f.title)}: ${f.forecast}`, 1));
      if (is.path.length > 1) out.push(para(`The expected utility model, round by round: ${is.path.join(" → ")}.`, 1));
      for (const l of is.links) {
        const on = l.onUnder.length ? `on the table under ${l.onUnder.length === is.forecasts.length ? "every model" : s.esc(l.onUnder.join(", "))}` : "";
        const off = l.offUnder.length ? `off under ${l.offUnder.length === is.forecasts.length ? "every model" : s.esc(l.offUnder.join(", "))}` : "";
        out.push(item(`${s.strong(s.esc(l.label))} (when the forecast is ${s.esc(l.range)}): ${[on, off].filter(Boolean).join("; ")}.`, 1));
      }
      out.push({ kind: "svg", svg: is.chart });
    }
  }
  out.push({ kind: "hr" });
  out.push(para("Made with Parley (Graph Model for Conflict Resolution). `parley explain FILE STATE` tells why any state is stable or not."));
  return out;
}

export function renderReportText(r: ReportData): string {
  const out: string[] = [];
  for (const b of blocks(r, { esc: (x) => x, strong: (x) => x })) {
    if (b.kind === "h")
      out.push(
        b.level === 1
          ? `${"═".repeat(WIDTH)}\n${b.text.toUpperCase()}\n${"═".repeat(WIDTH)}`
          : b.level === 2
            ? `\n${b.text}\n${"─".repeat(Math.min(WIDTH, displayWidth(b.text)))}`
            : `\n${b.text}`,
      );
    else if (b.kind === "p") out.push(wrap(b.text, WIDTH, "  ".repeat(b.level)));
    else if (b.kind === "li") out.push(hang(`${"  ".repeat(Math.max(0, b.level - 1))}• `, b.text));
    else if (b.kind === "step") out.push(hang(`${"  ".repeat(Math.max(0, b.level - 1))}${b.n}. `, b.text));
    else if (b.kind === "hr") out.push("");
  }
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim() + "\n"
  );
}

const mdEsc = (x: string) => x.replace(/([\\`*_{}[\]<>#|])/g, "\\$1");

export function renderReportMarkdown(r: ReportData): string {
  const out: string[] = [];
  let prev: Block["kind"] | undefined;
  for (const b of blocks(r, { esc: mdEsc, strong: (x) => `**${x}**` })) {
    if (b.kind === "svg") continue;
    const listy = b.kind === "li" || b.kind === "step";
    if (!(listy && (prev === "li" || prev === "step"))) out.push("");
    if (b.kind === "h") out.push(`${"#".repeat(b.level)} ${b.text}`);
    else if (b.kind === "p") out.push(b.text);
    else if (b.kind === "li") out.push(`${"  ".repeat(Math.max(0, b.level - 1))}- ${b.text}`);
    else if (b.kind === "step") out.push(`${"  ".repeat(Math.max(0, b.level - 1))}${b.n}. ${b.text}`);
    else out.push("---");
    prev = b.kind;
  }
  return out.join("\n").trim() + "\n";
}

/** HTML escaping; control characters are dropped. */
const htmlEsc = (x: string) =>
  x
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

/** A self-contained page: no scripts, no external resources. */
export function renderReportHtml(r: ReportData): string {
  const body: string[] = [];
  let list: string[] | undefined;
  const flush = () => {
    if (list) body.push(`<ul>\n${list.join("\n")}\n</ul>`);
    list = undefined;
  };
  for (const b of blocks(r, { esc: htmlEsc, strong: (x) => `<strong>${x}</strong>` })) {
    if (b.kind === "li" || b.kind === "step") {
      (list ??= []).push(
        b.kind === "li" ? `<li class="l${b.level}">${b.text}</li>` : `<li class="l${b.level} step"><span class="n">${b.n}.</span> ${b.text}</li>`,
      );
      continue;
    }
    flush();
    if (b.kind === "h") body.push(`<h${b.level}>${b.text}</h${b.level}>`);
    else if (b.kind === "p") body.push(`<p class="l${b.level}">${b.text}</p>`);
    // Inline SVG in HTML needs no namespace; without it the page names no external address at all.
    else if (b.kind === "svg") body.push(`<figure class="chart">${b.svg.replace(' xmlns="http://www.w3.org/2000/svg"', "")}</figure>`);
    else body.push("<hr>");
  }
  flush();
  const title = htmlEsc(`${r.scenario.name}${r.scenario.asOf ? ` — as of ${r.scenario.asOf}` : ""}`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — Parley report</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1d232b; }
h1 { font-size: 1.6rem; border-bottom: 3px solid #1d4e89; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; color: #1d4e89; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
ul { padding-left: 1.2rem; margin: .3rem 0; }
li { margin: .2rem 0; }
li.l2 { margin-left: 1.4rem; list-style: circle; }
li.l3 { margin-left: 2.8rem; }
li.step { list-style: none; }
.n { color: #1d4e89; font-weight: 600; }
p.l1 { margin-left: 1.2rem; } p.l2 { margin-left: 2.6rem; color: #3b4450; }
hr { margin-top: 2rem; border: 0; border-top: 1px solid #ccd; }
figure.chart { margin: .6rem 0 1rem 1.2rem; } figure.chart svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
${body.join("\n")}
</body>
</html>
`;
}
