// Turning each retrieval source's output into fusion candidates, with the reason it can give.
import type { VectorMatrix } from '../u2i/format.ts';
import { mostSimilarItem, rowCosine, scoreItems, topItems } from '../u2i/score.ts';
import type { Candidate } from './fuse.ts';

/** A liked item explains a U2I candidate only if it is at least this similar (cosine of item vectors). */
export const LIKED_REASON_MIN_SIMILARITY = 0.3;

export interface LikedItem {
  readonly itemIndex: number;
  readonly title: string;
}

/**
 * The user's top-k items by U2I score. Each says "because you liked X" when one of the user's liked
 * items is similar enough, else "matches your taste".
 */
export function u2iCandidates(req: {
  readonly user: Float32Array;
  readonly items: VectorMatrix;
  readonly k: number;
  readonly exclude?: ReadonlySet<number>;
  readonly liked?: readonly LikedItem[];
}): Candidate[] {
  // A cold user (all zeros) scores every item 0: that says nothing, so the source proposes nothing.
  if (req.user.every((x) => x === 0)) return [];
  const scores = scoreItems(req.user, req.items);
  const liked = req.liked ?? [];
  const likedIdx = liked.map((l) => l.itemIndex).filter((i) => i < req.items.rows);
  return topItems(scores, req.k, req.exclude).map((itemIndex) => {
    const near = likedIdx.length > 0 ? mostSimilarItem(req.items, itemIndex, likedIdx) : undefined;
    const title = near && near.similarity >= LIKED_REASON_MIN_SIMILARITY ? liked.find((l) => l.itemIndex === near.item)?.title : undefined;
    return { source: 'u2i', itemIndex, score: scores[itemIndex]!, reason: title ? { kind: 'liked', title } : { kind: 'taste' } };
  });
}

/**
 * Items like the ones the user just liked (cosine of item vectors, best liked item per candidate):
 * session item-to-item retrieval, so a like shows in the next feed even when the U2I step is small.
 */
export function similarCandidates(req: {
  readonly items: VectorMatrix;
  readonly liked: readonly LikedItem[];
  readonly k: number;
  readonly exclude?: ReadonlySet<number>;
}): Candidate[] {
  const liked = req.liked.filter((l) => l.itemIndex < req.items.rows && req.items.data.subarray(l.itemIndex * req.items.dim, (l.itemIndex + 1) * req.items.dim).some((x) => x !== 0));
  if (liked.length === 0) return [];
  const likedSet = new Set(liked.map((l) => l.itemIndex));
  const best = new Float32Array(req.items.rows).fill(-Infinity);
  const from = new Int32Array(req.items.rows).fill(-1);
  for (const [li, l] of liked.entries()) {
    for (let i = 0; i < req.items.rows; i++) {
      if (likedSet.has(i)) continue;
      const c = rowCosine(req.items, l.itemIndex, i);
      if (c > best[i]!) {
        best[i] = c;
        from[i] = li;
      }
    }
  }
  return topItems(best, req.k, req.exclude ? new Set([...req.exclude, ...likedSet]) : likedSet)
    .filter((i) => best[i]! > 0)
    .map((itemIndex) => ({ source: 'similar', itemIndex, score: best[itemIndex]!, reason: { kind: 'liked', title: liked[from[itemIndex]!]!.title } }));
}

/** The k most popular items (popularity per item index, e.g. the catalog's `popularity`). */
export function popularCandidates(popularity: ArrayLike<number>, k: number, exclude?: ReadonlySet<number>): Candidate[] {
  const scores = Float32Array.from(popularity);
  return topItems(scores, k, exclude).map((itemIndex) => ({
    source: 'popular',
    itemIndex,
    score: scores[itemIndex]!,
    reason: { kind: 'popular' },
  }));
}

/** Lexical (or intent) hits: each says which phrase of the user's it matched. */
export function phraseCandidates(
  source: 'lexical' | 'intent',
  hits: Iterable<{ readonly item: number; readonly score: number; readonly because?: readonly { readonly phrase: string }[] }>,
  exclude?: ReadonlySet<number>,
): Candidate[] {
  const out: Candidate[] = [];
  for (const h of hits) {
    if (exclude?.has(h.item)) continue;
    const phrase = h.because?.[0]?.phrase;
    out.push({ source, itemIndex: h.item, score: h.score, ...(phrase ? { reason: { kind: 'said', phrase } as const } : {}) });
  }
  return out;
}
