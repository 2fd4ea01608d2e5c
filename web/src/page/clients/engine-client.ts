/**
 * The page's side of the engine worker: requests as promises, progress as
 * events, stop (a long request ends early with its result so far) and cancel
 * (terminate the worker, start a fresh one). After a restart the last
 * scenario is loaded again before the next request that needs it.
 */
import type { FromWorker, Progress, Request, ResultOf, ToWorker } from "../../protocol/engine.js";

export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

export interface Busy extends Progress {
  /** When the engine became busy (ms since the epoch). */
  since: number;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: unknown): void;
  request: Request;
  quiet: boolean;
  sentAt: number;
  onProgress?: (p: Progress) => void;
}

/** A request on its way: its answer, and a way to ask a long one to stop with what it has. */
export interface Job<T> {
  readonly promise: Promise<T>;
  stop(): void;
}

export class EngineClient {
  private worker!: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private lastLoad?: Extract<Request, { type: "load" }>;
  private needsReload = false;
  private busySince = 0;
  onBusy: (busy: Busy | null) => void = () => {};

  constructor(private readonly create: () => Worker) {
    this.start();
  }

  private start(): void {
    this.worker = this.create();
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.failAll(new Error(`the engine stopped: ${e.message || "unknown error"}`));
      this.restartWorker();
    };
  }

  private receive(msg: FromWorker): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.kind === "progress") {
      const progress: Progress = { phase: msg.phase, ...(msg.total !== undefined ? { done: msg.done, total: msg.total } : {}) };
      p.onProgress?.(progress);
      if (!p.quiet) this.onBusy({ ...progress, since: this.busySince });
      return;
    }
    this.pending.delete(msg.id);
    if (msg.kind === "done") p.resolve(msg.result);
    else p.reject(new Error(msg.message));
    this.updateIdle();
  }

  private updateIdle(): void {
    if (![...this.pending.values()].some((p) => !p.quiet)) this.onBusy(null);
  }

  /** Send a request; `quiet` ones (the reload after a restart) show no progress. */
  request<R extends Request>(request: R, quiet = false): Promise<ResultOf[R["type"]]> {
    return this.run(request, { quiet }).promise;
  }

  /** Send a request, with its own progress callback and a way to stop it early (long requests). */
  run<R extends Request>(request: R, opts: { quiet?: boolean; onProgress?: (p: Progress) => void } = {}): Job<ResultOf[R["type"]]> {
    const quiet = opts.quiet ?? false;
    if (request.type === "load") {
      this.lastLoad = request as Extract<Request, { type: "load" }>;
      this.needsReload = false;
    } else if (this.needsReload && this.lastLoad) {
      this.needsReload = false;
      void this.request(this.lastLoad, true).catch(() => undefined);
    }
    const id = this.nextId++;
    const now = Date.now();
    if (!quiet && ![...this.pending.values()].some((p) => !p.quiet)) this.busySince = now;
    const promise = new Promise<ResultOf[R["type"]]>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        request,
        quiet,
        sentAt: now,
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      });
      this.worker.postMessage({ id, request } satisfies ToWorker);
    });
    return {
      promise,
      stop: () => {
        if (this.pending.has(id)) this.worker.postMessage({ stop: id } satisfies ToWorker);
      },
    };
  }

  /** Whether a load has been waiting for its answer for longer than `ms` (worth abandoning for a newer text). */
  loadRunningLongerThan(ms: number): boolean {
    const now = Date.now();
    return [...this.pending.values()].some((p) => p.request.type === "load" && now - p.sentAt > ms);
  }

  /** Stop whatever the engine is doing: every pending request rejects with Cancelled. */
  cancel(): void {
    this.failAll(new Cancelled());
    this.restartWorker();
    this.onBusy(null);
  }

  private restartWorker(): void {
    this.worker.terminate();
    this.start();
    this.needsReload = true;
  }

  private failAll(e: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(e);
  }
}
