// The session vector as a retrieval source: the catalog items closest to it (cosine in the catalog's
// own vector space), as fusion candidates of a source named 'session', each saying which liked item
// placed it ("because you liked 🐶 dog"). sessionSource is one registry row (fusion/registry.ts):
// adding it to DEFAULT_SOURCES plugs it in; the request carries the vector as SourceContext.session.
import type { Candidate, Reason } from '../fusion/fuse.ts';
import { reasonText, TASTE } from '../fusion/reason.ts';
import { defineSource, type LikedItem, type RetrievalSource } from '../fusion/retrieval-source.ts';
import type { VectorMatrix } from '../u2i/format.ts';
import { topItems } from '../u2i/score.ts';
import { unitRows } from './unit-rows.ts';

export const SESSION_SOURCE = 'session';
export type SessionCandidate = Candidate<typeof SESSION_SOURCE> & { readonly reason: Reason };

/**
 * Fusion weight of the session source, chosen by the steering simulation on stickers
 * (bench/RESULTS-engagement.md, `npx tsx bench/engagement/steering.ts`, tuning table: 0.5 over 1,
 * with popularity at its 0.05); the fusion check in the same file measures what it costs the
 * labelled tag queries.
 */
export const SESSION_WEIGHT = 0.5;

export interface SessionCandidatesRequest {
  /** The session vector (sessionVector()), in the space of `items`. */
  readonly session: Float32Array;
  /** The catalog's item vectors, rows aligned with the catalog's items. */
  readonly items: VectorMatrix;
  readonly k: number;
  /** Rows never to propose (skipped, unsafe, disliked...). */
  readonly exclude?: ReadonlySet<number>;
  /** The user's liked items; `title` is what the user reads ("🐶 dog"). The closest one is the reason. */
  readonly liked?: readonly LikedItem[];
}

/**
 * The k rows most similar to the session vector, best first, score = cosine. Each carries the liked
 * item closest to it (itself excepted) as its reason, or "matches your taste" when nothing was liked
 * (a vector from clicks and dwell alone). Rows with a zero vector are never proposed. Liked items
 * themselves may be proposed: whether to show them again is the caller's exclusion.
 */
export function sessionCandidates(req: SessionCandidatesRequest): SessionCandidate[] {
  const { items, session, k } = req;
  if (session.length !== items.dim) throw new RangeError(`session vector has ${session.length} values, items ${items.dim}`);
  if (k <= 0 || items.rows === 0) return [];
  const unit = unitRows(items);
  const { dim, rows } = items;
  let sNorm = 0;
  for (const x of session) sNorm += x * x;
  if (!(sNorm > 0)) return [];
  sNorm = Math.sqrt(sNorm);
  const scores = new Float32Array(rows);
  const skip = new Set(req.exclude ?? []);
  for (let r = 0; r < rows; r++) {
    let c = 0;
    let n2 = 0;
    for (let f = 0; f < dim; f++) {
      const u = unit[r * dim + f]!;
      c += u * session[f]!;
      n2 += u * u;
    }
    if (n2 === 0) skip.add(r);
    scores[r] = c / sNorm;
  }
  const liked = (req.liked ?? []).filter((l) => Number.isInteger(l.itemIndex) && l.itemIndex >= 0 && l.itemIndex < rows);
  return topItems(scores, k, skip).map((itemIndex) => ({
    source: SESSION_SOURCE,
    itemIndex,
    score: scores[itemIndex]!,
    reason: closestLiked(unit, dim, itemIndex, liked),
  }));
}

function closestLiked(unit: Float32Array, dim: number, row: number, liked: readonly LikedItem[]): Reason {
  let best: LikedItem | undefined;
  let bestSim = -Infinity;
  for (const l of liked) {
    if (l.itemIndex === row) continue;
    let c = 0;
    for (let f = 0; f < dim; f++) c += unit[row * dim + f]! * unit[l.itemIndex * dim + f]!;
    if (c > bestSim) [best, bestSim] = [l, c];
  }
  // The only liked item is the candidate itself: it is here because the user liked it.
  best ??= liked.find((l) => l.itemIndex === row);
  return best ? { kind: 'liked', title: best.title } : TASTE;
}

/** The registry row: proposes nothing until the request carries a session vector. */
export const sessionSource: RetrievalSource<typeof SESSION_SOURCE> = defineSource({
  id: SESSION_SOURCE,
  candidates(ctx) {
    if (!ctx.session) return [];
    const { vector, items, liked } = ctx.session;
    return sessionCandidates({ session: vector, items, k: ctx.pool, exclude: ctx.blocked, liked });
  },
  normalisation: 'max',
  weight: SESSION_WEIGHT,
  explain: (best) => reasonText(best.reason ?? TASTE),
});

/** Item vectors of a catalog in its item order, from any row lookup (e.g. the shipped VectorIndex). */
export function catalogVectors(itemIds: readonly string[], dim: number, vectorOf: (id: string) => Float32Array | undefined): VectorMatrix {
  const data = new Float32Array(itemIds.length * dim);
  itemIds.forEach((id, r) => {
    const v = vectorOf(id);
    if (v && v.length === dim) data.set(v, r * dim);
  });
  return { dim, rows: itemIds.length, data };
}
