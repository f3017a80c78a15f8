// The lexical source: the catalog's words (titles, tags) matched against what the user said. Also
// home of phraseCandidates, which the CLIP source shares (both turn phrase hits into candidates).
import { scorePhrases } from '../../lexical.ts';
import { expansionReasons, wantedPhrases } from '../../wanted.ts';
import type { Candidate } from '../fuse.ts';
import { reasonText, TASTE } from '../reason.ts';
import { defineSource, type RetrievalSource, type SourceContext } from '../retrieval-source.ts';

/**
 * An item found through a knowledge expansion counts this share of a word match: a full match of a
 * related concept ("travel" for "flying") must stay below a partial match of what the user said
 * ("street food"). Found with the seed's example in the browser test (tests/e2e/understanding.test.ts).
 */
const EXPANSION_MATCH_FACTOR = 0.5;

/** The hit list is cut before blocked items are dropped, so it keeps this many pools' worth. */
const LEXICAL_POOL_FACTOR = 2;

/**
 * Lexical (or intent) hits: each says which phrase of the user's it matched, or, for a phrase the
 * knowledge layer added, why that phrase is wanted (`reasons`, by lower-cased phrase).
 */
export function phraseCandidates<S extends string>(
  source: S,
  hits: Iterable<{ readonly item: number; readonly score: number; readonly because?: readonly { readonly phrase: string }[] }>,
  exclude?: ReadonlySet<number>,
  reasons?: ReadonlyMap<string, string>,
): Candidate<S>[] {
  const out: Candidate<S>[] = [];
  for (const h of hits) {
    if (exclude?.has(h.item)) continue;
    const phrase = h.because?.[0]?.phrase;
    const why = phrase ? reasons?.get(phrase.toLocaleLowerCase()) : undefined;
    const reason = why ? ({ kind: 'knowledge', text: why } as const) : phrase ? ({ kind: 'said', phrase } as const) : undefined;
    out.push({ source, itemIndex: h.item, score: h.score, ...(reason ? { reason } : {}) });
  }
  return out;
}

/**
 * The lexical hits of one rank, kept for the rank's other readers (the topic source samples them):
 * scoring the phrases over a catalog is the rank's largest cost at 100k items (bench/RESULTS-catalog.md).
 */
const perRank = new WeakMap<SourceContext, Candidate<'lexical'>[]>();

export const lexicalSource: RetrievalSource<'lexical'> = defineSource({
  id: 'lexical',
  candidates(ctx) {
    let hits = perRank.get(ctx);
    if (!hits) perRank.set(ctx, (hits = lexicalCandidates(ctx)));
    return hits;
  },
  normalisation: 'max',
  /** The reference: every other weight was measured with lexical at 1 (bench/RESULTS-u2i.md). */
  weight: 1,
  explain: (best) => reasonText(best.reason ?? TASTE),
});

function lexicalCandidates(ctx: SourceContext): Candidate<'lexical'>[] {
  if (!ctx.intent) return [];
  // What the user typed is matched as people type (near spellings, prefixes); what the knowledge
  // layer added is matched exactly: a related concept spelled nearly right is a different concept.
  const wanted = wantedPhrases(ctx.intent);
  const typed = scorePhrases(ctx.lexical, wanted.filter((p) => !p.reason));
  for (const [item, hit] of scorePhrases(ctx.lexical, wanted.filter((p) => p.reason), { fuzzy: false })) {
    const prev = typed.get(item);
    const score = hit.score * EXPANSION_MATCH_FACTOR;
    if (!prev || score > prev.score) typed.set(item, { ...hit, score });
  }
  const hits = [...typed.values()].sort((a, b) => b.score - a.score || a.item - b.item);
  return phraseCandidates('lexical', hits.slice(0, ctx.pool * LEXICAL_POOL_FACTOR), ctx.blocked, expansionReasons(ctx.intent));
}
