/**
 * `npm run eval:ingest`: precision and recall of `parley ingest` on the
 * hand-labelled corpus in corpus/ingest/ (each NAME.txt|.md|.html beside its
 * NAME.gold.yaml). `--verbose` lists what each article missed or added.
 *
 * `--corpus DIR` scores one folder instead: either in that format, or in the
 * "news" format (NAME.txt beside NAME.gold.json: actors with their surface
 * forms, events with quotes, expected options and preferences in words; see
 * src/ingest/evaluate-news.ts), printing actor, event, option and preference
 * precision and recall per article and in total. Only the built-in gazetteer
 * is used for news folders.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { GAZETTEER_FILE } from "../src/cli/paths.js";
import {
  addNewsCounts,
  NEWS_KINDS,
  type NewsCounts,
  type NewsGold,
  type NewsScore,
  newsPrecision,
  newsRecall,
  scoreNewsArticle,
} from "../src/ingest/evaluate-news.js";
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

export interface NewsCorpusScore {
  articles: { name: string; score: NewsScore; error?: string }[];
  total: Record<(typeof NEWS_KINDS)[number], NewsCounts>;
}

/** Scores a folder in the news format (NAME.txt + NAME.gold.json); an article ingest refuses counts as nothing found. */
export function evaluateNewsCorpus(dir: string): NewsCorpusScore {
  const gazetteer = loadGazetteer(readFileSync(GAZETTEER_FILE, "utf8"));
  const zero = (): NewsCounts => ({ found: 0, correct: 0, gold: 0, recalled: 0 });
  const total = { actors: zero(), events: zero(), options: zero(), preferences: zero() };
  const articles: NewsCorpusScore["articles"] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".gold.json")) continue;
    const base = file.replace(/\.gold\.json$/, "");
    const textFile = readdirSync(dir).find((f) => f === `${base}.txt` || f === `${base}.md` || f === `${base}.html`);
    if (!textFile) continue;
    const gold = JSON.parse(readFileSync(join(dir, file), "utf8")) as NewsGold;
    let score: NewsScore;
    let error: string | undefined;
    try {
      const r = ingestArticle(readFileSync(join(dir, textFile), "utf8"), { name: textFile, gazetteer, extractHtml: extractHtmlWithReadability });
      score = scoreNewsArticle(r, gold);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      const goldOnly = (n: number): NewsCounts => ({ found: 0, correct: 0, gold: n, recalled: 0 });
      const options = Object.entries(gold.expectedOptions).flatMap(([a, l]) => l.map((o) => `${a}: ${o}`));
      score = {
        actors: goldOnly(Object.keys(gold.actors).length),
        events: goldOnly(gold.events.length),
        options: goldOnly(options.length),
        preferences: goldOnly(gold.expectedPreferences.length),
        missed: { actors: Object.keys(gold.actors), events: [], options, preferences: gold.expectedPreferences.map((p) => `${p.actor}: ${p.statement}`) },
        extra: { actors: [], events: [], options: [], preferences: [] },
        actorMap: {},
      };
    }
    articles.push({ name: base, score, ...(error ? { error } : {}) });
    for (const k of NEWS_KINDS) total[k] = addNewsCounts(total[k], score[k]);
  }
  return { articles, total };
}

function printNewsTable(dir: string, s: NewsCorpusScore, verbose: boolean): void {
  const w = Math.max(24, ...s.articles.map((a) => a.name.length + 1));
  const row = (name: string, c: Record<(typeof NEWS_KINDS)[number], NewsCounts>) =>
    `${name.padEnd(w)} ${NEWS_KINDS.map((k) => `${pct(newsPrecision(c[k]))} ${pct(newsRecall(c[k]))}`).join("   ")}`;
  console.log(`News corpus ${dir}\n${"article".padEnd(w)} ${NEWS_KINDS.map((k) => `${k.padEnd(11)} P / R`.padStart(17)).join(" ")}`);
  for (const a of s.articles) {
    console.log(row(a.name, a.score));
    if (a.error) console.log(`    ingest refused it: ${a.error}`);
    if (verbose) {
      console.log(
        `    actors taken for: ${Object.entries(a.score.actorMap)
          .map(([id, g]) => `${id}=${g}`)
          .join(", ")}`,
      );
      for (const k of NEWS_KINDS) {
        if (a.score.missed[k].length) console.log(`    missed ${k}: ${a.score.missed[k].join(" | ")}`);
        if (a.score.extra[k].length) console.log(`    extra ${k}: ${a.score.extra[k].join(" | ")}`);
      }
    }
  }
  console.log(row("all (micro-average)", s.total));
  console.log(
    `correct/found, recalled/gold: ${NEWS_KINDS.map((k) => `${k} ${s.total[k].correct}/${s.total[k].found}, ${s.total[k].recalled}/${s.total[k].gold}`).join("; ")}\n`,
  );
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

function main(): void {
  const verbose = process.argv.includes("--verbose");
  const corpus = argValue("--corpus");
  if (corpus) {
    const files = readdirSync(corpus);
    if (files.some((f) => f.endsWith(".gold.json"))) printNewsTable(corpus, evaluateNewsCorpus(corpus), verbose);
    else printTable(`Corpus ${corpus}`, evaluateCorpus(corpus), verbose);
    return;
  }
  printTable("Development corpus (corpus/ingest/: the rules were built on these)", evaluateCorpus(CORPUS_DIR), verbose);
  printTable(
    "Held-out corpus (corpus/ingest-heldout/: not used to write the rules; the last round looked at their misses)",
    evaluateCorpus(HELDOUT_DIR),
    verbose,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
