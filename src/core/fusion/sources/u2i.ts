// The U2I source: the user's taste vector scored against the catalog's item vectors (a downloaded or
// on-device-refined user vector), explained by the most similar liked item when there is one.
import { mostSimilarItem, scoreItems, topItems } from '../../u2i/score.ts';
import type { VectorMatrix } from '../../u2i/format.ts';
import type { Candidate } from '../fuse.ts';
import { reasonText, TASTE } from '../reason.ts';
import { defineSource, type LikedItem, type RetrievalSource } from '../retrieval-source.ts';

/** A liked item explains a U2I candidate only if it is at least this similar (cosine of item vectors). */
export const LIKED_REASON_MIN_SIMILARITY = 0.3;

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
}): Candidate<'u2i'>[] {
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

export const u2iSource: RetrievalSource<'u2i'> = defineSource({
  id: 'u2i',
  candidates(ctx) {
    if (!ctx.u2i) return [];
    const { user, items, liked } = ctx.u2i;
    return u2iCandidates({ user, items, k: ctx.pool, exclude: ctx.blocked, ...(liked ? { liked } : {}) });
  },
  normalisation: 'max',
  /**
   * Measured on MovieLens (bench/RESULTS-u2i.md, `npx tsx tools/u2i/eval-fusion.ts`): U2I at 0.25 was
   * the validation pick for genre intents (0.1 with a title word).
   */
  weight: 0.25,
  explain: (best) => reasonText(best.reason ?? TASTE),
});
