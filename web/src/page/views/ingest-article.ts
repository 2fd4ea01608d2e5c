/**
 * The Ingest view's article: the text, sentence by sentence, with its actors
 * (one colour each) and the verbs of its coded events highlighted; hovering or
 * focusing one shows what was read there (the actor, or the event's PLOVER
 * category, CAMEO code, modality, negation, confidence). The sentences an
 * element came from can be marked.
 */
import type { EventView, IngestView, MentionView } from "../../protocol/ingest.js";
import { DM_COLORS } from "../widgets/colors.js";
import { clear, h } from "../widgets/dom.js";

type Mark = { start: number; end: number; mention?: MentionView; events?: EventView[] };

export class ArticleView {
  readonly element = h("div", { class: "ing-article", "data-testid": "ingest-article", "aria-label": "The article, actors and events highlighted" });
  readonly tip = h("div", { class: "ing-tip", role: "tooltip", id: "ingest-tip", hidden: true, "data-testid": "ingest-tip" });
  private view: IngestView | null = null;

  /** root: the panel, which the tip is placed in. */
  constructor(private readonly root: HTMLElement) {
    this.element.addEventListener("mouseover", (e) => this.hover(e.target));
    this.element.addEventListener("focusin", (e) => this.hover(e.target));
    this.element.addEventListener("mouseout", () => this.hideTip());
    this.element.addEventListener("focusout", () => this.hideTip());
  }

  /** marked: the sentences to mark, as markSentences. */
  render(v: IngestView, marked: readonly number[]): void {
    this.view = v;
    const colours = new Map(v.actors.map((a, i) => [a.id, DM_COLORS[i % DM_COLORS.length]]));
    const marks = markList(v);
    const out: Node[] = [];
    let at = 0;
    let m = 0;
    const pushText = (from: number, to: number, into: Node[]) => {
      // Marks inside [from, to).
      let p = from;
      while (m < marks.length && marks[m].start < to) {
        const k = marks[m++];
        if (k.start < p) continue;
        if (k.start > p) into.push(document.createTextNode(v.text.slice(p, k.start)));
        into.push(markNode(v, k, colours));
        p = k.end;
      }
      if (p < to) into.push(document.createTextNode(v.text.slice(p, to)));
    };
    v.sentences.forEach((s, i) => {
      if (s.start > at) pushText(at, s.start, out);
      const inner: Node[] = [];
      pushText(Math.max(at, s.start), s.end, inner);
      out.push(h("span", { class: "ing-sent", "data-s": i, title: `Sentence ${i + 1}` }, ...inner));
      at = Math.max(at, s.end);
    });
    if (at < v.text.length) pushText(at, v.text.length, out);
    clear(this.element, ...out);
    this.markSentences(marked);
  }

  /** Mark these sentences (0-based; none clears the marks) and bring the first into view. */
  markSentences(sentences: readonly number[]): void {
    const wanted = new Set(sentences);
    let first: HTMLElement | null = null;
    for (const s of this.element.querySelectorAll<HTMLElement>(".ing-sent")) {
      const on = wanted.has(Number(s.dataset.s));
      s.classList.toggle("prov", on);
      if (on && !first) first = s;
    }
    first?.scrollIntoView({ block: "nearest" });
  }

  hideTip(): void {
    this.tip.hidden = true;
  }

  private hover(target: EventTarget | null): void {
    const el = target instanceof HTMLElement ? target.closest<HTMLElement>("mark") : null;
    const v = this.view;
    if (!el || !v) return;
    let content: Node[];
    if (el.dataset.events) {
      const [a, b] = el.dataset.events.split(":").map(Number);
      content = v.events.filter((e) => e.start === a && e.end === b).map((e) => eventCard(e));
    } else {
      const start = Number(el.dataset.mention);
      const m = v.mentions.find((x) => x.start === start);
      if (!m) return;
      content = [
        h("strong", {}, m.actorName),
        h("div", {}, `${MENTION_KIND[m.kind] ?? m.kind}${m.person ? `: ${m.person}` : ""}`),
        h("div", { class: "muted" }, `confidence ${m.confidence.toFixed(2)}`),
      ];
    }
    clear(this.tip, ...content);
    this.tip.hidden = false;
    const r = el.getBoundingClientRect();
    const box = this.root.getBoundingClientRect();
    this.tip.style.left = `${Math.max(0, Math.min(r.left - box.left, box.width - 300))}px`;
    this.tip.style.top = `${r.bottom - box.top + 4}px`;
  }
}

/** Mentions and event triggers, in order, without overlaps (an event's verb wins over a mention). */
function markList(v: IngestView): Mark[] {
  const byPlace = new Map<string, Mark>();
  for (const e of v.events) {
    const key = `${e.start}:${e.end}`;
    const m = byPlace.get(key) ?? { start: e.start, end: e.end, events: [] };
    m.events!.push(e);
    byPlace.set(key, m);
  }
  const mentions: Mark[] = v.mentions.map((x) => ({ start: x.start, end: x.end, mention: x }));
  const all: Mark[] = [...byPlace.values(), ...mentions].sort((a, b) => a.start - b.start || (a.events ? -1 : 1));
  const out: Mark[] = [];
  for (const x of all) if (!out.length || x.start >= out[out.length - 1].end) out.push(x);
  return out;
}

function markNode(v: IngestView, k: Mark, colours: Map<string, string>): HTMLElement {
  const text = v.text.slice(k.start, k.end);
  if (k.events) {
    const e = k.events[0];
    return h(
      "mark",
      {
        class: `ing-event${e.negated ? " negated" : ""}`,
        tabindex: 0,
        "data-events": `${k.start}:${k.end}`,
        "aria-describedby": "ingest-tip",
        "data-testid": "ingest-event",
      },
      text,
    );
  }
  const m = k.mention!;
  return h(
    "mark",
    {
      class: "ing-actor",
      tabindex: 0,
      "data-mention": `${k.start}`,
      style: `--actor: ${colours.get(m.actor) ?? "#666"}`,
      "aria-describedby": "ingest-tip",
      "data-testid": "ingest-actor",
    },
    text,
  );
}

const MENTION_KIND: Record<string, string> = {
  name: "named",
  alias: "another name",
  person: "a person who acts for it",
  title: "a title",
  adjective: "an adjective",
  pronoun: "a pronoun",
  speaker: "the speaker of a quotation",
  "unknown-name": "a name the gazetteer does not know",
};

function eventCard(e: EventView): HTMLElement {
  const row = (k: string, v: string) => h("tr", {}, h("th", { scope: "row" }, k), h("td", {}, v));
  return h(
    "div",
    { class: "ing-card" },
    h("strong", {}, `${e.sourceName} — ${e.negated ? "not " : ""}${e.kind}`),
    h(
      "table",
      {},
      h(
        "tbody",
        {},
        row("topic", `${e.inverse ? "against: " : ""}${e.topicLabel}`),
        row("PLOVER", e.plover ?? "— (a stated aim)"),
        row("CAMEO", `${e.cameo.code} ${e.cameo.name}`),
        row("modality", e.modality),
        row("negation", e.negated ? "negated" : "no"),
        row("confidence", e.confidence.toFixed(2)),
        row("trigger", `“${e.trigger}”${e.quoted ? " (quoted)" : ""}`),
        e.targetName ? row("towards", e.targetName) : null,
        e.condition ? row("condition", e.condition) : null,
      ),
    ),
  );
}
