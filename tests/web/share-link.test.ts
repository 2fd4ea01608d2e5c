/**
 * Scenarios in links (web/src/page/app/share-link.ts) and the names files
 * may have in the browser's storage (web/src/page/storage/paths.ts): what
 * the static site's Share button writes and what opening a link reads,
 * checked in Node, which has the browsers' CompressionStream too.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isShareFragment, MAX_LINK_LENGTH, readShareFragment, shareFragment, shareLink } from "../../web/src/page/app/share-link.js";
import { checkPath, tooLarge } from "../../web/src/page/storage/paths.js";

const SCENARIOS = join(import.meta.dirname, "../../scenarios");
const TINY = "format: parley/1\nname: Tiny\ndecisionMakers: []\n";

describe("share links", () => {
  it("carry every shipped scenario, name and text, in a link under the limit", async () => {
    for (const name of readdirSync(SCENARIOS)) {
      const text = readFileSync(join(SCENARIOS, name), "utf8");
      const made = await shareLink("https://example.org/parley/index.html#ukraine-2025.yaml", name, text);
      if (!("link" in made)) throw new Error(`${name}: ${made.tooLong} characters`);
      expect(made.link.startsWith("https://example.org/parley/index.html#parley-link/1?name=")).toBe(true);
      const hash = made.link.slice(made.link.indexOf("#"));
      expect(isShareFragment(hash)).toBe(true);
      expect(await readShareFragment(hash)).toEqual({ name, text });
    }
  });

  it("open a link made by the first version (the format tag travels with it)", async () => {
    // Written by this version on 7 December 2026; later versions must keep reading it.
    const v1 = "#parley-link/1?name=tiny.yaml&deflate=S8svyk0ssVIoSCzKSa3UN-TKS8xNtVIIycyr5EpJTc4szszP803MTi0qtlKIjuUCAA";
    expect(await readShareFragment(v1)).toEqual({ name: "tiny.yaml", text: TINY });
    expect(await shareFragment("tiny.yaml", TINY)).toBe(v1.slice(1));
  });

  it("refuse a scenario too large for a link, saying how long the link would be", async () => {
    const note = randomBytes(30_000).toString("base64");
    const made = await shareLink("http://127.0.0.1:8080/", "big.yaml", `${TINY}description: ${note}\n`);
    expect("tooLong" in made && made.tooLong).toBeGreaterThan(MAX_LINK_LENGTH);
  });

  it("say what is wrong with a link that is newer, damaged, cut short or a bomb", async () => {
    expect(await readShareFragment("#parley-link/2?name=a.yaml&zstd=xyz")).toEqual({
      error: "the link was made by a newer Parley (link format 2; this workbench reads up to 1); open it in a newer workbench",
    });
    expect(await readShareFragment("#parley-link/1?name=a.yaml&deflate=not*base64")).toEqual({
      error: "the link is damaged: its scenario part is missing or not base64url (was it cut short when copied?)",
    });
    const whole = await shareFragment("a.yaml", readFileSync(join(SCENARIOS, "elmira.yaml"), "utf8"));
    expect(await readShareFragment(whole.slice(0, whole.length - 40))).toEqual({
      error: "the link is damaged: its scenario does not unpack (was it cut short when copied?)",
    });
    expect(await readShareFragment("#ukraine-2025.yaml")).toEqual({ error: "the link is not a Parley scenario link (it should start with #parley-link/)" });
    expect(isShareFragment("#ukraine-2025.yaml")).toBe(false);
    // Three megabytes of spaces pack into a few kilobytes; the link is refused before the page holds them.
    const bomb = await shareFragment("bomb.yaml", " ".repeat(3 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(MAX_LINK_LENGTH);
    expect(await readShareFragment(bomb)).toEqual({ error: "the link's scenario unpacks to more than 2,097,152 bytes, more than a workbench file may hold" });
  });

  it("offer a shared scenario under its last name part, with a scenario extension", async () => {
    for (const [given, offered] of [
      ["../../etc/passwd", "passwd.yaml"],
      ["cases/elmira.yml", "elmira.yml"],
      ["", "shared-scenario.yaml"],
      [".hidden.json", "hidden.json"],
    ]) {
      const hash = `#${await shareFragment(given, TINY)}`;
      expect(await readShareFragment(hash)).toEqual({ name: offered, text: TINY });
    }
  });
});

describe("file names in the browser's storage", () => {
  it("keep the served folder's rules", () => {
    expect(checkPath("cases/./elmira.yaml")).toEqual({ path: "cases/elmira.yaml" });
    expect(checkPath("  my.JSON ")).toEqual({ path: "my.JSON" });
    expect(checkPath("")).toEqual({ code: "bad-path", error: "a file name is required (at most 1,024 characters)" });
    expect(checkPath("/etc/x.yaml")).toEqual({ code: "outside-workspace", error: "absolute paths are not allowed; give a name such as my-scenario.yaml" });
    expect(checkPath("a/../../x.yaml")).toEqual({ code: "outside-workspace", error: `'a/../../x.yaml' leads outside the browser's scenarios ("..")` });
    expect(checkPath("a/.git/x.yaml")).toEqual({ code: "hidden-path", error: "'a/.git/x.yaml' is a hidden file or folder" });
    expect(checkPath("notes.txt")).toEqual({ code: "bad-extension", error: "only .yaml, .yml, .json files can be opened or saved" });
    expect(tooLarge(2 * 1024 * 1024)).toBeNull();
    expect(tooLarge(3_000_000)).toBe(
      "the scenario is 3,000,000 bytes, over the limit of 2,097,152 bytes per file kept in the browser; save it to disk instead",
    );
  });
});
