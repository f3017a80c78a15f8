// The candidate functions of the lexical, popular and U2I sources, and what a user vector does to a fused feed.
import { describe, expect, it } from 'vitest';
import { phraseCandidates } from '../../../src/core/fusion/sources/lexical.ts';
import { popularCandidates } from '../../../src/core/fusion/sources/popular.ts';
import { u2iCandidates } from '../../../src/core/fusion/sources/u2i.ts';
import { rankCandidates } from '../../../src/core/fusion/rank.ts';

// Items 0-2 space films, 3-4 romances (2-d "taste" space).
const items = { dim: 2, rows: 5, data: Float32Array.from([1, 0, 0.9, 0.2, 0.8, 0.1, 0, 1, 0.1, 0.9]) };

describe('candidate sources', () => {
  it('U2I candidates name the most similar liked item, or fall back to taste', () => {
    const c = u2iCandidates({ user: Float32Array.from([1, 0.1]), items, k: 3, exclude: new Set([0]), liked: [{ itemIndex: 0, title: 'Alien' }] });
    expect(c.map((x) => x.itemIndex)).toEqual([1, 2, 4]);
    expect(c[0]!.reason).toEqual({ kind: 'liked', title: 'Alien' });
    // Item 4 (a romance) is not similar enough to Alien to be explained by it.
    expect(c[2]!.reason).toEqual({ kind: 'taste' });
    expect(u2iCandidates({ user: Float32Array.from([1, 0]), items, k: 2 })[0]!.reason).toEqual({ kind: 'taste' });
    // A cold user proposes nothing rather than k arbitrary items.
    expect(u2iCandidates({ user: new Float32Array(2), items, k: 2 })).toEqual([]);
  });

  it('popular and phrase candidates carry their reasons and honour exclusions', () => {
    expect(popularCandidates([0.1, 0.9, 0.5], 2, new Set([1])).map((c) => c.itemIndex)).toEqual([2, 0]);
    const p = phraseCandidates('lexical', [
      { item: 3, score: 2, because: [{ phrase: 'love story' }] },
      { item: 1, score: 1, because: [] },
    ]);
    expect(p[0]!.reason).toEqual({ kind: 'said', phrase: 'love story' });
    expect(p[1]!.reason).toBeUndefined();
  });

  it('a downloaded user vector changes the fused feed for the same words', () => {
    const said = phraseCandidates('lexical', [0, 1, 2, 3, 4].map((item) => ({ item, score: 1, because: [{ phrase: 'movie' }] })));
    const feed = (user: Float32Array) =>
      rankCandidates({ candidates: [...said, ...u2iCandidates({ user, items, k: 5 })], weights: { lexical: 1, u2i: 0.5 }, normalisation: 'minmax', k: 2 }).items.map(
        (x) => x.itemIndex,
      );
    expect(feed(Float32Array.from([1, 0]))).toEqual([0, 1]);
    expect(feed(Float32Array.from([0, 1]))).toEqual([3, 4]);
  });
});
