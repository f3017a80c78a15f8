// The similar source: items like the ones liked in this session (cosine of item vectors), so a like
// shows in the very next feed even when the U2I step is small.
import { rowCosine, topItems } from '../../u2i/score.ts';
import type { VectorMatrix } from '../../u2i/format.ts';
import type { Candidate } from '../fuse.ts';
import { reasonText, TASTE } from '../reason.ts';
import { defineSource, type LikedItem, type RetrievalSource } from '../retrieval-source.ts';

/** Only the latest likes propose neighbours: the session's current direction, and a bounded cost. */
const RECENT_LIKES = 5;

/**
 * Items like the ones the user just liked (cosine of item vectors, best liked item per candidate):
 * session item-to-item retrieval, so a like shows in the next feed even when the U2I step is small.
 */
export function similarCandidates(req: {
  readonly items: VectorMatrix;
  readonly liked: readonly LikedItem[];
  readonly k: number;
  readonly exclude?: ReadonlySet<number>;
}): Candidate<'similar'>[] {
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

export const similarSource: RetrievalSource<'similar'> = defineSource({
  id: 'similar',
  candidates(ctx) {
    if (!ctx.u2i?.liked?.length) return [];
    return similarCandidates({ items: ctx.u2i.items, liked: ctx.u2i.liked.slice(-RECENT_LIKES), k: ctx.pool, exclude: ctx.blocked });
  },
  normalisation: 'max',
  /** Not measured on MovieLens: 0.5 makes an explicit like visible in the next feed without outweighing what the user says. */
  weight: 0.5,
  explain: (best) => reasonText(best.reason ?? TASTE),
});
