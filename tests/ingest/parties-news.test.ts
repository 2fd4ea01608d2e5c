/**
 * Issue 17, parties the way reporters name them: joint moves named by a noun
 * ("talks between A, B and C"), people named again by surname, and the
 * label a verb gives a move over the one a list of parties gives it.
 * Sentences are the repository's own.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GAZETTEER_FILE } from "../../src/cli/paths.js";
import { ingestArticle, loadGazetteer } from "../../src/ingest/ingest.js";

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

  it("a place between the noun and 'between' is skipped, and the next clause's subject ends the list", () => {
    const r = ingest("Talks in Brussels between Serbia and Kosovo ended late, Borrell said.");
    expect(r.events.map((e) => e.source)).toEqual(["rs", "xk"]);
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
