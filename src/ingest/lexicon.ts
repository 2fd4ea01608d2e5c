/**
 * The event coder's lexicon: the trigger verbs and the kind of move each
 * names, their PLOVER categories and CAMEO roots (docs/ingest.md has the table
 * and its reasons), and the function words the coder reads clauses by.
 */
import type { Condition, EventKind, Modality } from "./types.js";

export interface Trigger {
  /** Lemmas of the trigger; "*" stands for the object ("put * on hold"). */
  words: string[];
  kind: EventKind;
  /** CAMEO root when it differs from the kind's default. */
  cameo?: string;
  modality?: Modality;
  /** A verb too common to stand alone ("take"): a move only when its object names a known topic ("take responsive measures"). */
  knownTopicOnly?: boolean;
  /** The trigger turns its object around: "view any trade restriction as unacceptable" asks for none. */
  inverse?: boolean;
}

const T = (words: string, kind: EventKind, extra: Partial<Trigger> = {}): Trigger => ({ words: words.split(" "), kind, ...extra });

/** Longest first, so "put * on hold" wins over "put". */
export const TRIGGERS: Trigger[] = [
  T("put * on hold", "hold"),
  T("put * in abeyance", "hold"),
  T("put * on ice", "hold"),
  T("place * on hold", "hold"),
  T("hold off on", "hold"),
  T("hold off", "hold"),
  T("hold back", "hold"),
  T("suspend", "hold"),
  T("pause", "hold"),
  T("postpone", "hold"),
  T("delay", "hold"),
  T("shelve", "hold"),
  T("withhold", "hold"),
  T("freeze", "hold"),
  T("put forward", "propose"),
  T("propose", "propose"),
  T("float", "propose", { modality: "hinted" }),
  T("suggest", "propose", { modality: "hinted" }),
  T("call for", "demand", { cameo: "02" }),
  T("call on", "demand", { cameo: "02" }),
  T("press for", "demand"),
  T("push for", "demand"),
  T("urge", "demand", { cameo: "02" }),
  T("appeal for", "demand", { cameo: "02" }),
  T("ask for", "demand", { cameo: "02" }),
  T("demand", "demand"),
  T("insist on", "demand", { modality: "insisted" }),
  T("insist", "demand", { modality: "insisted" }),
  T("require", "demand"),
  T("must", "demand", { modality: "insisted" }),
  T("view * as unacceptable", "demand", { inverse: true }),
  T("see * as unacceptable", "demand", { inverse: true }),
  T("consider * unacceptable", "demand", { inverse: true }),
  T("stress the need for", "demand", { modality: "insisted" }),
  T("threaten", "threaten"),
  T("warn of", "threaten"),
  T("warn", "threaten"),
  T("offer", "offer"),
  T("ready to", "offer"),
  T("prepared to", "offer"),
  T("willing to", "offer", { modality: "hinted" }),
  T("pledge", "offer"),
  T("promise", "offer"),
  T("commit to", "offer"),
  T("rule out", "refuse"),
  T("refuse", "refuse"),
  T("reject", "refuse"),
  T("dismiss", "refuse"),
  T("decline", "refuse"),
  T("rebuff", "refuse"),
  T("oppose", "refuse"),
  T("veto", "refuse"),
  T("block", "act", { cameo: "17" }),
  T("agree to", "agree"),
  T("agree", "agree"),
  T("accept", "agree"),
  T("sign", "agree"),
  T("endorse", "agree"),
  T("approve", "agree"),
  T("want", "aim"),
  T("seek", "aim"),
  T("aim", "aim"),
  T("hope for", "aim"),
  T("hope", "aim"),
  T("intend", "aim"),
  T("wish", "aim"),
  T("step up", "act"),
  T("carry on", "act"),
  T("press on with", "act"),
  T("press ahead with", "act"),
  T("continue", "act"),
  T("keep", "act"),
  T("press", "act"),
  T("pursue", "act"),
  T("launch", "act"),
  T("resume", "act"),
  T("impose", "act"),
  T("levy", "act"),
  T("prolong", "act"),
  T("deploy", "act"),
  T("send", "act"),
  T("maintain", "act"),
  T("intensify", "act"),
  T("begin", "act"),
  T("return to", "act"),
  T("join", "act"),
  T("take", "act", { knownTopicOnly: true }),
  T("order", "act", { knownTopicOnly: true }),
  T("rejoin", "act"),
  T("enter", "act"),
  T("attend", "act"),
  T("lead", "act", { knownTopicOnly: true }),
  T("host", "act", { knownTopicOnly: true }),
  T("re-open", "act"),
  T("reopen", "act"),
].sort((a, b) => b.words.length - a.words.length);

export const CAMEO_ROOTS: Record<string, string> = {
  "01": "Make public statement",
  "02": "Appeal",
  "03": "Express intent to cooperate",
  "04": "Consult",
  "05": "Engage in diplomatic cooperation",
  "07": "Provide aid",
  "08": "Yield",
  "10": "Demand",
  "12": "Reject",
  "13": "Threaten",
  "15": "Exhibit force posture",
  "16": "Reduce relations",
  "17": "Coerce",
  "19": "Fight",
};

/** kind (and whether the topic is coercive) -> PLOVER category and CAMEO root; docs/ingest.md explains each row. */
export function categorise(kind: EventKind, hostile: boolean, cameo?: string, topic?: string): { plover?: string; cameo: string } {
  switch (kind) {
    case "propose":
    case "offer":
      return { plover: "AGREE", cameo: "03" };
    case "demand":
      return { plover: "REQUEST", cameo: cameo ?? "10" };
    case "threaten":
      return { plover: "THREATEN", cameo: "13" };
    case "refuse":
      return { plover: "REJECT", cameo: "12" };
    case "agree":
      return { plover: "AGREE", cameo: "05" };
    case "hold":
      // Holding back a coercive step yields (CAMEO 08); holding back cooperation reduces relations (16).
      return hostile ? { plover: "CONCEDE", cameo: "08" } : { plover: "SANCTION", cameo: "16" };
    case "aim":
      return { cameo: "01" };
    case "act":
      return ACT_CATEGORY[topic ?? ""] ?? (hostile ? { plover: "COERCE", cameo: "17" } : { plover: "COOPERATE", cameo: "05" });
  }
}

/** Taking or keeping up an action: the category depends on the action (built-in topics; others by `hostile`). */
const ACT_CATEGORY: Record<string, { plover: string; cameo: string }> = {
  offensive: { plover: "ASSAULT", cameo: "19" },
  sanctions: { plover: "SANCTION", cameo: "16" },
  tariffs: { plover: "SANCTION", cameo: "16" },
  blockade: { plover: "COERCE", cameo: "17" },
  exercises: { plover: "MOBILIZE", cameo: "15" },
  troops: { plover: "MOBILIZE", cameo: "15" },
  withdrawal: { plover: "RETREAT", cameo: "08" },
  ceasefire: { plover: "RETREAT", cameo: "08" },
  territory: { plover: "CONCEDE", cameo: "08" },
  hostages: { plover: "CONCEDE", cameo: "08" },
  talks: { plover: "CONSULT", cameo: "04" },
  summit: { plover: "CONSULT", cameo: "04" },
  aid: { plover: "AID", cameo: "07" },
  humanitarian_access: { plover: "AID", cameo: "07" },
  peace_deal: { plover: "AGREE", cameo: "05" },
};

export const NEGATIONS = new Set(["not", "n't", "never", "no"]);
export const PREPOSITIONS = new Set([
  "on",
  "to",
  "with",
  "from",
  "against",
  "for",
  "of",
  "in",
  "at",
  "toward",
  "towards",
  "into",
  "over",
  "about",
  "between",
  "by",
  "among",
]);
export const CONDITION_MARKERS: Record<string, Condition["kind"]> = {
  before: "before",
  until: "after",
  after: "after",
  once: "after",
  unless: "unless",
  if: "if",
  provided: "if",
};
export const CLAUSE_BREAKS = new Set(["but", "while", "whereas", "because", "although", "though", "as", "so", "which", "who", "where"]);
/** Words that turn the topic around: "an end to sanctions", "lift the blockade". */
export const INVERSE = new Set([
  "lift",
  "lifting",
  "end",
  "ease",
  "easing",
  "drop",
  "remove",
  "removal",
  "halt",
  "stop",
  "scrap",
  "cancel",
  "without",
  "no",
  "roll",
  "relief",
  "exemption",
  "exempt",
  "suspend",
  "suspension",
  "waive",
  "waiver",
  "cut",
  "reduce",
  "lower",
  "rescind",
  "revoke",
  "repeal",
]);

export const HEDGES: [Modality, Set<string>][] = [
  ["unlikely", new Set(["unlikely", "doubt", "doubtful", "improbable", "remote", "skeptical", "sceptical"])],
  ["on-hold", new Set(["on hold", "abeyance", "suspend", "pause", "postpone", "freeze", "shelve"])],
  [
    "hinted",
    new Set([
      "hint",
      "signal",
      "might",
      "may",
      "could",
      "possibly",
      "possible",
      "possibility",
      "potential",
      "float",
      "suggest",
      "open",
      "consider",
      "perhaps",
      "reportedly",
    ]),
  ],
  ["insisted", new Set(["insist", "must", "stress", "firmly", "demand", "adamant"])],
  ["announced", new Set(["announce", "declare", "confirm", "will", "pledge", "vow", "commit"])],
];
