/** The `lines` layout's hints that forecast, score, lint and ingest need: underlined headings, wrapped paragraphs, labelled and hanging items, per-format blocks. */
import { describe, expect, it } from "vitest";
import { type Document, render, t, user } from "../../src/present/document.js";

const doc = (blocks: Document["blocks"]): Document => ({ title: "T", blocks });

describe("the lines layout", () => {
  it("underlines a heading with `rule` in text only", () => {
    const d = doc([{ kind: "heading", level: 2, text: "Questions", underline: true }]);
    expect(render(d, "text")).toBe("Questions\n─────────\n");
    expect(render(d, "md")).toBe("## Questions\n");
  });

  it("wraps a paragraph with `wrap` at 80 columns in text, not in Markdown", () => {
    const words = Array.from({ length: 30 }, () => "word").join(" ");
    const d = doc([{ kind: "paragraph", text: words, wrap: true }]);
    expect(
      render(d, "text")
        .split("\n")
        .every((l) => l.length <= 80),
    ).toBe(true);
    expect(render(d, "text").split("\n").length).toBeGreaterThan(2);
    expect(render(d, "md")).toBe(`${words}\n`);
  });

  it("puts a label in place of the bullet in text, in bold after it in Markdown and HTML", () => {
    const d = doc([{ kind: "item", level: 1, label: "<1%", labelWidth: 5, text: t`a ${user("*b*")}` }]);
    expect(render(d, "text")).toBe("  <1%  a *b*\n");
    expect(render(d, "md")).toBe("- **<1%** a \\*b\\*\n");
    expect(render(d, "html")).toContain("<li><strong>&lt;1%</strong> a *b*</li>");
  });

  it("hangs a long item's lines under its text, and takes another bullet (or none)", () => {
    const long = Array.from({ length: 30 }, () => "word").join(" ");
    const text = render(doc([{ kind: "item", level: 1, hang: true, text: long }]), "text").split("\n");
    expect(text[0].startsWith("• word")).toBe(true);
    expect(text[1].startsWith("  word")).toBe(true);
    expect(render(doc([{ kind: "item", level: 1, marker: "", text: "+ option" }]), "text")).toBe("+ option\n");
    expect(render(doc([{ kind: "item", level: 1, marker: "", text: "+ option" }]), "md")).toBe("- + option\n");
  });

  it("renders a block with `formats` only in those formats, spacing the rest as if it were absent", () => {
    const d = doc([
      { kind: "heading", level: 1, text: "Checks", only: ["md", "html"] },
      { kind: "paragraph", text: "f:1: warning", only: ["text"] },
      { kind: "item", level: 1, text: "warning", only: ["md", "html"] },
      { kind: "paragraph", text: "1 finding." },
    ]);
    expect(render(d, "text")).toBe("f:1: warning\n\n1 finding.\n");
    expect(render(d, "md")).toBe("# Checks\n\n- warning\n\n1 finding.\n");
    expect(render(d, "html")).not.toContain("f:1: warning");
  });
});
