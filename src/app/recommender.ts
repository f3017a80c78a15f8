// The main-thread controller: owns the workers and the store connection, keeps the state the UI
// renders, and wires the two paths together. Components read `state` and call methods; they never
// talk to workers or IndexedDB themselves.
import { z } from 'zod';
import { type CatalogList, LOCAL_VIDEOS_ID } from '../core/catalog.ts';
import type { Intent } from '../core/intent.ts';
import type { WorkerName, WorkerStatus } from '../core/status.ts';
import { ChangeChannel, CONTEXT_ID } from '../store/channel.ts';
import { type ChatTurn, deleteStore, type EngagementKind, openStore, type Store, StoreError, type UserVideo } from '../store/db.ts';
import { ingestVideo, VideoIngestError } from './video-ingest.ts';
import { poolMean } from '../core/video/pool.ts';
import { normalised } from '../core/vector.ts';
import { adapterToJson, applyAdapter, parseAdapter, type TextAdapter, trainAdapterOnClicks } from '../core/preference/adapter.ts';
import { clicksToPairs, toJsonl } from '../core/preference/clicklog.ts';
import type { EncoderApi } from '../workers/encoder.worker.ts';
import type { LlmApi } from '../workers/llm.worker.ts';
import type { CatalogInfo, FeedCard, QueryVector, RankRequest, RetrievalApi } from '../workers/retrieval.worker.ts';
import { positivePhrases } from '../core/lexical.ts';
import type { DemoUser } from '../core/u2i/format.ts';
import { isAbortError, WorkerHost } from './worker-host.ts';
import * as Comlink from 'comlink';

export const FEED_SIZE = 24;
/** The CLIP model that embeds the videos a user adds (its vision tower), and searches them (its text tower). */
export const LOCAL_VIDEO_MODEL = 'clip-mini';
/** The largest video file accepted (it is kept in IndexedDB, on this device). */
export const MAX_VIDEO_BYTES = 200 * 1024 * 1024;

/** SGD settings for learning from one click (src/core/preference/adapter.ts; lr as in its unit tests). */
export const ON_DEVICE_PREFERENCE_TRAINING = { lr: 0.02, epochs: 10, l2: 1e-4 } as const;

export interface VideoTask {
  name: string;
  stage: 'reading' | 'embedding' | 'saving' | 'done' | 'failed';
  detail?: string;
}

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
  /** The catalog's U2I personalisation: its demo users and which one this device uses (null: cold). */
  u2i: { demoUsers: DemoUser[]; selected: string | null; source: 'downloaded' | 'on-device' | null } | null;
  /** Whether the service worker has cached everything needed to work with no network. */
  offline: 'unknown' | 'caching' | 'ready' | 'unsupported' | 'error';
  /** The last video the user added: where it is in the pipeline, or why it failed. */
  videoTask: VideoTask | null;
  /** How many videos the user has added on this device. */
  videoCount: number;
  /** Preference-tuned search: the CLIP query passes through the adapter trained on labelled pairs. */
  preference: { enabled: boolean; model: string | null; error: string | null; learnedFrom: number };
}

const initialStatus = (worker: WorkerName): WorkerStatus => ({ worker, state: 'idle', engine: '-', device: '-' });

interface LoggedSearch {
  key: string;
  catalogId: string;
  query: string;
  shown: string[];
  /** The CLIP query vector of the search (mean of its wanted phrases, before any adapter). */
  vector?: Float32Array;
  id: Promise<number | null>;
}

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
    u2i: null,
    videoTask: null,
    videoCount: 0,
    preference: { enabled: false, model: null, error: null, learnedFrom: 0 },
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
      const preferenceOn = (await this.store.getSetting('preferenceTuned', z.boolean())) ?? false;
      this.set({ userId, catalogId, preference: { ...this.state.preference, enabled: preferenceOn } });
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
      } else if (m.type === 'videos-changed' && m.userId === this.state.userId) {
        void this.loadLocalVideos().then(() => (this.state.catalogId === LOCAL_VIDEOS_ID ? this.refreshFeed() : undefined));
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
      this.set({ turns, intent, catalogs });
      // The user's videos are read before the first feed only when that feed is theirs; otherwise after it.
      const videosFirst = this.state.catalogId === LOCAL_VIDEOS_ID;
      if (videosFirst) await this.loadLocalVideos();
      const known = this.state.catalogs!.catalogs.some((c) => c.id === this.state.catalogId);
      const catalogId = known ? this.state.catalogId : catalogs.default;
      this.set({ catalogId, phase: 'ready' });
      await this.loadPersonalisation();
      await this.refreshFeed();
      if (!videosFirst) await this.loadLocalVideos();
    } catch (err) {
      this.set({ phase: 'error', banner: `The app could not start: ${err instanceof Error ? err.message : String(err)}` });
    }
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

  /** Query vectors per (model, phrase): a phrase is encoded once, then every feed uses it at once. */
  private readonly vectors = new Map<string, Float32Array>();
  private readonly encoding = new Set<string>();
  private catalogInfo: CatalogInfo | null = null;

  private async info(): Promise<CatalogInfo> {
    if (this.catalogInfo?.id !== this.state.catalogId) {
      this.catalogInfo = await this.retrieval.call((r) => r.catalogInfo(this.state.catalogId));
    }
    return this.catalogInfo;
  }

  /**
   * The delivery path: stored intent -> ranked feed. It never waits for a model: phrases whose vectors
   * are cached join at once; missing ones are encoded in the background and the feed re-ranks when
   * they arrive. A newer call supersedes an older one.
   */
  async refreshFeed(): Promise<void> {
    const started = performance.now();
    const intent = this.state.intent;
    try {
      const info = await this.info();
      // Wanted phrases search the index; disliked ones find items that look like what is not wanted.
      const phrases = intent ? [...positivePhrases(intent), ...intent.dislikes.map((p) => ({ text: p.text, weight: p.weight }))] : [];
      let queries: RankRequest['queries'];
      let searchVector: Float32Array | undefined;
      if (info.index && phrases.length > 0) {
        const model = info.index.model;
        const have: QueryVector[] = [];
        const missing: string[] = [];
        const adapter = this.state.preference.enabled ? await this.loadAdapter(model) : null;
        const wanted = new Set(intent ? positivePhrases(intent).map((p) => p.text) : []);
        const raw: Float32Array[] = [];
        for (const p of phrases) {
          const hit = this.vectors.get(`${model}\n${p.text}`);
          if (hit) have.push({ text: p.text, weight: p.weight, vector: adapter ? normalised(applyAdapter(adapter, hit)) : hit });
          else missing.push(p.text);
          if (hit && wanted.has(p.text)) raw.push(hit);
        }
        // The query as the encoder saw it (before any adapter): what on-device preference learning trains on.
        if (raw.length > 0) searchVector = normalised(raw.reduce((acc, v) => acc.map((x, j) => x + v[j]!), new Float32Array(raw[0]!.length)));
        const modelId = this.vectorModelId.get(model);
        if (have.length > 0 && modelId) queries = { modelId, vectors: have };
        if (missing.length > 0) this.encodeInBackground(model, missing);
      }
      const feed = await this.retrieval.call(
        (r, id) => r.rank(id, {
          catalogId: this.state.catalogId, intent, k: FEED_SIZE,
          ...(intent && intent.language === 'ko' ? { language: 'ko' } : {}),
          ...(queries ? { queries } : {}),
          ...(this.userVector ? { user: this.userVector, liked: this.likedIds.slice(-20) } : {}),
        }),
        'feed',
      );
      this.set({ feed, feedMs: performance.now() - started });
      this.recordImpressions(feed.map((c) => c.id));
      if (intent && intent.keyPhrases.length > 0 && this.store) {
        const shown = feed.map((c) => c.id);
        const query = intent.keyPhrases.map((p) => p.text).join(', ');
        const key = `${this.state.catalogId}\n${query}\n${shown.join(',')}`;
        if (key !== this.lastSearch?.key) {
          const entry: LoggedSearch = { key, catalogId: this.state.catalogId, query, shown, ...(searchVector ? { vector: searchVector } : {}), id: Promise.resolve(null) };
          entry.id = this.store.addSearchLog({ userId: this.state.userId, catalogId: this.state.catalogId, query, shown, at: Date.now() }).catch(() => null);
          this.lastSearch = entry;
        } else if (searchVector && !this.lastSearch.vector) {
          this.lastSearch.vector = searchVector;
        }
      }
    } catch (err) {
      if (isAbortError(err)) return;
      this.set({ banner: `The feed could not be updated: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  private readonly vectorModelId = new Map<string, string>();
  /** The search the feed on screen answers (its log record), so that a click on it is logged with it. */
  private lastSearch: LoggedSearch | null = null;

  /** Models whose encoder failed to load in this session: not retried on every feed. */
  private readonly encoderFailed = new Set<string>();

  private encodeInBackground(model: string, texts: string[]): void {
    if (this.encoderFailed.has(model)) return;
    const todo = texts.filter((t) => !this.encoding.has(`${model}\n${t}`));
    if (todo.length === 0) return;
    for (const t of todo) this.encoding.add(`${model}\n${t}`);
    void this.encoder
      .call((r, id) => r.encodeText(id, model, todo))
      .then(({ modelId, vectors }) => {
        this.vectorModelId.set(model, modelId);
        todo.forEach((t, i) => this.vectors.set(`${model}\n${t}`, vectors[i]!));
        return this.refreshFeed();
      })
      .catch((err: unknown) => {
        // The encoder reports why in the status bar; the feed keeps its lexical and other sources.
        if (!isAbortError(err) && (err as { name?: string }).name !== 'WorkerCrashedError') this.encoderFailed.add(model);
      })
      .finally(() => {
        for (const t of todo) this.encoding.delete(`${model}\n${t}`);
      });
  }

  /** The understanding path for one message. */
  async send(text: string): Promise<void> {
    const trimmed = text.trim();
    if (!trimmed || this.state.phase !== 'ready') return;
    const turnId = newId();
    const optimistic: ChatTurn = { id: turnId, userId: this.state.userId, role: 'user', text: trimmed, createdAt: Date.now(), status: 'pending' };
    this.set({ turns: [...this.state.turns, optimistic], busy: true, banner: null });
    try {
      const t0 = performance.now();
      // The feed follows the merged intent as soon as the worker knows it, before the disk write ends.
      let early: Intent | null = null;
      let earlyFeed: Promise<void> | null = null;
      const onIntent = Comlink.proxy((intent: Intent) => {
        early = intent;
        const te = performance.now();
        this.set({ intent });
        earlyFeed = this.refreshFeed().then(() => {
          performance.measure('turn:early-intent', { start: t0, end: te });
          performance.measure('turn:feed-early', { start: te });
        });
      });
      const result = await this.llm.call((r, id) => r.handleTurn(id, { userId: this.state.userId, catalogId: this.state.catalogId, turnId, text: trimmed }, onIntent), 'turn');
      const t1 = performance.now();
      performance.measure('turn:worker-store', { start: t0, duration: result.timings.store });
      performance.measure('turn:worker-dag', { start: t0, duration: result.timings.understand });
      // The feed first (the delivery path), the conversation alongside.
      if (result.intentChanged) this.set({ intent: result.intent });
      // The conversation from what the worker stored (no read back); other tabs re-read on the announcement.
      const ids = new Set(result.turns.map((t) => t.id));
      this.set({ turns: [...this.state.turns.filter((t) => !ids.has(t.id)), ...result.turns] });
      // Re-rank only if the stored intent differs from the early one (another tab wrote in between).
      const earlyIntent = early as Intent | null;
      const same = earlyIntent !== null && result.intent !== null && JSON.stringify(earlyIntent) === JSON.stringify(result.intent);
      await Promise.all([
        this.updateComplete().then(() => performance.measure('turn:conversation', { start: t1 })),
        result.intentChanged && !same ? this.refreshFeed().then(() => performance.measure('turn:feed', { start: t1 })) : earlyFeed,
      ]);
      // Visible in the browser's performance panel; the benchmark reads them.
      performance.measure('turn:understand', { start: t0, end: t1 });
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

  /** Resolves after the next frame: the UI has rendered the latest state. */
  private updateComplete(): Promise<void> {
    return new Promise((r) => requestAnimationFrame(() => r()));
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
    this.set({ catalogId, feed: [] });
    await this.store?.putSetting('catalogId', catalogId);
    await this.loadPersonalisation();
    await this.refreshFeed();
  }

  // --- Personalisation: a U2I vector downloaded once, refined on this device, kept in IndexedDB. ---
  private userVector: Float32Array | null = null;
  private likedIds: string[] = [];

  private async loadPersonalisation(): Promise<void> {
    const catalogId = this.state.catalogId;
    this.userVector = null;
    this.likedIds = [];
    const info = await this.retrieval.call((r) => r.u2iInfo(catalogId)).catch(() => null);
    if (!info || !this.store) {
      this.set({ u2i: null });
      return;
    }
    const [stored, selected, events] = await Promise.all([
      this.store.getUserVector(catalogId, this.state.userId),
      this.store.getSetting(`demoUser:${catalogId}`, z.string()),
      this.store.listEvents(this.state.userId),
    ]);
    if (stored && stored.dim === info.dim) this.userVector = stored.vector;
    this.likedIds = events.filter((e) => e.catalogId === catalogId && e.kind === 'like').map((e) => e.itemId);
    this.set({ u2i: { demoUsers: info.demoUsers, selected: this.userVector ? (selected ?? null) : null, source: stored?.source ?? null } });
  }

  /** Picks a demo user: downloads that user's vector once and keeps it on this device ('' = cold start). */
  async selectDemoUser(demoUserId: string): Promise<void> {
    const catalogId = this.state.catalogId;
    if (!this.store || !this.state.u2i) return;
    try {
      if (!demoUserId) {
        await this.store.deleteUserVector(catalogId, this.state.userId);
        await this.store.putSetting(`demoUser:${catalogId}`, '');
        this.userVector = null;
        this.set({ u2i: { ...this.state.u2i, selected: null, source: null } });
      } else {
        const vector = await this.retrieval.call((r) => r.fetchUserVector(catalogId, demoUserId));
        await this.store.putUserVector({ catalogId, userId: this.state.userId, dim: vector.length, vector: new Float32Array(vector), source: 'downloaded', updatedAt: Date.now() });
        await this.store.putSetting(`demoUser:${catalogId}`, demoUserId);
        this.userVector = vector;
        this.set({ u2i: { ...this.state.u2i, selected: demoUserId, source: 'downloaded' } });
      }
      await this.refreshFeed();
    } catch (err) {
      this.set({ banner: `Could not load that user's profile: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  /** On-device learning: one small step of the user vector per like, skip, click or dwell. */
  private async learn(itemId: string, kind: EngagementKind): Promise<void> {
    if (!this.userVector || !this.store || kind === 'impression') return;
    const catalogId = this.state.catalogId;
    const next = await this.retrieval.call((r) => r.updateUser(catalogId, this.userVector!, itemId, kind));
    this.userVector = next;
    await this.store.putUserVector({ catalogId, userId: this.state.userId, dim: next.length, vector: new Float32Array(next), source: 'on-device', updatedAt: Date.now() });
    if (this.state.u2i) this.set({ u2i: { ...this.state.u2i, source: 'on-device' } });
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
      if (kind === 'like') this.likedIds.push(itemId);
      if (kind === 'click' && this.lastSearch) {
        const search = this.lastSearch;
        const id = await search.id;
        if (id !== null) await this.store?.setSearchClick(id, itemId);
        if (this.state.preference.enabled) await this.learnPreference(search, itemId);
      }
      if (kind === 'skip') this.set({ feed: this.state.feed.filter((c) => c.id !== itemId) });
      await this.learn(itemId, kind);
      if (this.userVector && (kind === 'like' || kind === 'skip')) await this.refreshFeed();
    } catch (err) {
      this.set({ banner: err instanceof Error ? err.message : String(err) });
    }
  }

  // --- Videos the user adds: decoded, embedded and stored on this device, searchable by text. ---
  private videoUrls: string[] = [];

  /** (Re)builds the "Your videos" catalog from IndexedDB; it is listed once the user has a video. */
  private async loadLocalVideos(): Promise<void> {
    if (!this.store || !this.state.catalogs) return;
    const videos = await this.store.listVideos(this.state.userId);
    if (videos.length === 0 && this.state.videoCount === 0) return; // nothing to build, nothing listed
    for (const u of this.videoUrls) URL.revokeObjectURL(u);
    this.videoUrls = [];
    const modelId = videos.at(-1)?.modelId ?? '';
    const usable = videos.filter((v) => v.modelId === modelId);
    const local = usable.map((v) => {
      const imageUrl = URL.createObjectURL(v.poster);
      const videoUrl = URL.createObjectURL(v.file);
      this.videoUrls.push(imageUrl, videoUrl);
      return { id: v.id, title: v.name, duration: v.duration, vector: v.vector, keyframes: v.keyframes.map((k) => ({ t: k.t, vector: k.vector })), imageUrl, videoUrl };
    });
    await this.retrieval.call((r) => r.setLocalVideos(local, modelId));
    const others = this.state.catalogs.catalogs.filter((c) => c.id !== LOCAL_VIDEOS_ID);
    const list = videos.length > 0 ? [...others, { id: LOCAL_VIDEOS_ID, name: `Your videos (${videos.length})`, manifest: 'local.json' }] : others;
    this.catalogInfo = null;
    this.set({ catalogs: { ...this.state.catalogs, catalogs: list }, videoCount: videos.length });
  }

  /**
   * Adds a video from the user's device: decoded in the page, keyframes picked where the motion and
   * the cuts are, embedded by the CLIP vision tower in the encoder worker, pooled into one vector and
   * stored in IndexedDB with the file. Then the "Your videos" catalog opens, searchable by text.
   * Nothing is uploaded. Any failure is reported and leaves the stored videos as they were.
   */
  async addVideo(file: File): Promise<boolean> {
    if (!this.store) return false;
    const name = file.name || 'video';
    const fail = (detail: string) => {
      this.set({ videoTask: { name, stage: 'failed', detail } });
      return false;
    };
    if (file.size > MAX_VIDEO_BYTES) return fail(`The file is ${(file.size / 1e6).toFixed(0)} MB; videos up to ${MAX_VIDEO_BYTES / 1024 / 1024} MB can be added.`);
    try {
      this.set({ videoTask: { name, stage: 'reading', detail: 'Finding the keyframes (on this device)…' } });
      const ingested = await ingestVideo(file);
      this.set({ videoTask: { name, stage: 'embedding', detail: `${ingested.keyframes.length} keyframes of ${ingested.analysed} analysed frames; embedding them…` } });
      const { modelId, vectors } = await this.encoder.call((r, id) => r.encodeImages(id, LOCAL_VIDEO_MODEL, ingested.pictures.map((p) => ({ ...p }))));
      const vector = poolMean(vectors);
      this.set({ videoTask: { name, stage: 'saving' } });
      const record: UserVideo = {
        id: `v-${newId()}`, userId: this.state.userId, name, addedAt: Date.now(), duration: ingested.duration,
        file, poster: ingested.poster, modelId, pooling: 'mean', vector: new Float32Array(vector),
        keyframes: ingested.keyframes.map((k, i) => ({ t: k.t, reason: k.reason, vector: new Float32Array(vectors[i]!) })),
      };
      await this.store.putVideo(record);
      this.channel.announce({ type: 'videos-changed', userId: this.state.userId, origin: CONTEXT_ID });
      await this.loadLocalVideos();
      this.set({ videoTask: { name, stage: 'done', detail: `Added: ${ingested.keyframes.length} keyframes (${ingested.keyframes.map((k) => `${k.t.toFixed(1)} s ${k.reason}`).join(', ')}). Ask for what is in it.` } });
      if (this.state.catalogId === LOCAL_VIDEOS_ID) await this.refreshFeed();
      else await this.selectCatalog(LOCAL_VIDEOS_ID);
      return true;
    } catch (err) {
      if (err instanceof VideoIngestError) return fail(`This video could not be read: ${err.message}.`);
      if (err instanceof StoreError) return fail(`${err.message} The video was not added.`);
      return fail(`The video could not be added: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async removeVideo(id: string): Promise<void> {
    if (!this.store) return;
    await this.store.deleteVideo(id);
    this.channel.announce({ type: 'videos-changed', userId: this.state.userId, origin: CONTEXT_ID });
    await this.loadLocalVideos();
    if (this.state.videoCount === 0 && this.state.catalogId === LOCAL_VIDEOS_ID) await this.selectCatalog(this.state.catalogs?.default ?? 'stickers');
    else if (this.state.catalogId === LOCAL_VIDEOS_ID) await this.refreshFeed();
  }

  // --- Preference-tuned search (opt-in): a low-rank adapter on the CLIP query, trained on labelled pairs. ---
  private adapters = new Map<string, Promise<TextAdapter>>();

  /** The shipped adapter for `model`, checked against the encoder's identity; null (and the reason shown) when unusable. */
  private async loadAdapter(model: string): Promise<TextAdapter | null> {
    let p = this.adapters.get(model);
    if (!p) {
      p = (async () => {
        const [identity, json] = await Promise.all(
          [`${model}/identity.json`, 'preference/adapter.json'].map(async (f) => {
            const r = await fetch(new URL(f, this.modelsBaseUrl));
            if (!r.ok) throw new Error(`${f}: HTTP ${r.status}`);
            return r.json() as Promise<unknown>;
          }),
        );
        const modelId = z.object({ modelId: z.string() }).parse(identity).modelId;
        const dim = z.object({ dim: z.number() }).parse(json).dim;
        const shipped = parseAdapter(json, { modelId, dim });
        // This device's adapter, if clicks have trained one for this model; a stale or corrupt one is ignored.
        const mine = await this.store?.getSetting(`preferenceAdapter:${modelId}`, z.object({ adapter: z.unknown(), learnedFrom: z.number().int().min(0) }));
        if (mine) {
          try {
            const a = parseAdapter(mine.adapter, { modelId, dim });
            this.set({ preference: { ...this.state.preference, learnedFrom: mine.learnedFrom } });
            return a;
          } catch {
            /* fall back to the shipped adapter */
          }
        }
        return shipped;
      })();
      this.adapters.set(model, p);
    }
    try {
      const a = await p;
      if (this.state.preference.model !== a.baseModel || this.state.preference.error) this.set({ preference: { ...this.state.preference, model: a.baseModel, error: null } });
      return a;
    } catch (err) {
      const error = `Preference tuning is unavailable: ${err instanceof Error ? err.message : String(err)}`;
      if (this.state.preference.error !== error) this.set({ preference: { ...this.state.preference, error } });
      return null;
    }
  }

  /**
   * On-device preference learning: a click on the n-th result of a search is a pairwise example
   * (skip-above: the clicked item over each item shown above it). The adapter in use takes a few SGD
   * steps on it and is kept in IndexedDB for this model; nothing leaves the device.
   */
  private async learnPreference(search: LoggedSearch, clicked: string): Promise<void> {
    const model = this.catalogInfo?.id === search.catalogId ? this.catalogInfo.index?.model : undefined;
    if (!model || !search.vector || !this.store) return;
    const pairs = clicksToPairs({ query: search.query, catalogId: search.catalogId, shown: search.shown, clicked, at: 0 });
    if (pairs.length === 0) return;
    const adapter = await this.loadAdapter(model);
    if (!adapter) return;
    const ids = [clicked, ...pairs.map((p) => p.rejected)];
    const vecs = await this.retrieval.call((r) => r.itemVectors(search.catalogId, ids));
    const preferred = vecs[0];
    if (!preferred) return;
    const examples = pairs.flatMap((p, i) => {
      const rejected = vecs[i + 1];
      return rejected ? [{ q: search.vector!, preferred, rejected }] : [];
    });
    const next = trainAdapterOnClicks(adapter, examples, ON_DEVICE_PREFERENCE_TRAINING);
    const learnedFrom = this.state.preference.learnedFrom + 1;
    await this.store.putSetting(`preferenceAdapter:${adapter.baseModel}`, { adapter: adapterToJson(next), learnedFrom });
    this.adapters.set(model, Promise.resolve(next));
    this.set({ preference: { ...this.state.preference, learnedFrom } });
  }

  async setPreferenceTuned(enabled: boolean): Promise<void> {
    this.set({ preference: { ...this.state.preference, enabled } });
    await this.store?.putSetting('preferenceTuned', enabled);
    await this.refreshFeed();
  }

  /** The search log (query, shown items, clicked item) as JSONL, for preference training; no user id. */
  async exportSearchLog(): Promise<string> {
    if (!this.store) throw new Error('Local storage is not open.');
    return toJsonl(await this.store.listSearchLogs(this.state.userId));
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

  /** Test hook and diagnostics: unit-length text embeddings from the encoder worker on a chosen device. */
  async encodeTexts(model: string, texts: string[], device?: 'webgpu' | 'wasm'): Promise<{ modelId: string; device: string; vectors: number[][] }> {
    const r = await this.encoder.call((w, id) => w.encodeText(id, model, texts, device));
    return { modelId: r.modelId, device: r.device, vectors: r.vectors.map((v) => Array.from(v)) };
  }

  /** Diagnostics and the app benchmark: committed WebAssembly memory per worker, in bytes. */
  async wasmMemory(): Promise<Record<WorkerName, { memories: number; bytes: number }>> {
    const [llm, encoder, retrieval] = await Promise.all([this.llm.api.memory(), this.encoder.api.memory(), this.retrieval.api.memory()]);
    return { llm, encoder, retrieval };
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
