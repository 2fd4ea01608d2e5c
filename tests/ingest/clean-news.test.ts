/**
 * Issue 17, "paragraphs and repeats": articles as real sites export them,
 * with one paragraph per line, a summary above the title, and the body
 * printed twice with other line breaks. Sentences are the repository's own.
 */
import { describe, expect, it } from "vitest";
import { cleanArticle } from "../../src/ingest/clean.js";

const P1 =
  "Valdoria and Corland met in Lakeport on Monday for a third round of talks on the Sarn dam, which both sides described as frank but useful in the end.";
const P2 =
  "Corland's foreign minister said her government would not accept any further construction while the talks continue, and asked the Lake Union to send observers.";
const P3 = "Valdoria's prime minister answered that the work was lawful and would go on, though he offered to share the river's water in dry years.";

describe("paragraphs separated by single line breaks", () => {
  it("makes each long line a paragraph of its own", () => {
    const c = cleanArticle(`Talks on the Sarn dam\n\n${P1}\n${P2}\n${P3}\n`, "text");
    expect(c.title).toBe("Talks on the Sarn dam");
    expect(c.text.split("\n\n")).toEqual([P1, P2, P3]);
  });

  it("still joins lines wrapped at a fixed width into one paragraph", () => {
    const wrapped = "Valdoria and Corland met in Lakeport on Monday\nfor a third round of talks on the dam.\n\nCorland asked for observers.";
    const c = cleanArticle(wrapped, "text");
    expect(c.text.split("\n\n")).toEqual([
      "Valdoria and Corland met in Lakeport on Monday for a third round of talks on the dam.",
      "Corland asked for observers.",
    ]);
  });

  it("keeps offsets into the original input", () => {
    const input = `Talks on the Sarn dam\n\n${P1}\n${P2}\n`;
    const c = cleanArticle(input, "text");
    const at = c.text.indexOf("Corland's");
    expect(input.slice(c.origin[at], c.origin[at] + 9)).toBe("Corland's");
  });
});

describe("repeated titles and paragraphs whatever the line breaks", () => {
  const title = "Dam talks stall in Lakeport";
  it("finds the title under a summary and drops its repeat", () => {
    const summary = "The third round of talks on the Sarn dam ended without progress, and both sides blamed the other for the delay.";
    const c = cleanArticle(`${summary}\n${title}\n\n${title}\n${P1}\n${P2}\n`, "text");
    expect(c.title).toBe(title);
    expect(c.text.split("\n\n")).toEqual([summary, P1, P2]);
    expect(c.dropped.map((d) => d.reason)).toEqual(["repeated-title"]);
  });

  it("drops paragraphs printed again one per line after a blank-line copy", () => {
    const c = cleanArticle(`${title}\n\n${P1}\n\n${P2}\n\n${P3}\n${P1}\n${P2}\n`, "text");
    expect(c.text.split("\n\n")).toEqual([P1, P2, P3]);
    expect(c.dropped.map((d) => d.reason)).toEqual(["repeated-paragraph", "repeated-paragraph"]);
  });

  it("drops two paragraphs printed again as one", () => {
    const c = cleanArticle(`${title}\n\n${P1}\n${P2}\n${P3}\n\n${P1} ${P2}\n`, "text");
    expect(c.text.split("\n\n")).toEqual([P1, P2, P3]);
    expect(c.dropped).toHaveLength(1);
  });
});
