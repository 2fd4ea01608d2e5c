/**
 * `npm run eval:ingest`: precision and recall of `parley ingest` on the
 * hand-labelled corpus in corpus/ingest/ (each NAME.txt|.md|.html beside its
 * NAME.gold.yaml). `--verbose` lists what each article missed or added.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { GAZETTEER_FILE } from "../src/cli/paths.js";
import { addCounts, precision, recall, scoreArticle, type ArticleScore, type Counts, type Gold } from "../src/ingest/evaluate.js";
import { extractHtmlWithReadability } from "../src/ingest/html.js";
import { ingestArticle, loadGazetteer } from "../src/ingest/ingest.js";

/** Articles the rules were developed on. */
export const CORPUS_DIR = fileURLToPath(new URL("../corpus/ingest/", import.meta.url));
/** Articles not used to write the rules (the second round of rule changes looked at their misses: docs/ingest.md). */
export const HELDOUT_DIR = fileURLToPath(new URL("../corpus/ingest-heldout/", import.meta.url));

export interface CorpusScore {
  articles: { name: string; score: ArticleScore }[];
  total: { actors: Counts; events: Counts; draft: Counts };
}

export function evaluateCorpus(dir = CORPUS_DIR): CorpusScore {
  const builtIn = readFileSync(GAZETTEER_FILE, "utf8");
  const articles: CorpusScore["articles"] = [];
  const zero = (): Counts => ({ found: 0, gold: 0, matched: 0 });
  const total = { actors: zero(), events: zero(), draft: zero() };
  for (const file of readdirSync(dir).sort()) {
    if (!/\.(txt|md|html)$/.test(file)) continue;
    const base = file.replace(/\.(txt|md|html)$/, "");
    const gold = parse(readFileSync(join(dir, `${base}.gold.yaml`), "utf8")) as Gold;
    const gazetteer = loadGazetteer(
      builtIn,
      (gold.gazetteer ?? []).map((g) => ({ file: g, text: readFileSync(join(dir, g), "utf8") })),
    );
    const r = ingestArticle(readFileSync(join(dir, file), "utf8"), { name: file, gazetteer, extractHtml: extractHtmlWithReadability });
    const score = scoreArticle(r, gold);
    articles.push({ name: file, score });
    total.actors = addCounts(total.actors, score.actors);
    total.events = addCounts(total.events, score.events);
    total.draft = addCounts(total.draft, score.draft);
  }
  return { articles, total };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

function printTable(title: string, s: CorpusScore, verbose: boolean): void {
  const row = (name: string, c: { actors: Counts; events: Counts; draft: Counts }) =>
    `${name.padEnd(24)} ${(["actors", "events", "draft"] as const).map((k) => `${pct(precision(c[k]))} ${pct(recall(c[k]))}`).join("   ")}`;
  console.log(`${title}\n${"article".padEnd(24)} ${["actors", "events", "draft"].map((k) => `${k.padEnd(7)} P / R   `.padStart(17)).join(" ")}`);
  for (const a of s.articles) {
    console.log(row(a.name, a.score));
    if (verbose) {
      for (const k of ["actors", "events", "draft"] as const) {
        if (a.score.missed[k].length) console.log(`    missed ${k}: ${a.score.missed[k].join(" | ")}`);
        if (a.score.extra[k].length) console.log(`    extra ${k}: ${a.score.extra[k].join(" | ")}`);
      }
    }
  }
  console.log(row("all (micro-average)", s.total));
  const t = s.total;
  console.log(
    `matched/found, matched/gold: actors ${t.actors.matched}/${t.actors.found}, ${t.actors.matched}/${t.actors.gold}; events ${t.events.matched}/${t.events.found}, ${t.events.matched}/${t.events.gold}; draft ${t.draft.matched}/${t.draft.found}, ${t.draft.matched}/${t.draft.gold}\n`,
  );
}

function main(): void {
  const verbose = process.argv.includes("--verbose");
  printTable("Development corpus (corpus/ingest/: the rules were built on these)", evaluateCorpus(CORPUS_DIR), verbose);
  printTable(
    "Held-out corpus (corpus/ingest-heldout/: not used to write the rules; the last round looked at their misses)",
    evaluateCorpus(HELDOUT_DIR),
    verbose,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
