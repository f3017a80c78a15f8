// The delivery path: catalogs in memory, a stored intent in, a ranked feed out, in milliseconds.
// Thin: fusion and ranking are core/delivery.ts; this file fetches, validates and caches catalogs and
// their embedding indexes, and searches the index with the query vectors the encoder made.
import { wasmMemoryReport } from './memory-probe.ts'; // first: it wraps WebAssembly before anything instantiates
import * as Comlink from 'comlink';
import type { CatalogItem, CatalogList, CatalogManifest } from '../core/catalog.ts';
import { deliver, type DeliveryRequest, type FeedEntry, type IntentHit, type PhraseHits, pictureDislikes } from '../core/delivery.ts';
import { type DemoUser, parseItemVectors, parseU2iManifest, parseUserVector, type U2iManifest, userVectorPath, type VectorMatrix } from '../core/u2i/format.ts';
import { DEFAULT_ONLINE_LEARNING_RATE, type EngagementSignal, updateUserVector } from '../core/u2i/online.ts';
import { createSearchKernel, type SearchKernel } from '../core/index/kernel.ts';
import { VectorIndex } from '../core/index/vector-index.ts';
import { bestMoment, type VideoMoment } from '../core/video/moment.ts';
import { normalised } from '../core/vector.ts';
import { CATALOG_FORMAT_VERSION, decodeVectorBase64, LOCAL_VIDEOS_ID, VideoKeyframesSchema } from '../core/catalog.ts';
import { encodeIndex, fileChecksum, INDEX_FORMAT_VERSION } from '../core/index/format.ts';
import type { Intent } from '../core/intent.ts';
import { buildLexicalIndex, type LexicalIndex } from '../core/lexical.ts';
import type { StatusListener, WorkerStatus } from '../core/status.ts';
import { queryableIntent } from '../core/safety/intent-filter.ts';
import { createLexiconGuard, type LexiconGuard } from '../core/safety/lexicon.ts';
import { CatalogSource, fetchJson } from './catalog-source.ts';
import { cancel, crashSoon, withRequest } from './requests.ts';

interface LoadedCatalog {
  manifest: CatalogManifest;
  baseUrl: URL;
  items: CatalogItem[];
  byId: Map<string, CatalogItem>;
  /** Item id -> position in `items`. */
  rowOfId: Map<string, number>;
  lexical: LexicalIndex;
  /** The embedding index once loaded (null while loading, or if it failed: the reason is in `indexError`). */
  index: VectorIndex | null;
  /** For each index row, the item's position in `items`. */
  itemOfRow: Int32Array | null;
  indexError: string | null;
  /** Items that live on this device (the user's videos): object URLs made by the page, by item id. */
  localUrls?: Map<string, { imageUrl: string; videoUrl: string }>;
  /** Per-item keyframes for "jump to the moment": time and unit vector. */
  moments?: Map<string, VideoMoment[]>;
}


export interface LocalVideo {
  id: string;
  title: string;
  duration: number;
  vector: Float32Array;
  keyframes: { t: number; vector: Float32Array }[];
  imageUrl: string;
  videoUrl: string;
}

let kernelPromise: Promise<SearchKernel> | null = null;

/** A catalog's U2I model: item vectors aligned with the catalog's items (zeros where it has none). */
interface LoadedU2i {
  manifest: U2iManifest;
  baseUrl: URL;
  items: VectorMatrix;
}
const u2is = new Map<string, Promise<LoadedU2i | null>>();

/** U2I files live at u2i/<catalog>/manifest.json; a catalog without them has no personalisation. */
function getU2i(cat: LoadedCatalog): Promise<LoadedU2i | null> {
  const id = cat.manifest.id;
  let p = u2is.get(id);
  if (!p) {
    p = (async () => {
      const url = new URL(`u2i/${id}/manifest.json`, source().modelsBase);
      const res = await fetch(url);
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`Could not fetch ${url.pathname}: HTTP ${res.status}`);
      const manifest = parseU2iManifest(await res.json());
      const baseUrl = new URL('.', url);
      const itemsRes = await fetch(new URL(manifest.items.file, baseUrl));
      if (!itemsRes.ok) throw new Error(`Could not fetch the U2I item vectors: HTTP ${itemsRes.status}`);
      const raw = parseItemVectors(new Uint8Array(await itemsRes.arrayBuffer()), manifest);
      const dim = raw.dim;
      const data = new Float32Array(cat.items.length * dim);
      manifest.items.ids.forEach((itemId, row) => {
        const i = cat.rowOfId.get(itemId);
        if (i !== undefined) data.set(raw.data.subarray(row * dim, (row + 1) * dim), i * dim);
      });
      return { manifest, baseUrl, items: { rows: cat.items.length, dim, data } };
    })();
    p.catch(() => u2is.delete(id));
    u2is.set(id, p);
  }
  return p;
}

/** Loads (or reloads) a catalog's index in the background; the previous index keeps serving on failure. */
async function loadIndex(cat: LoadedCatalog): Promise<void> {
  const info = cat.manifest.index;
  if (!info) return;
  kernelPromise ??= createSearchKernel();
  const kernel = await kernelPromise;
  const label = `${cat.manifest.id}/${info.file}`;
  try {
    const res = await fetch(new URL(info.file, cat.baseUrl));
    const index = await VectorIndex.load(res, {
      kernel, expectedDim: info.dim, expectedModelId: info.modelId,
      onProgress: (p) => report({ state: 'loading', engine: 'lexical + index', device: kernel.kind, progress: { label, loadedBytes: p.loadedBytes, totalBytes: p.totalBytes || info.sizeBytes } }),
    });
    const itemOfRow = new Int32Array(index.count);
    for (let r = 0; r < index.count; r++) itemOfRow[r] = cat.rowOfId.get(index.idAt(r)) ?? -1;
    cat.index = index;
    cat.itemOfRow = itemOfRow;
    cat.indexError = null;
    report({ state: 'ready', engine: `lexical + CLIP index (${info.modelId})`, device: index.kernelKind, detail: `${cat.manifest.name}: ${cat.items.length} items, index ${index.count} x ${index.dim} ${index.quantisation}` });
  } catch (err) {
    cat.indexError = err instanceof Error ? err.message : String(err);
    report({ state: 'ready', engine: 'lexical', device: 'js', detail: `The embedding index could not load (${cat.indexError}); the feed uses lexical match.` });
  }
}

/** A video catalog's keyframes, for "jump to the moment"; without them videos simply start at 0. */
async function loadMoments(cat: LoadedCatalog, file: string): Promise<void> {
  try {
    const kf = VideoKeyframesSchema.parse(await fetchJson(new URL(file, cat.baseUrl), 'video keyframes'));
    cat.moments = new Map(kf.videos.map((v) => [v.id, v.keyframes.map((k) => ({ t: k.t, vector: decodeVectorBase64(k.vector, kf.dim) }))]));
  } catch (err) {
    report({ state: 'ready', engine: 'lexical', device: 'js', detail: `Video keyframes unavailable (${err instanceof Error ? err.message : String(err)}); videos start at the beginning.` });
  }
}

/** Each phrase's nearest items in the catalog's index (one scan for all phrases), by item position. */
function phraseHits(cat: LoadedCatalog, queries: readonly QueryVector[], k: number): PhraseHits[] {
  const index = cat.index;
  if (!index || !cat.itemOfRow || queries.length === 0) return [];
  return index.searchEach(queries.map((q) => q.vector), k).map((hits) => ({
    hits: hits.flatMap((h) => (cat.itemOfRow![h.row]! >= 0 ? [{ item: cat.itemOfRow![h.row]!, score: h.score }] : [])),
    complete: hits.length >= index.count,
  }));
}

/** CLIP hits for the intent's phrases, each hit keeping its best phrase (weight x score). */
function intentHits(queries: readonly QueryVector[], lists: readonly PhraseHits[]): IntentHit[] {
  const best = new Map<number, IntentHit>();
  lists.forEach(({ hits }, qi) => {
    const q = queries[qi]!;
    for (const h of hits) {
      const score = q.weight * h.score;
      const prev = best.get(h.item);
      if (!prev || score > prev.score) best.set(h.item, { item: h.item, score, because: [{ phrase: q.text }] });
    }
  });
  return [...best.values()];
}

/**
 * Items that look like what the user does not want (pictureDislikes): the nearest 1% of the catalog
 * (at least one item) to a disliked phrase, when closer to it than to every wanted phrase.
 */
function dislikesByPicture(cat: LoadedCatalog, wanted: readonly PhraseHits[], dislikes: readonly QueryVector[]): Set<number> {
  const top = Math.max(1, Math.round(cat.index!.count * 0.01));
  return pictureDislikes(phraseHits(cat, dislikes, top), wanted, top);
}

let onStatus: StatusListener | null = null;
let catalogSource: CatalogSource | null = null;
/** The lexicon guard, so that an unsafe intent never becomes a query (built once, in the background). */
let lexiconPromise: Promise<LexiconGuard> | null = null;
function lexicon(): Promise<LexiconGuard> {
  lexiconPromise ??= fetchJson(new URL('safety/lexicon.json', source().modelsBase), 'safety lexicon').then(createLexiconGuard);
  lexiconPromise.catch(() => (lexiconPromise = null));
  return lexiconPromise;
}
const catalogs = new Map<string, Promise<LoadedCatalog>>();

function report(s: Omit<WorkerStatus, 'worker'>): void {
  onStatus?.({ worker: 'retrieval', ...s });
}

function source(): CatalogSource {
  if (!catalogSource) throw new Error('retrieval worker used before init');
  return catalogSource;
}

function getList(): Promise<CatalogList> {
  return source().list();
}

/**
 * Catalogs kept in memory at once. Switching back to an evicted catalog fetches it again (from the
 * service worker's cache when offline); the user's own videos are built here, not fetched, so they stay.
 */
export const RESIDENT_CATALOGS = 3;

function touch(id: string): void {
  const p = catalogs.get(id);
  if (!p) return;
  catalogs.delete(id); // Map order = recency of use
  catalogs.set(id, p);
  const fetched = [...catalogs.keys()].filter((k) => k !== LOCAL_VIDEOS_ID);
  for (const old of fetched.slice(0, Math.max(0, fetched.length - RESIDENT_CATALOGS))) {
    catalogs.delete(old);
    u2is.delete(old);
  }
}

function getCatalog(id: string): Promise<LoadedCatalog> {
  let p = catalogs.get(id);
  if (p) touch(id);
  if (!p) {
    p = (async () => {
      const { manifest, baseUrl, items } = await source().load(id, (m) =>
        report({ state: 'loading', engine: 'lexical', device: 'js', detail: `Loading catalog ${m.name}` }),
      );
      const lexical = buildLexicalIndex(items, manifest);
      const rowOfId = new Map(items.map((it, i) => [it.id, i]));
      report({ state: 'ready', engine: 'lexical', device: 'js', detail: `${manifest.name}: ${items.length} items` });
      const cat: LoadedCatalog = { manifest, baseUrl, items, byId: new Map(items.map((it) => [it.id, it])), rowOfId, lexical, index: null, itemOfRow: null, indexError: null };
      void loadIndex(cat);
      if (manifest.keyframes) void loadMoments(cat, manifest.keyframes);
      return cat;
    })();
    p.catch((err: unknown) => {
      catalogs.delete(id);
      report({ state: 'error', engine: 'lexical', device: 'js', detail: String(err instanceof Error ? err.message : err) });
    });
    catalogs.set(id, p);
    touch(id);
  }
  return p;
}

function subtitleOf(it: CatalogItem, manifest: CatalogManifest, language: string): string {
  const label = (c: string) => manifest.categoryLabels[c]?.[language] ?? manifest.categoryLabels[c]?.en ?? c;
  return [it.year ? String(it.year) : '', [...new Set([it.category, ...it.categories])].slice(0, 3).map(label).join(', ')].filter(Boolean).join(' · ');
}

/** What the feed needs to draw one item. */
export interface FeedCard extends FeedEntry {
  title: string;
  /** Localised title when the user's language has one. */
  localTitle?: string;
  imageUrl?: string;
  /** Video items: the file to play, and the moment that best matches the query (seconds). */
  videoUrl?: string;
  /** The user's own item (a video they added): it can be removed from this device. */
  own?: boolean;
  startAt?: number;
  glyph?: string;
  category: string;
  /** A short line under the title for items without a picture: year and category name ("1979 · horror"). */
  subtitle?: string;
}

export interface QueryVector {
  text: string;
  weight: number;
  /** Unit length, from the encoder. */
  vector: Float32Array;
}

export interface RankRequest {
  catalogId: string;
  intent: Intent | null;
  k: number;
  exclude?: string[];
  language?: string;
  /** Query vectors for the intent's phrases, and the model that made them. */
  queries?: { modelId: string; vectors: QueryVector[] };
  /** The user's U2I vector for this catalog (downloaded, then refined on the device). */
  user?: Float32Array;
  /** Items the user liked, for "because you liked X". */
  liked?: string[];
}

export interface U2iInfo {
  modelId: string;
  dim: number;
  maxNorm: number;
  demoUsers: DemoUser[];
}

/** What the main thread needs to know about a catalog to prepare queries. */
export interface CatalogInfo {
  id: string;
  kind: string;
  itemCount: number;
  index: { modelId: string; dim: number; model: string } | null;
}

const api = {
  /** Linear memory of the WebAssembly modules this worker runs (see memory-probe.ts). */
  memory: wasmMemoryReport,
  init(listener: StatusListener, modelsBaseUrl: string): void {
    onStatus = listener;
    catalogSource = new CatalogSource(new URL(modelsBaseUrl));
    void lexicon().catch(() => {});
    report({ state: 'idle', engine: 'lexical', device: 'js' });
  },

  async listCatalogs(): Promise<CatalogList> {
    return getList();
  },

  /** The catalog's U2I model, if it has one: its demo users and vector size. */
  async u2iInfo(catalogId: string): Promise<U2iInfo | null> {
    const m = await getU2i(await getCatalog(catalogId));
    return m ? { modelId: m.manifest.modelId, dim: m.manifest.dim, maxNorm: m.manifest.users.maxNorm, demoUsers: m.manifest.demoUsers } : null;
  },

  /** Downloads one user's vector (validated against the manifest). */
  async fetchUserVector(catalogId: string, userId: string): Promise<Float32Array> {
    const m = await getU2i(await getCatalog(catalogId));
    if (!m) throw new Error(`The catalog "${catalogId}" has no user vectors`);
    const res = await fetch(new URL(userVectorPath(m.manifest, userId), m.baseUrl));
    if (!res.ok) throw new Error(`Could not download the vector of user ${userId}: HTTP ${res.status}`);
    const v = parseUserVector(new Uint8Array(await res.arrayBuffer()), m.manifest);
    return Comlink.transfer(v, [v.buffer as ArrayBuffer]);
  },

  /** One on-device learning step from the user's own engagement with an item; nothing leaves the device. */
  async updateUser(catalogId: string, user: Float32Array, itemId: string, signal: EngagementSignal): Promise<Float32Array> {
    const cat = await getCatalog(catalogId);
    const m = await getU2i(cat);
    const i = cat.rowOfId.get(itemId);
    if (!m || i === undefined || user.length !== m.items.dim) return user;
    const itemVec = m.items.data.subarray(i * m.items.dim, (i + 1) * m.items.dim);
    if (itemVec.every((x) => x === 0)) return user;
    const next = updateUserVector(user, itemVec, signal, DEFAULT_ONLINE_LEARNING_RATE, { maxNorm: m.manifest.users.maxNorm });
    return Comlink.transfer(next, [next.buffer as ArrayBuffer]);
  },

  /**
   * Replaces the catalog of the user's own videos (built in memory from what the page stored in
   * IndexedDB). Vectors must come from `modelId`, the model the queries are encoded with.
   */
  async setLocalVideos(videos: LocalVideo[], modelId: string): Promise<number> {
    kernelPromise ??= createSearchKernel();
    const kernel = await kernelPromise;
    const dim = videos[0]?.vector.length ?? 0;
    const items: CatalogItem[] = videos.map((v) => ({
      id: v.id, title: v.title, titles: {}, tags: {}, category: 'your-videos', categories: [], duration: v.duration, safety: 'safe', popularity: 0,
    }));
    const manifest: CatalogManifest = {
      formatVersion: CATALOG_FORMAT_VERSION, id: LOCAL_VIDEOS_ID, name: 'Your videos (this device)', kind: 'videos', itemCount: items.length, items: 'local.json',
      licence: { summary: 'Videos you added; they stay on this device.', file: 'LICENSE.md' }, languages: ['en', 'ko'],
      categoryLabels: { 'your-videos': { en: 'your videos', ko: '내 동영상' } }, categoryKeywords: {},
    };
    let index: VectorIndex | null = null;
    if (videos.length > 0) {
      if (videos.some((v) => v.vector.length !== dim)) throw new Error('the stored videos have vectors of different sizes');
      const vectors = new Float32Array(videos.length * dim);
      videos.forEach((v, i) => vectors.set(v.vector, i * dim));
      const bytes = encodeIndex({ dim, vectors, ids: videos.map((v) => v.id), quantisation: 'f32', metric: 'ip', modelId });
      index = VectorIndex.fromBytes(bytes, { kernel });
      manifest.index = { file: 'local.bin', formatVersion: INDEX_FORMAT_VERSION, modelId, dim, checksum: fileChecksum(bytes).toString(16), sizeBytes: bytes.byteLength, source: 'video', pooling: 'mean', categories: [] };
    }
    const rowOfId = new Map(items.map((it, i) => [it.id, i]));
    const cat: LoadedCatalog = {
      manifest, baseUrl: new URL(source().modelsBase), items, byId: new Map(items.map((it) => [it.id, it])), rowOfId,
      lexical: buildLexicalIndex(items, manifest), index, itemOfRow: index ? Int32Array.from(items.map((_, i) => i)) : null, indexError: null,
      localUrls: new Map(videos.map((v) => [v.id, { imageUrl: v.imageUrl, videoUrl: v.videoUrl }])),
      moments: new Map(videos.map((v) => [v.id, v.keyframes])),
    };
    catalogs.set(LOCAL_VIDEOS_ID, Promise.resolve(cat));
    return items.length;
  },

  /** Unit-length index vectors of the given items (null for an item the index does not have). */
  async itemVectors(catalogId: string, ids: string[]): Promise<(Float32Array | null)[]> {
    const cat = await getCatalog(catalogId);
    const index = cat.index;
    return ids.map((id) => {
      const row = index?.rowOf(id);
      if (!index || row === undefined) return null;
      const v = index.vectorAt(row);
      return v.some((x) => x !== 0) ? normalised(v) : null;
    });
  },

  async catalogInfo(catalogId: string): Promise<CatalogInfo> {
    const cat = await getCatalog(catalogId);
    const idx = cat.manifest.index;
    return {
      id: cat.manifest.id, kind: cat.manifest.kind, itemCount: cat.items.length,
      index: idx ? { modelId: idx.modelId, dim: idx.dim, model: idx.modelId.split('@')[0]! } : null,
    };
  },

  async rank(requestId: number, req: RankRequest): Promise<FeedCard[]> {
    return withRequest(requestId, async (signal) => {
      const cat = await getCatalog(req.catalogId);
      // Fail closed: without the guard, no phrase of the intent is used as a query.
      const guard = req.intent ? await lexicon().catch(() => ({ check: () => ({ verdict: 'unsafe' as const, categories: ['guard-unavailable'] }) })) : null;
      const intent = req.intent && guard ? queryableIntent(req.intent, guard).intent : null;
      signal.throwIfAborted();
      // Only vectors of phrases still in the (safe) intent, from the model the index was built with.
      let hits: IntentHit[] = [];
      let wanted: QueryVector[] = [];
      let dislikedByPicture: Set<number> | undefined;
      if (intent && req.queries && cat.index) {
        if (req.queries.modelId !== cat.index.modelId) {
          report({ state: 'error', engine: 'lexical', device: 'js', detail: `The index of ${cat.manifest.id} was built by ${cat.index.modelId}, but the encoder runs ${req.queries.modelId}: rebuild the index. Using lexical match.` });
        } else {
          const allowed = new Set([...intent.keyPhrases, ...intent.likes].map((p) => p.text.toLocaleLowerCase()));
          const unwanted = new Set(intent.dislikes.map((p) => p.text.toLocaleLowerCase()));
          wanted = req.queries.vectors.filter((q) => allowed.has(q.text.toLocaleLowerCase()));
          const wantedHits = phraseHits(cat, wanted, req.k * 4);
          hits = intentHits(wanted, wantedHits);
          const dislikes = req.queries.vectors.filter((q) => unwanted.has(q.text.toLocaleLowerCase()) && !allowed.has(q.text.toLocaleLowerCase()));
          if (dislikes.length > 0) dislikedByPicture = dislikesByPicture(cat, wantedHits, dislikes);
        }
      }
      let u2i: DeliveryRequest['u2i'];
      if (req.user) {
        const model = await getU2i(cat).catch(() => null);
        if (model && model.items.dim === req.user.length) {
          const liked = (req.liked ?? []).flatMap((id) => {
            const i = cat.rowOfId.get(id);
            return i === undefined ? [] : [{ itemIndex: i, title: cat.items[i]!.title }];
          });
          u2i = { user: req.user, items: model.items, liked };
        }
      }
      signal.throwIfAborted();
      const entries = deliver({
        items: cat.items, lexical: cat.lexical, intent, k: req.k, intentHits: hits, ...(u2i ? { u2i } : {}),
        ...(dislikedByPicture ? { dislikedByPicture } : {}),
        ...(req.exclude ? { exclude: new Set(req.exclude) } : {}),
      });
      const wantedVectors = wanted.map((q) => q.vector);
      return entries.map((e) => {
        const it = cat.byId.get(e.id)!;
        const local = req.language ? it.titles[req.language] : undefined;
        const own = cat.localUrls?.get(e.id);
        // A video opens where it looks most like what is wanted (disliked phrases do not count).
        const startAt = bestMoment(cat.moments?.get(e.id), wantedVectors);
        const subtitle = it.duration !== undefined ? `${it.duration.toFixed(1)} s video`
          : !it.image && !it.glyph ? subtitleOf(it, cat.manifest, req.language ?? 'en') : undefined;
        return {
          ...e, title: it.title, category: it.category,
          ...(local ? { localTitle: local } : {}),
          ...(own ? { imageUrl: own.imageUrl, videoUrl: own.videoUrl, own: true } : {}),
          ...(it.image ? { imageUrl: new URL(it.image, cat.baseUrl).href } : {}),
          ...(it.video ? { videoUrl: new URL(it.video, cat.baseUrl).href } : {}),
          ...(startAt !== undefined ? { startAt } : {}),
          ...(it.glyph ? { glyph: it.glyph } : {}),
          ...(subtitle ? { subtitle } : {}),
        };
      });
    });
  },

  cancel,

  crash(reason: string): void {
    crashSoon(reason);
  },
};

export type RetrievalApi = typeof api;
Comlink.expose(api);
