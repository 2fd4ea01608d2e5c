/**
 * The page's side of the ingest worker: started on first use, one request at
 * a time as a promise. An error in the worker (it could not load the language
 * model) fails the waiting requests and the next request starts a new worker.
 */
import type { GazetteerCheck, GazetteerInfo, IngestReply, IngestRequest, IngestView, PlacedIssue, UserGazetteer } from "../../protocol/ingest.js";

export class IngestFailed extends Error {
  constructor(
    message: string,
    readonly code?: string,
    /** The file at fault (a gazetteer) and its problems with their places. */
    readonly file?: string,
    readonly issues?: PlacedIssue[],
  ) {
    super(message);
    this.name = "IngestFailed";
  }
}

export class IngestClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: IngestReply & { ok: true }): void; reject(e: Error): void }>();

  constructor(private readonly create: () => Worker) {}

  /** Whether the worker (and its language model) is loaded or loading. */
  get started(): boolean {
    return this.worker !== null;
  }

  async ingest(req: Omit<IngestRequest, "id">): Promise<IngestView> {
    const reply = await this.send((id) => ({ id, ...req }) satisfies IngestRequest);
    if (!("view" in reply)) throw new IngestFailed("the article reader answered something else");
    return reply.view;
  }

  /** Read a user gazetteer (on top of the built-in one): what it adds, or an IngestFailed with its problems. */
  async checkGazetteer(check: UserGazetteer): Promise<GazetteerInfo> {
    const reply = await this.send((id) => ({ id, check }) satisfies GazetteerCheck);
    if (!("gazetteer" in reply)) throw new IngestFailed("the article reader answered something else");
    return reply.gazetteer;
  }

  private send(message: (id: number) => IngestRequest | GazetteerCheck): Promise<IngestReply & { ok: true }> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(message(id));
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
      if (msg.ok) p.resolve(msg);
      else p.reject(new IngestFailed(msg.message, msg.code, msg.file, msg.issues));
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
