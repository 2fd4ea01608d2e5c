/**
 * The Deeper analyses view: robustness to uncertain preferences, inverse
 * GMCR, coalitions, and the command line's extensions (foresight,
 * hypergames, unknown preferences), each under its own tab. Each runs in the worker; the
 * long ones report progress and stop early on request.
 */
import { h } from "../widgets/dom.js";
import type { ModelView } from "../../protocol/engine.js";
import { Tabs } from "../widgets/tabs.js";
import { CoalitionsPanel } from "./coalitions-view.js";
import { ForesightPanel, HypergamePanel, UnknownPanel } from "./extensions-view.js";
import { InversePanel } from "./inverse-view.js";
import { RobustnessPanel } from "./robustness-view.js";
import type { RunFn } from "./run-control.js";

type Sub = "robustness" | "inverse" | "coalitions" | "foresight" | "hypergame" | "unknown";
type Part = RobustnessPanel | InversePanel | CoalitionsPanel | ForesightPanel | HypergamePanel | UnknownPanel;

export class DeeperPanel {
  private readonly robustness: RobustnessPanel;
  private readonly inverse: InversePanel;
  private readonly coalitions: CoalitionsPanel;
  private readonly foresight: ForesightPanel;
  private readonly hypergame: HypergamePanel;
  private readonly unknown: UnknownPanel;
  private readonly tabs: Tabs;
  private visible = false;

  constructor(root: HTMLElement, hooks: { run: RunFn; select(id: number): void; selected(): number | null; read(path: string): Promise<string> }) {
    const tab = (name: Sub, label: string) =>
      h(
        "button",
        {
          type: "button",
          role: "tab",
          id: `tab-deeper-${name}`,
          "data-tab": name,
          "aria-controls": `deeper-${name}`,
          "aria-selected": name === "robustness" ? "true" : "false",
        },
        label,
      );
    const panel = (name: Sub) =>
      h("div", { id: `deeper-${name}`, role: "tabpanel", "aria-labelledby": `tab-deeper-${name}`, class: "panel scroll", hidden: name !== "robustness" });
    const list = h(
      "div",
      { role: "tablist", "aria-label": "Deeper analyses", class: "tabs sub-tabs", id: "deeper-tabs" },
      tab("robustness", "Robustness"),
      tab("inverse", "Inverse GMCR"),
      tab("coalitions", "Coalitions"),
      tab("foresight", "Foresight"),
      tab("hypergame", "Hypergame"),
      tab("unknown", "Unknown preferences"),
    );
    const panels = {
      robustness: panel("robustness"),
      inverse: panel("inverse"),
      coalitions: panel("coalitions"),
      foresight: panel("foresight"),
      hypergame: panel("hypergame"),
      unknown: panel("unknown"),
    };
    root.append(h("div", { class: "pane-head sub-head" }, list), ...Object.values(panels));
    this.robustness = new RobustnessPanel(panels.robustness, hooks);
    this.inverse = new InversePanel(panels.inverse, hooks);
    this.coalitions = new CoalitionsPanel(panels.coalitions, hooks);
    this.foresight = new ForesightPanel(panels.foresight, hooks);
    this.hypergame = new HypergamePanel(panels.hypergame, hooks, hooks.read);
    this.unknown = new UnknownPanel(panels.unknown, hooks);
    this.tabs = new Tabs(list, (name, previous) => {
      if (previous) this.part(previous as Sub).hide();
      if (this.visible) this.part(name as Sub).show();
    });
  }

  private part(name: Sub): Part {
    return this.parts()[name];
  }

  private parts(): Record<Sub, Part> {
    const { robustness, inverse, coalitions, foresight, hypergame, unknown } = this;
    return { robustness, inverse, coalitions, foresight, hypergame, unknown };
  }

  setModel(m: ModelView): void {
    this.robustness.setModel(m);
    this.inverse.setModel(m);
    this.coalitions.setModel(m);
    this.foresight.setModel(m);
    this.hypergame.setModel(m);
    this.unknown.setModel(m);
  }

  /** The folder's files, for a hypergame's perception taken from another scenario. */
  setFiles(files: string[], current: string | null): void {
    this.hypergame.setFiles(files, current);
  }

  setSelected(id: number | null): void {
    this.coalitions.setSelected(id);
  }

  show(): void {
    this.visible = true;
    this.part(this.tabs.current as Sub).show();
  }

  hide(): void {
    this.visible = false;
    this.part(this.tabs.current as Sub).hide();
  }

  /** Open one of the analyses (the view itself is opened by the caller). */
  open(name: Sub): void {
    this.tabs.select(name);
  }

  /** The coalitions at a state, shown when the view is (the caller opens it). */
  showCoalitions(id: number): void {
    this.coalitions.want(id);
    this.open("coalitions");
  }

  searchInverse(id: number): void {
    this.open("inverse");
    this.inverse.searchFor(id);
  }
}
