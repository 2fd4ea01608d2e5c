/** The editor pane beside the analysis: hide it to give the analysis the whole width, show it on a tab. */
import { byId } from "../widgets/dom.js";
import type { ScenarioEditor } from "../../editor/editor.js";
import type { Tabs } from "../widgets/tabs.js";

export class EditorPane {
  private readonly pane = byId("edit-pane");
  private readonly button = byId("toggle-editor");

  constructor(
    private readonly editor: ScenarioEditor,
    private readonly tabs: Tabs,
  ) {
    this.button.addEventListener("click", () => this.toggle());
  }

  toggle(): void {
    this.pane.hidden = !this.pane.hidden;
    this.button.setAttribute("aria-pressed", String(this.pane.hidden));
    this.button.textContent = this.pane.hidden ? "Show editor" : "Hide editor";
    if (!this.pane.hidden) this.editor.view.requestMeasure();
  }

  /** Show the pane (if hidden) on the YAML editor or the forms. */
  show(tab: "yaml" | "forms"): void {
    if (this.pane.hidden) this.toggle();
    this.tabs.select(tab);
  }
}
