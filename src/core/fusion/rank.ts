// The final ranking of the delivery path: fuse the sources, drop exclusions, diversify, explain.
import type { VectorMatrix } from '../u2i/format.ts';
import { applyExclusions, type ExclusionCounts, type Exclusions } from './exclude.ts';
import { explainItem } from './explain.ts';
import { fuseCandidates, type Candidate, type FusedItem, type FusionWeights, type Normalisation } from './fuse.ts';
import { mmrRerank } from './mmr.ts';

/**
 * Defaults measured on MovieLens (bench/RESULTS-u2i.md, `npx tsx tools/u2i/eval-fusion.ts`): with
 * lexical at 1, 'max' normalisation (score / best score) was best on the validation split in both
 * intent settings (genres: 0.4300 vs minmax 0.4242, rank 0.4153, z-score 0.3646; genres + title word:
 * 0.9638 vs 0.9626) and on test; U2I at 0.25 was the validation pick for genre intents (0.1 with a
 * title word). Popularity at 0.05 costs 0.005 NDCG@10 when U2I is present and helps a cold user, so it
 * stays as a tie-breaker. The CLIP intent source is measured on the stickers the CLIP model never saw
 * (bench/RESULTS-stickers-fusion.md, `npx tsx tools/eval-sticker-fusion.ts`): the demo model is weak
 * (alone, Recall@10 0.058), at weight 1 it costs lexical 0.12 Recall@10, at 0.25 nothing (0.836 vs
 * 0.838; MRR 0.556 vs 0.580). It stays at 0.25: it barely moves what lexical match finds and fills the
 * feed when lexical match finds nothing. A stronger model (ViT-B/32) should be re-measured.
 * `fresh` has no data here (MovieLens has no release dates per item); kept at the popularity weight.
 * `similar` (items like the ones liked in this session, by item vectors) is not measured on MovieLens
 * either: 0.5 makes an explicit like visible in the next feed without outweighing what the user says.
 */
export const DEFAULT_FUSION_WEIGHTS: FusionWeights = Object.freeze({ intent: 0.25, lexical: 1, u2i: 0.25, similar: 0.5, popular: 0.05, fresh: 0.05 });
export const DEFAULT_NORMALISATION: Normalisation = 'max';
/** MMR trade-off: on MovieLens (max normalisation) lambda 0.9 cost 0.003 NDCG@10 and 0.7 cost 0.006; diversity is the gain. */
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
