// The session vector as a retrieval source: the catalog items closest to it (cosine in the catalog's
// own item spaces: its pictures and its words, word-space.ts), as fusion candidates of a source named
// 'session', each saying which liked item placed it ("because you liked 🐶 dog"). sessionSource is one registry row (fusion/registry.ts):
// adding it to DEFAULT_SOURCES plugs it in; the request carries the vector as SourceContext.session.
import type { Candidate, Reason } from '../fusion/fuse.ts';
import { reasonText, TASTE } from '../fusion/reason.ts';
import { defineSource, type LikedItem, type RetrievalSource, type SourceContext } from '../fusion/retrieval-source.ts';
import { lexicalSource } from '../fusion/sources/lexical.ts';
import { topicOnScreen } from '../intent.ts';
import { rowsOf } from '../catalog.ts';
import type { VectorMatrix } from '../u2i/format.ts';
import { topItems } from '../u2i/score.ts';
import { unitRows } from './unit-rows.ts';
import { isEmptyRow, rowSimilarity, scoreRows, type WordSpace, type WordVector } from './word-space.ts';

export const SESSION_SOURCE = 'session';
export type SessionCandidate = Candidate<typeof SESSION_SOURCE> & { readonly reason: Reason };

/**
 * Fusion weight of the session source, chosen by the steering simulation on stickers
 * (bench/RESULTS-engagement.md, `npx tsx bench/engagement/steering.ts`, tuning table: 0.5 over 1,
 * with popularity at its 0.05); the fusion check in the same file measures what it costs the
 * labelled tag queries.
 */
export const SESSION_WEIGHT = 0.5;

/**
 * How much each of the catalog's item spaces counts in the session score (cosine in the picture space
 * and in the word space, summed with these weights), chosen by the steering simulation on stickers
 * (bench/RESULTS-engagement.md, tuning table).
 */
export const SESSION_SPACE_WEIGHTS: Readonly<{ picture: number; words: number }> = Object.freeze({ picture: 0.5, words: 1 });

export interface SessionCandidatesRequest {
  /** The session vector (sessionVector()) in the picture space `items`; null or all zero: none. */
  readonly session: Float32Array | null;
  /** The catalog's item vectors, rows aligned with the catalog's items (dim 0: no picture space). */
  readonly items: VectorMatrix;
  /** The session in the catalog's word space (wordSessionVector()), when it has one. */
  readonly words?: { readonly space: WordSpace; readonly vector: WordVector | null };
  readonly k: number;
  /** Rows never to propose (skipped, unsafe, disliked...). */
  readonly exclude?: ReadonlySet<number>;
  /** The user's liked items; `title` is what the user reads ("🐶 dog"). The closest one is the reason. */
  readonly liked?: readonly LikedItem[];
  /** Default SESSION_SPACE_WEIGHTS. */
  readonly spaceWeights?: Readonly<{ picture: number; words: number }>;
}

/**
 * The k rows most similar to the session, best first: score = the weighted mean of the cosine in the
 * picture space and the cosine in the word space (over the spaces the request has). Each
 * carries the liked item most similar to it in the same terms (itself excepted) as its reason, or
 * "matches your taste" when nothing was liked (a vector from clicks and dwell alone). Rows with
 * nothing in either space are never proposed. Liked items themselves may be proposed: whether to
 * show them again is the caller's exclusion.
 */
export function sessionCandidates(req: SessionCandidatesRequest): SessionCandidate[] {
  const { items, session, k } = req;
  const rows = items.rows;
  if (session && session.length !== items.dim) throw new RangeError(`session vector has ${session.length} values, items ${items.dim}`);
  if (req.words && req.words.space.rows !== rows) throw new RangeError(`word space has ${req.words.space.rows} rows, items ${rows}`);
  if (k <= 0 || rows === 0) return [];
  const weights = req.spaceWeights ?? SESSION_SPACE_WEIGHTS;
  const scores = new Float32Array(rows);
  const usable = new Uint8Array(rows);
  const picture = session && weights.picture > 0 ? pictureScores(items, session) : null;
  if (picture) {
    for (let r = 0; r < rows; r++) {
      if (Number.isNaN(picture[r]!)) continue;
      scores[r] = weights.picture * picture[r]!;
      usable[r] = 1;
    }
  }
  const words = req.words?.vector && weights.words > 0 ? req.words : null;
  if (words) {
    const w = scoreRows(words.space, words.vector!);
    for (let r = 0; r < rows; r++) {
      if (isEmptyRow(words.space, r)) continue;
      scores[r]! += weights.words * w[r]!;
      usable[r] = 1;
    }
  }
  if (!picture && !words) return [];
  // On the scale of a cosine: the spaces' weighted mean (pictures alone: the picture cosine itself).
  const total = (picture ? weights.picture : 0) + (words ? weights.words : 0);
  for (let r = 0; r < rows; r++) scores[r]! /= total;
  const skip = new Set(req.exclude ?? []);
  for (let r = 0; r < rows; r++) if (!usable[r]) skip.add(r);
  const liked = (req.liked ?? []).filter((l) => Number.isInteger(l.itemIndex) && l.itemIndex >= 0 && l.itemIndex < rows);
  const similarity = (a: number, b: number) =>
    (picture ? weights.picture * pictureCosine(items, a, b) : 0) + (words ? weights.words * rowSimilarity(words.space, a, b) : 0);
  // Without pictures, a row sharing no word with the session says nothing about it: not proposed.
  return topItems(scores, k, skip).filter((i) => picture !== null || scores[i]! > 0).map((itemIndex) => ({
    source: SESSION_SOURCE,
    itemIndex,
    score: scores[itemIndex]!,
    reason: closestLiked(itemIndex, liked, similarity),
  }));
}

/** Cosine of the session with every row of the picture space; NaN for a zero row or a zero session. */
function pictureScores(items: VectorMatrix, session: Float32Array): Float32Array | null {
  const unit = unitRows(items);
  const { dim, rows } = items;
  let sNorm = 0;
  for (const x of session) sNorm += x * x;
  if (!(sNorm > 0)) return null;
  sNorm = Math.sqrt(sNorm);
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let c = 0;
    let n2 = 0;
    for (let f = 0; f < dim; f++) {
      const u = unit[r * dim + f]!;
      c += u * session[f]!;
      n2 += u * u;
    }
    out[r] = n2 === 0 ? NaN : c / sNorm;
  }
  return out;
}

function pictureCosine(items: VectorMatrix, a: number, b: number): number {
  const unit = unitRows(items);
  const { dim } = items;
  let c = 0;
  for (let f = 0; f < dim; f++) c += unit[a * dim + f]! * unit[b * dim + f]!;
  return c;
}

function closestLiked(row: number, liked: readonly LikedItem[], similarity: (a: number, b: number) => number): Reason {
  let best: LikedItem | undefined;
  let bestSim = -Infinity;
  for (const l of liked) {
    if (l.itemIndex === row) continue;
    const c = similarity(row, l.itemIndex);
    if (c > bestSim) [best, bestSim] = [l, c];
  }
  // The only liked item is the candidate itself: it is here because the user liked it.
  best ??= liked.find((l) => l.itemIndex === row);
  return best ? { kind: 'liked', title: best.title } : TASTE;
}

/**
 * A topic item scores at least this share of the best word match (as the topic source's sample,
 * sources/topic.ts): the pool's weak matches ("우울" -> introvert -> person: the fencers and golfers) are
 * no part of the topic for the session to lift (the page walk had shown them first, 2026-12-02).
 */
const TOPIC_MATCH_SHARE = 0.35;

/**
 * With a topic on screen, the session orders the topic's items and brings no others: the items the
 * user's words matched strongly (the lexical source's hits, computed once per rank) and those the
 * knowledge layer linked. Liking the snowman on a Sapporo trip had put it, and its look-alikes, into the
 * next topic's feed ("우울해"). Null where nothing is asked or nothing matched: the session proposes freely.
 */
function topicItems(ctx: SourceContext): ReadonlySet<number> | null {
  if (!ctx.intent || !topicOnScreen(ctx.intent)) return null;
  const matched = lexicalSource.candidates(ctx);
  const best = Math.max(0, ...matched.map((c) => c.score));
  const out = new Set(matched.filter((c) => c.score >= best * TOPIC_MATCH_SHARE).map((c) => c.itemIndex));
  const rowOf = rowsOf(ctx.items);
  for (const e of ctx.intent.expansions) for (const id of e.itemIds ?? []) { const i = rowOf.get(id); if (i !== undefined) out.add(i); }
  return out.size > 0 ? out : null;
}

/** A session row that weighs the two item spaces its own way (the simulation's tuning); the registry ships the default. */
export function sessionSourceWith(spaceWeights: Readonly<{ picture: number; words: number }>): RetrievalSource<typeof SESSION_SOURCE> {
  return defineSource({
    id: SESSION_SOURCE,
    candidates(ctx) {
      if (!ctx.session) return [];
      const { vector, items, liked, words } = ctx.session;
      const all = sessionCandidates({ session: vector, items, k: ctx.pool, exclude: ctx.blocked, liked, spaceWeights, ...(words ? { words } : {}) });
      const topic = topicItems(ctx);
      return topic ? all.filter((c) => topic.has(c.itemIndex)) : all;
    },
    normalisation: 'max',
    weight: SESSION_WEIGHT,
    explain: (best) => reasonText(best.reason ?? TASTE),
  });
}

/** The registry row: proposes nothing until the request carries a session vector in either space. */
export const sessionSource: RetrievalSource<typeof SESSION_SOURCE> = sessionSourceWith(SESSION_SPACE_WEIGHTS);

/** Item vectors of a catalog in its item order, from any row lookup (e.g. the shipped VectorIndex). */
export function catalogVectors(itemIds: readonly string[], dim: number, vectorOf: (id: string) => Float32Array | undefined): VectorMatrix {
  const data = new Float32Array(itemIds.length * dim);
  itemIds.forEach((id, r) => {
    const v = vectorOf(id);
    if (v && v.length === dim) data.set(v, r * dim);
  });
  return { dim, rows: itemIds.length, data };
}
