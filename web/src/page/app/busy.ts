/**
 * The top bar's indicator of long work: what the engine is doing, how far it
 * is (when it knows) and for how long, with Cancel. Shown only after 0.3 s,
 * so quick answers do not flicker.
 */
import { byId } from "../widgets/dom.js";
import type { Busy, EngineClient } from "../clients/engine-client.js";

export class BusyIndicator {
  private timer: number | undefined;
  private current: Busy | null = null;
  private readonly el = byId("busy");
  private readonly text = byId("busy-text");
  private readonly bar = byId<HTMLProgressElement>("busy-progress");

  constructor(engine: EngineClient) {
    engine.onBusy = (busy) => this.update(busy);
    byId("cancel-btn").addEventListener("click", () => engine.cancel());
  }

  /** Whether the indicator is on screen (Escape then cancels). */
  get shown(): boolean {
    return this.current !== null && !this.el.hidden;
  }

  private update(busy: Busy | null): void {
    this.current = busy;
    window.clearInterval(this.timer);
    if (!busy) {
      this.el.hidden = true;
      return;
    }
    const tick = () => {
      const b = this.current;
      if (!b) return;
      const s = (Date.now() - b.since) / 1000;
      this.el.hidden = s < 0.3;
      this.text.textContent = `${capital(b.phase)}… ${s.toFixed(1)} s`;
      this.text.title = this.text.textContent;
      const known = b.total !== undefined && b.total > 0;
      this.bar.hidden = !known;
      if (known) {
        this.bar.max = b.total!;
        this.bar.value = b.done ?? 0;
        this.bar.textContent = `${Math.round(((b.done ?? 0) / b.total!) * 100)}%`;
      }
    };
    tick();
    this.timer = window.setInterval(tick, 200);
  }
}

export function capital(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
