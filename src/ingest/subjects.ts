/**
 * Who acts (for code.ts): the source of a move, the way reporters place it
 * (issue 17). The nearest mention before the trigger that is the subject of
 * its clause: not the object of a preposition ("sanctions on Russia", "the
 * mediation of the Kingdom of Norway") or of a verb ("stops short of
 * recognising Kosovo"), not a bare possessor ("Russia's demand") unless it
 * owns a government ("Iran's clerical establishment"), not inside a relative
 * clause about something that is no actor ("countries that do not recognise
 * …"), and not a name set off by commas beside the subject ("its leader,
 * former mayor … Ana Ruiz, decided"); in the passive, the "by" agent; in a
 * quotation, its speaker; "X and Y", both.
 */
import { PREPOSITIONS } from "./lexicon.js";
import { BELIEFS } from "./phrasing.js";
import type { Mention, Token } from "./types.js";

/** The mention joined to `m` by "and" right before it ("Qatari and Egyptian mediators", "Saudi Arabia and the United States"). */
export function coordinated(tokens: Token[], mentionAt: Map<number, Mention>, m: Mention, sFirst: number): Mention | undefined {
  let k = m.first - 1;
  // "… and the paramilitary Rapid Support Forces": past an article and adjectives.
  while (k > sFirst && (tokens[k].lower === "the" || (tokens[k].pos === "ADJ" && !mentionAt.has(k)))) k--;
  if (k <= sFirst || tokens[k].lower !== "and") return undefined;
  k--;
  if (tokens[k].lower === "the") k--;
  const other = mentionAt.get(k);
  if (!other || other.last !== k) return undefined;
  const before = tokens[other.first - 1];
  // "The leaders of Serbia and Kosovo agreed", "Representatives of A and B signed": both act.
  const group = tokens[other.first - 2];
  if (before?.lower === "of" && group && (GROUP_NOUNS.has(group.lemma) || GROUP_NOUNS.has(group.lower.replace(/s$/, "")))) return other;
  if (before && PREPOSITIONS.has(before.lower)) return undefined;
  return other;
}

/** Plural nouns of people acting for the actors named after "of". */
const GROUP_NOUNS = new Set(["leader", "representative", "delegation", "envoy", "negotiator", "official", "president", "head", "government", "delegate"]);

/** The nearest mention before the trigger in the sentence that is not the object of a preposition. */
export function sourceOf(tokens: Token[], mentionAt: Map<number, Mention>, byFirst: Mention[], trigger: number, sFirst: number): Mention | undefined {
  const quoted = tokens[trigger].quoted;
  for (let k = trigger - 1; k >= sFirst; k--) {
    const m = mentionAt.get(k);
    if (!m) {
      // "other countries that do not recognise Kosovo": a relative clause about something that is no actor.
      if (RELATIVE.has(tokens[k].lower)) {
        // "Witkoff's original plan, which called for …": the plan's possessor.
        const owner = possessorBefore(tokens, mentionAt, tokens[k - 1]?.value === "," ? k - 2 : k - 1, sFirst);
        if (owner) return owner;
        if (tokens[k - 1]?.pos === "NOUN" && !mentionAt.has(k - 1)) return undefined;
      }
      continue;
    }
    k = m.first;
    if (m.kind === "adjective") continue;
    if (tokens[m.first].quoted !== quoted && !(quoted && m.kind === "speaker")) continue;
    const before = tokens[m.first - 1];
    if (before && m.first - 1 >= sFirst && (PREPOSITIONS.has(before.lower) || before.value === "'s" || before.value === "’s")) continue;
    // "the mediation of the Kingdom of Norway": past the article too.
    if (before?.lower === "the" && m.first - 2 >= sFirst && PREPOSITIONS.has(tokens[m.first - 2].lower)) continue;
    // "stops short of recognising Kosovo": the object of a verb is not its subject (a verb of saying or believing is followed by one).
    const at = before?.pos === "DET" ? m.first - 2 : m.first - 1;
    const verb = tokens[at];
    const participle = tokens[at - 1]?.pos === "DET"; // "a phased U.S. withdrawal"
    const modifier = tokens[m.last + 1]?.pos === "NOUN"; // "criticised the US plan to …"
    if (verb && at >= sFirst && verb.pos === "VERB" && !participle && !modifier && !REPORTING.has(verb.lemma) && !BELIEFS.has(verb.lemma)) continue;
    // "Russia's foreign minister" is one title mention; a bare possessor ("Russia's demand") is not a subject, a government's is.
    if ((tokens[m.last + 1]?.value === "'s" || tokens[m.last + 1]?.value === "’s") && !governs(tokens, m.last + 2)) continue;
    const found = byFirst.find((x) => x.first === m.first && x.kind !== "adjective") ?? m;
    return apposedTo(tokens, mentionAt, found, trigger, sFirst) ?? found;
  }
  return undefined;
}

const RELATIVE = new Set(["that", "which", "who"]);
/** Verbs after which a mention is the subject of a clause, not an object ("said Russia would …"). */
const REPORTING = new Set([
  "say",
  "tell",
  "add",
  "announce",
  "declare",
  "state",
  "insist",
  "warn",
  "claim",
  "suggest",
  "report",
  "confirm",
  "deny",
  "signal",
  "hint",
]);
/** Nouns after a possessor that make it the subject: "Biden's administration has said …", "Iran's clerical establishment". */
const GOVERNING = new Set(["administration", "government", "cabinet", "leadership", "establishment", "regime", "team", "office", "military", "army", "forces"]);

/** The possessor of the noun phrase ending at token `end` ("Witkoff's original plan"). */
function possessorBefore(tokens: Token[], mentionAt: Map<number, Mention>, end: number, sFirst: number): Mention | undefined {
  for (let k = end; k >= Math.max(sFirst, end - 4); k--) {
    const t = tokens[k];
    if (t.value === "'s" || t.value === "’s") return mentionAt.get(k - 1);
    if (t.pos !== "NOUN" && t.pos !== "ADJ") return undefined;
  }
  return undefined;
}

function governs(tokens: Token[], k: number): boolean {
  for (let j = k; j <= k + 2 && j < tokens.length; j++) {
    if (GOVERNING.has(tokens[j].lemma) || GOVERNING.has(tokens[j].lower)) return true;
    if (tokens[j].pos !== "ADJ") return false;
  }
  return false;
}

/**
 * "its leader, former president of the European Parliament Martin Schulz, decided …": a mention inside a phrase set
 * off by commas or dashes right before the verb stands beside the mention before the phrase, which is the subject.
 */
function apposedTo(tokens: Token[], mentionAt: Map<number, Mention>, m: Mention, trigger: number, sFirst: number): Mention | undefined {
  const isMark = (t: Token) => t.value === "," || t.value === "—" || t.value === "–" || t.value === "-";
  let close = -1;
  for (let k = m.last + 1; k < trigger; k++) if (isMark(tokens[k])) close = k;
  if (close < 0) return undefined;
  for (let k = m.first - 1; k > sFirst; k--) {
    if (mentionAt.has(k) && mentionAt.get(k)!.kind !== "adjective") return undefined;
    if (!isMark(tokens[k])) continue;
    const head = mentionAt.get(k - 1);
    return head && head.kind !== "adjective" && tokens[close].value === tokens[k].value ? head : undefined;
  }
  return undefined;
}

export function passiveAgent(tokens: Token[], byFirst: Mention[], from: number, sLast: number): Mention | undefined {
  for (let k = from; k <= sLast; k++) {
    if (tokens[k].lower !== "by") continue;
    return byFirst.find((m) => m.first === k + 1);
  }
  return undefined;
}

/** The speaker of the quotation around token `t`: a mention right after its closing mark, or right before its opening one. */
export function quoteSpeaker(tokens: Token[], byFirst: Mention[], t: number): Mention | undefined {
  let end = t;
  while (end + 1 < tokens.length && tokens[end + 1].quoted) end++;
  // "…,” the statement said. The Barbados talks …": the speaker is in the words right after the quotation, not the next sentence.
  const closing = tokens[end + 1]?.sentence;
  const after = byFirst.find((m) => m.first > end && m.first <= end + 6 && !tokens[m.first].quoted && tokens[m.first].sentence === closing);
  if (after) return after;
  let start = t;
  while (start - 1 >= 0 && tokens[start - 1].quoted) start--;
  for (let i = byFirst.length - 1; i >= 0; i--) {
    const m = byFirst[i];
    // "Trump said on Twitter. “…": a name after a preposition is where it was said, not who said it.
    if (m.last < start && m.last >= start - 8 && !tokens[m.first].quoted && !PREPOSITIONS.has(tokens[m.first - 1]?.lower ?? "")) return m;
  }
  return undefined;
}

/** Plural nouns for several sides at once ("the two parties", "the leaders"): no one speaker's, nor one actor's. */
const SEVERAL_SIDES = new Set(["parties", "sides", "leaders", "delegations", "countries", "governments", "nations", "states", "powers", "negotiators"]);

/**
 * A plural noun for several sides, with an article or a number, right before the trigger (past "will", "not",
 * "also"): a subject that names no one actor ("the leaders agreed", "the two parties will meet", "both sides
 * agreed"). "his government would not sign" has a possessor, and "the rebels will attend", said by their
 * spokesman, is the speaker's side.
 */
export function nounSubject(tokens: Token[], mentionAt: Map<number, Mention>, trigger: number, sFirst: number): boolean {
  let k = trigger - 1;
  while (k >= sFirst && (tokens[k].pos === "AUX" || tokens[k].pos === "ADV" || tokens[k].pos === "PART")) k--;
  if (k < sFirst || tokens[k].pos !== "NOUN" || mentionAt.has(k) || !SEVERAL_SIDES.has(tokens[k].lower)) return false;
  const before = tokens[k - 1];
  return Boolean(
    before &&
      k - 1 >= sFirst &&
      (["the", "both", "all"].includes(before.lower) || before.pos === "NUM" || (before.pos === "ADJ" && tokens[k - 2]?.lower === "the")),
  );
}

/** The subject of the main clause when the trigger is in an opening "-ing" clause ("Speaking after hosting talks …, Borrell said"). */
export function participleSubject(tokens: Token[], byFirst: Mention[], trigger: number, sFirst: number, sLast: number): Mention | undefined {
  if (!/ing$/.test(tokens[sFirst].lower) || tokens[sFirst].pos !== "VERB") return undefined;
  let comma = trigger + 1;
  while (comma <= sLast && tokens[comma].value !== ",") comma++;
  if (comma > sLast || tokens.slice(sFirst, trigger).some((t) => t.value === ",")) return undefined;
  return byFirst.find((m) => m.first > comma && m.first <= comma + 3 && m.kind !== "adjective");
}
