// The MovieLens data every U2I tool works on: the catalog subset (movies with at least
// MIN_RATINGS ratings), each user's history in time order, and the time-based split.
import { loadMovieLens, type Movie, type MovieLens } from './movielens';
import { historiesInTimeOrder, splitByTime, type Split, type UserHistory } from './split';

/** Movies with fewer ratings are left out of the catalog, the training and the evaluation. */
export const MIN_RATINGS = 5;
/** The last 20% of each user's interactions (in time) are held out for testing. */
export const TEST_FRACTION = 0.2;
/** Tuning splits the training part again the same way: its last 20% is the validation set. */
export const VALIDATION_FRACTION = 0.2;
export const SPLIT_SEED = 20261129;

export interface MovieLensData {
  readonly raw: MovieLens;
  /** The catalog movies, dense item index -> movie. */
  readonly movies: readonly Movie[];
  /** Ratings per catalog movie over the whole data set. */
  readonly ratingCounts: Int32Array;
  /** Original MovieLens userId per user index. */
  readonly userIds: Int32Array;
  /** Every user's catalog interactions in time order. */
  readonly histories: readonly UserHistory[];
  /** histories split by time: train = all but the last TEST_FRACTION, heldOut = the rest. */
  readonly test: Split;
  /** test.train split again: train = earlier part, heldOut = validation. */
  readonly validation: Split;
  readonly keptRatings: number;
}

export function loadMovieLensData(): MovieLensData {
  const raw = loadMovieLens();
  const counts = new Int32Array(raw.movies.length);
  for (const i of raw.item) counts[i]! += 1;
  const newIndex = new Int32Array(raw.movies.length).fill(-1);
  const movies: Movie[] = [];
  const ratingCounts: number[] = [];
  raw.movies.forEach((m, i) => {
    if (counts[i]! >= MIN_RATINGS) {
      newIndex[i] = movies.length;
      movies.push(m);
      ratingCounts.push(counts[i]!);
    }
  });
  let keptRatings = 0;
  const histories = historiesInTimeOrder(raw, SPLIT_SEED).map((h) => {
    const keep: number[] = [];
    h.items.forEach((it, k) => {
      if (newIndex[it]! >= 0) keep.push(k);
    });
    keptRatings += keep.length;
    return {
      items: Int32Array.from(keep, (k) => newIndex[h.items[k]!]!),
      ratings: Float32Array.from(keep, (k) => h.ratings[k]!),
      timestampS: Float64Array.from(keep, (k) => h.timestampS[k]!),
    };
  });
  const test = splitByTime(histories, TEST_FRACTION);
  const validation = splitByTime(test.train, VALIDATION_FRACTION);
  return { raw, movies, ratingCounts: Int32Array.from(ratingCounts), userIds: raw.userIds, histories, test, validation, keptRatings };
}

export const itemsOf = (hs: readonly UserHistory[]): Int32Array[] => hs.map((h) => h.items);
