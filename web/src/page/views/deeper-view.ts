/**
 * The Deeper analyses view: robustness to uncertain preferences, inverse
 * GMCR and coalitions, each under its own tab. Each runs in the worker; the
 * long ones report progress and stop early on request.
 */
import { h } from "../widgets/dom.js";
import type { ModelView } from "../../protocol/engine.js";
import { Tabs } from "../widgets/tabs.js";
import { CoalitionsPanel } from "./coalitions-view.js";
import { InversePanel } from "./inverse-view.js";
import { RobustnessPanel } from "./robustness-view.js";
import type { RunFn } from "./run-control.js";

type Sub = "robustness" | "inverse" | "coalitions";

export class DeeperPanel {
  private readonly robustness: RobustnessPanel;
  private readonly inverse: InversePanel;
  private readonly coalitions: CoalitionsPanel;
  private readonly tabs: Tabs;
  private visible = false;

  constructor(root: HTMLElement, hooks: { run: RunFn; select(id: number): void; selected(): number | null }) {
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
    );
    const panels = { robustness: panel("robustness"), inverse: panel("inverse"), coalitions: panel("coalitions") };
    root.append(h("div", { class: "pane-head sub-head" }, list), panels.robustness, panels.inverse, panels.coalitions);
    this.robustness = new RobustnessPanel(panels.robustness, hooks);
    this.inverse = new InversePanel(panels.inverse, hooks);
    this.coalitions = new CoalitionsPanel(panels.coalitions, hooks);
    this.tabs = new Tabs(list, (name, previous) => {
      if (previous) this.part(previous as Sub).hide();
      if (this.visible) this.part(name as Sub).show();
    });
  }

  private part(name: Sub): RobustnessPanel | InversePanel | CoalitionsPanel {
    return name === "robustness" ? this.robustness : name === "inverse" ? this.inverse : this.coalitions;
  }

  setModel(m: ModelView): void {
    this.robustness.setModel(m);
    this.inverse.setModel(m);
    this.coalitions.setModel(m);
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
