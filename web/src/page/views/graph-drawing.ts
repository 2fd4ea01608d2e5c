/**
 * The drawing of the Graph view (cytoscape.js, loaded on first use): the
 * states where the layout worker put them, named by the options taken, and
 * the moves labelled by the options they change. A large view is added a few
 * dozen elements per task, so the page is never held for long; hovering a
 * state highlights it and its moves (and its row of the text list, through
 * the hooks); the keyboard walks the states (arrow keys), explains one
 * (Enter) and zooms (+, −, 0).
 */
import type cytoscape from "cytoscape";
import { dmColor } from "../widgets/colors.js";
import { plural } from "../widgets/dom.js";
import { cytoscapeStyle } from "../../charts/graph-style.js";
import type { SvgEdge, SvgNode } from "../../charts/graph-svg.js";
import type { GraphView, ModelView } from "../../protocol/engine.js";

type Cytoscape = typeof cytoscape;
let loading: Promise<Cytoscape> | null = null;

/** cytoscape, fetched on first use (a dynamic import: a script of the same origin, as the CSP allows). */
export function loadCytoscape(): Promise<Cytoscape> {
  loading ??= import("cytoscape").then(
    (m) => m.default,
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** Up to this many moves every move is labelled; beyond, only those of the state highlighted. */
const LABEL_ALL = 60;
/** Beyond this many moves, each is drawn thinner and lighter. */
const DENSE = 400;
/** Up to this many states and moves, hovering a state fades the others. */
const FADE_MAX = 700;
/** States and moves added to the drawing per task. */
export const DRAW_CHUNK = 60;
/** Below this zoom the names cannot be read: the drawing zooms in on its centre state instead. */
const READABLE_ZOOM = 0.55;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function boundsOf(p: Float64Array): Bounds {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < p.length; i += 2) {
    x0 = Math.min(x0, p[i]);
    x1 = Math.max(x1, p[i]);
    y0 = Math.min(y0, p[i + 1]);
    y1 = Math.max(y1, p[i + 1]);
  }
  return p.length ? { x0, y0, x1, y1 } : { x0: 0, y0: 0, x1: 0, y1: 0 };
}

export interface DrawingHooks {
  select(id: number): void;
  centre(id: number): void;
  /** A state is highlighted in the drawing (null: none); `fromGraph`: by the pointer or the keyboard on the drawing. */
  highlighted(id: number | null, fromGraph: boolean): void;
}

export class GraphDrawing {
  readonly canvas: HTMLElement;
  readonly hover: HTMLElement;
  private cy: cytoscape.Core | null = null;
  private view: GraphView | null = null;
  private bounds: Bounds | null = null;
  private cursor = -1;
  private selected: number | null = null;

  constructor(
    canvas: HTMLElement,
    hover: HTMLElement,
    private readonly hooks: DrawingHooks,
  ) {
    this.canvas = canvas;
    this.hover = hover;
    canvas.addEventListener("keydown", (e) => this.key(e));
  }

  get ready(): boolean {
    return this.cy !== null;
  }

  /** Load cytoscape and make the drawing (once). */
  async load(): Promise<void> {
    if (this.cy) return;
    const make = await loadCytoscape();
    if (this.cy) return;
    this.cy = this.createCy(make);
    this.watchSize();
  }

  /** Keep the drawing fitted when the panel changes size (explanation opened, editor hidden). */
  private watchSize(): void {
    let pending = 0;
    new ResizeObserver(() => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => {
        if (!this.cy || this.canvas.clientWidth === 0) return;
        this.cy.resize();
        this.fit(false);
      });
    }).observe(this.canvas);
  }

  resize(): void {
    this.cy?.resize();
  }

  /**
   * Draw a view at the positions given, a few dozen elements per task (each part drawn before the next is added:
   * cytoscape's first drawing of an element, its style, geometry and label, is slow, so a large view added at once
   * would hold the page for a second or more). Stops when `stopped()` says so; returns how many elements it added.
   */
  async draw(
    view: GraphView,
    model: ModelView,
    positions: Float64Array,
    stopped: () => boolean,
    progress: (done: number, total: number) => void,
  ): Promise<number> {
    const cy = this.cy!;
    this.view = view;
    this.cursor = -1;
    const labelAll = view.edges.length <= LABEL_ALL;
    const elements: cytoscape.ElementDefinition[] = [
      ...view.nodes.map((n, i) => ({
        data: { id: String(n.id), label: `${n.id} · ${n.name}`, words: n.words, pattern: n.pattern, name: n.name },
        position: { x: positions[2 * i], y: positions[2 * i + 1] },
        classes: [n.eq ? "eq" : "", n.sq ? "sq" : "", n.focus ? "focus" : "", n.id === this.selected ? "selected" : ""].join(" "),
      })),
      ...view.edges.map((e, k) => ({
        data: {
          id: `e${k}`,
          source: String(e.source),
          target: String(e.target),
          color: dmColor(e.dm),
          dm: model.dms[e.dm].name,
          mover: e.dm,
          change: e.change,
          words: e.words,
        },
        classes: `${e.improving ? "imp" : "move"}${labelAll ? " labelled" : ""}${view.edges.length > DENSE ? " dense" : ""}`,
      })),
    ];
    cy.batch(() => cy.elements().remove());
    this.bounds = boundsOf(positions);
    for (let k = 0; k < elements.length; k += DRAW_CHUNK) {
      if (k > 0) await nextFrame();
      if (stopped()) return k;
      cy.batch(() => cy.add(elements.slice(k, k + DRAW_CHUNK)));
      if (k === 0) this.fit(false);
      progress(Math.min(elements.length, k + DRAW_CHUNK), elements.length);
    }
    return elements.length;
  }

  setSelected(id: number | null): void {
    this.selected = id;
    if (!this.cy) return;
    this.cy.nodes().removeClass("selected");
    if (id !== null) this.cy.getElementById(String(id)).addClass("selected");
  }

  private createCy(make: Cytoscape): cytoscape.Core {
    const cy = make({
      container: this.canvas,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      style: cytoscapeStyle(),
    });
    cy.on("tap", "node", (e) => this.hooks.select(Number(e.target.id())));
    cy.on("dbltap", "node", (e) => this.hooks.centre(Number(e.target.id())));
    cy.on("mouseover", "node", (e) => this.highlight(Number(e.target.id()), true));
    cy.on("mouseout", "node", () => this.highlight(null, true));
    cy.on("mouseover", "edge", (e) => {
      const x = e.target;
      this.hover.textContent = `${x.data("dm")}: ${x.data("words")} (${x.data("change")}), state ${x.source().id()} → ${x.target().id()}${x.hasClass("imp") ? ", an improvement for it" : ""}`;
    });
    cy.on("mouseout", "edge", () => (this.hover.textContent = ""));
    return cy;
  }

  /** Highlight a state (null: none): its neighbours and the labels of its moves stand out, the rest fades; its row of the table is marked. */
  highlight(id: number | null, fromGraph: boolean): void {
    const cy = this.cy;
    if (!cy) return;
    const all = (this.view?.edges.length ?? 0) <= LABEL_ALL;
    // Fading the rest restyles every element: on a large view that would hold the page, so only the state and its moves change.
    const fade = cy.elements().length <= FADE_MAX;
    cy.batch(() => {
      cy.elements(".faded").removeClass("faded");
      cy.nodes(".hovered").removeClass("hovered");
      if (!all) cy.edges(".labelled").removeClass("labelled");
      const n = id === null ? null : cy.getElementById(String(id));
      if (n?.nonempty()) {
        n.addClass("hovered");
        if (fade) cy.elements().not(n.closedNeighborhood()).addClass("faded");
        n.connectedEdges().addClass("labelled");
      }
    });
    const node = this.view?.nodes.find((x) => x.id === id);
    this.hover.textContent = node ? `State ${node.id}, ${node.name} (${node.pattern}): ${node.words}` : "";
    this.canvas.dataset.highlighted = id === null ? "" : String(id);
    this.hooks.highlighted(id, fromGraph);
  }

  /** The keyboard on the drawing: arrows walk the states in the table's order, Enter explains, + − 0 zoom. */
  private key(e: KeyboardEvent): void {
    const cy = this.cy;
    const nodes = this.view?.nodes ?? [];
    if (!cy || nodes.length === 0) return;
    let next = this.cursor;
    if (e.key === "ArrowRight" || e.key === "ArrowDown") next = (this.cursor + 1) % nodes.length;
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") next = this.cursor <= 0 ? nodes.length - 1 : this.cursor - 1;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = nodes.length - 1;
    else if ((e.key === "Enter" || e.key === " ") && this.cursor >= 0) {
      e.preventDefault();
      this.hooks.select(nodes[this.cursor].id);
      return;
    } else if (e.key === "+" || e.key === "=") cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    else if (e.key === "-") cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    else if (e.key === "0") this.fit(true);
    else return;
    e.preventDefault();
    if (next === this.cursor) return;
    this.cursor = next;
    const id = nodes[next].id;
    const n = cy.getElementById(String(id));
    cy.nodes(".cursor").removeClass("cursor");
    n.addClass("cursor");
    const p = n.renderedPosition();
    if (p.x < 20 || p.y < 20 || p.x > cy.width() - 20 || p.y > cy.height() - 20) cy.center(n);
    this.highlight(id, true);
    const moves = this.view!.edges.filter((x) => x.source === id || x.target === id).length;
    this.hover.textContent += `. ${plural(moves, "move")} to or from it drawn; Enter explains it.`;
  }

  /**
   * Everything in view, a handful of states not blown up to fill the screen;
   * when that makes the names too small to read (and `whole` is not asked),
   * the centre state and its surroundings at a readable size instead.
   */
  fit(whole: boolean): void {
    const cy = this.cy!;
    // From the positions the layout gave (cytoscape's own fit measures every label: a second on a large view).
    const b = this.bounds;
    if (!b) return;
    const pad = 40;
    const w = Math.max(cy.width(), 1);
    const hgt = Math.max(cy.height(), 1);
    // The names hang below the states and reach out to the sides.
    const x0 = b.x0 - 40;
    const x1 = b.x1 + 40;
    const y1 = b.y1 + 40;
    let zoom = Math.min(1.6, (w - 2 * pad) / Math.max(x1 - x0, 1), (hgt - 2 * pad) / Math.max(y1 - b.y0, 1));
    let cx = (x0 + x1) / 2;
    let cyy = (b.y0 + y1) / 2;
    if (!whole && zoom < READABLE_ZOOM) {
      const root = cy.nodes(".focus").nonempty() ? cy.nodes(".focus") : cy.nodes(".sq");
      zoom = 0.8;
      if (root.nonempty()) ({ x: cx, y: cyy } = root.first().position());
    }
    zoom = Math.max(zoom, 0.05);
    // Centred on that state, but with no empty margin where the drawing goes on past the screen's other side.
    const clamp = (pan: number, lo: number, hi: number, size: number) => {
      const min = size - pad - hi * zoom;
      const max = pad - lo * zoom;
      return min > max ? (min + max) / 2 : Math.min(max, Math.max(min, pan));
    };
    cy.viewport({ zoom, pan: { x: clamp(w / 2 - cx * zoom, x0, x1, w), y: clamp(hgt / 2 - cyy * zoom, b.y0 - 20, y1, hgt) } });
  }

  png(): Blob | null {
    return this.cy ? this.cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" }) : null;
  }

  /** The states and moves as drawn, for the SVG export. */
  svgParts(): { nodes: SvgNode[]; edges: SvgEdge[] } | null {
    const cy = this.cy;
    if (!cy) return null;
    return {
      nodes: cy.nodes().map((n) => {
        const p = n.position();
        return {
          id: Number(n.id()),
          x: p.x,
          y: p.y,
          eq: n.hasClass("eq"),
          sq: n.hasClass("sq"),
          focus: n.hasClass("focus"),
          selected: n.hasClass("selected"),
          pattern: String(n.data("pattern")),
          name: String(n.data("name")),
          words: String(n.data("words")),
        };
      }),
      edges: cy.edges().map((e) => ({
        source: Number(e.source().id()),
        target: Number(e.target().id()),
        color: dmColor(Number(e.data("mover"))),
        improving: e.hasClass("imp"),
        dm: String(e.data("dm")),
        change: String(e.data("change")),
      })),
    };
  }
}
