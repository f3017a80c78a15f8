// One recipe for the session as the feed sees it, called by the retrieval worker for every rank and by
// the steering simulation for every screen (bench/engagement/steering.ts): the session vector in the
// catalog's picture space and in its word space, the liked items that explain, the rows shown so far.
import type { LikedItem, SessionInput } from '../fusion/retrieval-source.ts';
import type { VectorMatrix } from '../u2i/format.ts';
import { DEFAULT_SESSION_OPTIONS, effectiveEvents, type EngagementEvent, sessionVector, type SessionVectorOptions } from './session-vector.ts';
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

/**
 * What exploration reads beyond SessionInput: the "Not for me"s since the last like, the feed's
 * evidence that it has lost the user's taste (or that the taste changed). It rides on the session
 * input as an extra field (SessionInput lives in fusion/retrieval-source.ts; read it with skipsSinceLike()).
 */
export interface SessionMisses {
  readonly skipsSinceLike: number;
}

/** Skips after the latest like (all skips when nothing is liked), undone ones not counted. */
export function countSkipsSinceLike(events: readonly EngagementEvent[], now: number): number {
  const effective = effectiveEvents(events).filter((e) => e.at <= now);
  let lastLike = -Infinity;
  for (const e of effective) if (e.kind === 'like') lastLike = Math.max(lastLike, e.at);
  return effective.filter((e) => e.kind === 'skip' && e.at > lastLike).length;
}

/** The skips since the last like carried by a session input (0 when it carries none). */
export function skipsSinceLike(s: SessionInput): number {
  const n = (s as SessionInput & Partial<SessionMisses>).skipsSinceLike;
  return typeof n === 'number' && n > 0 ? n : 0;
}

/** The session input of one rank; null when neither space exists. */
export function sessionInput(req: SessionInputRequest): (SessionInput & SessionMisses) | null {
  if (!req.pictures && !req.words) return null;
  const options = req.options ?? DEFAULT_SESSION_OPTIONS;
  const vector = req.pictures ? sessionVector(req.events, req.pictures, req.rowOf, req.now, options) : null;
  return {
    skipsSinceLike: countSkipsSinceLike(req.events, req.now),
    vector,
    items: req.pictures ?? noPictures(req.rows),
    liked: req.liked,
    ...(req.words ? { words: { space: req.words, vector: wordSessionVector(req.events, req.words, req.rowOf, req.now, options) } } : {}),
    ...(req.shown ? { shown: req.shown } : {}),
  };
}
