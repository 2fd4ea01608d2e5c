// Checks that every `quote:` of the Ukraine scenarios' fact tables is an exact
// substring of the article as published (npx tsx scripts/check-quotes.ts).
// Run by hand, never by npm test: the article is not in the repository (it
// sits beside it, in ../shared/design/, in the project's own checkouts only).
//
//   npx tsx scripts/check-quotes.ts [ARTICLE] [SCENARIO...]
//
// ARTICLE defaults to ../shared/design/ukraine-2025-article.txt; the scenarios,
// to scenarios/ukraine-2025*.yaml. Exit code 0 when every quote is found, 1
// when one is not (or a fact has no quote), 2 when a file cannot be read.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";

const root = new URL("..", import.meta.url).pathname;
const [articleArg, ...scenarioArgs] = process.argv.slice(2);
const articlePath = articleArg ?? `${root}../shared/design/ukraine-2025-article.txt`;
const scenarios = scenarioArgs.length
  ? scenarioArgs
  : readdirSync(`${root}scenarios`)
      .filter((f) => /^ukraine-2025.*\.yaml$/.test(f))
      .sort()
      .map((f) => `${root}scenarios/${f}`);

if (!existsSync(articlePath)) {
  console.error(`check-quotes: the article is not at ${articlePath}; give its path as the first argument`);
  process.exit(2);
}
const article = readFileSync(articlePath, "utf8");

let bad = 0;
let checked = 0;
for (const file of scenarios) {
  const facts = (parse(readFileSync(file, "utf8")) as { facts?: { id: string; quote?: string }[] }).facts ?? [];
  const name = file.replace(root, "");
  if (!facts.length) {
    console.log(`${name}: no fact table`);
    continue;
  }
  const missing = facts.filter((f) => !f.quote?.trim());
  const wrong = facts.filter((f) => f.quote?.trim() && !article.includes(f.quote));
  checked += facts.length;
  bad += missing.length + wrong.length;
  console.log(`${name}: ${facts.length} facts, ${facts.length - missing.length - wrong.length} quotes found verbatim in the article`);
  for (const f of missing) console.log(`  ${f.id}: no quote`);
  for (const f of wrong) console.log(`  ${f.id}: not in the article: "${f.quote}"`);
}
console.log(
  bad ? `${bad} of ${checked} quotes are not exact substrings of ${articlePath}` : `every quote (${checked}) is an exact substring of ${articlePath}`,
);
process.exit(bad ? 1 : 0);
