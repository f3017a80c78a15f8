// The explore source: in a feed nobody has typed into, screens that cover the catalog (one item from
// each of its least-shown parts), so that whatever a person came for is on one of the first screens
// and a like can steer the rest. Before the first like it fills the screen; after it, it keeps a card
// or two per screen (and more after "Not for me"s with no like since), so a taste that changes is
// found again. It stops whenever the user asks for something in words (the query sources rule then).
import { clusterStrata, type ClusterSpaces } from '../../engagement/clusters.ts';
import { catalogStrata, coverCandidates, EXPLORE_SOURCE, exploreCandidates, wordExploreCandidates } from '../../engagement/explore.ts';
import { skipsSinceLike } from '../../engagement/session-input.ts';
import { wantedPhrases } from '../../wanted.ts';
import type { Candidate } from '../fuse.ts';
import { defineSource, type RetrievalSource, type SessionInput, type SourceContext } from '../retrieval-source.ts';

/**
 * How a screen covers the catalog: 'categories' by its categories (leaf under group) when it has them,
 * else as 'clusters'; 'clusters' by parts of its word and picture spaces (engagement/clusters.ts);
 * 'words' and 'pictures' farthest-point in one space (kept for the simulation's comparison).
 */
export const EXPLORE_MODES = Object.freeze(['categories', 'clusters', 'words', 'pictures'] as const);
export type ExploreMode = (typeof EXPLORE_MODES)[number];

/**
 * Weight of exploration, chosen by the steering simulation on stickers (bench/RESULTS-engagement.md,
 * `npx tsx bench/engagement/steering.ts`): with popularity at 0.05 and the session at 0.5, any weight
 * well above them puts every explored card on the screen.
 */
export const EXPLORE_WEIGHT = 1;

/** How many cards of a screen explore once something is liked. */
export interface ExploreShare {
  /** Cards per screen after the first like. */
  readonly afterLike: number;
  /** More cards per skip since the last like (rounded down): a screen with no like widens the search. */
  readonly perSkip: number;
  /** At most this share of the screen, however many skips. */
  readonly maxShare: number;
}

/**
 * Chosen by the steering simulation's tuning (bench/RESULTS-engagement.md, steering section, seed 1,
 * 'exploration after a like'): keeping 1 card a screen (+0.5 per skip, at most 3) raised the mean share
 * after a taste change 0.045 -> 0.107 but lowered the fixed-taste mean 0.650 -> 0.543; stopping at the
 * first like won the objective (0.347 against 0.325), so the product stops there. The shares stay
 * settable for the comparison (exploreSourceBy).
 */
export const DEFAULT_EXPLORE_SHARE: ExploreShare = Object.freeze({ afterLike: 0, perSkip: 0, maxShare: 0.5 });

/** The words a person reads under an explored item: it is here to find out, not because of anything they did. */
export const EXPLORE_EXPLANATION = 'something different, to find out what you like';

/** Exploration candidates for a request, or none when it should not explore (words asked for). */
export function exploreFor(ctx: SourceContext, mode: ExploreMode, share: ExploreShare = DEFAULT_EXPLORE_SHARE): Candidate<typeof EXPLORE_SOURCE>[] {
  const s = ctx.session;
  if (!s) return [];
  if (ctx.intent && wantedPhrases(ctx.intent).length > 0) return [];
  // A U2I user vector (a demo user's, or one folded in from likes) is a taste already: its own source ranks.
  if (ctx.u2i) return [];
  const cold = s.liked.length === 0;
  const k = cold ? ctx.k : Math.min(Math.floor(ctx.k * share.maxShare), share.afterLike + Math.floor(share.perSkip * skipsSinceLike(s)));
  if (k <= 0) return [];
  const shown = s.shown ?? new Set<number>();
  const picked = pick(ctx, mode, k, shown);
  // After a like the session's cards are on the screen too: explored ones score in (0.5, 1] of the
  // source's max, above the session's (its weight is half this one's), so each one asked for is shown.
  return cold ? picked : picked.map((c, p) => ({ ...c, score: 2 * k - p }));
}

function pick(ctx: SourceContext, mode: ExploreMode, k: number, shown: ReadonlySet<number>): Candidate<typeof EXPLORE_SOURCE>[] {
  const s = ctx.session!;
  const strata =
    (mode === 'categories' ? catalogStrata(ctx.items) : null) ??
    (mode === 'categories' || mode === 'clusters' ? clusterStrata(clusterSpaces(s), ctx.popularity) : null);
  if (strata) return coverCandidates({ strata, shown, k, exclude: ctx.blocked });
  if (mode !== 'pictures' && s.words) return wordExploreCandidates({ space: s.words.space, popularity: ctx.popularity, shown, k, exclude: ctx.blocked });
  return s.items.dim > 0 ? exploreCandidates({ items: s.items, shown, k, exclude: ctx.blocked }) : [];
}

/**
 * The space the catalog's parts are made in: its words when it has them (on stickers, word parts
 * reach more tastes in 5 cold screens than parts of words and pictures, 26 against 22 of 58, and
 * cost 0.7 s against 3.5 s once per catalog), else its pictures.
 */
function clusterSpaces(s: SessionInput): ClusterSpaces {
  return s.words ? { words: s.words.space, pictures: null, weights: { words: 1, picture: 0 } } : { words: null, pictures: s.items, weights: { words: 0, picture: 1 } };
}

/** An explore row that covers the catalog one way (the simulation compares them; the registry ships 'categories'). */
export function exploreSourceBy(mode: ExploreMode, share: ExploreShare = DEFAULT_EXPLORE_SHARE): RetrievalSource<typeof EXPLORE_SOURCE> {
  return defineSource({
    id: EXPLORE_SOURCE,
    candidates: (ctx) => exploreFor(ctx, mode, share),
    normalisation: 'max',
    weight: EXPLORE_WEIGHT,
    explain: () => EXPLORE_EXPLANATION,
  });
}

export const exploreSource = exploreSourceBy('categories');
