// The delivery path's final step, pure and synchronous: candidates from every retrieval source the
// catalog has (lexical match of the intent, CLIP text-to-item similarity, the user's U2I vector,
// popularity), fused per source, exclusions applied (disliked, unsafe, seen), diversified, explained.
import type { CatalogItem } from './catalog.ts';
import type { Candidate, FusionWeights, Normalisation } from './fusion/fuse.ts';
import { DEFAULT_FUSION_WEIGHTS, rankCandidates } from './fusion/rank.ts';
import { type LikedItem, phraseCandidates, popularCandidates, similarCandidates, u2iCandidates } from './fusion/sources.ts';
import type { Intent } from './intent.ts';
import { dislikedItems, type LexicalIndex, positivePhrases, scorePhrases } from './lexical.ts';
import type { VectorMatrix } from './u2i/format.ts';

export const FEED_SOURCES = ['lexical', 'intent', 'u2i', 'similar', 'popular', 'fresh'] as const;
export type FeedSource = (typeof FEED_SOURCES)[number];

export interface FeedEntry {
  id: string;
  score: number;
  source: FeedSource;
  /** One line a user can read: why this item is here. */
  why: string;
}

/** What every request on the same catalog shares: computed once per items array, not per feed. */
interface Prepared {
  unsafe: ReadonlySet<number>;
  popularity: Float32Array;
  rowOfId: ReadonlyMap<string, number>;
}
const prepared = new WeakMap<readonly CatalogItem[], Prepared>();
function prepare(items: readonly CatalogItem[]): Prepared {
  let p = prepared.get(items);
  if (!p) {
    const unsafe = new Set<number>();
    items.forEach((it, i) => it.safety === 'unsafe' && unsafe.add(i));
    p = { unsafe, popularity: Float32Array.from(items, (it) => it.popularity), rowOfId: new Map(items.map((it, i) => [it.id, i])) };
    prepared.set(items, p);
  }
  return p;
}

/** CLIP hits for the intent's phrases, by item index, with the phrase that scored best. */
export interface IntentHit {
  item: number;
  score: number;
  because: { phrase: string }[];
}

export interface DeliveryRequest {
  items: readonly CatalogItem[];
  lexical: LexicalIndex;
  intent: Intent | null;
  k: number;
  /** Item ids never to show (seen, skipped). */
  exclude?: ReadonlySet<string>;
  /** CLIP text-to-item hits for the intent (the retrieval worker searched the index). */
  intentHits?: readonly IntentHit[];
  /** Items whose picture matches a disliked phrase (see pictureDislikes): excluded like lexical dislikes. */
  dislikedByPicture?: Iterable<number>;
  /** The user's U2I vector and the catalog's item vectors (rows aligned with `items`). */
  u2i?: { user: Float32Array; items: VectorMatrix; liked?: readonly LikedItem[] };
  weights?: FusionWeights;
  normalisation?: Normalisation;
}

/** One phrase's nearest items in the embedding index, best first: raw cosine scores. */
export interface PhraseHits {
  hits: readonly { item: number; score: number }[];
  /** True when `hits` holds every item of the catalog (a small catalog). */
  complete: boolean;
}

/**
 * "No cats" for items that have no words, only pictures (videos, the user's own files): an item is
 * disliked when it is among the `top` nearest items of a disliked phrase AND provably closer to that
 * phrase than to every wanted phrase. For a wanted phrase whose hit list does not contain the item,
 * the item's score is at most the list's last score, so it counts only if the disliked score beats
 * that bound; otherwise the item is kept (when in doubt, keep: a wrong exclusion hides a good item).
 */
export function pictureDislikes(dislikes: readonly PhraseHits[], wanted: readonly PhraseHits[], top: number): Set<number> {
  const out = new Set<number>();
  const wantedScore = wanted.map((w) => new Map(w.hits.map((h) => [h.item, h.score])));
  for (const d of dislikes) {
    for (const h of d.hits.slice(0, top)) {
      const closerToDislike = wanted.every((w, i) => {
        const s = wantedScore[i]!.get(h.item);
        if (s !== undefined) return h.score > s;
        if (w.complete || w.hits.length === 0) return true;
        return h.score > w.hits[w.hits.length - 1]!.score;
      });
      if (closerToDislike) out.add(h.item);
    }
  }
  return out;
}

/** How many candidates each source proposes, relative to k: enough for exclusions and diversity. */
const POOL = 4;

export function deliver(req: DeliveryRequest): FeedEntry[] {
  const { items, lexical, intent, k } = req;
  const { unsafe, popularity, rowOfId } = prepare(items);
  const disliked = intent ? dislikedItems(lexical, intent) : new Set<number>();
  for (const i of req.dislikedByPicture ?? []) disliked.add(i);
  const seen = new Set<number>();
  for (const id of req.exclude ?? []) {
    const i = rowOfId.get(id);
    if (i !== undefined) seen.add(i);
  }
  const blocked = new Set<number>([...disliked, ...unsafe, ...seen]);

  const candidates: Candidate[] = [];
  if (intent) {
    const lexicalHits = [...scorePhrases(lexical, positivePhrases(intent)).values()].sort((a, b) => b.score - a.score || a.item - b.item);
    candidates.push(...phraseCandidates('lexical', lexicalHits.slice(0, k * POOL * 2), blocked));
  }
  if (req.intentHits?.length) candidates.push(...phraseCandidates('intent', req.intentHits, blocked));
  if (req.u2i) {
    candidates.push(...u2iCandidates({ user: req.u2i.user, items: req.u2i.items, k: k * POOL, exclude: blocked, ...(req.u2i.liked ? { liked: req.u2i.liked } : {}) }));
    if (req.u2i.liked?.length) candidates.push(...similarCandidates({ items: req.u2i.items, liked: req.u2i.liked.slice(-5), k: k * POOL, exclude: blocked }));
  }
  candidates.push(...popularCandidates(popularity, k * POOL, blocked));

  const { items: ranked } = rankCandidates({
    candidates, k, weights: req.weights ?? DEFAULT_FUSION_WEIGHTS, exclusions: { disliked, unsafe, seen },
    ...(req.normalisation ? { normalisation: req.normalisation } : {}),
    ...(req.u2i ? { diversity: { vectors: req.u2i.items } } : {}),
  });
  return ranked.map((r) => {
    const top = [...r.contributions].sort((a, b) => b.normalised * b.weight - a.normalised * a.weight)[0];
    const source: FeedSource = (top?.source ?? 'popular') as FeedSource;
    return { id: items[r.itemIndex]!.id, score: r.score, source, why: r.explanation };
  });
}
