/**
 * The gazetteer: actors (with their names, aliases, adjectives and the people
 * who act for them), generic titles, and the topics actors negotiate about.
 * Kept as data (data/gazetteer.yaml) so users extend it with their own file;
 * an entry with the same id as a built-in one replaces it.
 */
import * as z from "zod";
import { ParleyError, type Issue } from "../format/errors.js";
import { readSource } from "../format/source.js";

export const GAZETTEER_FORMAT = "parley-gazetteer/1";

const words = z.array(z.string().min(1)).optional();
const PersonSchema = z.strictObject({
  name: z.string().min(1),
  aliases: words,
  titles: words,
  gender: z.enum(["m", "f"]).optional(),
});
const ActorSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an id must start with a letter or '_' and contain only letters, digits and '_'"),
  name: z.string().min(1),
  names: words,
  adjectives: words,
  actsFor: z.string().optional(),
  people: z.array(PersonSchema).optional(),
});
const TopicSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, "a topic id is lower-case letters, digits and '_'"),
  label: z.string().min(1),
  cues: z.array(z.string().min(1)).min(1),
  hostile: z.boolean().optional(),
  excludes: words,
});
const GazetteerSchema = z.strictObject({
  format: z.literal(GAZETTEER_FORMAT),
  titles: words,
  actors: z.array(ActorSchema).optional(),
  topics: z.array(TopicSchema).optional(),
});

export type PersonEntry = z.infer<typeof PersonSchema>;
export type ActorEntry = z.infer<typeof ActorSchema>;
export type TopicEntry = z.infer<typeof TopicSchema>;

export interface Gazetteer {
  titles: string[];
  actors: ActorEntry[];
  topics: TopicEntry[];
}

/** Where an element of a gazetteer file is (1-based line and column), by its path. */
export type Locate = (path: readonly (string | number)[]) => { line: number; column: number } | undefined;

/** Read a gazetteer file's text; errors name the file, the line and column, and the entry. */
export function parseGazetteer(text: string, file = "gazetteer"): Gazetteer {
  return readGazetteer(text, file).gazetteer;
}

/** The gazetteer and a way back to the place of each of its entries (for errors found later, when it is merged). */
export function readGazetteer(text: string, file = "gazetteer"): { gazetteer: Gazetteer; locate: Locate } {
  const { source, issues: syntax } = readSource(text);
  if (!source)
    throw new ParleyError(
      syntax.map((i) => (i.code === "syntax" ? { ...i, code: "yaml-syntax" } : i)),
      file,
    );
  const locate: Locate = (path) => source.locate(path);
  const r = GazetteerSchema.safeParse(source.data);
  if (!r.success) {
    const issues: Issue[] = r.error.issues.map((i) =>
      at(locate, { code: "invalid-gazetteer", message: i.message, path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)) }),
    );
    throw new ParleyError(issues, file);
  }
  const g = { titles: r.data.titles ?? [], actors: r.data.actors ?? [], topics: r.data.topics ?? [] };
  checkReferences(g, file, locate);
  return { gazetteer: g, locate };
}

/** The issue with its line and column, when the file has the element. */
function at(locate: Locate | undefined, issue: Issue): Issue {
  const pos = issue.path && locate ? locate(issue.path) : undefined;
  return pos ? { ...issue, ...pos } : issue;
}

function checkReferences(g: Gazetteer, file: string, locate: Locate): void {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  g.actors.forEach((a, i) => {
    if (seen.has(a.id)) issues.push(at(locate, { code: "duplicate-id", message: `duplicate actor id '${a.id}'`, path: ["actors", i, "id"] }));
    seen.add(a.id);
  });
  const topics = new Set<string>();
  g.topics.forEach((t, i) => {
    if (topics.has(t.id)) issues.push(at(locate, { code: "duplicate-id", message: `duplicate topic id '${t.id}'`, path: ["topics", i, "id"] }));
    topics.add(t.id);
  });
  if (issues.length) throw new ParleyError(issues, file);
}

/**
 * The built-in gazetteer with the user's on top: same id replaces, new ids
 * add; titles add. An unknown `actsFor` in the user's file is reported at its
 * place there (`where`: the file's name and how to find its entries).
 */
export function mergeGazetteers(base: Gazetteer, extra: Gazetteer, where: { file: string; locate?: Locate } = { file: "gazetteer" }): Gazetteer {
  const actors = new Map(base.actors.map((a) => [a.id, a]));
  for (const a of extra.actors) actors.set(a.id, a);
  const topics = new Map(base.topics.map((t) => [t.id, t]));
  for (const t of extra.topics) topics.set(t.id, t);
  const merged = { titles: [...new Set([...base.titles, ...extra.titles])], actors: [...actors.values()], topics: [...topics.values()] };
  const ids = new Set(merged.actors.map((a) => a.id));
  const issues: Issue[] = [];
  merged.actors.forEach((a, i) => {
    if (a.actsFor === undefined || ids.has(a.actsFor)) return;
    const j = extra.actors.indexOf(a);
    const path = j >= 0 ? ["actors", j, "actsFor"] : ["actors", i, "actsFor"];
    issues.push(
      at(j >= 0 ? where.locate : undefined, { code: "unknown-actor", message: `actor '${a.id}' acts for '${a.actsFor}', which is not in the gazetteer`, path }),
    );
  });
  if (issues.length) throw new ParleyError(issues, where.file);
  return merged;
}

/** The actor a mention of `id` stands for: follows `actsFor` (at most a few steps; cycles stop). */
export function principal(g: Gazetteer, id: string): string {
  let at = id;
  for (let k = 0; k < 5; k++) {
    const a = g.actors.find((x) => x.id === at);
    if (!a?.actsFor) return at;
    at = a.actsFor;
  }
  return at;
}
