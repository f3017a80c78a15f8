// The retrieval worker's state and its one path to the page: the inputs of the delivery path (the
// intent, the catalog, phrase vectors, the user's engagement and vectors, their videos) live here,
// and any change to them schedules a rank. Ranks never overlap; a rank whose inputs changed while it
// waited (for a catalog, a vector) is abandoned before it runs, the way Lit's Task drops a stale run,
// so one change costs one rank and one view pushed.
import { z } from 'zod';
import { type CatalogList, LOCAL_VIDEOS_ID } from '../../core/catalog.ts';
import type { Intent } from '../../core/intent.ts';
import { wantedPhrases } from '../../core/wanted.ts';
import { queryableIntent } from '../../core/safety/intent-filter.ts';
import { createLexiconGuard, type LexiconGuard } from '../../core/safety/lexicon.ts';
import type { WorkerStatus } from '../../core/status.ts';
import { normalised } from '../../core/vector.ts';
import type { WorkerConfig } from '../../messages/common.ts';
import type { FeedCard, NewVideo, RetrievalCounters, RetrievalView } from '../../messages/retrieval.ts';
import { type ChangeMessage } from '../../store/channel.ts';
import type { EngagementKind, Store } from '../../store/db.ts';
import { StoreConnection } from '../store-connection.ts';
import { CatalogSource, fetchJson } from '../catalog-source.ts';
import { Catalogs, indexPending, itemVector, type LoadedCatalog } from './catalogs.ts';
import { likedIds, memoryOf, skippedIds } from './engagement.ts';
import { type Action, applyAction, loadPersonal, noteShown, type PersonalState, saveUserVector, selectDemoUser, stepUserVector, userVectorOf } from './personal.ts';
import { skippedRows } from '../../core/engagement/session-vector.ts';
import { skipNeighbours } from '../../core/engagement/skip-penalty.ts';
import { clipFloor, sessionInputFor, sessionSpace } from './picture-space.ts';
import { PhraseVectors } from './phrase-vectors.ts';
import { Preference } from './preference.ts';
import { ShownLog } from './shown-log.ts';
import { type QueryVector, rankFeed } from './rank.ts';
import { U2iModels } from './u2i.ts';
import { LocalVideos } from './videos.ts';

export const FEED_SIZE = 24;

type Report = (s: Omit<WorkerStatus, 'worker'>) => void;

export class RetrievalService {
  readonly catalogs: Catalogs;
  private readonly u2i: U2iModels;
  private readonly preference: Preference;
  private readonly videos = new LocalVideos();
  private readonly connection: StoreConnection;
  private lexiconPromise: Promise<LexiconGuard> | null = null;

  private catalogId: string;
  private intent: Intent | null = null;
  private turnId: string | null = null;
  private personal: Promise<PersonalState> | null = null;
  /** start() has settled the catalog and the stored intent: ranks may run. */
  private started = false;
  private toldEarly = false;
  /** Card actions applied in memory whose write to IndexedDB has not finished (re-applied after a reload). */
  private readonly inFlight = new Map<Action, string>();
  private problem: string | null = null;
  private list: CatalogList | null = null;
  /** The personal state the last rank used (the view shows its U2I part). */
  private personalNow: PersonalState | null = null;
  private shownCatalog: LoadedCatalog | null = null;
  private lastView: RetrievalView | null = null;

  /** Scheduling: `generation` counts input changes; a rank that sees a newer generation is dropped. */
  private generation = 0;
  private running: Promise<void> | null = null;
  private readonly shownLog: ShownLog;
  readonly counters: RetrievalCounters = { ranks: 0, views: 0, encodeCalls: 0, intentsReceived: 0, storeReads: 0, encodeWaitMs: 0, rankMs: 0, lastIntentAt: 0, lastViewAt: 0 };

  constructor(
    private readonly config: WorkerConfig,
    private readonly report: Report,
    private readonly onView: (view: RetrievalView) => void,
    catalogId: string,
    readonly phrases: PhraseVectors,
  ) {
    const modelsBase = new URL(config.modelsBaseUrl);
    this.catalogs = new Catalogs(new CatalogSource(modelsBase), report);
    this.u2i = new U2iModels(modelsBase);
    this.preference = new Preference(modelsBase, () => this.store());
    this.catalogs.onEvict = (id) => this.u2i.forget(id);
    this.catalogs.onIndexReady = (id) => id === this.catalogId && this.invalidate();
    this.phrases.onArrive = () => this.invalidate();
    this.catalogId = catalogId;
    this.connection = new StoreConnection(config.contextId);
    this.shownLog = new ShownLog(config.userId);
  }

  store(): Promise<Store> {
    return this.connection.get();
  }

  /** The lexicon guard, so that an unsafe intent never becomes a query (built once, in the background). */
  private lexicon(): Promise<LexiconGuard> {
    this.lexiconPromise ??= fetchJson(new URL('safety/lexicon.json', this.config.modelsBaseUrl), 'safety lexicon').then(createLexiconGuard);
    this.lexiconPromise.catch(() => (this.lexiconPromise = null));
    return this.lexiconPromise;
  }

  /** Start-up: the stored intent and the catalog, then the first view; the user's videos after it. */
  async start(): Promise<void> {
    void this.lexicon().catch(() => {});
    const store = await this.store();
    store.subscribe((m) => this.onOtherContext(m));
    const list = await this.catalogs.list();
    this.list = list;
    this.catalogId = (await store.getSetting('catalogId', z.string())) || this.catalogId;
    this.preference.view = { ...this.preference.view, enabled: (await store.getSetting('preferenceTuned', z.boolean())) ?? false };
    const videosFirst = this.catalogId === LOCAL_VIDEOS_ID;
    if (videosFirst) await this.videos.reload(store, this.config.userId, this.catalogs);
    if (!this.knownCatalog(list, this.catalogId)) this.catalogId = list.default;
    this.counters.storeReads++;
    const stored = await store.getIntent(this.config.userId);
    // An intent the llm worker told while this worker was starting is newer than the stored one.
    if (!this.toldEarly) this.intent = stored;
    this.started = true;
    await this.invalidate();
    if (!videosFirst && (await this.videos.reload(store, this.config.userId, this.catalogs)) > 0) this.pushView(this.lastView?.feed ?? []);
  }

  private knownCatalog(list: CatalogList, id: string): boolean {
    return list.catalogs.some((c) => c.id === id) || (id === LOCAL_VIDEOS_ID && this.videos.count > 0);
  }

  /** Another tab (never this one: the store filters by context id) changed something this worker owns or reads. */
  private onOtherContext(m: ChangeMessage): void {
    const userId = this.config.userId;
    if ((m.type === 'intent-changed' || m.type === 'turn-committed') && m.userId === userId) {
      if (m.type === 'turn-committed' && m.intentUpdatedAt === null) return;
      if (m.type === 'intent-changed' && this.intent?.updatedAt === m.updatedAt && m.updatedAt !== 0) return;
      void this.store().then(async (s) => {
        this.counters.storeReads++;
        this.intent = await s.getIntent(userId);
        this.turnId = null;
        await this.invalidate();
      });
    } else if (m.type === 'engagement-changed' && m.userId === userId && m.catalogId === this.catalogId) {
      this.personal = null;
      void this.invalidate();
    } else if (m.type === 'videos-changed' && m.userId === userId) {
      void this.store().then(async (s) => {
        await this.videos.reload(s, userId, this.catalogs);
        if (this.catalogId === LOCAL_VIDEOS_ID && this.videos.count === 0) this.catalogId = (await this.catalogs.list()).default;
        await this.invalidate();
      });
    }
  }

  /** The llm worker's news: the intent after one of this tab's chat turns. */
  intentChanged(userId: string, intent: Intent | null, turnId: string | null): void {
    if (userId !== this.config.userId) return;
    this.counters.intentsReceived++;
    this.counters.lastIntentAt = performance.timeOrigin + performance.now();
    if (!this.started) {
      // Still starting (a restart after a crash, a first turn sent at once): the catalog is not known
      // yet, so a rank now would fail. Kept; start() ranks for it.
      this.intent = intent;
      this.turnId = turnId;
      this.toldEarly = true;
      return;
    }
    this.turnId = turnId;
    if (intent && this.intent && this.lastView && !this.running && JSON.stringify(intent) === JSON.stringify(this.intent)) {
      // The same intent and nothing pending: the view on screen is current; the turn is answered with it.
      // (While a rank runs, the last view may predate a card action: rank again instead.)
      this.pushView(this.lastView.feed, this.lastView.feedMs, this.lastView.encodeMs);
      return;
    }
    this.intent = intent;
    void this.invalidate();
  }

  async setCatalog(catalogId: string): Promise<void> {
    if (catalogId === this.catalogId && this.lastView) return;
    this.catalogId = catalogId;
    await (await this.store()).putSetting('catalogId', catalogId);
    this.personal = null;
    this.turnId = null;
    await this.invalidate();
  }

  private personalFor(cat: LoadedCatalog): Promise<PersonalState> {
    if (!this.personal) {
      this.personal = this.store().then(async (s) => {
        this.counters.storeReads++;
        const p = await loadPersonal(s, this.config.userId, cat, this.u2i);
        for (const [a, catalogId] of this.inFlight) if (catalogId === p.catalogId) applyAction(p, a);
        return p;
      });
      this.personal.catch(() => (this.personal = null));
    }
    return this.personal;
  }

  /** Inputs changed: rank once more (after the running rank, if any); resolves when a view for them is out. */
  invalidate(): Promise<void> {
    this.generation++;
    if (!this.running) {
      this.running = (async () => {
        try {
          while (await this.rankOnce()) { /* a newer change arrived while waiting: rank for it */ }
        } finally {
          this.running = null;
        }
      })();
    }
    return this.running;
  }

  /** One rank for the current generation; returns true when it was abandoned as stale. */
  private async rankOnce(): Promise<boolean> {
    const generation = this.generation;
    const started = performance.now();
    try {
      const cat = await this.catalogs.get(this.catalogId);
      const personal = await this.personalFor(cat);
      this.personalNow = personal;
      this.shownCatalog = cat;
      const guard = this.intent ? await this.lexicon().catch(() => ({ check: () => ({ verdict: 'unsafe' as const, categories: ['guard-unavailable'] }) })) : null;
      // Fail closed: without the guard, no phrase of the intent is used as a query.
      const intent = this.intent && guard ? queryableIntent(this.intent, guard).intent : null;
      const encodeStart = performance.now();
      const { queries, searchVector } = await this.queriesFor(cat, intent);
      const encodeMs = performance.now() - encodeStart;
      const floor = await clipFloor(cat, this.config.modelsBaseUrl, (detail) => this.report({ state: 'ready', engine: `lexical + CLIP index (${cat.index?.modelId})`, device: cat.index?.kernelKind ?? 'js', detail }));
      if (generation !== this.generation) return true;
      const language = intent?.language === 'ko' ? 'ko' : undefined;
      this.counters.ranks++;
      const user = userVectorOf(cat, personal);
      const space = sessionSpace(cat);
      const liked = likedIds(personal.engagement);
      const session = sessionInputFor(cat, personal, intent, Date.now());
      const { cards } = rankFeed({
        cat, intent, k: FEED_SIZE, queries, exclude: skippedIds(personal.engagement),
        ...(language ? { language } : {}),
        ...(user && personal.model ? { u2i: { user: user.vector, items: personal.model.items, liked: liked.slice(-20) } } : {}),
        // Diversity over the picture space only while the user asks for nothing in words (a first screen,
        // browsing): with a request, MMR lifted look-unalike expansion hits above what was literally asked.
        ...(space && (!intent || wantedPhrases(intent).length === 0) ? { diversityVectors: space.vectors } : {}),
        ...(session ? { session } : {}),
        ...(space && personal.engagement.skipped.size > 0 ? { penalties: skipNeighbours(skippedRows(personal.events, cat.rowOfId), space.vectors) } : {}),
        ...(floor !== undefined ? { clipFloor: floor } : {}),
      });
      if (user?.folded && personal.u2i) personal.u2i = { ...personal.u2i, source: 'on-device' };
      const rankMs = performance.now() - started;
      this.counters.encodeWaitMs += encodeMs;
      this.counters.rankMs += rankMs;
      this.pushView(cards, rankMs, encodeMs);
      this.logSearch(cat.manifest.id, intent, cards, searchVector);
      // Inputs that changed after the check above (a catalog switch during the last awaits) are not in
      // this rank: run again for them rather than lose them.
      return generation !== this.generation;
    } catch (err) {
      this.problem = `The feed could not be updated: ${err instanceof Error ? err.message : String(err)}`;
      this.pushView(this.lastView?.feed ?? []);
      return generation !== this.generation;
    }
  }

  /** Vectors for the intent's phrases from the model the index was built with; waits briefly for missing ones. */
  private async queriesFor(cat: LoadedCatalog, intent: Intent | null): Promise<{ queries: QueryVector[]; searchVector?: Float32Array }> {
    if (!intent || !cat.index) return { queries: [] };
    const model = cat.index.modelId.split('@')[0]!;
    // The CLIP source searches by what the user said: knowledge expansions reach the feed through the
    // lexical and knowledge-link sources (encoding them too made each turn wait on the encoder for up
    // to a dozen phrases: rank 125-160 ms instead of a few ms, tools/dev timing, 2026-11-30).
    const wanted = wantedPhrases(intent).filter((p) => !p.reason);
    const phrases = [...wanted, ...intent.dislikes.map((p) => ({ text: p.text, weight: p.weight }))];
    if (phrases.length === 0) return { queries: [] };
    const before = this.phrases.encodeCalls;
    await this.phrases.ensure(model, phrases.map((p) => p.text));
    this.counters.encodeCalls += this.phrases.encodeCalls - before;
    const modelId = this.phrases.modelIdOf(model);
    if (!modelId) return { queries: [] };
    if (modelId !== cat.index.modelId) {
      this.report({ state: 'error', engine: 'lexical', device: 'js', detail: `The index of ${cat.manifest.id} was built by ${cat.index.modelId}, but the encoder runs ${modelId}: rebuild the index. Using lexical match.` });
      return { queries: [] };
    }
    const adapter = await this.preference.active(model);
    const queries: QueryVector[] = [];
    const raw: Float32Array[] = [];
    const wantedSet = new Set(wanted.map((p) => p.text));
    for (const p of phrases) {
      const v = this.phrases.get(model, p.text);
      if (!v) continue;
      queries.push({ text: p.text, weight: p.weight, vector: this.preference.apply(adapter, v) });
      if (wantedSet.has(p.text)) raw.push(v);
    }
    // The query as the encoder saw it (before any adapter): what on-device preference learning trains on.
    const searchVector = raw.length > 0 ? normalised(raw.reduce((acc, v) => acc.map((x, j) => x + v[j]!), new Float32Array(raw[0]!.length))) : undefined;
    return { queries, ...(searchVector ? { searchVector } : {}) };
  }

  private pushView(feed: FeedCard[], feedMs = 0, encodeMs = 0): void {
    const list = this.list ?? { default: this.catalogId, catalogs: [] };
    const others = list.catalogs.filter((c) => c.id !== LOCAL_VIDEOS_ID);
    const catalogs = this.videos.count > 0 ? { ...list, catalogs: [...others, { id: LOCAL_VIDEOS_ID, name: `Your videos (${this.videos.count})`, manifest: 'local.json' }] } : list;
    this.lastView = {
      catalogs, catalogId: this.catalogId, feed, feedMs, encodeMs, turnId: this.turnId, intent: this.intent,
      u2i: this.personalNow?.catalogId === this.catalogId ? this.personalNow.u2i : null,
      preference: this.preference.view, videoCount: this.videos.count, problem: this.problem,
      refining: (this.shownCatalog?.manifest.id === this.catalogId && indexPending(this.shownCatalog)) || this.phrases.arriving,
      memory: this.personalNow && this.shownCatalog ? memoryOf(this.personalNow.engagement, this.personalNow.catalogId, this.shownCatalog) : { liked: [], skipped: [] },
    };
    this.problem = null;
    this.counters.views++;
    this.counters.lastViewAt = performance.timeOrigin + performance.now();
    this.onView(this.lastView);
  }

  /** Forgets one remembered like or skip: its events are deleted (so export and other tabs follow). */
  async forget(itemId: string, kind: 'like' | 'skip'): Promise<void> {
    const store = await this.store();
    const kinds = kind === 'like' ? (['like', 'unlike'] as const) : (['skip', 'unskip'] as const);
    const events = await store.listEvents(this.config.userId, { catalogId: this.catalogId, kinds: [...kinds] });
    const ids = events.filter((e) => e.itemId === itemId && e.id !== undefined).map((e) => e.id!);
    if (ids.length > 0) await store.deleteEvents(ids);
    this.personal = null;
    await this.invalidate();
  }

  /** What the user saw, on this device only: impressions, and the search the feed answers (for click logs). */
  private logSearch(catalogId: string, intent: Intent | null, cards: FeedCard[], searchVector?: Float32Array): void {
    this.shownLog.record(() => this.store(), catalogId, intent, cards.map((c) => c.id), searchVector);
  }

  /**
   * A card action: the feed follows at once (the in-memory state changes before anything is awaited
   * on the disk, so neither this rank nor a chat turn's can show a card just skipped), then it is
   * stored and learned from. A failed write puts the state back to what IndexedDB holds and rethrows.
   */
  async engage(itemId: string, kind: EngagementKind, dwellMs?: number): Promise<void> {
    const catalogId = this.catalogId;
    const action: Action = { itemId, kind, at: Date.now() };
    const cat = await this.catalogs.get(catalogId);
    const personal = await this.personalFor(cat);
    applyAction(personal, action);
    // The screen the user acted on counts as seen: the next cold screen explores elsewhere. (Not every
    // rank: a feed nobody has acted on stays put when something unrelated re-ranks it.)
    if (this.lastView && this.lastView.catalogId === catalogId) noteShown(personal.shown, this.lastView.feed.map((c) => c.id));
    const vectorMoved = stepUserVector(cat, personal, action);
    const feedFollows = kind !== 'click' && kind !== 'dwell' && kind !== 'impression' ? this.invalidate() : null;
    const store = await this.store();
    this.inFlight.set(action, catalogId);
    try {
      await store.addEvent({ userId: this.config.userId, catalogId, ...action, ...(dwellMs !== undefined ? { dwellMs: Math.round(dwellMs) } : {}) });
    } catch (err) {
      this.personal = null;
      void this.invalidate();
      throw err;
    } finally {
      this.inFlight.delete(action);
    }
    if (kind === 'click' && this.shownLog.last?.catalogId === catalogId) {
      const search = this.shownLog.last;
      const id = await search.id;
      if (id !== null) await store.setSearchClick(id, itemId);
      const model = cat.index?.modelId.split('@')[0];
      if (model && (await this.preference.learnFromClick(model, search, itemId, (ids) => ids.map((i) => itemVector(cat, i))))) this.pushView(this.lastView?.feed ?? []);
    }
    if (vectorMoved) await saveUserVector(store, this.config.userId, personal);
    await feedFollows;
  }

  async selectDemoUser(demoUserId: string): Promise<void> {
    const cat = await this.catalogs.get(this.catalogId);
    await selectDemoUser(await this.store(), this.config.userId, await this.personalFor(cat), this.u2i, demoUserId);
    await this.invalidate();
  }

  async setPreferenceTuned(enabled: boolean): Promise<void> {
    this.preference.view = { ...this.preference.view, enabled };
    await (await this.store()).putSetting('preferenceTuned', enabled);
    await this.invalidate();
  }

  async addVideo(video: NewVideo): Promise<void> {
    const store = await this.store();
    await store.putVideo({ ...video, userId: this.config.userId });
    await this.videos.reload(store, this.config.userId, this.catalogs);
    this.catalogId = LOCAL_VIDEOS_ID;
    await store.putSetting('catalogId', LOCAL_VIDEOS_ID);
    this.personal = null;
    await this.invalidate();
  }

  async removeVideo(id: string): Promise<void> {
    const store = await this.store();
    await store.deleteVideo(id);
    await this.videos.reload(store, this.config.userId, this.catalogs);
    if (this.videos.count === 0 && this.catalogId === LOCAL_VIDEOS_ID) this.catalogId = (await this.catalogs.list()).default;
    this.personal = null;
    await this.invalidate();
  }

  async refresh(): Promise<RetrievalView> {
    await this.invalidate();
    return this.lastView!;
  }
}
