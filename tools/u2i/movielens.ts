// MovieLens latest-small as the dslabs R package ships it (Debian r-cran-dslabs), read at build time
// into dense indices. The raw ratings never enter the repository; only derived vectors do.
import { existsSync } from 'node:fs';
import { asDataFrame, NA_INTEGER, readLazyLoadObject, type RColumn, type RDataFrame } from './read-rdata';

export const DSLABS_DATA_PREFIX = '/usr/lib/R/site-library/dslabs/data/Rdata';
const NO_GENRES = '(no genres listed)';

export class MovieLensError extends Error {
  override name = 'MovieLensError';
}

/** True when the dslabs lazy-load database is installed (tests skip the real-data checks otherwise). */
export function movieLensAvailable(prefix = DSLABS_DATA_PREFIX): boolean {
  return existsSync(`${prefix}.rdx`) && existsSync(`${prefix}.rdb`);
}

export interface Movie {
  readonly movieId: number;
  /** dslabs split "Title (Year)" into title and year; titles it could not split are NA there. */
  readonly title: string | null;
  readonly year: number | null;
  readonly genres: readonly string[];
}

/** One row per rating, as parallel typed arrays; users and items are dense 0-based indices. */
export interface MovieLens {
  readonly movies: readonly Movie[];
  /** Original MovieLens userId of each user index, ascending. */
  readonly userIds: Int32Array;
  readonly user: Int32Array;
  readonly item: Int32Array;
  readonly rating: Float32Array;
  readonly timestampS: Float64Array;
}

function intColumn(df: RDataFrame, name: string): Int32Array {
  const c = column(df, name);
  if (c.kind === 'integer') return c.values;
  if (c.kind === 'double') return Int32Array.from(c.values, (x) => (Number.isNaN(x) ? NA_INTEGER : x));
  throw new MovieLensError(`movielens.${name} is ${c.kind}, expected numbers`);
}

function column(df: RDataFrame, name: string): RColumn {
  const c = df.columns.get(name);
  if (!c) throw new MovieLensError(`movielens has no column "${name}" (has ${[...df.columns.keys()].join(', ')})`);
  return c;
}

export function loadMovieLens(prefix = DSLABS_DATA_PREFIX): MovieLens {
  if (!movieLensAvailable(prefix)) {
    throw new MovieLensError(`${prefix}.rdx/.rdb not found: install the Debian package r-cran-dslabs (apt-get install r-cran-dslabs)`);
  }
  const df = asDataFrame(readLazyLoadObject(prefix, 'movielens'));
  const movieId = intColumn(df, 'movieId');
  const userId = intColumn(df, 'userId');
  const year = intColumn(df, 'year');
  const timestamp = column(df, 'timestamp');
  const ratingCol = column(df, 'rating');
  const titleCol = column(df, 'title');
  const genresCol = column(df, 'genres');
  if (ratingCol.kind !== 'double') throw new MovieLensError('movielens.rating is not double');
  if (titleCol.kind !== 'character') throw new MovieLensError('movielens.title is not character');
  if (genresCol.kind !== 'factor' && genresCol.kind !== 'character') throw new MovieLensError('movielens.genres is not a factor');
  const genreText = (row: number): string | null => {
    if (genresCol.kind === 'character') return genresCol.values[row] ?? null;
    const code = genresCol.codes[row]!;
    return code === NA_INTEGER ? null : (genresCol.levels[code - 1] ?? null);
  };

  const movieIds = [...new Set(movieId)].sort((a, b) => a - b);
  const itemOf = new Map(movieIds.map((id, i) => [id, i]));
  const userIds = Int32Array.from([...new Set(userId)].sort((a, b) => a - b));
  const userOf = new Map(Array.from(userIds, (id, i) => [id, i]));

  const movies: Movie[] = new Array<Movie>(movieIds.length);
  const n = df.rowCount;
  const user = new Int32Array(n);
  const item = new Int32Array(n);
  const rating = new Float32Array(n);
  const timestampS = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const i = itemOf.get(movieId[r]!)!;
    user[r] = userOf.get(userId[r]!)!;
    item[r] = i;
    rating[r] = ratingCol.values[r]!;
    timestampS[r] = timestamp.kind === 'factor' ? NaN : (timestamp.values[r] as number);
    if (!movies[i]) {
      const g = genreText(r);
      movies[i] = {
        movieId: movieId[r]!,
        title: titleCol.values[r] ?? null,
        year: year[r] === NA_INTEGER ? null : year[r]!,
        genres: g === null || g === NO_GENRES ? [] : g.split('|'),
      };
    }
  }
  if (timestampS.some((t) => !Number.isFinite(t))) throw new MovieLensError('movielens.timestamp has missing values');
  return { movies, userIds, user, item, rating, timestampS };
}
