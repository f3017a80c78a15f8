// The explore source: before the first like, in a feed nobody has typed into, a screen that covers
// the catalog (one item from each of its least-shown parts), so that whatever a person came for is
// on one of the first screens and a like can steer the rest. It stops at the first like (the session
// source takes over) and whenever the user asks for something in words (the query sources rule then).
import { catalogStrata, coverCandidates, EXPLORE_SOURCE, exploreCandidates, wordExploreCandidates } from '../../engagement/explore.ts';
import { wantedPhrases } from '../../wanted.ts';
import type { Candidate } from '../fuse.ts';
import { defineSource, type RetrievalSource, type SourceContext } from '../retrieval-source.ts';

/** How a screen covers the catalog: by its categories when it has them, else farthest-point in its words or pictures. */
export const EXPLORE_MODES = Object.freeze(['categories', 'words', 'pictures'] as const);
export type ExploreMode = (typeof EXPLORE_MODES)[number];

/**
 * Weight of exploration while nothing is liked, chosen by the steering simulation on stickers
 * (bench/RESULTS-engagement.md, `npx tsx bench/engagement/steering.ts`): with popularity at 0.05, any
 * weight well above it makes the cold screen the exploration screen.
 */
export const EXPLORE_WEIGHT = 1;

/** The words a person reads under an explored item: it is here to find out, not because of anything they did. */
export const EXPLORE_EXPLANATION = 'something different, to find out what you like';

/** Exploration candidates for a request, or none when it should not explore (a like, or words asked for). */
export function exploreFor(ctx: SourceContext, mode: ExploreMode): Candidate<typeof EXPLORE_SOURCE>[] {
  const s = ctx.session;
  if (!s || s.liked.length > 0) return [];
  if (ctx.intent && wantedPhrases(ctx.intent).length > 0) return [];
  const shown = s.shown ?? new Set<number>();
  const strata = mode === 'categories' ? catalogStrata(ctx.items) : null;
  if (strata) return coverCandidates({ strata, shown, k: ctx.k, exclude: ctx.blocked });
  if (mode !== 'pictures' && s.words) return wordExploreCandidates({ space: s.words.space, popularity: ctx.popularity, shown, k: ctx.k, exclude: ctx.blocked });
  return s.items.dim > 0 ? exploreCandidates({ items: s.items, shown, k: ctx.k, exclude: ctx.blocked }) : [];
}

/** An explore row that covers the catalog one way (the simulation compares them; the registry ships 'categories'). */
export function exploreSourceBy(mode: ExploreMode): RetrievalSource<typeof EXPLORE_SOURCE> {
  return defineSource({
    id: EXPLORE_SOURCE,
    candidates: (ctx) => exploreFor(ctx, mode),
    normalisation: 'max',
    weight: EXPLORE_WEIGHT,
    explain: () => EXPLORE_EXPLANATION,
  });
}

export const exploreSource = exploreSourceBy('categories');
