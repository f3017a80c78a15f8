// The final ranking of the delivery path: fuse the sources, down-weight penalised items, drop
// exclusions, decay repeats of one variant family, diversify, explain.
import type { VectorMatrix } from '../u2i/format.ts';
import { applyExclusions, type ExclusionCounts, type Exclusions } from './exclude.ts';
import { explainItem } from './explain.ts';
import { DEFAULT_NORMALISATION, fuseCandidates, type Candidate, type FusedItem, type FusionSource, type FusionWeights, type NormalisationChoice } from './fuse.ts';
import { mmrRerank } from './mmr.ts';
import { applyPenalties } from './penalty.ts';
import { DEFAULT_FUSION_WEIGHTS } from './registry.ts';
import type { RetrievalSource } from './retrieval-source.ts';

// The defaults' home moved (weights: each source's row in registry.ts; normalisation: fuse.ts); they
// are still the ranking's defaults, and tools import them from here.
export { DEFAULT_FUSION_WEIGHTS, DEFAULT_NORMALISATION };

/** MMR trade-off: on MovieLens (max normalisation) lambda 0.9 cost 0.003 NDCG@10 and 0.7 cost 0.006; diversity is the gain. */
export const DEFAULT_MMR_LAMBDA = 0.9;
/** MMR looks at this many fused items beyond k (it is quadratic in the pool). */
const MMR_POOL_FACTOR = 4;

export interface RankRequest<S extends string = FusionSource> {
  readonly candidates: readonly Candidate<S>[];
  readonly k: number;
  readonly weights?: FusionWeights<S>;
  readonly normalisation?: NormalisationChoice<S>;
  readonly exclusions?: Exclusions;
  /** Multiplicative down-weight per item index, in [0, 1], applied to the fused score. */
  readonly penalties?: ReadonlyMap<number, number>;
  /** Item vectors for the diversity re-rank; without them the fused order is kept. */
  readonly diversity?: { readonly vectors: VectorMatrix; readonly lambda?: number };
  /** Each item's variant family by item index (families.ts): members past the first few are decayed. */
  readonly families?: readonly string[];
  /** The rows whose words explain each item (default: the registry's). */
  readonly sources?: readonly RetrievalSource<S>[];
}

export interface RankedItem<S extends string = FusionSource> extends FusedItem<S> {
  /** One line a person reads: "because you said 'street food'". */
  readonly explanation: string;
}

export function rankCandidates<S extends string>(req: RankRequest<S>): { items: RankedItem<S>[]; removed: ExclusionCounts } {
  // Without weights of its own the request gets the registry's; a source outside it then weighs 0.
  const weights = req.weights ?? (DEFAULT_FUSION_WEIGHTS as FusionWeights<S>);
  const fused = applyPenalties(fuseCandidates(req.candidates, weights, req.normalisation ?? DEFAULT_NORMALISATION), req.penalties);
  const exclusions = applyExclusions(fused, req.exclusions ?? {});
  const { removed } = exclusions;
  const kept = req.families ? decayFamilies(exclusions.kept, req.families) : exclusions.kept;
  const ordered = req.diversity
    ? mmrRerank(kept.slice(0, req.k * MMR_POOL_FACTOR), req.diversity.vectors, {
        lambda: req.diversity.lambda ?? DEFAULT_MMR_LAMBDA,
        k: req.k,
      })
    : kept.slice(0, req.k);
  return { items: ordered.map((it) => ({ ...it, explanation: explainItem(it, req.sources) })), removed };
}

/**
 * A family's first FAMILY_KEEP members keep their score; each further one is multiplied by
 * FAMILY_DECAY once more. On tests/golden/understanding (`npx tsx tools/eval-understanding.ts --product
 * --knowledge`): keep 3, decay 0.8 costs relevance@10 on dev2 (en 0.704 -> 0.695, ko 0.636 -> 0.623:
 * its labels count every family variant relevant) and raises the must-show hits (dev2 ko 47 -> 49 of
 * 56, old blind en 51 -> 52 of 55); keep 2 cost 0.013 / 0.020, keep 1 0.027 / 0.034. Chosen for what a
 * person sees: 추석 shows the full moon and the moon viewing ceremony beside four families, not ten families.
 */
const FAMILY_KEEP = 3;
const FAMILY_DECAY = 0.8;

/** The fused order with each family's members past the first FAMILY_KEEP decayed, re-sorted (stable). */
function decayFamilies<T extends { readonly itemIndex: number; readonly score: number }>(items: readonly T[], families: readonly string[]): readonly T[] {
  const seen = new Map<string, number>();
  let decayed = false;
  const out = items.map((it) => {
    const f = families[it.itemIndex];
    if (f === undefined) return it;
    const n = seen.get(f) ?? 0;
    seen.set(f, n + 1);
    if (n < FAMILY_KEEP) return it;
    decayed = true;
    return { ...it, score: it.score * FAMILY_DECAY ** (n - FAMILY_KEEP + 1) };
  });
  // Most feeds repeat no family past its first few: their fused order stands as it is.
  return decayed ? out.sort((a, b) => b.score - a.score) : items;
}
