// The page's controller: UI state only. It starts the workers (./workers.ts), renders what they push
// (the retrieval worker's view: feed, catalogs, personalisation) and forwards the user's actions to
// the worker that owns the data. Components read `state` and call methods; they never talk to
// workers or IndexedDB themselves. Chat, videos and "my data" live in their own modules.
import { z } from 'zod';
import type { CatalogList } from '../core/catalog.ts';
import type { Intent } from '../core/intent.ts';
import type { Forgettable } from '../core/intent-forget.ts';
import type { WorkerName, WorkerStatus } from '../core/status.ts';
import type { EngagementMemory, FeedCard, PreferenceView, RetrievalView, U2iView } from '../messages/retrieval.ts';
import { createContextId } from '../store/channel.ts';
import { type ChatTurn, type EngagementKind, openStore, type Store, StoreError } from '../store/db.ts';
import { sendTurn } from './chat.ts';
import { exportData, exportSearchLog, forgetMe } from './data-rights.ts';
import { addVideo, removeVideo, type VideoTask } from './videos.ts';
import { type AppWorkers, startWorkers } from './workers.ts';

export type { VideoTask };

export interface AppState {
  phase: 'booting' | 'ready' | 'error';
  userId: string;
  turns: ChatTurn[];
  intent: Intent | null;
  catalogs: CatalogList | null;
  catalogId: string;
  feed: FeedCard[];
  /** Milliseconds the last rank took in the retrieval worker (delivery path). */
  feedMs: number | null;
  /** The feed is from words alone; a refined one follows when the catalog's picture index is ready. */
  refining: boolean;
  statuses: Record<WorkerName, WorkerStatus>;
  busy: boolean;
  /** A problem the user should know about (storage full, another tab upgraded the app). */
  banner: string | null;
  /** The catalog's U2I personalisation: its demo users and which one this device uses (null: cold). */
  u2i: U2iView | null;
  /** Whether the service worker has cached everything needed to work with no network. */
  offline: 'unknown' | 'caching' | 'ready' | 'unsupported' | 'error';
  /** The last video the user added: where it is in the pipeline, or why it failed. */
  videoTask: VideoTask | null;
  /** How many videos the user has added on this device. */
  videoCount: number;
  /** Preference-tuned search: the CLIP query passes through the adapter trained on labelled pairs. */
  preference: PreferenceView;
  /** The card actions this catalog remembers (likes, skips), for the memory list. */
  memory: EngagementMemory;
}

/**
 * The conversation shown: the last this many turns (older ones stay in IndexedDB, up to the store's
 * cap, and in "Export my data"). Keeps the chat DOM bounded in long sessions (issue 17's soak).
 */
export const MAX_RENDERED_TURNS = 200;
/** A short pause so the "deleted in another tab" notice can be read before the tab starts afresh. */
const RELOAD_AFTER_DELETE_MS = 1500;

/** Where the user's data was deleted: with "Delete my data" in this tab, or in another tab of the origin. */
export type DataDeletedWhere = 'here' | 'elsewhere';

/** How long a worker's status line keeps saying that it restarted after a crash, and why. */
const CRASH_NOTICE_MS = 60_000;

const initialStatus = (worker: WorkerName): WorkerStatus => ({ worker, state: 'idle', engine: '-', device: '-' });

export class Recommender extends EventTarget {
  state: AppState = {
    phase: 'booting', userId: '', turns: [], intent: null, catalogs: null, catalogId: '', feed: [], feedMs: null, refining: false,
    statuses: { llm: initialStatus('llm'), encoder: initialStatus('encoder'), retrieval: initialStatus('retrieval') },
    busy: false, banner: null, offline: 'unknown', u2i: null, videoTask: null, videoCount: 0,
    preference: { enabled: false, model: null, error: null, learnedFrom: 0 },
    memory: { liked: [], skipped: [] },
  };

  /** This tab's id: the workers announce with it, so nobody here mistakes this tab's changes for another's. */
  readonly contextId = createContextId();
  /** Where models and catalogs are served from: `models/` beside the page unless an embedder says otherwise. */
  readonly modelsBaseUrl: string;
  store: Store | null = null;
  workers!: AppWorkers;

  /**
   * How this page starts afresh once the data is gone (this controller's workers and store are stopped by
   * then). The embedded element restarts itself in place, its host page untouched; default: reload.
   */
  readonly afterDataDeleted: (where: DataDeletedWhere) => void;

  constructor(options: { modelsBaseUrl?: string; afterDataDeleted?: (where: DataDeletedWhere) => void } = {}) {
    super();
    this.modelsBaseUrl = new URL(options.modelsBaseUrl ?? 'models/', document.baseURI).href;
    this.afterDataDeleted = options.afterDataDeleted ?? (() => location.reload());
  }
  /** Views pushed by the retrieval worker, in order; a chat turn waits for the one answering it. */
  private viewWaiters: ((v: RetrievalView) => void)[] = [];

  set(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    this.dispatchEvent(new Event('change'));
  }

  /** The last crash of each worker: its notice stays in the status line for CRASH_NOTICE_MS. */
  private readonly crashes = new Map<WorkerName, { detail: string; at: number }>();

  private readonly setStatus = (s: WorkerStatus): void => {
    // A restarted worker reloads at once; the user still gets to read why it restarted.
    if (s.state === 'restarting' || s.state === 'failed') this.crashes.set(s.worker, { detail: s.detail ?? '', at: Date.now() });
    const crash = this.crashes.get(s.worker);
    const recent = crash && s.state !== 'restarting' && s.state !== 'failed' && Date.now() - crash.at < CRASH_NOTICE_MS;
    this.set({ statuses: { ...this.state.statuses, [s.worker]: recent ? { ...s, detail: [crash.detail, s.detail].filter(Boolean).join(' · ') } : s } });
  };

  /**
   * Cards hidden with "Not for me" that the retrieval worker's views do not know of yet. A rank that
   * was running when the skip was posted pushes a view with the card in it: without this, the card
   * came back for a moment and the feed moved under the next click (seen in the page with three
   * quick skips). An id leaves once a view's memory lists the skip, or the skip failed or was undone.
   */
  private readonly hiding = new Set<string>();

  /**
   * A preference toggle the retrieval worker has not answered yet: a view ranked before it reached the
   * worker still says the old setting, and had unticked the box the user had just ticked (the browser
   * test's click "did not change its state" under load). Kept until a view says the same.
   */
  private pendingPreference: boolean | null = null;

  private readonly onView = (v: RetrievalView): void => {
    let feed = v.feed;
    let preference = v.preference;
    if (this.pendingPreference !== null) {
      if (v.preference.enabled === this.pendingPreference) this.pendingPreference = null;
      else preference = { ...v.preference, enabled: this.pendingPreference };
    }
    if (this.hiding.size > 0) {
      feed = feed.filter((c) => !this.hiding.has(c.id));
      const known = new Set(v.memory.skipped.map((s) => s.itemId));
      for (const id of this.hiding) if (known.has(id)) this.hiding.delete(id);
    }
    this.set({
      catalogs: v.catalogs, catalogId: v.catalogId, feed, feedMs: v.feedMs, refining: v.refining, intent: v.intent, u2i: v.u2i,
      preference, videoCount: v.videoCount, memory: v.memory, phase: 'ready',
      ...(v.problem ? { banner: v.problem } : {}),
    });
    const waiters = this.viewWaiters;
    this.viewWaiters = [];
    for (const w of waiters) w(v);
  };

  /** The next view the retrieval worker pushes that satisfies `test`. */
  nextView(test: (v: RetrievalView) => boolean): Promise<RetrievalView> {
    return new Promise((resolve) => {
      const wait = (v: RetrievalView) => (test(v) ? resolve(v) : this.viewWaiters.push(wait));
      this.viewWaiters.push(wait);
    });
  }

  async boot(): Promise<void> {
    try {
      const onVersionChange = (deleting: boolean) => (deleting ? this.dataDeletedElsewhere() : this.set({ banner: 'This app was updated in another tab. Reload this tab to continue.' }));
      try {
        this.store = await openStore({ contextId: this.contextId, onVersionChange });
      } catch (err) {
        // Version skew: a newer app version wrote this database. Read-only is better than a dead page.
        if (!(err instanceof StoreError) || err.kind !== 'newer-version') throw err;
        this.store = await openStore({ contextId: this.contextId, onVersionChange, allowNewer: true });
        this.set({ banner: 'A newer version of this app saved your data here. Reload to get it; until then the feed works but nothing new is saved.' });
      }
      const { userId, recovered } = await this.store.recoverUserId();
      if (recovered) this.set({ banner: 'Your identity on this device was damaged and has been restored from your saved data (the damaged value is kept in the export).' });
      const [turns, catalogId] = await Promise.all([this.store.listTurns(userId), this.store.getSetting('catalogId', z.string())]);
      this.set({ userId, turns: turns.slice(-MAX_RENDERED_TURNS), catalogId: catalogId ?? '' });
    } catch (err) {
      this.set({ phase: 'error', banner: err instanceof StoreError ? err.message : `Could not open local storage: ${String(err)}` });
      return;
    }
    this.store.subscribe((m) => {
      if ((m.type === 'turns-changed' || m.type === 'turn-committed') && m.userId === this.state.userId) void this.reloadTurns();
      else if (m.type === 'data-cleared') this.dataDeletedElsewhere();
    });
    this.workers = startWorkers(
      { modelsBaseUrl: this.modelsBaseUrl, contextId: this.contextId, userId: this.state.userId },
      {
        catalogId: this.state.catalogId, onStatus: this.setStatus, onView: this.onView,
        onStartFailed: (message) => this.set({ phase: 'error', banner: `The app could not start: ${message}` }),
      },
    );
  }

  private deletedElsewhere = false;

  /**
   * Another tab deleted all data: this tab stops at once (workers terminated, state dropped, nothing
   * written under the deleted identity), then starts afresh with a new one (afterDataDeleted).
   */
  private dataDeletedElsewhere(): void {
    if (this.deletedElsewhere) return;
    this.deletedElsewhere = true;
    for (const name of ['llm', 'encoder', 'retrieval'] as const) this.workers?.[name].terminate();
    this.store?.close();
    this.store = null;
    this.set({ phase: 'error', turns: [], intent: null, feed: [], u2i: null, banner: 'Your data was deleted in another tab. This tab starts afresh…' });
    setTimeout(() => this.afterDataDeleted('elsewhere'), RELOAD_AFTER_DELETE_MS);
  }

  async reloadTurns(): Promise<void> {
    if (this.store) this.set({ turns: (await this.store.listTurns(this.state.userId)).slice(-MAX_RENDERED_TURNS) });
  }

  send(text: string): Promise<void> {
    return sendTurn(this, text);
  }

  setOffline(offline: AppState['offline']): void {
    this.set({ offline });
  }

  dismissBanner(): void {
    this.set({ banner: null });
  }

  /** Runs `action` on a worker; a failure becomes the banner (nothing else is lost). */
  private async act(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (err) {
      this.set({ banner: err instanceof Error ? err.message : String(err) });
    }
  }

  clearIntent(): Promise<void> {
    return this.act(() => this.workers.llm.call((r) => r.clearIntent(this.state.userId)));
  }

  /** Memory you can edit: forget one remembered phrase, fact or place of the intent. */
  forgetInIntent(kind: Forgettable, text: string): Promise<void> {
    return this.act(() => this.workers.llm.call((r) => r.forget(this.state.userId, kind, text)));
  }

  /** Memory you can edit: forget one remembered like or skip ("Undo" on a skipped card does this too). */
  forgetAction(itemId: string, kind: 'like' | 'skip'): Promise<void> {
    if (kind === 'skip') this.hiding.delete(itemId);
    return this.act(() => this.workers.retrieval.call((r) => r.forget(itemId, kind)));
  }

  selectCatalog(catalogId: string): Promise<void> {
    if (catalogId === this.state.catalogId) return Promise.resolve();
    this.set({ catalogId, feed: [] });
    return this.act(() => this.workers.retrieval.call((r) => r.setCatalog(catalogId)));
  }

  selectDemoUser(demoUserId: string): Promise<void> {
    return this.act(() => this.workers.retrieval.call((r) => r.selectDemoUser(demoUserId)));
  }

  engage(itemId: string, kind: EngagementKind, dwellMs?: number): Promise<void> {
    // "Not for me" hides the card at once; the worker's next view follows without it.
    if (kind === 'skip') {
      this.hiding.add(itemId);
      this.set({ feed: this.state.feed.filter((c) => c.id !== itemId) });
    }
    const done = this.act(async () => {
      try {
        await this.workers.retrieval.call((r) => r.engage(itemId, kind, dwellMs));
      } catch (err) {
        this.hiding.delete(itemId); // not stored: the worker's next view shows what IndexedDB holds
        throw err;
      }
    });
    this.engaging = Promise.all([this.engaging, done]).then(() => {});
    return done;
  }

  /** Card actions still being written: an export made right after a click includes the click. */
  engaging: Promise<void> = Promise.resolve();

  async setPreferenceTuned(enabled: boolean): Promise<void> {
    const was = this.state.preference.enabled;
    this.pendingPreference = enabled;
    this.set({ preference: { ...this.state.preference, enabled } });
    try {
      await this.workers.retrieval.call((r) => r.setPreferenceTuned(enabled));
    } catch (err) {
      // Not applied: the box shows the setting in force again, and why.
      this.pendingPreference = null;
      this.set({ preference: { ...this.state.preference, enabled: was }, banner: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Benchmarks and tests: rank again now; resolves once the view is rendered in state. */
  async refreshFeed(): Promise<void> {
    await this.workers.retrieval.call((r) => r.refresh());
  }

  addVideo(file: File): Promise<boolean> {
    return addVideo(this, file);
  }

  removeVideo(id: string): Promise<void> {
    return removeVideo(this, id);
  }

  exportSearchLog(): Promise<string> {
    return exportSearchLog(this);
  }

  exportData(): Promise<string> {
    return exportData(this);
  }

  forgetMe(): Promise<void> {
    return forgetMe(this);
  }

  /** Test hook and diagnostics: unit-length text embeddings from the encoder worker on a chosen device. */
  async encodeTexts(model: string, texts: string[], device?: 'webgpu' | 'wasm'): Promise<{ modelId: string; device: string; vectors: number[][] }> {
    const r = await this.workers.encoder.call((w, id) => w.encodeText(id, model, texts, device));
    return { modelId: r.modelId, device: r.device, vectors: r.vectors.map((v) => Array.from(v)) };
  }

  /** Diagnostics and the app benchmark: committed WebAssembly memory per worker, in bytes. */
  async wasmMemory(): Promise<Record<WorkerName, { memories: number; bytes: number }>> {
    const { llm, encoder, retrieval } = this.workers;
    const [l, e, r] = await Promise.all([llm.api.memory(), encoder.api.memory(), retrieval.api.memory()]);
    return { llm: l, encoder: e, retrieval: r };
  }

  /** The app benchmark: the retrieval worker's counts of ranks, views and encoder calls so far. */
  retrievalCounters(): Promise<unknown> {
    return this.workers.retrieval.call((r) => r.counters());
  }

  /** Test hook: the next reply is this text (to exercise the output guard). */
  async forceNextReply(text: string): Promise<void> {
    await this.workers.llm.call((r) => r.forceNextReply(text));
  }

  /** For tests and the status bar's diagnostics: make a worker crash as a real one would. */
  crashWorker(name: WorkerName): void {
    void this.workers[name].api.crash(`simulated crash of the ${name} worker`);
  }
}
