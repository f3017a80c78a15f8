// Fusion mechanics: per-source normalisation, weighted fusion, exclusions, MMR diversity and the explanation of a ranked item.
import { describe, expect, it } from 'vitest';
import { applyExclusions } from '../../../src/core/fusion/exclude.ts';
import { explainItem } from '../../../src/core/fusion/explain.ts';
import { reasonText } from '../../../src/core/fusion/reason.ts';
import { fuseCandidates, normaliseScores, RRF_K, type Candidate } from '../../../src/core/fusion/fuse.ts';
import { mmrRerank } from '../../../src/core/fusion/mmr.ts';
import { rankCandidates } from '../../../src/core/fusion/rank.ts';

describe('per-source normalisation', () => {
  it('maps every method to [0, 1], order kept, whatever the scale (rank and minmax put the best at 1)', () => {
    for (const method of ['rank', 'minmax', 'zscore'] as const) {
      const small = normaliseScores([0.1, 0.3, 0.2], method);
      const large = normaliseScores([100, 300, 200], method);
      expect(Array.from(small)).toEqual(Array.from(large).map((x) => expect.closeTo(x, 9)));
      if (method !== 'zscore') expect(Math.max(...small)).toBeCloseTo(1, 9);
      expect(small.every((x) => x >= 0 && x <= 1)).toBe(true);
      expect(small[1]).toBeGreaterThan(small[2]!);
      expect(small[2]).toBeGreaterThan(small[0]!);
    }
  });

  it('rank normalisation is reciprocal rank, ties share a rank', () => {
    const r = normaliseScores([5, 9, 5, 1], 'rank');
    expect(r[1]).toBe(1);
    expect(r[0]).toBeCloseTo((RRF_K + 1) / (RRF_K + 2), 12);
    expect(r[2]).toBe(r[0]);
    expect(r[3]).toBeCloseTo((RRF_K + 1) / (RRF_K + 4), 12);
  });

  it('handles degenerate input', () => {
    expect(normaliseScores([], 'minmax')).toHaveLength(0);
    expect(Array.from(normaliseScores([3, 3], 'zscore'))).toEqual([1, 1]);
    expect(() => normaliseScores([1, NaN], 'minmax')).toThrow(RangeError);
  });
});

describe('weighted fusion', () => {
  const cands: Candidate[] = [
    { source: 'lexical', itemIndex: 1, score: 10, reason: { kind: 'said', phrase: 'street food' } },
    { source: 'lexical', itemIndex: 2, score: 5, reason: { kind: 'said', phrase: 'street food' } },
    { source: 'lexical', itemIndex: 3, score: 0 },
    { source: 'u2i', itemIndex: 2, score: 0.9, reason: { kind: 'liked', title: 'Alien' } },
    { source: 'u2i', itemIndex: 4, score: 0.8 },
    { source: 'u2i', itemIndex: 1, score: 0.1 },
  ];

  it('an item two sources agree on beats one source alone', () => {
    const f = fuseCandidates(cands, { lexical: 1, u2i: 1 }, 'minmax');
    expect(f.map((x) => x.itemIndex)).toEqual([2, 1, 4, 3]);
    expect(f[0]!.score).toBeCloseTo(0.5 + 1, 9);
    expect(f[0]!.contributions.map((c) => c.source).sort()).toEqual(['lexical', 'u2i']);
  });

  it('weights decide between sources; a zero weight drops a source', () => {
    expect(fuseCandidates(cands, { lexical: 1, u2i: 0.1 }, 'minmax')[0]!.itemIndex).toBe(1);
    expect(fuseCandidates(cands, { lexical: 0.1, u2i: 1 }, 'minmax')[0]!.itemIndex).toBe(2);
    const onlyU2i = fuseCandidates(cands, { u2i: 1 }, 'minmax');
    expect(onlyU2i.every((x) => x.contributions.every((c) => c.source === 'u2i'))).toBe(true);
    expect(() => fuseCandidates(cands, { u2i: -1 }, 'minmax')).toThrow(RangeError);
  });

  it('keeps the best score when a source lists an item twice', () => {
    const f = fuseCandidates(
      [
        { source: 'u2i', itemIndex: 1, score: 0.2 },
        { source: 'u2i', itemIndex: 1, score: 0.9 },
        { source: 'u2i', itemIndex: 2, score: 0.5 },
      ],
      { u2i: 1 },
      'minmax',
    );
    expect(f.map((x) => [x.itemIndex, x.score])).toEqual([
      [1, 1],
      [2, 0],
    ]);
  });
});

describe('exclusions', () => {
  it('removes seen, disliked and unsafe items and says how many', () => {
    const items = [0, 1, 2, 3, 4].map((itemIndex) => ({ itemIndex }));
    const { kept, removed } = applyExclusions(items, { seen: new Set([0, 4]), disliked: new Set([1, 4]), unsafe: new Set([4]) });
    expect(kept.map((x) => x.itemIndex)).toEqual([2, 3]);
    expect(removed).toEqual({ seen: 1, disliked: 1, unsafe: 1 });
  });
});

describe('MMR diversity', () => {
  // Items 0, 1, 2 are near-copies; 3 points elsewhere.
  const vectors = { dim: 2, rows: 4, data: Float32Array.from([1, 0, 0.99, 0.01, 0.98, 0.02, 0, 1]) };
  const items = [
    { itemIndex: 0, score: 1 },
    { itemIndex: 1, score: 0.95 },
    { itemIndex: 2, score: 0.9 },
    { itemIndex: 3, score: 0.6 },
  ];
  it('lambda 1 keeps relevance order; a lower lambda lifts the different item', () => {
    expect(mmrRerank(items, vectors, { lambda: 1, k: 3 }).map((x) => x.itemIndex)).toEqual([0, 1, 2]);
    expect(mmrRerank(items, vectors, { lambda: 0.5, k: 3 }).map((x) => x.itemIndex)).toEqual([0, 3, 1]);
    expect(mmrRerank(items, vectors, { lambda: 0.5, k: 10 })).toHaveLength(4);
    expect(() => mmrRerank(items, vectors, { lambda: 2, k: 3 })).toThrow(RangeError);
  });
});

describe('explanations and the ranking pipeline', () => {
  it('explains an item by its strongest source', () => {
    expect(reasonText({ kind: 'said', phrase: 'street food' })).toBe("because you said 'street food'");
    expect(reasonText({ kind: 'said', phrase: 'fruit', also: 'red' })).toBe("because you said 'fruit' and 'red'");
    expect(reasonText({ kind: 'said', phrase: 'bird', also: 'fly', lacks: true })).toBe("because you said 'bird' and not 'fly'");
    expect(reasonText({ kind: 'liked', title: 'Alien' })).toBe('because you liked Alien');
    const item = {
      contributions: [
        { source: 'lexical' as const, normalised: 0.2, weight: 1, reason: { kind: 'said' as const, phrase: 'street food' } },
        { source: 'u2i' as const, normalised: 0.9, weight: 1, reason: { kind: 'liked' as const, title: 'Alien' } },
      ],
    };
    expect(explainItem(item)).toBe('because you liked Alien');
    expect(explainItem({ contributions: [{ ...item.contributions[1]!, weight: 0.1 }, item.contributions[0]!] })).toBe(
      "because you said 'street food'",
    );
    expect(explainItem({ contributions: [{ source: 'popular', normalised: 1, weight: 1 }] })).toBe('popular with everyone');
  });

  it('a CLIP match says the picture looks like the phrase, or is only the nearest picture left', () => {
    const clip = (normalised: number) => ({ contributions: [{ source: 'intent' as const, normalised, weight: 0.25, reason: { kind: 'said' as const, phrase: 'cat' } }] });
    expect(explainItem(clip(1))).toBe("looks like 'cat'");
    expect(explainItem(clip(0.95))).toBe("looks like 'cat'");
    expect(explainItem(clip(0.8))).toBe("the nearest picture to 'cat'");
  });

  it('fuses, excludes, diversifies and explains in one call', () => {
    const vectors = { dim: 2, rows: 5, data: Float32Array.from([1, 0, 1, 0, 0.99, 0.01, 0, 1, 0.7, 0.7]) };
    const { items, removed } = rankCandidates({
      candidates: [
        { source: 'lexical', itemIndex: 0, score: 3, reason: { kind: 'said', phrase: 'space' } },
        { source: 'lexical', itemIndex: 1, score: 2, reason: { kind: 'said', phrase: 'space' } },
        { source: 'lexical', itemIndex: 2, score: 2, reason: { kind: 'said', phrase: 'space' } },
        { source: 'u2i', itemIndex: 3, score: 5, reason: { kind: 'liked', title: 'Alien' } },
        { source: 'u2i', itemIndex: 4, score: 1 },
      ],
      weights: { lexical: 1, u2i: 1 },
      normalisation: 'minmax',
      k: 3,
      exclusions: { seen: new Set([0]) },
      diversity: { vectors, lambda: 0.5 },
    });
    expect(removed.seen).toBe(1);
    expect(items.map((x) => x.itemIndex)).not.toContain(0);
    expect(items).toHaveLength(3);
    // Items 1 and 2 are near-copies: MMR must not put both in the top 3 ahead of the others.
    expect(items.filter((x) => x.itemIndex === 1 || x.itemIndex === 2)).toHaveLength(1);
    expect(items.find((x) => x.itemIndex === 3)?.explanation).toBe('because you liked Alien');
  });
});
