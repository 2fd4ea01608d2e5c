/**
 * Scenario text that looks like Markdown or HTML (`<b>*x*_|`) comes out
 * escaped in every Markdown and HTML output, through the path the CLI takes;
 * and the document's blocks stay apart in Markdown.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Document, render } from "../../src/present/document.js";
import { parley } from "../helpers/cli.js";

const NAME = "<b>*Driver*_|A</b>";
const LABEL = "A *swerves* <i>now</i>";
const SCENARIO = `format: parley/1
name: Weird
decisionMakers:
  - id: a
    name: "${NAME}"
    options:
      - id: a_swerves
        label: "${LABEL}"
      - id: a_idle
        label: Idle
  - id: b
    name: Driver B
    options:
      - id: b_swerves
        label: Driver B swerves
statusQuo: NNN
preferences:
  a:
    - statement: a_swerves | b_swerves
    - statement: b_swerves
    - statement: "!a_swerves"
  b:
    - statement: a_swerves | b_swerves
    - statement: a_swerves
    - statement: "!b_swerves"
`;
const MD_NAME = "\\<b\\>\\*Driver\\*\\_\\|A\\</b\\>";
const MD_LABEL = "A \\*swerves\\* \\<i\\>now\\</i\\>";

let file = "";
beforeAll(() => {
  file = join(mkdtempSync(join(tmpdir(), "parley-esc-")), "weird.yaml");
  writeFileSync(file, SCENARIO);
});

const out = async (...argv: string[]) => {
  const r = await parley(...argv);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};

describe("scenario text in Markdown and HTML", () => {
  it("lint -f md escapes names and labels in the findings; -f html makes snippets code", async () => {
    const md = await out("lint", file, "-f", "md");
    expect(md).toContain(`stable for ${MD_NAME} under`);
    // A move is told in lower case ("a *swerves* …").
    expect(md).toContain(`(a ${MD_LABEL.slice(2)})`);
    expect(md).not.toContain(NAME);
    const html = await out("lint", file, "-f", "html");
    expect(html).toContain("stable for &lt;b&gt;*Driver*_|A&lt;/b&gt; under");
    expect(html).toContain("<code>sources: [...]</code>");
    expect(html).not.toContain("<b>");
  });

  it("lint -f json keeps the plain sentences", async () => {
    const json = JSON.parse(await out("lint", file, "-f", "json")) as { findings: { message: string; fix: string; words?: unknown }[] };
    expect(json.findings[0].message).toContain(`stable for ${NAME} under`);
    expect(json.findings.some((f) => f.fix.includes("Add `sources: [...]`"))).toBe(true);
    expect(json.findings.every((f) => f.words === undefined)).toBe(true);
  });

  it("escapes Markdown table cells as it escapes user spans: analyze, states", async () => {
    for (const argv of [
      ["analyze", file, "-f", "md"],
      ["states", file, "-f", "md"],
    ]) {
      const md = await out(...argv);
      expect(md, argv[0]).toContain(`| ${MD_LABEL} |`);
      expect(md, argv[0]).toContain(`| ${MD_NAME} |`);
      expect(md, argv[0]).not.toContain(LABEL);
    }
  });

  it("report -f md escapes names and labels, its checks included", async () => {
    const md = await out("report", file, "-f", "md");
    expect(md).toContain(MD_LABEL);
    expect(md).toContain(`stable for ${MD_NAME} under`);
    expect(md).not.toContain(LABEL);
    expect(md).not.toContain(NAME);
  });

  it("escapes HTML table cells", async () => {
    const html = await out("analyze", file, "-f", "html");
    expect(html).toContain("<td>A *swerves* &lt;i&gt;now&lt;/i&gt;</td>");
    expect(html).not.toContain("<i>");
  });
});

describe("blocks stay apart in Markdown", () => {
  it("paths -f md keeps 'This state is itself…' and the next paragraph two paragraphs", async () => {
    const md = await out("paths", file, "-f", "md", "--from", "2");
    expect(md).toMatch(/This state is itself an equilibrium[^\n]*\n\n\S/);
  });

  it("inverse -f md keeps '…: no change needed.' out of the list item above, and escapes only the scenario's text", async () => {
    const md = await out("inverse", "scenarios/ukraine-2025.yaml", "--target", "1", "-f", "md");
    expect(md).toMatch(/\[assumption\]\.\n\nUnited States, Russia, Ukraine: no change needed\.\n/);
    // The sentence is Parley's: its quotes and brackets stay; the statements' expressions are escaped.
    expect(md).toContain(
      'would have to stop caring that "No European force is sent into the war; a reassurance force backs a ceasefire." (ru_ceasefire \\| !eu_force) [assumption].',
    );
  });

  it("a joined paragraph after a list item or a paragraph is a paragraph of its own in Markdown, tight in text", () => {
    const d: Document = {
      title: "T",
      blocks: [
        { kind: "paragraph", text: "For it:" },
        { kind: "item", level: 1, joined: true, text: "a change." },
        { kind: "paragraph", joined: true, text: "B: no change needed." },
        { kind: "paragraph", joined: true, text: "More." },
      ],
    };
    expect(render(d, "text")).toBe("For it:\n• a change.\nB: no change needed.\nMore.\n");
    expect(render(d, "md")).toBe("For it:\n- a change.\n\nB: no change needed.\n\nMore.\n");
  });
});

describe("HTML pages", () => {
  it("open with a title heading, and give top-level paragraphs and items no class", async () => {
    for (const argv of [
      ["paths", file],
      ["states", file],
      ["validate", file],
    ]) {
      const html = await out(...argv, "-f", "html");
      expect(html, argv[0]).toMatch(/<body>\n<h1>/);
      expect(html, argv[0]).not.toMatch(/class="l[01]"/);
    }
  });
});
