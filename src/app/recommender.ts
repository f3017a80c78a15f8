// The main-thread controller: owns the workers and the store connection, keeps the state the UI
// renders, and wires the two paths together. Components read `state` and call methods; they never
// talk to workers or IndexedDB themselves.
import { z } from 'zod';
import type { CatalogList } from '../core/catalog.ts';
import type { Intent } from '../core/intent.ts';
import type { WorkerName, WorkerStatus } from '../core/status.ts';
import { ChangeChannel, CONTEXT_ID } from '../store/channel.ts';
import { type ChatTurn, deleteStore, type EngagementKind, openStore, type Store, StoreError } from '../store/db.ts';
import type { EncoderApi } from '../workers/encoder.worker.ts';
import type { LlmApi } from '../workers/llm.worker.ts';
import type { FeedCard, RetrievalApi } from '../workers/retrieval.worker.ts';
import { isAbortError, WorkerHost } from './worker-host.ts';
import * as Comlink from 'comlink';

export const FEED_SIZE = 24;

export interface AppState {
  phase: 'booting' | 'ready' | 'error';
  userId: string;
  turns: ChatTurn[];
  intent: Intent | null;
  catalogs: CatalogList | null;
  catalogId: string;
  feed: FeedCard[];
  /** Milliseconds the last feed took, request to result (delivery path). */
  feedMs: number | null;
  statuses: Record<WorkerName, WorkerStatus>;
  busy: boolean;
  /** A problem the user should know about (storage full, another tab upgraded the app). */
  banner: string | null;
  /** Whether the service worker has cached everything needed to work with no network. */
  offline: 'unknown' | 'caching' | 'ready' | 'unsupported' | 'error';
}

const initialStatus = (worker: WorkerName): WorkerStatus => ({ worker, state: 'idle', engine: '-', device: '-' });

function newId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export class Recommender extends EventTarget {
  state: AppState = {
    phase: 'booting',
    userId: '',
    turns: [],
    intent: null,
    catalogs: null,
    catalogId: 'stickers',
    feed: [],
    feedMs: null,
    statuses: { llm: initialStatus('llm'), encoder: initialStatus('encoder'), retrieval: initialStatus('retrieval') },
    busy: false,
    banner: null,
    offline: 'unknown',
  };

  private store: Store | null = null;
  private readonly channel = new ChangeChannel();
  private llm!: WorkerHost<LlmApi>;
  private encoder!: WorkerHost<EncoderApi>;
  private retrieval!: WorkerHost<RetrievalApi>;
  private readonly modelsBaseUrl = new URL('models/', document.baseURI).href;

  private set(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    this.dispatchEvent(new Event('change'));
  }

  private setStatus = (s: WorkerStatus): void => {
    // A restart notice stays visible until the restarted worker reports something newer than "idle".
    const prev = this.state.statuses[s.worker];
    const keepCrash = prev.state === 'restarting' && s.state === 'idle';
    this.set({ statuses: { ...this.state.statuses, [s.worker]: keepCrash ? { ...s, detail: prev.detail } : s } });
  };

  async boot(): Promise<void> {
    try {
      this.store = await openStore({
        onVersionChange: () => this.set({ banner: 'This app was updated in another tab. Reload this tab to continue.' }),
      });
      let userId = await this.store.getSetting('userId', z.string().min(1));
      if (!userId) {
        userId = `local-${crypto.randomUUID()}`;
        await this.store.putSetting('userId', userId);
      }
      const catalogId = (await this.store.getSetting('catalogId', z.string())) ?? '';
      this.set({ userId, catalogId });
    } catch (err) {
      this.set({ phase: 'error', banner: err instanceof StoreError ? err.message : `Could not open local storage: ${String(err)}` });
      return;
    }

    const status = Comlink.proxy(this.setStatus);
    this.llm = new WorkerHost<LlmApi>({
      name: 'llm',
      create: () => new Worker(new URL('../workers/llm.worker.ts', import.meta.url), { type: 'module', name: 'llm' }),
      setup: (r) => r.init(status, this.modelsBaseUrl, this.state.catalogId || 'stickers'),
      onStatus: this.setStatus,
    });
    this.encoder = new WorkerHost<EncoderApi>({
      name: 'encoder',
      create: () => new Worker(new URL('../workers/encoder.worker.ts', import.meta.url), { type: 'module', name: 'encoder' }),
      setup: (r) => r.init(status, this.modelsBaseUrl),
      onStatus: this.setStatus,
    });
    this.retrieval = new WorkerHost<RetrievalApi>({
      name: 'retrieval',
      create: () => new Worker(new URL('../workers/retrieval.worker.ts', import.meta.url), { type: 'module', name: 'retrieval' }),
      setup: (r) => r.init(status, this.modelsBaseUrl),
      onStatus: this.setStatus,
    });

    this.channel.subscribe((m) => {
      if (m.origin === CONTEXT_ID) return;
      if (m.type === 'intent-changed' && m.userId === this.state.userId) {
        if (this.state.intent?.updatedAt !== m.updatedAt) void this.reloadIntent();
      } else if (m.type === 'turns-changed' && m.userId === this.state.userId) {
        void this.reloadTurns();
      } else if (m.type === 'data-cleared') {
        this.set({ banner: 'Your data was deleted in another tab. Reload to start fresh.' });
      }
    });

    try {
      const [turns, intent, catalogs] = await Promise.all([
        this.store.listTurns(this.state.userId),
        this.store.getIntent(this.state.userId),
        this.retrieval.call((r) => r.listCatalogs()),
      ]);
      const catalogId = catalogs.catalogs.some((c) => c.id === this.state.catalogId) ? this.state.catalogId : catalogs.default;
      this.set({ turns, intent, catalogs, catalogId, phase: 'ready' });
    } catch (err) {
      this.set({ phase: 'error', banner: `The app could not start: ${err instanceof Error ? err.message : String(err)}` });
      return;
    }
    await this.refreshFeed();
  }

  private async reloadIntent(): Promise<void> {
    if (!this.store) return;
    this.set({ intent: await this.store.getIntent(this.state.userId) });
    await this.refreshFeed();
  }

  private async reloadTurns(): Promise<void> {
    if (!this.store) return;
    this.set({ turns: await this.store.listTurns(this.state.userId) });
  }

  /** The delivery path: stored intent -> ranked feed. A newer call supersedes an older one. */
  async refreshFeed(): Promise<void> {
    const started = performance.now();
    const intent = this.state.intent;
    try {
      const feed = await this.retrieval.call(
        (r, id) => r.rank(id, {
          catalogId: this.state.catalogId, intent, k: FEED_SIZE,
          ...(intent && intent.language === 'ko' ? { language: 'ko' } : {}),
        }),
        'feed',
      );
      this.set({ feed, feedMs: performance.now() - started });
      this.recordImpressions(feed.map((c) => c.id));
      if (intent && intent.keyPhrases.length > 0 && this.store) {
        void this.store.addSearchLog({
          userId: this.state.userId, catalogId: this.state.catalogId,
          query: intent.keyPhrases.map((p) => p.text).join(', '), shown: feed.map((c) => c.id), at: Date.now(),
        }).catch(() => {});
      }
    } catch (err) {
      if (isAbortError(err)) return;
      this.set({ banner: `The feed could not be updated: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  /** The understanding path for one message. */
  async send(text: string): Promise<void> {
    const trimmed = text.trim();
    if (!trimmed || this.state.phase !== 'ready') return;
    const turnId = newId();
    const optimistic: ChatTurn = { id: turnId, userId: this.state.userId, role: 'user', text: trimmed, createdAt: Date.now(), status: 'pending' };
    this.set({ turns: [...this.state.turns, optimistic], busy: true, banner: null });
    try {
      const result = await this.llm.call((r, id) => r.handleTurn(id, { userId: this.state.userId, catalogId: this.state.catalogId, turnId, text: trimmed }), 'turn');
      // The feed first (the delivery path), the conversation alongside.
      if (result.intentChanged) this.set({ intent: result.intent });
      await Promise.all([this.reloadTurns(), result.intentChanged ? this.refreshFeed() : null]);
    } catch (err) {
      if (isAbortError(err)) return;
      await this.reloadTurns().catch(() => {});
      const saved = this.state.turns.some((t) => t.id === turnId);
      if (!saved) this.set({ turns: [...this.state.turns, { ...optimistic, status: 'failed' }] });
      this.set({ banner: `${err instanceof Error ? err.message : String(err)}${saved ? ' Your message is saved.' : ''}` });
    } finally {
      this.set({ busy: false });
    }
  }

  setOffline(offline: AppState['offline']): void {
    this.set({ offline });
  }

  dismissBanner(): void {
    this.set({ banner: null });
  }

  async clearIntent(): Promise<void> {
    if (!this.store) return;
    await this.store.deleteIntent(this.state.userId);
    this.set({ intent: null });
    this.channel.announce({ type: 'intent-changed', userId: this.state.userId, updatedAt: 0, origin: CONTEXT_ID });
    await this.refreshFeed();
  }

  async selectCatalog(catalogId: string): Promise<void> {
    if (catalogId === this.state.catalogId) return;
    this.set({ catalogId });
    await this.store?.putSetting('catalogId', catalogId);
    await this.refreshFeed();
  }

  private lastImpressions = '';

  /** One impression per item each time a different feed is shown; kept on this device only. */
  private recordImpressions(ids: string[]): void {
    const key = `${this.state.catalogId}:${ids.join(',')}`;
    if (!this.store || ids.length === 0 || key === this.lastImpressions) return;
    this.lastImpressions = key;
    const at = Date.now();
    void this.store
      .addEvents(ids.map((itemId) => ({ userId: this.state.userId, catalogId: this.state.catalogId, itemId, kind: 'impression' as const, at })))
      .catch(() => {}); // losing an impression is acceptable; a full disk is reported when the user acts
  }

  async engage(itemId: string, kind: EngagementKind, dwellMs?: number): Promise<void> {
    try {
      await this.store?.addEvent({
        userId: this.state.userId, catalogId: this.state.catalogId, itemId, kind, at: Date.now(),
        ...(dwellMs !== undefined ? { dwellMs: Math.round(dwellMs) } : {}),
      });
      if (kind === 'skip') this.set({ feed: this.state.feed.filter((c) => c.id !== itemId) });
    } catch (err) {
      this.set({ banner: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Everything this app stored about the user on this device, as JSON (for "Export my data"). */
  async exportData(): Promise<string> {
    if (!this.store) throw new Error('Local storage is not open.');
    return JSON.stringify(await this.store.exportUser(this.state.userId), null, 2);
  }

  /** Deletes everything this app stored on this device. */
  async forgetMe(): Promise<void> {
    this.store?.close();
    this.store = null;
    await deleteStore();
    // Cached models and indexes hold nothing personal, but "forget me" means nothing stays.
    if (typeof caches !== 'undefined') for (const k of await caches.keys()) await caches.delete(k);
    this.channel.announce({ type: 'data-cleared', origin: CONTEXT_ID });
    location.reload();
  }

  /** Test hook: the next reply is this text (to exercise the output guard). */
  async forceNextReply(text: string): Promise<void> {
    await this.llm.call((r) => r.forceNextReply(text));
  }

  /** For tests and the status bar's diagnostics: make a worker crash as a real one would. */
  crashWorker(name: WorkerName): void {
    const host = { llm: this.llm, encoder: this.encoder, retrieval: this.retrieval }[name];
    void host.api.crash(`simulated crash of the ${name} worker`);
  }
}
