// One rank of the delivery path, given everything it needs in memory: the (safe) intent, the phrase
// vectors at hand, the user's vectors and engagement. Synchronous after the catalog is loaded: no
// model call, no IndexedDB read, nothing slow.
import { deliver, type DeliveryRequest, type IntentHit, type PhraseHits, pictureDislikes } from '../../core/delivery.ts';
import type { Intent } from '../../core/intent.ts';
import { wantedPhrases } from '../../core/wanted.ts';
import type { VectorMatrix } from '../../core/u2i/format.ts';
import type { VectorIndex } from '../../core/index/vector-index.ts';
import type { FeedCard } from '../../messages/retrieval.ts';
import { toCards } from './cards.ts';
import type { LoadedCatalog } from './catalogs.ts';

export interface QueryVector {
  text: string;
  weight: number;
  /** Unit length, from the encoder (through the preference adapter when that is on). */
  vector: Float32Array;
}

export interface RankInputs {
  cat: LoadedCatalog;
  /** The intent with its unsafe phrases removed (queryableIntent). */
  intent: Intent | null;
  k: number;
  language?: string;
  /** Vectors for the intent's phrases that are known (from the model the index was built with). */
  queries: QueryVector[];
  /** The user's U2I vector and the catalog's U2I item vectors. */
  u2i?: { user: Float32Array; items: VectorMatrix; liked: string[] };
  /** Items never to show: skipped ("Not for me") until undone. */
  exclude: ReadonlySet<string>;
  /** The session vector in the catalog's own item space, the vectors, and the liked items it explains with. */
  session?: DeliveryRequest['session'];
  /** The catalog's picture space, so that even a first feed is diverse (MMR) rather than 24 of a kind. */
  diversityVectors?: VectorMatrix;
  /** Soft down-weights (the near neighbours of skipped items). */
  penalties?: ReadonlyMap<number, number>;
  /** The CLIP source's calibrated "no match" floor (the catalog manifest's, picture-space.ts clipFloor). */
  clipFloor?: number;
}

/**
 * Each query vector's nearest items, per index and k. A phrase's vector is one object for as long as
 * the worker lives (phrase-vectors.ts; the preference adapter, when on, makes a new one per rank, which
 * simply misses) and an index never changes once loaded, so a phrase is searched once, not on every
 * turn it stays in the intent: the index search was half of the rank's CPU (bench/app/rank-cpu.ts).
 */
const searched = new WeakMap<VectorIndex, WeakMap<Float32Array, Map<number, PhraseHits>>>();

/** Each phrase's nearest items in the catalog's index (one scan for the phrases not searched yet), by item position. */
function phraseHits(cat: LoadedCatalog, queries: readonly QueryVector[], k: number): PhraseHits[] {
  const index = cat.index;
  const itemOfRow = cat.itemOfRow;
  if (!index || !itemOfRow || queries.length === 0) return [];
  let byVector = searched.get(index);
  if (!byVector) searched.set(index, (byVector = new WeakMap()));
  const known = byVector;
  const todo = [...new Set(queries.map((q) => q.vector))].filter((v) => !known.get(v)?.has(k));
  if (todo.length > 0) {
    index.searchEach(todo, k).forEach((hits, i) => {
      let byK = known.get(todo[i]!);
      if (!byK) known.set(todo[i]!, (byK = new Map()));
      byK.set(k, {
        hits: hits.flatMap((h) => (itemOfRow[h.row]! >= 0 ? [{ item: itemOfRow[h.row]!, score: h.score }] : [])),
        complete: hits.length >= index.count,
      });
    });
  }
  return queries.map((q) => known.get(q.vector)!.get(k)!);
}

/** CLIP hits for the intent's phrases, each hit keeping its best phrase (weight x score). */
function intentHits(queries: readonly QueryVector[], lists: readonly PhraseHits[]): IntentHit[] {
  const best = new Map<number, IntentHit>();
  lists.forEach(({ hits }, qi) => {
    const q = queries[qi]!;
    for (const h of hits) {
      const score = q.weight * h.score;
      const prev = best.get(h.item);
      if (!prev || score > prev.score) best.set(h.item, { item: h.item, score, because: [{ phrase: q.text }] });
    }
  });
  return [...best.values()];
}

/** The share of the catalog nearest a disliked phrase that "looks like" it (see pictureDislikes). */
const PICTURE_DISLIKE_SHARE = 0.01;

export function rankFeed(inp: RankInputs): { cards: FeedCard[]; wanted: QueryVector[] } {
  const { cat, intent, k } = inp;
  let hits: IntentHit[] = [];
  let wanted: QueryVector[] = [];
  let dislikedByPicture: Set<number> | undefined;
  if (intent && cat.index && inp.queries.length > 0) {
    const allowed = new Set(wantedPhrases(intent).filter((p) => !p.reason).map((p) => p.text.toLocaleLowerCase()));
    const unwanted = new Set(intent.dislikes.map((p) => p.text.toLocaleLowerCase()));
    wanted = inp.queries.filter((q) => allowed.has(q.text.toLocaleLowerCase()));
    const wantedHits = phraseHits(cat, wanted, k * 4);
    hits = intentHits(wanted, wantedHits);
    const dislikes = inp.queries.filter((q) => unwanted.has(q.text.toLocaleLowerCase()) && !allowed.has(q.text.toLocaleLowerCase()));
    if (dislikes.length > 0) {
      const top = Math.max(1, Math.round(cat.index.count * PICTURE_DISLIKE_SHARE));
      dislikedByPicture = pictureDislikes(phraseHits(cat, dislikes, top), wantedHits, top);
    }
  }
  let u2i: DeliveryRequest['u2i'];
  if (inp.u2i) {
    const liked = inp.u2i.liked.flatMap((id) => {
      const i = cat.rowOfId.get(id);
      return i === undefined ? [] : [{ itemIndex: i, title: cat.items[i]!.title }];
    });
    u2i = { user: inp.u2i.user, items: inp.u2i.items, liked };
  }
  const entries = deliver({
    items: cat.items, lexical: cat.lexical, intent, k, intentHits: hits, ...(u2i ? { u2i } : {}),
    ...(dislikedByPicture ? { dislikedByPicture } : {}),
    ...(inp.exclude.size > 0 ? { exclude: inp.exclude } : {}),
    ...(inp.session ? { session: inp.session } : {}),
    ...(inp.diversityVectors ? { diversityVectors: inp.diversityVectors } : {}),
    ...(inp.penalties && inp.penalties.size > 0 ? { penalties: inp.penalties } : {}),
    ...(inp.clipFloor !== undefined ? { clipFloor: inp.clipFloor } : {}),
  });
  return { cards: toCards(cat, entries, inp.language, wanted.map((q) => q.vector)), wanted };
}
