// Starts the three workers and wires them to each other: the retrieval worker gets a MessagePort to
// the encoder (phrase vectors) and one to the llm worker (the intent after each turn), so nothing the
// delivery path needs travels through the page; it posts its views to the page on a third port.
// A worker that restarts after a crash is wired again.
import * as Comlink from 'comlink';
import type { WorkerStatus } from '../core/status.ts';
import type { WorkerConfig } from '../messages/common.ts';
import type { EncoderApi } from '../messages/encoder.ts';
import type { LlmApi } from '../messages/llm.ts';
import { listen } from '../messages/port.ts';
import type { RetrievalApi, RetrievalView, ViewMessage } from '../messages/retrieval.ts';
import { WorkerHost } from './worker-host.ts';

export interface AppWorkers {
  llm: WorkerHost<LlmApi>;
  encoder: WorkerHost<EncoderApi>;
  retrieval: WorkerHost<RetrievalApi>;
}

export function startWorkers(config: WorkerConfig, opts: { catalogId: string; onStatus: (s: WorkerStatus) => void; onView: (view: RetrievalView) => void; onStartFailed: (message: string) => void }): AppWorkers {
  const status = Comlink.proxy(opts.onStatus);
  /** The view port of the running retrieval worker (a restarted one gets a new port). */
  let stopViews: (() => void) | null = null;
  const hosts = {} as AppWorkers;

  /** A fresh port pair between the retrieval worker and the encoder or the llm worker. */
  const wire = async (to: 'encoder' | 'llm'): Promise<void> => {
    const { port1, port2 } = new MessageChannel();
    const other = to === 'encoder' ? hosts.encoder : hosts.llm;
    const retrieval = hosts.retrieval;
    if (!other || !retrieval) return;
    await other.call((r) => r.connect(Comlink.transfer(port1, [port1])));
    await retrieval.call((r) => (to === 'encoder' ? r.connectEncoder(Comlink.transfer(port2, [port2])) : r.connectLlm(Comlink.transfer(port2, [port2]))));
  };

  // `new Worker(new URL(literal, import.meta.url))` written out in full: the form Vite bundles as a worker chunk.
  hosts.encoder = new WorkerHost<EncoderApi>({
    name: 'encoder',
    create: () => new Worker(new URL('../workers/encoder.worker.ts', import.meta.url), { type: 'module', name: 'encoder' }),
    setup: async (r) => r.init(status, config),
    onRestart: () => void wire('encoder').catch(() => {}),
    onStatus: opts.onStatus,
  });
  hosts.llm = new WorkerHost<LlmApi>({
    name: 'llm',
    create: () => new Worker(new URL('../workers/llm.worker.ts', import.meta.url), { type: 'module', name: 'llm' }),
    setup: async (r) => r.init(status, config, opts.catalogId || 'stickers'),
    onRestart: () => void wire('llm').catch(() => {}),
    onStatus: opts.onStatus,
  });
  hosts.retrieval = new WorkerHost<RetrievalApi>({
    name: 'retrieval',
    create: () => new Worker(new URL('../workers/retrieval.worker.ts', import.meta.url), { type: 'module', name: 'retrieval' }),
    // Ports first (so the first feed can already use the encoder), then the start-up rank.
    setup: async (r) => {
      const ports = [new MessageChannel(), new MessageChannel()];
      // The other workers get their ends first: a restarted retrieval worker may take a while to answer,
      // and an intent the llm worker posted meanwhile on the dead worker's port was lost (the feed did
      // not follow the next message). Posts on the new port wait in it until this worker listens.
      void hosts.encoder.call((e) => e.connect(Comlink.transfer(ports[0]!.port1, [ports[0]!.port1]))).catch(() => {});
      void hosts.llm.call((l) => l.connect(Comlink.transfer(ports[1]!.port1, [ports[1]!.port1]))).catch(() => {});
      await r.connectEncoder(Comlink.transfer(ports[0]!.port2, [ports[0]!.port2]));
      await r.connectLlm(Comlink.transfer(ports[1]!.port2, [ports[1]!.port2]));
      const views = new MessageChannel();
      stopViews?.();
      stopViews = listen<ViewMessage>(views.port1, ['view'], (m) => opts.onView(m.view));
      r.init(status, config, Comlink.transfer(views.port2, [views.port2]), opts.catalogId).catch((err: unknown) => opts.onStartFailed(err instanceof Error ? err.message : String(err)));
    },
    onStatus: opts.onStatus,
  });
  return hosts;
}
