/**
 * Actor mentions, pass 2: coreference in reading order. "he"/"she" -> the
 * last person mentioned (of that gender when known), "they" -> the last
 * plural group, "the president" -> the last person with that title.
 */
import type { Gazetteer } from "./gazetteer.js";
import { CONFIDENCE } from "./mentions.js";
import type { Mention, MentionKind, Token } from "./types.js";

const HE = new Set(["he", "him", "his", "himself"]);
const SHE = new Set(["she", "her", "hers", "herself"]);
const THEY = new Set(["they", "them", "their", "themselves"]);
const PLURAL = /(s|forces|leaders|allies|officials|people)$/i;

export function resolveCoreference(tokens: Token[], explicit: Mention[], g: Gazetteer): Mention[] {
  const genderOf = new Map<string, "m" | "f">();
  const titlesOf = new Map<string, string[]>();
  for (const a of g.actors)
    for (const p of a.people ?? []) {
      if (p.gender) genderOf.set(p.name, p.gender);
      titlesOf.set(p.name, p.titles ?? []);
    }
  const byFirst = new Map(explicit.map((m) => [m.first, m]));
  const out: Mention[] = [];
  const persons: Mention[] = []; // people and titled mentions, in order
  const plurals: Mention[] = [];
  const groups: Mention[] = []; // countries, organisations and parties named, in order
  const titleWords = [...g.titles].sort((a, b) => b.length - a.length);
  // Antecedents: the nearest one earlier in the same sentence; else, in the nearest earlier sentence
  // with one, the first (left to right, as in Hobbs 1978: subjects come first).
  // A pronoun looks back three sentences; a title ("the army", "the president") names its holder further on.
  const recent = (list: Mention[], t: number, ok: (m: Mention) => boolean, reach = 3) => {
    const here = tokens[t].sentence;
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i];
      if (m.sentence !== here) break;
      if (ok(m)) return m;
    }
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i];
      if (m.sentence === here || !ok(m)) continue;
      if (here - m.sentence > reach) return undefined;
      let first = m;
      for (let j = i - 1; j >= 0 && list[j].sentence === m.sentence; j--) if (ok(list[j])) first = list[j];
      return first;
    }
    return undefined;
  };
  for (let t = 0; t < tokens.length; t++) {
    const m = byFirst.get(t);
    if (m) {
      out.push(m);
      if (m.kind === "person" || (m.kind === "title" && !PLURAL.test(m.text))) persons.push(m);
      else if (m.kind !== "adjective" && PLURAL.test(m.text)) plurals.push(m);
      if (m.kind === "name" || m.kind === "alias" || m.kind === "unknown-name") groups.push(m);
      t = m.last;
      continue;
    }
    const w = tokens[t].lower;
    if (tokens[t].pos === "PRON" && !tokens[t].quoted && (HE.has(w) || SHE.has(w))) {
      const gender = HE.has(w) ? "m" : "f";
      const ref = recent(persons, t, (p) => !p.person || !genderOf.has(p.person) || genderOf.get(p.person) === gender);
      if (ref) out.push(anaphor(tokens, ref, "pronoun", t, t));
      continue;
    }
    if (tokens[t].pos === "PRON" && !tokens[t].quoted && THEY.has(w)) {
      const ref = recent(plurals, t, () => true);
      if (ref) out.push({ ...anaphor(tokens, ref, "pronoun", t, t), confidence: 0.55 });
      continue;
    }
    // "its leader", "its government": a title of the last group or country named (not a person), in this sentence or the two before.
    if ((w === "its" || w === "their") && t + 1 < tokens.length) {
      const rest = tokens.slice(t + 1, t + 4).map((x) => x.lower);
      const title = titleWords.find((x) =>
        x
          .toLowerCase()
          .split(/\s+/)
          .every((y, i) => rest[i] === y),
      );
      let owner: Mention | undefined;
      for (let i = groups.length - 1; title && i >= 0 && !owner; i--)
        if (tokens[t].sentence - groups[i].sentence <= 2 && (w === "its") !== PLURAL.test(groups[i].text)) owner = groups[i];
      if (title && owner) {
        const last = t + title.split(/\s+/).length;
        const a = { ...anaphor(tokens, owner, "title", t, last), person: title };
        out.push(a);
        persons.push(a);
        t = last;
        continue;
      }
    }
    // "the president", "the foreign minister": the last person with that title.
    if (w === "the" && t + 1 < tokens.length) {
      const rest = tokens.slice(t + 1, t + 4).map((x) => x.lower);
      const title = titleWords.find((x) =>
        x
          .toLowerCase()
          .split(/\s+/)
          .every((y, i) => rest[i] === y),
      );
      if (title && !PLURAL.test(title)) {
        const last = t + title.split(/\s+/).length;
        const ref = recent(persons, t, (p) => (p.person ? (titlesOf.get(p.person) ?? [p.person]).includes(title) : false), 8);
        if (ref) {
          const a = anaphor(tokens, ref, "title", t, last);
          out.push(a);
          persons.push(a);
          t = last;
        }
      }
    }
  }
  return out;
}

export function anaphor(tokens: Token[], ref: Mention, kind: MentionKind, first: number, last: number): Mention {
  return {
    actor: ref.actor,
    kind,
    ...(ref.person ? { person: ref.person } : {}),
    first,
    last,
    sentence: tokens[first].sentence,
    text: tokens
      .slice(first, last + 1)
      .map((x) => x.value)
      .join(" "),
    confidence: Math.min(ref.confidence, CONFIDENCE[kind]),
  };
}
