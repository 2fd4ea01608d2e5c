/**
 * Issue 17, parties the way reporters name them: joint moves named by a noun
 * ("talks between A, B and C"), people named again by surname, and the
 * label a verb gives a move over the one a list of parties gives it.
 * Sentences are the repository's own.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GAZETTEER_FILE } from "../../src/cli/paths.js";
import type { ScenarioFile } from "../../src/format/schema.js";
import { ingestArticle, loadGazetteer } from "../../src/ingest/ingest.js";
import { partyNames, planUpdate } from "../../src/ingest/update.js";

const gazetteer = loadGazetteer(readFileSync(GAZETTEER_FILE, "utf8"));
const ingest = (text: string) => ingestArticle(text, { name: "a.txt", gazetteer });

describe("joint moves named by a noun", () => {
  it("'talks between A, its partner B, and C' makes each a party to the talks, with no stance", () => {
    const r = ingest("Talks between the PNV, its Basque partner EH, and the PSOE stalled on Friday.");
    expect(r.actors.map((a) => a.id)).toEqual(["pnv", "eh", "psoe"]);
    expect(r.events.map((e) => `${e.source} ${e.kind} ${e.topic}`)).toEqual(["pnv act talks", "eh act talks", "psoe act talks"]);
    const k = r.draft.elements.map((e) => e.key);
    expect(k).toEqual(expect.arrayContaining(["option:pnv_talks", "option:eh_talks", "option:psoe_talks"]));
    expect(k.filter((x) => x.startsWith("pref:") || x.startsWith("statusquo:"))).toEqual([]);
    // "Basque" describes the partner; it is no party.
    expect(r.actors.map((a) => a.id)).not.toContain("basque");
  });

  it("a party described before its counterpart's name is still a party ('his Hamas counterparts')", () => {
    expect(ingest("The talks between Kenya's envoy and his Hamas counterparts went on.").events.map((e) => e.source)).toEqual(["kenya", "hamas"]);
  });

  it("a place between the noun and 'between' is skipped, and the next clause's subject ends the list", () => {
    const r = ingest("Talks in Brussels between Serbia and Kosovo ended late, Borrell said.");
    expect(r.events.map((e) => e.source)).toEqual(["rs", "xk"]);
    // A place after the parties is where they met.
    expect(ingest("The meetings between Trump and Putin in Anchorage ended without a deal.").events.map((e) => e.source)).toEqual(["us", "ru"]);
  });

  it("talks inside another move's object are that move's ('a ceasefire before any talks between Moscow and Kyiv')", () => {
    const r = ingest("European leaders insisted on a ceasefire before any direct talks between Moscow and Kyiv.");
    expect(r.events.map((e) => `${e.source} ${e.kind} ${e.topic}`)).toEqual(["eu demand ceasefire"]);
  });
});

describe("people named again by surname", () => {
  it("'Evo Morales' … 'Morales' is one actor, and a verb's label wins over the noun's", () => {
    const r = ingest("Dialogue between Peru and Evo Morales's movement will start soon. Morales later said his movement would resume talks this week.");
    expect(r.actors.map((a) => a.id)).toEqual(["peru", "evo_morales"]);
    const labels = r.draft.scenario.decisionMakers.flatMap((d) => d.options.map((o) => `${o.id}: ${o.label}`));
    expect(labels).toEqual(["peru_talks: Join dialogue", "evo_morales_talks: Resume talks"]);
  });
});

describe("who acts: subjects, objects and attributions", () => {
  const events = (text: string) => ingest(text).events.map((e) => `${e.source} ${e.kind} ${e.inverse ? "!" : ""}${e.topic}${e.negated ? " (not)" : ""}`);

  it("the object of a verb is not the next verb's subject ('stops short of recognising Azerbaijan … but agrees to recognise')", () => {
    // Armenia, not Azerbaijan, recognises; "stops short of" denies the first move, which is kept apart from the second.
    expect(events("Under the accord, Armenia stops short of recognising Azerbaijan as a partner but agrees to recognise the new border posts.")).toEqual([
      "am act recognition_azerbaijan (not)",
      "am agree recognition",
    ]);
  });

  it("a relative clause about something that is no actor has no source ('allies that do not recognise Somalia')", () => {
    expect(events("Kenya relies on allies that do not recognise Somalia. Kenya offered to host talks.")).toEqual(["kenya offer talks"]);
  });

  it("'X's old plan, which called for …' is X's demand", () => {
    expect(events("Reporters said the new offer resembles Witkoff's old plan, which called for a ceasefire. Russia rejected the ceasefire.")).toEqual([
      "us demand ceasefire",
      "ru refuse ceasefire",
    ]);
  });

  it("a name after 'of the' is not the subject: a quotation's move is its speaker's ('the mediation of the Republic of Ghana')", () => {
    const r = ingest('"Following the mediation of the Republic of Ghana, the rebels will attend a meeting in Accra," Kofi Boateng said.');
    expect(events('"Following the mediation of the Republic of Ghana, the rebels will attend a meeting in Accra," Kofi Boateng said.')).toEqual([
      "kofi_boateng act summit",
    ]);
    expect(r.draft.scenario.decisionMakers.find((d) => d.id === "kofi_boateng")?.options[0].label).toBe("Attend a meeting");
    // The mediator's own move is implied by its role (roles.ts).
    expect(r.implied.map((e) => `${e.source} ${e.topic}`)).toEqual(["ghana mediation"]);
  });

  it("'X must …' in a quotation is the speaker's demand of X; a quotation that goes on is still its speaker's, not the place's", () => {
    const text =
      "“We have large deficits with Mexico,” Lula said on Twitter. “The deal has been bad for Brazil. Also, Mexico must ... treat our farmers much better.”";
    const r = ingest(text);
    expect(r.events.map((e) => `${e.source} ${e.kind} ${e.target} ${e.modality}`)).toEqual(["lula demand mexico insisted"]);
    expect(r.draft.scenario.decisionMakers.map((d) => `${d.id}: ${d.options.map((o) => o.label).join(", ")}`)).toEqual(["mexico: Treat farmers"]);
  });

  it("a name set off by commas beside the subject is not the subject ('Kenya's negotiator, former Ugandan official …, rejected')", () => {
    expect(events("Kenya's negotiator, former Ugandan official John Okello, rejected the offer of talks.")).toEqual(["kenya refuse talks"]);
  });

  it("'X has said it is ready to remove …': the pronoun is X, and readiness is an offer", () => {
    const r = ingest("Washington's new administration, which took office in March, has said it is ready to remove the tariffs on Mexico.");
    expect(r.mentions.find((m) => m.text === "it")?.actor).toBe("us");
    expect(events("Washington's new administration, which took office in March, has said it is ready to remove the tariffs on Mexico.")).toEqual([
      "us offer !tariffs",
    ]);
  });

  it("what is given 'in return for' something is not the move agreed to", () => {
    expect(events("Armenia agreed to open the road in return for relief from sanctions.")).toEqual(["am agree road"]);
  });

  it("an aim with a bare infinitive is the source's own option, even when another actor has one on the topic", () => {
    const k = ingest("Canada signed the accord. The EU is seeking to rejoin the accord.").draft.elements.map((e) => e.key);
    expect(k).toEqual(expect.arrayContaining(["option:canada_peace_deal", "option:eu_peace_deal", "pref:eu:eu_peace_deal"]));
  });
});

describe("parties named by their office holders and acronyms", () => {
  it("'its leader, former mayor of … Ana Ruiz, decided not to enter government' is the party's refusal", () => {
    const r = ingest("The PSOE suffered such a defeat that its leader, former mayor of the Spanish capital Ana Ruiz, decided not to enter government.");
    expect(r.mentions.find((m) => m.text === "its leader")?.actor).toBe("psoe");
    expect(r.events.map((e) => `${e.source} ${e.kind} ${e.topic}${e.negated ? " (not)" : ""}`)).toEqual(["psoe act government (not)"]);
    expect(r.draft.elements.map((e) => e.key)).toEqual(expect.arrayContaining(["option:psoe_government", "pref:psoe:!psoe_government"]));
    expect(r.draft.scenario.decisionMakers[0].options[0].label).toBe("Enter government");
  });

  it("an acronym in brackets stands for the name before it only if it starts with the name's letter", () => {
    const r = ingest("The nationalist Alliance for Slovakia (AfS) entered parliament for the first time.");
    expect(r.mentions.find((m) => m.text === "AfS")?.actor).toBe("afs");
    expect(r.events.map((e) => e.source)).toEqual(["afs"]);
  });
});

describe("moves named by a noun with their actor", () => {
  const events = (text: string) => ingest(text).events.map((e) => `${e.source} ${e.kind} ${e.topic}${e.nominal ? " (noun)" : ""}${e.negated ? " (not)" : ""}`);

  it("the possessor, the 'by' agent or the name before the noun takes the move, which is no stance and not today's state", () => {
    const text = "The Kinshasa government's freeing of some 200 rebel prisoners came first. The first release by Hamas of army detainees followed on Sunday.";
    expect(events(text)).toEqual(["cd act hostages (noun)", "hamas act hostages (noun)"]);
    const r = ingest(text);
    expect(r.draft.elements.filter((e) => e.kind === "preference" || e.kind === "statusQuo")).toEqual([]);
    expect(events("A deal for a phased U.S. troop withdrawal from Iraq was signed.")).toEqual(["us act withdrawal (noun)"]);
  });
});

describe("reporters' phrasings of concessions", () => {
  const text =
    "Under the deal, Armenia agrees to recognise the new passports and not to block Georgia's membership of any regional body. Georgia agrees to “ensure an appropriate level of self-government” for its Armenian minority.";
  const r = ingest(text);

  it("'… and not to block …' is a second move, negated", () => {
    expect(r.events.map((e) => `${e.source} ${e.kind} ${e.topic}${e.negated ? " (not)" : ""}`)).toEqual([
      "am agree recognition",
      "am act membership (not)",
      "georgia agree self_government",
    ]);
  });

  it("'a level of X' is about X, and a hyphenated compound is one word", () => {
    expect(r.draft.scenario.decisionMakers.find((d) => d.id === "georgia")?.options.map((o) => o.label)).toEqual(["Ensure self-government"]);
  });

  it("'X announced that it would …' is X's move; 'took office … seeking to rejoin' leaves the aim to 'seeking'", () => {
    expect(ingest("Mali announced that it would block the convoy.").events.map((e) => e.source)).toEqual(["mali"]);
    const k = ingest("Chile signed the accord. Mexico's new government, which took office in March seeking to rejoin the accord, met on Monday.").events.map(
      (e) => `${e.source} ${e.trigger} ${e.topic}`,
    );
    expect(k).toEqual(["chile signed peace_deal", "mexico seeking peace_deal"]);
  });

  it("a prefix makes another word: 'Inter-American' is not American", () => {
    expect(ingest("Peru backs the Inter-American court, Chile said. Chile offered talks.").mentions.map((m) => m.actor)).not.toContain("us");
  });
});

describe("parties of an open scenario matched by name (--update)", () => {
  const scenario = {
    format: "parley/1",
    name: "Coalition",
    decisionMakers: [
      { id: "fdp", name: "FDP", options: [{ id: "fdp_talks", label: "Join coalition talks" }] },
      { id: "gov", name: "Government", options: [{ id: "gov_talks", label: "Lead the talks" }] },
    ],
    preferences: { fdp: ["fdp_talks"], gov: ["gov_talks"] },
  } as unknown as ScenarioFile;

  it("an acronym is matched to the initials of the article's name, and a party new to the scenario is new", () => {
    const draft = ingest("The Free Democratic Party refused to join the coalition talks. The Greens offered new talks.").draft;
    const plan = planUpdate(scenario, draft, gazetteer);
    expect([...plan.dmMap]).toEqual([["free_democratic_party", "fdp"]]);
    expect(plan.optionMap.get("free_democratic_party_talks")).toBe("fdp_talks");
    expect(plan.changes.filter((c) => c.kind === "new-decision-maker").map((c) => c.dm)).toEqual(["greens"]);
  });

  it("a bracketed acronym is a name too, and a generic word is never one", () => {
    expect(partyNames(["Free Democratic Party (FDP)"], "liberals")).toEqual(["free democratic party", "fdp", "liberals"]);
    expect(partyNames(["Government"], "gov")).toEqual(["gov"]);
    expect(partyNames(["the alliance"], "alliance")).toEqual([]);
  });
});

describe("a wire report of Sudan talks (the issue's 'found no moves' case, in the repository's own words)", () => {
  const text = [
    "Sudan's warring sides sign pledge at Jeddah talks",
    "",
    "JEDDAH, May 12 (Wire) - Representatives of Sudan's army and the paramilitary Rapid Support Forces signed a declaration of principles late on Thursday, committing to protect civilians and to allow humanitarian aid to flow, U.S. and Saudi mediators said.",
    "",
    "The declaration stops short of a ceasefire. Talks on a truce of about ten days would now begin, a U.S. official told reporters on condition of anonymity.",
    "",
    "Fighting between the two sides, which erupted on April 15, has killed hundreds of people and forced tens of thousands to flee to neighbouring countries.",
    "",
    "The army said in a statement that it would not withdraw from the capital while RSF fighters occupied homes and hospitals.",
  ].join("\n");
  const r = ingest(text);

  it("finds moves: both sides sign and commit ('Representatives of A and B'), and the army refuses to withdraw", () => {
    expect(r.events.map((e) => `${e.source} ${e.kind} ${e.topic}${e.negated ? " (not)" : ""}`)).toEqual([
      "rsf agree declaration",
      "saf agree declaration",
      "rsf offer civilian",
      "saf offer civilian",
      "saf act withdrawal (not)",
    ]);
  });

  it("'the army' named again five sentences on, and 'said in a statement that it', are Sudan's army", () => {
    expect(r.mentions.filter((m) => /army|^it$/i.test(m.text)).map((m) => `${m.text}=${m.actor}`)).toEqual(["Sudan's army=saf", "The army=saf", "it=saf"]);
  });
});
