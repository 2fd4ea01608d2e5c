/**
 * How the graph of moves looks, in one place: the cytoscape stylesheet of
 * the Graph view and the SVG export are both made from these, so the export
 * looks like the screen.
 */
import type cytoscape from "cytoscape";

export const INK = "#1d232b";

export const NODE = { size: 28, fill: "#e8edf3", stroke: "#8a96a3", strokeWidth: 1, fontSize: 10 };
export const EQ_NODE = { fill: "#d6f0df", stroke: "#1b7f46", strokeWidth: 4 };
export const SQ_NODE = { size: 40, fill: "#fff0b8", stroke: INK, strokeWidth: 3 };
export const SELECTED_HALO = { color: "#c2185b", padding: 6, opacity: 0.35 };
export const HOVER_HALO = { color: "#0b62c4", padding: 8, opacity: 0.3 };
export const MOVE_EDGE = { width: 1.2, dash: [4, 4], opacity: 0.5 };
export const IMPROVING_EDGE = { width: 2.6, opacity: 0.95, arrowScale: 1.1 };

export interface NodeLook {
  shape: "ellipse" | "diamond";
  size: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
  bold: boolean;
}

/** A state's look: today is a diamond, equilibria (under the concept shown) have a thick green ring. */
export function nodeLook(n: { eq: boolean; sq: boolean; focus: boolean }): NodeLook {
  const look: NodeLook = { shape: "ellipse", size: NODE.size, fill: NODE.fill, stroke: NODE.stroke, strokeWidth: NODE.strokeWidth, bold: n.focus };
  if (n.eq) Object.assign(look, EQ_NODE);
  if (n.sq) Object.assign(look, { shape: "diamond", size: SQ_NODE.size, fill: SQ_NODE.fill, stroke: SQ_NODE.stroke, strokeWidth: SQ_NODE.strokeWidth });
  if (n.sq && n.eq) Object.assign(look, { stroke: EQ_NODE.stroke, strokeWidth: EQ_NODE.strokeWidth });
  return look;
}

/** A move's look: solid arrows for moves that leave the mover better off, thin dashed lines for the others. */
export function edgeLook(improving: boolean): { width: number; dashed: boolean; opacity: number; arrow: boolean } {
  return improving
    ? { width: IMPROVING_EDGE.width, dashed: false, opacity: IMPROVING_EDGE.opacity, arrow: true }
    : { width: MOVE_EDGE.width, dashed: true, opacity: MOVE_EDGE.opacity, arrow: false };
}

export function cytoscapeStyle(): cytoscape.StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        // The number and the stable name under the state; hidden when zoomed out too far to read rather than drawn as specks.
        label: "data(label)",
        "font-size": NODE.fontSize,
        "text-valign": "bottom",
        "text-halign": "center",
        "text-margin-y": 3,
        "text-wrap": "wrap",
        "text-max-width": "118px",
        "min-zoomed-font-size": 7,
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.75,
        "text-background-padding": "1px",
        color: INK,
        width: NODE.size,
        height: NODE.size,
        "background-color": NODE.fill,
        "border-width": NODE.strokeWidth,
        "border-color": NODE.stroke,
      },
    },
    { selector: "node.eq", style: { "background-color": EQ_NODE.fill, "border-width": EQ_NODE.strokeWidth, "border-color": EQ_NODE.stroke } },
    {
      selector: "node.sq",
      style: {
        shape: "diamond",
        width: SQ_NODE.size,
        height: SQ_NODE.size,
        "background-color": SQ_NODE.fill,
        "border-width": SQ_NODE.strokeWidth,
        "border-color": SQ_NODE.stroke,
      },
    },
    { selector: "node.sq.eq", style: { "border-color": EQ_NODE.stroke, "border-width": EQ_NODE.strokeWidth } },
    { selector: "node.focus", style: { "font-weight": "bold" } },
    {
      selector: "node.selected",
      style: { "underlay-color": SELECTED_HALO.color, "underlay-padding": SELECTED_HALO.padding, "underlay-opacity": SELECTED_HALO.opacity },
    },
    {
      selector: "edge",
      style: {
        width: MOVE_EDGE.width,
        "line-color": "data(color)",
        "curve-style": "straight",
        "line-style": "dashed",
        "line-dash-pattern": MOVE_EDGE.dash,
        opacity: MOVE_EDGE.opacity,
      },
    },
    {
      selector: "edge.imp",
      style: {
        width: IMPROVING_EDGE.width,
        "line-style": "solid",
        opacity: IMPROVING_EDGE.opacity,
        "target-arrow-shape": "triangle",
        "target-arrow-color": "data(color)",
        "arrow-scale": IMPROVING_EDGE.arrowScale,
      },
    },
    // A view with many moves: each thinner and lighter, so that the states and the moves highlighted stand out.
    { selector: "edge.dense", style: { width: 0.8, opacity: 0.28 } },
    { selector: "edge.dense.imp", style: { width: 1.3, opacity: 0.45, "arrow-scale": 0.8 } },
    {
      // A move's label: the options it changes, along the line; on every move of a small view, else on those of the state highlighted.
      selector: "edge.labelled",
      style: {
        label: "data(change)",
        "font-size": 8,
        color: INK,
        "text-rotation": "autorotate",
        "min-zoomed-font-size": 7,
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
        "text-background-padding": "1px",
        opacity: 1,
        "z-index": 5,
      },
    },
    { selector: "edge.dense.labelled", style: { width: 2.2 } },
    { selector: "node.faded, edge.faded", style: { opacity: 0.12 } },
    { selector: "node.hovered", style: { "underlay-color": HOVER_HALO.color, "underlay-padding": HOVER_HALO.padding, "underlay-opacity": HOVER_HALO.opacity } },
    { selector: "node.cursor", style: { "overlay-color": INK, "overlay-padding": 7, "overlay-opacity": 0.18 } },
  ];
}
