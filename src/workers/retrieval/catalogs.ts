// The catalogs this worker holds in memory: fetched and validated items, their lexical index, their
// embedding index (loaded in the background; the previous one keeps serving on failure), video
// keyframes, and the catalog of the user's own videos built from IndexedDB. At most
// RESIDENT_CATALOGS fetched catalogs stay resident.
import { normalised } from '../../core/vector.ts';
import type { CatalogItem, CatalogList, CatalogManifest } from '../../core/catalog.ts';
import { CATALOG_FORMAT_VERSION, decodeVectorBase64, LOCAL_VIDEOS_ID, VideoKeyframesSchema } from '../../core/catalog.ts';
import { fileChecksum, INDEX_FORMAT_VERSION } from '../../core/index/format.ts';
import { encodeIndex } from '../../core/index/encode.ts';
import { createSearchKernel, type SearchKernel } from '../../core/index/kernel.ts';
import { VectorIndex } from '../../core/index/vector-index.ts';
import { buildLexicalIndex, type LexicalIndex } from '../../core/lexical.ts';
import type { WorkerStatus } from '../../core/status.ts';
import type { VideoMoment } from '../../core/video/moment.ts';
import { CatalogSource, fetchJson } from '../catalog-source.ts';

export interface LoadedCatalog {
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
  /** Items that live on this device (the user's videos): object URLs made here, by item id. */
  localUrls?: Map<string, { imageUrl: string; videoUrl: string }>;
  /** Per-item keyframes for "jump to the moment": time and unit vector. */
  moments?: Map<string, VideoMoment[]>;
}

/** A video the user added, as the catalog of their videos needs it. */
export interface LocalVideo {
  id: string;
  title: string;
  duration: number;
  vector: Float32Array;
  keyframes: { t: number; vector: Float32Array }[];
  imageUrl: string;
  videoUrl: string;
}

/**
 * Catalogs kept in memory at once. Switching back to an evicted catalog fetches it again (from the
 * service worker's cache when offline); the user's own videos are built here, not fetched, so they stay.
 */
export const RESIDENT_CATALOGS = 3;

type Report = (s: Omit<WorkerStatus, 'worker'>) => void;

/** The catalog names an embedding index that has neither arrived nor failed yet (a refined feed will follow). */
export function indexPending(cat: LoadedCatalog): boolean {
  return cat.manifest.index !== undefined && cat.index === null && cat.indexError === null;
}

export class Catalogs {
  private readonly loaded = new Map<string, Promise<LoadedCatalog>>();
  private kernelPromise: Promise<SearchKernel> | null = null;
  /** Called when a catalog is evicted (its per-catalog caches elsewhere go too). */
  onEvict: (id: string) => void = () => {};
  /** Called when a catalog's embedding index finishes loading (the feed may re-rank with it). */
  onIndexReady: (id: string) => void = () => {};

  constructor(
    readonly source: CatalogSource,
    private readonly report: Report,
  ) {}

  list(): Promise<CatalogList> {
    return this.source.list();
  }

  private kernel(): Promise<SearchKernel> {
    this.kernelPromise ??= createSearchKernel();
    return this.kernelPromise;
  }

  private touch(id: string): void {
    const p = this.loaded.get(id);
    if (!p) return;
    this.loaded.delete(id); // Map order = recency of use
    this.loaded.set(id, p);
    const fetched = [...this.loaded.keys()].filter((k) => k !== LOCAL_VIDEOS_ID);
    for (const old of fetched.slice(0, Math.max(0, fetched.length - RESIDENT_CATALOGS))) {
      this.loaded.delete(old);
      this.onEvict(old);
    }
  }

  get(id: string): Promise<LoadedCatalog> {
    let p = this.loaded.get(id);
    if (p) {
      this.touch(id);
      return p;
    }
    p = (async () => {
      const { manifest, baseUrl, items } = await this.source.load(id, (m) =>
        this.report({ state: 'loading', engine: 'lexical', device: 'js', detail: `Loading catalog ${m.name}` }),
      );
      const lexical = buildLexicalIndex(items, manifest);
      const rowOfId = new Map(items.map((it, i) => [it.id, i]));
      this.report({ state: 'ready', engine: 'lexical', device: 'js', detail: `${manifest.name}: ${items.length} items` });
      const cat: LoadedCatalog = { manifest, baseUrl, items, byId: new Map(items.map((it) => [it.id, it])), rowOfId, lexical, index: null, itemOfRow: null, indexError: null };
      void this.loadIndex(cat);
      if (manifest.keyframes) void this.loadMoments(cat, manifest.keyframes);
      return cat;
    })();
    p.catch((err: unknown) => {
      this.loaded.delete(id);
      this.report({ state: 'error', engine: 'lexical', device: 'js', detail: String(err instanceof Error ? err.message : err) });
    });
    this.loaded.set(id, p);
    this.touch(id);
    return p;
  }

  /** Loads (or reloads) a catalog's index in the background; the previous index keeps serving on failure. */
  private async loadIndex(cat: LoadedCatalog): Promise<void> {
    const info = cat.manifest.index;
    if (!info) return;
    const kernel = await this.kernel();
    const label = `${cat.manifest.id}/${info.file}`;
    try {
      const res = await fetch(new URL(info.file, cat.baseUrl));
      const index = await VectorIndex.load(res, {
        kernel, expectedDim: info.dim, expectedModelId: info.modelId,
        onProgress: (p) => this.report({ state: 'loading', engine: 'lexical + index', device: kernel.kind, progress: { label, loadedBytes: p.loadedBytes, totalBytes: p.totalBytes || info.sizeBytes } }),
      });
      const itemOfRow = new Int32Array(index.count);
      for (let r = 0; r < index.count; r++) itemOfRow[r] = cat.rowOfId.get(index.idAt(r)) ?? -1;
      cat.index = index;
      cat.itemOfRow = itemOfRow;
      cat.indexError = null;
      this.report({ state: 'ready', engine: `lexical + CLIP index (${info.modelId})`, device: index.kernelKind, detail: `${cat.manifest.name}: ${cat.items.length} items, index ${index.count} x ${index.dim} ${index.quantisation}` });
      this.onIndexReady(cat.manifest.id);
    } catch (err) {
      cat.indexError = err instanceof Error ? err.message : String(err);
      this.report({ state: 'ready', engine: 'lexical', device: 'js', detail: `The embedding index could not load (${cat.indexError}); the feed uses lexical match.` });
    }
  }

  /** A video catalog's keyframes, for "jump to the moment"; without them videos simply start at 0. */
  private async loadMoments(cat: LoadedCatalog, file: string): Promise<void> {
    try {
      const kf = VideoKeyframesSchema.parse(await fetchJson(new URL(file, cat.baseUrl), 'video keyframes'));
      cat.moments = new Map(kf.videos.map((v) => [v.id, v.keyframes.map((k) => ({ t: k.t, vector: decodeVectorBase64(k.vector, kf.dim) }))]));
    } catch (err) {
      this.report({ state: 'ready', engine: 'lexical', device: 'js', detail: `Video keyframes unavailable (${err instanceof Error ? err.message : String(err)}); videos start at the beginning.` });
    }
  }

  /**
   * Replaces the catalog of the user's own videos (built in memory from IndexedDB). Vectors must come
   * from `modelId`, the model the queries are encoded with.
   */
  async setLocalVideos(videos: LocalVideo[], modelId: string): Promise<void> {
    const kernel = await this.kernel();
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
    const cat: LoadedCatalog = {
      manifest, baseUrl: new URL(this.source.modelsBase), items, byId: new Map(items.map((it) => [it.id, it])), rowOfId: new Map(items.map((it, i) => [it.id, i])),
      lexical: buildLexicalIndex(items, manifest), index, itemOfRow: index ? Int32Array.from(items.map((_, i) => i)) : null, indexError: null,
      localUrls: new Map(videos.map((v) => [v.id, { imageUrl: v.imageUrl, videoUrl: v.videoUrl }])),
      moments: new Map(videos.map((v) => [v.id, v.keyframes])),
    };
    this.loaded.set(LOCAL_VIDEOS_ID, Promise.resolve(cat));
  }
}

/** An item's picture vector from the catalog's index, unit length; null without one (or all zeros). */
export function itemVector(cat: LoadedCatalog, id: string): Float32Array | null {
  const row = cat.index?.rowOf(id);
  if (!cat.index || row === undefined) return null;
  const v = cat.index.vectorAt(row);
  return v.some((x) => x !== 0) ? normalised(v) : null;
}
