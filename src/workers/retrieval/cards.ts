// Turning ranked entries into what the feed draws: titles in the user's language, image and video
// URLs resolved against the catalog, the moment a video should open at, a subtitle for items with no
// picture.
import type { CatalogItem, CatalogManifest } from '../../core/catalog.ts';
import type { FeedEntry } from '../../core/delivery.ts';
import { bestMoment } from '../../core/video/moment.ts';
import type { FeedCard } from '../../messages/retrieval.ts';
import type { LoadedCatalog } from './catalogs.ts';

function subtitleOf(it: CatalogItem, manifest: CatalogManifest, language: string): string {
  const label = (c: string) => manifest.categoryLabels[c]?.[language] ?? manifest.categoryLabels[c]?.en ?? c;
  return [it.year ? String(it.year) : '', [...new Set([it.category, ...it.categories])].slice(0, 3).map(label).join(', ')].filter(Boolean).join(' · ');
}

export function toCards(cat: LoadedCatalog, entries: readonly FeedEntry[], language: string | undefined, wantedVectors: readonly Float32Array[]): FeedCard[] {
  return entries.map((e) => {
    const it = cat.byId.get(e.id)!;
    const local = language ? it.titles[language] : undefined;
    const own = cat.localUrls?.get(e.id);
    // A video opens where it looks most like what is wanted (disliked phrases do not count).
    const startAt = bestMoment(cat.moments?.get(e.id), wantedVectors);
    const subtitle = it.duration !== undefined ? `${it.duration.toFixed(1)} s video`
      : !it.image && !it.glyph ? subtitleOf(it, cat.manifest, language ?? 'en') : undefined;
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
}
