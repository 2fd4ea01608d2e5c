/** The graph as SVG: the states where the layout put them, in the looks of the screen, with a title and a legend. */
import { describe, expect, it } from "vitest";
import { escapeXml, graphSvg, type SvgGraph } from "../../web/src/charts/graph-svg.js";
import { cytoscapeStyle, edgeLook, nodeLook } from "../../web/src/charts/graph-style.js";

const graph: SvgGraph = {
  title: "Chicken & <friends>",
  subtitle: "Graph of moves: 4 states; 4 moves, 2 improving.",
  concept: "SEQ",
  movers: [
    { name: "Driver A", color: "#0072B2" },
    { name: "Driver B", color: "#D55E00" },
  ],
  nodes: [
    { id: 1, x: 0, y: 0, eq: false, sq: true, focus: false, selected: false, pattern: "NN", words: "no option taken" },
    { id: 2, x: 100, y: 0, eq: true, sq: false, focus: false, selected: true, pattern: "YN", words: "Driver A swerves" },
    { id: 3, x: 0, y: 100, eq: true, sq: false, focus: false, selected: false, pattern: "NY", words: "Driver B swerves" },
    { id: 4, x: 100, y: 100, eq: false, sq: false, focus: true, selected: false, pattern: "YY", words: 'both say "swerve"' },
  ],
  edges: [
    { source: 1, target: 2, color: "#0072B2", improving: true, dm: "Driver A" },
    { source: 1, target: 3, color: "#D55E00", improving: true, dm: "Driver B" },
    { source: 2, target: 4, color: "#D55E00", improving: false, dm: "Driver B" },
    { source: 3, target: 4, color: "#0072B2", improving: false, dm: "Driver A" },
  ],
};

describe("graph as SVG", () => {
  const svg = graphSvg(graph);

  it("is a standalone SVG document with the title, every state and every move", () => {
    expect(svg).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/,
    );
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain(">Chicken &amp; &lt;friends&gt;</text>");
    expect(svg.match(/<g>\n<title>State \d/g)).toHaveLength(4);
    expect(svg).toContain("<title>State 4 (YY): both say &quot;swerve&quot;</title>");
    expect(svg.match(/<line x1=[^>]*><title>/g)).toHaveLength(4);
    // Balanced tags.
    const open = (svg.match(/<(g|svg|defs|marker|title|text)[ >]/g) ?? []).length;
    const close = (svg.match(/<\/(g|svg|defs|marker|title|text)>/g) ?? []).length;
    expect(open).toBe(close);
  });

  it("draws states and moves as the screen does", () => {
    // Today: a diamond; equilibria: a thick green ring; the selected state: a halo.
    expect(svg).toMatch(/<polygon points="[^"]+" fill="#fff0b8" stroke="#1d232b" stroke-width="3"\/>/);
    expect(svg.match(/<circle [^>]*fill="#d6f0df" stroke="#1b7f46" stroke-width="4"\/>/g)).toHaveLength(2);
    expect(svg).toMatch(/<circle [^>]*fill="#c2185b" fill-opacity="0.35"\/>/);
    expect(svg).toMatch(/font-weight="700" fill="#1d232b">4<\/text>/);
    // Improvements: solid, with an arrow in the mover's colour; other moves dashed, no arrow.
    expect(svg).toContain('<marker id="arrow-0"');
    expect(svg).toContain('<path d="M0,0 L10,5 L0,10 z" fill="#0072B2"/>');
    const lines = svg.match(/<line x1=[^>]*>/g)!.filter((l) => !l.includes('stroke="#555"') && !l.includes('stroke="#777"'));
    expect(lines.filter((l) => l.includes("marker-end") && !l.includes("dasharray"))).toHaveLength(2);
    expect(lines.filter((l) => l.includes('stroke-dasharray="4 4"') && !l.includes("marker-end"))).toHaveLength(2);
    expect(svg).toContain("<title>Driver A: state 1 → 2 (an improvement for it)</title>");
  });

  it("ends a move at the border of the state it reaches, not its centre", () => {
    const first = /<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"/.exec(svg)!.slice(1).map(Number);
    const [x1, , x2] = first;
    // From the diamond (half-diagonal 20, border 1.5) to a circle of radius 14 (+2 ring): 100 - 21.5 - 16 apart.
    expect(x2 - x1).toBeCloseTo(100 - 21.5 - 16, 0);
  });

  it("has a legend: each party's colour, the kinds of move and of state", () => {
    for (const label of ["moves by Driver A", "moves by Driver B", "better for the mover", "not better", "today", "SEQ equilibrium"])
      expect(svg).toContain(`>${label}</text>`);
  });

  it("shares its looks with the screen's stylesheet", () => {
    const style = cytoscapeStyle() as { selector: string; style: Record<string, unknown> }[];
    const get = (selector: string) => style.find((s) => s.selector === selector)!.style;
    expect(get("node.eq")["border-color"]).toBe(nodeLook({ eq: true, sq: false, focus: false }).stroke);
    expect(get("node.sq").shape).toBe(nodeLook({ eq: false, sq: true, focus: false }).shape);
    expect(get("edge.imp").width).toBe(edgeLook(true).width);
    expect(nodeLook({ eq: true, sq: true, focus: true })).toMatchObject({ shape: "diamond", stroke: "#1b7f46", strokeWidth: 4, bold: true });
  });

  it("escapes text", () => {
    expect(escapeXml(`a<b & "c" 'd'>`)).toBe("a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
    expect(graphSvg({ ...graph, nodes: [], edges: [] })).toMatch(/<\/svg>\n$/);
  });
});
