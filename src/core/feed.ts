// The delivery path's ranking: stored intent in, ranked feed out. Pure and synchronous, so it runs in
// the retrieval worker in milliseconds and is tested in Node. Other retrieval sources (CLIP, U2I) join
// through `fuse` later; lexical match and popularity are always here.
import type { CatalogItem } from './catalog.ts';
import type { Intent } from './intent.ts';
import { dislikedItems, type LexicalIndex, positivePhrases, scorePhrases } from './lexical.ts';

export const FEED_SOURCES = ['lexical', 'intent', 'u2i', 'similar', 'popular', 'fresh'] as const;
export type FeedSource = (typeof FEED_SOURCES)[number];

export interface FeedEntry {
  id: string;
  score: number;
  source: FeedSource;
  /** One line a user can read: why this item is here. */
  why: string;
}

export interface RankRequest {
  items: readonly CatalogItem[];
  lexical: LexicalIndex;
  intent: Intent | null;
  k: number;
  /** Item ids never to show (seen, disliked by click, reported). */
  exclude?: ReadonlySet<string>;
}

/** Popularity breaks ties and fills the feed when the intent matches fewer than k items. */
const POPULARITY_TIEBREAK = 1e-3;

export function rankFeed({ items, lexical, intent, k, exclude }: RankRequest): FeedEntry[] {
  const blocked = intent ? dislikedItems(lexical, intent) : new Set<number>();
  const allowed = (i: number) => {
    const it = items[i]!;
    return it.safety !== 'unsafe' && !blocked.has(i) && !exclude?.has(it.id);
  };
  const out: FeedEntry[] = [];
  const taken = new Set<number>();
  if (intent) {
    const hits = [...scorePhrases(lexical, positivePhrases(intent)).values()]
      .filter((h) => allowed(h.item))
      .map((h) => ({ ...h, score: h.score + POPULARITY_TIEBREAK * items[h.item]!.popularity }))
      .sort((a, b) => b.score - a.score || a.item - b.item);
    for (const h of hits.slice(0, k)) {
      const top = h.because[0]!;
      const why = top.phrase.toLocaleLowerCase() === top.matched.toLocaleLowerCase()
        ? `because you said "${top.phrase}"`
        : `because you said "${top.phrase}" (${top.matched})`;
      out.push({ id: items[h.item]!.id, score: h.score, source: 'lexical', why });
      taken.add(h.item);
    }
  }
  if (out.length < k) {
    const popular = items
      .map((it, i) => ({ it, i }))
      .filter(({ i }) => !taken.has(i) && allowed(i))
      .sort((a, b) => b.it.popularity - a.it.popularity || a.i - b.i);
    for (const { it } of popular.slice(0, k - out.length)) {
      out.push({ id: it.id, score: POPULARITY_TIEBREAK * it.popularity, source: 'popular', why: 'popular' });
    }
  }
  return out;
}
