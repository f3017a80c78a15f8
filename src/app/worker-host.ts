// Owns one web worker: creates it, wraps it with comlink, restarts it after a crash with the reason
// shown, and makes superseded requests cancellable. The UI never touches a Worker directly.
import * as Comlink from 'comlink';
import type { WorkerName, WorkerStatus } from '../core/status.ts';

export class WorkerCrashedError extends Error {
  override name = 'WorkerCrashedError';
}
export class SupersededError extends Error {
  override name = 'AbortError';
  constructor() {
    super('Superseded by a newer request');
  }
}

/** After this many crashes within the window the worker is left stopped, not restarted forever. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

interface Cancellable {
  cancel(requestId: number): void;
}

export interface WorkerHostOptions<T> {
  name: WorkerName;
  create: () => Worker;
  /** Runs after each (re)start: register status callbacks, pass configuration. */
  setup: (remote: Comlink.Remote<T>) => Promise<void>;
  /** Runs after a restart's setup (not the first start): re-wire what the dead worker was connected to. */
  onRestart?: () => void;
  onStatus: (status: WorkerStatus) => void;
}

export class WorkerHost<T extends Cancellable> {
  private worker!: Worker;
  private remote!: Comlink.Remote<T>;
  private ready!: Promise<void>;
  private crashed!: Promise<never>;
  private rejectCrashed!: (e: Error) => void;
  private restarts: number[] = [];
  private nextRequestId = 1;
  /** The current request per "lane" (e.g. "turn", "feed"): a newer one supersedes it. */
  private readonly lanes = new Map<string, number>();
  stopped = false;
  lastCrash: string | null = null;

  constructor(private readonly opts: WorkerHostOptions<T>) {
    this.start();
  }

  private start(): void {
    this.worker = this.opts.create();
    this.remote = Comlink.wrap<T>(this.worker);
    this.crashed = new Promise<never>((_, reject) => (this.rejectCrashed = reject));
    this.crashed.catch(() => {}); // observed through `call`
    this.worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.handleCrash(e.message || 'the worker failed to load or threw an uncaught error');
    });
    this.worker.addEventListener('messageerror', () => this.handleCrash('a message could not be deserialised'));
    this.ready = this.opts.setup(this.remote);
    this.ready.catch((err: unknown) => this.handleCrash(`setup failed: ${String(err)}`));
    if (this.restarts.length > 0) void this.ready.then(() => this.opts.onRestart?.(), () => {});
  }

  private handleCrash(reason: string): void {
    if (this.stopped) return;
    this.lastCrash = reason;
    this.rejectCrashed(new WorkerCrashedError(`The ${this.opts.name} worker crashed: ${reason}`));
    this.worker.terminate();
    const now = Date.now();
    this.restarts = [...this.restarts.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (this.restarts.length > MAX_RESTARTS) {
      this.stopped = true;
      this.opts.onStatus({ worker: this.opts.name, state: 'failed', engine: '-', device: '-', detail: `Stopped after repeated crashes. Last: ${reason}` });
      return;
    }
    this.opts.onStatus({ worker: this.opts.name, state: 'restarting', engine: '-', device: '-', detail: `Restarted after a crash: ${reason}` });
    this.start();
  }

  /**
   * Calls the worker. With a lane, a newer call in the same lane supersedes this one: the worker is
   * told to cancel it and this promise rejects with an AbortError. A crash rejects with WorkerCrashedError.
   */
  async call<R>(fn: (remote: Comlink.Remote<T>, requestId: number) => Promise<R>, lane?: string): Promise<R> {
    if (this.stopped) throw new WorkerCrashedError(`The ${this.opts.name} worker is stopped: ${this.lastCrash ?? 'unknown reason'}`);
    const requestId = this.nextRequestId++;
    if (lane) {
      const previous = this.lanes.get(lane);
      if (previous !== undefined) void this.remote.cancel(previous);
      this.lanes.set(lane, requestId);
    }
    try {
      await Promise.race([this.ready, this.crashed]);
      const result = await Promise.race([fn(this.remote, requestId), this.crashed]);
      if (lane && this.lanes.get(lane) !== requestId) throw new SupersededError();
      return result;
    } finally {
      if (lane && this.lanes.get(lane) === requestId) this.lanes.delete(lane);
    }
  }

  /** Test hook and "reset" button: simulate a crash inside the worker. */
  get api(): Comlink.Remote<T> {
    return this.remote;
  }

  terminate(): void {
    this.stopped = true;
    this.worker.terminate();
  }
}

export function isAbortError(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'AbortError';
}
