/**
 * Issue 17, "actors without a hand-written gazetteer entry": countries, their
 * demonyms and capitals come from a data package (src/ingest/countries.ts),
 * organisations and titles from data/gazetteer.yaml, people from the title
 * the article gives them. Sentences are the repository's own.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GAZETTEER_FILE } from "../../src/cli/paths.js";
import { loadGazetteer, ingestArticle } from "../../src/ingest/ingest.js";

const gazetteer = loadGazetteer(readFileSync(GAZETTEER_FILE, "utf8"));
const ingest = (text: string, g = gazetteer) => ingestArticle(text, { name: "a.txt", gazetteer: g });
const mentionsOf = (text: string, g = gazetteer) =>
  ingest(text, g)
    .mentions.filter((m) => m.kind !== "pronoun")
    .map((m) => `${m.text}=${m.actor}`);

describe("countries, demonyms and capitals from the data package", () => {
  it("reads a country, its capital and a person by title with its demonym", () => {
    const r = ingest(
      "Canadian PM Mark Carney proposed new trade talks with Mexico. Ottawa threatened to impose tariffs on steel. Carney said Canada wants a deal.",
    );
    expect(r.actors.map((a) => `${a.id}:${a.name}`)).toEqual(["canada:Canada", "mexico:Mexico"]);
    expect(r.mentions.map((m) => `${m.text}=${m.actor}`)).toEqual(
      expect.arrayContaining(["Canadian PM Mark Carney=canada", "Ottawa=canada", "Carney=canada", "Canada=canada"]),
    );
    expect(r.events.map((e) => e.source)).not.toContain("ottawa");
  });

  it("keeps the gazetteer's own entries and seats of government", () => {
    expect(mentionsOf("The Kremlin rejected the ceasefire. Washington offered security guarantees. Estonian officials called for talks.")).toEqual([
      "Kremlin=ru",
      "Washington=us",
      "Estonian officials=estonia",
    ]);
  });

  it("reads organisations and blocs", () => {
    const m = mentionsOf("The E3 called for talks with Iran. NATO offered aid. The African Union proposed a ceasefire. The EU demanded a truce.");
    expect(m).toEqual(expect.arrayContaining(["E3=e3", "NATO=nato", "African Union=african_union", "EU=eu"]));
  });

  it("takes a place for a place, not a party", () => {
    const r = ingest("Iran and the United States held indirect talks in Vienna. Iran called on the United States to lift sanctions.");
    expect(r.actors.map((a) => a.id)).not.toContain("austria");
  });

  it("lets the user's gazetteer override a country", () => {
    const user = loadGazetteer(readFileSync(GAZETTEER_FILE, "utf8"), [
      {
        file: "mine.gazetteer.yaml",
        text: "format: parley-gazetteer/1\nactors:\n  - { id: ca, name: Canada (federal government), names: [Canada, Ottawa] }\n",
      },
    ]);
    const r = ingest("Ottawa threatened to impose tariffs on steel from Mexico.", user);
    expect(r.actors.map((a) => a.id)).toEqual(["ca", "mexico"]);
  });
});

describe("names the article defines", () => {
  it("an acronym in brackets is the name before it; a person named after a title keeps its actor by surname", () => {
    const r = ingestArticle(
      "The Green Alliance Party (GAP) walked out of the coalition talks on Monday. GAP's leader Mira Holm said the differences were too wide. Holm proposed new elections.",
      { name: "a.txt", gazetteer },
    );
    expect(r.mentions.map((m) => `${m.text}=${m.actor}`)).toEqual([
      "Green Alliance Party=green_alliance_party",
      "GAP=green_alliance_party",
      "GAP's leader=green_alliance_party",
      "Mira Holm=green_alliance_party",
      "Holm=green_alliance_party",
    ]);
    expect(r.actors.map((a) => a.id)).toEqual(["green_alliance_party"]);
  });
});
