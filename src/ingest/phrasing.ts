/**
 * The way reporters write, for code.ts (issue 17): nominalised moves ("the
 * possibility of offering guarantees", "Trump's decision to place sanctions
 * on hold") and their possessor, reported beliefs ("he believed Putin might
 * …"), moves inside a leading "if" clause, "rather than" / "instead of", and
 * labels for generic topics. Each rule reads tokens only.
 */
import type { TopicEntry } from "./gazetteer.js";
import type { Mention, Modality, Token } from "./types.js";

/** Nouns that name a move to come: "the possibility of offering …", "the decision to place … on hold", "a plan to levy …". */
export const NOMINALS = new Set([
  "possibility",
  "decision",
  "plan",
  "option",
  "idea",
  "prospect",
  "proposal",
  "offer",
  "threat",
  "readiness",
  "willingness",
  "intention",
  "move",
  "bid",
  "attempt",
  "arrangement",
]);

/** How sure a nominalised move is: a possibility is hinted, a decision stated. */
export const NOMINAL_MODALITY: Record<string, Modality> = {
  possibility: "hinted",
  option: "hinted",
  idea: "hinted",
  prospect: "hinted",
  proposal: "hinted",
  plan: "announced",
  intention: "announced",
  readiness: "hinted",
  willingness: "hinted",
};

/** The nominal before token i ("decision to place", "possibility of offering"), as its index. */
export function nominalBefore(tokens: Token[], i: number): number | undefined {
  const link = tokens[i - 1];
  const noun = tokens[i - 2];
  if (!link || !noun || (link.lower !== "to" && link.lower !== "of") || noun.sentence !== tokens[i].sentence) return undefined;
  return NOMINALS.has(noun.lemma) || NOMINALS.has(noun.lower) ? i - 2 : undefined;
}

/** "Trump's (recent) decision": the actor whose move the nominal names. */
export function possessor(tokens: Token[], mentionAt: Map<number, Mention>, nominal: number, sFirst: number): Mention | undefined {
  for (let k = nominal - 1; k >= Math.max(sFirst, nominal - 4); k--) {
    if (tokens[k].value === "'s" || tokens[k].value === "’s") return mentionAt.get(k - 1);
    if (tokens[k].pos !== "ADJ" && tokens[k].pos !== "ADV") return undefined;
  }
  return undefined;
}

/** Verbs and adjectives of belief and hope, after which another actor's move is only reported. */
export const BELIEFS = new Set([
  "believe",
  "think",
  "hope",
  "hopeful",
  "optimistic",
  "expect",
  "fear",
  "suspect",
  "assume",
  "convinced",
  "confident",
  "doubt",
  "wonder",
]);

/** A belief word just before the source ("believed (that) Putin …"), within its clause: its index. */
export function reportedBelief(tokens: Token[], mentionAt: Map<number, Mention>, source: Mention, sFirst: number): number | undefined {
  for (let k = source.first - 1; k >= Math.max(sFirst, source.first - 3); k--) {
    if (tokens[k].lower === "that") continue;
    if (BELIEFS.has(tokens[k].lemma) || BELIEFS.has(tokens[k].lower)) return k;
    if (mentionAt.has(k) || tokens[k].pos === "PUNCT") return undefined;
  }
  return undefined;
}

/** The trigger is inside a clause opened by "if" / "unless" / "provided" before it in the sentence. */
export function insideCondition(tokens: Token[], sFirst: number, trigger: number): boolean {
  for (let k = trigger - 1; k >= sFirst; k--) {
    if (tokens[k].value === "," || tokens[k].value === ";") return false;
    if (tokens[k].lower === "if" || tokens[k].lower === "unless" || tokens[k].lower === "provided") return true;
  }
  return false;
}

/** "rather than deploying", "instead of sending": the move is set aside. */
export function ratherThan(tokens: Token[], trigger: number): boolean {
  const a = tokens[trigger - 2]?.lower;
  const b = tokens[trigger - 1]?.lower;
  return (a === "rather" && b === "than") || (a === "instead" && b === "of");
}

/** The topic's label; a bare "deal" or "agreement" is not a peace agreement ("wants a trade deal"). */
export function labelFor(topic: TopicEntry, tokens: Token[], first: number, last: number): string {
  if (topic.id !== "peace_deal") return topic.label;
  const words = tokens.slice(Math.max(0, first - 1), last + 1).map((t) => t.lower);
  return words.includes("peace") ? topic.label : "Conclude an agreement";
}
