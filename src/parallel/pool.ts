/**
 * A pool of workers that takes tasks one at a time as each becomes free, over
 * any message port (Node worker threads here, Web Workers in the workbench).
 * Results come back by task index, so the order in which workers finish never
 * changes the answer.
 */
import type { Model } from "../model/compile.js";
import type { ResultMessage, Task, TaskMessage, TaskResult } from "./work.js";

/** The part of a worker the pool needs. */
export interface WorkerPort {
  post(message: TaskMessage): void;
  onMessage(handler: (message: ResultMessage) => void): void;
  onError(handler: (error: Error) => void): void;
  terminate(): void;
}

export interface RunOptions {
  /** Called as each task finishes, with its index and result. */
  onResult?: (index: number, result: TaskResult) => void;
  /** Polled after each result: true hands out no further tasks (those running finish). */
  shouldStop?: () => boolean;
}

export class WorkerPool {
  private nextId = 0;
  private waiting = new Map<number, (m: ResultMessage) => void>();
  private failure: ((e: Error) => void)[] = [];
  private loaded: Model | undefined;
  /** The first worker error: kept, because a worker that fails to start may do so before anyone waits on it. */
  private broken: Error | undefined;

  constructor(private readonly ports: WorkerPort[]) {
    for (const port of ports) {
      port.onMessage((m) => {
        const done = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        done?.(m);
      });
      port.onError((e) => {
        this.broken ??= e;
        for (const f of this.failure) f(e);
      });
    }
  }

  get size(): number {
    return this.ports.length;
  }

  /** Give every worker this model (a copy of its typed arrays) for the tasks that follow. */
  async load(model: Model): Promise<void> {
    if (this.loaded === model) return;
    if (this.broken) throw this.broken;
    const task: Task = { kind: "model", model: { ...model } };
    let fail: (e: Error) => void = () => {};
    // A worker that dies (cannot load its module, runs out of memory) answers nothing: fail instead of waiting for ever.
    const failed = new Promise<never>((_, reject) => {
      fail = reject;
    });
    this.failure.push(fail);
    try {
      await Promise.race([
        failed,
        Promise.all(
          this.ports.map(
            (port) =>
              new Promise<void>((resolve, reject) => {
                const id = this.nextId++;
                this.waiting.set(id, (m) => ("error" in m ? reject(new Error(`a worker failed: ${m.error}`)) : resolve()));
                port.post({ id, task });
              }),
          ),
        ),
      ]);
    } finally {
      this.failure = this.failure.filter((f) => f !== fail);
    }
    this.loaded = model;
  }

  /** Run every task (or until `shouldStop`); results[i] is task i's, undefined when never run. */
  run(tasks: readonly Task[], opts: RunOptions = {}): Promise<(TaskResult | undefined)[]> {
    const results: (TaskResult | undefined)[] = new Array(tasks.length);
    let next = 0;
    let running = 0;
    let stopped = false;
    return new Promise((resolve, reject) => {
      if (this.broken) return reject(this.broken);
      const fail = (e: Error) => {
        stopped = true;
        reject(e);
      };
      this.failure.push(fail);
      const finish = () => {
        this.failure = this.failure.filter((f) => f !== fail);
        resolve(results);
      };
      const feed = (port: WorkerPort) => {
        if (stopped || next >= tasks.length) {
          if (running === 0) finish();
          return;
        }
        const index = next++;
        const id = this.nextId++;
        running++;
        this.waiting.set(id, (m) => {
          running--;
          if ("error" in m) return fail(new Error(`a worker failed: ${m.error}`));
          results[index] = m.result;
          opts.onResult?.(index, m.result);
          if (opts.shouldStop?.()) stopped = true;
          feed(port);
        });
        port.post({ id, task: tasks[index] });
      };
      if (tasks.length === 0) return finish();
      for (const port of this.ports) feed(port);
    });
  }

  close(): void {
    for (const port of this.ports) port.terminate();
  }
}
