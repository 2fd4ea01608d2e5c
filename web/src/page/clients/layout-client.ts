/**
 * The page's side of the layout worker: one layout at a time, as a promise
 * with progress; a new layout or cancel() terminates the running one (a
 * force-directed layout does not stop between ticks to read messages), and
 * the next layout starts a fresh worker.
 */
import type { LayoutInput, LayoutReply, Positions } from "../../protocol/layout.js";
import { Cancelled } from "./engine-client.js";

export class LayoutClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private running: { id: number; reject(e: unknown): void } | null = null;

  constructor(private readonly create: () => Worker) {}

  get busy(): boolean {
    return this.running !== null;
  }

  run(input: LayoutInput, onProgress: (done: number, total: number) => void): Promise<Positions> {
    this.cancel();
    const worker = (this.worker ??= this.create());
    const id = this.nextId++;
    return new Promise<Positions>((resolve, reject) => {
      this.running = { id, reject };
      worker.onmessage = (e: MessageEvent<LayoutReply>) => {
        const msg = e.data;
        if (msg.id !== id) return;
        if (msg.kind === "progress") return onProgress(msg.done, msg.total);
        this.running = null;
        if (msg.kind === "done") resolve(msg.positions);
        else reject(new Error(msg.message));
      };
      worker.onerror = (e) => {
        e.preventDefault();
        this.stop();
        reject(new Error(`the layout stopped: ${e.message || "unknown error"}`));
      };
      worker.postMessage({ id, input });
    });
  }

  /** Stop the running layout (its promise rejects with Cancelled). */
  cancel(): void {
    const r = this.running;
    if (!r) return;
    this.stop();
    r.reject(new Cancelled());
  }

  private stop(): void {
    this.running = null;
    this.worker?.terminate();
    this.worker = null;
  }
}
