/**
 * The worker's loop, apart from the worker so it can be tested: requests are
 * answered in the order they arrive; a long one runs in the background, in
 * slices of SLICE_MS, and the requests that arrive meanwhile are answered
 * between its slices (one long request at a time: the next waits for it).
 * A `stop` message makes the running long request finish with what it has.
 * A request whose work runs elsewhere (a pool of workers) yields a `wait`
 * promise: the loop then sleeps until it settles or a message arrives; a
 * short one (the load of a large model) holds back the requests after it.
 */
import { LONG_REQUESTS, type FromWorker, type Request, type ToWorker } from "../../protocol/engine.js";
import type { Step } from "./deeper.js";
import type { EngineSession } from "./session.js";

const SLICE_MS = 40;

interface Job {
  id: number;
  run: Generator<Step, unknown>;
  stop: boolean;
  lastProgress: number;
  /** Set while the job waits for work done elsewhere. */
  waiting: Promise<void> | null;
}

export class Scheduler {
  private readonly queue: { id: number; request: Request }[] = [];
  private background: Job | null = null;
  /** A short request waiting for work done elsewhere (a large load on the pool): later requests wait for it. */
  private foreground: Job | null = null;
  /** Stop requests for jobs not started yet. */
  private readonly stopped = new Set<number>();
  private looping = false;
  private running: Promise<void> | null = null;
  /** Wakes the sleeping loop (a message came in, or a waiting job can go on). */
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly session: EngineSession,
    private readonly post: (msg: FromWorker) => void,
    /** Let messages in: resolves after the event loop has had a turn. */
    private readonly pause: () => Promise<void>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  receive(msg: ToWorker): void {
    if ("stop" in msg) {
      if (this.background?.id === msg.stop) this.background.stop = true;
      else this.stopped.add(msg.stop);
      this.wake();
      return;
    }
    this.queue.push(msg);
    this.wake();
    void this.pump();
  }

  private wake(): void {
    const w = this.wakeUp;
    this.wakeUp = null;
    w?.();
  }

  /** Work through the queue; resolves when there is nothing left to do. */
  pump(): Promise<void> {
    if (this.running) return this.running;
    const loop = this.loop();
    if (this.looping) this.running = loop; // still at work after its first pause
    return loop;
  }

  private async loop(): Promise<void> {
    this.looping = true;
    try {
      while (this.queue.length || this.background || this.foreground) {
        if (this.foreground) {
          if (this.foreground.waiting) await new Promise<void>((resolve) => (this.wakeUp = resolve));
          else if (this.finish(this.foreground, Infinity)) this.foreground = null;
          continue;
        }
        const next = this.queue[0];
        if (next && !(this.background && LONG_REQUESTS.includes(next.request.type))) {
          this.queue.shift();
          const job = this.start(next.id, next.request);
          if (LONG_REQUESTS.includes(next.request.type)) this.background = job;
          else if (!this.finish(job, Infinity)) this.foreground = job; // it waits: answer it before the next
          continue;
        }
        if (this.background?.waiting) {
          await new Promise<void>((resolve) => (this.wakeUp = resolve));
          continue;
        }
        if (this.background && this.finish(this.background, SLICE_MS)) this.background = null;
        await this.pause();
      }
    } finally {
      this.looping = false;
      this.running = null;
    }
  }

  private start(id: number, request: Request): Job {
    const job: Job = { id, run: undefined as unknown as Job["run"], stop: this.stopped.delete(id), lastProgress: 0, waiting: null };
    job.run = this.session.steps(request, { shouldStop: () => job.stop });
    return job;
  }

  /** Run the job for up to `ms`; true when it is over (answered). */
  private finish(job: Job, ms: number): boolean {
    const until = this.now() + ms;
    try {
      for (;;) {
        const step = job.run.next();
        if (step.done) {
          this.post({ id: job.id, kind: "done", result: step.value });
          return true;
        }
        // Progress at most every 100 ms: the page needs no more.
        const { wait, ...progress } = step.value;
        const t = this.now();
        if (job.lastProgress === 0 || t - job.lastProgress >= 100 || progress.done === undefined) {
          job.lastProgress = t;
          this.post({ id: job.id, kind: "progress", ...progress });
        }
        if (wait) {
          job.waiting = wait;
          void wait.then(() => {
            if (job.waiting === wait) job.waiting = null;
            this.wake();
          });
          return false;
        }
        if (t >= until) return false;
      }
    } catch (e) {
      this.post({ id: job.id, kind: "failed", message: e instanceof Error ? e.message : String(e) });
      return true;
    }
  }
}
