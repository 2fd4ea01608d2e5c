/**
 * The graph of moves as a standalone SVG file, written from the positions
 * the Graph view laid the states out at and the same looks (graph-style.ts):
 * a title and what is shown above, the states and moves, a legend below.
 * Each state carries its description as an SVG <title> (a tooltip in
 * browsers and editors). Pure: no DOM, so it is tested in Node.
 */
import { edgeLook, INK, nodeLook, SELECTED_HALO, MOVE_EDGE } from "./graph-style.js";

export interface SvgNode {
  id: number;
  x: number;
  y: number;
  eq: boolean;
  sq: boolean;
  focus: boolean;
  selected: boolean;
  pattern: string;
  /** The state's stable name (the options taken), written under it. */
  name?: string;
  words: string;
}

export interface SvgEdge {
  source: number;
  target: number;
  color: string;
  improving: boolean;
  /** Who moves, for the tooltip. */
  dm: string;
  /** The options the move changes ("+id, −id"), for the tooltip. */
  change?: string;
}

export interface SvgGraph {
  title: string;
  subtitle: string;
  nodes: SvgNode[];
  edges: SvgEdge[];
  /** One entry per decision maker: its name and the colour of its moves. */
  movers: { name: string; color: string }[];
  /** The concept whose equilibria are ringed. */
  concept: string;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const MARGIN = 24;
const HEAD = 58;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

const num = (x: number) => String(Math.round(x * 10) / 10);

/** Distance from a node's centre to its border in direction (dx, dy) (unit vector). */
function borderDistance(n: SvgNode, dx: number, dy: number): number {
  const look = nodeLook(n);
  const r = look.size / 2 + look.strokeWidth / 2;
  return look.shape === "diamond" ? r / (Math.abs(dx) + Math.abs(dy)) : r;
}

export function graphSvg(g: SvgGraph): string {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const pad = SQ_PAD;
  const xs = g.nodes.map((n) => n.x);
  const ys = g.nodes.map((n) => n.y);
  const minX = (xs.length ? Math.min(...xs) : 0) - pad;
  const maxX = (xs.length ? Math.max(...xs) : 0) + pad;
  const minY = (ys.length ? Math.min(...ys) : 0) - pad;
  const maxY = (ys.length ? Math.max(...ys) : 0) + pad;
  const legend = legendItems(g);
  const width = Math.max(maxX - minX + 2 * MARGIN, 640);
  const legendRows = layoutLegend(legend, width - 2 * MARGIN);
  const graphHeight = maxY - minY;
  const height = HEAD + graphHeight + MARGIN + legendRows.height + MARGIN;
  // Graph coordinates to picture coordinates: centred horizontally, below the heading.
  const ox = (width - (maxX - minX)) / 2 - minX;
  const oy = HEAD - minY;
  const P = (x: number, y: number) => `${num(x + ox)},${num(y + oy)}`;

  const colors = [...new Set(g.edges.filter((e) => e.improving).map((e) => e.color))];
  const markerId = (c: string) => `arrow-${colors.indexOf(c)}`;
  const out: string[] = [];
  out.push(
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${FONT}">`,
    `<title>${escapeXml(`${g.title}: ${g.subtitle}`)}</title>`,
    `<defs>`,
    ...colors.map(
      (c) =>
        `<marker id="${markerId(c)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="4.2" markerHeight="4.2" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`,
    ),
    `</defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="26" font-size="16" font-weight="600" fill="${INK}">${escapeXml(g.title)}</text>`,
    `<text x="${MARGIN}" y="45" font-size="12" fill="#5b6672">${escapeXml(g.subtitle)}</text>`,
  );

  out.push(`<g class="moves">`);
  for (const e of g.edges) {
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (!a || !b) continue;
    const look = edgeLook(e.improving);
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const dx = (b.x - a.x) / len;
    const dy = (b.y - a.y) / len;
    const from = borderDistance(a, dx, dy);
    const to = borderDistance(b, -dx, -dy);
    if (from + to >= len) continue;
    const attrs = [
      `x1="${num(a.x + dx * from + ox)}" y1="${num(a.y + dy * from + oy)}"`,
      `x2="${num(b.x - dx * to + ox)}" y2="${num(b.y - dy * to + oy)}"`,
      `stroke="${e.color}" stroke-width="${look.width}" stroke-opacity="${look.opacity}"`,
      look.dashed ? `stroke-dasharray="${MOVE_EDGE.dash.join(" ")}"` : "",
      look.arrow ? `marker-end="url(#${markerId(e.color)})"` : "",
    ].filter(Boolean);
    out.push(
      `<line ${attrs.join(" ")}><title>${escapeXml(`${e.dm}${e.change ? ` (${e.change})` : ""}: state ${e.source} → ${e.target}${e.improving ? " (an improvement for it)" : ""}`)}</title></line>`,
    );
  }
  out.push(`</g>`, `<g class="states" text-anchor="middle" dominant-baseline="central">`);
  for (const n of g.nodes) {
    const look = nodeLook(n);
    const r = look.size / 2;
    const x = n.x + ox;
    const y = n.y + oy;
    const shape =
      look.shape === "diamond"
        ? `<polygon points="${P(n.x, n.y - r)} ${P(n.x + r, n.y)} ${P(n.x, n.y + r)} ${P(n.x - r, n.y)}"`
        : `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}"`;
    out.push(
      `<g>`,
      `<title>${escapeXml(`State ${n.id}${n.name ? `, ${n.name}` : ""} (${n.pattern}): ${n.words}`)}</title>`,
      n.selected
        ? `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r + SELECTED_HALO.padding)}" fill="${SELECTED_HALO.color}" fill-opacity="${SELECTED_HALO.opacity}"/>`
        : "",
      `${shape} fill="${look.fill}" stroke="${look.stroke}" stroke-width="${look.strokeWidth}"/>`,
      `<text x="${num(x)}" y="${num(y)}" font-size="10"${look.bold ? ' font-weight="700"' : ""} fill="${INK}">${n.id}</text>`,
      n.name ? `<text x="${num(x)}" y="${num(y + r + 9)}" font-size="8" fill="#3c4650">${escapeXml(n.name)}</text>` : "",
      `</g>`,
    );
  }
  out.push(`</g>`);

  // The legend, below the graph.
  const ly = HEAD + graphHeight + MARGIN;
  out.push(`<g class="legend" font-size="12" fill="${INK}">`);
  for (const item of legendRows.items) {
    const x = MARGIN + item.x;
    const y = ly + item.y;
    out.push(legendKey(item.item, x, y), `<text x="${num(x + KEY_W + 6)}" y="${num(y + 4)}">${escapeXml(item.item.label)}</text>`);
  }
  out.push(`</g>`, `</svg>`, ``);
  return out.filter((l) => l !== "").join("\n") + "\n";
}

/** Half the largest node plus its ring and halo: room around the outermost positions. */
const SQ_PAD = 40 / 2 + 4 + SELECTED_HALO.padding;
const KEY_W = 22;

type LegendItem = { kind: "mover"; label: string; color: string } | { kind: "solid" | "dashed"; label: string } | { kind: "sq" | "eq"; label: string };

function legendItems(g: SvgGraph): LegendItem[] {
  return [
    ...g.movers.map((m) => ({ kind: "mover" as const, label: `moves by ${m.name}`, color: m.color })),
    { kind: "solid", label: "better for the mover" },
    { kind: "dashed", label: "not better" },
    { kind: "sq", label: "today" },
    { kind: "eq", label: `${g.concept} equilibrium` },
  ];
}

/** Items left to right, wrapping to new rows; positions relative to the legend's corner. */
function layoutLegend(items: LegendItem[], width: number): { items: { item: LegendItem; x: number; y: number }[]; height: number } {
  const out: { item: LegendItem; x: number; y: number }[] = [];
  let x = 0;
  let y = 8;
  for (const item of items) {
    const w = KEY_W + 6 + item.label.length * 6.6 + 18;
    if (x > 0 && x + w > width) {
      x = 0;
      y += 20;
    }
    out.push({ item, x, y });
    x += w;
  }
  return { items: out, height: y + 10 };
}

function legendKey(item: LegendItem, x: number, y: number): string {
  switch (item.kind) {
    case "mover":
      return `<rect x="${num(x + 5)}" y="${num(y - 2)}" width="12" height="12" rx="2" fill="${item.color}"/>`;
    case "solid":
      return `<line x1="${num(x)}" y1="${num(y + 4)}" x2="${num(x + KEY_W)}" y2="${num(y + 4)}" stroke="#555" stroke-width="3"/>`;
    case "dashed":
      return `<line x1="${num(x)}" y1="${num(y + 4)}" x2="${num(x + KEY_W)}" y2="${num(y + 4)}" stroke="#777" stroke-width="1.5" stroke-dasharray="4 4"/>`;
    case "sq": {
      const look = nodeLook({ sq: true, eq: false, focus: false });
      const cx = x + KEY_W / 2;
      const cy = y + 4;
      return `<polygon points="${num(cx)},${num(cy - 7)} ${num(cx + 7)},${num(cy)} ${num(cx)},${num(cy + 7)} ${num(cx - 7)},${num(cy)}" fill="${look.fill}" stroke="${look.stroke}" stroke-width="2"/>`;
    }
    case "eq": {
      const look = nodeLook({ sq: false, eq: true, focus: false });
      return `<circle cx="${num(x + KEY_W / 2)}" cy="${num(y + 4)}" r="6" fill="${look.fill}" stroke="${look.stroke}" stroke-width="3"/>`;
    }
  }
}
