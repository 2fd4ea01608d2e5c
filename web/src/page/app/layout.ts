/** The editor pane beside the analysis: hide it to give the analysis the whole width, show it on a tab; the line under the editor saying what Tab does. */
import { byId, clear, h } from "../widgets/dom.js";
import type { ScenarioEditor, TabMode } from "../../editor/editor.js";
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

/** The line under the YAML editor, shown while its text has the focus: what Tab does there now (the editor's accessible description too). */
export function showTabMode(mode: TabMode | null): void {
  const line = byId("editor-keys");
  const kbd = (key: string) => h("kbd", {}, key);
  line.hidden = mode === null;
  if (mode === "moves") clear(line, kbd("Tab"), " moves on · type or press ", kbd("Enter"), " to edit");
  else if (mode === "indents") clear(line, kbd("Tab"), " indents · ", kbd("Esc"), " then ", kbd("Tab"), " leaves the editor");
}
