// The popular source: the catalog's most popular items, a tie-breaker for everyone and the whole feed
// for a cold user who has said nothing yet.
import { topItems } from '../../u2i/score.ts';
import type { Candidate } from '../fuse.ts';
import { reasonText } from '../reason.ts';
import { defineSource, type RetrievalSource } from '../retrieval-source.ts';

/** The k most popular items (popularity per item index, e.g. the catalog's `popularity`). */
export function popularCandidates(popularity: ArrayLike<number>, k: number, exclude?: ReadonlySet<number>): Candidate<'popular'>[] {
  const scores = Float32Array.from(popularity);
  return topItems(scores, k, exclude).map((itemIndex) => ({
    source: 'popular',
    itemIndex,
    score: scores[itemIndex]!,
    reason: { kind: 'popular' },
  }));
}

export const popularSource: RetrievalSource<'popular'> = defineSource({
  id: 'popular',
  candidates: (ctx) => popularCandidates(ctx.popularity, ctx.pool, ctx.blocked),
  normalisation: 'max',
  /**
   * Measured on MovieLens (bench/RESULTS-u2i.md, `npx tsx tools/u2i/eval-fusion.ts`): popularity at
   * 0.05 costs 0.005 NDCG@10 when U2I is present and helps a cold user, so it stays as a tie-breaker.
   */
  weight: 0.05,
  explain: (best) => reasonText(best.reason ?? { kind: 'popular' }),
});
