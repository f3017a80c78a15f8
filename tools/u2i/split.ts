// Temporal split per user: each user's interactions in time order; the last fraction is held out.
// Ratings with the same timestamp (a user rating a batch at once) are ordered by a seeded shuffle,
// not by movieId, so a tie does not push old (low-id) movies into train and new ones into test.
import type { MovieLens } from './movielens';
import { createRng } from './random';

/** One user's interactions in time order. */
export interface UserHistory {
  readonly items: Int32Array;
  readonly ratings: Float32Array;
  readonly timestampS: Float64Array;
}

export interface Split {
  /** Per user: the earlier part (train) and the held-out later part. */
  readonly train: readonly UserHistory[];
  readonly heldOut: readonly UserHistory[];
}

export function historiesInTimeOrder(ml: MovieLens, seed: number): UserHistory[] {
  const rng = createRng(seed);
  const rows: number[][] = Array.from({ length: ml.userIds.length }, () => []);
  for (let r = 0; r < ml.user.length; r++) rows[ml.user[r]!]!.push(r);
  const tie = new Float64Array(ml.user.length);
  for (let r = 0; r < tie.length; r++) tie[r] = rng.next();
  return rows.map((rs) => {
    rs.sort((a, b) => ml.timestampS[a]! - ml.timestampS[b]! || tie[a]! - tie[b]!);
    return {
      items: Int32Array.from(rs, (r) => ml.item[r]!),
      ratings: Float32Array.from(rs, (r) => ml.rating[r]!),
      timestampS: Float64Array.from(rs, (r) => ml.timestampS[r]!),
    };
  });
}

function slice(h: UserHistory, from: number, to: number): UserHistory {
  return { items: h.items.slice(from, to), ratings: h.ratings.slice(from, to), timestampS: h.timestampS.slice(from, to) };
}

/** Holds out the last `fraction` of each user's history (at least one interaction, at least one kept). */
export function splitByTime(histories: readonly UserHistory[], fraction: number): Split {
  const train: UserHistory[] = [];
  const heldOut: UserHistory[] = [];
  for (const h of histories) {
    const n = h.items.length;
    const nOut = n < 2 ? 0 : Math.min(n - 1, Math.max(1, Math.round(n * fraction)));
    train.push(slice(h, 0, n - nOut));
    heldOut.push(slice(h, n - nOut, n));
  }
  return { train, heldOut };
}

/** Positive items of each history: ratings at or above the threshold (0 = every interaction). */
export function positives(histories: readonly UserHistory[], minRating: number): Int32Array[] {
  return histories.map((h) => h.items.filter((_, i) => h.ratings[i]! >= minRating));
}
