// What a retrieval source is (one row of registry.ts) and what every source is given (SourceContext):
// the contract that lets a new source be one file plus one line in the registry.
import type { CatalogItem } from '../catalog.ts';
import type { Intent } from '../intent.ts';
import type { LexicalIndex } from '../lexical.ts';
import type { WordSpace, WordVector } from '../engagement/word-space.ts';
import type { VectorMatrix } from '../u2i/format.ts';
import type { Candidate, Contribution, Normalisation } from './fuse.ts';

export interface LikedItem {
  readonly itemIndex: number;
  readonly title: string;
}

/** CLIP hits for the intent's phrases, by item index, with the phrase that scored best. */
export interface IntentHit {
  item: number;
  score: number;
  because: { phrase: string }[];
}

/** The user's U2I vector and the catalog's item vectors (rows aligned with the catalog's items). */
export interface U2iInput {
  readonly user: Float32Array;
  readonly items: VectorMatrix;
  readonly liked?: readonly LikedItem[];
}

/** The user's session in the catalog's item spaces (the session and explore sources, core/engagement/). */
export interface SessionInput {
  /** The session vector in the picture space `items`; null before anything is liked. */
  readonly vector: Float32Array | null;
  /** The catalog's picture space (dim 0 for a catalog without pictures). */
  readonly items: VectorMatrix;
  readonly liked: readonly LikedItem[];
  /** The same session in the catalog's word space (core/engagement/word-space.ts). */
  readonly words?: { readonly space: WordSpace; readonly vector: WordVector | null };
  /** Rows already shown in this session: exploration proposes the parts of the catalog not shown yet. */
  readonly shown?: ReadonlySet<number>;
}

/**
 * Everything a source may draw on for one feed request. Inputs a request lacks are absent; a source
 * whose input is absent proposes nothing. A new source that needs a new input adds an optional field
 * here and on DeliveryRequest.
 */
export interface SourceContext {
  readonly items: readonly CatalogItem[];
  readonly lexical: LexicalIndex;
  readonly intent: Intent | null;
  /** CLIP text-to-item hits for the intent (the retrieval worker searched the index); may be empty. */
  readonly intentHits: readonly IntentHit[];
  readonly u2i?: U2iInput;
  readonly session?: SessionInput;
  /** The catalog's popularity per item index. */
  readonly popularity: Float32Array;
  /** Item indices never to propose (disliked, unsafe, excluded): proposing them wastes the pool. */
  readonly blocked: ReadonlySet<number>;
  /** How many items the feed shows. */
  readonly k: number;
  /** How many candidates a source proposes: k times a margin for exclusions and diversity. */
  readonly pool: number;
}

/** One retrieval source: everything about it in one row. */
export interface RetrievalSource<Id extends string = string> {
  /** Names the source in weights, contributions and FeedEntry.source. */
  readonly id: Id;
  /** Its candidates for this request, any score scale, higher is better. */
  candidates(ctx: SourceContext): readonly Candidate<Id>[];
  /** How its scores are put on [0, 1] before fusion. */
  readonly normalisation: Normalisation;
  /** Its default fusion weight (the measurement behind it is cited where it is set). */
  readonly weight: number;
  /** The line a user reads when this source contributed most to an item. */
  explain(best: Contribution<Id>): string;
}

/** A registry row, frozen: sources are configuration, not state. */
export function defineSource<Id extends string>(row: RetrievalSource<Id>): RetrievalSource<Id> {
  return Object.freeze(row);
}
