// Text-to-video recall on a small catalog: each clip's main subject label is the query, the clip
// itself the one right answer. Ranks by cosine over whole-video vectors (mean-pooled keyframes, or a
// single middle frame), so poolings can be compared on the same queries.
import { cosine } from '../../src/core/vector.ts';

export interface RecallQuery {
  readonly text: string;
  /** Row of the clip that should come first. */
  readonly target: number;
}

/** 1-based rank of `target` among `rows` for `query` (ties count against the target). */
export function rankOf(query: Float32Array, rows: readonly Float32Array[], target: number): number {
  const s = cosine(query, rows[target]!);
  let rank = 1;
  rows.forEach((r, i) => {
    if (i !== target && cosine(query, r) >= s) rank++;
  });
  return rank;
}

export interface RecallSummary {
  readonly ranks: number[];
  readonly r1: number;
  readonly r3: number;
  readonly meanRank: number;
}

export function summarise(ranks: number[]): RecallSummary {
  const n = ranks.length;
  return {
    ranks,
    r1: ranks.filter((r) => r <= 1).length / n,
    r3: ranks.filter((r) => r <= 3).length / n,
    meanRank: ranks.reduce((a, b) => a + b, 0) / n,
  };
}
