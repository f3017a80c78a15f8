// The similar source (items like the ones liked this session) and the normalisation it relies on.
import { describe, expect, test } from 'vitest';
import { normaliseScores } from '../../../src/core/fusion/fuse.ts';
import { similarCandidates } from '../../../src/core/fusion/sources/similar.ts';

const items = { rows: 5, dim: 2, data: new Float32Array([1, 0, 0.9, 0.1, 0, 1, -1, 0, 0, 0]) };

describe('similarCandidates', () => {
  test('proposes items near the liked ones, says which like, never the liked item itself', () => {
    const c = similarCandidates({ items, liked: [{ itemIndex: 0, title: 'Alien' }], k: 3 });
    expect(c.map((x) => x.itemIndex)).toEqual([1]); // item 2 is orthogonal (0), 3 opposite, 4 has no vector
    expect(c[0]).toMatchObject({ source: 'similar', reason: { kind: 'liked', title: 'Alien' } });
    expect(c[0]!.score).toBeCloseTo(0.9 / Math.hypot(0.9, 0.1), 6);
  });

  test('several likes: each candidate keeps its closest like; excluded and vector-less items are skipped', () => {
    const c = similarCandidates({ items, liked: [{ itemIndex: 0, title: 'A' }, { itemIndex: 2, title: 'B' }, { itemIndex: 4, title: 'none' }], k: 5, exclude: new Set([1]) });
    expect(c).toEqual([]); // 1 excluded; 3 is opposite to A and orthogonal to B
    expect(similarCandidates({ items, liked: [], k: 3 })).toEqual([]);
  });
});

describe("'max' normalisation", () => {
  test('keeps weak matches weak but not zero, unlike minmax', () => {
    expect(Array.from(normaliseScores([1.3, 0.8, 0.8], 'max'))).toEqual([1, 0.8 / 1.3, 0.8 / 1.3]);
    expect(Array.from(normaliseScores([1.3, 0.8, 0.8], 'minmax'))).toEqual([1, 0, 0]);
    expect(Array.from(normaliseScores([0.5, -0.5], 'max'))).toEqual([1, 0]);
    expect(Array.from(normaliseScores([-1, -2], 'max'))).toEqual([1, 0]); // no positive score: minmax
  });
});
