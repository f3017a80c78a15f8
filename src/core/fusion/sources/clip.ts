// The CLIP source: items whose picture is near what the user said (text-to-image similarity; the
// retrieval worker searches the embedding index and hands the hits in as SourceContext.intentHits).
// Its id stays 'intent': weights, FeedEntry.source and the tools name it so.
import { reasonText, TASTE } from '../reason.ts';
import { defineSource, type RetrievalSource } from '../retrieval-source.ts';
import { phraseCandidates } from './lexical.ts';

/**
 * A CLIP match at least this share of the best CLIP match is said to look like the phrase; below it, the
 * item is only the nearest picture left (in a small catalog every item is some CLIP match). High because
 * the demo model's cosines are compressed: for "cat" on the generated clips, a hamburger clip still
 * scored at least 0.8 of the cat clip (it was called "looks like 'cat'" with 0.8 as the threshold).
 */
export const CLOSE_PICTURE_SHARE = 0.95;

/**
 * The CLIP hits that are matches at all: a hit whose cosine (its score over its phrase's weight, as
 * the retrieval worker weights them) is below `floor` is dropped, so the source proposes nothing for a
 * phrase no picture matches and no card says it "looks like" it. The floor is calibrated per catalog
 * and model on nonsense and words the catalog lacks, and shipped in the catalog's manifest
 * (index.noMatchFloor: tools/catalog/no-match-floor.ts for built catalogs, bench/RESULTS-catalog.md;
 * tools/calibrate-clip-floor.ts for the stickers, bench/RESULTS-clip-floor.md). No floor: every hit stays.
 */
export function aboveClipFloor<H extends { readonly score: number; readonly because?: readonly { readonly phrase: string }[] }>(
  hits: readonly H[],
  floor: number | undefined,
  phraseWeights?: ReadonlyMap<string, number>,
): readonly H[] {
  if (floor === undefined || !Number.isFinite(floor)) return hits;
  return hits.filter((h) => {
    const phrase = h.because?.[0]?.phrase;
    const w = (phrase !== undefined ? phraseWeights?.get(phrase.toLocaleLowerCase()) : undefined) ?? 1;
    return w > 0 && h.score / w >= floor;
  });
}

export const clipSource: RetrievalSource<'intent'> = defineSource({
  id: 'intent',
  candidates: (ctx) => (ctx.intentHits.length ? phraseCandidates('intent', ctx.intentHits, ctx.blocked) : []),
  normalisation: 'max',
  /**
   * Measured on the stickers the CLIP model never saw (bench/RESULTS-stickers-fusion.md,
   * `npx tsx tools/eval-sticker-fusion.ts`): the demo model is weak (alone, Recall@10 0.058), at weight 1
   * it costs lexical 0.12 Recall@10, at 0.25 nothing (0.836 vs 0.838; MRR 0.556 vs 0.580). It stays at
   * 0.25: it barely moves what lexical match finds and fills the feed when lexical match finds nothing.
   * A stronger model (ViT-B/32) should be re-measured.
   */
  weight: 0.25,
  explain(best) {
    // What the user said found this item by its picture, not by its words: say so, and how closely.
    if (best.reason?.kind === 'said') return reasonText({ kind: 'looks', phrase: best.reason.phrase, close: best.normalised >= CLOSE_PICTURE_SHARE });
    return reasonText(best.reason ?? TASTE);
  },
});
