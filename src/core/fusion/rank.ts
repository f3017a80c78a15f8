// The final ranking of the delivery path: fuse the sources, drop exclusions, diversify, explain.
import type { VectorMatrix } from '../u2i/format.ts';
import { applyExclusions, type ExclusionCounts, type Exclusions } from './exclude.ts';
import { explainItem } from './explain.ts';
import { fuseCandidates, type Candidate, type FusedItem, type FusionWeights, type Normalisation } from './fuse.ts';
import { mmrRerank } from './mmr.ts';

/**
 * Defaults measured on MovieLens (bench/RESULTS-u2i.md, `npx tsx tools/u2i/eval-fusion.ts`): with
 * lexical at 1, minmax normalisation and U2I at 0.25 were best on the validation split (rank and
 * z-score lost in both intent settings). Popularity at 0.05 costs 0.004 NDCG@10 when U2I is present
 * and adds 0.043 when it is not (a cold user), so it stays as a tie-breaker. The CLIP intent source
 * has no MovieLens measurement yet: it gets the lexical weight, as both say what the user asked for.
 * `fresh` has no data here (MovieLens has no release dates per item); kept at the popularity weight.
 */
export const DEFAULT_FUSION_WEIGHTS: FusionWeights = Object.freeze({ intent: 1, lexical: 1, u2i: 0.25, popular: 0.05, fresh: 0.05 });
export const DEFAULT_NORMALISATION: Normalisation = 'minmax';
/** MMR trade-off: on MovieLens lambda 0.9 cost 0.007 NDCG@10 and 0.7 cost 0.017; diversity is the gain. */
export const DEFAULT_MMR_LAMBDA = 0.9;
/** MMR looks at this many fused items beyond k (it is quadratic in the pool). */
const MMR_POOL_FACTOR = 4;

export interface RankRequest {
  readonly candidates: readonly Candidate[];
  readonly k: number;
  readonly weights?: FusionWeights;
  readonly normalisation?: Normalisation;
  readonly exclusions?: Exclusions;
  /** Item vectors for the diversity re-rank; without them the fused order is kept. */
  readonly diversity?: { readonly vectors: VectorMatrix; readonly lambda?: number };
}

export interface RankedItem extends FusedItem {
  /** One line a person reads: "because you said 'street food'". */
  readonly explanation: string;
}

export function rankCandidates(req: RankRequest): { items: RankedItem[]; removed: ExclusionCounts } {
  const fused = fuseCandidates(req.candidates, req.weights ?? DEFAULT_FUSION_WEIGHTS, req.normalisation ?? DEFAULT_NORMALISATION);
  const { kept, removed } = applyExclusions(fused, req.exclusions ?? {});
  const ordered = req.diversity
    ? mmrRerank(kept.slice(0, req.k * MMR_POOL_FACTOR), req.diversity.vectors, {
        lambda: req.diversity.lambda ?? DEFAULT_MMR_LAMBDA,
        k: req.k,
      })
    : kept.slice(0, req.k);
  return { items: ordered.map((it) => ({ ...it, explanation: explainItem(it) })), removed };
}
