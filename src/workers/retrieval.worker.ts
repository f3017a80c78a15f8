// The delivery path: catalogs in memory, a stored intent in, a ranked feed out, in milliseconds.
// Thin: ranking is core/feed.ts; this file fetches, validates and caches catalogs.
import * as Comlink from 'comlink';
import type { CatalogItem, CatalogList, CatalogManifest } from '../core/catalog.ts';
import { type FeedEntry, rankFeed } from '../core/feed.ts';
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
  lexical: LexicalIndex;
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

function getCatalog(id: string): Promise<LoadedCatalog> {
  let p = catalogs.get(id);
  if (!p) {
    p = (async () => {
      const { manifest, baseUrl, items } = await source().load(id, (m) =>
        report({ state: 'loading', engine: 'lexical', device: 'js', detail: `Loading catalog ${m.name}` }),
      );
      const lexical = buildLexicalIndex(items, manifest);
      report({ state: 'ready', engine: 'lexical', device: 'js', detail: `${manifest.name}: ${items.length} items` });
      return { manifest, baseUrl, items, byId: new Map(items.map((it) => [it.id, it])), lexical };
    })();
    p.catch((err: unknown) => {
      catalogs.delete(id);
      report({ state: 'error', engine: 'lexical', device: 'js', detail: String(err instanceof Error ? err.message : err) });
    });
    catalogs.set(id, p);
  }
  return p;
}

/** What the feed needs to draw one item. */
export interface FeedCard extends FeedEntry {
  title: string;
  /** Localised title when the user's language has one. */
  localTitle?: string;
  imageUrl?: string;
  glyph?: string;
  category: string;
}

export interface RankRequest {
  catalogId: string;
  intent: Intent | null;
  k: number;
  exclude?: string[];
  language?: string;
}

const api = {
  init(listener: StatusListener, modelsBaseUrl: string): void {
    onStatus = listener;
    catalogSource = new CatalogSource(new URL(modelsBaseUrl));
    void lexicon().catch(() => {});
    report({ state: 'idle', engine: 'lexical', device: 'js' });
  },

  async listCatalogs(): Promise<CatalogList> {
    return getList();
  },

  async rank(requestId: number, req: RankRequest): Promise<FeedCard[]> {
    return withRequest(requestId, async (signal) => {
      const cat = await getCatalog(req.catalogId);
      // Fail closed: without the guard, no phrase of the intent is used as a query.
      const guard = req.intent ? await lexicon().catch(() => ({ check: () => ({ verdict: 'unsafe' as const, categories: ['guard-unavailable'] }) })) : null;
      const intent = req.intent && guard ? queryableIntent(req.intent, guard).intent : null;
      signal.throwIfAborted();
      const entries = rankFeed({
        items: cat.items, lexical: cat.lexical, intent, k: req.k, ...(req.exclude ? { exclude: new Set(req.exclude) } : {}),
      });
      return entries.map((e) => {
        const it = cat.byId.get(e.id)!;
        const local = req.language ? it.titles[req.language] : undefined;
        return {
          ...e, title: it.title, category: it.category,
          ...(local ? { localTitle: local } : {}),
          ...(it.image ? { imageUrl: new URL(it.image, cat.baseUrl).href } : {}),
          ...(it.glyph ? { glyph: it.glyph } : {}),
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
