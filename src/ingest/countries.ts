/**
 * Every country as a gazetteer actor, from the world-countries data package
 * (mledoze/countries, ODbL-1.0): its common and official names, its other
 * spellings ("USA", "DRC"), its capital ("Ottawa" -> Canada) and its
 * demonym as the adjective ("Canadian PM Mark Carney" -> Canada). No list
 * typed by hand and no network: the data ships in the package.
 *
 * The layer lies under the hand-written gazetteers (data/gazetteer.yaml and
 * the user's): a country one of them already names is left out, and so is
 * any name or adjective they use, or that two countries share ("Congolese",
 * "Dominican") unless only one of them is a UN member. Ids are the common
 * name in lower case with '_' for other characters ("canada",
 * "south_korea"), the id an unknown name would get.
 */
import * as worldCountries from "world-countries";
import type { Country } from "world-countries";
import type { ActorEntry, Gazetteer } from "./gazetteer.js";

/** Capitals shorter than this are left out (too likely to be another word). */
const MIN_CAPITAL_LENGTH = 4;

export function slug(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "") || "x"
  );
}

const ascii = (s: string) => /^[A-Za-z][A-Za-z .'’-]*$/.test(s);

interface Candidate {
  entry: ActorEntry;
  rank: number;
}

/** The countries' entries, before the hand-written gazetteers are laid on top. */
function countryEntries(): Candidate[] {
  const out: Candidate[] = [];
  // A CommonJS package: its array is the namespace's default export, in Node and in the bundler alike.
  for (const c of worldCountries.default as unknown as Country[]) {
    const common = c.name.common;
    const names = new Set<string>([common]);
    if (c.name.official.length <= 40 && ascii(c.name.official)) names.add(c.name.official);
    for (const alt of c.altSpellings) if (ascii(alt) && alt.length >= 3 && !alt.includes(",")) names.add(alt);
    const major = c.unMember || c.independent;
    if (major)
      for (const cap of c.capital ?? []) {
        const name = cap.replace(/\s+D\.?C\.?$/, "").trim();
        if (ascii(name) && name.length >= MIN_CAPITAL_LENGTH) names.add(name);
      }
    const dem = c.demonyms?.eng;
    const adjectives = [...new Set([dem?.m, dem?.f].filter((x): x is string => Boolean(x && ascii(x))))];
    out.push({ entry: { id: slug(common), name: common, names: [...names], adjectives }, rank: c.unMember ? 2 : c.independent ? 1 : 0 });
  }
  return out;
}

let cached: Candidate[] | undefined;

/**
 * The countries as a gazetteer layer that leaves room for `hand` (the
 * built-in and user gazetteers merged): countries it names, and names or
 * adjectives it uses, are left out.
 */
export function countryGazetteer(hand: Gazetteer): Gazetteer {
  cached ??= countryEntries();
  const handWords = new Set<string>();
  const handIds = new Set<string>();
  for (const a of hand.actors) {
    handIds.add(a.id);
    for (const w of [a.name, ...(a.names ?? []), ...(a.adjectives ?? [])]) handWords.add(w.toLowerCase());
  }
  const kept = cached.filter((c) => !handIds.has(c.entry.id) && !handWords.has(c.entry.name.toLowerCase()));
  // A word two countries share goes to the one of higher rank (UN member, independent), or to neither.
  const owner = new Map<string, { id: string; rank: number } | null>();
  for (const c of kept)
    for (const w of [...(c.entry.names ?? []), ...(c.entry.adjectives ?? [])]) {
      const k = w.toLowerCase();
      const prev = owner.get(k);
      if (prev === undefined) owner.set(k, { id: c.entry.id, rank: c.rank });
      else if (prev && prev.id !== c.entry.id) owner.set(k, prev.rank === c.rank ? null : prev.rank > c.rank ? prev : { id: c.entry.id, rank: c.rank });
    }
  const mine = (id: string, w: string) => !handWords.has(w.toLowerCase()) && owner.get(w.toLowerCase())?.id === id;
  const actors: ActorEntry[] = [];
  for (const { entry } of kept) {
    const names = (entry.names ?? []).filter((w) => mine(entry.id, w));
    if (!names.includes(entry.name)) continue;
    actors.push({ ...entry, names, adjectives: (entry.adjectives ?? []).filter((w) => mine(entry.id, w)) });
  }
  return { titles: [], actors, topics: [] };
}
