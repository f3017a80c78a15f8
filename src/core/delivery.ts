// The delivery path's final step, pure and synchronous: candidates from every retrieval source in the
// registry (fusion/registry.ts: lexical match of the intent, CLIP text-to-item similarity, the user's
// U2I vector, items like the liked ones, popularity), fused per source, penalties and exclusions
// applied (disliked, unsafe, seen), repeats of one variant family decayed, diversified, explained.
import { type CatalogItem, rowsOf } from './catalog.ts';
import { familiesOf } from './fusion/families.ts';
import type { FusionWeights, Normalisation } from './fusion/fuse.ts';
import { rankCandidates } from './fusion/rank.ts';
import { DEFAULT_FUSION_WEIGHTS, DEFAULT_NORMALISATIONS, DEFAULT_SOURCES, normalisationsOf, SOURCE_IDS, type SourceId, weightsOf } from './fusion/registry.ts';
import type { IntentHit, RetrievalSource, SessionInput, SourceContext, U2iInput } from './fusion/retrieval-source.ts';
import type { Intent } from './intent.ts';
import { aboveClipFloor } from './fusion/sources/clip.ts';
import { type LexicalIndex, phraseMatches } from './lexical.ts';
import type { VectorMatrix } from './u2i/format.ts';
import { dislikedNow, refinedFirst, refinedItems, topicSaid } from './fusion/narrow.ts';
import { wantedPhrases } from './wanted.ts';

/**
 * A topic item that does not fit the refinement keeps this share of its fused score: below the fitting
 * ones, which score at least about half of the best topic item (lexical: topic match plus the lead).
 */
const UNFIT_FACTOR = 0.5;

export type { IntentHit } from './fusion/retrieval-source.ts';

/** The sources a feed entry can come from: the registry's ids, in its order. */
export const FEED_SOURCES: readonly FeedSource[] = SOURCE_IDS;
export type FeedSource = SourceId;

export interface FeedEntry<S extends string = FeedSource> {
  id: string;
  score: number;
  source: S;
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
    p = { unsafe, popularity: Float32Array.from(items, (it) => it.popularity), rowOfId: rowsOf(items) };
    prepared.set(items, p);
  }
  return p;
}

export interface DeliveryRequest<S extends string = FeedSource> {
  items: readonly CatalogItem[];
  lexical: LexicalIndex;
  intent: Intent | null;
  k: number;
  /** Item ids never to show (seen, skipped). */
  exclude?: ReadonlySet<string>;
  /** CLIP text-to-item hits for the intent (the retrieval worker searched the index). */
  intentHits?: readonly IntentHit[];
  /**
   * The catalog's calibrated "no match" cosine for its CLIP index (its manifest's index.noMatchFloor, or
   * for the stickers public/models/<model>/calibration.json): the intent hits of a phrase the catalog's
   * words do not know are dropped below it before the CLIP source sees them. Default: none.
   */
  clipFloor?: number;
  /** Items whose picture matches a disliked phrase (see pictureDislikes): excluded like lexical dislikes. */
  dislikedByPicture?: Iterable<number>;
  /** The user's U2I vector and the catalog's item vectors (rows aligned with `items`). */
  u2i?: U2iInput;
  /** The user's session vector in the catalog's item space, for a session source. */
  session?: SessionInput;
  /** Item vectors for diversity (MMR) when neither U2I nor a session gives them: the catalog's picture space. */
  diversityVectors?: VectorMatrix;
  /** Multiplicative down-weight per item index, in [0, 1], applied to the fused score. */
  penalties?: ReadonlyMap<number, number>;
  /** Default: each source's weight from its row. */
  weights?: FusionWeights<S>;
  /** One method for every source (a tool's sweep); default: each source's own from its row. */
  normalisation?: Normalisation;
  /** The sources to ask, in order; default DEFAULT_SOURCES. A new source is a row added here or there. */
  sources?: readonly RetrievalSource<S>[];
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

/**
 * The calibrated no-match floor applies where it was measured: to phrases the catalog's words do not
 * know (nonsense, words it lacks: tools/calibrate-clip-floor.ts). A phrase with word matches keeps its
 * picture matches, which only re-rank among related items; a phrase with none must clear the floor, so
 * "zyxwv" claims nothing.
 */
function honestPictures(hits: readonly IntentHit[], floor: number | undefined, intent: Intent | null, lexical: LexicalIndex): readonly IntentHit[] {
  if (floor === undefined || !intent || hits.length === 0) return hits;
  const weights = new Map(wantedPhrases(intent).map((p) => [p.text.toLocaleLowerCase(), p.weight]));
  const phraseOf = (h: IntentHit) => h.because?.[0]?.phrase.toLocaleLowerCase() ?? '';
  // Only the phrases the hits name are looked up: the intent's expansions and refinements, a dozen or
  // more, never name a hit, and each lookup is a near-spelling search of the catalog's terms (it was
  // 45% of the rank's CPU in a trace of 24 turns, 2026-11-30).
  const cited = new Set(hits.map(phraseOf));
  const unknown = new Set([...weights.keys()].filter((p) => cited.has(p) && !phraseMatches(lexical, p)));
  const kept = hits.filter((h) => !unknown.has(phraseOf(h)));
  return [...kept, ...aboveClipFloor(hits.filter((h) => unknown.has(phraseOf(h))), floor, weights)];
}

/** How many candidates each source proposes, relative to k: enough for exclusions and diversity. */
const POOL = 4;

export function deliver<S extends string = FeedSource>(req: DeliveryRequest<S>): FeedEntry<S>[] {
  const { items, lexical, intent, k } = req;
  const { unsafe, popularity, rowOfId } = prepare(items);
  // A dislike gives way to a more recent, more specific request ("no animals", later "cats please").
  const disliked = intent ? dislikedNow(lexical, intent) : new Set<number>();
  for (const i of req.dislikedByPicture ?? []) disliked.add(i);
  const seen = new Set<number>();
  for (const id of req.exclude ?? []) {
    const i = rowOfId.get(id);
    if (i !== undefined) seen.add(i);
  }
  const blocked = new Set<number>([...disliked, ...unsafe, ...seen]);
  // A refinement narrows the topic to an intersection: everything outside it is not proposed at all.
  const refined = intent ? refinedItems(lexical, intent) : null;
  if (refined) for (let i = 0; i < items.length; i++) if (!refined.has(i)) blocked.add(i);
  // Where the topic stays (too few items fit both), the ones that fit the refinement come first after
  // fusion too: the other sources (the topic's neighbours, popularity) had lifted the rest of the topic
  // above them ("animals", then "only the ones that fly": the dove below every monkey).
  const fit = refined && intent ? refinedFirst(lexical, intent) : null;
  let penalties = req.penalties;
  if (refined && fit && fit.size > 0) {
    const merged = new Map(penalties ?? []);
    const said = topicSaid(lexical, intent!);
    // Three tiers: fitting and said; said; what only an expansion brought into the topic (fitting or
    // not: "birds", "only the small ones" kept the fairies that "bird -> wing" brought, small by definition).
    for (const i of refined) if (!fit.has(i)) merged.set(i, Math.min(merged.get(i) ?? 1, said.has(i) ? UNFIT_FACTOR : UNFIT_FACTOR * UNFIT_FACTOR));
    penalties = merged;
  }

  // Without sources of its own, the request's S is FeedSource (its default) and these are its rows.
  const sources = req.sources ?? (DEFAULT_SOURCES as unknown as readonly RetrievalSource<S>[]);
  const isDefault = req.sources === undefined;
  const context: SourceContext = {
    items, lexical, intent, k, pool: k * POOL, popularity, blocked,
    intentHits: honestPictures(req.intentHits ?? [], req.clipFloor, intent, lexical),
    ...(req.u2i ? { u2i: req.u2i } : {}),
    ...(req.session ? { session: req.session } : {}),
  };
  const candidates = sources.flatMap((s) => s.candidates(context));

  const { items: ranked } = rankCandidates<S>({
    candidates, k, sources, exclusions: { disliked, unsafe, seen }, families: familiesOf(items),
    weights: req.weights ?? (isDefault ? (DEFAULT_FUSION_WEIGHTS as FusionWeights<S>) : weightsOf(sources)),
    normalisation: req.normalisation ?? (isDefault ? (DEFAULT_NORMALISATIONS as Readonly<Record<S, Normalisation>>) : normalisationsOf(sources)),
    ...(penalties ? { penalties } : {}),
    ...(req.u2i ? { diversity: { vectors: req.u2i.items } } : req.session ? { diversity: { vectors: req.session.items } } : req.diversityVectors ? { diversity: { vectors: req.diversityVectors } } : {}),
  });
  return ranked.map((r) => {
    const top = [...r.contributions].sort((a, b) => b.normalised * b.weight - a.normalised * a.weight)[0];
    const source = top?.source ?? ('popular' as S);
    return { id: items[r.itemIndex]!.id, score: r.score, source, why: r.explanation };
  });
}
