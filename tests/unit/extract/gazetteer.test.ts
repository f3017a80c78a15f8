import { describe, expect, it } from 'vitest';
import { buildGazetteer, GazetteerError, gazetteerKey, parsePlaceList, type GazetteerItem } from '../../../src/core/extract/gazetteer.ts';
import { weighPhrase } from '../../../src/core/extract/phrases.ts';
import { stickerEngine } from './fixtures.ts';

const item = (title: string, category: string, sub: string, tags: string[] = []): GazetteerItem => ({
  title, titles: {}, tags: { en: tags }, category, categories: [sub],
});

describe('buildGazetteer', () => {
  it('types terms by the categories of the items that use them, not by a word list', () => {
    const g = buildGazetteer({
      items: [
        item('zorbleberry', 'food-drink', 'food-fruit', ['fruit']),
        item('zorbleberry pie', 'food-drink', 'food-prepared'),
        item('glimmercat', 'animals-nature', 'animal-mammal', ['pet']),
        item('glimmercat face', 'smileys-emotion', 'cat-face', ['pet']),
        item('hammer', 'objects', 'tool'),
      ],
      categoryLabels: { 'food-drink': { en: 'food & drink', ko: '음식 및 음료' } },
    });
    expect(g.lookup('zorbleberry')?.type).toBe('food');
    expect(g.lookup('zorbleberries')?.type).toBe('food'); // lemmatised
    expect(g.lookup('glimmercat')?.type).toBe('animal'); // faces do not vote
    expect(g.lookup('hammer')?.type).toBeNull();
    expect(g.lookup('drink')?.type).toBe('food'); // from the category label
    expect(g.lookup('음료')?.type).toBe('food');
    expect(g.lookup('zorbleberry')?.df).toBe(2);
    expect(g.lookup('nothing here')).toBeUndefined();
  });

  it('knows the sticker catalog: foods, animals, places, activities, country flags', () => {
    const g = stickerEngine().gazetteer;
    expect(g.lookup('pizza')?.type).toBe('food');
    expect(g.lookup('피자')?.type).toBe('food');
    expect(g.lookup('cat')?.type).toBe('animal');
    expect(g.lookup('고양이')?.type).toBe('animal');
    expect(g.lookup('volcano')?.type).toBe('place');
    expect(g.lookup('soccer')?.type).toBe('activity');
    expect(g.lookup('south korea')).toMatchObject({ type: 'place', country: 'KR' });
    expect(g.lookup('seoul')).toMatchObject({ type: 'place', country: 'KR' }); // from places.json
    expect(g.lookup('서울')).toMatchObject({ type: 'place', country: 'KR' });
  });

  it('reads the words of a Korean tag as words: a particle stripped, a verb before its auxiliary left out', () => {
    const g = stickerEngine().gazetteer;
    // "산에 뜨는 해" (sunrise over mountains) made "산에" a word; "울고 있는 고양이" (crying cat) made "울고" one.
    expect(g.has('산에')).toBe(false);
    expect(g.has('산')).toBe(true);
    expect(g.has('울고')).toBe(false);
    expect(g.lookup('울고 있는 고양이')).toBeDefined();
  });

  it('weighs a rare catalog word above a common one, and stays in [0, 1]', () => {
    const g = stickerEngine().gazetteer;
    const w = (text: string) => weighPhrase({ start: 0, end: 1, text }, g).weight;
    expect(w('sushi')).toBeGreaterThan(w('face'));
    for (const t of ['sushi', 'face', 'zzzunknown', '고양이']) {
      expect(w(t)).toBeGreaterThan(0);
      expect(w(t)).toBeLessThanOrEqual(1);
    }
  });

  it('normalises keys: case, plurals, spacing', () => {
    expect(gazetteerKey('  Hot  Air Balloons ')).toBe('hot air balloon');
  });

  it('rejects a malformed place list with a typed error', () => {
    expect(() => parsePlaceList({ formatVersion: 1, places: [{ en: ['x'], ko: [], country: 'korea' }] })).toThrow(GazetteerError);
    expect(() => parsePlaceList(null)).toThrow(GazetteerError);
  });
});
