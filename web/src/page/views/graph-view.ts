/**
 * The graph of moves (cytoscape.js): states as nodes, each decision maker's
 * unilateral moves as edges in its colour; moves that leave the mover better
 * off are solid arrows, other moves thin dashed lines. Today's state is a
 * diamond, equilibria under the chosen concept have a thick green ring. The
 * whole graph is drawn up to a few hundred states; beyond that, a view: the
 * neighbourhood of a state, where play goes from today, or the equilibria.
 *
 * cytoscape is loaded when the view first draws (a separate file of the
 * build), so the page opens without it. Export as PNG (cytoscape's picture)
 * or SVG (written from the laid-out positions, charts/graph-svg.ts).
 */
import type cytoscape from "cytoscape";
import { dmColor } from "../widgets/colors.js";
import { baseName, clear, download, h, plural } from "../widgets/dom.js";
import { cytoscapeStyle } from "../../charts/graph-style.js";
import { graphSvg } from "../../charts/graph-svg.js";
import type { Concept, GraphMode, GraphRequest, GraphView, ModelView } from "../../protocol/engine.js";

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

type LayoutName = "rings" | "layered" | "force" | "grid";
const CAP = 300;

export class GraphPanel {
  private cy: cytoscape.Core | null = null;
  private model: ModelView | null = null;
  private file = "scenario";
  private dirty = true;
  private visible = false;
  private focus = 1;
  private selected: number | null = null;
  private readonly mode: HTMLSelectElement;
  private readonly depth: HTMLSelectElement;
  private readonly concept: HTMLSelectElement;
  private readonly layout: HTMLSelectElement;
  private readonly centre: HTMLInputElement;
  private readonly info: HTMLElement;
  private readonly hover: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly pngButton: HTMLButtonElement;
  private readonly svgButton: HTMLButtonElement;
  private lastView: { view: GraphView; req: GraphRequest } | null = null;

  constructor(
    root: HTMLElement,
    private readonly hooks: { request(req: GraphRequest): Promise<GraphView>; select(id: number): void },
  ) {
    this.mode = h(
      "select",
      { id: "graph-mode", onchange: () => this.modeChanged() },
      h("option", { value: "neighbourhood" }, "Around a state"),
      h("option", { value: "today" }, "From today (improvements)"),
      h("option", { value: "equilibria" }, "Equilibria and today"),
      h("option", { value: "all" }, "All states"),
    );
    this.depth = h(
      "select",
      { id: "graph-depth", onchange: () => this.refresh() },
      h("option", { value: "1" }, "1 move"),
      h("option", { value: "2" }, "2 moves"),
      h("option", { value: "3" }, "3 moves"),
    );
    this.concept = h("select", { id: "graph-concept", onchange: () => this.refresh() });
    this.layout = h(
      "select",
      { id: "graph-layout", onchange: () => this.runLayout() },
      h("option", { value: "rings" }, "Rings around the centre"),
      h("option", { value: "layered" }, "Layered"),
      h("option", { value: "force" }, "Force-directed"),
      h("option", { value: "grid" }, "Grid"),
    );
    this.centre = h("input", {
      id: "graph-centre",
      type: "number",
      min: 1,
      class: "narrow",
      title: "Press Enter to centre the view on this state",
      onkeydown: (e: Event) => {
        if ((e as KeyboardEvent).key === "Enter") this.centreOn(Number(this.centre.value));
      },
    });
    this.info = h("span", { class: "muted", role: "status", "data-testid": "graph-info" });
    this.hover = h("div", { class: "graph-hover", "aria-live": "polite" });
    this.legend = h("div", { class: "legend" });
    this.canvas = h("div", { class: "graph-canvas", role: "img", "aria-label": "Graph of moves between states" });
    this.pngButton = h("button", { type: "button", disabled: true, title: "The drawing as a picture (PNG)", onclick: () => this.exportPng() }, "Export PNG");
    this.svgButton = h(
      "button",
      { type: "button", disabled: true, title: "The drawing as a scalable vector graphic (SVG), with the legend", onclick: () => this.exportSvg() },
      "Export SVG",
    );
    root.append(
      h(
        "div",
        { class: "toolbar" },
        h("span", { class: "ctl" }, h("label", { for: "graph-mode" }, "Show"), this.mode),
        h(
          "span",
          { class: "ctl depth-controls" },
          h("label", { for: "graph-depth" }, "up to"),
          this.depth,
          h("label", { for: "graph-centre" }, "from state"),
          this.centre,
        ),
        h("span", { class: "ctl" }, h("label", { for: "graph-concept" }, "Ring equilibria under"), this.concept),
        h("span", { class: "ctl" }, h("label", { for: "graph-layout" }, "Layout"), this.layout),
        h("span", { class: "spacer" }),
        this.pngButton,
        this.svgButton,
      ),
      h("div", { class: "graph-area" }, this.canvas, this.hover),
      h("div", { class: "graph-foot" }, this.legend, this.info),
    );
  }

  /** Keep the drawing fitted when the panel changes size (explanation opened, editor hidden). */
  private watchSize(): void {
    let pending = 0;
    new ResizeObserver(() => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => {
        if (!this.cy || !this.visible || this.canvas.clientWidth === 0) return;
        this.cy.resize();
        this.fit();
      });
    }).observe(this.canvas);
  }

  setModel(model: ModelView): void {
    const first = this.model === null || this.model.file !== model.file;
    this.model = model;
    this.file = baseName(model.file);
    const prev = this.concept.value as Concept;
    clear(this.concept, ...model.concepts.map((c) => h("option", { value: c }, c)));
    this.concept.value = model.concepts.includes(prev) ? prev : model.concepts.includes("SEQ") ? "SEQ" : model.concepts[0];
    if (first) {
      this.focus = model.statusQuo;
      this.mode.value = model.states.count <= 64 ? "all" : "neighbourhood";
      this.layout.value = this.defaultLayout();
    }
    if (this.focus > model.states.count) this.focus = model.statusQuo;
    this.centre.max = String(model.states.count);
    this.centre.value = String(this.focus);
    this.renderLegend();
    this.dirty = true;
    if (this.visible) void this.refresh();
  }

  show(): void {
    this.visible = true;
    if (this.dirty) void this.refresh();
    else this.cy?.resize();
  }

  hide(): void {
    this.visible = false;
  }

  setSelected(id: number | null): void {
    this.selected = id;
    if (!this.cy) return;
    this.cy.nodes().removeClass("selected");
    if (id !== null) this.cy.getElementById(String(id)).addClass("selected");
  }

  /** Centre the neighbourhood view on a state. */
  centreOn(id: number): void {
    if (!this.model || !(id >= 1 && id <= this.model.states.count)) return;
    this.focus = id;
    this.centre.value = String(id);
    this.mode.value = "neighbourhood";
    this.syncControls();
    void this.refresh();
  }

  private modeChanged(): void {
    this.layout.value = this.defaultLayout();
    this.syncControls();
    void this.refresh();
  }

  private defaultLayout(): LayoutName {
    const mode = this.mode.value as GraphMode;
    return mode === "neighbourhood" ? "rings" : mode === "today" ? "layered" : "force";
  }

  private syncControls(): void {
    (this.depth.parentElement as HTMLElement).hidden = this.mode.value !== "neighbourhood";
  }

  private renderLegend(): void {
    const m = this.model!;
    clear(
      this.legend,
      h("span", { class: "legend-title" }, "Moves by"),
      ...m.dms.map((dm, d) => h("span", {}, h("span", { class: "swatch", style: `background:${dmColor(d)}` }), dm.name)),
      h("span", {}, h("span", { class: "line solid" }), "better for the mover"),
      h("span", {}, h("span", { class: "line dashed" }), "not better"),
      h("span", {}, h("span", { class: "node-key sq" }), "today"),
      h("span", {}, h("span", { class: "node-key eq" }), "equilibrium"),
    );
  }

  async refresh(): Promise<void> {
    const m = this.model;
    if (!m || !this.visible) return;
    this.dirty = false;
    this.syncControls();
    const req: GraphRequest = {
      mode: this.mode.value as GraphMode,
      focus: this.focus,
      depth: Number(this.depth.value),
      concept: this.concept.value as Concept,
      cap: CAP,
    };
    let view: GraphView;
    try {
      view = await this.hooks.request(req);
    } catch (e) {
      if ((e as Error).name !== "Cancelled") this.info.textContent = `Could not draw the graph: ${(e as Error).message}`;
      this.dirty = true;
      return;
    }
    if (this.model !== m) return;
    if (!this.cy) {
      this.info.textContent = "Loading the drawing…";
      let cy: Cytoscape;
      try {
        cy = await loadCytoscape();
      } catch (e) {
        this.info.textContent = `Could not load the drawing: ${(e as Error).message}`;
        this.dirty = true;
        return;
      }
      if (this.model !== m) return;
      if (!this.cy) {
        this.cy = this.createCy(cy);
        this.watchSize();
      }
    }
    this.draw(view, req);
  }

  private draw(view: GraphView, req: GraphRequest): void {
    const m = this.model!;
    this.lastView = { view, req };
    const elements: cytoscape.ElementDefinition[] = [
      ...view.nodes.map((n) => ({
        data: { id: String(n.id), label: String(n.id), words: n.words, pattern: n.pattern },
        classes: [n.eq ? "eq" : "", n.sq ? "sq" : "", n.focus ? "focus" : "", n.id === this.selected ? "selected" : ""].join(" "),
      })),
      ...view.edges.map((e, k) => ({
        data: { id: `e${k}`, source: String(e.source), target: String(e.target), color: dmColor(e.dm), dm: m.dms[e.dm].name, mover: e.dm },
        classes: e.improving ? "imp" : "move",
      })),
    ];
    const cy = this.cy!;
    cy.elements().remove();
    cy.add(elements);
    this.runLayout();
    const improving = view.edges.filter((e) => e.improving).length;
    const what =
      req.mode === "neighbourhood"
        ? `within ${plural(req.depth, "move")} of state ${req.focus}${req.focus === m.statusQuo ? " (today)" : ""}`
        : req.mode === "today"
          ? "reachable from today by improvements"
          : req.mode === "equilibria"
            ? `: today and the ${req.concept} equilibria`
            : "";
    this.info.textContent =
      `${plural(view.nodes.length, "state")}${what && !what.startsWith(":") ? " " : ""}${what}${view.truncated ? ` (the nearest ${view.nodes.length} of ${view.total.toLocaleString("en")})` : ""}; ` +
      `${plural(view.edges.length, "move")}, ${improving.toLocaleString("en")} improving. Click a state to explain it, double-click to centre on it.`;
    this.canvas.setAttribute("aria-label", `Graph of moves: ${this.info.textContent}`);
    this.pngButton.disabled = false;
    this.svgButton.disabled = false;
  }

  private createCy(make: Cytoscape): cytoscape.Core {
    const cy = make({
      container: this.canvas,
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: false,
      style: cytoscapeStyle(),
    });
    cy.on("tap", "node", (e) => this.hooks.select(Number(e.target.id())));
    cy.on("dbltap", "node", (e) => this.centreOn(Number(e.target.id())));
    cy.on("mouseover", "node", (e) => {
      const n = e.target;
      this.hover.textContent = `State ${n.id()} (${n.data("pattern")}): ${n.data("words")}`;
      cy.elements().not(n.closedNeighborhood()).addClass("faded");
    });
    cy.on("mouseout", "node", () => {
      this.hover.textContent = "";
      cy.elements().removeClass("faded");
    });
    cy.on("mouseover", "edge", (e) => {
      const x = e.target;
      this.hover.textContent = `${x.data("dm")}: state ${x.source().id()} → ${x.target().id()}${x.hasClass("imp") ? " (an improvement for it)" : ""}`;
    });
    cy.on("mouseout", "edge", () => (this.hover.textContent = ""));
    return cy;
  }

  private runLayout(): void {
    const cy = this.cy;
    if (!cy || cy.nodes().length === 0) return;
    const name = this.layout.value as LayoutName;
    const root = cy.nodes(".focus").length ? cy.nodes(".focus") : cy.nodes(".sq");
    const n = cy.nodes().length;
    let options: cytoscape.LayoutOptions;
    if (name === "rings") {
      // Distance from the centre (in moves) decides the ring.
      const dist = new Map<string, number>();
      if (root.length) cy.elements().bfs({ roots: root, visit: (v, _e, _u, _i, depth) => void dist.set(v.id(), depth), directed: false });
      options = {
        name: "concentric",
        concentric: (node: cytoscape.NodeSingular) => 100 - (dist.get(node.id()) ?? 99),
        levelWidth: () => 1,
        minNodeSpacing: n > 80 ? 6 : 14,
        animate: false,
      } as cytoscape.LayoutOptions;
    } else if (name === "layered") {
      options = {
        name: "breadthfirst",
        directed: false,
        roots: root.length ? root : undefined,
        spacingFactor: n > 60 ? 0.9 : 1.3,
        animate: false,
      } as cytoscape.LayoutOptions;
    } else if (name === "force") {
      options = {
        name: "cose",
        animate: false,
        randomize: true,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 60,
        numIter: n > 150 ? 600 : 1000,
      } as cytoscape.LayoutOptions;
    } else options = { name: "grid", avoidOverlap: true, animate: false } as cytoscape.LayoutOptions;
    cy.layout(options).run();
    this.fit();
  }

  /** Everything in view, but a handful of states not blown up to fill the screen. */
  private fit(): void {
    const cy = this.cy!;
    cy.fit(undefined, 28);
    if (cy.zoom() > 1.6) {
      cy.zoom(1.6);
      cy.center();
    }
  }

  private exportPng(): void {
    if (!this.cy) return;
    const blob = this.cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" });
    download(`${this.file}-graph.png`, blob);
  }

  /** The drawing as SVG: the states where the layout put them, in the same looks, with a title and a legend. */
  svg(): string | null {
    const cy = this.cy;
    const m = this.model;
    if (!cy || !m || !this.lastView) return null;
    const { req } = this.lastView;
    return graphSvg({
      title: m.name,
      subtitle: `Graph of moves: ${this.info.textContent?.replace(/ Click a state.*$/, "") ?? ""}`,
      concept: req.concept,
      movers: m.dms.map((d, i) => ({ name: d.name, color: dmColor(i) })),
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
          words: String(n.data("words")),
        };
      }),
      edges: cy.edges().map((e) => ({
        source: Number(e.source().id()),
        target: Number(e.target().id()),
        color: dmColor(Number(e.data("mover"))),
        improving: e.hasClass("imp"),
        dm: String(e.data("dm")),
      })),
    });
  }

  private exportSvg(): void {
    const svg = this.svg();
    if (svg) download(`${this.file}-graph.svg`, svg, "image/svg+xml;charset=utf-8");
  }
}
