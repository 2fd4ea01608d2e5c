/**
 * The clicked state: marked in the table, the graph and the coalitions view,
 * and explained in the side panel (why it is stable or not, for each party).
 */
import { byId } from "../widgets/dom.js";
import { Cancelled, type EngineClient } from "../clients/engine-client.js";
import type { ExplainView } from "../../protocol/engine.js";
import type { DocState } from "./doc.js";

export interface SelectionView {
  setSelected(id: number | null): void;
}

export interface ExplainTarget {
  loading(id: number): void;
  show(x: ExplainView): void;
  failed(message: string): void;
}

export class Selection {
  private readonly panel = byId("explain");
  /** Where focus was when the panel opened (a row of the table, a node of the graph): it goes back there on close. */
  private returnTo: HTMLElement | null = null;

  constructor(
    private readonly engine: EngineClient,
    private readonly doc: DocState,
    private readonly views: SelectionView[],
    private readonly explain: ExplainTarget,
  ) {}

  get open(): boolean {
    return !this.panel.hidden;
  }

  async select(id: number, focusPanel = true): Promise<void> {
    this.doc.selected = id;
    for (const v of this.views) v.setSelected(id);
    const wasHidden = this.panel.hidden;
    if (wasHidden) {
      const from = document.activeElement;
      this.returnTo = from instanceof HTMLElement && from !== document.body && !this.panel.contains(from) ? from : null;
    }
    this.panel.hidden = false;
    this.explain.loading(id);
    try {
      const x = await this.engine.request({ type: "explain", state: id });
      if (this.doc.selected !== id) return;
      this.explain.show(x);
      if (focusPanel && wasHidden) this.panel.querySelector<HTMLElement>("button")?.focus({ preventScroll: true });
    } catch (e) {
      if (!(e instanceof Cancelled)) this.explain.failed((e as Error).message);
    }
  }

  close(): void {
    const id = this.doc.selected;
    const focusInPanel = this.panel.contains(document.activeElement);
    this.doc.selected = null;
    this.panel.hidden = true;
    for (const v of this.views) v.setSelected(null);
    // Hiding the panel would drop focus to the page's body: give it back to what opened the panel (its row, if redrawn since).
    if (focusInPanel || document.activeElement === document.body) {
      const back = this.returnTo?.isConnected ? this.returnTo : id !== null ? document.querySelector<HTMLElement>(`tr[data-state="${id}"]`) : null;
      back?.focus({ preventScroll: true });
    }
    this.returnTo = null;
  }

  /** A new version loaded: explain the selected state again (or close when it is gone). */
  refresh(stateCount: number): void {
    const id = this.doc.selected;
    if (id === null) return;
    if (id > stateCount) this.close();
    else void this.select(id, false);
  }
}
