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
    this.doc.selected = null;
    this.panel.hidden = true;
    for (const v of this.views) v.setSelected(null);
  }

  /** A new version loaded: explain the selected state again (or close when it is gone). */
  refresh(stateCount: number): void {
    const id = this.doc.selected;
    if (id === null) return;
    if (id > stateCount) this.close();
    else void this.select(id, false);
  }
}
