/**
 * The graph of moves (cytoscape.js): states as nodes, each decision maker's
 * unilateral moves as edges in its colour; moves that leave the mover better
 * off are solid arrows, other moves thin dashed lines. Today's state is a
 * diamond, equilibria under the chosen concept have a thick green ring. The
 * whole graph is drawn up to a few hundred states; beyond that, a view: the
 * neighbourhood of a state, where play goes from today, or the equilibria.
 */
import cytoscape from "cytoscape";
import { dmColor } from "../colors.js";
import { baseName, clear, download, h, plural } from "../dom.js";
import type { Concept, GraphMode, GraphRequest, GraphView, ModelView } from "../protocol.js";

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
    root.append(
      h(
        "div",
        { class: "toolbar" },
        h("span", { class: "ctl" }, h("label", { for: "graph-mode" }, "Show"), this.mode),
        h("span", { class: "ctl depth-controls" }, h("label", { for: "graph-depth" }, "up to"), this.depth, h("label", { for: "graph-centre" }, "from state"), this.centre),
        h("span", { class: "ctl" }, h("label", { for: "graph-concept" }, "Ring equilibria under"), this.concept),
        h("span", { class: "ctl" }, h("label", { for: "graph-layout" }, "Layout"), this.layout),
        h("span", { class: "spacer" }),
        h("button", { type: "button", onclick: () => this.exportPng() }, "Export PNG"),
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
    this.draw(view, req);
  }

  private draw(view: GraphView, req: GraphRequest): void {
    const m = this.model!;
    const elements: cytoscape.ElementDefinition[] = [
      ...view.nodes.map((n) => ({
        data: { id: String(n.id), label: String(n.id), words: n.words, pattern: n.pattern },
        classes: [n.eq ? "eq" : "", n.sq ? "sq" : "", n.focus ? "focus" : "", n.id === this.selected ? "selected" : ""].join(" "),
      })),
      ...view.edges.map((e, k) => ({
        data: { id: `e${k}`, source: String(e.source), target: String(e.target), color: dmColor(e.dm), dm: m.dms[e.dm].name },
        classes: e.improving ? "imp" : "move",
      })),
    ];
    if (!this.cy) {
      this.cy = this.createCy();
      this.watchSize();
    }
    this.cy.elements().remove();
    this.cy.add(elements);
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
  }

  private createCy(): cytoscape.Core {
    const cy = cytoscape({
      container: this.canvas,
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: false,
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            "font-size": 10,
            "text-valign": "center",
            "text-halign": "center",
            color: "#1d232b",
            width: 28,
            height: 28,
            "background-color": "#e8edf3",
            "border-width": 1,
            "border-color": "#8a96a3",
          },
        },
        { selector: "node.eq", style: { "background-color": "#d6f0df", "border-width": 4, "border-color": "#1b7f46" } },
        { selector: "node.sq", style: { shape: "diamond", width: 40, height: 40, "background-color": "#fff0b8", "border-width": 3, "border-color": "#1d232b" } },
        { selector: "node.sq.eq", style: { "border-color": "#1b7f46", "border-width": 4 } },
        { selector: "node.focus", style: { "font-weight": "bold" } },
        { selector: "node.selected", style: { "underlay-color": "#c2185b", "underlay-padding": 6, "underlay-opacity": 0.35 } },
        {
          selector: "edge",
          style: {
            width: 1.2,
            "line-color": "data(color)",
            "curve-style": "bezier",
            "line-style": "dashed",
            "line-dash-pattern": [4, 4],
            opacity: 0.5,
          },
        },
        {
          selector: "edge.imp",
          style: {
            width: 2.6,
            "line-style": "solid",
            opacity: 0.95,
            "target-arrow-shape": "triangle",
            "target-arrow-color": "data(color)",
            "arrow-scale": 1.1,
          },
        },
        { selector: "node.faded, edge.faded", style: { opacity: 0.12 } },
      ],
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
      options = { name: "breadthfirst", directed: false, roots: root.length ? root : undefined, spacingFactor: n > 60 ? 0.9 : 1.3, animate: false } as cytoscape.LayoutOptions;
    } else if (name === "force") {
      options = { name: "cose", animate: false, randomize: true, nodeRepulsion: () => 9000, idealEdgeLength: () => 60, numIter: n > 150 ? 600 : 1000 } as cytoscape.LayoutOptions;
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
}
