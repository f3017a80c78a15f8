// WorkerHost over real comlink and Node MessageChannels: supersede, cancel, crash and restart.
import * as Comlink from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, test } from 'vitest';
import type { WorkerStatus } from '../../../src/core/status.ts';
import { isAbortError, WorkerCrashedError, WorkerHost } from '../../../src/app/worker-host.ts';
import { cancel, withRequest } from '../../../src/workers/requests.ts';

/** A stand-in Worker: a MessagePort that can also emit 'error' like a crashing worker. */
class FakeWorker extends EventTarget {
  terminated = false;
  constructor(readonly port: MessagePort) {
    super();
  }
  postMessage(m: unknown, t?: Transferable[]): void {
    this.port.postMessage(m, t as never);
  }
  override addEventListener(type: string, l: EventListenerOrEventListenerObject | null): void {
    if (type === 'message') this.port.addEventListener('message', l as never);
    else super.addEventListener(type, l);
  }
  override removeEventListener(type: string, l: EventListenerOrEventListenerObject | null): void {
    if (type === 'message') this.port.removeEventListener('message', l as never);
    else super.removeEventListener(type, l);
  }
  start(): void {
    (this.port as unknown as { start(): void }).start();
  }
  terminate(): void {
    this.terminated = true;
    this.port.close();
  }
  crash(message: string): void {
    const e = new Event('error', { cancelable: true }) as Event & { message: string };
    e.message = message;
    this.dispatchEvent(e);
  }
}

function makeApi() {
  const seen: { id: number; aborted: boolean }[] = [];
  return {
    seen,
    api: {
      setup(): void {},
      async slow(requestId: number, ms: number): Promise<string> {
        return withRequest(requestId, async (signal) => {
          await new Promise((r) => setTimeout(r, ms));
          seen.push({ id: requestId, aborted: signal.aborted });
          signal.throwIfAborted();
          return `done ${requestId}`;
        });
      },
      cancel,
    },
  };
}

const hosts: WorkerHost<ReturnType<typeof makeApi>['api']>[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.terminate();
});

function host() {
  const workers: FakeWorker[] = [];
  const statuses: WorkerStatus[] = [];
  const impl = makeApi();
  const h = new WorkerHost<typeof impl.api>({
    name: 'retrieval',
    create: () => {
      const { port1, port2 } = new MessageChannel();
      Comlink.expose(impl.api, port2 as unknown as Comlink.Endpoint);
      (port2 as unknown as { start(): void }).start();
      const w = new FakeWorker(port1 as unknown as MessagePort);
      w.start();
      workers.push(w);
      return w as unknown as Worker;
    },
    setup: async (r) => r.setup(),
    onStatus: (s) => statuses.push(s),
  });
  hosts.push(h);
  return { h, workers, statuses, impl };
}

describe('WorkerHost', () => {
  test('calls go through comlink and resolve', async () => {
    const { h } = host();
    await expect(h.call((r, id) => r.slow(id, 1))).resolves.toMatch(/^done \d+$/);
  });

  test('a newer request in the same lane supersedes the older: the old one is cancelled in the worker', async () => {
    const { h, impl } = host();
    const first = h.call((r, id) => r.slow(id, 50), 'feed');
    await new Promise((r) => setTimeout(r, 10));
    const second = h.call((r, id) => r.slow(id, 5), 'feed');
    const [a, b] = await Promise.allSettled([first, second]);
    expect(a.status).toBe('rejected');
    expect(isAbortError((a as PromiseRejectedResult).reason)).toBe(true);
    expect(b).toMatchObject({ status: 'fulfilled' });
    // The worker saw the first request's signal aborted.
    expect(impl.seen.find((s) => s.id === 1)?.aborted).toBe(true);
  });

  test('different lanes do not supersede each other', async () => {
    const { h } = host();
    const [a, b] = await Promise.all([h.call((r, id) => r.slow(id, 20), 'feed'), h.call((r, id) => r.slow(id, 5), 'turn')]);
    expect(a).toMatch(/done/);
    expect(b).toMatch(/done/);
  });

  test('a crash rejects the pending call, restarts the worker with the reason, and the next call works', async () => {
    const { h, workers, statuses } = host();
    const pending = h.call((r, id) => r.slow(id, 200));
    await new Promise((r) => setTimeout(r, 10));
    workers[0]!.crash('out of memory');
    await expect(pending).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(statuses.at(-1)).toMatchObject({ state: 'restarting', detail: expect.stringContaining('out of memory') });
    await expect(h.call((r, id) => r.slow(id, 1))).resolves.toMatch(/done/);
  });

  test('after repeated crashes it stops restarting and says so', async () => {
    const { h, workers, statuses } = host();
    for (let i = 0; i < 4; i++) workers.at(-1)!.crash(`crash ${i}`);
    expect(workers).toHaveLength(4);
    expect(statuses.at(-1)).toMatchObject({ state: 'failed', detail: expect.stringContaining('crash 3') });
    await expect(h.call((r, id) => r.slow(id, 1))).rejects.toBeInstanceOf(WorkerCrashedError);
  });
});
