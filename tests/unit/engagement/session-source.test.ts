import { describe, expect, it } from 'vitest';
import { catalogVectors, sessionCandidates, sessionSource } from '../../../src/core/engagement/session-source.ts';
import { skipNeighbours } from '../../../src/core/engagement/skip-penalty.ts';
import { exploreCandidates } from '../../../src/core/engagement/explore.ts';
import { rankCandidates } from '../../../src/core/fusion/rank.ts';

// Dogs near the first axis, cats near the second, a car on the third; row 5 has no vector.
const data = Float32Array.from([1, 0, 0, 0.95, 0.05, 0, 0.9, 0.1, 0, 0.1, 1, 0, 0, 0, 1, 0, 0, 0]);
const items = { dim: 3, rows: 6, data };
const liked = [{ itemIndex: 0, title: '🐶 dog' }, { itemIndex: 3, title: '🐱 cat' }];

describe('session source', () => {
  it('proposes the items closest to the session vector, without skipped or vector-less rows', () => {
    const c = sessionCandidates({ session: Float32Array.from([1, 0, 0]), items, k: 10, exclude: new Set([1]), liked });
    expect(c.map((x) => x.itemIndex)).toEqual([0, 2, 3, 4]);
    expect(c.every((x) => x.source === 'session')).toBe(true);
    expect(c[0]!.score).toBeCloseTo(1, 6);
  });

  it('names the closest liked item as the reason', () => {
    const c = sessionCandidates({ session: Float32Array.from([1, 0, 0]), items, k: 3, liked });
    expect(c.find((x) => x.itemIndex === 2)!.reason).toEqual({ kind: 'liked', title: '🐶 dog' });
    expect(c.find((x) => x.itemIndex === 0)!.reason).toEqual({ kind: 'liked', title: '🐱 cat' });
    expect(sessionCandidates({ session: Float32Array.from([0, 1, 0]), items, k: 1 })[0]!.reason).toEqual({ kind: 'taste' });
  });

  it('plugs into the ranking as a source row and explains with the liked title', () => {
    const candidates = sessionCandidates({ session: Float32Array.from([1, 0, 0]), items, k: 5, liked: liked.slice(0, 1) });
    const { items: ranked } = rankCandidates({ candidates, k: 2, weights: { session: 1 }, sources: [sessionSource], exclusions: { disliked: new Set([0]) } });
    expect(ranked.map((r) => r.itemIndex)).toEqual([1, 2]);
    expect(ranked[0]!.explanation).toBe('because you liked 🐶 dog');
  });

  it('builds a catalog-ordered matrix from a vector lookup, zero rows where none', () => {
    const m = catalogVectors(['x', 'y'], 2, (id) => (id === 'x' ? Float32Array.from([1, 2]) : undefined));
    expect(Array.from(m.data)).toEqual([1, 2, 0, 0]);
  });
});

describe('skip-neighbour penalty', () => {
  it('lowers only the near neighbours of a skipped item, compounding over skips', () => {
    const f = skipNeighbours([0], items, { neighbours: 3, strength: 0.5, minSimilarity: 0.8 });
    expect([...f.keys()].sort()).toEqual([1, 2]); // the other dogs; not the cat or the car
    expect(f.get(1)).toBeCloseTo(0.5, 9);
    const two = skipNeighbours([0, 1], items, { neighbours: 3, strength: 0.5, minSimilarity: 0.8 });
    expect(two.has(0) || two.has(1)).toBe(false); // skipped rows are excluded elsewhere, not penalised
    expect(two.get(2)).toBeCloseTo(0.25, 9);
    expect(skipNeighbours([], items).size).toBe(0);
  });

  it('its factors push a near neighbour below a far item in the fused ranking', () => {
    const candidates = [
      { source: 'popular' as const, itemIndex: 2, score: 1 },
      { source: 'popular' as const, itemIndex: 4, score: 0.8 },
    ];
    const penalties = skipNeighbours([0], items, { neighbours: 3, strength: 0.5, minSimilarity: 0.8 });
    const { items: ranked } = rankCandidates({ candidates, k: 2, weights: { popular: 1 }, penalties });
    expect(ranked.map((r) => r.itemIndex)).toEqual([4, 2]);
  });
});

describe('exploration', () => {
  it('proposes items unlike anything shown, skipping excluded rows', () => {
    const c = exploreCandidates({ items, shown: [0, 1, 2], k: 2, exclude: new Set([3]) });
    expect(c.map((x) => x.itemIndex)).toEqual([4]);
    expect(exploreCandidates({ items, shown: [], k: 3 })).toHaveLength(3);
  });
});

describe('session source beside a topic (2026-12-02)', () => {
  // The sticker catalog with a picture space in which only the snowman stands out: a session that liked
  // it proposes it first. Asked for another topic, the session orders that topic and brings no snowman.
  it('"going to sapporo this winter", like the snowman, then "우울해": the sad faces, no snowman; with nothing asked, the snowman', async () => {
    const { productTurns, items } = await import('../knowledge/product-turns.ts');
    const { deliver } = await import('../../../src/core/delivery.ts');
    const { buildLexicalIndex } = await import('../../../src/core/lexical.ts');
    const lexical = buildLexicalIndex(items);
    const snow = items.findIndex((it) => it.title === 'snowman');
    const data = new Float32Array(items.length * 2);
    items.forEach((_, i) => data.set(i === snow ? [1, 0] : [0.2, 1], i * 2));
    const session = { vector: Float32Array.from([1, 0]), items: { dim: 2, rows: items.length, data }, liked: [{ itemIndex: snow, title: '⛄ snowman' }] };
    const titles = (intent: Parameters<typeof deliver>[0]['intent']) => deliver({ items, lexical, intent, k: 10, session }).map((e) => items.find((it) => it.id === e.id)!.title);
    const sad = titles(productTurns('going to sapporo this winter', '우울해').intent);
    expect(sad).not.toContain('snowman');
    expect(sad).toEqual(expect.arrayContaining(['pensive face', 'crying face']));
    expect(titles(null)[0]).toBe('snowman');
  });
});
