/**
 * The page's side of the ingest worker: started on first use, one request at
 * a time as a promise. An error in the worker (it could not load the language
 * model) fails the waiting requests and the next request starts a new worker.
 */
import type { IngestReply, IngestRequest, IngestView } from "./ingest-protocol.js";

export class IngestFailed extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "IngestFailed";
  }
}

export class IngestClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: IngestView): void; reject(e: Error): void }>();

  constructor(private readonly create: () => Worker) {}

  /** Whether the worker (and its language model) is loaded or loading. */
  get started(): boolean {
    return this.worker !== null;
  }

  ingest(req: Omit<IngestRequest, "id">): Promise<IngestView> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<IngestView>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...req } satisfies IngestRequest);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = this.create();
    w.onmessage = (e: MessageEvent<IngestReply>) => {
      const msg = e.data;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.view);
      else p.reject(new IngestFailed(msg.message, msg.code));
    };
    w.onerror = (e) => {
      e.preventDefault();
      const all = [...this.pending.values()];
      this.pending.clear();
      w.terminate();
      this.worker = null;
      for (const p of all) p.reject(new IngestFailed(`the article reader stopped: ${e.message || "unknown error"}`));
    };
    this.worker = w;
    return w;
  }
}
