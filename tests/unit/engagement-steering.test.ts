// Steering after the first like (issue 15, second round): exploration keeps a card or two per screen
// and widens after "Not for me"s with no like since, a new taste overtakes an old one after a few
// likes, and a catalog without categories is covered by parts of its word space.
import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../src/core/catalog.ts';
import { deliver } from '../../src/core/delivery.ts';
import { clusterStrata } from '../../src/core/engagement/clusters.ts';
import { coverCandidates } from '../../src/core/engagement/explore.ts';
import { countSkipsSinceLike, sessionInput, skipsSinceLike } from '../../src/core/engagement/session-input.ts';
import { sessionVector, type EngagementEvent } from '../../src/core/engagement/session-vector.ts';
import { buildWordSpace } from '../../src/core/engagement/word-space.ts';
import { buildLexicalIndex } from '../../src/core/lexical.ts';
import { exploreSourceBy } from '../../src/core/fusion/sources/explore.ts';
import { popularSource } from '../../src/core/fusion/sources/popular.ts';
import { sessionSource } from '../../src/core/engagement/session-source.ts';

const item = (id: string, tags: string[], popularity = 0.5): CatalogItem => ({
  id, title: id, titles: {}, tags: { en: tags }, category: '', categories: [], safety: 'safe', popularity,
});
// Four kinds of four items each, no categories: words shared within a kind only.
const kinds = { dog: ['dog', 'pet'], car: ['car', 'wheel'], tree: ['tree', 'leaf'], cake: ['cake', 'sweet'] };
const items: CatalogItem[] = Object.entries(kinds).flatMap(([kind, tags], g) =>
  [0, 1, 2, 3].map((n) => item(`${kind}${n}`, [...tags, `${kind}${n}x`, `${kind}${n}y`], 0.9 - 0.2 * g - 0.01 * n)),
);
const rowOf = new Map(items.map((it, i) => [it.id, i]));
const words = buildWordSpace(items);
const kindOf = (r: number) => items[r]!.id.replace(/\d$/, '');

describe('catalog parts without categories', () => {
  const strata = clusterStrata({ words, pictures: null, weights: { words: 1, picture: 0 } }, Float32Array.from(items, (it) => it.popularity))!;
  it('puts items that share words in the same part', () => {
    for (const rows of strata.rowsOfLeaf) expect(new Set([...rows].map(kindOf)).size).toBe(1);
  });
  it('a cold screen shows one item of each kind', () => {
    const first = coverCandidates({ strata, shown: [], k: 4 }).map((c) => kindOf(c.itemIndex));
    expect(new Set(first).size).toBe(4);
  });
});

describe('the session after a like', () => {
  it('counts the skips since the latest like, undone ones not', () => {
    const events: EngagementEvent[] = [
      { itemId: 'dog1', kind: 'skip', at: 1 },
      { itemId: 'dog0', kind: 'like', at: 2 },
      { itemId: 'car0', kind: 'skip', at: 3 },
      { itemId: 'car1', kind: 'skip', at: 4 },
      { itemId: 'car1', kind: 'unskip', at: 5 },
    ];
    expect(countSkipsSinceLike(events, 10)).toBe(1);
    const input = sessionInput({ events, rowOf, now: 10, rows: items.length, pictures: null, words, liked: [{ itemIndex: 0, title: 'dog0' }] })!;
    expect(skipsSinceLike(input)).toBe(1);
  });

  it('a new taste overtakes an old one after a few likes when the half-life is in likes', () => {
    const pictures = { dim: 4, rows: items.length, data: Float32Array.from(items.flatMap((_, r) => [0, 1, 2, 3].map((f) => (f === Math.floor(r / 4) ? 1 : 0)))) };
    const old = [0, 1, 2, 3].map((n) => ({ itemId: `dog${n}`, kind: 'like', at: n }));
    const fresh = [0, 1].map((n) => ({ itemId: `car${n}`, kind: 'like', at: 10 + n }));
    const weights = { like: 1, click: 0.5, dwell: 0.3, skip: 0 };
    const byTime = sessionVector([...old, ...fresh], pictures, rowOf, 20, { weights, halfLifeMs: 3_600_000 })!;
    const byLikes = sessionVector([...old, ...fresh], pictures, rowOf, 20, { weights, halfLifeMs: 3_600_000, halfLifeEvents: 1 })!;
    expect(byTime[0]!).toBeGreaterThan(byTime[1]!); // 4 dogs against 2 cars
    expect(byLikes[1]!).toBeGreaterThan(byLikes[0]!); // the cars, newer, weigh more
  });
});

describe('exploration after the first like', () => {
  const lexical = buildLexicalIndex(items, { formatVersion: 1, id: 't', name: 't', kind: 'stickers', itemCount: items.length, items: 'items.json' } as never);
  const feed = (events: EngagementEvent[], share = { afterLike: 1, perSkip: 0.5, maxShare: 0.3 }) =>
    deliver({
      items, lexical, intent: null, k: 10,
      sources: [sessionSource, exploreSourceBy('categories', share), popularSource],
      session: sessionInput({
        events, rowOf, now: 100, rows: items.length, pictures: null, words,
        liked: events.filter((e) => e.kind === 'like').map((e) => ({ itemIndex: rowOf.get(e.itemId)!, title: e.itemId })), shown: new Set([0, 1]),
      })!,
    });
  const like: EngagementEvent = { itemId: 'dog0', kind: 'like', at: 1 };
  const explored = (f: ReturnType<typeof feed>) => f.filter((e) => e.source === 'explore');
  it('keeps one card that is not like the liked item', () => {
    const e = explored(feed([like]));
    expect(e).toHaveLength(1);
    expect(kindOf(rowOf.get(e[0]!.id)!)).not.toBe('dog');
  });
  it('explores more after skips with no like since, up to its share of the screen', () => {
    const skips = ['car0', 'tree0', 'cake0', 'car1', 'tree1', 'cake1'].map((id, n) => ({ itemId: id, kind: 'skip', at: 2 + n }));
    expect(explored(feed([like, ...skips.slice(0, 2)]))).toHaveLength(2);
    expect(explored(feed([like, ...skips]))).toHaveLength(3);
  });
  it('stops at the first like when told to (the previous design)', () => {
    expect(explored(feed([like], { afterLike: 0, perSkip: 0, maxShare: 0.3 }))).toHaveLength(0);
  });
});
