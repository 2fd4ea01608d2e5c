/**
 * The graph of moves (cytoscape.js draws it): states as nodes named by the
 * options taken, each decision maker's unilateral moves as edges in its colour
 * labelled by the options they change; moves that leave the mover better off
 * are solid arrows, other moves thin dashed lines. Today's state is a diamond,
 * equilibria under the chosen concept have a thick green ring. What is drawn:
 * the neighbourhood of a state, the tree of states reachable from one by
 * improvements, where play goes from today, the equilibria, or every state
 * (at most 300); a tick box per party shows or hides its moves.
 *
 * The layout runs in a worker of its own (workers/layout-worker.ts) with a
 * progress bar and a Cancel button, so the page never waits for it. The
 * drawing is reached by keyboard (arrow keys walk the states, Enter explains
 * one) and has a text alternative beside it (graph-list.ts), linked to it by
 * hover and focus. cytoscape is loaded when the view first draws. Export as
 * PNG (cytoscape's picture) or SVG (charts/graph-svg.ts).
 */
import { dmColor } from "../widgets/colors.js";
import { baseName, clear, download, h, plural } from "../widgets/dom.js";
import { graphSvg } from "../../charts/graph-svg.js";
import { DRAW_CHUNK, GraphDrawing } from "./graph-drawing.js";
import { Cancelled } from "../clients/engine-client.js";
import type { LayoutClient } from "../clients/layout-client.js";
import { GraphList, graphLegend } from "./graph-list.js";
import type { Concept, GraphMode, GraphRequest, GraphView, ModelView } from "../../protocol/engine.js";
import type { LayoutName } from "../../protocol/layout.js";

const CAP = 300;
/** Most moves drawn: more could not be told apart, and would slow every frame of the drawing. */
const MAX_MOVES = 1500;
/** The panel's width from which the text list is shown beside the drawing at first. */
const LIST_MIN_WIDTH = 900;
export interface GraphHooks {
  request(req: GraphRequest): Promise<GraphView>;
  select(id: number): void;
}

export class GraphPanel {
  private readonly drawing: GraphDrawing;
  private model: ModelView | null = null;
  private file = "scenario";
  private dirty = true;
  private visible = false;
  private focus = 1;
  private shown: boolean[] = [];
  private generation = 0;
  private current: { view: GraphView; req: GraphRequest } | null = null;
  private drawn: { view: GraphView; req: GraphRequest } | null = null;
  private drawingNow: { stopped: boolean; byUser: boolean } | null = null;
  /** The user showed or hid the text list (else it follows the room there is). */
  private listChosen = false;
  private readonly mode: HTMLSelectElement;
  private readonly depth: HTMLSelectElement;
  private readonly concept: HTMLSelectElement;
  private readonly layout: HTMLSelectElement;
  private readonly centre: HTMLInputElement;
  private readonly info: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly progress: HTMLElement;
  private readonly progressBar: HTMLProgressElement;
  private readonly progressText: HTMLElement;
  private readonly list: GraphList;
  private readonly listButton: HTMLButtonElement;
  private readonly exportButtons: HTMLButtonElement[];

  constructor(
    private readonly root: HTMLElement,
    private readonly hooks: GraphHooks,
    private readonly layouts: LayoutClient,
  ) {
    this.mode = h(
      "select",
      { id: "graph-mode", onchange: () => this.modeChanged() },
      h("option", { value: "neighbourhood" }, "Around a state"),
      h("option", { value: "tree" }, "Reachable from a state (tree)"),
      h("option", { value: "tree-improving" }, "Reachable by improvements (tree)"),
      h("option", { value: "today" }, "From today (improvements)"),
      h("option", { value: "equilibria" }, "Equilibria and today"),
      h("option", { value: "all" }, "All states"),
    );
    this.depth = h(
      "select",
      { id: "graph-depth", onchange: () => this.refresh() },
      ...[1, 2, 3, 4].map((d) => h("option", { value: String(d) }, plural(d, "move"))),
    );
    this.concept = h("select", { id: "graph-concept", onchange: () => this.refresh() });
    this.layout = h(
      "select",
      { id: "graph-layout", onchange: () => void this.layOut(this.generation) },
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
    const hover = h("div", { class: "graph-hover", "aria-live": "polite", "data-testid": "graph-hover" });
    this.legend = h("div", { class: "legend" });
    const canvas = h("div", {
      class: "graph-canvas",
      tabindex: 0,
      role: "application",
      "aria-roledescription": "graph of moves",
      "aria-label": "Graph of moves between states",
      "aria-keyshortcuts": "ArrowRight ArrowLeft Home Enter + - 0",
      title: "Arrow keys: go from state to state; Enter: explain it; + and −: zoom; 0: fit",
    });
    this.progressBar = h("progress", { max: 1, value: 0, "aria-label": "Layout progress" });
    this.progressText = h("span");
    this.progress = h(
      "div",
      { class: "graph-progress", hidden: true, role: "status", "data-testid": "graph-progress" },
      this.progressText,
      this.progressBar,
      h("button", { type: "button", onclick: () => this.cancel() }, "Cancel"),
    );
    this.list = new GraphList({ hover: (id) => this.drawing.highlight(id, false), select: (id) => this.hooks.select(id) });
    this.drawing = new GraphDrawing(canvas, hover, {
      select: (id) => this.hooks.select(id),
      centre: (id) => this.centreOn(id),
      highlighted: (id, fromGraph) => this.list.mark(id, fromGraph),
    });
    this.listButton = h("button", { type: "button", "aria-pressed": "true", onclick: () => this.toggleList() }, "Text list");
    this.exportButtons = [
      h("button", { type: "button", disabled: true, title: "The drawing as a picture (PNG)", onclick: () => this.exportPng() }, "Export PNG"),
      h(
        "button",
        { type: "button", disabled: true, title: "The drawing as a scalable vector graphic (SVG), with the legend", onclick: () => this.exportSvg() },
        "Export SVG",
      ),
    ];
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
        h("span", { class: "ctl" }, h("label", { for: "graph-concept" }, "Equilibria under"), this.concept),
        h("span", { class: "ctl" }, h("label", { for: "graph-layout" }, "Layout"), this.layout),
        h("span", { class: "spacer" }),
        h("button", { type: "button", title: "Everything drawn in view (key 0)", onclick: () => this.drawing.fit(true) }, "Fit"),
        this.listButton,
      ),
      h("div", { class: "graph-main" }, h("div", { class: "graph-area" }, canvas, this.progress, hover), this.list.root),
      h("div", { class: "graph-foot" }, h("div", { class: "graph-foot-row" }, this.legend, h("span", { class: "exports" }, ...this.exportButtons)), this.info),
    );
  }

  setModel(model: ModelView): void {
    const first = this.model === null || this.model.file !== model.file;
    if (first || this.shown.length !== model.dms.length) this.shown = model.dms.map(() => true);
    this.model = model;
    this.file = baseName(model.file);
    const prev = this.concept.value as Concept;
    clear(this.concept, ...model.concepts.map((c) => h("option", { value: c }, c)));
    this.concept.value = model.concepts.includes(prev) ? prev : model.concepts.includes("SEQ") ? "SEQ" : model.concepts[0];
    if (first) {
      this.focus = model.statusQuo;
      // Small models whole; larger ones around today; the largest (where a party has many moves) as the tree of the states
      // reachable from today, each once, which reads at any size.
      this.mode.value = model.states.count <= 64 ? "all" : model.states.count <= 2048 ? "neighbourhood" : "tree";
      this.depth.value = "1";
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
    if (!this.visible && !this.listChosen) {
      // The text list beside the drawing when there is room for both; otherwise behind its button.
      this.setList(this.root.clientWidth >= LIST_MIN_WIDTH);
    }
    this.visible = true;
    if (this.dirty) void this.refresh();
    else this.drawing.resize();
  }

  hide(): void {
    this.visible = false;
  }

  setSelected(id: number | null): void {
    this.drawing.setSelected(id);
  }

  /** Centre the neighbourhood (or the tree) on a state. */
  centreOn(id: number): void {
    if (!this.model || !(id >= 1 && id <= this.model.states.count)) return;
    this.focus = id;
    this.centre.value = String(id);
    if (this.mode.value !== "neighbourhood" && !this.mode.value.startsWith("tree")) {
      this.mode.value = "neighbourhood";
      this.layout.value = this.defaultLayout();
    }
    this.syncControls();
    void this.refresh();
  }

  private modeChanged(): void {
    this.layout.value = this.defaultLayout();
    this.syncControls();
    void this.refresh();
  }

  private defaultLayout(): LayoutName {
    const mode = this.mode.value;
    return mode === "neighbourhood" ? "rings" : mode === "equilibria" ? "force" : "layered";
  }

  private syncControls(): void {
    (this.depth.parentElement as HTMLElement).hidden = this.mode.value !== "neighbourhood" && !this.mode.value.startsWith("tree");
  }

  private toggleList(): void {
    this.listChosen = true;
    this.setList(this.list.root.hidden);
  }

  private setList(show: boolean): void {
    this.list.root.hidden = !show;
    this.listButton.setAttribute("aria-pressed", String(show));
    this.listButton.title = show ? "Hide the states and moves as text" : "Show the states and moves as text, beside the drawing";
  }

  private renderLegend(): void {
    clear(
      this.legend,
      ...graphLegend(this.model!, this.shown, (d, on) => {
        this.shown[d] = on;
        void this.refresh();
      }),
    );
  }

  async refresh(): Promise<void> {
    const m = this.model;
    if (!m || !this.visible) return;
    this.dirty = false;
    this.syncControls();
    const gen = ++this.generation;
    const movers = this.shown.flatMap((on, d) => (on ? [d] : []));
    const tree = this.mode.value.startsWith("tree");
    const req: GraphRequest = {
      mode: tree ? "tree" : (this.mode.value as GraphMode),
      ...(this.mode.value === "tree-improving" ? { improving: true } : {}),
      focus: this.focus,
      depth: Number(this.depth.value),
      concept: this.concept.value as Concept,
      cap: CAP,
      maxMoves: MAX_MOVES,
      ...(movers.length < m.dms.length ? { movers } : {}),
    };
    let view: GraphView;
    try {
      view = await this.hooks.request(req);
    } catch (e) {
      if ((e as Error).name !== "Cancelled") this.info.textContent = `Could not draw the graph: ${(e as Error).message}`;
      this.dirty = true;
      return;
    }
    if (gen !== this.generation || this.model !== m) return;
    if (!this.drawing.ready) {
      this.info.textContent = "Loading the drawing…";
      try {
        await this.drawing.load();
      } catch (e) {
        this.info.textContent = `Could not load the drawing: ${(e as Error).message}`;
        this.dirty = true;
        return;
      }
      if (gen !== this.generation || this.model !== m) return;
    }
    this.current = { view, req };
    await this.layOut(gen);
  }

  /** Lay the current view out in the worker (progress and Cancel shown while it runs), then draw it. */
  private async layOut(gen: number): Promise<void> {
    const cur = this.current;
    if (!cur || !this.drawing.ready) return;
    // A drawing still under way is of an older layout: it stops here.
    if (this.drawingNow) this.drawingNow.stopped = true;
    const { view } = cur;
    const index = new Map(view.nodes.map((n, i) => [n.id, i]));
    const focus = view.nodes.findIndex((n) => n.focus);
    const rootIndex =
      focus >= 0
        ? focus
        : Math.max(
            0,
            view.nodes.findIndex((n) => n.sq),
          );
    const name = this.layout.value as LayoutName;
    const started = performance.now();
    const timer = setTimeout(
      () => this.showProgress(`Laying out ${plural(view.nodes.length, "state")} (${this.layout.selectedOptions[0]?.textContent ?? name})…`, null, 1),
      150,
    );
    let positions: Float64Array;
    try {
      positions = await this.layouts.run(
        {
          layout: name,
          n: view.nodes.length,
          edges: view.edges.map((e) => [index.get(e.source)!, index.get(e.target)!]),
          root: rootIndex,
          aspect: Math.max(0.3, Math.min(4, (this.drawing.canvas.clientWidth || 800) / (this.drawing.canvas.clientHeight || 500))),
        },
        (done, total) => {
          this.progressBar.max = total;
          this.progressBar.value = done;
        },
      );
    } catch (e) {
      clearTimeout(timer);
      this.progress.hidden = true;
      if (gen !== this.generation) return;
      if (e instanceof Cancelled) {
        this.info.textContent = `Layout cancelled after ${Math.round((performance.now() - started) / 100) / 10} s: choose another layout, or a smaller view.`;
        if (this.drawn !== cur && name !== "grid") {
          // Something must be drawn for what the controls say: the grid is instant.
          this.layout.value = "grid";
          await this.layOut(gen);
        }
      } else this.info.textContent = `Could not lay the graph out: ${(e as Error).message}`;
      return;
    }
    clearTimeout(timer);
    this.progress.hidden = true;
    if (gen !== this.generation || this.current !== cur) return;
    await this.draw(cur, positions, gen);
  }

  /** The progress box over the drawing, with its Cancel button; `done` null: not known yet. */
  private showProgress(text: string, done: number | null, total: number): void {
    this.progressText.textContent = text;
    this.progressBar.max = total;
    if (done === null) this.progressBar.removeAttribute("value");
    else this.progressBar.value = done;
    this.progress.hidden = false;
  }

  /** Cancel: the layout running in its worker, or the drawing under way. */
  cancel(): void {
    if (this.layouts.busy) this.layouts.cancel();
    else if (this.drawingNow) Object.assign(this.drawingNow, { stopped: true, byUser: true });
  }

  private async draw(cur: { view: GraphView; req: GraphRequest }, positions: Float64Array, gen: number): Promise<void> {
    const m = this.model!;
    const { view, req } = cur;
    this.drawn = cur;
    const stop = { stopped: false, byUser: false };
    this.drawingNow = stop;
    const total = view.nodes.length + view.edges.length;
    if (total > DRAW_CHUNK * 2) this.showProgress(`Drawing ${plural(view.nodes.length, "state")} and ${plural(view.edges.length, "move")}…`, 0, total);
    const added = await this.drawing.draw(
      view,
      m,
      positions,
      () => gen !== this.generation || stop.stopped,
      (done) => (this.progressBar.value = done),
    );
    if (this.drawingNow === stop) {
      this.drawingNow = null;
      this.progress.hidden = true;
    }
    if (gen !== this.generation || (stop.stopped && !stop.byUser)) return;
    this.list.render(view, m);
    const improving = view.edges.filter((e) => e.improving).length;
    const hidden = m.dms.filter((_, d) => !this.shown[d]).map((d) => d.name);
    const what =
      req.mode === "neighbourhood"
        ? ` within ${plural(req.depth, "move")} of state ${req.focus}${req.focus === m.statusQuo ? " (today)" : ""}`
        : req.mode === "tree"
          ? ` reachable from state ${req.focus}${req.focus === m.statusQuo ? " (today)" : ""} by up to ${plural(req.depth, req.improving ? "improvement" : "move")}, each state once`
          : req.mode === "today"
            ? " reachable from today by improvements"
            : req.mode === "equilibria"
              ? `: today and the ${req.concept} equilibria`
              : "";
    this.info.textContent =
      `${plural(view.nodes.length, "state")}${what}${view.truncated ? ` (the nearest ${view.nodes.length} of ${view.total.toLocaleString("en")})` : ""}; ` +
      `${plural(view.edges.length, "move")}${view.movesTotal > view.edges.length ? ` (of ${view.movesTotal.toLocaleString("en")}: the improving ones first)` : ""}, ${improving.toLocaleString("en")} improving${hidden.length ? `; moves of ${hidden.join(", ")} hidden` : ""}. ` +
      "Click a state to explain it, double-click to centre on it; Tab to the drawing and use the arrow keys.";
    if (added < total)
      this.info.textContent = `Drawing stopped: ${added.toLocaleString("en")} of ${total.toLocaleString("en")} states and moves drawn. ${this.info.textContent}`;
    this.drawing.canvas.setAttribute("aria-label", `Graph of moves: ${this.info.textContent} The table beside it lists the same states and moves.`);
    for (const b of this.exportButtons) b.disabled = false;
  }

  private exportPng(): void {
    const blob = this.drawing.png();
    if (blob) download(`${this.file}-graph.png`, blob);
  }

  /** The drawing as SVG: the states where the layout put them, in the same looks, with a title and a legend. */
  svg(): string | null {
    const m = this.model;
    const parts = this.drawing.svgParts();
    if (!parts || !m || !this.drawn) return null;
    return graphSvg({
      title: m.name,
      subtitle: `Graph of moves: ${this.info.textContent?.replace(/ Click a state.*$/, "") ?? ""}`,
      concept: this.drawn.req.concept,
      movers: m.dms.map((d, i) => ({ name: d.name, color: dmColor(i) })),
      ...parts,
    });
  }

  private exportSvg(): void {
    const svg = this.svg();
    if (svg) download(`${this.file}-graph.svg`, svg, "image/svg+xml;charset=utf-8");
  }
}
