// One recipe for the session as the feed sees it, called by the retrieval worker for every rank and by
// the steering simulation for every screen (bench/engagement/steering.ts): the session vector in the
// catalog's picture space and in its word space, the liked items that explain, the rows shown so far.
import type { LikedItem, SessionInput } from '../fusion/retrieval-source.ts';
import type { VectorMatrix } from '../u2i/format.ts';
import { DEFAULT_SESSION_OPTIONS, type EngagementEvent, sessionVector, type SessionVectorOptions } from './session-vector.ts';
import { wordSessionVector, type WordSpace } from './word-space.ts';

export interface SessionInputRequest {
  readonly events: readonly EngagementEvent[];
  readonly rowOf: ReadonlyMap<string, number>;
  readonly now: number;
  /** The catalog's picture space (CLIP image vectors), null when it has none (a text-only catalog). */
  readonly pictures: VectorMatrix | null;
  /** The catalog's word space (wordSpaceOf()), null to rank without it. */
  readonly words: WordSpace | null;
  readonly rows: number;
  /** Liked items as the feed names them ("🐶 dog"). */
  readonly liked: readonly LikedItem[];
  readonly shown?: ReadonlySet<number>;
  readonly options?: SessionVectorOptions;
}

/** No picture space: zero dimensions, so every picture cosine is absent (not zero) and MMR keeps the fused order. */
export function noPictures(rows: number): VectorMatrix {
  return { dim: 0, rows, data: new Float32Array(0) };
}

/** The session input of one rank; null when neither space exists. */
export function sessionInput(req: SessionInputRequest): SessionInput | null {
  if (!req.pictures && !req.words) return null;
  const options = req.options ?? DEFAULT_SESSION_OPTIONS;
  const vector = req.pictures ? sessionVector(req.events, req.pictures, req.rowOf, req.now, options) : null;
  return {
    vector,
    items: req.pictures ?? noPictures(req.rows),
    liked: req.liked,
    ...(req.words ? { words: { space: req.words, vector: wordSessionVector(req.events, req.words, req.rowOf, req.now, options) } } : {}),
    ...(req.shown ? { shown: req.shown } : {}),
  };
}
