// The delivery path's worker: a thin comlink shell over RetrievalService (./retrieval/service.ts),
// which owns the feed's inputs and pushes a new view to the page whenever one changes. It serves the
// page (RetrievalApi), posts views to it on a port, hears the llm worker's intents on another
// (`IntentMessage`, one-way) and calls the encoder on a third.
import { wasmMemoryReport } from './memory-probe.ts'; // first: it wraps WebAssembly before anything instantiates
import '../core/zod-config.ts'; // before any zod schema is built: no `new Function` probe under the CSP
import * as Comlink from 'comlink';
import type { StatusListener, WorkerConfig } from '../messages/common.ts';
import type { IntentMessage } from '../messages/llm.ts';
import { listen, pushTo } from '../messages/port.ts';
import type { RetrievalApi, ViewMessage } from '../messages/retrieval.ts';
import { cancel, crashSoon } from './requests.ts';
import { assertSameOriginUrl } from '../core/same-origin.ts';
import { PhraseVectors } from './retrieval/phrase-vectors.ts';
import { RetrievalService } from './retrieval/service.ts';

let service: RetrievalService | null = null;
/** Made before init: the page hands out the encoder's port first, so the first rank can use it. */
const phrases = new PhraseVectors();

function svc(): RetrievalService {
  if (!service) throw new Error('retrieval worker used before init');
  return service;
}

const api: RetrievalApi = {
  memory: wasmMemoryReport,
  async init(listener: StatusListener, config: WorkerConfig, views: MessagePort, catalogId: string): Promise<void> {
    // Files come from this site only: a foreign base URL is refused before anything is fetched.
    assertSameOriginUrl(config.modelsBaseUrl, self.location.href);
    const post = pushTo<ViewMessage>(views);
    service = new RetrievalService(config, (s) => listener({ worker: 'retrieval', ...s }), (view) => post({ type: 'view', view }), catalogId, phrases);
    listener({ worker: 'retrieval', state: 'idle', engine: 'lexical', device: 'js' });
    await service.start();
  },
  connectEncoder(port: MessagePort): void {
    phrases.connect(port);
  },
  connectLlm(port: MessagePort): void {
    // Before init there is nothing to rank: the service reads the stored intent when it starts.
    listen<IntentMessage>(port, ['intent'], (m) => service?.intentChanged(m.userId, m.intent, m.turnId));
  },
  setCatalog: (catalogId) => svc().setCatalog(catalogId),
  engage: (itemId, kind, dwellMs) => svc().engage(itemId, kind, dwellMs),
  forget: (itemId, kind) => svc().forget(itemId, kind),
  selectDemoUser: (demoUserId) => svc().selectDemoUser(demoUserId),
  setPreferenceTuned: (enabled) => svc().setPreferenceTuned(enabled),
  addVideo: (video) => svc().addVideo(video),
  removeVideo: (id) => svc().removeVideo(id),
  refresh: () => svc().refresh(),
  counters: () => ({ ...svc().counters }),
  cancel,
  crash(reason: string): void {
    crashSoon(reason);
  },
};

Comlink.expose(api);
